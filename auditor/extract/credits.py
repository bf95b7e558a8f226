"""Credit lines: telling a credit from a caption, stripping its prefix, splitting its chain.

``parse_credit("Image: Korean Central News Agency/Korea News Service/AP/picture alliance")`` gives a
:class:`~auditor.model.Credit` with four sources; ``split_caption("... 2019. REUTERS/Jane Doe")``
separates a credit glued to the end of a caption.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import FLAGS, Credit, Source
from ..registry import AgencyRegistry, trie_pattern
from ..resources import rules_dir, schema
from ..yamlio import DataFileError, read_yaml_file, validate
from .dom import clean


@lru_cache(maxsize=1)
def credit_words() -> tuple[tuple[str, ...], ...]:
    """Credit prefixes, suffixes, usage notes, kind words, lead-picture labels and file notes of every
    language in ``rules/vocab/credit-words.yaml``."""
    path = rules_dir() / "vocab" / "credit-words.yaml"
    try:
        marked = read_yaml_file(path)
        validate(marked, schema("credit-words-1"), "credit vocabulary")
    except DataFileError as exc:  # a broken installation, not a user error
        raise RuntimeError(f"the shipped credit vocabulary is invalid: {exc}") from exc
    prefixes, suffixes, notes, kinds, leads, file_notes = set(), set(), set(), set(), set(), set()
    for words in marked.data["languages"].values():
        prefixes.update(w.strip().lower() for w in words.get("prefixes", []))
        suffixes.update(w.strip() for w in words.get("suffixes", []))
        notes.update(w.strip().lower() for w in words.get("notes", []))
        kinds.update(w.strip().lower() for w in words.get("kinds", []))
        leads.update(w.strip().lower() for w in words.get("leads", []))
        file_notes.update(w.strip().lower() for w in words.get("file_notes", []))
    # an apostrophe as typesetting writes it: "Photo d’archives" as well as "photo d'archives"
    groups = [group | {w.replace("'", "’") for w in group}
              for group in (prefixes, suffixes, notes, kinds, leads, file_notes)]
    return tuple(sorted(group, key=lambda w: (-len(w), w)) for group in groups)


def _alternation(words) -> str:
    """Any of ``words``, the longest spelling first, spaces as any run of spaces, a trailing "."
    optional; as a trie (hundreds of words in 17 languages: a flat alternation tries each one at
    every position)."""
    spellings = {" ".join(w.split()) for w in words if w.strip()}
    # (a word written with an apostrophe is printed with a typographer's one too: "photo d’archives")
    spellings |= {w.replace("'", "’") for w in spellings if "'" in w}
    return trie_pattern(spellings, r"\s+", optional_final_dot=True)


# Prefixes that introduce a credit: the English and German core with its exceptions ("picture
# alliance" is an agency, not a prefix), then every language's words from rules/vocab. Longer first.
_PREFIX_WORDS = (
    r"photo\s+illustration\s+by|photo(?:graph)?s?\s+by|pictures?\s+by|images?\s+by|"
    r"illustration\s+by|foto(?:s)?\s+von|foto(?:s)?\s+por|photo\s+de|video\s+(?:by|von)|"
    r"image\s+copyright|image\s+source|photo\s+credit|picture\s+credit|credits?\s+photos?|cr[ée]dits?\s+photos?|"
    r"(?:photo(?:graph)?s?|pictures?|images?)\s+(?:courtesy(?:\s+of)?|via)|"
    # every language's words (a trie, longest first) before the core's bare words: "Image credit:",
    # "Foto de Juan Pérez" are one prefix, not "Image" and "Foto" before a lower-case word
    + _alternation(credit_words()[0]) + "|"
    r"photo(?:graph)?s?|pictures?(?![\s-]*alliance)|images?(?![\s-]*source)|credits?|cr[ée]dits?|"
    r"fotos?|bild(?:er|quelle|rechte)?|quelle|fotograf(?:in)?|copyright|"
    r"imagen|fuente|kuva|zdroj|foto\s*credit|illustration|grafik|source"
)
# Words after a credit: "新华社记者 才扬 摄" (摄: photographed by), "연합뉴스 제공" (제공: provided by).
_SUFFIX_CREDIT = re.compile(
    # (after "＝" or a closing bracket too: "…（4日、ジュネーブで）＝山田花子撮影")
    r"(?:^|(?<=[。．.!?！？」』”\s、，,/＝=）)]))\s*(?P<credit>[^。．.!?！？、，,/\n＝=（）()]{1,40}?)\s*(?:"
    + _alternation(credit_words()[1])
    + r")\s*$")
# "dpa (Ausschnitt)", "Getty Images (Symbolbild)": a note on how the picture is used, after the credit.
_USAGE_NOTE = re.compile(r"\s*[(\[]\s*(?:" + _alternation(credit_words()[2]) + r")\s*[)\]]\s*$", re.IGNORECASE)
# a label word (and up to two short words: the house's name) and a dash, after a sentence's end,
# right before a credit: "… Hodonínom. Foto – ", "… z Česka. Foto N – "
_LABEL_BEFORE_DASH = re.compile(r"(?<=[.!?…])\s+(?P<label>(?:" + _PREFIX_WORDS + r")(?:\s+[^\s.!?]{1,12}){0,2})"
                                r"\s+[–—-]\s*$", re.IGNORECASE)
# a credit's label at the very end of a text: before "=" (Korean and Japanese style), or left behind
# once its credit is taken off ("… Monday. Photo:")
_PREFIX_TAIL = re.compile(r"(?:(?<=[\s.。\[(（【/])|^)(?:" + _alternation(credit_words()[0]) + r")\s*[:：]?\s*$",
                          re.IGNORECASE)
# Credits whose first word is a label's and yet the whole credit: "Fuente externa" (a handout, in the
# Dominican and Central American press)
_WHOLE_PHRASE = re.compile(r"^\s*(?:fuente|foto|imagen)\s+(?:externa|cedida)\s*\.?\s*$", re.IGNORECASE)
# "أرشيفية - أ.ب", "Archivo - EFE": the note that says how the picture is used, before the credit
_LEADING_NOTE = re.compile(r"^\s*(?:" + _alternation(credit_words()[2]) + r")\s*(?:[-–—]\s|[:：])\s*(?=\S)",
                           re.IGNORECASE)
_NOTE_ONLY = re.compile(r"^\s*(?:" + _alternation(credit_words()[2]) + r")\s*$", re.IGNORECASE)
# (bounded parts without "@": "\S+@\S+" took cubic time on a run of "@")
_EMAIL = re.compile(r"\s*[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}\b", re.IGNORECASE)
# "(AFP file photo)", "Reuters archive": said after the source with a space, the flag word is no source.
# (not English "archive" alone: "Frome Museum archive", "Veldt Money archive" name whose archive the
# picture is from; Spanish "EFE archivo" is EFE's file picture)
_FILE_NOTE = re.compile(r"(?<=\w)\s+(?:file\s+photo|file\s+picture|file|archive\s+photo|archivo|자료사진)$", re.IGNORECASE)
# "Foto: Von Joschi71": after an explicit prefix, "von"/"by" introduces the photographer.
_BY_WORD = re.compile(r"^(?:von|by|par|por|di|av|af|van|de)\s+(?=\S)", re.IGNORECASE)
# "… | LÍBERO": a name in capitals after a bar is a credit in the house's own style.
_CAPITALS_CREDIT = re.compile(r"^[^\W\d_][^\W\d_ .&'-]*(?:[ .&'-]+[^\W\d_]+){0,3}$")
_SUFFIXES = tuple(w.rstrip(".") for w in credit_words()[1])
# the closing labels of scripts that space their words ("nuotr."), read after any credit
_LATIN_SUFFIX = re.compile(r"\s+(?:" + "|".join(re.escape(w.rstrip(".")) for w in credit_words()[1]
                                               if w.isascii() and w[0].isalpha())
                           + r")\.?\s*$", re.IGNORECASE)
# the place a Korean paper names before "=" and its photographer: "… 있다. 영종도=", "… 있다 서울="
_PLACE_BEFORE_EQUALS = re.compile(r"\s[\uac00-\ud7af]{1,6}\s*$")
# a Korean paper's photographer: "홍인기 기자" (the name, then "reporter")
_KOREAN_REPORTER = re.compile(r"[\uac00-\ud7af]{2,4}\s*(?:기자|특파원)")
_KOREAN_PHOTO_LEAD = re.compile(r"\s*(?P<credit>[\[(（]\s*[\uac00-\ud7af]{1,8}\s*[=＝]\s*[^\])）=＝]{2,20}[\])）]\s*"
                                r"(?:[\uac00-\ud7af]{2,4}\s*(?:기자|특파원)))\s*[=＝]\s*(?=\S)")
_KOREAN_HANDOUT = re.compile(r"\s*[\[(]\s*(?:사진\s*[=＝]\s*)?(?P<credit>[^\[\]()=＝]{1,30}?\s*제공)\s*[.,]?\s*[\])]\s*(?:\d{4}\.\d{1,2}\.\d{1,2}\.?)?")
_DATED_ADDRESS = re.compile(r"(?:\s+\d{4}\.\d{1,2}\.\d{1,2}\.?)?\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
_REPORTER_AFTER_SENTENCE = re.compile(r"(?<=[.。])\s+(?P<credit>" + _KOREAN_REPORTER.pattern + r")$")
# "…スアレス＝ロイター", "… = 연합뉴스": a credit after an equals sign, Japanese and Korean style.
_EQUALS_CREDIT = re.compile(r"\s*[＝=]\s*(?P<credit>[^＝=]{1,40})$")
# a date in a Japanese caption's "when and where": "3日", "2025年12月3日", "５日午後", "2026年11月"
_JAPANESE_DAY = re.compile(r"[0-9０-９]{1,4}[日月年]")
_PREFIX_AT_START = re.compile(
    r"^\s*(?:(?:fotos?|photos?)\s*/\s*(?=[^\W\d_])|"  # "FOTO/CORTESÍA", "Photo / Jane Doe"
    # Chinese "taken from", tight before the source (Han text has no spaces): "圖取自台北市政府網頁"
    r"(?:圖取自|图取自|翻攝自|翻摄自|翻攝|翻摄)(?=\S)|"
    # Taiwan's and Hong Kong's "picture / source": "（圖／公路局提供）", "圖/中央社"
    r"(?:圖|图|照片|攝影|摄影)\s*[／/]\s*(?=\S)|"
    # (a word's end, or the colon itself: a Devanagari word ends in a vowel sign, no word character)
    r"(?:(?:\u00a9|\(c\)|copyright)\s*)?(?:(?:" + _PREFIX_WORDS + r")(?:\b|(?<=\.)|(?=\s*[:：=＝]))"
    r"(?:\s*[:：=＝・]\s*|\s+\|\s+|\s*\.\.\.+\s*|\s+(?=by\b)|\s*[-–—]\s+)?"
    r"|(?:\u00a9|\(c\))\s*))",
    re.IGNORECASE,
)
# A prefix followed by a colon (or "by"/"©") somewhere inside a caption: where a glued credit starts.
_KIND_WORDS = _alternation(credit_words()[3])
# a prefix that ends in a word for "by" ("foto de", "photo par", "foto oleh")
_BY_FORM = re.compile(r"\s(?:by|von|de|di|da|por|par|av|af|van|oleh)$")
_PREFIX_INSIDE = re.compile(
    r"(?:(?<=[\s.;,|(\[–—\-【［「（/。，])|^)(?<![Ff][Ii][Ll][Ee]\s)(?:(?:" + _PREFIX_WORDS + "|" + _KIND_WORDS
    + r")\s*[:：=＝](?!//)|"
    # "… plaza. FOTO/CORTESÍA", "… square. Photo / Jane Doe" (NZME), "Credit...Jane Doe" (The Times)
    r"fotos?\s*/\s*(?=(?-i:[A-ZÀ-Þ]))|photos?\s+/\s+(?=(?-i:[A-ZÀ-Þ]))|credit(?:\.{2,}|…)\s*(?=\w)|"
    # "… in HCM City. — Photo baodautu.vn" (Viet Nam News): the label after a dash, with no colon,
    # before a short credit that ends the caption ("— Photos show the damage to the roof" is prose)
    r"(?<=[.!?] [–—] )(?-i:Photos?|PHOTOS?)\s+(?=[^\W_]\S*(?:\s+\S+){0,3}\s*$)|"
    r"(?:(?:photo\s+)?illustration|photo(?:graph)?s?|pictures?|images?|screenshots?|foto)\s+(?:by|von|por|de)\s+(?=\w)|"
    # every language's "by" forms before a name: "Imagen de Pixabay", "Fotografia di Mario Rossi"
    r"(?:" + _alternation(w for w in credit_words()[0] if _BY_FORM.search(w)) + r")\s+(?=(?-i:[A-ZÀ-Þ]))|"
    # Thai's "picture from", "thanks for the picture from", "picture by", written as one word before
    # the source, with no colon and no sentence's stop before it: "… ไต้ฝุ่นดาริโอ ภาพจาก PAGASA"
    # (the source in Latin letters, capitalised: in Thai, "ภาพจาก มุมสูง" is "a picture from a high angle")
    r"(?:ขอบคุณภาพจาก|ภาพจาก|ภาพโดย)\s+(?=(?-i:[A-Z])\S{0,29}(?:\s+\S{1,30}){0,2}\s*$)|"
    # "Photo courtesy of City Hall", "… courtesy of NASA": who gave the picture
    r"(?:photo(?:graph)?s?|pictures?|images?)\s+courtesy(?:\s+of)?\s+(?=\w)|courtesy\s+of\s+(?=(?-i:[A-ZÀ-Þ]))|"
    # "Screenshot aus Twitter", "Screengrab from YouTube": where a screen capture was taken
    r"(?:screenshots?|screengrabs?|captura(?:\s+de\s+pantalla)?)\s+(?:aus|from|via|von|de)\s+(?=[A-ZÀ-Þ])|"
    r"\u00a9\s*|\(c\)\s+|"
    # abbreviated prefixes end in their own dot: "Fot. PAP/Jan Kowalski", "Nuotr. ELTA"
    r"(?:" + "|".join(re.escape(w) for w in credit_words()[0] if w.endswith(".")) + r")\s+(?=[^\W\d_]))",
    re.IGNORECASE,
)
# What every form of _PREFIX_INSIDE needs somewhere in the text: a colon or equals sign, ©, "(c)", a
# "by"-like word or an abbreviated prefix. Its small alternation runs many times faster than the
# full prefix list over a caption that has none (most captions).
_PREFIX_HINT = re.compile(
    r"[:：=＝\u00a9]|\(c\)\s|\b(?:by|von|por|de|di|par|aus|from|via|courtesy)\s|\b(?:fotos?|photos?)\s*/|credit(?:\.\.|…)|"
    r"[–—]\sphotos?\s|\sภาพ(?:จาก|โดย)|(?:"
    + "|".join(re.escape(w) for w in credit_words()[0] if w.endswith(".")) + r")\s",
    re.IGNORECASE,
)
_PREFIX_BEFORE = re.compile(r"(?:(?<=[\s.;,|(\[–—-])|^)(?:fotos?|bild|photo|image|credit|foto\s*credit|pool)\s*$",
                            re.IGNORECASE)
# "Von Markus Balser", "By Jane Doe", "Author: Julia Hitz": an author byline caught in a teaser or
# under a gallery, not a photo credit
_BYLINE = re.compile(r"^(?:von|by|par|por|di|av)\s+[A-ZÀ-Þ]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_AUTHOR = re.compile(r"^\s*(?:authors?|autor(?:in|en)?|auteure?|autrice|autore|texte?|texto|words|reporting)\s*:",
                     re.IGNORECASE)
_BY_PREFIX = re.compile(r"^(?:(?:pool\s+)?photo(?:graph)?s?|pictures?|images?|illustration|photo\s+illustration)"
                        r"\s+by$|^fotos?\s+(?:von|por)$|^photo\s+de$", re.IGNORECASE)

# Brackets a credit stands in: ASCII and the full-width forms of Chinese, Japanese and Korean text.
_WRAPPED = re.compile(r"^\s*[(\[（【［]\s*(.*?)\s*[)\]）】］]\s*[.。]?\s*$", re.DOTALL)
_TRAILING_GROUP = re.compile(r"[(\[（【［]([^()\[\]（）【】［］]{2,160})[)\]）】］]\s*[.;。]?\s*$")

_FLAG_PATTERNS = (
    ("file", re.compile(r"(?:^|[\s,/(\[-])(?:file(?:\s+photo)?|files|archive(?:\s+photo)?|archivbild|archiv|"
                        r"archivo|archives|arquivo|arkivfoto|arkivbild|arkivbilde|أرشيفية|أرشيف|자료사진)(?:[\s,/)\].:]|$)|^FILE\b", re.IGNORECASE)),
    ("handout", re.compile(r"\bhand-?out\b", re.IGNORECASE)),
    ("pool", re.compile(r"\bpool\b", re.IGNORECASE)),
)
_FLAG_ONLY = re.compile(r"^(?:file(?:\s+photo)?|files|handout(?:\s+photo)?|pool(?:\s+photo)?|archive|"
                        r"archivbild|archiv|archivo|arquivo|أرشيف|أرشيفية|symbolbild|illustration|stf|str|-+|/)$", re.IGNORECASE)
# a note that the picture is a file or archive picture, naming no source ("(File image)", "Archivo")
_FILE_NOTE_ALONE = re.compile(r"(?:files?|archives?)(?:\s+(?:photo|image|picture|pic)s?)?|archiv(?:bild|foto|o)?|"
                              r"foto\s+de\s+archivo|arquivo", re.IGNORECASE)
# such a note, or a picture handed out, said as the whole credit (Portuguese: handed out by the subject,
# reproduced from a screen or a print)
_FILE_ONLY = re.compile(r"^(?:" + _FILE_NOTE_ALONE.pattern + r"|handout|divulga[çc][ãa]o|reprodu[çc][ãa]o)$",
                        re.IGNORECASE)


def file_note_alone(text: str) -> bool:
    """Is ``text`` (its brackets and stop aside) only a note that the picture is a file picture?"""
    return _FILE_NOTE_ALONE.fullmatch(unwrap(text).strip(" .")) is not None


_FLAG_SUFFIX = re.compile(r"\s+(?:file(?:\s+photo)?|files|handout|pool)$", re.IGNORECASE)
_FLAG_LEAD = re.compile(r"^(?:pool|handout|file)\s+(?=\S)", re.IGNORECASE)
_ON_PLATFORM = re.compile(r"\s+on\s+(?P<platform>[^\s/|,;][^/|,;]{1,30})$")
_VIA = re.compile(r"\s+(?:via|vía|über|par)\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:/|\||,|;|\s[–—-]\s|\u2022)\s*")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*")
_BRACKETED_AT_END = re.compile(r"\(([^()]{2,40})\)\s*$")

_ORG_WORDS = re.compile(
    r"\b(?:times|news|press|presse|agency|agentur|agence|agencia|images?|museum|museo|mus[ée]e|university|"
    r"universit\w*|institut\w*|archives?|archiv|archivo|government|regierung|ministry|ministerium|police|polizei|"
    r"department|office|service|council|courtesy|collection|library|foundation|stiftung|verlag|zeitung|"
    r"photos?|fotos?|pictures|media|tv|radio|studios?|ltd|inc|gmbh|ag|club|fc|handout|nasa|noaa|esa|"
    r"commons|wikipedia|wikimedia|instagram|twitter|facebook|youtube|reddit|tiktok|x\.com|channel|network|"
    r"group|company|corp|corporation|association|federation|committee|party|partei|army|navy|forces|"
    r"hospital|school|college|center|centre|house|hotel|festival|records|pictures|films?|entertainment|"
    r"symbolbild|hersteller|privat|dr|cc|by|sa|nc|nd|licen[cs]e|public|domain|staff|pool|archive)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я][\w'’.\-À-ÿ]*|[A-Z]\.|(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|"
    r"ten|ter|al|el|bin|ibn|y|e|zu|st\.)|[A-ZÀ-Þ]{2,}[\w'’-]*)$"
)
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,6}$")


_KIND_AT_START = re.compile(r"^\s*(?:" + _KIND_WORDS + r")\s*[:：]\s*", re.IGNORECASE)


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-zß-öø-ÿ]+(?![\w'’.-])")


def names_only(text: str) -> bool:
    """A credit that names someone and says nothing else: capitalised names, agencies, name particles,
    at most eight words ("picture alliance/dpa", "Ben Stansall/AFP"; not "Ein Polizeiwagen steht …")."""
    from ..registry import default_registry

    registry = default_registry()
    for word in _LOWER_WORD.findall(text):
        # (a small word that is no function word and in no agency's name stays a small word: no
        # name; most texts asked about say so before the registry's scan)
        if word not in _FUNCTION_WORDS and word not in registry.words:
            return False
    for match in reversed(registry.scan(text)):
        text = text[:match.start] + " " + text[match.end:]
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return len(words) <= 8 and all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in words) \
        and not _SENTENCE_END.search(text.strip())


def without_label_at_end(text: str) -> str:
    """``text`` without a credit's label at its end ("… Monday. Photo:" -> "… Monday.")."""
    label = _PREFIX_TAIL.search(text)
    return text[:label.start()].rstrip() if label else text


