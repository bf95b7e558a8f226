"""The agency registry: canonical names, aliases and kinds of news and photo agencies.

Loaded from ``rules/agencies.yaml`` (validated by the ``agencies-1`` JSON Schema) and optionally
merged with a house file of additions and overrides. The registry turns any spelling it knows
("Associated Press", "AP Photo", "picture-alliance", "Deutsche Presse-Agentur") into the canonical
name every output uses, and scans text for agency names in one pass of a compiled pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import rules_dir, schema
from .yamlio import DataFileError, Marked, read_yaml_file, validate

KINDS = ("wire", "state-media", "photo", "distributor")

_SEPARATORS = re.compile(r"[\s\u00a0\u2010\u2011\u2013\-_]+")


def alias_key(text: str) -> str:
    """The form under which spellings are compared: case-folded, hyphens and spaces unified."""
    return _SEPARATORS.sub(" ", text.replace("\u200b", "")).strip().casefold()


@dataclass(frozen=True)
class Agency:
    name: str
    full_name: str | None = None
    country: str | None = None
    kinds: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # spellings that are also ordinary words ("wenn", "map")

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling of the agency: canonical name, full name and aliases."""
        forms = [self.name, *self.aliases]
        if self.full_name:
            forms.append(self.full_name)
        return tuple(dict.fromkeys(forms))

    def has_kind(self, kind: str) -> bool:
        return kind in self.kinds


@dataclass
class Match:
    start: int
    end: int
    agency: Agency
    surface: str  # the text as it stands in the source
    ambiguous: bool = False


_OPTIONAL_DOT = "\x00"


