from __future__ import annotations

import re

from ..base import Hit, Rule, register
from ..names import WORD, expanded_initialisms, fold, initialisms, names_in, stem
from ._util import figure_values

_ALT_CREDIT = re.compile(r"\(([^()]*/[^()]*)\)\s*$")


def _mentioned(key: str, words: set) -> bool:
    """The story has the word, inflected or not; a hyphenated one by any of its parts ("Mexico-U.S"
    against "U.S.-Mexico border")."""
    if key in words or stem(key) in words:
        return True
    return "-" in key and any(len(part) >= 3 and (part in words or stem(part) in words) for part in key.split("-"))


def _country_named(key: str, proper: set) -> bool:
    """A people's adjective alone ("Ukrainian serviceman", "Chinese") whose country the story
    names: "Ukraine", "China", "Britain" (the story's capitalised words, folded)."""
    demonym = _DEMONYM.match(key)
    return bool(demonym) and any(w.startswith(demonym.group(1)) for w in proper)


# "ukrainian" -> "ukrain", "chinese" -> "chin", "british" -> "brit": the country's name starts so
_DEMONYM = re.compile(r"^(\w{4,}?)(?:ians?|eans?|ese|ish)$")


#: captions with names from which a page whose captions mostly go unmatched is a picture gallery
_GALLERY = 5


@register
class Relevance(Rule):
    """The caption is matched to the story: the people, places and organisations it names occur in
    the headline, standfirst or body.

    Names are runs of capitalised words inside a sentence (see :mod:`auditor.rules.names`): not the
    word that starts a sentence, titles ("Finance Minister"), months and weekdays, position markers
    ("(Top L)") or slide counters; particles stay in a name ("Dorian Di Giorgio"). Matching ignores
    case, accents and possessives and tolerates inflection (``Obermanns``, ``Merkel's``). Names in the
    picture's own credit or linked to their own site in the caption (the maker of a product shown),
    and names whose initials the credit, caption or story writes ("National Oceanic and Atmospheric
    Administration" with "NOAA via AP"), are credited, not reported on. A
    multi-word name fires when none of its words occurs in the story;
    single words (not counted for German, where every noun is capitalised) fire only when fewer than
    ``threshold`` of all the caption's names are found. A page where most of five or more captions
    go unmatched is a picture gallery, whose captions are the story: it is not judged. Options: ``threshold`` (0 to 1, default 0.34),
    ``ignore`` (words never treated as names, e.g. the publication's own name), ``min_story_words``
    (default 40: with less story text read, nothing is judged).
    """

    kind = "relevance"
    options = {
        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
        "ignore": {"type": "array", "items": {"type": "string"}},
        "min_story_words": {"type": "integer", "minimum": 0},
    }
    placeholders = ("names", "figure", "caption", "credit")
    subject_keys = ("names",)

    def setup(self):
        self.threshold = self.spec.get("threshold", 0.34)
        self.ignore = {fold(w) for w in self.spec.get("ignore", [])}
        self.min_story_words = self.spec.get("min_story_words", 40)

    def check(self, document):
        language = document.language
        german = (language or "").lower().startswith("de")
        story = " ".join(b.text for b in document.text if b.part in ("headline", "standfirst", "body"))
        if len(story.split()) < self.min_story_words:
            return  # too little story text was read to say what it never mentions
        common = {fold(w) for f in document.figures if f.caption for w in WORD.findall(f.caption) if w.islower()}
        common.update(fold(w) for w in WORD.findall(story) if w.islower())
        captions = [(n, f, names_in(f.caption, language, common))
                    for n, f in enumerate(document.figures, 1) if f.caption]
        if not any(names for _, _, names in captions):
            return
        words, proper = set(), set()
        for word in set(WORD.findall(story)):
            folded = fold(word)
            words.add(folded)
            words.add(stem(folded))
            if word[0].isupper():
                proper.add(folded)
        story_initialisms = initialisms(story)
        hits = []
        for number, figure, names in captions:
            credit = figure.credit.text if figure.credit else ""
            # the photographer or handout provider a caption names is credited, not reported on:
            # "image provided by the National Oceanic and Atmospheric Administration (NOAA via AP)"
            credited = {fold(w) for w in WORD.findall(credit)}
            # "Wandfarbe von <a href=farrow-ball.com>Farrow & Ball</a>": the maker the caption links to
            credited.update(fold(w) for w in WORD.findall(" ".join(figure.caption_links)))
            if figure.alt and figure.alt != figure.caption:
                # "… (KEYSTONE/Christian Beutler)": a credit the alt text carries names the photographer
                credited.update(fold(w) for w in WORD.findall(" ".join(_ALT_CREDIT.findall(figure.alt))))
            spelled = expanded_initialisms(figure.caption, story_initialisms | initialisms(credit)
                                           | initialisms(figure.caption))
            missing, found = [], 0
            for name in names:
                keys = [k for k in name.keys if k not in self.ignore]
                if not keys or any(k in credited for k in keys) \
                        or any(start <= name.start and name.end <= end for start, end in spelled):
                    continue  # the picture's source or maker ("Westfalia Nugget" under "Foto: Ford Westfalia")
                if len(name.keys) == 1 and german:
                    continue  # every German noun is capitalised: one word is no name
                if any(_mentioned(k, words) for k in keys) or len(keys) == 1 and _country_named(keys[0], proper):
                    found += 1
                else:
                    missing.append(name)
            if not missing:
                continue
            total = found + len(missing)
            multi = [m for m in missing if len(m.keys) > 1]
            # One lone place name ("Barcelona") is too little to judge a caption by.
            if multi or (total >= 2 and found / total < self.threshold):
                values = figure_values(figure, number)
                values["names"] = ", ".join(dict.fromkeys(name.text for name in multi or missing))
                hits.append(Hit(figure.caption_line or figure.line, number, values,
                                fix="check the caption against the story, or name the person in the text"))
        named = sum(1 for _, _, names in captions if names)
        if named >= _GALLERY and len(hits) * 2 > named:
            return  # most captions name what the text does not: the pictures are the story (a gallery)
        yield from hits