def trailing_group(text: str) -> re.Match | None:
    """The bracketed group that closes ``text`` ("… Monday (Jane Doe)"), its content in group 1."""
    return _TRAILING_GROUP.search(text)


def strip_prefix(text: str) -> tuple[str, str | None]:
    """``"Foto: Christian Charisius/dpa"`` -> ``("Christian Charisius/dpa", "Foto:")``.

    Repeats for stacked prefixes (``Credit : Photo: PA``, ``© Bild: REUTERS``).
    """
    if _NOTE_ONLY.match(text):
        return text.strip(), None  # "IMAGEN DE REFERENCIA", "Foto de archivo": what the picture is, no credit
    if _WHOLE_PHRASE.match(text):
        return text.strip(), None  # "Fuente externa": a handout's credit, the label word its own
    prefixes = []
    kind = _KIND_AT_START.match(text)
    if kind and names_only(text[kind.end():]):
        # "Symbolbild: picture alliance/dpa": the kind of picture, said as the credit's prefix
        prefixes.append(kind.group().strip())
        text = text[kind.end():].lstrip()
    for _ in range(3):
        match = _PREFIX_AT_START.match(text)
        if not match or not match.group().strip():
            break
        word = re.search(r"[^\W\d_]", match.group())
        # (only a bare word can open an agency's name: after "Foto:", the name is the credit's)
        if word and not _LABEL_MARK.search(match.group(), word.start()) \
                and _agency_named_at_start(text[word.start():], match.end() - word.start()):
            # "© Photo News", "Picture Press": the label word opens an agency's name; a sign before
            # it is still the credit's prefix
            sign = text[:word.start()].strip()
            if sign:
                prefixes.append(sign)
                text = text[word.start():]
            break
        rest = text[match.end():].lstrip()
        token = match.group().strip()
        bare_word = not re.search(r"[:：=＝・©.|]|\(c\)|\b(?:by|von|por|de|di|par|of|via)$", token, re.IGNORECASE)
        if bare_word:
            # "Photo Jane Doe" is a credit, "Images of war" is not: a bare prefix word must be
            # followed by something that is not an ordinary lower-case word (scripts without case,
            # such as Hangul and Han, have no lower-case words).
            if rest[:1].islower() or rest[:1].isdigit() or not (rest[:1].isalpha() or rest.startswith(("©", "("))):
                break
        if not rest.strip():
            break
        prefixes.append(token)
        text = rest.lstrip(" :.")
    return text.strip(), (" ".join(prefixes) if prefixes else None)


