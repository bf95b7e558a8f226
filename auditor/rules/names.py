"""Names in a caption: the people, places and organisations it mentions, found without a model.

A name is a run of capitalised words inside a sentence. What looks like one but is not: the word
that only starts a sentence, titles ("Finance Minister"), month and weekday names ("October Boris
Johnson" names one man), position markers ("(Top L)", "(v.l.)"), slide counters ("1of4"), labels in
capitals ("FILE"). Particles stay inside a name (``Dorian Di Giorgio``, ``Ursula von der Leyen``,
``Abu Bakr al-Baghdadi``) and possessives are dropped (``Robert Koch's``). The word lists cover the
languages the shipped packs serve: English, German, French, Spanish, Italian, Portuguese and Dutch.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters, with inner apostrophes, hyphens and dots (``O'Brien``, ``Jean-Luc``, ``U.S.``).
WORD = re.compile(r"[^\W\d_](?:(?:[\w'’\-]|\.(?=\w))*[^\W_])?")

_SUFFIXES = ("'s", "’s", "s'", "’")
_INFLECTIONS = ("ern", "en", "es", "er", "em", "e", "n", "s")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words of the covered languages: capitalised, they only start a sentence.
STOP = _words("""
a an the this that these those in on at of for from to by with and or but as after before during near over
under outside inside between among against about into onto off up down out his her their its our he she
they we it there here when where while who which what how why all some many more most one two three
der die das den dem des ein eine einen einem einer und oder aber mit bei nach vor von vom zum zur im am an
auf aus für gegen um unter über durch seit während wie wo wer was hier dort auch noch schon nur
le la les un une des du de et ou au aux en dans sur sous pour par avec sans chez près lors
el los las lo una unos unas y o con sin por para sobre entre tras desde
il gli uno dei della nel sul per tra fra
os as um uma do da dos das no na nos nas em pelo pela
het een en van op te met voor bij naar uit
""")

# Words before a name that are not part of it: titles, offices, roles, picture labels.
TITLES = _words("""
mr mrs ms dr prof sir dame lord lady king queen prince princess pope president vice prime minister
chancellor secretary senator sen rep governor gov mayor chief ceo chairman chairwoman director head
leader spokesman spokeswoman spokesperson general gen col lt sgt officer judge justice associate
attorney ambassador envoy commissioner commander captain capt coach manager bishop archbishop cardinal
rabbi imam rev reverend exchequer state deputy former editor reporter correspondent photographer
columnist author
kanzler kanzlerin bundeskanzler bundeskanzlerin präsident präsidentin ministerin bürgermeister
bürgermeisterin sprecher sprecherin chef chefin vorsitzender vorsitzende trainer
ministre président présidente maire premier première ministro presidente alcalde
file photo photos handout pool archive archiv archivbild symbolbild foto fotos bild image picture pic
caption close open expand enlarge fullscreen gallery slideshow slide next previous prev zoom share
""")

MONTHS = _words("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar jänner februar märz mai juni juli oktober dezember
janvier février mars avril juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
januari februari maart mei juni juli augustus oktober
""")

WEEKDAYS = _words("""
monday tuesday wednesday thursday friday saturday sunday
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo
lunedì martedì mercoledì giovedì venerdì sabato domenica
segunda terça quarta quinta sexta sábado domingo
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
""")