def trie_pattern(words, separator: str, optional_final_dot: bool = False) -> str:
    """A regex alternation of ``words`` built as a trie, so that matching stays fast with hundreds
    of aliases and the longest spelling wins (``dpa-Bildfunk`` over ``dpa``). A space in a word
    matches ``separator``; with ``optional_final_dot``, a word's final "." may be left out ("Fot.")."""
    trie: dict = {}
    for word in words:
        if optional_final_dot and word.endswith("."):
            word = word.rstrip(".") + _OPTIONAL_DOT
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = []
        # (the optional dot last: tried first, its empty match would hide a longer spelling)
        for char in sorted((k for k in node if k), key=lambda k: (k == _OPTIONAL_DOT, k)):
            atom = separator if char == " " else r"\.?" if char == _OPTIONAL_DOT else re.escape(char)
            branches.append(atom + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return render(trie)


# Chinese, Japanese, Korean and Thai text runs words together without spaces: "新华社记者" is "Xinhua
# reporter", "…スアレス＝ロイター" ends in "Reuters", "สำนักข่าวรอยเตอร์" is "news agency Reuters". Forms
# in those scripts match without word boundaries.
_CJK = re.compile(r"[\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# Arabic writes its one-letter conjunctions and prepositions on the next word: "لوكالة الصحافة
# الفرنسية" is "to the French press agency" (ل + وكالة), "وأسوشيتد برس" "and the Associated Press".
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PROCLITICS = "وفبلك"
_PROCLITIC = r"(?:(?<!\w)|(?<=(?<!\w)[" + _PROCLITICS + r"]))"


def _bounded(words: list[str], separator: str, cjk: bool = True, clitics: bool = False) -> str:
    """A pattern that finds ``words`` on word boundaries, and CJK forms anywhere (``cjk``); with
    ``clitics``, an Arabic form after a proclitic letter too."""
    cjk_words = [w for w in words if _CJK.search(w)] if cjk else []
    rest = [w for w in words if not _CJK.search(w)]
    arabic = [w for w in rest if _ARABIC.match(w)] if clitics else []
    plain = [w for w in rest if not _ARABIC.match(w)] if clitics else rest
    pattern = r"(?<!\w)(?:" + trie_pattern(plain, separator) + r")(?![\w\u00ad])"
    if arabic:
        pattern = pattern + "|" + _PROCLITIC + "(?:" + trie_pattern(arabic, separator) + r")(?![\w\u00ad])"
    if cjk_words:
        pattern = pattern + "|(?:" + trie_pattern(cjk_words, separator) + ")"
    return pattern


def _plain(words: list[str], separator: str) -> str:
    """The same without the CJK forms: for text with no CJK character (most text), faster."""
    return _bounded(words, separator, cjk=False)


def _arabic(words: list[str], separator: str) -> str:
    """For text in Arabic script: its forms after a proclitic letter too (kept out of the other
    patterns, where the extra alternative would be tried at every position of every text)."""
    return _bounded(words, separator, cjk=False, clitics=True)


def _script(text: str) -> str:
    """Which of the scanning patterns' variants the text needs: " cjk", " arabic" or ""."""
    if text.isascii():
        return ""
    if _CJK.search(text) is not None:
        return " cjk"
    return " arabic" if _ARABIC.search(text) is not None else ""


_WORDS = re.compile(r"\w+")
_NOT_WORDS = re.compile(r"\W+")


def _longest_word(form: str) -> str | None:
    return max(_WORDS.findall(form), key=len, default=None)


class _Span:
    """A match position on the original text when the search ran on its lower-cased copy."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


@dataclass
class AgencyRegistry:
    """All known agencies, indexed by every spelling."""

    agencies: list[Agency] = field(default_factory=list)

    def __post_init__(self):
        self._by_key: dict[str, Agency] = {}
        self._by_name: dict[str, Agency] = {}
        self._ambiguous_forms: set[str] = set()  # upper-cased; an alias names one agency only
        self._word_forms: set[str] = set()  # upper-cased spellings that are also ordinary words
        self._word_written: set[str] = set()  # those, as the registry writes them
        for agency in self.agencies:
            self._by_name[agency.name] = agency
            for form in agency.forms:
                self._by_key.setdefault(alias_key(form), agency)
            self._ambiguous_forms.update(form.upper() for form in agency.ambiguous)
            self._word_forms.update(form.upper() for form in agency.words)
            self._word_written.update(agency.words)
        self._sources: dict | None = None  # pattern name -> (source, flags), built on the first scan
        self._compiled: dict = {}  # pattern name -> compiled, each on its first use
        self._gate_words: frozenset = frozenset()
        self._gate_needs: dict = {}
        self._words: frozenset | None = None

    @property
    def words(self) -> frozenset:
        """Every word of every spelling, in lower case: a word outside it is in no agency's name."""
        if self._words is None:
            self._words = frozenset(w for agency in self.agencies for form in agency.forms
                                    for w in _NOT_WORDS.split(form.lower()) if w)
        return self._words

    # -- lookup -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.agencies)

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Agency | None:
        """The agency with this canonical name."""
        return self._by_name.get(name)

    def lookup(self, text: str) -> Agency | None:
        """The agency this whole string names, in any known spelling and case, or None."""
        return self._by_key.get(alias_key(text))

    def canonical(self, text: str) -> str | None:
        agency = self.lookup(text)
        return agency.name if agency else None

    @property
    def names(self) -> list[str]:
        return [agency.name for agency in self.agencies]

    # -- scanning -----------------------------------------------------------------------------
    def _pattern(self, name: str) -> re.Pattern:
        """One of the scanning patterns, compiled on its first use: compiling the lot took a third of
        a one-page CLI run, and most runs meet no CJK text and no text whose lower case is longer."""
        compiled = self._compiled.get(name)
        if compiled is None:
            if self._sources is None:
                self._sources = self._pattern_sources()
            source, flags = self._sources[name]
            compiled = self._compiled[name] = re.compile(source, flags)
        return compiled

    def _pattern_sources(self) -> dict:
        keys = sorted(self._by_key)
        sep = r"[\s\u00a0\u2010\u2011\-_]+"
        sources = {"any": (_plain(keys, sep), re.IGNORECASE), "any cjk": (_bounded(keys, sep), re.IGNORECASE),
                   "any arabic": (_arabic(keys, sep), re.IGNORECASE)}
        long_forms, short_forms = set(), set()
        for agency in self.agencies:
            for form in agency.forms:
                form = form.strip()
                if len(form) <= 4 and " " not in form:
                    short_forms.update({form, form.upper()})
                else:
                    long_forms.add(alias_key(form))
        sep = r"[\s\u00a0\u2010\u2011\-]+"
        longs = sorted({f.lower() for f in long_forms})
        shorts = sorted(short_forms)
        for suffix, build in (("", _plain), (" cjk", _bounded), (" arabic", _arabic)):
            # long spellings are matched against lower-cased text: much faster than re.IGNORECASE
            sources["long" + suffix] = (build(longs, sep), 0)
            sources["short" + suffix] = (build(shorts, sep), 0)
            sources["long any case" + suffix] = (build(longs, sep), re.IGNORECASE)
        # one word of every spelling, its longest (the rarest: "associated", not "the"): a
        # paragraph with none of them names no agency, and most paragraphs name none (a set
        # lookup per word instead of two large alternations)
        self._gate_words = frozenset(w for form in (*longs, *shorts)
                                     if (w := _longest_word(form.lower())) is not None)
        # and, per gate word, what else its spellings need: every other word of a long spelling
        # (German prose says "mehr" and "wenn", not "Mehr News"), a short one as written or in
        # capitals ("WENN"); both are only necessary, so the patterns still decide
        needs: dict[str, list] = {}
        for form in longs:
            if (word := _longest_word(form)) is not None:
                needs.setdefault(word, []).append(frozenset(w for w in _NOT_WORDS.split(form) if w))
        for form in shorts:
            if (word := _longest_word(form.lower())) is not None:
                needs.setdefault(word, []).append(form)
        self._gate_needs = needs
        return sources

    def _passes_gate(self, words: list[str], text: str) -> bool:
        """Does some spelling have all it needs in ``text``, whose lower-cased words are ``words``?"""
        found = self._gate_words.intersection(words)
        if not found:
            return False
        present = frozenset(words)
        return any(need <= present if isinstance(need, frozenset) else need in text
                   for word in found for need in self._gate_needs[word])

    def _after_proclitic(self, lower: str) -> bool:
        """Does an Arabic word, its proclitic letter left off, pass the gate ("وأسوشيتد")?"""
        return not self._gate_words.isdisjoint(w[1:] for w in _NOT_WORDS.split(lower) if w[:1] in _PROCLITICS)

    def scan(self, text: str) -> list[Match]:
        """Every agency spelling in ``text``, any case; for credits, sign-offs and datelines."""
        pattern = self._pattern("any" + _script(text))
        return [
            Match(m.start(), m.end(), self._by_key[alias_key(m.group())], m.group())
            for m in pattern.finditer(text) if not self.ordinary_word(m.group())
        ]

    def ordinary_word(self, surface: str) -> bool:
        """A spelling that is also an ordinary word, written as that word: "Map data © Google" is no
        credit of MAP, a blogger's "… wenn auch das Bild …" none of WENN ("MAP/Ahmed Benali" and
        "Foto: WENN" are). The registry lists such spellings as ``words``."""
        return surface.upper() in self._word_forms and surface != surface.upper() and surface not in self._word_written

    def scan_prose(self, text: str) -> list[Match]:
        """Agency spellings in running text.

        Long spellings match in any case; short codes (``AFP``, ``dpa``, ``AP``) only as written
        or in capitals, so that ordinary words do not count. Matches of forms the registry marks
        ``ambiguous`` (``AP``, ``PA``, ``TT``) are flagged for the caller to confirm by context.
        """
        if self._sources is None:
            self._sources = self._pattern_sources()
        matches: list[Match] = []
        taken: list[tuple[int, int]] = []
        lower = text.lower()
        suffix = _script(text)
        if not suffix and len(lower) == len(text):  # (most text: neither CJK nor Arabic)
            if not self._passes_gate(_NOT_WORDS.split(lower), text):  # (split: faster than findall)
                return matches
        elif suffix != " cjk" and self._gate_words.isdisjoint(_NOT_WORDS.split(lower)) \
                and not (suffix and self._after_proclitic(lower)):
            return matches
        long_pattern, short_pattern = self._pattern("long" + suffix), self._pattern("short" + suffix)
        if len(lower) != len(text):  # a rare character whose lower case is longer: keep offsets right
            lower, long_pattern = text, self._pattern("long any case" + suffix)
        for pattern, subject in ((long_pattern, lower), (short_pattern, text)):
            for m in pattern.finditer(subject):
                if subject is lower:
                    m = _Span(m.start(), m.end(), text[m.start():m.end()])
                if any(m.start() < end and start < m.end() for start, end in taken):
                    continue
                surface = m.group()
                agency = self._by_key.get(alias_key(surface))
                if agency is None:
                    continue
                ambiguous = surface.upper() in self._ambiguous_forms
                matches.append(Match(m.start(), m.end(), agency, surface, ambiguous))
                taken.append((m.start(), m.end()))
        matches.sort(key=lambda match: match.start)
        return matches

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def from_marked(cls, marked: Marked, base: AgencyRegistry | None = None) -> AgencyRegistry:
        """Build from a validated registry document, merging over ``base`` by canonical name."""
        validate(marked, schema("agencies-1"), "agency registry")
        merged: dict[str, Agency] = {a.name: a for a in (base.agencies if base else [])}
        for index, entry in enumerate(marked.data.get("agencies") or []):
            previous = merged.get(entry["name"])
            fields = {
                "name": entry["name"],
                "full_name": entry.get("full_name", previous.full_name if previous else None),
                "country": entry.get("country", previous.country if previous else None),
                "kinds": tuple(entry.get("kinds", previous.kinds if previous else ())),
                "aliases": tuple(entry.get("aliases", previous.aliases if previous else ())),
                "ambiguous": tuple(entry.get("ambiguous", previous.ambiguous if previous else ())),
                "words": tuple(entry.get("words", previous.words if previous else ())),
            }
            agency = Agency(**fields)
            forms = {alias_key(f) for f in agency.forms}
            for key in ("ambiguous", "words"):
                for form in getattr(agency, key):
                    if alias_key(form) not in forms:
                        raise marked.error(("agencies", index, key),
                                           f"{key} form '{form}' is not a spelling of {agency.name}; "
                                           "add it to aliases first")
            merged[agency.name] = agency
        registry = cls(list(merged.values()))
        registry._check_clashes(marked)
        return registry

    def _check_clashes(self, marked: Marked) -> None:
        owner: dict[str, str] = {}
        for agency in self.agencies:
            for form in agency.forms:
                key = alias_key(form)
                if key in owner and owner[key] != agency.name:
                    names = [e.get("name") for e in marked.data.get("agencies") or []]
                    pointer = ("agencies", names.index(agency.name)) if agency.name in names else ("agencies",)
                    raise marked.error(pointer,
                                       f"spelling '{form}' of {agency.name} is already a spelling of "
                                       f"{owner[key]}; an alias may name one agency only")
                owner[key] = agency.name

    @classmethod
    def load(cls, *paths: str | Path) -> AgencyRegistry:
        """The shipped registry, then each file in ``paths`` merged over it in order."""
        registry = default_registry()
        for path in paths:
            registry = cls.from_marked(read_yaml_file(path), base=registry)
        return registry


@lru_cache(maxsize=1)
def default_registry() -> AgencyRegistry:
    """The registry that ships with auditor (``rules/agencies.yaml``)."""
    path = rules_dir() / "agencies.yaml"
    try:
        return AgencyRegistry.from_marked(read_yaml_file(path))
    except DataFileError as exc:  # a broken installation, not a user error
        raise RuntimeError(f"the shipped agency registry is invalid: {exc}") from exc