_LABEL_MARK = re.compile(r"[:：=＝・|]")


def _agency_named_at_start(text: str, label_end: int) -> bool:
    """Does ``text``, which opens with a label word ``label_end`` long, open with an agency whose name
    goes on past that word ("Photo News", "Picture Press")? The registry says."""
    from ..registry import default_registry

    found = default_registry().scan(text[:120])
    return bool(found) and found[0].start == 0 and found[0].end > len(text[:label_end].rstrip(" :：=＝・.|"))


def unwrap(text: str) -> str:
    """Remove parentheses or brackets around a whole credit: ``(AP Photo/X)`` -> ``AP Photo/X``."""
    for _ in range(2):
        match = _WRAPPED.match(text)
        if not match:
            break
        inner = match.group(1)
        if inner.count("(") != inner.count(")"):
            break
        text = inner
    return text.strip()


_SPOKEN_LABEL = re.compile(r"(?:image|photo|picture|media)\s+(?:source|credit|copyright)\s*,\s*", re.IGNORECASE)
# A visually hidden label glued to the name: "<span hidden>Credit</span>Jeon Heon-Kyun/EPA"
_GLUED_LABEL = re.compile(r"^(?:(?:Credits?|Crédits?|Crédito|Image|Photograph|Foto|Bild)(?=[A-Z][a-zà-ÿ]))+")


@lru_cache(maxsize=32)  # (one picture's credit is asked about three or four times: its test, its parse)
def normalise_credit_text(text: str) -> tuple[str, str | None]:
    """The printed credit without wrapping parentheses and prefixes, and the prefix as printed."""
    text = unwrap(clean(text).lstrip(" .,;:|–—-＝=/·•"))
    spoken = _SPOKEN_LABEL.match(text)
    if spoken and text[spoken.end():].strip():
        # "Image source, Getty Images": a label written for screen readers, read aloud with a comma
        body, prefix = normalise_credit_text(text[spoken.end():])
        return body, spoken.group().strip(" ,") + (f" {prefix}" if prefix else "")
    glued = _GLUED_LABEL.match(text)
    if glued:
        text = text[glued.end():]
    text, prefix = strip_prefix(text)
    text = unwrap(text)
    if prefix is None:
        text, prefix = strip_prefix(text)
    glued = _GLUED_LABEL.match(text)
    if glued:
        prefix, text = prefix or glued.group(), text[glued.end():]
    suffix = _SUFFIX_CREDIT.search(text) if text.rstrip(".").endswith(_SUFFIXES) else None
    whole = suffix is not None and suffix.start("credit") == 0  # (the suffix closes the whole credit)
    if whole and suffix.group("credit").strip():
        prefix = prefix or text[suffix.end("credit"):].strip()  # "摄": the suffix is this credit's label
        text = suffix.group("credit")
    latin = _LATIN_SUFFIX.search(text) if not whole else None
    if latin and latin.start() > 0:
        # "Žinių Vėjas / Tomas Vaitkus nuotr.": a closing label after a whole chain, not one name
        prefix, text = prefix or latin.group().strip(), text[:latin.start()]
    if prefix:
        text = _BY_WORD.sub("", text, count=1)
    note = _LEADING_NOTE.match(text)
    if note:
        text = text[note.end():]
    text = _USAGE_NOTE.sub("", text)
    if "@" in text:
        text = _EMAIL.sub("", text)  # a photographer's address is contact, not credit
    text = _FILE_NOTE.sub("", text)  # "AFP file photo": the flag, not a source (flags keep it)
    return text.strip(" .;,|").strip(), prefix


def detect_flags(*texts: str | None) -> list[str]:
    """``file``, ``handout``, ``pool`` as the credit or caption says them."""
    found = []
    for name, pattern in _FLAG_PATTERNS:
        if any(t and pattern.search(t) for t in texts):
            found.append(name)
    return found


def _credit_body(text: str) -> tuple[str, str | None] | None:
    """The credit's body and prefix, or None when it names nobody: a byline ("By Jane Doe",
    "Author: Julia Hitz"), an image id ("106255367"), nothing at all, or a whole paragraph."""
    if _AUTHOR.match(text):
        return None
    body, prefix = normalise_credit_text(text)
    if not body or len(body) > 300 or _BYLINE.match(body) or not _LETTER.search(body):
        return None
    return body, prefix


def names_somebody(text: str) -> bool:
    """Would :func:`parse_credit` make a credit of this text? (Without splitting its chain.)"""
    return _credit_body(text) is not None


def parse_credit(text: str, registry: AgencyRegistry, line: int | None = None,
                 origin: str = "visible", caption: str | None = None) -> Credit | None:
    """Parse a credit as printed into a :class:`Credit`; None if nothing remains of it."""
    whole = unwrap(clean(text)).strip(" .")
    # an agency whose name starts with a label word is its name, not a label and a name ("Photo
    # News", the Belgian agency; "Picture Press")
    named = registry.lookup(whole) is not None and not registry.ordinary_word(whole)
    found = (whole, None) if named else _credit_body(text)
    if found is None:
        return None
    body, prefix = found
    flags = detect_flags(body, text)  # the printed text too: "AFP file photo" is a file picture
    if caption and re.match(r"^\s*(?:FILE\b|FILE PHOTO\b|ARCHIV)", caption):
        flags = sorted(set(flags) | {"file"}, key=FLAGS.index)
    sources = [_classify(body, registry, False)] if named else split_sources(body, registry)
    courtesy = _COURTESY_AFTER_LABEL.fullmatch(prefix) if prefix else None
    if courtesy:
        # "Courtesy of the Ochoa family" is said whole, as a handout's credit (no label word before
        # it, as "Photo" is one, or a label closed by its colon: "Foto: Cortesía Mintur"); its source
        # is the family
        body, prefix = f"{courtesy.group('courtesy')} {body}", courtesy.group("label").strip() or None
    return Credit(text=body, prefix=prefix, line=line, sources=sources, flags=flags, origin=origin)


_COURTESY_AFTER_LABEL = re.compile(r"(?P<label>(?:.*[:：])?)\s*(?P<courtesy>courtesy of|cortes[ií]a(?:\s+de)?)",
                                   re.IGNORECASE)


_AGENCY_PREFIXED = re.compile(r"^\s*(?P<agency>[^\s:/]+(?:\s[^\s:/]+){0,2}?)\s+(?:" + _PREFIX_WORDS + r")\s*[:：]\s*"
                              r"(?P<name>\S.*)$", re.IGNORECASE)


def split_sources(text: str, registry: AgencyRegistry) -> list[Source]:
    """Split a credit (prefix already removed) into its chain of sources, in order."""
    platform = _ON_PLATFORM.search(text)
    if platform and registry.lookup(platform.group("platform")) is not None:
        text = f"{text[:platform.start()]} / {platform.group('platform')}"  # "Jane Doe on Unsplash"
    parts = _VIA.split(text)
    sources: list[Source] = []
    for index, part in enumerate(parts):
        via = index > 0
        for segment in _SEPARATORS.split(part):
            agency_photo = _AGENCY_PREFIXED.match(segment) if (":" in segment or "：" in segment) else None
            if agency_photo and registry.lookup(agency_photo.group("agency")):
                # "MTI Fotó: Nemes János": the agency, then its photographer
                sources.append(_classify(agency_photo.group("agency"), registry, via))
                segment = agency_photo.group("name")
            # "Urs Flüeler (Keystone)": the agency in brackets after its photographer is the next source
            bracketed = _BRACKETED_AT_END.search(segment)
            agency = bracketed.group(1).strip() if bracketed and registry.lookup(bracketed.group(1).strip()) else None
            segment = _segment_name(segment)
            if segment:
                sources.append(_classify(segment, registry, via))
            if agency:
                sources.append(_classify(agency, registry, via))
    _assign_distributors(sources, registry)
    return sources


def _assign_distributors(sources: list[Source], registry: AgencyRegistry) -> None:
    """Getty Images, EPA, picture alliance both take pictures and resell others'. Such an agency is
    the distributor when the chain names an originating agency (``picture alliance/dpa``,
    ``Jung Yeon-je/AFP/Getty Images``) and the agency when it stands alone (``Jane Doe/Getty Images``);
    in a chain of distributors only, the first is the agency (``EPA-EFE/Shutterstock``)."""
    agencies = [s for s in sources if s.agency and not s.via]
    if not agencies:
        return
    dual = {id(s) for s in agencies if registry.get(s.agency).has_kind("distributor")}
    originators = [s for s in agencies if id(s) not in dual]
    for source in agencies:
        if id(source) in dual:
            source.role = "distributor" if originators or source is not agencies[0] else "agency"
        else:
            source.role = "agency"