# Lower-case words that belong inside a name: "Ursula von der Leyen", "Abu Bakr al-Baghdadi".
PARTICLES = _words("von van de da del della di du al el bin ibn zu ter dos do")
# Articles that follow a particle: "van der Sar", "de la Fuente", "de los Santos" (alone, in German,
# "der" is an article between two nouns: "Einigkeit der Abmahnfirmen").
SECOND_PARTICLES = _words("der den la le los las")
# Lower-case words that join the words of an organisation's name: "Bank of England", with "the"
# after them: "Center for the Arts". ("and" is not one: "Michael Douglas and Catherine Zeta-Jones"
# are two names.)
JOINERS = _words("of for & für")
# Written capitalised, they still join a name: "Dorian Di Giorgio", "Leonardo Da Vinci".
_CAPITAL_PARTICLES = _words("di da de del della van von le la du al el bin ibn dos")
# Before a German noun phrase: what follows is a thing, not a person ("der Brennerei Artemisia").
GERMAN_DETERMINERS = _words("""
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner im am zum zur
vom beim ins ans aufs unser unsere unserem unseren sein seine seinem seinen ihr ihre ihrem ihren
dieser diese diesem diesen dieses jeder jede jedem jeden neue neuen neuer neues
""")

# "(L)", "(Top L)", "(2nd R)", "(from left)", "(v.l.n.r.)", "(à g.)": where someone stands.
_POSITION_WORDS = _words("""
l r c m top bottom left right centre center middle front back rear row from 1st 2nd 3rd 4th second third
fourth clockwise foreground background
v.l.n.r v.l v.r vl li re links rechts mitte vorne hinten oben unten
à g d gauche droite au centre
izq izquierda der derecha
sx dx sinistra destra
""")
_PARENTHESIS = re.compile(r"\(([^()]{1,30})\)")
_COUNTER = re.compile(r"\b\d+\s*(?:of|/|von|de|sur|di|van)\s*\d+\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:([\w.]*)\.|[!?:;])\s*[\"'“”‘’«»„(]*$")
_OPENING = "\"'“”‘’«»„( \t\n\u00a0"
_RUN_BREAK = re.compile(r"[,;:()\"“”«»„/|•·]|\s[-–—]\s|[.!?]\s")
# AP style's abbreviations of US states: "Littleton, Colo.", "Nogales, Ariz." qualify a place.
US_STATES = _words("""
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
okla ore pa tenn vt va wash wis wyo
""")
# "Littleton, Colo., on Monday", "(D-Minn.)": abbreviations of places and parties, not names.
_ABBREVIATION_AFTER = re.compile(r"\.(?:\s*[,;)]|\s+[a-z\d])")
_PARTY = re.compile(r"^[A-Z]-[A-Z]")


@dataclass
class Name:
    """A name in a caption: as printed, and the words that identify it."""

    text: str  # "Dorian Di Giorgio"
    keys: list[str]  # folded words a story or credit can match: ["dorian", "giorgio"]
    start: int = 0  # offsets in the caption
    end: int = 0


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


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _without_positions(text: str) -> str:
    """Blanks position markers and slide counters, keeping offsets (so sentence starts stay put)."""
    def position(match: re.Match) -> str:
        words = re.findall(r"[\w.]+", match.group(1).casefold())
        if words and all(w.strip(".") in _POSITION_WORDS or w in _POSITION_WORDS or w.isdigit() for w in words):
            return "(" + " " * (len(match.group()) - 2) + ")"
        return match.group()

    return _COUNTER.sub(_blank, _PARENTHESIS.sub(position, text))


def _starts_sentence(text: str, offset: int) -> bool:
    """A full stop after an abbreviation ("U.S. President", "Dr. Smith") ends no sentence."""
    if not text[:offset].strip(_OPENING):
        return True
    match = _SENTENCE_END.search(text[max(0, offset - 40):offset])
    if not match:
        return False
    before = match.group(1)
    if before is None or before.endswith(".."):
        return True  # "!", "?", ":" or an ellipsis
    return not ("." in before or len(before) <= 2 or fold(before) in TITLES)


def _is_date_word(folded: str) -> bool:
    return folded in MONTHS or folded in WEEKDAYS


