from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..base import Hit, Rule, register
from ._util import figure_values

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*[^\W_]|[^\W\d_]")
# Words that start sentences or stand in titles: not names by themselves.
_STOP = frozenset(["a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "of", "for", "from", "to", "by", "with", "and", "or", "but", "as", "after", "before", "during", "near", "over", "under", "outside", "inside", "between", "among", "against", "about", "into", "onto", "off", "up", "down", "out", "his", "her", "their", "its", "our", "he", "she", "they", "we", "it", "there", "here", "when", "where", "while", "who", "which", "what", "how", "why", "all", "some", "many", "more", "most", "one", "two", "three", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "aber", "mit", "bei", "nach", "vor", "von", "vom", "zum", "zur", "im", "am", "an", "auf", "aus", "für", "gegen", "um", "unter", "über", "durch", "seit", "während", "wie", "wo", "wer", "was", "hier", "dort", "auch", "noch", "schon", "nur", "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "au", "aux", "en", "dans", "sur", "sous", "pour", "par", "avec", "sans", "chez", "près", "lors", "el", "los", "las", "lo", "una", "unos", "unas", "y", "o", "en", "con", "sin", "por", "para", "sobre", "entre", "tras", "desde", "il", "lo", "gli", "uno", "dei", "della", "nel", "sul", "con", "per", "tra", "fra"])
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope", "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "rep", "governor", "mayor", "chief", "ceo", "chairman", "chairwoman", "director", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "col", "lt", "sgt", "officer", "judge", "justice", "ambassador", "envoy", "foreign", "finance", "interior", "defense", "defence", "economy", "economic", "health", "state", "deputy", "former", "new", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin", "präsident", "präsidentin", "minister", "ministerin", "bürgermeister", "bürgermeisterin", "sprecher", "sprecherin", "chef", "chefin", "vorsitzender", "vorsitzende", "ministre", "président", "présidente", "maire", "premier", "première", "ministro", "presidente", "alcalde", "file", "photo", "photos", "handout", "pool", "archive", "archiv", "archivbild", "symbolbild", "foto", "fotos", "bild", "image", "picture"])
_CONNECTORS = frozenset(["von", "van", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "al", "el", "bin", "ibn", "y", "zu", "ter"])
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s*$")
_SUFFIXES = ("'s", "’s", "s'", "’")
_INFLECTIONS = ("ern", "en", "es", "er", "em", "e", "n", "s")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case-folded, accents removed, possessive dropped: ``Obermann’s`` -> ``obermann``."""
    word = word.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word.strip(".-")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude stem that tolerates German and English inflection (``Obermanns`` ~ ``Obermann``)."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def name_candidates(caption: str, skip_single: bool) -> list[list[str]]:
    """Runs of capitalised words that look like names, without sentence-initial words and titles."""
    runs: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    previous_end = 0
    for match in _WORD.finditer(caption):
        word = match.group()
        gap = caption[previous_end:match.start()]
        initial = match.start() == 0 or bool(_SENTENCE_BREAK.search(caption[:match.start()]))
        if current and (re.search(r"[,;:()\"“”]|\s[-–—]\s", gap) or initial):
            runs.append(current)
            current = []
        if word[0].isupper():
            current.append((word, initial))
        elif current and word in _CONNECTORS:
            current.append((word, False))
        else:
            if current:
                runs.append(current)
            current = []
        previous_end = match.end()
    if current:
        runs.append(current)
    candidates = []
    for run in runs:
        words = [(w, initial) for w, initial in run]
        if words and words[0][1] and (words[0][0].casefold() in _STOP or len(words) == 1):
            words = words[1:]  # a capital that only starts the sentence
        words = [(w, i) for w, i in words if w.casefold() not in _TITLES and w.casefold() not in _STOP
                 and w not in _CONNECTORS]
        # all-capital words are labels and credits ("IMAGEN DE REFERENCIA", "FILE"), not names
        tokens = [w for w, _ in words if len(fold(w)) >= 3 and not (w.isupper() and len(w) > 3)]
        if not tokens or (len(tokens) == 1 and skip_single):
            continue
        candidates.append(tokens)
    return candidates


@register
class Relevance(Rule):
    """The caption is matched to the story: the people, places and organisations it names occur in
    the headline, standfirst or body.

    Names are runs of capitalised words, without sentence-initial capitals, stop words and titles
    ("Finance Minister"); matching ignores case, accents and possessives and tolerates inflection
    (``Obermanns``, ``Merkel's``). A multi-word name fires when none of its words occurs in the story;
    single words (not counted for German, where every noun is capitalised) fire only when fewer than
    ``threshold`` of all the caption's names are found. Options: ``threshold`` (0 to 1, default 0.34),
    ``ignore`` (words never treated as names, e.g. the publication's own name).
    """

    kind = "relevance"
    options = {
        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
        "ignore": {"type": "array", "items": {"type": "string"}},
    }
    placeholders = ("names", "figure", "caption", "credit")
    subject_keys = ("names",)

    def setup(self):
        self.threshold = self.spec.get("threshold", 0.34)
        self.ignore = {fold(w) for w in self.spec.get("ignore", [])}

    def check(self, document):
        german = (document.language or "").lower().startswith("de")
        captions = [(n, f, name_candidates(f.caption, skip_single=german))
                    for n, f in enumerate(document.figures, 1) if f.caption]
        if not any(candidates for _, _, candidates in captions):
            return
        story = " ".join(b.text for b in document.text if b.part in ("headline", "standfirst", "body"))
        words = set()
        for word in set(_WORD.findall(story)):
            folded = fold(word)
            words.add(folded)
            words.add(stem(folded))
        for number, figure, candidates in captions:
            if not candidates:
                continue
            credited = {fold(w) for w in _WORD.findall(figure.credit.text)} if figure.credit else set()
            missing, found = [], 0
            for tokens in candidates:
                # the photographer named in a caption's own credit is not a name the story must carry
                keys = [fold(t) for t in tokens if fold(t) not in self.ignore and fold(t) not in credited]
                if not keys:
                    continue
                if any(k in words or stem(k) in words for k in keys):
                    found += 1
                else:
                    missing.append(tokens)
            if not missing:
                continue
            total = found + len(missing)
            multi = [m for m in missing if len(m) > 1]
            # One lone place name ("Barcelona") is too little to judge a caption by.
            if multi or (total >= 2 and found / total < self.threshold):
                shown = multi or missing
                values = figure_values(figure, number)
                values["names"] = ", ".join(dict.fromkeys(" ".join(tokens) for tokens in shown))
                yield Hit(figure.caption_line or figure.line, number, values,
                          fix="check the caption against the story, or name the person in the text")