def _segment_name(segment: str) -> str:
    segment = _PARENTHETICAL.sub(" ", segment).strip(" .:;,-()[]\"'“”")
    if _FLAG_ONLY.match(segment):
        return ""
    segment = _FLAG_LEAD.sub("", segment).strip()  # "Pool photo by John Roe" -> "photo by John Roe"
    segment, _ = strip_prefix(segment)
    if _FLAG_ONLY.match(segment):
        return ""
    segment = _FLAG_SUFFIX.sub("", segment)
    segment = _FLAG_LEAD.sub("", segment).strip()
    if _FLAG_ONLY.match(segment):
        return ""
    return segment


def _classify(name: str, registry: AgencyRegistry, via: bool) -> Source:
    # (a spelling that is also an ordinary word names the agency only as the registry writes it: "Map")
    agency = registry.lookup(name) if not registry.ordinary_word(name.strip()) else None
    if agency is None:
        # "AP Photo", "AFP PHOTO", "Getty Images Europe", "Reuters Pictures": agency plus a suffix
        matches = registry.scan(name)
        if len(matches) == 1 and len(name) - (matches[0].end - matches[0].start) <= 15 \
                and matches[0].start == 0 and not looks_like_person(name[matches[0].end:].strip()):
            agency = matches[0].agency
    if agency is not None:
        return Source(name=name, agency=agency.name, role="distributor" if via else "agency", via=via)
    role = "photographer" if looks_like_person(name) else "unknown"
    return Source(name=name, agency=None, role=role, via=via)


def looks_like_person(name: str) -> bool:
    """Two to five words that read as a person's name ("Jane Doe", "K.-D. Gabbert"), no body's."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or _ORG_WORDS.search(name) or tokens[0].lower() in ("the", "der", "die", "le", "la", "el"):
        return False
    if len(tokens) == 1:
        return False  # "Blogspot", "Instagram", "NOAA": a single word is rarely a photographer's name
    if all(_ACRONYM.match(t) for t in tokens):
        return len(tokens) >= 2 and all(len(t) > 1 for t in tokens) and not any(c.isdigit() for c in name)
    return all(_NAME_TOKEN.match(token) for token in tokens)


# -- telling credits from captions -----------------------------------------------------------

def only_a_credit(text: str) -> bool:
    """A short text that is nothing but a prefixed credit: "Photo: Jane Doe", "Screenshot by X/Y",
    "Crédit photo : KB / Bondy Blog"."""
    if _NOTE_ONLY.match(text):
        return False  # "IMAGEN DE REFERENCIA", "Symbolbild": how the picture is used, no one's credit
    if len(text.split()) <= 6 and _LICENCE_LEAD.match(text):
        return True  # "cc zuk0 https://flic.kr/p/s9X187": a licence, then whose picture it is
    body, prefix = normalise_credit_text(text)
    # a sentence ends after a word, not after an initial ("IBU/C. Manzoni; IBU archives")
    return bool(prefix and body and len(body.split()) <= 8 and not _SENTENCE_END.search(body))


_NOTE_ONLY = re.compile(r"^\W*(?:" + _alternation(credit_words()[2]) + r")\W*$", re.IGNORECASE)


_SENTENCE_END = re.compile(r"(?:[^\W\d_]{2}|\d)[.!?]\s")
_LISTED_PICTURE = re.compile(r"\b(?:image|photo|picture|foto|bild)\s*:", re.IGNORECASE)
_CREDITS_LIST = re.compile(r"\[([^\[\]]{5,400})\]\s*$")
_LISTED_LEAD = re.compile(r"(?:^|[\s,;])(?:" + _alternation(credit_words()[4]) + r")\s*:\s*(?P<note>[^,;]+)", re.IGNORECASE)
_LEAD_NOTE = re.compile(r"\s*(?:" + _alternation(credit_words()[4]) + r")\s*:\s*(?P<note>\S.*)", re.IGNORECASE | re.DOTALL)


# A sentence of the story that credits all its pictures: "Das Bildmaterial wurde von X zur Verfügung
# gestellt.", "All photos courtesy of X.", "Photos fournies par X."
_PROVIDED_BY = re.compile(
    r"(?:das\s+|die\s+)?(?:bild|foto)(?:material|er|s)?\s+(?:wurden?\s+)?(?:uns\s+)?(?:freundlicherweise\s+)?"
    r"(?:von|vom|durch)\s+(?P<de>[^.!?]{2,80}?)\s+(?:zur\s+verfügung\s+gestellt|bereitgestellt)"
    r"|(?:all\s+)?(?:photos|images|pictures|photographs)\s+(?:are\s+)?(?:courtesy\s+of|provided\s+by|supplied\s+by)"
    r"\s+(?P<en>[^.!?]{2,80}?)"
    r"|(?:photos|images|illustrations)\s+(?:gracieusement\s+)?(?:fournies|transmises)\s+par\s+(?P<fr>[^.!?]{2,80}?)",
    re.IGNORECASE)


def provided_by(text: str) -> str | None:
    """Who a sentence that credits all the story's pictures names ("Das Bildmaterial wurde von
    The unbelievable Machine Company (*um) zur Verfügung gestellt."), or None."""
    match = _PROVIDED_BY.fullmatch(text.strip().rstrip(".")) if len(text) <= 160 else None
    who = next((who.strip() for who in match.groups() if who), None) if match else None
    # a name, not the rest of a sentence ("Images provided by NASA reveal a new crater …")
    return who if who and len(who.split()) <= 6 else None


# where a sentence of a paragraph ends and another may start, typed with or without a space
# ("… der Kartellbehörden.Foto: photocase.de")
_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s*(?=[^\W\d_])")


def credit_after_last_sentence(text: str) -> str | None:
    """A picture credit, its label a picture word, that closes a paragraph of the story after its
    last sentence ("… unterliegen der Aufsicht der Kartellbehörden. Foto: photocase.de"): the
    credit, or None. ("Source: Office for National Statistics", "Video: Thames Valley Police" credit
    a figure or a video, not the story's pictures.)"""
    # (a credit is short: only the paragraph's last characters can hold one, and its label a picture word)
    start = max(0, len(text) - 120)
    if not _PICTURE_WORD.search(text, start):
        return None
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, start)]
    for at in breaks:  # (the longest tail first: "Foto: photocase.de" has a full stop of its own)
        tail = text[at:].strip()
        body, prefix = normalise_credit_text(tail)
        if only_a_credit(tail) and _PICTURE_WORD.search(prefix or "") and len(body.split()) <= 6:
            return tail
    return None


# a word for picture in a credit's label ("Foto", "Photos", "Bildnachweis", "Titelbild", "Kuva", "Фото")
_PICTURE_WORD = re.compile(r"foto|photo|bild|image|picture|\bpic|kuva|фото|zdj", re.IGNORECASE)


# a prefix that says picture ("Fotos:", "Photo credit:", "Bild:"), not only a copyright sign
PICTURE_PREFIX = re.compile(r"^(?![©(]|copyright)\W*[^\W\d_]", re.IGNORECASE)


_WHOLE_BRACKETS = re.compile(r"\(([^()]*)\)\.?")


def lead_picture_note(text: str) -> str | None:
    """What a line in the text says about the story's lead picture, away from it ("Header Image:
    People have lived … Credit: Tomas Munita/CIFOR", "Beitragsbild: Titelseite der FAZ"): the text
    after the label, or None."""
    bracketed = _WHOLE_BRACKETS.fullmatch(text.strip())
    if bracketed:
        text = bracketed.group(1)  # "(Borítókép: … Fotó: Bodnár Kristóf / MTI)": the line in brackets
    match = _LEAD_NOTE.match(text) if len(text) <= 400 else None
    return match.group("note").strip() if match else None


def listed_lead_credit(text: str) -> str | None:
    """The lead picture's credit in a bracketed list of picture credits closing a paragraph ("… [Technology
    Guide - FastCo Top Image: Creativa, Notes Image: wavebreakmedia / Shutterstock]") or in a line of
    credits parted by semicolons (:func:`_lead_credit_in_credit_line`), or None."""
    listed = _CREDITS_LIST.search(text[-600:])
    if listed is None:
        return _lead_credit_in_credit_line(text)
    if len(_LISTED_PICTURE.findall(listed.group(1))) < 2:
        return None  # a list of credits names several pictures ("[Correction: … the top photo: …]" is none)
    inner = _LISTED_LEAD.search(listed.group(1))
    return inner.group("note").strip() if inner else None


def _lead_credit_in_credit_line(text: str) -> str | None:
    """The lead picture's credit in a line of picture credits parted by semicolons ("Foto: University
    of Edinburgh; großes Foto oben: Norrie Russell, The Roslin Institute"): each part a label and a
    credit, one label naming the lead picture, the others a picture."""
    if len(text) > 300 or ";" not in text:
        return None
    lead = None
    for part in text.split(";"):
        item = _CREDIT_LINE_ITEM.fullmatch(part)
        if item is None:
            return None
        if _LEAD_LABEL.fullmatch(item.group("label")):
            credit = item.group("credit").strip()
            if len(credit.split()) > 10 or _SENTENCE_END.search(credit + " "):
                return None  # a line of captions ("Bild oben: Der Bürgermeister schneidet das Band durch.")
            lead = lead or credit
        elif not _LISTED_PICTURE.search(item.group("label") + ":"):
            return None
    return lead


_CREDIT_LINE_ITEM = re.compile(r"\s*(?P<label>[^\W\d_][^:;]{0,40}?)\s*:\s*(?P<credit>[^\W_][^;]*)")
_LEAD_LABEL = re.compile(_alternation(credit_words()[4]), re.IGNORECASE)

# A Creative Commons licence written before the author's name: "cc zuk0 https://flic.kr/…" (a bare
# "cc" only in lower case, as Flickr prints it, before one handle: "CC Sabathia" is a pitcher, "cc the
# editors" a mail), "CC BY-SA 2.0 Jane Doe" (a licence code with its version; "Creative Commons
# founder Lawrence Lessig" is a caption).
_LICENCE_LEAD = re.compile(r"cc\s+[^\s/]+(?:\s+https?://\S+)?\s*$"
                           r"|(?i:(?:cc[\s-]?by(?:[\s-](?:sa|nd|nc))*|creative\s+commons\s+by(?:[\s-](?:sa|nd|nc))*)"
                           r"\s+\d\.\d|cc0)\s+[^\W_]")