def names_in(caption: str, language: str | None = None, common: frozenset[str] | set[str] = frozenset()) -> list[Name]:
    """The names a caption mentions, in order. ``language`` (``de``, ``en-GB``) turns on the
    language's own cues: in German, a capitalised phrase after an article is a thing. ``common``
    holds words seen in lower case nearby (folded): capitalised at a sentence start, they are
    still common words ("Students Lea Karner arrive")."""
    text = _without_positions(caption)
    german = (language or "").lower().startswith("de")
    runs: list[list[tuple[re.Match, bool]]] = []
    current: list[tuple[re.Match, bool]] = []
    previous_end = 0
    previous_word = ""
    noun_phrase = False  # inside a German noun phrase that an article opened
    determiner = False  # a German article, maybe with adjectives after it ("am gemeinsamen")
    for match in WORD.finditer(text):
        word = match.group()
        gap = text[previous_end:match.start()]
        starts_sentence = _starts_sentence(text, match.start())
        if _RUN_BREAK.search(gap) or starts_sentence:
            noun_phrase = False
            if current:
                runs.append(current)
                current = []
        folded = fold(word)
        joins = bool(current) and (
            word.islower() and (folded in PARTICLES or folded in JOINERS
                                or (folded in SECOND_PARTICLES and fold(previous_word) in PARTICLES)
                                or (folded == "the" and fold(previous_word) in JOINERS))
            or folded in _CAPITAL_PARTICLES)
        if joins:
            current.append((match, starts_sentence))
        elif _capitalised_name_word(word, text, match.end()) and not (german and _GERMAN_COMMON_NOUN.search(word)):
            if german and not current and (folded in GERMAN_DETERMINERS or (determiner and not starts_sentence)):
                noun_phrase = True  # "der Brennerei Artemisia", "Beim Pössl": a thing, not a person
            determiner = False
            if not noun_phrase:
                current.append((match, starts_sentence))
            if word.endswith(("'s", "’s")):
                runs.append(current)  # a possessive ends a name: "Grass Valley's Dionicio Torres"
                current = []
        else:
            noun_phrase = False
            determiner = german and (folded in GERMAN_DETERMINERS or (determiner and _GERMAN_ADJECTIVE.search(folded)))
            if current:
                runs.append(current)
            current = []
        previous_end = match.end()
        previous_word = word
    if current:
        runs.append(current)
    quoted = [m.span() for m in _SHORT_QUOTE.finditer(text)]
    return [name for run in runs if (name := _name_of(run, caption, german, common))
            and not _quoted_title(text, name) and not any(a < name.start and name.end < b for a, b in quoted)
            and not (len(name.keys) == 1 and _NUMBER_AFTER.match(text, name.end))]


# A short quotation, a slogan or a title on a placard ("'Stop the War'"): what it names is quoted
_SHORT_QUOTE = re.compile(r"(?<!\w)[\"“„«‚‘'][^\"“”„«»‚‘’']{2,60}[\"”“»’‘'](?!\w)")
# One word before a number is a designation: "Terminal 5", "Gate 3", "iPhone 15 Pro"
_NUMBER_AFTER = re.compile(r"\s+\d")


_OPENING_QUOTES = "\"“„«‹‚‘'"
_CLOSING_QUOTE = re.compile(r"[.,;:!?]?[\"”“»›’‘']")


def _quoted_title(text: str, name: Name) -> bool:
    """A capitalised phrase that fills a pair of quotation marks is a work's title (the "Good
    Shepherd", „Tatort“), not a person, place or organisation the story should name."""
    before = text[:name.start].rstrip()
    return bool(before) and before[-1] in _OPENING_QUOTES and _CLOSING_QUOTE.match(text, name.end) is not None


_GERMAN_ADJECTIVE = re.compile(r"(?:e|en|er|es|em)$")
# German nouns made with a derivational suffix ("Regierung", "Gemeinschaft") and compounds on one
# ("Traditionsmarke", "Sicherheitsrat"): common nouns, whatever their capital says. Short words are
# left alone: "Jung" and "Hartung" are surnames.
_GERMAN_COMMON_NOUN = re.compile(
    r"^[^\W\d_]{5,}(?:ung|heit|keit|schaft|tion|tät)(?:en)?$|"
    r"(?:ungs|heits|keits|schafts|tions|täts)[a-zäöüß]{3,}$")
