from __future__ import annotations

import re
from collections import Counter

from ...registry import alias_key
from ..base import Hit, Rule, register
from .vocabulary import agency_spellings

_ASPECTS = ("prefix", "separator", "agency-casing")
_SEPARATOR = re.compile(r"\s*(/|\||,|\s[–—-]\s)\s*")


@register
class Consistency(Rule):
    """One style across the article: the same credit prefix on every visible credit (not ``Foto:`` on
    one and ``Bild:`` on the next), the same separator in credit chains, one spelling per agency.

    Options: ``aspects``, any of ``prefix``, ``separator``, ``agency-casing`` (default all). The
    findings are on the credits that differ from the style most of the article uses; where no style
    has a majority, nothing is reported. Prefixes are compared within one kind of picture
    (``Photo:`` with ``Foto:``, never with ``Illustration:``, ``Graphic:`` or ``Video:``). An agency
    written in its canonical form is never the odd one out: the other spellings are
    ``agency-alias``'s to report.
    """

    kind = "consistency"
    options = {"aspects": {"type": "array", "items": {"enum": list(_ASPECTS)}, "uniqueItems": True}}
    placeholders = ("aspect", "found", "expected", "figure", "credit")
    subject_keys = ("aspect", "found")

    def setup(self):
        self.aspects = self.spec.get("aspects", list(_ASPECTS))

    def check(self, document):
        visible = [(n, f) for n, f in enumerate(document.figures, 1) if f.credit and f.credit.origin == "visible"]
        if "prefix" in self.aspects:
            # Only explicit prefixes are compared: a credit without one may stand in a credit element.
            by_kind: dict[str, list] = {}
            for n, f in visible:
                if f.credit.prefix:
                    prefix = _prefix(f.credit.prefix)
                    by_kind.setdefault(_picture_kind(prefix), []).append((n, f, prefix))
            for items in by_kind.values():
                yield from self._odd_ones(items, "prefix", lambda v: v or "no prefix")
        if "separator" in self.aspects:
            items = []
            for n, f in visible:
                match = _SEPARATOR.search(f.credit.text)
                if match:
                    items.append((n, f, match.group(1).strip() or match.group(1)))
            yield from self._odd_ones(items, "separator", lambda v: f"'{v}'")
        if "agency-casing" in self.aspects:
            spellings: dict[str, list] = {}
            # Credits only: datelines and sign-offs have conventions of their own ("(Reuters)" over
            # "REUTERS/Jane Doe" is house style, not inconsistency).
            for _place, surface, agency, line, number in agency_spellings(
                    document, self.context.registry, ("credit",)):
                spellings.setdefault(agency.name, []).append((surface, line, number))
            for name, uses in spellings.items():
                # only spellings of the same name count ("AP" and "Associated Press" are two names)
                groups: dict[str, list] = {}
                for surface, line, number in uses:
                    groups.setdefault(alias_key(surface), []).append((surface, line, number))
                for group in groups.values():
                    counts = Counter(surface for surface, _, _ in group)
                    if len(counts) < 2 or name in counts:
                        continue  # one spelling, or the canonical one among them (agency-alias reports the others)
                    expected = _majority(counts)
                    if expected is None:
                        continue
                    for surface, line, number in group:
                        if surface != expected:
                            yield Hit(line, number, {"aspect": "agency spelling", "found": surface,
                                                     "expected": expected, "figure": number or "",
                                                     "credit": surface},
                                      fix=f"write '{expected}' as elsewhere in the article")

    def _odd_ones(self, items, aspect, show):
        counts = Counter(_singular(value) for _, _, value in items)
        expected = _majority(counts) if len(counts) > 1 else None
        if expected is None:
            return
        for number, figure, value in items:
            if _singular(value) != expected:
                yield Hit(figure.credit.line or figure.line, number,
                          {"aspect": f"credit {aspect}", "found": show(value), "expected": show(expected),
                           "figure": number, "credit": figure.credit.text},
                          fix=f"use {show(expected)} as the other credits do")


def _majority(counts: Counter):
    """The most used value, or None when two are used equally often (no house style to point to)."""
    (first, top), *rest = counts.most_common(2)
    return None if rest and rest[0][1] == top else first


_PICTURE_KINDS = {
    "illustration": "illustration illustrations ilustración ilustracion illustrazione grafik grafiken graphic "
                    "graphics infographic infografik infografía chart map karte carte mapa drawing zeichnung "
                    "rendering visualisierung animation montage fotomontage collage cartoon karikatur",
    "video": "video videos vídeo",
    # how a photo is used, said on purpose: an illustrative or an archive picture
    "illustrative": "symbolbild symbolbilder symbolfoto symbolfotos symbolic",
    "archive": "archivbild archivbilder archivfoto archivfotos archive archives archivo",
    "screenshot": "screenshot screenshots screengrab capture",
}
_KIND_OF_WORD = {word: kind for kind, words in _PICTURE_KINDS.items() for word in words.split()}


def _picture_kind(prefix: str | None) -> str:
    """What a prefix says the picture is: ``photo illustration:`` is an illustration, ``foto:`` a photo."""
    words = re.findall(r"\w+", prefix or "")
    return next((_KIND_OF_WORD[w] for w in reversed(words) if w in _KIND_OF_WORD), "photo")


def _singular(prefix: str | None) -> str | None:
    """``fotos:`` is ``foto:`` (a prefix over two pictures), for comparing styles."""
    return re.sub(r"(?<=\w\w\w)s(?=\W*$)", "", prefix) if prefix else prefix


def _prefix(prefix: str | None) -> str | None:
    if not prefix:
        return None
    return " ".join(prefix.replace(" :", ":").split()).casefold()