# a video's label printed as a bare word, without a colon: "Video", over the video's title
_BARE_LABEL = re.compile(r"v[ií]deos?|видео", re.IGNORECASE)
# a label word with nothing after it: "Grafik" after "Foto:", "図版" after "写真・"
# (a kind, not every label word: "Foto Divulgação", "Foto: Cortesía" say who gave the picture)
_LABEL_ALONE = re.compile(r"(?:" + _KIND_WORDS + r"|grafik|graphic|grafiken|illustration|ilustraci[oó]n|illustrazione|"
                          r"図版|写真)\W*", re.IGNORECASE)


def looks_like_credit(text: str, registry: AgencyRegistry) -> bool:
    """Is this short text a credit line rather than a description?"""
    text = clean(text)
    if not text or len(text) > 160:
        return False
    body, prefix = normalise_credit_text(text)
    if not body:
        return False
    if prefix:
        # two labels and no name ("写真・図版", Asahi's badge for its picture list; "Foto: Grafik")
        if _LABEL_ALONE.fullmatch(body):
            return False
        # a label word with no colon runs into a name ("Foto Jane Doe"), not into a title: a video
        # box's "Video" over its title ("Video⏎Beben in der Westtürkei: Die Lage in Akhisar") is none
        return not _BARE_LABEL.fullmatch(prefix) or "/" in body or bool(registry.scan(body)) \
            or (len(body.split()) <= 4 and names_only(body))
    words = body.split()
    if len(words) <= 6 and _LICENCE_LEAD.match(body):
        return True  # "cc zuk0 https://flic.kr/p/s9X187": a licence, then whose picture it is
    if len(words) + len(_CJK_CHARS.findall(body)) // 2 > 12:
        return False  # (a Chinese or Japanese sentence has no spaces: two of its characters are about a word)
    if names_story_sources(body):
        return False  # "Mit Material von Keystone-SDA": where the story's text came from, not a picture's maker
    if registry.scan(body):
        return True
    if named_with_file_note(body):
        return True
    if _VIA.search(body) and len(words) <= 10:
        return True
    if "/" in body and len(words) <= 8 and re.search(r"[A-ZÀ-Þ]\w*\s*/\s*[A-ZÀ-Þ]", body):
        return True
    # a site's name alone, "imagebank.sweden.se", "depositphotos.com": where the picture came from
    return _HOST_NAME.fullmatch(body) is not None


#: A source named as such, in the packs' languages: "Quelle:", "Unsere Quellen:", "Fuente:", "Źródło:"
#: (the word, without its colon)
SOURCE_LABEL = (r"(?:unsere\s+)?(?:quellen?|sources?|fuentes?|fontes?|bron(?:nen)?|źródło|zdroj|källa|kilde|lähde|"
                r"источник|джерело|kaynak|forrás|izvor|šaltinis|sumber|nguồn|ที่มา|المصدر|πηγή|πηγές)")
#: A line that opens with such a label, perhaps in brackets: "Source: Getty Images", "(Quelle: dpa)"
SOURCE_LINE = re.compile(r"\(?\s*" + SOURCE_LABEL + r"\s*:", re.IGNORECASE)


# the line that names where the story's text came from, as wire copy ends ("Mit Material von dpa",
# "With files from AP", "Con información de EFE"): a sign-off, whatever agency it names
_STORY_SOURCES = re.compile(r"\(?\s*(?:mit\s+material\s+(?:von|der|aus)|material\s+(?:from|von)|"
                            r"with\s+(?:reporting|files|inputs|material)\s+from|по\s+материалам|"
                            r"con\s+informaci[oó]n\s+de|com\s+informa[cç][oõ]es\s+d[aoe]s?)\s", re.IGNORECASE)


def names_story_sources(text: str) -> bool:
    """Is the line a note on where the story's text came from ("Mit Material von Keystone-SDA.")? A
    short line of its own, no sentence after it ("Material from the excavation on display …" is one)."""
    text = clean(text)
    return len(text.split()) <= 8 and _STORY_SOURCES.match(text) is not None and not _SENTENCE_END.search(text)


# a source's name, then a note that the picture is from its files: "Sun-Dispatch file", "Post File
# Photo", "Frome Museum archive"
# (a note of one word in lower case: "The Twitter Files", "National Archives" are names)
_NAMED_FILE = re.compile(r"(?P<source>[^\W\d_].*?)\s+(?:(?i:file\s+(?:photo|picture|image)s?|"
                         r"archive\s+(?:photo|picture|image)s?)|files?|archives?)")


def named_with_file_note(text: str) -> bool:
    """A credit that names its source, then says the picture is from its files ("Post File Photo"):
    the names before the note are capitalised, as a credit's are, and at most five words."""
    match = _NAMED_FILE.fullmatch(text.strip(" ."))
    source = match.group("source") if match else ""
    return bool(source) and source[0].isupper() and len(source.split()) <= 5 and names_only(source)


_HOST_NAME = re.compile(r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
                        r"\.(?!(?:jpe?g|png|gif|webp|avif|svg|tiff?|bmp|heic|pdf|mp[34]|mov|html?|php|aspx?)$)[a-z]{2,6}",
                        re.IGNORECASE)  # (not a file's name, "bandb2.jpg")


def split_caption(text: str, registry: AgencyRegistry, in_alt: bool = False) -> tuple[str, str | None]:
    """Separate a credit glued to a caption (see :func:`_split_caption`). Extraction asks about the
    same text several times (as a unit's text, a sibling's, a caption's): each answer is kept, for
    its registry, among the last few thousand."""
    key = (text, in_alt)
    kept = _SPLIT_MEMO.get(key)
    if kept is not None and kept[0] is registry:
        return kept[1]
    result = _split_caption(text, registry, in_alt)
    if len(_SPLIT_MEMO) >= 4096:
        _SPLIT_MEMO.clear()
    _SPLIT_MEMO[key] = (registry, result)
    return result


_SPLIT_MEMO: dict = {}  # (text, in_alt) -> (registry, (caption, credit))


def _split_caption(text: str, registry: AgencyRegistry, in_alt: bool = False) -> tuple[str, str | None]:
    """Separate a credit glued to a caption: ``("Caption.", "Photograph: Jane Doe/AFP")``.

    Recognises, at the end of the caption: a parenthesised or bracketed credit, a credit after a
    prefix (``Photograph:``, ``Foto:``, ``©`` ...), a ``|``-separated credit, and a bare agency
    credit after the last sentence (``... 2019. REUTERS/Brendan McDermid``). A second credit left
    at the end (``... 2016. / AFP / JIM WATSON (Photo credit should read ...)``) goes too; the
    outer one is returned.
    """
    caption, credit = _split_once(_dedupe_halves(clean(text)), registry, in_alt)
    if credit is None and (licence := _LICENCE_AT_END.search(caption)) is not None and licence.start() > 0:
        # "… vista dal mare. foto Wikimedia Commons/Gianni Careddu, CC BY-SA 4.0": the licence closes the
        # credit before it, which ends the caption as if the licence were not there
        head, licensed = _split_once(caption[:licence.start()], registry, in_alt)
        if licensed:
            caption, credit = head, licensed + caption[licence.start():].rstrip(" .")
    if credit and caption:
        inner, second = _split_once(caption, registry, in_alt)
        if second and not inner and _SENTENCE_END_DOT.search(caption):
            # "Bild: Eine Drohne nähert sich dem Schiff. Screenshot aus Twitter": the label before
            # a caption that is a sentence, not a second credit
            caption = strip_prefix(caption)[0]
        elif (not second or not inner) and _opened_by_label(caption):
            # "Foto: Petugas … mengecek pompa … (Grandyos Zafna/detikcom)": the label opens the
            # picture's whole line, which describes it; its credit stands in brackets at the end
            caption = strip_prefix(caption)[0]
        elif second and not inner:
            # nothing but a credit: "Bild: Alexandra Wey (Keystone)", the agency in brackets its last part
            caption, credit = "", f"{second} {credit}"
        elif second:
            caption = inner
            if _LICENCE.fullmatch(credit.strip("()[] .")):
                # "Photo: Jane Doe (CC BY-SA 4.0)": the licence belongs to the credit before it
                credit = f"{second} {credit}"
        # the separator that stood between them: "Koreanerinnen am Flughafen / Foto: X"
        caption = _TRAILING_SEPARATOR.sub("", caption)
    return _dedupe_halves(caption), credit


def _opened_by_label(caption: str) -> bool:
    """Does a label with its colon open a line that describes the picture ("Foto: Petugas …
    mengecek pompa …"), not a credit ("Bild: Alexandra Wey")?"""
    rest, label = strip_prefix(caption)
    return bool(label) and label.endswith((":", "：")) and len(rest.split()) >= 4 \
        and (not names_only(rest) or _a_description(rest))


_TRAILING_SEPARATOR = re.compile(r"\s+[/|·•∙⋅‧–—-]+$")
_SENTENCE_END_DOT = re.compile(r"[^\W\d_]{3}[.!?]$")


# The terms of use that press photos carry after their credit.
_TERMS_OF_USE = re.compile(
    r"[,;.]?\s*[-–—]?\s*\b(?:honorarfrei|abdruck honorarfrei|verwendung (?:nur|gemäß|ausschließlich)|nutzung nur|"
    r"nur (?:zur|für) (?:redaktionelle|die)|free (?:for|of charge for) editorial|for editorial use|editorial use only|"
    r"not for (?:sale|resale)|all rights reserved|alle rechte vorbehalten|tous droits réservés|무단\s*전재|재배포\s*금지|"
    r"todos los derechos reservados|uso editorial)", re.IGNORECASE)


def terms_of_use(text: str) -> bool:
    """Does the text hold a press photo's terms of use ("honorarfrei", "All rights reserved")?"""
    return _TERMS_OF_USE.search(text) is not None


def _dedupe_halves(text: str) -> str:
    """"A. A." -> "A.": a caption and its copy (full and truncated versions both in the page:
    "Full caption. less Full cap ... more" -> "Full caption.")."""
    half = len(text) // 2
    if half > 20 and text[:half].strip() == text[half:].strip():
        return text[:half].strip()
    if len(text) > 60:
        again = text.find(text[:24], 24)
        if again > 0:
            full, copy = text[:again].strip(), _SHORTENED_END.sub("", text[again:]).strip()
            if len(copy) >= 24 and full.startswith(copy):
                return _TOGGLE_END.sub("", full).strip()
    return text


# what a shortened copy of a caption ends with, and the toggle between the full one and the copy
_SHORTENED_END = re.compile(r"\s*(?:\.{3}|…)\s*(?:\w{2,8})?\s*$")
_TOGGLE_END = re.compile(r"(?<=[.!?)\"”])\s+(?:less|show less|weniger|moins|menos|meno|minder)\s*$", re.IGNORECASE)