# "al-Baghdadi", "bin-Salman", "el-Sisi": a particle glued to a name
_GLUED_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abu|de|di|da|van|von)-[^\W\d_]")


def _capitalised_name_word(word: str, text: str, end: int) -> bool:
    if any(c.isdigit() for c in word) or _is_date_word(fold(word)):
        return False
    if not word[0].isupper():
        return bool(_GLUED_PARTICLE.match(word)) and word.split("-", 1)[1][0].isupper()
    if _PARTY.match(word):
        return False
    if text.startswith(".", end) and fold(word) in US_STATES:
        return False
    return not (len(word) <= 5 and _ABBREVIATION_AFTER.match(text, end))


def _name_of(run: list[tuple[re.Match, bool]], caption: str, german: bool, common) -> Name | None:
    words = list(run)
    # A capital that only starts a sentence is no evidence of a name: alone ("Protesters march"),
    # in German where every noun has one ("Traute Einigkeit"), or when the word is seen in lower
    # case nearby ("Students Lea Karner"). Before another capital it may be a first name.
    if words and words[0][1]:
        first = fold(words[0][0].group())
        # ("Soldiers of the 93rd Brigade", "Members of the Hamas armed wing": a common noun, then its
        # group; "of" after the first word says so)
        if len(words) == 1 or german or first in common or first in STOP or fold(words[1][0].group()) in JOINERS:
            words = words[1:]
    # Whatever stands before the last title is the office, not the name: "Vietnamese Defense
    # Minister Ngo Xuan Lich", "Associate Justice Sonia Sotomayor".
    last_title = max((i for i, (m, _) in enumerate(words) if fold(m.group()) in TITLES), default=-1)
    words = words[last_title + 1:]
    while words and _filler(fold(words[0][0].group())):
        words = words[1:]
    while words and _filler(fold(words[-1][0].group())):
        words = words[:-1]
    if not words:
        return None
    keys = []
    for match, _ in words:
        word = match.group()
        folded = fold(word)
        if _filler(folded) or folded in SECOND_PARTICLES:
            continue
        if word.isupper() and len(word) > 1:
            continue  # capitals are labels, codes and credits ("IMAGEN DE REFERENCIA", "DUS"), not names
        if len(folded) >= 3:
            keys.append(folded)
    if not keys:
        return None
    start, end = words[0][0].start(), words[-1][0].end()
    shown = caption[start:end]
    for suffix in _SUFFIXES:
        if shown.endswith(suffix):
            shown = shown[: -len(suffix)]
            break
    return Name(" ".join(shown.split()), keys, start, end)


def _filler(folded: str) -> bool:
    return folded in STOP or folded in PARTICLES or folded in JOINERS or folded in TITLES


def expanded_initialisms(caption: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Spans of the caption whose capitalised words spell one of ``wanted``: "National Oceanic and
    Atmospheric Administration" for ``noaa``."""
    words = [m for m in WORD.finditer(caption) if m.group()[0].isupper() and fold(m.group()) not in JOINERS]
    spans = []
    for size in {len(w) for w in wanted if len(w) >= 2}:
        for i in range(len(words) - size + 1):
            window = words[i:i + size]
            letters = "".join(m.group()[0] for m in window).casefold()
            between = caption[window[0].start():window[-1].end()]
            if letters in wanted and not re.search(r"[,;:()/]", between):
                spans.append((window[0].start(), window[-1].end()))
    return spans


def initialisms(text: str) -> set[str]:
    """Words in capitals that may stand for a name: ``NOAA``, ``U.N.``, ``EU``."""
    found = set()
    for word in WORD.findall(text):
        bare = word.replace(".", "")
        if 2 <= len(bare) <= 8 and bare.isupper():
            found.add(bare.casefold())
    return found