# An agency's usage terms in capitals after the credit: "NO ARCHIVING", "EDITORIAL USE ONLY", "MANDATORY CREDIT"
# and a rights notice after the caption, in capitals or not: ANSA's "- RIPRODUZIONE RISERVATA", "All
# rights reserved", "Tous droits réservés", "Alle Rechte vorbehalten", "Todos los derechos reservados"
_USAGE_CAPS = re.compile(r"(?:[\s.,;|–—-]+(?:NO\s+(?:ARCHIVING|ARCHIVES|SALES|RESALES?|MAGAZINES|BOOKS|THIRD\s+PARTY\s+SALES)|"
                         r"EDITORIAL\s+USE\s+ONLY|MANDATORY\s+CREDIT|FOR\s+EDITORIAL\s+USE\s+ONLY|"
                         r"(?i:riproduzione\s+riservata|all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s|"
                         r"alle\s+rechte\s+vorbehalten|todos\s+los\s+derechos\s+reservados|"
                         r"todos\s+os\s+direitos\s+reservados)))+\.?\s*$")
# Yonhap's terms on a picture it passes on: "no resale, no database" ("[교육부 제공. 재판매 및 DB 금지]")
_RESALE_BAN = re.compile(r"[.,]?\s*재판매\s*및\s*(?:DB|디비)\s*금지")
# A download box's file size after the caption and credit: "… (Quelle: EnBW) (213 kB)"
_FILE_SIZE = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:[kKMG]i?B|[kK]ilobyte|[mM]egabyte|bytes)\s*\)\s*$")


def _agency_before(text: str, start: int, registry: AgencyRegistry) -> int:
    """Where the credit starts when an agency's name stands right before its prefix: "… kardját. MTI
    Fotó: Nemes János" is MTI's photo by Nemes János, as "AP Photo/Jane Doe" is AP's."""
    words = text[:start].rstrip().rsplit(None, 3)
    for count in (1, 2, 3):
        if len(words) < count:
            break
        name = " ".join(words[-count:])
        # an agency or a chain of them ("picture alliance/dpa Foto: Christophe Gateau")
        parts = re.split(r"\s*/\s*", name)
        # a chain needs no sentence end before it: "Der Virologe Christian Drosten picture alliance/dpa Foto: …"
        if all(registry.lookup(part) is not None for part in parts) \
                and (len(words) == count or len(parts) > 1 or re.search(r"[.!?…)\]\"”»]$", words[-count - 1])):
            return text.rfind(name, 0, start)
    return start


def _split_once(text: str, registry: AgencyRegistry, in_alt: bool = False) -> tuple[str, str | None]:
    text = _FILE_SIZE.sub("", clean(text))
    text = _USAGE_CAPS.sub("", text)  # "… (AAP Image/Jane Doe) NO ARCHIVING": the agency's terms, no caption
    if "금지" in text:
        text = _RESALE_BAN.sub("", text)  # "[교육부 제공. 재판매 및 DB 금지]": Yonhap's terms for a handout
    lead = _KOREAN_PHOTO_LEAD.match(text) if "기자" in text or "특파원" in text else None
    if lead and lead.end() < len(text):
        # "[서울=뉴시스] 김선웅 기자 = 5일 오전 …", "(서울=연합뉴스) 홍길동 기자 = …": a Korean agency's picture
        # opens its caption with where, whose and by whom
        # (its end, the day and the photographer's address, "… 있다. 2026.12.05. mangusta@newsis.com", is no
        # description; a handout's own credit in it, "[대통령실 제공]", "(사진=서울소방재난본부 제공)", is the
        # picture's, the agency's reporter only passed it on)
        rest = _DATED_ADDRESS.sub("", text[lead.end():]).strip()
        handout = _KOREAN_HANDOUT.search(rest)
        if handout is not None:
            caption = (rest[:handout.start()] + " " + rest[handout.end():]).strip()
            return _DATED_ADDRESS.sub("", caption).strip(), handout.group("credit").strip()
        return rest, lead.group("credit").strip()
    if not text:
        return "", None
    # 1. "(AP Photo/Jane Doe)", "[File: Reuters]" at the very end
    match = _TRAILING_GROUP.search(text)
    if match and (_credit_group(match.group(1), registry)
                  or in_alt and match.start() > 0 and looks_like_person(match.group(1).strip())
                  and len(match.group(1).split()) >= 2
                  or match.start() > 0 and _CAPITALS_GROUP.search(match.group(0)) is not None):
        # in alt text, "Description (Jane Doe)" is how DW credits a photographer
        caption = text[: match.start()].rstrip(" ,;-–—|")
        start = _last_sentence_start(caption)
        lead = caption[start:].strip() if start else ""
        if lead and len(lead) <= 12 and len(lead.split()) <= 2 and registry.scan(lead):
            # "…乘车。新华社发（苏文涛 摄）": the agency that issued it, before its photographer in brackets,
            # after the caption's last sentence, is the credit's first part
            return caption[:start].rstrip(), text[start:].strip().rstrip(".;")
        return caption, match.group(0).strip().rstrip(".;")
    # 1a. "… per lavori – foto di archivio Ansa": a note that the picture is a file picture, then its
    # source, close the caption; the source is the credit
    note = _FILE_NOTE_TAIL.search(text) if _FILE_NOTE_HINT.search(text) else None
    if note and note.start() > 0:
        source = (note.group("source") or "").strip(" .")
        # (a note alone stays the caption's, as printed: labellers keep "(Archives)" in it)
        if source and len(source.split()) <= 6 and (registry.scan(source) or names_only(source)):
            return text[:note.start()].rstrip(" ,;"), source
    # 1b. "…とスアレス＝ロイター", "… = 연합뉴스": an agency credit after an equals sign
    match = _EQUALS_CREDIT.search(text) if ("=" in text or "＝" in text) else None
    credit = match.group("credit").strip() if match and match.start() > 0 else ""
    if "、" in credit:
        # "…代表=2025年12月3日、米ニューヨーク、ロイター": when and where stay the caption's, the
        # source is the last item (Asahi; the one-item "…＝ロイター" is all credit)
        head, _, last = credit.rpartition("、")
        # (only after when and where: "＝ホワイトハウス提供、AP" and "＝ゲッティ、共同" are credits end to end)
        if last.strip() and registry.scan(last) and len(last.split()) <= 6 and not registry.scan(head) \
                and _JAPANESE_DAY.search(head) and not head.rstrip().endswith(_SUFFIXES):
            return text[:match.start("credit")] + head, last.strip()
    # (a Korean paper's photographer, "… 표시돼 있다. 영종도=홍인기 기자", or an agency)
    reporter = bool(credit) and _KOREAN_REPORTER.fullmatch(credit) is not None
    if reporter or credit and registry.scan(credit) and len(credit.split()) <= 6:
        head = text[: match.start()]
        labelled = _label_goes_with_credit(head, text)  # "… 하고 있다. 사진=뉴스1"
        if labelled:
            return labelled
        place = _PLACE_BEFORE_EQUALS.search(head) if reporter else None
        if place and place.start() > 0:
            head = head[:place.start()]  # where the photographer took it goes with the credit's line
        return head.rstrip(" ,;-–—|"), credit
    # 1c. "… 출근하고 있다. 서지훈 기자": a Korean paper's photographer after the caption's last sentence
    match = _REPORTER_AFTER_SENTENCE.search(text) if text.endswith(("기자", "특파원")) else None
    if match:
        return text[:match.start()].rstrip(), match.group("credit")
    # 1d. "… 新华社记者 才扬 摄": a credit closed by a suffix word
    match = _SUFFIX_CREDIT.search(text) if text.rstrip(".").endswith(_SUFFIXES) else None
    if match and match.group("credit").strip() and len(match.group("credit").split()) <= 5 \
            and not _CJK_DATE.match(match.group("credit")):  # "…浸水域＝12月3日撮影": when, not by whom
        caption = text[: match.start("credit")].rstrip(" ,;-–—|、，/＝=")
        # "… 기온 분포. 사진=기상청 제공" (only across "=": "… 담은 사진, 소방청 제공" keeps its "사진")
        labelled = _label_goes_with_credit(caption, text) \
            if text[len(caption):match.start("credit")].strip() in ("=", "＝") else None
        return labelled or (caption, text[match.start("credit"):].strip())
    # 2. "... Photograph: Jane Doe/AFP", "... | Bildquelle: dpa", "... © picture alliance/dpa"
    found = None
    for found in _PREFIX_INSIDE.finditer(text) if _PREFIX_HINT.search(text) else ():  # noqa: B007 - the last prefix counts
        pass
    if found is not None and _KIND_AT_START.match(found.group()) and not names_only(text[found.end():]):
        found = None  # "Symbolbild: Ein Polizeiwagen steht vor dem Haus" is a caption, not a credit
    if found is not None and _NOTE_ONLY.match(text[found.start():]):
        found = None  # "IMAGEN DE REFERENCIA": what the picture is, not who made it
    if found is not None:
        start = found.start()
        before = _PREFIX_BEFORE.search(text[:start])
        if before:  # "Bild © hr": the prefix word belongs to the credit
            start = before.start()
        else:
            start = _agency_before(text, start, registry)
            if start == found.start() and found.group().strip(" :：=＝").isupper():
                # "… on Dec 4. ST PHOTO: NG SOK LIN": a house's initials before a label in capitals
                # are the credit's ("ST" is The Straits Times, as "AFP PHOTO" is AFP's)
                initials = _INITIALS_BEFORE.search(text, 0, start)
                start = initials.start("initials") if initials else start
        credit = text[start:].strip()
        usage = _TERMS_OF_USE.search(credit)
        if usage and usage.start() > 0:
            # "© SWR/Hugo Jehle, honorarfrei - Verwendung gemäß der AGB …": the press photo's terms of
            # use follow its credit; they are neither credit nor caption
            credit = credit[:usage.start()].rstrip(" ,;-–—")
        body, _ = normalise_credit_text(credit)
        if body and len(body.split()) <= 14 and len(body) <= 160 and not _SENTENCE_INSIDE.search(body) \
                and not _DATE_ONLY.match(body) and _name_like(body, registry):
            caption = text[:start].rstrip(" ,;-–—|(")
            if start == 0 or caption:
                return caption, credit
    # 3. "caption | credit"
    if " | " in text:
        head, _, tail = text.rpartition(" | ")
        tail = tail.strip()
        if head and (looks_like_credit(tail, registry)
                     or tail.isupper() and len(tail) >= 2 and _CAPITALS_CREDIT.match(tail)):
            return _pipe_chain(head.strip(), tail)
    # 4. bare trailing agency credit after the last sentence end
    tail_start = _last_sentence_start(text)
    if tail_start > 0:
        tail = text[tail_start:].strip().lstrip("–—-|/ ")  # ("… Hall. — Getty Images": a dash after the stop)
        words = tail.split()
        label = _LABEL_BEFORE_DASH.search(text, 0, tail_start)
        if label and 1 <= len(words) <= 8 and names_only(tail.rstrip(". ")):
            # "… Hodonínom. Foto – TASR/Martin Belica", "… z Česka. Foto N – Peter Kováčik": a label
            # (and the house's short name) before a dash, after the caption's last sentence
            return text[:label.start("label")].rstrip(), text[label.start("label"):].strip()
        if 1 <= len(words) <= 8 and (_bare_credit(tail, registry) or _ACRONYM_SLASH_NAME.fullmatch(tail.rstrip(". "))):
            return text[:tail_start].rstrip(" |–—-"), tail
        dated = _DATE_BEFORE_CREDIT.match(tail)
        if dated and _bare_credit(tail[dated.end():], registry):
            # "… 확인하고 있다. 2026.12.4 연합뉴스": the day the picture was taken closes the caption, as
            # Yonhap's do, and the agency follows it
            cut = tail_start + text[tail_start:].find(tail) + dated.end()
            return text[:cut].rstrip(), text[cut:].strip()
        if 2 <= len(words) <= 8 and _prefixed_credit(tail, len(words), registry):
            # "… Datacenter. Foto Sergey Rraikin via Unsplash": a prefix word, a name, a source
            return text[:tail_start].rstrip(" |–—-"), tail
        dashed = text[tail_start:].lstrip()[:1] in ("–", "—", "/") and re.search(r"[.!?…]\s*$", text[:tail_start])
        # (in a script without capitals, no name shows as one: "… 분포. /기상청", a few words after the slash)
        caseless = tail[:1].isalpha() and not tail[:1].isupper() and not tail[:1].islower() and len(words) <= 3 \
            and len(tail) <= 12
        if dashed and 1 <= len(words) <= 5 and (names_only(tail.rstrip(". ")) or _GIVEN_WORD.match(tail.rstrip(". "))
                                                or caseless):
            # after a dash, a line of names alone or the word for a handed-in picture: "… on Sunday. –
            # Kestrel Wynter/Photographer", "… last week. – Contributed"
            return text[:tail_start].rstrip(" |–—-"), tail
        links = [link.strip() for link in tail.rstrip(". ").split("/")] if "/" in tail else []
        if 2 <= len(links) <= 4 and all(1 <= len(link.split()) <= 4 and names_only(link) for link in links) \
                and len(links[0].split()) >= 2 and looks_like_person(links[0]):
            # "… Cultural District. Victor Besa / The Meridian": a photographer and the house or agency
            # they work for, after the caption's last sentence
            return text[:tail_start].rstrip(" |–—-"), tail
        if 2 <= len(words) <= 8 and _CAPITALS_PHOTO.fullmatch(tail.rstrip(". ")):
            # "… Marikina City. CHRONICLE FILE PHOTO / ARNOLD T. ALMACEN": a credit in capitals that
            # says it is a picture's (the Philippine and Indian papers' style)
            return text[:tail_start].rstrip(" |–—-"), tail
        if len(words) <= 2 and (_FILE_ONLY.match(tail.rstrip(". ")) or _GIVEN_PHOTO.match(tail.rstrip(". "))):
            # "… en Guatemala. Archivo.": the house's own file picture, said as the credit
            return text[:tail_start].rstrip(" |–—-"), tail.rstrip(". ")
    elif _bare_credit(text, registry) and len(_WORD.findall(text)) <= 6:
        return "", text
    # 5. an agency and its photographer in capitals glued to the caption's end, no stop between them
    # ("Il sindaco in municipio ANSA/ANGELO CARCONI", ANSA's style)
    glued = _GLUED_AGENCY_CHAIN.search(text)
    if glued and glued.start() > 0 and registry.lookup(glued.group("agency")) is not None:
        return text[:glued.start()].rstrip(" ,;|–—-"), glued.group().strip()
    return text, None


def _label_goes_with_credit(head: str, text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``head``, the start of ``text`` before its credit, ends with the
    credit's label ("… 하고 있다. 사진" before "=뉴스1"): the label goes with the credit."""
    label = _PREFIX_TAIL.search(head)
    if label and label.start() > 0:
        return head[:label.start()].rstrip(" ,;-–—|"), text[label.start():].strip()
    return None


def _pipe_chain(head: str, tail: str) -> tuple[str, str]:
    """A credit written as a chain with pipes takes its earlier links too: "The mayor in London.
    Jane Doe | Bloomberg | Getty Images" (CNBC), the first link glued after the caption's last
    sentence."""
    while " | " in head:
        rest, _, link = head.rpartition(" | ")
        if not rest.strip() or len(link.split()) > 4 or not names_only(link):
            break
        head, tail = rest.strip(), f"{link.strip()} | {tail}"
    start = _last_sentence_start(head)
    link = head[start:].strip() if start > 0 else ""
    if link and len(link.split()) <= 4 and names_only(link) and not _SENTENCE_END.search(link):
        head, tail = head[:start].strip(), f"{link} | {tail}"
    return head, tail


_DATE_BEFORE_CREDIT = re.compile(r"\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?\s+(?=\S)")
_GLUED_AGENCY_CHAIN = re.compile(r"\s(?P<agency>[A-Z][A-Z0-9-]{1,11})\s?/\s?[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*(?:\s[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*){0,3}$")
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")  # words, not the separators between them ("Jane Doe / AFP / Getty Images")
_DATE_ONLY = re.compile(
    r"^[\d\s.,/-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|m[äa]r|mai|okt|dez|juni?|juli?)\w*\.?)?"
    r"[\d\s.,/-]*$", re.IGNORECASE)
# the house's name, (FILE) PHOTO, and perhaps the photographer: "STAR FILE PHOTO / JANE DOE"
_CAPITALS_PHOTO = re.compile(r"(?:[A-Z][A-Z.'&-]*\s+){1,4}(?:FILE\s+(?:PHOTOS?|PICTURES?)|PHOTOS?|FOTOS?)"
                             r"(?:\s*(?:/|:|\bBY\b)\s*[A-Z][A-Z.' -]{1,40})?")
_FILE_NOTE_WORDS = _alternation(credit_words()[5])
_FILE_NOTE_HINT = re.compile(_FILE_NOTE_WORDS, re.IGNORECASE)
_FILE_NOTE_TAIL = re.compile(r"(?:\s+[-–—|]\s*|\s*[(\[])(?:" + _FILE_NOTE_WORDS + r")(?:[:\s]+(?P<source>[^()\[\]]{2,60}?))?"
                             r"\s*[)\]]?\s*\.?$", re.IGNORECASE)
_INITIALS_BEFORE = re.compile(r"[.!?…]\s+(?P<initials>[A-Z]{2,5})\s+$")
_CJK_DATE = re.compile(r"^[\d\s０-９年月日号號时時分]+$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZÀ-Þ][a-zà-ÿ]+\s+[a-zà-ÿ]+\s+[a-zà-ÿ]+")


_URL_TOKEN = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(["von", "van", "de", "der", "den", "du", "da", "del", "della", "di", "la", "le", "via", "and", "und", "et", "y", "e", "of", "for", "by", "the"])


def _name_like(body: str, registry: AgencyRegistry) -> bool:
    """A credit names people and organisations; "The house in which Hitler was born" is a description."""
    body = _URL_TOKEN.sub(" ", body)  # a licence link ("https://commons.wikimedia.org/...") names nobody
    for match in reversed(registry.scan(body)):
        body = body[:match.start] + body[match.end:]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", body) if w.lower() not in _FUNCTION_WORDS]
    lower = sum(1 for w in words if w[0].islower())
    return lower < 5 or lower / len(words) <= 0.4


def describes(text: str, registry: AgencyRegistry) -> bool:
    """A sentence that describes ("Travelers wait in security lines at Reagan National Airport on
    November 26."), not a credit: it ends as a sentence and runs in lower-case words."""
    text = text.strip()
    return text[-1:] in ".!?" and len(text.split()) >= 6 and not _name_like(text.rstrip(".!?"), registry)


def name_at_end(text: str) -> tuple[str, str | None]:
    """``("Caption.", "Jane Doe")`` when a caption ends, after its last sentence, with a person's
    name alone; else ``(text, None)``."""
    start = _last_sentence_start(text)
    tail = text[start:].strip() if start > 0 else ""
    if tail and looks_like_person(tail):
        return text[:start].strip(), tail
    return text, None


def person_in_capitals(text: str) -> bool:
    """A person's name printed in capitals, as papers print a photographer's under a picture:
    "MARTINA MISER", "PER-OLOF SÄNNBY" (two to four words, nothing else)."""
    words = text.split()
    return 2 <= len(words) <= 4 and text.isupper() and not any(c.isdigit() for c in text) \
        and not _NOTE_ONLY.match(text) and not strip_prefix(text)[1] and looks_like_person(text.title())


def _a_description(text: str) -> bool:
    """Six words or more, two of them lower-case words: what a picture shows, not who made it
    ("Petugas Dinas SDA DKI Jakarta mengecek pompa mobile di Waduk Pluit")."""
    words = text.split()
    return len(words) >= 6 and sum(1 for w in words if w[:1].islower()) >= 2


_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")


def _last_sentence_start(text: str) -> int:
    best = 0
    # (".- ": the Spanish-language agencies' full stop and dash, "… en la plaza.- Foto EFE")
    # ("….—Reuters/File": Dawn's dash glued to the stop)
    # ("… op smeulende resten.Foto ANP": a label glued to the stop, as a CMS joins two fields)
    for match in re.finditer(r"(?:[.!?…\"”’)]|\s[–—|-]|\.-)\s+(?=\S)|[。！？]\s*(?=\S)|(?<=[^\W\d_]{2}\.)(?=[–—]\S)|"
                             r"(?<=[a-zà-ÿ]{2}\.)(?=[A-ZÀ-Þ])", text):
        at = match.start()
        if match.end() == at and text[at].isalpha() and strip_prefix(text[at:])[1] is None:
            continue  # glued to the stop, only a label starts a credit ("ab.Cd" is no sentence's end)
        if text[at] == "." and at and text[at - 1].isupper() and (at < 2 or not text[at - 2].isalpha()):
            continue  # an initial ("J. Scott Applewhite / AP"), not a sentence's end
        if text[at] == "." and text[match.end():match.end() + 1].isdigit() and _MONTH_BEFORE.search(text, 0, at):
            continue  # a month's abbreviation before its day ("CNA photo Dec. 4, 2026")
        best = match.end()
    return best


def _prefixed_credit(tail: str, words: int, registry: AgencyRegistry) -> bool:
    """A bare prefix word, then a person (and where the picture came from): "Foto Sergey Rraikin via
    Unsplash", "Photo Jane Doe" (three words or more); a house and a person either side of a slash,
    "Photo Progrès/Joël Ferrand"; or an agency, "Foto EFE" (four words at most)."""
    body, prefix = strip_prefix(tail)
    if not prefix or not body:
        return False
    if words <= 4 and registry.lookup(body.strip(" .")) is not None:
        return True
    name = _VIA.split(body)[0].strip(" .")
    return (words >= 3 or "/" in tail) and (looks_like_person(name) or bool(_HOUSE_SLASH_NAME.fullmatch(name)))


_HOUSE_SLASH_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}\s?/\s?"
                               r"[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}")


# A picture handed to the paper, said as its whole credit: "Courtesy photo", "Submitted photo", and
# after a dash the word alone ("… – Contributed")
_GIVEN = r"courtesy|submitted|contributed|provided|supplied"
_GIVEN_PHOTO = re.compile(r"^(?:" + _GIVEN + r")\s+(?:photo|image|picture)s?$", re.IGNORECASE)


# A house's name in capitals closing a caption in brackets: square ones alone ("[RTS]", Swiss style), or
# several words in round ones ("(FRANCE 3 OCCITANIE)"); one word in round brackets is a party or a
# country ("Friedrich Merz (CDU)", "(USA)")
_CAPITALS_GROUP = re.compile(r"^\[\s*[A-ZÀ-Þ][A-ZÀ-Þ0-9&.' -]{1,40}\]|"
                             r"^\(\s*[A-ZÀ-Þ][A-ZÀ-Þ0-9&.'-]*(?:\s+[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9&.'-]*){1,4}\s*\)")
_GIVEN_WORD = re.compile(r"^(?:" + _GIVEN + r"|handout)$|^(?-i:DR|D\.R)$", re.IGNORECASE)


_LICENCE = re.compile(r"public\s+domain|gemeinfrei|domaine\s+public|dominio\s+p[uú]blico|cc0|"
                      r"cc[\s-]by(?:[\s-](?:sa|nd|nc))*(?:\s+\d\.\d)?", re.IGNORECASE)


_LICENCE_AT_END = re.compile(r"\s*[,;|–—-]?\s*(?:" + _LICENCE.pattern + r")\s*\.?$", re.IGNORECASE)


def _credit_group(inner: str, registry: AgencyRegistry) -> bool:
    inner = inner.strip()
    if not inner:
        return False
    body, prefix = normalise_credit_text(inner)
    if prefix and body:
        return not _CJK_DATE.match(body)  # "（12月4日摄）": when it was taken, not by whom
    words = body.split()
    if len(words) > 10:
        return False
    matches = registry.scan(body)
    if matches:
        # "(AP Photo/Jane Doe)", "(Reuters)", "(NOAA via AP)", "(Dustin Franz/AFP/Getty Images)";
        # not "(the AP reported)" and not a sentence that happens to name an agency.
        return len(words) <= 6 or "/" in body or _VIA.search(body) is not None
    if _VIA.search(body) or re.search(r"\b(?:photo|photography|foto|fotografie|fotograf[ií]a|courtesy|handout|file|"
                                      r"screenshot|screengrab|screen\s+capture|screen\s+grab|captura|dok|dokumentasi|"
                                      r"istimewa)\b",
                                      body, re.IGNORECASE):
        # (Indonesian "dok. Humas Polri", "Istimewa": the documentation of, a picture handed in)
        return len(words) <= 8
    if _LICENCE.fullmatch(body.strip(" .")):
        return True  # "(public domain)", "(CC BY-SA 4.0)": the picture's licence stands for its credit
    if _GIVEN_WORD.fullmatch(body.strip(" .")) or _GIVEN_PHOTO.fullmatch(body.strip(" .")):
        return True  # "(Supplied)", "(Handout)": a picture handed in, said as its credit
    # "(Jane Doe / The Seattle Times)", "(Grandyos Zafna/detikcom)": a name and the house or source it shot for
    if "/" not in body or len(words) > 8:
        return False
    # capitals either side of the slash, in any script ("EUROKINISSI/ΘΑΝΑΣΗΣ ΔΗΜΟΥ"), or a person's name
    # on one side ("Daystar.com / Jean Lumbera")
    capitals = _SLASH_BETWEEN_WORDS.search(body)
    return bool(capitals and capitals.group(1)[:1].isupper() and capitals.group(2).isupper()) \
        or any(looks_like_person(part.strip()) for part in body.split("/"))


_SLASH_BETWEEN_WORDS = re.compile(r"([^\W\d_][\w.'’-]*)\s*/\s*([^\W\d_])")


# A house's or an agency's short name in capitals, a slash and a person's name, after the caption's
# last sentence: "… gesunken. VN/Hartinger", "… Tabuyo. ICAL/César Sánchez" (whether or not the
# registry knows the short name; with no prefix, only capitals before the slash will do)
_ACRONYM_SLASH_NAME = re.compile(r"[A-ZÄÖÜ]{2,6}\s?/\s?[A-ZÀ-Þ][\w'’.-]+(?:\s[A-ZÀ-Þ][\w'’.-]+){0,3}")


def _bare_credit(tail: str, registry: AgencyRegistry) -> bool:
    # With no prefix to say so, a short code counts only as its agency writes it: "App" in "zeigt
    # eine App, wo …" is no Associated Press of Pakistan
    matches = [m for m in registry.scan(tail) if len(m.surface) > 4 or m.surface.isupper()
               or m.surface in m.agency.forms]
    if not matches:
        # "… Egerner Höfe“. ortwinklipp.de", "… in August. Post File Photo"
        return _HOST_NAME.fullmatch(tail) is not None or named_with_file_note(tail)
    if "/" in tail or _VIA.search(tail) or "," in tail:
        return True
    # A lone agency name ("PA", "Getty Images", "AFP"), optionally with "file".
    stripped = _FLAG_SUFFIX.sub("", tail).strip(" .")
    return registry.lookup(stripped) is not None


def names_closing_caption(caption: str) -> tuple[str, str, str | None] | None:
    """``(caption, credit, prefix)`` when a caption that nothing else credits ends with its source set
    apart from it, after its last sentence, a dash or a bar, or in closing brackets, and says it is a
    source: a picture word leads it ("… in Quezon City. Photo from LTFRB"), a file note closes it ("…
    third from left. Frome Museum archive", "… in August. Post File Photo"), or it names an
    institution ("… court filings. U.S. Attorney's Office Northern District of Indiana"). Names alone
    are not enough: a caption ends with teams, places, parties and people too ("… with Sen. Bernie
    Sanders", "(Inter Miami)", "… Cape Town, South Africa")."""
    if caption.rstrip().endswith(("...", "…")):
        return None  # a shortened caption's last words ("… for Harvard students. It...")
    group = _TRAILING_GROUP.search(caption)
    if group is not None and group.start() > 0:
        head, tail = caption[:group.start()], group.group(1)
    else:
        start = _last_sentence_start(caption)
        if start <= 0:
            return None
        head, tail = caption[:start], caption[start:].lstrip("–—-|/ ")
    head, tail = head.rstrip(" ,;–—-|/"), tail.strip().rstrip(".")
    words = tail.split()
    if group is None and (not _CLOSED_SENTENCE.search(head) or _ABBREVIATION_END.search(head)):
        # after a dash with no sentence closed before it, names are the caption's ("Zwei Jahre nach dem
        # Unglück – Angela Merkel"); a title's or a street's stop closes no sentence ("… with Sen.
        # Bernie Sanders"); after a quotation, the name is its speaker's
        return None
    if not 1 <= len(words) <= 8 or len(head.split()) < 3 or ":" in tail or "：" in tail \
            or _NOTE_ONLY.match(tail) or _DATE_ONLY.match(tail) or _PLACE_IN_PICTURE.fullmatch(tail):
        return None
    lead = _PICTURE_FROM.match(tail)
    credit = tail[lead.end():] if lead else tail
    noted = _NAMED_FILE.fullmatch(credit)
    body = noted.group("source") if noted else credit
    if not body[:1].isupper() or not re.search(r"[^\W\d_]{2}", body) or not names_only(body) \
            or _BYLINE.match(body):
        return None
    # (what named_with_file_note asks, its source's case and names already asked above)
    filed = noted is not None and len(body.split()) <= 5
    # (an institution's name only after the caption's last sentence, never in brackets, where a title
    # stands as often: "(The Tortured Poets Department)"; and with no date: "(Archive, 2019)")
    institution = group is None and institution_named(body)
    # (or a person's name in capitals, as Spanish and Nordic papers print their photographers': "… en la
    # ría. MONICA IRAGO"; a name in capitals after a sentence is no subject's)
    if not (lead or filed or institution or group is None and person_in_capitals(body)):
        return None
    return head, credit, lead.group().strip() if lead else None


def institution_named(text: str) -> bool:
    """Does the text name an institution, of the kind whose name is a picture's source ("U.S.
    Attorney's Office", "Ministry of Defence", "Daily Echo Archive")? Two words at least, no date."""
    return len(text.split()) >= 2 and _INSTITUTION.search(text) is not None and not re.search(r"\d", text)


_CLOSED_SENTENCE = re.compile(r"[.!?…。！？]$")
# the stop of an abbreviation, not a sentence's: "Sen.", "Gov.", "Dr.", "St.", "Mt.", "vs.", "Inc.", "a.m."
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:[A-Z]|(?:[a-zA-Z]\.)+[a-zA-Z]|Sens?|Reps?|Gov|Govs|Dr|Drs|Mr|Mrs|Ms|Rev|Lt|Col|Gen|Sgt|Capt|Cmdr|"
    r"Adm|Maj|Prof|Pres|Supt|Insp|Hon|Msgr|Fr|Sr|Sra|Sres|Srta|Jr|Dña|Mme|Mlle|Hr|Hrn|Pfr|Dipl|Ing|Mag|St|Ste|Sta|Mt|"
    r"Ft|Inc|Ltd|Co|Corp|Bros|Univ|Dept|Ave|Blvd|Rd|No|Nr|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"vs|etc|approx|ca|cf|al)\.$")
# the kind of body whose name is a picture's source: an office, a ministry, a museum's collection
_INSTITUTION = re.compile(r"\b(?:Office|Department|Ministry|Police|Museum|Library|Archives?|Collection|Service|"
                          r"Agency|Authority|Council|Commission|Photography|Studios?)\b")
# "Photo from LTFRB", "Photo courtesy of the family": a picture word before the source it names
_PICTURE_FROM = re.compile(r"^(?:photos?|pictures?|images?|pics?)\s+(?:from|by|courtesy(?:\s+of)?)\s+(?=\S)",
                           re.IGNORECASE)
# where someone stands in the picture, not who made it: "(Left)", "(Top L)", "(Inset)"
_PLACE_IN_PICTURE = re.compile(r"(?:(?:top|bottom|front|back|centre|center|middle|far)\s+)?"
                               r"(?:left|right|l|r|top|bottom|centre|center|middle|inset|above|below|pictured|front|back)"
                               r"(?:\s+(?:to\s+right|to\s+left|l|r|row))?", re.IGNORECASE)
