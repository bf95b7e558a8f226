"""Article images: which images belong to the story, and their captions and credits.

Every image-like element on the page goes through the same cascade, in document order, and each
step that leaves an image out says why (``auditor extract --why``):

1. **screen** -- page chrome around it, after the article's end, inside an embedded post, a logo,
   icon or tracking pixel, a ``<noscript>`` twin of a lazy image;
2. **figure unit** -- the widest ancestor that holds this picture and no other candidate picture,
   stopping at the story's own text: no depth limits, the structure decides;
3. **read** -- caption and credit elements inside the unit (by tag, ``itemprop`` and class tokens),
   then right after it, then the image's own attributes, then the page's structured data;
4. **keep** -- teaser cards, link teasers and repeats of a picture already listed go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain, islice
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..model import FLAGS, Credit, Figure, ImageDecision, picture_identity
from ..registry import AgencyRegistry
from .article import ArticleZone, ChromeMap, chrome_class, chrome_tokens, text_runs, url_path
from .credits import (
    SOURCE_LINE,
    describes,
    detect_flags,
    file_note_alone,
    institution_named,
    looks_like_credit,
    looks_like_person,
    name_at_end,
    names_closing_caption,
    names_only,
    names_somebody,
    names_story_sources,
    normalise_credit_text,
    only_a_credit,
    parse_credit,
    person_in_capitals,
    split_caption,
    split_sources,
    strip_prefix,
    terms_of_use,
    trailing_group,
    without_label_at_end,
)
from .dom import (
    HAS_IMG,
    HAS_PICTURE,
    SKIP_TAGS,
    ancestors,
    clean,
    control_class,
    describe_element,
    element_tokens,
    is_hidden_label,
    name_tokens,
    reader_text,
    tag_of,
    text_content,
    visible_text,
)
from .scan import DELAYED_IMAGE_TAGS
from .structured import StructuredIndex
from .vocab import CAPTION_ROLE, CREDIT_HINT, CREDIT_ROLE, FIGURE_LIKE, SIGNOFF, STANDFIRST, TITLE, VIDEO

# story text: long paragraphs, or long runs of text written straight into a <div> (no <p>)
_COUNT_LONG_P = etree.XPath("count(.//p[string-length(normalize-space()) > 150]|"
                            ".//div/text()[string-length(normalize-space()) > 150])")
# paragraphs of running text inside an element: <p>s or text <div>s of 80 characters and more
_COUNT_PARAGRAPHS = etree.XPath("count(.//p[string-length(normalize-space()) >= 80]|"
                                ".//div[not(.//div|.//p)][string-length(normalize-space()) >= 80])")
_HAS_SECTION_HEADING = etree.XPath("boolean(.//h1|.//h2)")
# (a union of name tests is several times faster in libxml2 than one walk with a self:: predicate)
_HAS_HEADING = etree.XPath("boolean(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)")
_HAS_LINK = etree.XPath("boolean(.//a[@href][not(starts-with(@href,'#'))])")
# Links away from the unit, not counting an empty one or the one that wraps the picture itself
_LINKS_AWAY = etree.XPath(".//a[@href][normalize-space(@href) != ''][not(starts-with(@href,'#'))]")
_PICTURE_SOURCES = etree.XPath("ancestor::picture[1]//source")

# Lazy-loading attributes, most specific first; any other ``data-*src*`` attribute is tried after.
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src",
               "data-lazy", "data-echo", "data-img-src", "data-image", "data-fallback-src", "data-large-src")
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
_IMAGE_URL = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])|/images?/|/img/|/photos?/|/media/|"
                        r"imgix|cloudinary|image\?|/image/", re.IGNORECASE)
_URL_TOKENS = re.compile(r"[^a-z0-9]+")
# an image file's name inside a longer path: an image service's rendition of that file
_IMAGE_IN_PATH = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)/", re.IGNORECASE)
# Hosts that serve only trackers and ads.
_TRACKER_HOSTS = ("doubleclick.", "scorecardresearch.", "googleads.", "adservice.", "effectivemeasure.",
                  "facebook.com/tr", "gravatar.", "google-analytics.", "bat.bing.")
# Path segments of tracking URLs (whole segments: "beacon" is not "beaconjournal").
_TRACKER_SEGMENTS = frozenset({"pixel", "tracking", "beacon", "counter", "ads", "analytics", "track"})
# Words in the file name of a placeholder that a script swaps for the real picture.
_PLACEHOLDER_WORDS = frozenset({"pixel", "spacer", "blank", "preload", "transparent", "placeholder", "loading", "lazy",
                                "grey", "gray", "preloader", "loader", "spinner", "1x1", "1px", "dummy", "empty",
                                "clear", "lazyload", "default"})
# words a placeholder's file name may hold beside its placeholder word
_NEUTRAL_WORDS = frozenset({"image", "images", "photo", "picture", "white", "black", "light", "dark", "small",
                            "large", "background", "thumb", "thumbnail", "square", "wide", "base"})
_SIZE_WORD = re.compile(r"\d+(?:x\d+)?|\d*x\d+")
_PLACEHOLDER_PREFIXES = ("preload", "placeholder", "spinner", "loader", "lazy", "blank", "spacer")
_LOGO_SEGMENTS = frozenset({"icon", "icons", "logo", "logos", "avatar", "avatars", "emoji", "emojis", "sprite",
                            "sprites", "favicon", "flags", "badges", "gravatar"})
_LOGO_WORDS = frozenset({"logo", "icon", "favicon", "sprite", "avatar", "emoji", "badge", "autor", "author",
                         "btn"})
# An image whose own class is just a network's name is that network's button.
_SOCIAL_ICONS = frozenset({"twitter", "facebook", "instagram", "whatsapp", "linkedin", "pinterest", "youtube",
                           "tiktok", "telegram", "xing", "reddit", "threads", "bluesky", "mastodon", "rss"})
_LOADER_WORDS = frozenset({"loading", "loader", "preloader"})
# A file named for an arrow and its direction is a slider's or a pager's control, in any language
_ARROW_WORDS = frozenset({"arrow", "arrows", "chevron", "flecha", "pfeil", "fleche", "flèche", "freccia", "seta",
                          "strzalka", "sipka", "šipka"})
_DIRECTION_WORDS = frozenset({"left", "right", "up", "down", "prev", "previous", "next", "forward", "izq",
                              "izquierda", "der", "dcha", "derecha", "links", "rechts", "gauche", "droite", "sinistra",
                              "destra", "esquerda", "direita", "lewo", "prawo"})
# words an arrow's file name may hold beside the arrow and its direction
_ARROW_NEUTRAL = frozenset({"white", "black", "grey", "gray", "small", "big", "icon", "btn", "nav", "slider"})


def _loading_indicator(element) -> bool:
    """"loading-wrapper__loading": the wheel a page shows while something loads. Not a picture in
    its loading state: a modifier ("image--loading") says how an element looks for now, and a lazy
    image's state class ("lazy-image-loading") comes with the real picture in a data-* attribute or
    in the <noscript> copy beside it."""
    cls = _BEM_MODIFIER.sub("", element.get("class") or "")
    return any(_LOADER_WORDS & set(tokens) for tokens in name_tokens(cls)) and not _lazy_src(element) \
        and not any(element.get(a) for a in _SRCSET_ATTRS[1:]) and not _image_file_attribute(element) \
        and not _noscript_twin_src(element)


_BEM_MODIFIER = re.compile(r"--\S*")
_LOADER_FILE = re.compile(r"\.(?:gif|svg|apng)$|load|spin", re.IGNORECASE)
_LOGO_ALT = re.compile(r"\b(?:logo|icon|avatar)\b", re.IGNORECASE)
# Common aspect ratios written into width/height so that the browser reserves space: not icon sizes.
_ASPECT_RATIOS = frozenset({(16, 9), (9, 16), (4, 3), (3, 4), (3, 2), (2, 3), (21, 9), (5, 4), (4, 5), (1, 2),
                            (2, 1)})
_ICON_SIZE = 40
_THUMBNAIL_SIZE = 100  # no article picture is shown this small in both directions
_BADGE_WIDTH, _BADGE_HEIGHT = 200, 80  # a strip this small and at least twice as wide as high is a badge
_RULE_SIZE = 4  # a picture this thin in one direction is a spacer or a rule (624x1)

# The most text a figure unit holds: caption, credit and some controls; more is the story.
UNIT_TEXT_LIMIT = 1500
_UNIT_STOP_TAGS = frozenset({"body", "html", "article", "main"})
_PART_SKIP_TAGS = frozenset({"img", "picture", "source", "script", "style", "noscript", "a", "button", "svg",
                             "template"})
_CREDIT_PROPS = {"copyrightholder", "author", "creator", "credittext", "copyrightnotice", "provider",
                 "sourceorganization"}
_CAPTION_PROPS = {"caption", "description"}
# the word between a slide's number and the count: "1/6", "2 of 12", "3 von 9", "1 av 4", "2 di 5"
_COUNTER_OF = r"(?:/|of|von|van|de|sur|di|av|af|z|ze|из|з)"
# the pictures a gallery holds, after a caption's last sentence: "… (3. prosince 2026) 12 fotografií"
_GALLERY_COUNT_WORDS = ("photos", "pictures", "images", "fotos", "bilder", "billeder", "fotografií", "fotek", "zdjęć",
                        "kuvaa", "фото")
_GALLERY_COUNT = "(?:" + "|".join(_GALLERY_COUNT_WORDS) + ")"
_UI_LABELS = re.compile(
    r"^(?:image|media|photo|video)\s+(?:caption|copyright)\s*[:,]?\s*|"
    r"\s*\|?\s*(?:purchase\s+licensing\s+rights(?:\s*,\s*opens\s+new\s+tab)?|buy\s+(?:this\s+)?(?:photo|image|picture)|buy\s+now|"
    r"buy\s+(?:a\s+)?prints?(?:\s+of\s+this\s+(?:photo|image|picture))?|order\s+(?:a\s+)?(?:re)?prints?|"
    r"license\s+(?:this\s+)?(?:photo|image)|"
    r"bild\s+kaufen|foto\s+kaufen|перейти\s+в\s+фотобанк|acheter\s+(?:cette\s+)?photo|comprar\s+(?:esta\s+)?foto)\s*$|"
    r"\s*(?:hide|toggle|show|close)\s+caption\s*|\s*enlarge\s+(?:this\s+)?image\s*|"
    r"^\s*(?:\[\+\]|\+)\s*(?:enlarge|zoom|expand)\s+|"  # "[+] Enlarge" before the caption
    r"^\s*(?:expand|zoom|fullscreen|vergrößern|vollbild)\s*$|\s+(?:less|more|mehr|weniger)\s*$|"
    r"\s*…(?:more|mehr)\b|"  # a collapsed caption's toggle, glued to its ellipsis ("Apple …more Inc. on …")
    r"^\s*\d+\s*" + _COUNTER_OF + r"\s*\d+\s+|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device\s*|"
    r"^\s*(?:bild|image|photo|foto|slide|kuva|zdjęcie|фото)\s+\d+\s*" + _COUNTER_OF + r"\s*\d+\s*|"
    r"(?<=[.)!?”\"»])\s+\d{1,3}\s+" + _GALLERY_COUNT + r"\s*$|"
    r"^\s*(?:video\s+)?ad\s+feedback\s+|"  # a video player's button to rate its advertisement
    r"^\s*(?:embed\s*<>\s*)?more\s+videos\s+|"  # a video player's link to its playlist
    r"^\s*(?:view|see|ver|voir|alle)\s+(?:all\s+)?\d+\s+(?:images|photos|pictures|fotos|bilder|imágenes)\s*",
    re.IGNORECASE,
)
# A word every _UI_LABELS alternative needs, or a start that the anchored ones need: without one,
# nothing to strip. Most captions have none, and the label alternation costs far more per character.
# (One list each, kept beside _UI_LABELS: a word added there is added here.)
_UI_LABEL_STARTS = ("bild", "image", "photo", "foto", "slide", "kuva", "zdjęcie", "фото", "view", "see", "ver", "voir",
                    "alle")  # (and a digit)
_UI_LABEL_INSIDE = ("caption", "copyright", "purchase", "buy", "order", "license", "kaufen", "перейти", "acheter", "comprar",
                    "enlarge", "+", "expand", "zoom", "fullscreen", "vergrößern", "vollbild", "less", "more", "mehr",
                    "weniger", "…", "playback", "feedback", *_GALLERY_COUNT_WORDS)
_UI_LABEL_WORDS = re.compile(r"^\s*(?:\d|" + "|".join(map(re.escape, _UI_LABEL_STARTS)) + ")|"
                             + "|".join(map(re.escape, _UI_LABEL_INSIDE)), re.IGNORECASE)
# the same for ASCII text, where ignoring case is lower-casing: substring tests, cheaper still
_UI_LABEL_WORDS_ASCII = tuple(w for w in _UI_LABEL_INSIDE if w.isascii())
_UI_LABEL_STARTS_ASCII = (*(w for w in _UI_LABEL_STARTS if w.isascii()), *"0123456789")


def _may_hold_ui_label(text: str) -> bool:
    if not text.isascii():  # (O(1) on str)
        return _UI_LABEL_WORDS.search(text) is not None
    lower = text.lower()
    return lower.lstrip().startswith(_UI_LABEL_STARTS_ASCII) or any(word in lower for word in _UI_LABEL_WORDS_ASCII)


_MULTI = object()  # an ancestor that holds more than one picture


@dataclass
class _Candidate:
    element: object
    src: str | None
    key: object  # the picture's identity across sizes, or the element when it has no URL
    unit: object = None


@dataclass
class _Reading:
    """What one figure unit says about its picture, and where each part came from (for ``--why``)."""

    caption: str | None = None
    caption_line: int | None = None
    credit: Credit | None = None
    caption_from: str | None = None
    caption_origin: str | None = None  # Figure.caption_origin
    video: bool = False  # the picture is a video player's poster frame
    credit_from: str | None = None
    caption_element: object = None  # where the caption was read (for figures that share one)
    caption_marked: bool = False  # ... and that element is marked as a caption (tag, itemprop, class)
    credit_elements: list = field(default_factory=list)  # where the credit was read
    caption_links: list = field(default_factory=list)  # Figure.caption_links
    notes: list = field(default_factory=list)


class _Trace:
    """Decisions about image elements, kept only when the caller asks (``extract --why``)."""

    def __init__(self, sink: list | None, elements: list, parts: list | None = None, read: set | None = None):
        self.sink = sink
        self.parts = parts  # (image, unit, caption element, credit elements) per figure, for profile drafts
        self.read = read  # the elements captions and credits were read from
        self.position = {e: i for i, e in enumerate(elements)} if sink is not None else {}
        self.found: list = []

    def finish(self) -> None:
        """Hand the decisions over in document order (screening and reading run in two passes)."""
        if self.sink is not None:
            self.sink.extend(d for _, d in sorted(self.found, key=lambda item: item[0]))

    def left(self, element, reason: str, unit=None) -> None:
        if self.sink is not None:
            self.found.append((self.position.get(element, 0), ImageDecision(
                element=describe_element(element), line=element.sourceline, taken=False, reason=reason,
                unit=describe_element(unit) if unit is not None else None)))

    def retract(self, element, reason: str) -> None:
        """A taken image left out after all (the figures after it are left out too: no renumbering)."""
        if self.parts is not None:
            self.parts[:] = [p for p in self.parts if p[0] is not element]
        if self.sink is not None:
            at = self.position.get(element, 0)
            for index, (position, decision) in enumerate(self.found):
                if position == at and decision.taken:
                    self.found[index] = (position, ImageDecision(
                        element=decision.element, line=decision.line, taken=False, reason=reason,
                        unit=decision.unit))

    def taken(self, element, unit, reading: _Reading, figure: int) -> None:
        if self.read is not None:
            if reading.caption and reading.caption_element is not None:
                self.read.add(reading.caption_element)
            if reading.credit:
                self.read.update(reading.credit_elements)
        if self.parts is not None:
            self.parts.append((element, unit, reading.caption_element if reading.caption_marked else None,
                               reading.credit_elements if reading.credit else []))
        if self.sink is not None:
            details = [f"caption from {reading.caption_from}" if reading.caption_from else "no caption",
                       f"credit from {reading.credit_from}" if reading.credit_from else "no credit",
                       *reading.notes]
            self.found.append((self.position.get(element, 0), ImageDecision(
                element=describe_element(element), line=element.sourceline, taken=True, reason=f"figure {figure}",
                unit=describe_element(unit), details=details)))


def find_figures(page, zone: ArticleZone, registry: AgencyRegistry, index: StructuredIndex,
                 base_url: str | None = None, trace: list | None = None, profile=None,
                 parts: list | None = None, chrome: list | None = None, read: set | None = None) -> list[Figure]:
    """Every image that belongs to the article, in document order, with caption and credit.

    ``trace``, when given, receives an :class:`~auditor.model.ImageDecision` for every image-like
    element: taken or left out, and the element and test that decided. A site ``profile`` that
    names its figure units decides which images are figures; its caption and credit selectors win
    over the generic reading. ``chrome``, when given, receives the image elements left out as page
    chrome or as standing after the article's end (where else the page shows its pictures).
    ``read``, when given, receives the elements the figures' captions and credits were read from.
    """
    why = _Trace(trace, page.images, parts, read)
    site_name = _site_name(base_url)
    if profile is not None and profile.figure is not None:
        figures = _profile_figures(page, zone, registry, index, base_url, profile, why)
        why.finish()
        return figures
    chrome_map = ChromeMap(zone, page.marks_body)
    zone_end = _zone_end(zone)
    candidates: list[_Candidate] = []
    lead = _lead_identities(page)
    lead_keys = frozenset(lead)
    authors = None  # the story's authors, (first name, surname) pairs
    for element in page.images:
        reason, src = _screen(element, chrome_map, zone, zone_end, lead, explain=trace is not None)
        if reason:
            why.left(element, reason)
            if chrome is not None and reason.startswith(("page chrome", "after the end")):
                chrome.append(element)
            continue
        candidates.append(_Candidate(element, src, picture_identity(src) or element))
    holders = _picture_holders(candidates)
    stops = _unit_stops(zone)
    dated = frozenset(a for time in page.times for a in ancestors(time))  # what holds a story's date

    figures: list[Figure] = []
    taken: list = []  # the image element of each figure
    kept: dict = {}  # picture identity -> (figure number, caption, credit text)
    caption_owners: dict = {}  # caption element -> figure number
    said_by: dict = {}  # (caption, credit text) -> the first figure that says it
    card_memo: dict = {}
    own_path = url_path(base_url) if base_url else ""  # a link to the page itself leads to no other story
    for candidate in candidates:
        element = candidate.element
        unit = candidate.unit = _figure_unit(element, holders, stops, dated)
        # Tests that need only the structure come before reading caption and credit: cheaper.
        shop = _shop_link(element, unit)
        if shop:
            why.left(element, f"a product advertisement (links to {shop})", unit)
            continue
        if _author_link(element, unit):
            why.left(element, "an author's portrait (links to an author's page)", unit)
            continue
        teaser = _teaser_card(unit, zone, stops, element, card_memo, own_path)
        if teaser is not None:
            why.left(element, f"story card ({describe_element(teaser)}: headline and link, no story text)", unit)
            continue
        quote = _quotation_box(element, unit)
        if quote is not None:
            why.left(element, f"in a quotation box ({describe_element(quote)}): the speaker's portrait or an "
                              "ornament", unit)
            continue
        box = _contact_card(unit, stops)
        if box is not None:
            what = "a phone or e-mail link" if _HAS_CONTACT_LINK(box) else "a form"
            why.left(element, f"a contact card's portrait or a form's promo ({describe_element(box)}: {what} "
                              "in a small box)", unit)
            continue
        reading = _read(element, unit, registry, profile)
        caption, credit = reading.caption, reading.credit
        card = _card_link(element, reading.caption_element, base_url) \
            if reading.caption_element is not None else None
        if card:
            why.left(element, f"a card that links as a whole to another page ({card}): picture and title "
                              "in one link", unit)
            continue
        titled = _titled_link(unit, caption, reading.caption_element, base_url) if caption else None
        if titled:
            why.left(element, f"a story teaser: its caption is the title of a link to another page ({titled})", unit)
            continue
        # (a <figure> set among the story's own paragraphs, its caption carrying its credit, is the
        # story's even when each links to a viewer of the story's pictures, as Mainichi's do)
        listed = _teaser_list(element, unit, base_url) \
            if not (caption and credit is not None and reading.caption_marked and tag_of(unit) == "figure"
                    and unit.getparent() in chrome_map.text_holders) else None
        if listed:
            why.left(element, f"a story teaser: {listed}", unit)
            continue
        label = _ad_label(element, unit, caption) if credit is None else None
        if label:
            why.left(element, f"an advertisement (labelled '{label}')", unit)
            continue
        chrome = chrome_map.verdict(element)
        if chrome == "weak" and credit is None and candidate.key not in lead_keys \
                and (not reading.caption_marked or _is_link_teaser(element, unit, base_url)):
            # (the page's own lead picture, og:image, in a "widget" of a page builder is the story's)
            why.left(element, "teaser-like wrapper, no credit, and no caption of its own or a link away", unit)
            continue
        if not chrome_map.inside(element) and caption is None and credit is None:
            # Outside the article's own element, only a lead picture with a caption or credit counts.
            why.left(element, "outside the article element, no caption or credit", unit)
            continue
        if credit is None and candidate.key not in lead_keys and not chrome_map.inside(element):
            away = _onward_link(unit, element, reading.caption_element, base_url)
            if away:
                # a slide of the site's post carousel above the story, its title and a "read more"
                why.left(element, f"outside the article element, no credit, and its box links to another page "
                                  f"({away}): a teaser", unit)
                continue
        if candidate.src is None and caption is None and credit is None:
            why.left(element, "no image URL and nothing says what it shows", unit)
            continue
        if reading.video and (credit is None and caption and _VIDEO_TITLE.match(caption)
                              or caption is None and credit is not None and _video_title_credit(credit, unit)) \
                and _in_video_player(element, unit) and _has_play_control(unit, buttons=False):
            # the video's title under a player, not a caption or credit of its still: one that tells the
            # reader to watch it ("Bekijk: beelden van de ravage op de E17"), or one after the video's
            # label, in words ("Video: Jak se připravit na cestu v zimě")
            why.left(element, "a video's poster under its title, and nothing else says what it shows", unit)
            continue
        if caption is None and credit is None and (tag_of(element) == "video"
                                                   or reading.video and _in_video_player(element, unit)):
            # (the labels count a video only with a caption or credit: a poster that nothing describes
            # is a player's still, whether a <video poster> or an <img> beside the player's play button)
            why.left(element, "a video's poster, and nothing says what it shows", unit)
            continue
        if caption is None and credit is None:
            if authors is None:  # read from the page only when a picture that nothing describes asks
                authors = _author_surnames(page.root)
            undescribed = _undescribed_graphic(element, unit, candidate.src, site_name, authors)
            if undescribed:
                why.left(element, f"{undescribed}, and nothing says what it shows", unit)
                continue
        width = _thumbnail_width(element, candidate.src) if caption is None and credit is None \
            and candidate.key not in lead_keys else None
        if width:
            why.left(element, f"a thumbnail ({width} px wide) that nothing describes: a teaser's or a "
                              "preview's picture", unit)
            continue
        if caption is None and credit is None and _is_link_teaser(element, unit, base_url):
            why.left(element, "a link to another page, no caption or credit", unit)
            continue
        owner = caption_owners.get(reading.caption_element) if reading.caption_element is not None else None
        if owner is not None and credit is None:
            why.left(element, f"another size of figure {owner}: it reads figure {owner}'s caption", unit)
            continue
        absolute = _absolute(base_url, candidate.src)
        previous = kept.get(candidate.key)
        credit_text = credit.text if credit else None
        if previous is not None and previous[1] is None and previous[2] is None and (caption or credit):
            # the same picture again, now with its caption or credit (a gallery's preview strip came
            # first): this one is the figure, the preview is not counted a second time
            number = previous[0]
            figure = _figure(element, reading, index.for_element(element, absolute or candidate.src), absolute,
                             registry)
            figures[number - 1] = figure
            why.retract(taken[number - 1], f"a preview of figure {number}, which is read where its caption is")
            taken[number - 1] = element
            kept[candidate.key] = (number, figure.caption, figure.credit.text if figure.credit else None)
            why.taken(element, unit, reading, number)
            continue
        if previous is not None and ((caption is None and credit is None)
                                     or (previous[1] == caption and previous[2] == credit_text)):
            why.left(element, f"the same picture as figure {previous[0]}", unit)
            continue
        said = (caption, credit_text)
        twin = said_by.get(said) if caption or credit else None
        if twin is not None and (candidate.src is None or twin.src is None):
            # One of the two has no picture URL (a placeholder, a responsive slot a script fills):
            # the same picture shown twice. Keep the one with the address.
            twin.src = twin.src or absolute
            why.left(element, f"the same picture as figure {figures.index(twin) + 1} (one of them has no URL)", unit)
            continue
        figure = _figure(element, reading, index.for_element(element, absolute or candidate.src), absolute, registry)
        said_by.setdefault(said, figure)
        figures.append(figure)
        caption, credit = figure.caption, figure.credit
        number = len(figures)
        kept.setdefault(candidate.key, (number, caption, credit.text if credit else None))
        if reading.caption_element is not None:
            caption_owners.setdefault(reading.caption_element, number)
        taken.append(element)
        why.taken(element, unit, reading, number)
    appended = _appended_block(taken, base_url)
    if appended:
        for element in taken[-appended:]:
            why.retract(element, "in the block appended after the story: the last pictures were all uploaded "
                                 "for other posts (their attachment pages stand under other posts' addresses)")
        del figures[-appended:]
    why.finish()
    return figures


_TEASER_WIDTH = 200  # the widest a story's picture is shown with nothing said about it: a thumbnail
_SIZE_IN_NAME = re.compile(r"[-_](\d{2,4})x(\d{2,4})(?:[-_.]|$)")


def _thumbnail_width(element, src: str | None) -> int | None:
    """The width of a picture shown at most ``_TEASER_WIDTH`` wide, by its width attribute or the
    size in its file name (WordPress's "-200x200"); None for a larger one or when nothing says."""
    size = _declared_size(element)
    if size is None and src:
        match = _SIZE_IN_NAME.search(src.rsplit("/", 1)[-1])
        if match:
            size = (int(match.group(1)), int(match.group(2)))
    return size[0] if size is not None and size[0] <= _TEASER_WIDTH else None


def _appended_block(elements: list, base_url: str | None) -> int:
    """How many of the last figures form a block appended after the story: a run of two or more at
    the end whose pictures were all uploaded for other posts. A blog repeats its promotions (shop,
    shows, donations) under every post, with the pictures it uploaded for the posts that first
    carried them; WordPress says so in ``data-permalink``, the picture's attachment page, which
    stands under the address of the post it was uploaded for. A story's own pictures, and an older
    picture it reuses among them, come before its end."""
    page = _path_of(base_url) if base_url else ""
    if not page or len(elements) < 2:
        return 0
    run = 0
    for element in reversed(elements):
        permalink = element.get("data-permalink")
        parent = _path_of(permalink).rpartition("/")[0] if permalink else ""
        if not parent or parent == page:
            break
        run += 1
    return run if run >= 2 else 0


def _path_of(url: str) -> str:
    """A URL's path without query, fragment and the slashes at its ends."""
    url = url.strip().split("#", 1)[0].split("?", 1)[0]
    if "://" in url:
        url = url.split("://", 1)[1].partition("/")[2]
    return url.strip("/").lower()


def _profile_figures(page, zone: ArticleZone, registry: AgencyRegistry, index: StructuredIndex, base_url,
                     profile, why: _Trace) -> list[Figure]:
    """The figures a site profile names: one per figure unit, in document order."""
    units = [u for u in profile.figure(page.root) if isinstance(u, etree._Element)]
    taken: set = set()
    figures: list[Figure] = []
    for unit in units:
        if unit in zone.ignored or any(a in zone.ignored for a in ancestors(unit)):
            continue
        img = profile.image.first(unit) if profile.image is not None else None
        if not isinstance(img, etree._Element):
            img = next((e for e in unit.iter("img", "amp-img") if not _in_noscript(e)), None)
            img = img if img is not None else next(unit.iter("img", "amp-img"), None)
        element = img if img is not None else unit
        reading = _read(element, unit, registry, profile)
        src = resolve_src(element) if img is not None else None
        src = None if src and src.startswith("data:") else src
        absolute = _absolute(base_url, src)
        figures.append(_figure(element, reading, index.for_element(element, absolute or src), absolute, registry))
        taken.update(unit.iter("img", "amp-img"))
        reading.notes.append(f"site profile {profile.name}: figure '{profile.figure}'")
        why.taken(element, unit, reading, len(figures))
    for element in page.images:
        if element not in taken:
            why.left(element, f"not a figure unit of site profile {profile.name} (figure: '{profile.figure}')")
    return figures


def _figure(element, reading: _Reading, structured, absolute: str | None, registry: AgencyRegistry) -> Figure:
    """The figure for a reading, with what the page's structured data adds where the markup is silent.
    Updates ``reading`` (for ``--why``)."""
    caption, credit = reading.caption, reading.credit
    if structured is not None:
        if credit is None and structured.credit_line:
            credit = parse_credit(structured.credit_line, registry, line=structured.line,
                                  origin=structured.origin, caption=caption)
            reading.credit_from = f"{structured.origin} line {structured.line}" if credit else None
        if caption is None and structured.caption:
            caption = split_caption(structured.caption, registry)[0] or None
            reading.caption_line = structured.line
            reading.caption_from = f"{structured.origin} line {structured.line}" if caption else None
            reading.caption_origin = structured.origin if caption else None
    flags = sorted(set(detect_flags(caption if caption and caption[:4].isupper() else None)
                       + (credit.flags if credit else [])), key=FLAGS.index)
    alt = element.get("alt")
    if alt is None and tag_of(element) in DELAYED_IMAGE_TAGS:
        alt = element.get("data-alt")  # a delayed image's alt, set when JavaScript makes the <img>
    reading.caption, reading.credit = caption, credit
    return Figure(line=element.sourceline, src=absolute, alt=clean(alt) if alt is not None else None,
                  caption=caption, caption_line=reading.caption_line if caption else None,
                  credit=credit, structured=structured, flags=flags,
                  caption_origin=reading.caption_origin if caption else None,
                  media="video" if reading.video else "picture",
                  origin="markup" if _image_element(element) else "placeholder",
                  caption_links=reading.caption_links if caption else [])


_ZOOM_WORDS = frozenset({"zoom", "lightbox", "enlarge", "expand", "gallery", "fullscreen", "image", "photo", "img"})


def _control_box(node) -> bool:
    """An element whose own class says it is a button ("div.button.print", "ul.t_snsBtn"), not a zoom or
    lightbox link around an article picture ("a.lightbox-btn", a link to the picture's file)."""
    cls = node.get("class")
    if not cls or not control_class(cls) or any(_ZOOM_WORDS.intersection(t) for t in name_tokens(cls)):
        return False
    return not (tag_of(node) == "a" and _IMAGE_URL.search(node.get("href") or ""))


def _image_element(element) -> bool:
    """An element that is the picture itself, with an alt to read: <img>, an image-like custom
    element, a delayed-image <div data-src data-alt>; not a slide or figure a script fills in."""
    tag = tag_of(element)
    if tag in DELAYED_IMAGE_TAGS:
        return _is_delayed_image(element)
    return tag in ("img", "amp-img") or ("-" in tag and ("img" in tag or "image" in tag))


# -- 1. screening ------------------------------------------------------------------------------

def lead_image_urls(page) -> list[str]:
    """The picture the page's own metadata names as its lead image (og:image, twitter:image)."""
    return [m.get("content").strip() for m in page.metas if m.get("content")
            and (m.get("property") or m.get("name") or "").strip().lower() in ("og:image", "twitter:image")]


def _lead_identities(page) -> set:
    """The lead picture's identities: the strongest sign there is that a picture belongs to the
    story. (Not every JSON-LD image: those include the author's portrait and the publisher's logo.)"""
    return {key for key in map(picture_identity, lead_image_urls(page)) if key}


def _screen(element, chrome_map: ChromeMap, zone: ArticleZone, zone_end,
            lead: set, explain: bool = False) -> tuple[str | None, str | None]:
    """Why this element is not an article image (None when it may be), and its real URL."""
    src = None
    if not chrome_map.inside(element) and not _before_article_end(element, zone, zone_end):
        return "after the end of the article", None
    if chrome_map.verdict(element) == "strong":
        # (no lead picture left to find, or none this picture's address could hold: no address to read)
        src = resolve_src(element) if lead and _may_show(element, lead) else None
        key = picture_identity(src)
        if key is None or key not in lead:
            return (f"page chrome ({chrome_map.reason(element)})" if explain else "page chrome"), None
        lead.discard(key)  # the lead picture, wherever its wrapper's class puts it: once
    tag = tag_of(element)
    if tag not in ("img", "amp-img") and not (tag in DELAYED_IMAGE_TAGS and _is_delayed_image(element)) \
            and not _described_picture(element):
        if element.get("data-caption") is not None or element.get("data-credit") is not None:
            return f"a <{tag}> with a caption attribute but no picture address", None
        if tag == "div" or (tag in DELAYED_IMAGE_TAGS and tag != "figure" and element.get("data-image") is None):
            return f"a <{tag}> that is not a delayed image", None
    if tag == "figure":
        return None, None  # a captioned figure whose picture a script fills in
    src = src or resolve_src(element)
    if src and src.startswith("data:"):
        src = None  # an inline placeholder is no picture's address
    decoration = _decoration(element, src)
    if decoration:
        return decoration, src
    if _in_noscript(element) and _has_live_twin(element):
        return "the <noscript> copy of a lazy-loading image", src
    return None, src


def _may_show(element, identities: set) -> bool:
    """Could the picture be one of these? A picture's identity is part of its address, and the
    address is one of its own attributes unless a <picture>'s sources or a <noscript> copy beside it
    give it: then only reading it tells."""
    if next(element.iterancestors("picture"), None) is not None:
        return True
    node = element
    for _ in range(2):
        for sibling in (node.getnext(), node.getprevious()):
            if sibling is not None and sibling.tag == "noscript":
                return True
        node = node.getparent()
        if node is None:
            break
    values = " ".join(element.attrib.values()).lower()
    return any(key in values for key in identities)


def _before_article_end(element, zone: ArticleZone, zone_end: int | None) -> bool:
    """Does an image outside the article element come before the article's end? By source line, or
    (pages written on one line) by position in the tree."""
    line = element.sourceline
    if zone_end and line and line != zone_end:
        return line < zone_end
    if zone.root is None:
        return True
    return _tree_position(element) < _tree_position(zone.root)


def _tree_position(element) -> list[int]:
    position = []
    node = element
    while node is not None:
        parent = node.getparent()
        position.append(parent.index(node) if parent is not None else 0)
        node = parent
    position.reverse()
    return position


def _zone_end(zone: ArticleZone) -> int | None:
    if zone.blocks:
        return max((b.line or 0) for b in zone.blocks) or None
    return None


def _is_delayed_image(element) -> bool:
    """Delayed images: a ``<div data-src="...jpg">`` (BBC) or a gallery's ``<li data-original=…>``
    that becomes an <img> with JavaScript."""
    data_src = element.get("data-src") or element.get("data-original") or \
        (_image_file_attribute(element) or "" if element.get("role") == "img" else "")
    if not _IMAGE_URL.search(data_src) or HAS_IMG(element):
        return False
    # beside an <img>, a <span data-src> is one of its sizes (a script's <source>), not a picture
    parent = element.getparent()
    return parent is None or tag_of(element) in ("div", "li") or not HAS_IMG(parent)


def _described_picture(element) -> bool:
    """A gallery slide that a script turns into a picture: no <img>, but an image address and a
    caption or credit in its data attributes (``data-image``, ``data-caption``, ``data-credit``),
    or a link straight to the image file that carries its caption (``<a href=x.jpg data-caption>``)."""
    if element.get("data-caption") is None and element.get("data-credit") is None:
        return False
    src = _lazy_src(element) or (element.get("href") if tag_of(element) == "a" else None) or ""
    return bool(_IMAGE_URL.search(src)) and not HAS_IMG(element)


def resolve_src(element) -> str | None:
    """The real image URL: a lazy-loading attribute wins over ``src`` whenever it holds a URL (the
    ``src`` is then a placeholder), then ``src``, ``srcset`` and the ``<picture>``'s sources."""
    tag = element.tag  # (a picture's element: never a comment)
    if tag == "video":
        return (element.get("poster") or "").strip() or None  # its picture, not its video file
    lazy = _lazy_src(element)
    if lazy:
        return lazy
    if tag == "a" and element.get("data-caption") is not None:
        return (element.get("href") or "").strip() or None  # a described picture: the link is its file
    src = (element.get("src") or "").strip()
    if src and not src.startswith("data:") and not _is_placeholder(src):
        return src
    for attr in _SRCSET_ATTRS:
        first = _first_srcset(element.get(attr))
        if first:
            return first
    for source in _PICTURE_SOURCES(element):
        first = _first_srcset(source.get("srcset") or source.get("data-srcset"))
        if first:
            return first
    if tag in ("img", "amp-img"):
        # the src is a placeholder or missing: the picture's file in any other attribute
        # (data-orig-file, data-zoom-image, data-hires), or in the <noscript> copy beside it
        return _image_file_attribute(element) or _noscript_twin_src(element) or src or None
    if element.get("role") == "img":
        return _image_file_attribute(element) or src or None  # <div role="img" data-thumbnail="…">
    return src or None


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])", re.IGNORECASE)


# the words of a longer value, one of which may be an image file's address: Foundation's
# data-interchange="[/a-small.jpg, small], …" (split, not searched: a regex search for an address in a
# long base64 value backtracks at every "/")
_VALUE_WORDS = re.compile(r"[\s,\[\]\"'()]+")


def _image_file_attribute(element) -> str | None:
    for attr, value in element.attrib.items():
        if attr.startswith("data-"):
            value = (value or "").strip()
            if _url_like(value) and _IMAGE_FILE.search(value) and not _is_placeholder(value):
                return value
            if value.startswith(("[", "{")) and len(value) <= 4000:
                for word in _VALUE_WORDS.split(value):
                    if word.startswith(("/", "http")) and _IMAGE_FILE.search(word) and not _is_placeholder(word):
                        return word
    return None


def _noscript_twin_src(element) -> str | None:
    """The address in the <noscript> fallback that a lazy-loading script's placeholder stands beside."""
    node = element
    for _ in range(2):  # <img><noscript>, or <a><img></a><noscript>
        for sibling in (node.getnext(), node.getprevious()):
            if sibling is not None and tag_of(sibling) == "noscript":
                img = next(sibling.iter("img"), None)
                src = (img.get("src") or "").strip() if img is not None else ""
                if src and not src.startswith("data:") and not _is_placeholder(src):
                    return src
        node = node.getparent()
        if node is None:
            return None
    return None


def _lazy_src(element) -> str | None:
    """The first lazy-loading attribute that holds a real picture's URL (a lazy attribute may hold a
    placeholder too: ``data-src=".../blank.gif" data-lazy="[real.jpg, (default)]"``)."""
    # (every lazy-loading attribute is a data- one: the element's data attributes, read in one call,
    # not a look-up per name; most pictures have none)
    data = {attr: value for attr, value in element.items() if attr.startswith("data-")}
    if not data:
        return None
    for attr in _LAZY_ATTRS:
        value = (data.get(attr) or "").strip()
        if value and _url_like(value) and not _is_placeholder(value):
            return value
    for attr, value in data.items():
        # data-flickity-lazyload-src, data-lazy-original, data-srcset-webp ...
        if "src" in attr and attr not in _LAZY_ATTRS:
            value = (value or "").strip()
            first = _first_srcset(value) if "srcset" in attr else value
            if first and _url_like(first) and not _is_placeholder(first):
                return first
    return None


def _url_like(value: str) -> bool:
    return not value.startswith(("data:", "{", "[")) and ("/" in value or "." in value) and " " not in value


def _first_srcset(value: str | None) -> str | None:
    if not value:
        return None
    first = value.strip().split(",")[0].strip().split(" ")[0]
    return first if first and not first.startswith("data:") else None


def _url_parts(src: str) -> tuple[str, list[str], str]:
    """Host (lower case), path segments and file-name stem of an image URL."""
    lower = src[:400].lower()
    rest = lower.split("://", 1)[-1] if "://" in lower else lower.lstrip("/") if lower.startswith("//") else lower
    host = rest.split("/", 1)[0] if "://" in lower or lower.startswith("//") else ""
    path = rest.split("?", 1)[0].split("#", 1)[0]
    segments = [s for s in path.split("/") if s]
    if host and segments and segments[0] == host:
        segments = segments[1:]
    stem = segments[-1].rsplit(".", 1)[0] if segments else ""
    return host, segments, stem


def _is_placeholder(src: str, stem: str | None = None) -> bool:
    """A file name such as ``preloaderbig.gif`` or ``blank.png``; ``stem`` when already known."""
    stem = _url_parts(src)[2] if stem is None else stem
    words = set(_URL_TOKENS.split(stem))
    # a placeholder's name says nothing else ("empty-image", "grey-16x9"); "empty-wards-kisumu" is a photo's.
    # An animation or a drawing named so is one whatever else its name says ("ajax-loader.gif").
    return bool(words & _PLACEHOLDER_WORDS and len(words) <= 3
                and (all(w in _PLACEHOLDER_WORDS or w in _NEUTRAL_WORDS or len(w) <= 3 or _SIZE_WORD.fullmatch(w)
                         for w in words) or src.split("?")[0].lower().endswith((".gif", ".svg")))) \
        or ("placeholder" in words and not words.isdisjoint(_SOCIAL_ICONS) and len(words) <= 4) \
        or stem.startswith(_PLACEHOLDER_PREFIXES) \
        or stem.endswith(("pixel", "spacer", "beacon"))  # "renderTimingPixel.png"


_BANNER_RATIO = 12  # (an explanatory strip graphic can be 8:1: 764x93)


_SRCSET_CANDIDATES = re.compile(r",\s*\S|\s\d+w\b")


def _responsive(element) -> bool:
    """Does the picture come in several sizes (a ``srcset`` of several candidates or of widths, or
    ``<picture>`` sources)? Then its declared size is a layout's, not the picture's. (A ``srcset``
    of one ``1x`` candidate is only its ``src``.)"""
    srcset = element.get("srcset") or element.get("data-srcset")
    return bool(srcset and _SRCSET_CANDIDATES.search(srcset)) or bool(_PICTURE_SOURCES(element))


def _decoration(element, src: str | None) -> str | None:
    """Logos, icons, tracking pixels, spacers, hidden images: the reason, or None."""
    if _hidden(element) and not _waiting_slide(element):
        return "hidden (its style says so)"
    size = _declared_size(element)
    if any(a.tag == "button" for a in ancestors(element, 4)) \
            and not (size and min(size) > _THUMBNAIL_SIZE and tag_of(element) == "img"):
        # (a picture declared large in a button is the button that opens it in a lightbox: Gannett's
        # <button aria-label="Expand"><img width="660" height="371">)
        return "a button's icon (the picture stands in a <button>)"
    control = next((a for a in ancestors(element, 3) if _control_box(a)), None)
    if control is not None:
        return f"a control's icon (the picture stands in {describe_element(control)})"
    if size and max(size) <= _ICON_SIZE and size not in _ASPECT_RATIOS and not _responsive(element):
        return f"icon-sized ({size[0]}x{size[1]})"
    if size and max(size) <= _THUMBNAIL_SIZE and min(size) > 20:
        # shown this small whatever its sources: a symbol, a badge or a teaser's thumbnail
        return f"thumbnail-sized ({size[0]}x{size[1]})"
    if size and size[0] <= _BADGE_WIDTH and size[1] <= _BADGE_HEIGHT and size[0] >= 2 * size[1]:
        # a small strip, much wider than high: a badge, a button or a sponsor's logo, never a photo
        return f"badge-sized ({size[0]}x{size[1]})"
    if size and min(size) <= _RULE_SIZE:
        return f"a spacer or rule ({size[0]}x{size[1]})"
    if size and size[0] >= _BANNER_RATIO * size[1]:
        # a strip many times wider than high (960x50): a banner or a section header, never a photo
        return f"banner-shaped ({size[0]}x{size[1]})"
    style = element.get("style")
    if style and ("ex" in style or "em" in style):
        match = _TEXT_HEIGHT.search(style)
        if match and (match.group(2).lower() == "ex" or float(match.group(1)) <= 4):
            # sized by the font around it: a glyph in a line of text (an emoji), or a formula's
            # rendering (math renderers size theirs in ex, display formulas several lines high)
            return f"sized as text ({match.group(0).strip(' ;')}): a formula, emoji or symbol in a line"
    if src and not src.startswith("data:"):
        full = src[:400].lower()
        if any(host in full for host in _TRACKER_HOSTS):
            return "tracking pixel or ad (its host)"
        host, segments, stem = _url_parts(src)
        if _TRACKER_SEGMENTS & set(segments[:-1]):
            return "tracking pixel (its URL path)"
        if _asset_folder(segments):
            return "a plugin's or theme's own graphic (its URL path)"
        if _is_placeholder(src, stem):
            return "a placeholder image and no real URL"
        stem_words = set(_URL_TOKENS.split(stem))
        if (_LOGO_SEGMENTS & set(segments[:-1]) or stem_words & _LOGO_WORDS) and not _captioned_figure(element):
            return "logo or icon (its URL)"
        if segments and segments[-1].endswith((".svg", ".ico")):
            return "vector icon (.svg/.ico)"
        named = {w for w in stem_words if w and not w.isdigit()}
        if len(named) == 1 and named <= _SOCIAL_ICONS:
            return "a social network's icon (its file name)"  # ".../img/facebook.png"
        if named & _ARROW_WORDS and named & _DIRECTION_WORDS and named <= _ARROW_WORDS | _DIRECTION_WORDS | _ARROW_NEUTRAL \
                and not _captioned_figure(element):
            # "flecha-izq.png", "arrow-left.png", "pfeil_rechts.gif" (an arrow and where it points: a
            # "chevron.jpg" may be a gas station's, a captioned one is the story's whatever its name)
            return "a slider's arrow (its file name)"
    own = name_tokens(element_tokens(element))
    if any(_LOGO_WORDS & set(tokens) for tokens in own) and not _captioned_figure(element):
        return "logo or icon (its class)"
    if src and not src.startswith("data:") and "load" in (element.get("class") or "") \
            and _loading_indicator(element) and _LOADER_FILE.search(src.split("?")[0]):
        # (a photo's own file in a lazy loader's state, "swiper-lazy-loading", is no wheel: the wheel
        # is an animation, a .gif or .svg)
        return "a loading indicator (its class)"
    if any(len(tokens) == 1 and tokens[0] in _SOCIAL_ICONS for tokens in own):
        return "a social network's icon (its class)"  # <img class="twitter">
    alt = element.get("alt") or ""
    if len(alt) < 60 and _LOGO_ALT.search(alt):
        return "logo or icon (its alt text)"
    return None


_TEXT_HEIGHT = re.compile(r"(?:^|[;\s])height\s*:\s*(\d+(?:\.\d+)?)\s*(r?em|ex)\b", re.IGNORECASE)
_ID_REFERENCE = re.compile(r"#[A-Za-z][\w:.-]*")


def _attribute_caption(element, name: str = "data-caption") -> str | None:
    """The element's ``data-caption``. A slider's reference to its caption element ("#caption0",
    Foundation's Orbit) is that element's text, or nothing when no element has the id."""
    value = element.get(name)
    if value and _ID_REFERENCE.fullmatch(value.strip()):
        found = _BY_ID(element, ident=value.strip()[1:])
        return visible_text(found[0]) if found else None
    return value


# Data attributes that hold a picture's caption or credit for a script (a lightbox, a gallery, a
# "show caption" button), whatever the house prefixes to the name: data-caption, data-c-caption,
# data-lightbox-caption, data-image-credit, data-photographer.
# (and in the house's language: data-legende, data-legenda, data-leyenda, data-didascalia,
# data-autor; lightGallery's data-sub-html holds the caption as HTML)
_CAPTION_ATTRIBUTE = re.compile(r"^data-(?:[\w-]*-)?(?:caption|legende|legenda|leyenda|didascalia|bildunterschrift)"
                                r"(?:-title|-desc|-text)?$|^data-sub-html$")
_CREDIT_ATTRIBUTE = re.compile(r"^data-(?:[\w-]*-)?(?:credits?|copyright|photographer|autor|author|fotografo|fotograf|"
                               r"attribution|urheber|bildnachweis|credito)$")
_ATTRIBUTE_WALK = 200  # elements of a unit searched at most


def _file_words(img) -> list[str]:
    """The words of the picture's file name ("by.large_.png": by, large)."""
    src = resolve_src(img) or ""
    return [w for w in _URL_TOKENS.split(_url_parts(src)[2]) if w] if src else []


def _names_its_file(text: str, file_words: list[str]) -> bool:
    """Is the alt text the picture's own file name ("by.large" for by.large_.png, as WordPress fills
    it in)? A file's name credits no one."""
    return bool(file_words) and [w for w in _URL_TOKENS.split(text.lower()) if w] == file_words


def _attribute_html(value: str) -> str:
    """The text of HTML held in an attribute (``data-caption="<h4>Title</h4><p>Text <small>Foto: X
    </small></p>"``), as a reader of the lightbox sees it."""
    try:
        fragment = lxml_html.fragment_fromstring(value, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]{0,300}>", " ", value)
    return visible_text(fragment)


def _data_attribute(img, unit, name: re.Pattern) -> tuple[str | None, str | None]:
    """The first non-empty data attribute named like ``name`` on the picture, its unit, or inside
    the unit (``<figcaption><div data-c-caption="…">``), with the attribute's name."""
    holders = (img,) if unit is img else chain((img, unit), islice(unit.iterdescendants(), _ATTRIBUTE_WALK))
    for holder in holders:
        if not tag_of(holder):
            continue
        found, names = [], []
        for attr in holder.attrib:
            if attr.startswith("data-") and name.match(attr):
                value = _attribute_caption(holder, attr) if name is _CAPTION_ATTRIBUTE else holder.get(attr)
                if value and "<" in value:
                    value = _attribute_html(value)  # a lightbox's caption written as HTML
                value = clean(value)
                if value and value not in found:
                    found.append(value)
                    names.append(attr)
        if found:
            parts = [i for i, attr in enumerate(names) if attr.endswith(("-title", "-desc"))]
            if len(parts) >= 2:
                # (a caption in parts, FooGallery's data-caption-title and data-caption-desc, reads as one)
                return " ".join(found[i] for i in parts), " + @".join(names[i] for i in parts)
            return found[0], names[0]
    return None, None


def _undescribed_graphic(element, unit, src: str | None, site_name: str | None, authors) -> str | None:
    """What a picture that nothing describes is when it is no story picture, or None: a player's
    still beside its <video>, a site graphic or teaser picture by its address, the author's portrait,
    a numbered series graphic named after the site."""
    if unit is not element and _beside_a_video(element, unit):
        return "a video player's still picture"  # <img class="video-still"> beside the <video> a script starts
    if src and any(_FURNITURE_NAME.search(part) for part in _url_parts(src)[1]):
        return "its address says it is a site graphic or a teaser's picture (footer, banner, promo, teaser, modal...)"
    portrait = _names_an_author(element, src, authors)
    if portrait:
        return f"the author's portrait ({portrait} names the story's author)"
    if src and site_name and _site_series(_url_parts(src)[2], site_name):
        # "ERP-News-Frage_1.png" on erp-news.info: the site's own graphic, not a photo of the story
        return f"its file name starts with the site's name ({site_name})"
    return None


def _site_series(stem: str, site_name: str) -> bool:
    """A file name that is the site's name, then a word and a number (and perhaps a size): one of a numbered series of
    the site's own graphics ("erp-news-frage_1"), not a photo whose name begins with a word that
    happens to be the site's ("sternschnuppen", "nature-reserve-kenya")."""
    site = _URL_TOKENS.split(site_name)
    words = [w for w in _URL_TOKENS.split(stem) if w]
    return words[:len(site)] == site and any(w.isdigit() for w in words[len(site) + 1:])


def _beside_a_video(element, unit) -> bool:
    """Does a <video> stand beside the picture, in its parent or grandparent inside its unit (a
    player's still picture), not merely somewhere in a story body that also holds a video?"""
    for node in ancestors(element, 2):
        if node.find(".//p") is not None:
            break  # a box of running text that also holds a player somewhere
        if next(node.iter("video"), None) is not None:
            return True
        if node is unit:
            break
    return False


def _site_name(url: str | None) -> str | None:
    """The site's name as its address spells it, for file names: "erp-news" for erp-news.info,
    "spiegel" for www.spiegel.de. None for names too short to tell (a 3-letter site name starts
    many words)."""
    host = _url_parts(url)[0] if url and "//" in url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    name = labels[-2] if len(labels) >= 2 else ""
    return name if len(name) >= 5 else None


def _asset_folder(segments) -> bool:
    """A picture served from a CMS's plugin or theme folder (``/wp-content/plugins/wp-postratings/
    images/rating_on.gif``, ``/wp-content/themes/x/img/``, ``/wp-includes/``): the software's own
    graphics. A story's pictures are uploaded (``/wp-content/uploads/``)."""
    for at, segment in enumerate(segments[:-1]):
        if segment == "wp-includes" or (segment == "wp-content" and segments[at + 1:at + 2] in (["plugins"], ["themes"])):
            return True
    return False


# what a logo's box says beside it: its owner's copyright or the source of a text, not a picture's credit
_NOTICE = re.compile(r"^\W*(?:©|\(c\)|copyright|quelle|source|fuente)", re.IGNORECASE)


def _credits_the_picture(candidate, picture) -> bool:
    """Is this element beside a picture named as a logo its picture credit? Its class says credit; it
    is no copyright or source notice; it does not name what the file name names ("logo-dpa.png"
    beside "dpa": the logo's owner)."""
    if not CREDIT_ROLE.find(element_tokens(candidate)):
        return False
    text = clean(text_content(candidate))
    if not text or _NOTICE.match(text):
        return False
    stem_words = set(_URL_TOKENS.split(_url_parts(resolve_src(picture) or "")[2])) - {""}
    return not any(w in stem_words for w in re.findall(r"[a-z0-9]{3,}", text.lower()))


def _captioned_figure(element) -> bool:
    """Is this picture the one picture of a <figure> with a written <figcaption>, or of a box with
    a written credit element? Then an editor placed it in the story, whatever its name says: SPIP
    calls an article's lead picture its "logo" (``img.spip_logos``, ``…/logo-didieroy.jpg``, with a
    ``div.credits`` beside it), and a story about a logo shows one. A site's logo has no credit."""
    for box in ancestors(element, 4):
        if sum(1 for _ in box.iter("img")) != 1:
            return False
        if tag_of(box) == "figure":
            return any(clean(text_content(caption)) for caption in box.iter("figcaption"))
        # beside the picture, not around it (a copyright footer that holds the site's logo)
        if any(_credits_the_picture(e, element) for e in box.iter("div", "span", "p", "small")
               if e.get("class") and not HAS_IMG(e)):
            return True
    return False


_FILLS = re.compile(r"min-(?:width|height)\s*:\s*[1-9]", re.IGNORECASE)
_ZERO_SIZE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|"
                           r"(?:width|height)\s*:\s*0(?:px)?\s*(?:;|$))", re.IGNORECASE)


# File-name words of pictures that promote rather than report: "...-youtube-overlay-tease.jpg"
# A word at the start of a picture's file name or of a folder of its address that says it is the
# site's own graphic or a rendition made for a teaser, not a photo of the story:
# "_106311809_footerv6stu-nc.png", "newsletter-banner.jpg", ".../article_teaser_ressortmodul_lead/x.jpg".
_FURNITURE_NAME = re.compile(r"(?:^|[^a-z])(?:footer|banner|promo|teaser?|newsletter|advert|sponsor|subscribe|modal|popup)")
_PROMO_WORDS = frozenset({"tease", "teaser", "promo", "banner", "overlay", "logo", "sprite", "placeholder"})


def could_be_article_picture(element) -> bool:
    """Not a decoration (logo, icon, pixel, thumbnail-sized), not in a logo's link, not named as a
    promotion and not in a pull quote: used to say a page shows pictures that no figure was read from."""
    src = resolve_src(element) or ""
    if _decoration(element, src or None) or _quotation_box(element, None) is not None \
            or _in_video_player(element, None):
        return False  # (a video's poster is the video's: labels count it only with a caption or credit)
    _, _, stem = _url_parts(src) if src else (None, None, "")
    if any(word in stem for word in _PROMO_WORDS):
        return False
    return not any(_LOGO_WORDS & set(tokens) for node in ancestors(element, 3)
                   for tokens in name_tokens(element_tokens(node)))


def _hidden(element) -> bool:
    """An image its own inline style hides or shrinks to nothing (a 0x0 beacon). Not its wrappers':
    a carousel's waiting slides are hidden that way and still hold the story's pictures."""
    style = element.get("style")
    if not style:
        return False
    match = _HIDDEN_STYLE.search(style)
    if match and match.group().lstrip("; ").lower().startswith(("width", "height")) and _FILLS.search(style):
        return False  # "width:0;height:0;min-width:100%;min-height:100%": Next.js fills its box
    if match and element.get("src") is None and _lazy_src(element):
        # <img data-cfsrc=… style="display:none">: a loader hides the picture until it swaps the
        # address in, then shows it (its <noscript> copy is no picture of its own)
        return False
    return bool(match)


def _waiting_slide(element) -> bool:
    """A carousel's slide waiting its turn, hidden on the picture itself (``display:none``, not
    shrunk to nothing like a tracking pixel): a box around it has a sibling of the same tag and
    class (another slide) whose picture shows."""
    if _ZERO_SIZE.search(element.get("style") or "") or _declared_size(element) in ((0, 0), (1, 1)):
        return False
    for box in ancestors(element, 3):
        parent = box.getparent()
        if parent is None or len(parent) < 2:
            continue
        tag, cls = box.tag, box.get("class")
        if not cls:
            continue  # slides are styled by their class; two bare <div>s are no carousel
        for sibling in parent:
            if sibling is not box and sibling.tag == tag and sibling.get("class") == cls \
                    and any(not _hidden(img) for img in sibling.iter("img")):
                return True
    return False


_STYLE_SIZE = re.compile(r"(?<![\w-])(width|height)\s*:\s*(\d+)px", re.IGNORECASE)


def _declared_size(element) -> tuple[int, int] | None:
    """The size the markup gives the picture: its width and height attributes, else its inline
    style's ("width: 50px"), which the browser shows it at just the same."""
    values = []
    for attrs in (("width", "data-width"), ("height", "data-height")):
        value = next((v for v in (element.get(a) for a in attrs) if v), None)
        value = (value or "").strip().removesuffix("px")
        values.append(int(value) if value.isdigit() and int(value) > 0 else None)  # 0: "auto" in some CMSs
    style = element.get("style")
    if values == [None, None] and style and "px" in style:
        found = {name.lower(): int(number) for name, number in _STYLE_SIZE.findall(style) if int(number) > 0}
        values = [found.get("width"), found.get("height")]
    width, height = values
    if width is None and height is None:
        return None
    return (width if width is not None else height, height if height is not None else width)


def _in_noscript(element) -> bool:
    return next(element.iterancestors("noscript"), None) is not None  # filtered in C


def _has_live_twin(element) -> bool:
    """A <noscript> fallback beside a lazy-loading image of its own: the same picture twice."""
    noscript = next(element.iterancestors("noscript"))
    parent = noscript.getparent()
    for _ in range(3):
        if parent is None:
            return False
        for img in parent.iter("img", "amp-img"):
            if not _in_noscript(img):
                return True
        parent = parent.getparent()
    return False


def _absolute(base_url: str | None, src: str | None) -> str | None:
    if not base_url or not src or src.startswith("data:"):
        return src
    try:
        return urljoin(base_url, src)
    except ValueError:  # "Invalid IPv6 URL": a base or src with a stray "["
        return src


# -- 2. the figure unit ------------------------------------------------------------------------

def _picture_holders(candidates: list[_Candidate]) -> dict:
    """For every ancestor of a candidate: the one picture it holds, or ``_MULTI``."""
    holders: dict = {}
    for candidate in candidates:
        for node in ancestors(candidate.element):
            held = holders.get(node)
            if held is None:
                holders[node] = candidate.key
            elif held is not _MULTI and held != candidate.key:
                holders[node] = _MULTI
            elif held is _MULTI:
                break  # every ancestor above holds several too
    return holders


def _unit_stops(zone: ArticleZone) -> frozenset:
    """Elements a figure unit never reaches: the article, its body, everything holding the headline."""
    stops = set(zone.around)
    if zone.body is not None:
        stops.add(zone.body)
    if zone.headline is not None:
        stops.update(ancestors(zone.headline))
    return frozenset(stops)


def _figure_unit(img, holders: dict, stops: frozenset, dated: frozenset = frozenset()):
    """The widest ancestor that holds this picture and no other, and not the story's own text nor
    a story's date (``dated``: the elements that hold a <time>, a byline's or a header's)."""
    unit = img
    for node in ancestors(img):
        if node in stops or tag_of(node) in _UNIT_STOP_TAGS or holders.get(node) is _MULTI:
            break
        if len(text_content(node)) > UNIT_TEXT_LIMIT and (
                _COUNT_LONG_P(node) > 1 or len(visible_text(node)) > UNIT_TEXT_LIMIT) \
                or _HAS_SECTION_HEADING(node) and not _slide_of_slideshow(node) \
                or node in dated and unit not in dated:
            # a section or a story card, not one picture's frame; unless a <figure> of this picture
            # alone holds it (a video's figure with its transcript, headed, beside the figcaption)
            figure = _own_figure(node, holders, stops)
            return figure if figure is not None else unit
        unit = node
    return unit


def _own_figure(node, holders: dict, stops: frozenset):
    """``node`` or its nearest ancestor that is a <figure> holding no other picture, if any."""
    for element in (node, *ancestors(node)):
        if element in stops or tag_of(element) in _UNIT_STOP_TAGS or holders.get(element) is _MULTI:
            return None
        if tag_of(element) == "figure":
            return element
    return None


# -- 3. reading caption and credit -------------------------------------------------------------

_SYMBOL_ONLY = re.compile(r"\(c\)|[\s©®()\[\]:|/.,-]", re.IGNORECASE)


def _read(img, unit, registry: AgencyRegistry, profile=None) -> _Reading:
    reading = _Reading()
    reading.video = _is_video_poster(img, unit)
    chosen = _profile_parts(profile, unit, img) if profile is not None else None
    # a picture placeholder's own <figure> holds its caption: read it as the unit
    captions, credits = _find_parts(unit, img) if unit is not img or tag_of(img) == "figure" else ([], [])
    if len(captions) > 1:
        captions = _own_figure_captions(img, unit, captions)
    if captions and not credits and not _whole_credit(captions[-1], registry):
        # (a caption element that is a credit from end to end, "Photo by <a>Jane Doe</a> / <a>Unsplash</a>",
        # is read whole below, not its last link alone)
        edge = _edge_credit_child(captions[-1], registry)
        if edge is None and unit is not img:
            edge = _credit_line_beside(unit, img, captions, registry)
        if edge is not None:
            credits = [edge]
    legend = _parallel_legend(unit) if unit is img and tag_of(img) == "li" and not captions and not credits \
        and not clean(text_content(img)) else None
    if legend is not None:
        # a gallery item that is the picture alone, its legend at the same place in a list beside
        captions, credits = _find_parts(legend, img)
        if not captions:
            skip = set(credits) | set(_HEADINGS(legend))  # the slide's counter and title
            captions = [c for c in _leaf_blocks(legend) if c not in skip and clean(text_content(c))]
            if len(captions) > 1 and not credits and _credit_line(visible_text(captions[-1]), registry):
                credits = [captions.pop()]  # the legend's last paragraph alone: "<p>Getty</p>"
    if not captions and not credits and legend is None:
        captions = _described_term(img)
    credit_outside = False  # the credit stands after the unit, the caption in it
    if legend is None and (not captions or not credits):
        after_captions, after_credits = _parts_after(unit, registry)
        if after_captions and not captions and _says_otherwise(img, unit, after_captions[0], registry):
            # a gallery's one caption box shows the slide on screen (Gannett's div.gnt_em_gl_cp after
            # the last slide): a slide whose own caption attribute says otherwise keeps its own
            after_captions, after_credits = [], [c for c in after_credits
                                                 if not any(a is after_captions[0] for a in ancestors(c))]
        if not captions and after_captions:
            captions = after_captions
            if not credits and not after_credits and not _whole_credit(captions[-1], registry):
                # the caption after the picture has its credit line inside, as one inside it would
                # ("<p class=caption><em>Photo: NSW SES Bellingen Unit</em> Volunteers fill …</p>")
                edge = _edge_credit_child(captions[-1], registry)
                credits = [edge] if edge is not None else credits
        if not credits and after_credits:
            credits, credit_outside = after_credits, bool(captions) and captions is not after_captions
    if not credits and not any(visible_text(c) for c in captions):
        # nothing readable here (at most a "show caption" button's hidden label): the picture may
        # point to its caption elsewhere
        referenced = _referenced_parts(img, unit)
        if referenced[0] or referenced[1]:
            captions, credits = referenced
    credit_set = set(credits)
    caption_raw = credit_raw = break_credit = None
    caption_line = credit_line = None
    if captions:
        texts = [_caption_text(c, credit_set) for c in captions]
        texts = [t for t in dict.fromkeys(texts) if t]
        # Shortened duplicates ("caption-truncated") add nothing.
        texts = [t for t in texts if not any(t != o and t.rstrip(".… ") in o for o in texts)]
        # a separator left between the caption and a credit element ("Caption / <span>credit")
        caption_raw = " ".join(texts).strip(" /|·•∙⋅‧–—-") or None
        caption_line = captions[0].sourceline
        reading.caption_from = " + ".join(describe_element(c) for c in captions)
        reading.caption_element = captions[0]
        reading.caption_marked = True
        reading.caption_links = _links_to_own_site(captions)
        if not credits and caption_raw:
            # "Caption<br>ขอบคุณภาพจาก เฟซบุ๊ก Philippine Red Cross": the caption's last line, after a
            # line break, is a credit line of its own when it is nothing but a labelled credit
            line = _line_after_break(captions[-1])
            # (or a line of names alone after the caption's last sentence: "… on Wednesday.<br>The
            # Tokai Shimbun")
            if line and len(line) < len(caption_raw) and caption_raw.endswith(line) and (
                    only_a_credit(line) or "," not in line and _name_after_sentence(line, caption_raw[:-len(line)].rstrip())):
                head, glued = split_caption(line, registry)
                if not (head and glued):  # (not a caption of its own with its credit: "Caption. Photo: X")
                    caption_raw, break_credit = caption_raw[:-len(line)].rstrip(" /|·•∙⋅‧–—-"), (line, "last")
            line = _line_before_break(captions[0]) if break_credit is None else ""
            if line and len(line) < len(caption_raw) and caption_raw.startswith(line) and (
                    only_a_credit(line) or _PHOTOGRAPHER_ROLE.search(line) and names_only(line)
                    or split_caption(line, registry)[0] == "" and registry.scan(line)):
                # "Kavon Hylton/Photographer<br>Fisherman …": a first line that says it is a credit
                # (a label, a photographer's role, an agency), set above the caption
                caption_raw, break_credit = caption_raw[len(line):].lstrip(" /|·•∙⋅‧–—-"), (line, "first")
    elif not split_caption(clean(_attribute_caption(img) or ""), registry)[0] and not _floated_in_story(img, registry):
        # (the picture's own caption attribute wins over unmarked text in its box: an overlaid rubric
        # "Bild des Tages" is no caption)
        frame = _text_frame(img, unit, registry)
        if frame is not None:
            skip = credit_set | {img} | _buttons(frame) | set(_counters(frame))
            if frame is unit and _HAS_HEADING(frame):
                headings = set(_HEADINGS(frame))
                if visible_text(frame, skip=skip | headings):
                    skip |= headings  # a slide's title and its gallery's name: not its caption
                # (a heading that is all the frame's text is its caption: Taipei Times' <h4>)
            text = None
            edge = _edge_credit_line(frame, img, skip, registry) if not credits else None
            if edge is None and not credits:
                # the frame's one line opens or ends with its credit, set apart, labelled or naming an
                # agency: "<p><em>Fotó: Népszó/Halmi Dóra</em> Araszoló kamionok …</p>" (not names alone,
                # nor a bold word, "<b>Video</b>", "<strong>Anna Müller and Jonas Weber</strong>")
                edge = _edge_credit_child(frame, registry)
                said = visible_text(edge) if edge is not None else ""
                body, label = normalise_credit_text(said) if said else ("", None)
                if not body or not (label or registry.scan(said)):
                    edge = None
            if edge is not None:
                rest = visible_text(frame, skip=skip | {edge})
                if not rest or _short_text(rest) or _says_what_alt_says(rest, img):
                    credits, credit_set, text = [edge], {edge}, rest
            if text is None:
                text = visible_text(frame, skip=skip)
            # (or a credit of a word or two with its prefix: "© privat")
            slide = frame is unit and _slide_of_slideshow(unit)
            # (a slide's caption may run long: its place says it is the picture's)
            if _short_text(text, UNIT_TEXT_LIMIT if slide else 500) or _says_what_alt_says(text, img) \
                    or (len(text) < 60 and only_a_credit(text)):
                caption_raw = text
                caption_line = _first_text_line(frame, credit_set | {img}) or img.sourceline
                reading.caption_from = f"the text of {describe_element(frame)}"
                reading.caption_element = frame
                # a slideshow's slide says which text is its picture's: as good as a caption's mark
                reading.caption_marked = slide
    joined = _join_credits(credits) if credits else ""
    if credits and not _SYMBOL_ONLY.sub("", joined):
        credits = []  # "<i class=copy>©</i> Foto: Getty Images": the credit element is the © sign alone
    if credits:
        credit_raw = joined
        credit_line = credits[0].sourceline
        reading.credit_from = " + ".join(describe_element(c) for c in credits)
        reading.credit_elements = list(credits)
    elif break_credit:
        (credit_raw, where), credit_line = break_credit, caption_line
        reading.credit_from = f"the {where} line of {reading.caption_from}"
    site_prefix = None
    if chosen is not None:
        # What the site profile names wins over what the generic reading found.
        (caption_text, caption_at, caption_how), (credit_text, credit_at, credit_how) = chosen
        if caption_text:
            caption_raw, caption_line, reading.caption_from = caption_text, caption_at, caption_how
            reading.caption_element, reading.caption_marked = None, True
        if credit_text:
            credit_raw, credit_line, reading.credit_from = credit_text, credit_at, credit_how
        if credit_raw and profile.credit_prefix is not None:
            try:
                match = profile.credit_prefix.search(credit_raw)
            except TimeoutError:
                match = None
            if match and match.start() == 0 and match.end() < len(credit_raw):
                site_prefix = match.group().strip() or None
                credit_raw = credit_raw[match.end():].strip()

    caption = _strip_ui(caption_raw) if caption_raw else None
    credit_text = _strip_ui(credit_raw) if credit_raw else None
    origin = "visible"
    if credit_text and (len(credit_text) > 200 or not looks_like_credit(credit_text, registry)
                        and (len(credit_text.split()) > 12 or describes(credit_text, registry))):
        # A "source" element that holds the whole caption: read it as caption text. (Not a block
        # after the figure when the figure has its own caption: a byline box, the story's meta.)
        if not credit_outside:
            caption = f"{caption} {credit_text}".strip() if caption else credit_text
            caption_line = caption_line or credit_line
            reading.caption_from = reading.caption_from or reading.credit_from
        reading.credit_from = None
        credit_text = None
    elif credit_text and not caption:
        # "Titan in false colour, 2004. (NASA/JPL/Space Science Institute)": a credit element that
        # holds the caption too, its credit after a full sentence
        head, glued = split_caption(credit_text, registry)
        if glued and head and (head[-1] in ".!?" and len(head.split()) >= 3
                               or _described_before_copyright(head, glued, credit_text, img, registry)):
            caption, caption_line, credit_text = head, credit_line, glued
            reading.caption_from = f"the start of {reading.credit_from}"
    if caption:
        head, glued = split_caption(caption, registry)
        if glued and credit_text and names_somebody(credit_text) and file_note_alone(glued):
            # "Te Awa Kairangi in flood in April. (File image)" over its credit "RNZ / Tom Kerrigan":
            # the note says the picture is an old one, as the caption prints it; the credit is elsewhere
            head, glued = caption, None
        caption = head
        if glued and (not credit_text or not names_somebody(credit_text) or _says_less(credit_text, glued, registry)
                      or credit_outside and terms_of_use(credit_text) or _source_beside_photo_credit(credit_text, glued)):
            # (a credit slot that names nobody, "By Bill Hoppe", gives way to the caption's own credit;
            # so does a rights notice after the picture's box, "<저작권자(c) 연합뉴스, 무단 전재-재배포 …>")
            credit_text, credit_line = glued, caption_line
            reading.credit_from = f"the end of the caption ({reading.caption_from})"
        elif not glued and not credit_text and only_a_credit(caption):
            # "Screenshot by Amanda Tan/ONE Esports", "Abb.: Wake News": the caption slot holds a credit
            credit_text, credit_line, caption = caption, caption_line, None
            reading.credit_from, reading.caption_from = reading.caption_from, None
    if caption:
        reading.caption_origin = "visible"
    if credit_text and caption and _ONLY_EMAIL.match(credit_text):
        # "… WalletHub. Jose A Iglesias <span class=credit>jiglesias@example.com</span>": the credit
        # element holds the photographer's address, the name stands just before it
        head, name = name_at_end(caption)
        if name:
            caption, credit_text = head, name
            reading.credit_from = f"the name before the address in {reading.credit_from}"
    if credit_text and not names_somebody(credit_text):
        # what stood in the credit slot names nobody ("By Abigail Van Buren", a byline): look further
        credit_text, reading.credit_from = None, None
    file_words = _file_words(img) if not credit_text or not caption else []
    if not credit_text:
        alt = clean(img.get("alt") or "")
        if alt and only_a_credit(alt) and not _names_its_file(alt, file_words):
            # alt="Photo illustration by Mark Graves, Oregonian/OregonLive": the alt text is the credit
            credit_text, credit_line, origin = alt, img.sourceline, "alt"
            reading.credit_from = "@alt of the image (a credit)"
    if not credit_text:
        value, attr = _data_attribute(img, unit, _CREDIT_ATTRIBUTE)
        if not value and clean(img.get("attribution") or ""):
            value, attr = clean(img.get("attribution")), "attribution"  # AMP's credit: <amp-img attribution="…">
        if not value:
            # TownNews BLOX's slide: data-caption and data-byline, its photographer; only on the picture
            # or a box that describes it (a wrapper's or a share widget's byline is the story's author's)
            holder = next((h for h in (img, unit) if clean(h.get("data-byline") or "")
                           and (h is img or h.get("data-caption") is not None)), None)
            if holder is not None:
                value, attr = clean(holder.get("data-byline")), "data-byline"
        if value:
            credit_text, credit_line, origin = value, img.sourceline, "attribute"
            reading.credit_from = f"@{attr}"
    alt_caption = None
    if not credit_text or not caption:
        # (and the title of a link around the picture, a lightbox's caption: <a href=big.jpg
        # title="Caption (Foto: X)">)
        link = next((a for a in ancestors(img, 2) if tag_of(a) == "a"), None)
        for holder, attr in (*((img, a) for a in ("alt", "title", "data-alt", "data-caption", "data-title")),
                             *(((link, "title"),) if link is not None else ())):
            value = clean(holder.get(attr) or "")
            if not value or _names_its_file(value, file_words):
                continue
            head, glued = split_caption(value, registry, in_alt=True)
            if not glued and attr == "title":
                # a title that is the picture's caption line, its credit's names after its last sentence
                # ("… recogiendo muestras en la ría. MONICA IRAGO"), as a visible caption would end
                head, glued, _ = names_closing_caption(value) or (head, None, None)
            if glued:
                where = f"@{attr} of the {'image' if holder is img else 'link'}"
                if not credit_text:
                    credit_text, credit_line, origin = glued, img.sourceline, "alt"
                    reading.credit_from = where
                alt_caption = (head or None, where)
                break
    caption_attribute = None  # (value, name) of the caption's data attributes, looked up once
    if not credit_text:
        # a lightbox's caption attribute with the credit glued on: data-lightbox-caption="… | Foto: X"
        value, attr = caption_attribute = _data_attribute(img, unit, _CAPTION_ATTRIBUTE)
        glued = split_caption(value, registry, in_alt=True)[1] if value else None
        if glued:
            credit_text, credit_line, origin = glued, img.sourceline, "attribute"
            reading.credit_from = f"the end of @{attr}"
    if not credit_text and tag_of(img) not in ("img", "amp-img"):
        # Broken markup (an unclosed delayed-image <div>) can swallow the credit into the image element.
        own = visible_text(img)
        if own and looks_like_credit(own, registry):
            credit_text, credit_line = own, img.sourceline
            reading.credit_from = f"the text of {describe_element(img)}"
    if not caption:
        value, attr = caption_attribute or _data_attribute(img, unit, _CAPTION_ATTRIBUTE)
        if value:
            caption, glued = split_caption(value, registry)
            caption_line = img.sourceline
            reading.caption_from, reading.caption_origin = f"@{attr}", "attribute"
            if glued and not credit_text:
                credit_text, credit_line, origin = glued, img.sourceline, "attribute"
                reading.credit_from = f"the end of @{attr}"
    if not caption and alt_caption and alt_caption[0]:
        caption, caption_line = alt_caption[0], img.sourceline
        reading.caption_from = f"{alt_caption[1]} (before its credit)"
        reading.caption_origin = "alt"
    if not credit_text and unit is not img:
        found = _gallery_credit(img, registry)
        if found is not None:
            gallery_caption, credit_text = found
            credit_line = gallery_caption.sourceline
            reading.credit_from = f"the caption of its gallery ({describe_element(gallery_caption)})"
    if not credit_text and caption and _title_is_credit(img, caption, file_words, registry):
        # <img alt="Lou Petrakis outside his diner" title="Hannah Dietrich/Courier-Post">, the caption
        # under it: the title is the picture's credit line (when nothing else credits it)
        credit_text, credit_line, origin = clean(img.get("title")), img.sourceline, "alt"
        reading.credit_from = "@title of the image (a credit line)"
    if caption and credit_text:
        caption = _without_leading_credit(caption, credit_text)
        if unit is not img and caption.startswith(credit_text + " "):
            # the credit read from an attribute, its copy the caption's first line, an element of its own:
            # Gannett's slide, "<span>Amara Okafor/…</span><p>Residents fill …</p>" ("AC/DC Frontman
            # Brian Johnson …" in one element keeps its words)
            rest = caption[len(credit_text):].strip()
            seen = False  # (the credit's element first, then the one the caption's text starts in)
            for e in islice(unit.iter(etree.Element), 60):
                if e is img or not tag_of(e) or not (e.text or "").strip():
                    continue
                text = clean(text_content(e))
                if seen and text.startswith(rest[:30]):
                    caption = rest
                    break
                seen = seen or text == credit_text
    reading.caption = caption or None
    reading.caption_line = caption_line if caption else None
    if not reading.caption:
        reading.caption_from = None
    reading.credit = parse_credit(credit_text, registry, line=credit_line, origin=origin, caption=caption) \
        if credit_text else None
    if reading.credit is None:
        reading.credit_from = None
    elif site_prefix and reading.credit.prefix is None:
        reading.credit.prefix = site_prefix  # the house prefix the profile names
    return reading


def _profile_parts(profile, unit, img):
    """Caption and credit as a site profile's selectors find them in (or, for a bare image, from)
    the unit: ``((caption, line, how), (credit, line, how))``, each part None when not found."""
    context = unit if unit is not img or tag_of(img) == "figure" else img.getparent()
    if context is None:
        return (None, None, None), (None, None, None)
    return (_selected(profile.caption, context, profile.name, "caption", " "),
            _selected(profile.credit, context, profile.name, "credit", "/"))


def _selected(selectors, context, name: str, key: str, joiner: str):
    texts, line, used = [], None, []
    for selector in selectors:
        for found in selector(context):
            if isinstance(found, etree._Element):
                text = visible_text(found)
                line = line or found.sourceline
            else:
                text = clean(str(found))
                owner = found.getparent() if hasattr(found, "getparent") else None
                line = line or (owner.sourceline if owner is not None else context.sourceline)
            if text and text not in texts:
                texts.append(text)
                if selector.text not in used:
                    used.append(selector.text)
    if not texts:
        return None, None, None
    if key == "caption":
        joined = " ".join(texts)
    else:  # credit parts in reading order: "Jane Doe" + "AFP" -> "Jane Doe/AFP" unless they carry separators
        joined = texts[0]
        for text in texts[1:]:
            joined += (" " if joined.endswith(("/", "|", ",")) or text.startswith(("/", "|", ",")) else joiner) + text
    how = f"site profile {name}: {key} " + " + ".join(f"'{u}'" for u in used)
    return joined, line, how


_TITLE_WORDS = 12


def _caption_text(caption, credits: set) -> str:
    """A caption element's text without its credit parts, and without a title above it (a gallery
    slide's ``<header><h3>UK news in pictures</h3><h4>2 November</h4></header>``) when text remains."""
    # (a heading that is a long sentence is no title: some captions are set as an <h4>)
    titles = {h for h in caption.iter("header", "h1", "h2", "h3", "h4", "h5", "h6")
              if h is not caption and len(text_content(h).split()) <= _TITLE_WORDS}
    if len(caption):
        # a slide's counter in an element of its own, glued to the caption ("<span>1/3</span>Volunteers …"),
        # and the picture's date in one ("<span class=media__date>12 março 2025</span>"), at either end of
        # the caption: no description (inside a sentence, "on <time>12 March 2025</time> to demand", part of it)
        stamps = [c for c in (*_counters(caption), *_date_stamps(caption)) if c is not caption]
        if stamps:
            whole = visible_text(caption, skip=credits)
            credits = credits | {c for c in stamps
                                 if whole.startswith(text := clean(c.text or "")) or whole.endswith(text)}
    if titles:
        text = visible_text(caption, skip=credits | titles)
        if text:
            return text
    return visible_text(caption, skip=credits)


_PHOTOGRAPHER_ROLE = re.compile(r"/\s*(?:staff\s+|chief\s+)?(?:photographer|fotograf(?:in)?|photographe|fot[óo]graf[oa])$",
                                re.IGNORECASE)


def _line_before_break(element) -> str:
    """The text before the element's first ``<br>`` when that break stands straight in it ('' otherwise)."""
    first = next(element.iter("br"), None)
    return text_runs(element)[0] if first is not None and first.getparent() is element else ""


def _line_after_break(element) -> str:
    """The text after the element's last ``<br>``, in the element that holds it ('' when it has none)."""
    last = None
    for last in element.iter("br"):  # noqa: B007 - the last break counts
        pass
    return text_runs(last.getparent())[-1] if last is not None else ""


# a glyph pointing at the picture before a caption's first word: ETtoday's "▲強烈大陸冷氣團南下…" (not
# before a number, "▲ 3.2%", and not a list's bullets, "► Stage one: … ► Stage two:")
_POINTER = re.compile(r"^\s*[▲△►▶]\s*(?=[^\W\d_])")


def _strip_ui(text: str) -> str:
    pointer = _POINTER.match(text)
    if pointer and not any(c in text[pointer.end():] for c in "▲△►▶"):
        text = text[pointer.end():]
    if not _may_hold_ui_label(text):
        return clean(text.strip())  # (what the loop below returns when no label matches)
    # (spaces collapsed first: the labels' "\s*" over a long run of spaces costs cubic time)
    text = clean(text)
    previous = None
    while previous != text:
        previous = text
        text = _UI_LABELS.sub(" ", text).strip()
    return clean(text)


def _title_is_credit(img, caption: str, file_words, registry: AgencyRegistry) -> bool:
    """Is the picture's title, beside its alt text and a visible caption, its credit alone: a
    label and a name, an agency, or a photographer's name and where they work ("Jane Doe/The
    Ledger")? (A title that repeats the alt or the caption, or names the file, describes.)"""
    title = clean(img.get("title") or "")
    if not title or title == clean(img.get("alt") or "") or title in caption or len(title) > 80 or _names_its_file(title, file_words):
        return False
    if only_a_credit(title):
        return True
    sources = split_sources(title, registry) if "/" in title else []
    if len(sources) < 2 or sources[0].role != "photographer" or not _credit_line(title, registry):
        return False
    # ("LeBron James/Lakers" over "LeBron James drives to the basket": whom the picture shows)
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", caption)}
    return not any(w.lower() in words for w in re.findall(r"[^\W\d_]{3,}", sources[0].name))


def _says_what_alt_says(text: str, img) -> bool:
    """A name alone under the picture ("Izaskun Lesaka.") that its alt or title text repeats
    describes the picture: a caption, however short."""
    text = clean(text).rstrip(". ")
    # (a label in capitals, a player's "UP NEXT", is a control's, not a description)
    return bool(text) and not text.isupper() and any(text == clean(img.get(attr) or "").rstrip(". ")
                                                     for attr in ("alt", "title"))


def _floated_in_story(img, registry: AgencyRegistry) -> bool:
    """A picture set into a paragraph of the story, the text flowing on straight after it (no line
    break), its own title or alt giving caption and credit: ``<p><img title="Die Band probt. Foto:
    privat">Musikalisch begleitet wurde …</p>`` (an editor's floated picture). The paragraph is the
    story's, the title the picture's caption."""
    parent = img.getparent()
    if parent is None or tag_of(parent) != "p" or not (img.tail or "").strip():
        return False
    described = clean(img.get("title") or "") or clean(img.get("alt") or "")
    head, glued = split_caption(described, registry, in_alt=True) if described else ("", None)
    return bool(head and glued)


def _without_leading_credit(caption: str, credit: str) -> str:
    """"Jeff Chiu, File - FILE - In this March 2, 2011 file photo, …" credited "AP Photo/Jeff Chiu,
    File": a copy of the credit (or of its photographer's part) that leads the caption before a dash
    is no part of it."""
    match = _LEADING_PART.match(caption)
    if match and match.end() < len(caption):
        head = match.group(1).strip().casefold()
        # (two words or more: a name, not the "FILE" note that starts an agency's caption)
        if len(head.split()) >= 2 and head in credit.casefold():
            return caption[match.end():].strip()
    bare = clean(credit).strip("()[] ")
    # and the credit read elsewhere (the alt text) that closes the caption in brackets: "… de La
    # Fraternidad (Gustavo Ardiles)"
    match = trailing_group(caption)
    if match and match.start() > 0 and clean(match.group(1)).casefold() == bare.casefold():
        return caption[:match.start()].rstrip(" ,;-–—")
    # or closes it after a separator or a full stop: "… overnight. Jane Doe/The Ledger", "… | Foto: X"
    # credited from a data attribute or the alt text
    if len(bare) >= 4 and len(caption) > len(bare) + 10 and caption.casefold().endswith(bare.casefold()):
        head = without_label_at_end(caption[:-len(bare)].rstrip())
        if head.endswith((".", "!", "?", "|", "/", "–", "—", "-", ":", "©")):
            return head.rstrip(" |/–—-:©")
    return caption


_LEADING_PART = re.compile(r"([^.!?:;]{4,60}?)\s+[-–—]\s+")


def _described_term(img) -> list:
    """``<dl><dt><img></dt><dd>Caption. Foto: X</dd></dl>``: HTML's description list, the older way
    to caption a picture (HTML 4 themes, WordPress's ``dl.wp-caption``); the <dd>s after the
    picture's <dt> describe it, when the picture is the first in that <dt>."""
    for node in ancestors(img):
        tag = tag_of(node)
        if tag == "dt":
            break
        if tag in ("dd", "dl", "body", "p", "li", "figure"):
            return []
    else:
        return []
    if next(node.iter("img", "amp-img"), None) is not img or clean(text_content(node)):
        return []  # (a term with its own words, "<dt><img>Anna Schmidt</dt>", is captioned by them)
    described = []
    length = 0
    for sibling in node.itersiblings():
        if tag_of(sibling) != "dd":
            break
        text = clean(text_content(sibling))
        if text:
            described.append(sibling)
            length += len(text)
    # a description is a caption when it is short, as an unmarked wrapper's text is (_text_frame)
    return described if length < 500 else []


def _described_before_copyright(head: str, glued: str, text: str, img, registry: AgencyRegistry) -> bool:
    """A credit element that prints "description © credit": the part before the © sign describes
    the picture when it is a phrase of three words or more, or the picture's alt text says the whole
    line ("Blick auf die Stadt Salzburg © Tourismus Salzburg GmbH / Markus Greber"), and it is no
    credit itself ("Jane Doe © dpa" stays one credit)."""
    if not glued.startswith("©") or only_a_credit(head) or looks_like_credit(head, registry) \
            or looks_like_person(head) or terms_of_use(head):
        return False  # ("Mary Ann Smith © Reuters", "All rights reserved © Jane Doe")
    return len(head.split()) >= 3 or any(text == clean(img.get(attr) or "") for attr in ("alt", "title", "data-alt"))


def _short_text(text: str, limit: int = 500) -> bool:
    text = _strip_ui(text)
    return 0 < len(text) < limit and len(re.findall(r"[^\W\d_]{2,}", text)) >= 3


def _text_frame(img, unit, registry: AgencyRegistry):
    """Where a caption with no caption element can stand: the nearest <figure> or figure-like
    wrapper inside the unit, or the unit itself when it is small and links nowhere."""
    if unit is img:
        return None
    bare_figure = False  # passed the picture's own <figure>, which holds no text
    for node in ancestors(img):
        if tag_of(node) == "figure":
            if node is not unit and not visible_text(node):
                bare_figure = True  # its toolbar's buttons at most: the caption stands beside it
                continue
            return node
        if FIGURE_LIKE.find(element_tokens(node)):
            if node is not unit and (not text_content(node).strip() or not visible_text(node, skip=_buttons(node))):
                # the picture's own box (div.teaserImg), at most a zoom button's hidden label in it
                # ("사진 크게 보기"): its caption stands beside it
                continue
            # a slide with its own heading and text (a listicle item) holds no caption, nor does
            # a box whose text beside a bare <figure> is running text
            if _HAS_HEADING(node) and not _heading_alone(node) or bare_figure and _COUNT_LONG_P(node):
                return None
            return node
        if node is unit:
            break
    # An unmarked wrapper: its text is a caption only when it is short and is not running text,
    # nor a heading's title (SPIP puts the section's picture inside the story's <h1>).
    if (tag_of(unit) in _LINK_OR_HEADING or _links_away(unit, img)) and not _labelled_credit_inside(unit, img, registry):
        return None
    length = len(reader_text(unit))  # (a script's code is no text: a picture's JSON-LD beside it)
    if length < 500 and (not _HAS_HEADING(unit) or _heading_alone(unit)):
        long_blocks = _COUNT_LONG_P(unit)
        # (one long block of text is a caption when it ends in its picture's credit: an agency's
        # caption runs long, "… in Olympia, Washington. (AP Photo/Elaine Thompson)")
        if not long_blocks or long_blocks == 1 and split_caption(visible_text(unit), registry)[1]:
            return unit
    if length < UNIT_TEXT_LIMIT and _slide_of_slideshow(unit):
        return unit
    return None


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINK_OR_HEADING = _HEADING_TAGS | {"a"}


def _says_otherwise(img, unit, caption, registry: AgencyRegistry) -> bool:
    """Is the picture a gallery's slide whose own caption attribute (on it or its unit) says
    something else than the ``caption`` element after it (the gallery's one box, which shows the
    slide on screen)?"""
    parent = unit.getparent()
    if parent is None or sum(1 for sibling in parent if sibling.tag == unit.tag and HAS_PICTURE(sibling)) < 2:
        return False  # one picture: the text after it is its own caption, whatever its attribute says
    own = split_caption(_data_attribute(img, unit, _CAPTION_ATTRIBUTE)[0] or "", registry)[0]
    return bool(own) and own[:60] not in visible_text(caption)


def _heading_alone(box) -> bool:
    """Is a heading all the text the picture's box holds? Then it is the picture's caption set as a
    heading (Taipei Times: ``<div class="imgboxa"><a><img></a><h4>caption. Photo: CNA</h4>``), not
    a slide's or a story card's title over a text of its own."""
    return not visible_text(box, skip=set(_HEADINGS(box)))


def _labelled_credit_inside(unit, img, registry: AgencyRegistry) -> bool:
    """A unit that links away is still the picture's caption box when its text ends in a credit with
    a picture's label, which a teaser's headline never has: a link around the picture and its caption
    (a lightbox's: "©Foto: Martin Sehmisch | nh"), or a box whose only links go to the
    photographer's page, inside that credit. (A wider box with other links is a story card, its
    "Photos: …" a gallery teaser's title.)"""
    text = visible_text(unit)
    if not 0 < len(text) < 500 or not _CREDIT_WORD.search(text):
        return False  # (asked of every teaser card: the cheap test first)
    head, credit = split_caption(text, registry)
    prefix = normalise_credit_text(credit)[1] if credit else None
    if prefix is None or not _CREDIT_WORD.search(prefix):
        return False  # (a picture's label: "Foto:", "©", "Photo credit:"; a video's "Source: CNN" is none)
    if tag_of(unit) == "a":
        return True
    links = _LINKS_AWAY(unit)
    if head and len(links) == 1 and any(node is links[0] for node in ancestors(img)) \
            and visible_text(links[0]) == text:
        return True  # one link around the picture, its caption and its credit, in a box of its own
    # the picture in no link of its own ("Photo: <a href=/authors/jane-doe>Jane Doe</a>")
    return bool(links) and not _linked_in(img, unit) and all(
        _to_author_page(a) and clean(text_content(a)) and clean(text_content(a)) in credit for a in links)


def _linked_in(img, unit) -> bool:
    """Is the picture inside a link, below the unit?"""
    for node in ancestors(img):
        if node is unit:
            return False
        if tag_of(node) == "a":
            return True
    return False
_SLIDESHOW = frozenset({"slides", "slideshow", "carousel", "gallery", "galerie", "galeria", "swiper", "slider"})


def _slide_of_slideshow(unit) -> bool:
    """One item of a slideshow's list (``ul.slides > li``, or a list of boxes whose text opens with
    the slide's counter, "1/6"): what it says beside its picture, under its own title, is that
    picture's caption, unlike a listicle's item in the running text."""
    parent = unit.getparent()
    if parent is None or len(parent) < 2:
        return False
    return bool(_SLIDESHOW.intersection(t for words in name_tokens(element_tokens(parent)) for t in words)) \
        or next(_counters(unit), None) is not None or _alike_picture_items(unit, parent)


_COUNT_PICTURES = etree.XPath("count(.//img)")


def _alike_picture_items(unit, parent) -> bool:
    """A list of three or more items alike, each one picture with its text and no link to another
    page: a slideshow's slides, whatever their classes say (a teaser list links away)."""
    if tag_of(unit) != "li" or _links_elsewhere(unit):
        return False
    items = [c for c in parent if c.tag == "li"]
    return len(items) >= 3 and all(_COUNT_PICTURES(c) == 1 for c in items) \
        and not any(_links_elsewhere(c) for c in items)


def _date_stamps(caption):
    """The elements in a caption that hold a date alone, marked as one (``<time>``, a class that says
    "date"): when the picture was taken or published, not what it shows."""
    for element in caption.iterdescendants(etree.Element):
        if (element.tag == "time" or any("date" in word for word in name_tokens(element.get("class") or ""))) \
                and not len(element) and _DATE_STAMP.fullmatch(clean(element.text or "")):
            yield element


# a date in digits, or a day, a month's name and a year: "12.03.2025", "12 março 2025", "March 12, 2025"
_DATE_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}|"
                         r"[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}")


def _counters(node):
    """The elements below ``node`` that hold a slide's counter alone ("1/12"): a slideshow's UI, no caption."""
    return (e for e in node.iter("span", "strong", "b", "div", "p") if not len(e) and _SLIDE_COUNTER.fullmatch(e.text or ""))


# "1/6", "2 of 12", "3 von 9": an element that holds a slide's counter alone
_SLIDE_COUNTER = re.compile(r"\s*\d{1,3}\s*" + _COUNTER_OF + r"\s*\d{1,3}\s*", re.IGNORECASE)


def _video_boxes(img, unit):
    """The picture and its wrappers up to the unit (six at most) that say video, by tag or class."""
    for node in (img, *ancestors(img, 6)):
        if tag_of(node) == "video" or VIDEO.find(element_tokens(node)):
            yield node
        if node is unit:
            break


def _is_video_poster(img, unit) -> bool:
    """The picture stands in a video player (the image or a wrapper up to the unit says so)."""
    return next(_video_boxes(img, unit), None) is not None


def _in_video_player(img, unit) -> bool:
    """The picture is a video player's still: a box up to the unit that says video (class or tag)
    holds a play control too (a class or id for it says "video" of many things: a screenshot of a
    video game, a "media-video-or-image" slot, WordPress's "format-video" post)."""
    return any(_has_play_control(box) for box in _video_boxes(img, unit))


_PLAYER_PARTS = ("button", "video", "iframe")
# A video's title that tells the reader to watch it, in the languages of the house pages: "Watch:",
# "Bekijk:", "Schauen Sie:", "Regardez :", "Mira:", "Guarda:", "Assista:", "Titta:", "Katso:", "Zobacz:"
_VIDEO_TITLE = re.compile(r"(?:watch|bekijk|kijk|schauen\s+sie|sehen\s+sie|regardez|mira|vea|guarda|assista|veja|"
                          r"titta|katso|zobacz|obejrzyj|смотрите|дивіться)\s*[:：]\s*\S", re.IGNORECASE)
_VIDEO_LABEL = re.compile(r"v[ií]d[eé]o\s*[:：]?", re.IGNORECASE)


def _video_title_credit(credit, unit) -> bool:
    """A "credit" after a video's label in an element whose class says it is the video's title, in
    words, naming no agency and no chain: ``<p class="atm-video-title">Video: Jak se připravit na
    cestu v zimě</p>`` ("Video: Reuters TV", "Video: afp/dpa/sid" name their sources)."""
    if not credit.prefix or not _VIDEO_LABEL.fullmatch(credit.prefix.strip()) or credit.agencies \
            or any(c in credit.text for c in "/,@") or len(credit.text.split()) < 3:
        return False
    return any(TITLE.find(element_tokens(e)) and visible_text(e).endswith(credit.text)
               for e in unit.iter(etree.Element) if e.get("class"))


# what a player's start button says in its label: "Play", "Video afspelen", "Video abspielen"
_PLAY_WORDS = re.compile(r"play|afspelen|abspielen|lire\s+la\s+vid|reproduc|riprodu|spela\s+upp|toista|odtw",
                         re.IGNORECASE)


def _has_play_control(box, buttons: bool = True) -> bool:
    """A <video> or <iframe> in the box (or any <button>, with ``buttons``), or an element whose class
    or id says play or whose label says so in the house's language."""
    if tag_of(box) == "video":
        return True
    parts = _PLAYER_PARTS if buttons else ("video", "iframe")
    for element in box.iter(etree.Element):
        if element.tag in parts or _PLAY_WORDS.search(element.get("aria-label") or ""):
            return True
        if any(token.startswith("play") for tokens in name_tokens(element_tokens(element)) for token in tokens):
            return True
    return False


_BUTTON_WORDS = frozenset({"button", "btn", "cta"})


def _buttons(frame) -> set:
    """Buttons inside a frame ("Zu den Angeboten", "View gallery"): controls, never a caption."""
    return {e for e in frame.iter("button", "span", "a", "div")
            if tag_of(e) == "button" or any(_BUTTON_WORDS & set(t) for t in name_tokens(element_tokens(e)))}


def _links_away(unit, img) -> bool:
    """Does the unit link to another page? An empty link, or one to the picture's own file (its
    larger size), leads nowhere else."""
    return any(not _IMAGE_URL.search(link.get("href", "")) for link in _LINKS_AWAY(unit))


def _role(element) -> str | None:
    """``credit``, ``caption`` or None, from tag, itemprop and class tokens."""
    tag = tag_of(element)
    if not tag or tag in _PART_SKIP_TAGS:
        return None
    prop = (element.get("itemprop") or "").lower()
    if prop:
        props = set(prop.split())
        if props & _CREDIT_PROPS:
            return "credit"
        if props & _CAPTION_PROPS:
            return "caption"
    found = _role_of_names(element_tokens(element)) or _role_of_names(_developer_names(element))
    if found:
        return found
    if tag == "figcaption":
        return "caption"
    if tag in ("cite", "footer"):
        return "credit-hint"
    return None


def _role_of_names(words: str) -> str | None:
    if words:
        if CREDIT_ROLE.find(words):
            return "credit"
        if CREDIT_HINT.find(words):
            return "credit-hint"
        if CAPTION_ROLE.find(words):
            return "caption"
    return None


# Names a page gives its elements for its own scripts, tests and screen readers: they survive where
# a build hashes the class names (CSS modules, styled-components: "sc-fUnMCh"), and say the same
# ("data-testid=caption", "aria-label=Image credit").
_DEVELOPER_NAMES = ("data-testid", "data-test-id", "data-qa", "data-component")


def _developer_names(element) -> str:
    """An element's test and component names, and a short ``aria-label`` (a label of three words
    at most names the element's role; a longer one describes its content)."""
    names = [value for name in _DEVELOPER_NAMES if (value := element.get(name))]
    label = element.get("aria-label")
    if label and len(label.split()) <= 3:
        names.append(label)
    return " ".join(names)


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _links_to_own_site(captions: list) -> list[str]:
    """The link texts in the captions that name the site they link to ("Farrow & Ball" ->
    farrow-ball.com): a maker or source the caption credits."""
    found = []
    for caption in captions:
        for link in caption.iter("a"):
            href = (link.get("href") or "").strip().lower()
            if not href.startswith(("http://", "https://", "//")):
                continue
            host = href.split("//", 1)[1].split("/", 1)[0]
            text = clean(text_content(link))
            letters = _NOT_LETTERS.sub("", text.lower().replace("&", "").replace(" and ", " "))
            if len(letters) >= 4 and letters in _NOT_LETTERS.sub("", host) and text not in found:
                found.append(text)
    return found


def _own_figure_captions(img, unit, captions: list) -> list:
    """The captions inside the picture's own <figure> when it has any: a wider unit's other
    caption-like blocks (an intro "content-imagetext" box) are not this picture's."""
    for node in ancestors(img):
        if node is unit:
            return captions
        if tag_of(node) == "figure":
            inside = [c for c in captions if any(a is node for a in ancestors(c))]
            return inside or captions
    return captions


_HAS_BLOCK = etree.XPath("boolean(.//p|.//div|.//ul|.//ol|.//table|.//figure|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)")


_GALLERY_DEPTH = 5  # from a slide's picture to the gallery box that holds its slides and their caption


def _gallery_credit(img, registry: AgencyRegistry):
    """The caption of the gallery the picture is a slide of, and the credit it gives all the slides:
    a ``<figcaption>`` child, holding no picture, of the nearest box around the picture that holds
    other pictures and has one (WordPress's ``figure.wp-block-gallery > figure* + figcaption``,
    Ghost's gallery card, its slides in rows), up to the story's own box (it has paragraphs). The
    caption's credit: the whole caption when it only names ("Photos: Oyo State Government"), or the
    credit at the end of a description when its label is plural ("Scenes from Belmont beach.
    (Photos: Garfield Robinson)"); a caption that describes ("Imágenes de la jornada en el litoral")
    credits no one. None when there is none."""
    for box in ancestors(img, _GALLERY_DEPTH):
        if any(child.tag == "p" for child in box):
            return None  # the story's body: no gallery around this picture
        caption = next((child for child in box if child.tag == "figcaption" and not HAS_PICTURE(child)), None)
        if caption is None or sum(1 for _ in islice(box.iter("img", "amp-img"), 2)) < 2:
            continue  # (a slide's own caption, or a row of slides whose gallery's caption stands a level up)
        text = visible_text(caption)
        if _names_alone_credit(text):
            return caption, text
        described, credit = split_caption(text, registry)
        if not credit:
            return None
        body, label = normalise_credit_text(credit)
        if not described:
            # the caption is a credit and nothing else ("(Kalani Reyes/Civic Beat/2026)"), naming someone
            # ("Photos: Storm damage across Jefferson County" is the gallery's title)
            return (caption, credit) if names_only(body) else None
        # the credit at the end of a description, for every slide only when it says so ("Photos:"):
        # "Main Street in 1950 (left) and today. Photo: Jane Doe" credits one of two pictures
        return (caption, credit) if _PLURAL_PICTURE_LABEL.search(label or "") else None
    return None


# a label that names pictures in the plural: a gallery's credit for all its slides
_PLURAL_PICTURE_LABEL = re.compile(r"\b(?:photos|fotos|pictures|images|bilder|pics|pix|fotografías|imágenes|immagini|"
                                   r"zdjęcia|фото|снимки)\b", re.IGNORECASE)


def _names_alone_credit(text: str) -> bool:
    """A short credit that names people or agencies and says nothing else ("Fot. Anna Nowak",
    "Photo by Jane Doe / Unsplash"; not "Imágenes de la jornada en el litoral")."""
    return bool(text) and len(text) <= 120 and only_a_credit(text) and names_only(strip_prefix(text)[0])


_PHOTO_LABEL = re.compile(r"(?:photo|foto|picture|pic|bild|image|kuva|fotografia|fotografía|фото|zdjęcie|nuotr)s?\b",
                          re.IGNORECASE)


def _source_beside_photo_credit(credit: str, glued: str) -> bool:
    """Is the credit element a source line ("Source: Getty Images") beside a caption that credits
    its photo itself ("… Nairobi. Photo: Brian Otieno/AFP.")? The photo's credit names who took
    it; the source line, where the page got it (TUKO's captions print both)."""
    if not SOURCE_LINE.match(credit):
        return False
    body, label = normalise_credit_text(glued)
    source = SOURCE_LINE.sub("", credit, count=1).strip()
    # (only a photographer's name or chain beside one distributor: "Photo: screenshot", "Foto: privat"
    # or "Photo: AFP" beside "Source: AFP/Getty Images/Tony Karumba" say less than the source line)
    return bool(label) and _PHOTO_LABEL.match(label) is not None and ("/" in body or looks_like_person(body)) \
        and "/" not in source and len(source.split()) <= 3


def _says_less(credit: str, glued: str, registry: AgencyRegistry) -> bool:
    """Does the credit element name agencies alone, each named again in the caption's own credit,
    which says more ("(AP)" or "Credit: AP" beside the caption's "(AP Photo/George Walker IV)")?"""
    credit = strip_prefix(credit)[0]  # (its label says who nobody is)
    found = registry.scan(credit)
    if not found:
        return False
    rest = credit
    for match in reversed(found):
        rest = rest[:match.start] + rest[match.end:]
    if any(c.isalnum() for c in rest):
        return False  # the element names someone besides its agencies
    theirs = {m.agency.name for m in registry.scan(glued)}
    return {m.agency.name for m in found} <= theirs and len(glued) > len(credit.strip("() "))


def _whole_credit(element, registry: AgencyRegistry) -> bool:
    """Is the element's text a credit and nothing else (no caption before it)?"""
    # (names alone: no caption after a line break, "© Fox News<br>Sean Hannity interviews …")
    text = visible_text(element)
    return _names_alone_credit(text) and not split_caption(text, registry)[0]


def _leaf_blocks(container) -> list:
    """The paragraphs in ``container``: its <p>s, and the <div>s that hold no other block (page
    builders and some systems type their text in <div>s)."""
    return [e for e in container.iter("p", "div") if e.tag == "p" or not _HAS_BLOCK(e)]


def _parallel_legend(unit):
    """A gallery that keeps its pictures in one list and their legends in another, in the same
    order (``ul.images > li`` beside ``ul.legends > li``): the item at the picture's place in the
    nearest such list beside its own. Both lists must be as long, and hold three items or more."""
    item = unit
    parent = item.getparent()
    if parent is None:
        return None
    items = [c for c in parent if c.tag == item.tag]
    if len(items) < 3:
        return None
    index = next(i for i, c in enumerate(items) if c is item)
    node = parent
    for _ in range(4):
        outer = node.getparent()
        if outer is None or tag_of(outer) in _UNIT_STOP_TAGS:
            return None
        for other in outer.iter(parent.tag):
            if other is parent or any(a is parent for a in ancestors(other)) or any(a is other for a in ancestors(parent)):
                continue
            legends = [c for c in other if c.tag == item.tag]
            # legends, not a list of links (related stories, tags, a breadcrumb trail)
            if len(legends) == len(items) and not HAS_IMG(other) and clean(text_content(legends[index])) \
                    and not _LINKS_AWAY(legends[index]):
                return legends[index]
        node = outer
    return None


def _find_parts(container, img):
    """Caption and credit elements inside ``container`` (outermost ones only, not around ``img``).
    Elements marked only as a byline or source count as the credit when nothing says "credit"."""
    captions, credits, hints = [], [], []
    img_path = set(ancestors(img))
    controls: set = set()  # a player's menus, buttons and hidden dialogs: nothing in them is a part
    for element in container.iterdescendants():
        if element in img_path or element is img:
            continue
        if _interface_box(element):
            controls.add(element)
            continue
        role = _role(element)
        if role is None:
            continue
        if role == "credit-hint":
            role = "credit"
            if element not in hints:
                hints.append(element)
        if role == "credit" and _holds_caption(element):
            continue  # a "credit-caption" wrapper: its parts are found one by one
        # Only the outermost caption/credit counts; credits inside captions are separate.
        outer = False
        for anc in ancestors(element):
            if anc is container:
                break
            if anc in credits or (role == "caption" and anc in captions) or anc in controls:
                outer = True
                break
        if outer or not clean(text_content(element)):
            continue
        if role == "caption" and _COUNT_LONG_P(element) >= 2:
            continue  # an "image-text" block of running text: the story, not a caption
        (credits if role == "credit" else captions).append(element)
    strong = [c for c in credits if c not in hints]
    return captions, (strong or credits)


# ARIA roles of interface widgets: their text is a control's ("captions settings" in a video
# player's menu), never a caption or credit
_WIDGET_ROLES = frozenset({"button", "menu", "menuitem", "menuitemcheckbox", "menuitemradio", "menubar", "dialog",
                           "alertdialog", "slider", "tablist", "tab", "toolbar", "listbox", "option", "progressbar",
                           "switch", "checkbox", "radio", "tooltip", "spinbutton", "combobox"})


def _interface_box(element) -> bool:
    """An interface widget (by its ARIA role; not a caption that opens on a click), or an element
    its class hides ("hidden", "vjs-hidden", "is-hidden"; not "hidden-xs", "md:hidden" or
    "overflow-hidden", which only hide it on some screens or clip it) or keeps for screen readers."""
    cls = element.get("class")
    role = (element.get("role") or "").strip().lower()
    if role in _WIDGET_ROLES:
        # (a caption that opens on a click is a role=button caption; a menu item never is one)
        return role != "button" or _role(element) is None or control_class(cls or "")
    if not cls:
        return False
    words = cls.split()
    # ("hidden md:block": hidden on small screens only, shown from the breakpoint on)
    # (a hiding class word holds "dden" in any case: most classes skip the word test)
    return is_hidden_label(element) or ("dden" in cls.lower() and any(_HIDDEN_CLASS_WORD.fullmatch(w) for w in words)
                                        and not any(":" in w for w in words))


_HIDDEN_CLASS_WORD = re.compile(r"(?:(?:is|vjs|js|u|state|el)[-_])?hidden", re.IGNORECASE)


def _holds_caption(element) -> bool:
    return any(_role(d) == "caption" for d in element.iterdescendants())


_INLINE_CREDIT_TAGS = frozenset({"span", "em", "i", "b", "strong", "cite"})
_CREDIT_SEPARATORS = ("-", "–", "—", "|", "/", "·")


def _edge_credit_child(caption, registry: AgencyRegistry):
    """The last (or first) child of a caption when it is a credit line of its own; hashed class
    names give no hint: ``<figcaption><p>Caption</p><small>AFP via Getty Images</small></figcaption>``,
    ``<figcaption><span>Photo: Jane Doe</span> Caption text</figcaption>``."""
    children, controls = _caption_lines(caption)
    while len(children) == 1 and len(children[0]) and not (caption.text or "").strip() \
            and not (children[0].tail or "").strip():
        # a wrapper that holds the whole caption (<figcaption><div><p>Caption</p><p>PA</p></div>)
        caption = children[0]
        children, controls = _caption_lines(caption)
    whole = visible_text(caption)
    if controls:
        whole = _strip_ui(whole)  # the controls after the lines ("Buy Photo") are no part of the caption's text
    if not children:
        return None
    last, first = children[-1], children[0]
    # two elements or more, each a line of its own (links inside a sentence, "Photo by <a>Jane
    # Doe</a> on <a>Unsplash</a>", are no lines)
    apart = len(children) >= 2 and not (caption.text or "").strip() \
        and not any((c.tail or "").strip() for c in children[:-1]) or tag_of(last) == "small"
    # one inline element that ends the caption counts when it names an agency, says it is a credit
    # or stands after a separator ("… as they should be <span>Getty Images</span>", "… Libertadores -
    # <span>Heinrich Aikawa/Instituto Lula</span>"); a link at the end is a mention
    ends = tag_of(last) in _INLINE_CREDIT_TAGS and not (last.tail or "").strip()
    if apart and _labelled_credit(last) and visible_text(last) != whole:
        return last  # "<span><span class=visually-hidden>Credit</span>Jane Doe for The New York Times</span>"
    if apart or ends:
        text = visible_text(last)
        if text != whole and _credit_line(text, registry) and (
                apart or _says_credit_or_agency(text, registry)
                or whole[:-len(text)].rstrip().endswith(_CREDIT_SEPARATORS)):
            return last
        # (one inline element alone counts too: "… overnight.<span>Jane Doe/The Ledger</span>")
        if (len(children) >= 2 or ends) and whole.endswith(text) \
                and _name_after_sentence(text, whole[:-len(text)].rstrip()):
            return last
        if ends and text != whole and _ONLY_EMAIL.match(text):
            return last  # the photographer's address, the name just before it (see _read)
        if apart and text != whole and person_in_capitals(text):
            return last  # "<p>Caption</p><span class=sign>MARTINA MISER</span>": the photographer, in capitals
    text = visible_text(first)
    # A leading part is a credit only when it says so ("Photo:", "©"), or, as a line of its own,
    # names an agency ("<span>Jane Doe/Getty Images</span><span>Caption</span>"); never by its
    # names alone.
    # (it leads, or it is the one element, at the end: "… vigne.<nobr>Image: Keystone</nobr>")
    if text != whole and (whole.startswith(text) or first is last and whole.endswith(text)) \
            and _credit_line(text, registry) and (
            normalise_credit_text(text)[1] is not None
            or apart and bool(registry.scan(text)) and not split_caption(text, registry)[0]):
        # (a leading line that names an agency is a credit only when it is nothing else: "The mayor
        # speaks. REUTERS/Jane Doe" is a caption with its credit, as Reuters writes them)
        return first
    return None


def _caption_lines(caption) -> tuple[list, int]:
    """The caption's child elements that hold text, without the controls that close it ("Buy
    Photo", "Hide caption"), and how many controls those were."""
    children = [c for c in caption if tag_of(c) and clean(text_content(c))]
    lines = len(children)
    # (only a control that is stripped from a caption's end as well: "Zoom" or "Image 2 of 9" alone
    # is one, but after a sentence it may be the caption's word; a control's words are few. The
    # sentence before it names no control, so the label patterns run only when the control may.)
    while children and len(text := text_content(children[-1])) <= 60 and _strip_ui(f"x. {text}") == "x.":
        children.pop()
    return children, lines - len(children)


def _labelled_credit(element) -> bool:
    """Does a label for screen readers inside the element say it is a credit ("Credit", "Image
    source")? What the eye sees holds only the name; the label says what the name is."""
    return any(is_hidden_label(e) and _CREDIT_LABEL.fullmatch(clean(text_content(e))) for e in element.iter()
               if e.get("class"))


_CREDIT_LABEL = re.compile(r"(?:image\s+|photo\s+|picture\s+)?(?:credits?|source|copyright)\W*|"
                           r"(?:photo(?:graph)?|foto|bild(?:quelle)?|bildnachweis|cr[ée]dits?)\W*", re.IGNORECASE)


def _edge_credit_line(frame, img, skip: set, registry: AgencyRegistry):
    """The first or last line of an unmarked frame's text when it is a credit line of its own, read
    from the structure alone (hashed or no class names): ``<div><div>Caption</div><div>Al Goldis,
    Associated Press</div></div>``, ``<span>dpa/Jan Woitas</span><span>Caption</span>``. A leading
    line must say so ("Foto:") or name an agency; names alone make no credit there."""
    lines = _text_lines(frame, set(ancestors(img)), skip)
    if len(lines) < 2:
        return None
    first, last = lines[0], lines[-1]
    text = visible_text(last)
    if _credit_line(text, registry) or _name_after_sentence(text, visible_text(lines[-2])):
        return last
    text = visible_text(first)
    if _credit_line(text, registry) and _says_credit_or_agency(text, registry):
        return first
    return None


def _name_after_sentence(text: str, before: str) -> bool:
    """A line of names alone after a line that ends a sentence: the picture's credit, its place
    its only mark (``<div><p>The pool opens at eight.</p><span>Patrick Schwienbacher</span></div>``).
    A name line before a label or a title ("Jane Doe" above "Chief editor") is not one."""
    words = len(text.split())
    return 0 < words <= (8 if institution_named(text) else 5) and len(text) < len(before) \
        and _SENTENCE_CLOSE.search(before) is not None \
        and names_only(text)


_SENTENCE_CLOSE = re.compile(r"[^\W\d_]{2}[.!?…][\"”»’)]?$|[.!?][\"”»’)]$")


def _page_title(element, text: str) -> bool:
    """Is ``text`` the page's own title (the story's headline, as its <title> has it)?"""
    title = element.getroottree().getroot().find("head/title")
    return title is not None and bool(text) and text in clean(title.text or "")


def _shows_picture(element) -> bool:
    return tag_of(element) in ("img", "figure", "picture") or bool(HAS_PICTURE(element))


def _picture_follows(element) -> bool:
    """Does the next element hold a picture? (Then a credit line may be that picture's, set above it.)"""
    sibling = element.getnext()
    while sibling is not None and (not tag_of(sibling) or tag_of(sibling) in SKIP_TAGS):
        sibling = sibling.getnext()
    return sibling is not None and _shows_picture(sibling)


def _next_text_element(element):
    """The next sibling element with text a reader sees (scripts and empty boxes passed over; a
    picture ends the search)."""
    sibling = element.getnext()
    while sibling is not None:
        if tag_of(sibling) and tag_of(sibling) not in SKIP_TAGS:
            if _shows_picture(sibling):
                return None
            if visible_text(sibling):
                return sibling
        sibling = sibling.getnext()
    return None


def _credit_line_beside(unit, img, captions: list, registry: AgencyRegistry):
    """The one other line of text in the unit, outside its caption, when it is a credit line: a
    credit laid over the picture (``<div><span>Jane Doe/AP</span><img></div><figcaption>…``)."""
    skip = {img, *captions}
    lines = [line for line in _text_lines(unit, set(ancestors(img)), skip)
             if not any(c in skip for c in (line, *line.iterdescendants()))]
    # a label alone names the line after it ("Image copyright" | "EPA": a screen reader's label
    # whose hiding class is not recognised)
    last = len(lines) - 1
    lines = [line for index, line in enumerate(lines) if index == last or not _label_only(visible_text(line))]
    if len(lines) == 1 and _credit_line(visible_text(lines[0]), registry):
        return lines[0]
    return None


def _label_only(text: str) -> bool:
    """A credit's label and nothing else ("Image copyright", "Foto:")."""
    return bool(text) and not without_label_at_end(text)


def _credit_line(text: str, registry: AgencyRegistry) -> bool:
    """A line of a few words that reads as a credit (the test of a caption's or frame's edge line)."""
    return bool(text) and len(text.split()) <= 8 and looks_like_credit(text, registry)


def _says_credit_or_agency(text: str, registry: AgencyRegistry) -> bool:
    """A credit's own word ("Foto:", "©") or an agency's name: what makes a line a credit where its
    place alone does not."""
    return normalise_credit_text(text)[1] is not None or bool(registry.scan(text))


def _text_lines(node, around_picture: set, skip: set, depth: int = 0) -> list:
    """The lines of text in ``node`` around its picture, in reading order: the elements that each
    hold one run of text (a wrapper is read as the lines in it; the picture's own branch, the
    elements in ``around_picture``, is looked into). Empty when loose text stands between them (no
    clean split). ``skip`` holds the picture and the elements that are no text (buttons)."""
    lines: list = []
    if depth > 12 or (node.text or "").strip():
        return [] if depth else lines
    for child in node:
        tag = tag_of(child)
        if (child.tail or "").strip():
            return []
        if not tag or tag in SKIP_TAGS or child in skip:
            continue
        holds_picture = child in around_picture
        if not holds_picture and not clean(text_content(child)):
            continue
        parts = [c for c in child if tag_of(c) and c not in skip and clean(text_content(c))]
        if holds_picture or (parts and not (child.text or "").strip()):
            inner = _text_lines(child, around_picture, skip, depth + 1)
            if not inner and not holds_picture:
                lines.append(child)
            lines.extend(inner)
        else:
            lines.append(child)
    return lines


_ITALICS = etree.XPath("(.//em|.//i)[not(ancestor::em or ancestor::i)]")


def _set_in_italics(element, text: str) -> bool:
    """Set in italics from end to end (``<p><em>…</em></p>``), and not a label for what follows."""
    if tag_of(element) in ("em", "i"):
        return True
    inner = "".join(text_content(e) for e in _ITALICS(element))
    return not text.endswith(":") and clean(inner) == text


def _parts_after(unit, registry: AgencyRegistry) -> tuple[list, list]:
    """A caption or credit right after the unit: a <figcaption> outside its <figure>, a copyright line
    after the picture. Up to two following elements; another picture ends the search."""
    captions, credits = [], []
    sibling = _after_bare_wrappers(unit)
    seen = 0
    while sibling is not None and seen < 2:
        if not tag_of(sibling) or tag_of(sibling) in SKIP_TAGS:
            sibling = sibling.getnext()  # comments, scripts, styles: nothing a reader sees
            continue
        if HAS_PICTURE(sibling) or tag_of(sibling) in ("img", "figure", "picture", "video"):
            # the next picture: what follows is its caption, unless the box opens with a caption line
            # before any picture of its own
            opening = _opening_caption(sibling, registry) if not captions else None
            if opening is not None:
                captions.append(opening)
            break
        if (tag_of(sibling) in ("nav", "form") or chrome_class(chrome_tokens(sibling) or "") == "strong") \
                and _role(sibling) is None:
            break  # navigation, a breadcrumb trail, a share bar: page chrome, never a caption or credit
        text = visible_text(sibling)
        if not text:
            sibling = sibling.getnext()
            continue
        seen += 1
        if names_story_sources(text) or SIGNOFF.find(element_tokens(sibling) or "") and _role(sibling) is None:
            # the story's closing line, "Mit Material von Keystone-SDA.", or an element its class calls
            # the sign-off ("<p class=tc_article__signoff>/ritzau/</p>" under a closing video): neither
            # caption nor credit
            break
        if len(text) > 600 or _COUNT_PARAGRAPHS(sibling) >= 2:
            # the story box right after the picture may open with the picture's caption
            # (<div class=white-box><p class=imagedescription>Caption © AFP / X</p><p>Story…)
            opening = _opening_caption(sibling, registry) if not captions else None
            if opening is not None:
                captions.append(opening)
            break
        role = _role(sibling)
        if role == "credit-hint":
            # (a <footer> or <cite> after the picture is its credit, "<footer>Mario Rossi</footer>"; the
            # article's own <footer>, a box of tags and a feedback line, is not)
            blocks = sum(1 for child in sibling if tag_of(child) in ("div", "p", "ul", "ol", "nav", "section"))
            role = "credit" if blocks < 2 else None
        if role == "caption" and not captions:
            captions.append(sibling)
        elif role == "credit" and not credits:
            credits.append(sibling)
        elif not captions and all(split_caption(text, registry)):
            captions.append(sibling)  # a caption with its credit at the end, right after the picture
            break
        elif len(text) < 200 and looks_like_credit(text, registry) and not credits \
                and tag_of(sibling) not in _HEADING_TAGS:
            credits.append(sibling)  # (a heading after the picture opens a section: "Imágenes de …")
        elif not captions and len(text) <= 200 and _set_in_italics(sibling, text):
            captions.append(sibling)  # a line in italics under the picture: a blog's caption
            break
        elif tag_of(sibling) in ("p", "span", "i", "em", "small", "div") and len(text) < 400 and not captions:
            _, glued = split_caption(text, registry)
            if glued:
                captions.append(sibling)
            elif not credits and len(text) < 300 and tag_of(sibling) != "p" and not _HAS_HEADING(sibling) \
                    and not _page_title(sibling, text):
                # a line of text, then a line that says it is a credit or names an agency: the
                # picture's caption and credit, unmarked (Drupal's image, caption and credit
                # fields side by side, classes hashed); not the story's title above its credit, nor
                # a paragraph of the story (its next line may be anything: "VIDEO: <a>…</a>")
                after = _next_text_element(sibling)
                credit_text = visible_text(after) if after is not None else ""
                if _credit_line(credit_text, registry) and _says_credit_or_agency(credit_text, registry) \
                        and not _picture_follows(after):
                    captions.append(sibling)
                    credits.append(after)
            break
        else:
            break
        sibling = sibling.getnext()
    return captions, credits


def _opening_caption(box, registry: AgencyRegistry):
    """The box's opening line when it is a caption: marked as one, or ending with a credit. Not for
    a picture element itself (a <figure> may open with its own <figcaption>)."""
    if tag_of(box) in ("img", "figure", "picture"):
        return None
    opening = _opening_line(box)
    if opening is None:
        return None
    if all(split_caption(visible_text(opening), registry)):
        return opening
    if _role(opening) == "caption" and not (tag_of(box) == "article" and _names_a_standfirst(opening)):
        # (an <article> after the picture opens with the story's standfirst, its class "desc" as a
        # caption's may be: Dalanews' "content_main_desc"; "p.image-caption" there is the picture's)
        return opening
    return None


_CAPTION_NAME = re.compile(r"caption|legend|bildunterschrift|figcaption|image|photo|foto|bild|img|slide|media|galler",
                           re.IGNORECASE)


def _names_a_standfirst(element) -> bool:
    """Do the element's class and id say description or standfirst, and nothing about a picture?"""
    words = element_tokens(element) or ""
    tokens = {t for group in name_tokens(words) for t in group}
    return bool(STANDFIRST.find(words) or tokens & {"desc", "descr"}) and not _CAPTION_NAME.search(words)


def _opening_line(box):
    """The box's first child, when it is a short line of text that opens the box, before any picture
    of the box's own (only children are looked at: the story's text is not read here)."""
    if (box.text or "").strip():
        return None
    for child in box:
        tag = tag_of(child)
        if not tag or tag in SKIP_TAGS:
            if (child.tail or "").strip():
                return None
            continue
        if tag in ("img", "picture", "figure", "video", "iframe") or HAS_IMG(child):
            return None  # a picture before any line: the box's own
        raw = text_content(child)
        if not raw.strip():
            if (child.tail or "").strip():
                return None
            continue
        if len(raw) > 2000 or tag not in ("p", "div", "span", "figcaption", "small"):
            return None
        own = clean(visible_text(child))
        return child if own and len(own) <= 400 else None
    return None


def _after_bare_wrappers(unit):
    """The element after the unit, or, when the unit ends its parent, after the wrappers around it
    that show nothing else (``div.media > div.file > div.content > img``, then the caption)."""
    node = unit
    for _ in range(4):
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()  # comments and processing instructions
        parent = node.getparent()
        # (an <article> that shows nothing but the picture is a media item's wrapper, Drupal's
        # <article class="media">, not the story)
        if following is not None or parent is None \
                or tag_of(parent) in _UNIT_STOP_TAGS and (tag_of(parent) != "article" or visible_text(parent)) \
                or len(text_content(parent)) > len(text_content(node)) + 200 \
                or clean(visible_text(parent)) != clean(visible_text(node)):
            return node.getnext()  # (the length test first: the parent is often the whole story)
        node = parent
    return node.getnext()


def _referenced_parts(img, unit) -> tuple[list, list]:
    """Caption and credit in an element the picture points to by id: ``aria-describedby`` on the
    image, or a "show caption" control in its unit (``<a href="#image-description">``,
    ``aria-controls``) whose target stands elsewhere in the page, marked as a caption."""
    ids = (img.get("aria-describedby") or "").split()
    if unit is not img:
        for node in unit.iter("a", "button"):
            href = (node.get("href") or "").strip()
            if href.startswith("#") and len(href) > 1:
                ids.append(href[1:])
            ids.extend((node.get("aria-controls") or "").split())
    if not ids:
        return [], []
    root = img.getroottree().getroot()
    for ident in list(dict.fromkeys(ids))[:3]:  # a few: a gallery's frame links to every slide
        found = _BY_ID(root, ident=ident)
        target = found[0] if found else None
        if target is None or target is unit or unit in set(ancestors(target)) or target in set(ancestors(img)):
            continue
        if len(text_content(target)) > UNIT_TEXT_LIMIT:
            continue
        captions, credits = _find_parts(target, img)
        if not captions and _role(target) == "caption" and clean(text_content(target)):
            captions = [target]
        if captions or credits:
            return captions, credits
    return [], []


_BY_ID = etree.XPath("//*[@id=$ident]")


def _join_credits(credits: list) -> str:
    """Several credit elements in reading order: ``Photo by X`` ``/`` ``AFP via Getty Images``."""
    joined = ""
    for index, element in enumerate(credits[:4]):
        text = visible_text(element)
        if not text or text in joined:
            continue
        if joined:
            previous = credits[index - 1]
            separator = clean(previous.tail) if previous.getnext() is element else ""
            if separator in ("/", "|", ",", ";", "-", "–", "—", "via", "/ "):
                joined += "/" + text if separator == "/" else f" {separator} {text}"
            else:
                joined += " " + text
        else:
            joined = text
    return joined


def _first_text_line(container, skip) -> int | None:
    for node in container.iterdescendants():
        if node in skip or not tag_of(node):
            continue
        if (node.text or "").strip():
            return node.sourceline
    return None


# -- 4. keeping --------------------------------------------------------------------------------

def _teaser_card(unit, zone: ArticleZone, stops: frozenset, element=None, memo: dict | None = None,
                 own_path: str = ""):
    """A story card: the picture, a headline and a link to another story in one small box, with no
    story text, or with a summary when the picture and the headline link to the same story. Walks
    out from the unit until the box holds a heading and a link (a card) or story text, the article
    or a <figure> (not a card)."""
    href = _link_of(element, unit) if element is not None else None
    memo = {} if memo is None else memo  # the pictures of a page share their ancestors: each is judged once
    in_figure = False
    for node in (unit, *ancestors(unit)):
        if node in stops or tag_of(node) in ("body", "main"):
            return None  # the article, its body, or what holds the story's headline
        if href:
            links = memo.get((node, "links"))
            if links is None:
                links = memo[node, "links"] = frozenset(_HEADING_LINKS(node))
            if href in links:
                # "<h4><a href=X>Headline</a></h4> <a href=X><img></a> <p>summary…", the picture in
                # a <figure> of its own or not
                return node
        if in_figure or tag_of(node) == "figure":
            # a figure is no card by its text (the article's own), nor what holds it: only a
            # headline linked where the picture links says so, or the <article> around it being a
            # story of its own in the page, a card by its linked headline (a teaser's <article>)
            in_figure = True
            if tag_of(node) == "article":
                verdict = memo.get(node)
                if verdict is None:
                    verdict = memo[node] = _card_verdict(node, own_path)
                if verdict == "card":
                    return node
            continue
        verdict = memo.get(node)
        if verdict is None:
            verdict = memo[node] = _card_verdict(node, own_path)
        if verdict != "next":
            return node if verdict == "card" else None
    return None


def _card_verdict(node, own_path: str = "") -> str:
    """"card", "text" (story text: no card here or above) or "next" (say nothing: look further out)."""
    long_paragraphs = _COUNT_LONG_P(node)
    if long_paragraphs > 1:
        return "text"
    if _HAS_HEADING(node) and _links_elsewhere(node, own_path) and _has_visible_heading(node) and not _gallery_box(node):
        return "card" if not long_paragraphs or _summary_card(node) else "text"
    if long_paragraphs:
        # story text, unless it is the one summary beside a linked headline in a card-sized box
        return "card" if _headline_link(node) else "text"  # (_headline_link: a card-sized box only)
    if _headline_link(node) and not _gallery_box(node):
        return "card"  # "<div class=hed><a href=/other-story>Eight beach hotels for …</a></div>"
    return "next"


_HEADINGS = etree.XPath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")


def _has_visible_heading(node) -> bool:
    """A heading a reader sees: a screen-reader-only one (Drupal's ``h2.element-invisible`` naming
    the picture's file) heads no story card."""
    # (a heading inside a <figcaption> is its picture's title, no story's headline)
    return any(not is_hidden_label(h) and not any(is_hidden_label(a) or tag_of(a) == "figcaption" for a in ancestors(h, 3))
               for h in _HEADINGS(node))


_CONTACT_LINK = ".//a[starts-with(@href, 'tel:') or (starts-with(@href, 'mailto:') and contains(@href, '@'))]"
_HAS_CONTACT_LINK = etree.XPath(f"boolean({_CONTACT_LINK})")


_HAS_FORM = etree.XPath("boolean(.//form)")
# Class words of a pull quote's box
_QUOTE_WORDS = frozenset({"quote", "pullquote", "blockquote", "zitat", "citation", "quotebox", "cita"})


def _quotation_box(element, unit):
    """The pull-quote box the picture stands in, up to its unit: what a quote shows beside its words
    is the speaker's portrait or the quote's ornament (horizont.net: ``div.Quote > div.Quote-caret >
    img[src=/img/quote-bottom.png]``, the speaker in ``div.Quote-source``), never the story's picture."""
    for node in ancestors(element):
        tokens = element_tokens(node)
        if tokens and any(_QUOTE_WORDS.intersection(words) and words[0] in _QUOTE_WORDS
                          for words in name_tokens(tokens)):
            return node
        if node is unit:
            break
    return None


def _contact_card(unit, stops: frozenset):
    """A box of little text that holds the picture and a phone number or an e-mail address to
    write to (a press contact's or an author's card, the picture their portrait; a "share by
    e-mail" link names no address), or a form (a donation, newsletter or subscription box, the
    picture its promo)."""
    for node in (unit, *ancestors(unit)):
        if node in stops or tag_of(node) in ("figure", "body", "main", "form"):
            return None
        raw = text_content(node)
        if len(raw) > 8 * _CARD_TEXT or len(clean(raw)) > _CARD_TEXT:
            return None
        if _HAS_CONTACT_LINK(node) or _HAS_FORM(node):
            return node
    return None


_LINKS = etree.XPath(".//a[@href][not(starts-with(@href, '#'))][not(.//img)]")


# A heading that says its box is a gallery: "Fotostrecke: …", "Bildergalerie", "In pictures", "Galería"
_GALLERY_HEADING = re.compile(r"\b(?:fotostrecke|bildergalerie|bilderstrecke|fotogalerie|galerie|gallery|galería|"
                              r"galeria|fotogalería|fotogallery|diaporama|slideshow|in\s+pictures|in\s+photos|photos?|"
                              r"fotos?|bilder|imágenes|images)\b|写真|画像|사진|포토|图集|圖集", re.IGNORECASE)


# a link to the whole gallery: "View all 12 photos", or its full-screen view ("Vollbild", "Plein écran", "Expand")
_ALL_PICTURES = re.compile(r"\b\d{1,4}\s+" + _GALLERY_COUNT + r"\b", re.IGNORECASE)
_FULL_SCREEN = re.compile(r"\s*(?:vollbild|vollbildmodus|full\s*screen|expand|enlarge|plein\s+écran|pantalla\s+completa|"
                          r"schermo\s+intero|tela\s+cheia|helskärm|koko\s+näyttö)\s*", re.IGNORECASE)
# an address that names a gallery page
_GALLERY_ADDRESS = re.compile(r"galer|gallery|bilderstrecke|fotostrecke|slideshow|diaporama|fotogaler|"
                              r"(?<![a-z])(?:photos|fotos)(?![a-z])", re.IGNORECASE)


def _gallery_box(node) -> bool:
    """A box whose heading says it is a gallery and whose links all lead to its pictures' own files
    (a lightbox's), or to the whole gallery ("View all 12 photos"): a gallery under its heading, not
    a story card."""
    headings = _HEADINGS(node)
    named = (visible_text(headings[0]) if headings else "") + " " + (node.get("aria-label") or "")
    if not _GALLERY_HEADING.search(named):
        return False
    links = [(a, (a.get("href") or "").strip()) for a in node.iter("a")]
    links = [(a, h) for a, h in links if h and not h.startswith("#")]
    # "View all 24 photos", or "Vollbild" when it opens the gallery's own page
    # (a full-screen link opens a gallery only in a box of several pictures: under one thumbnail it
    # opens another page's gallery, a promotion for it)
    several = next(islice(node.iter("img", "amp-img"), 1, None), None) is not None
    to_gallery = {a for a, h in links if _ALL_PICTURES.search(text := text_content(a))
                  or several and _FULL_SCREEN.fullmatch(text) and _GALLERY_ADDRESS.search(h)}
    pages = {h for a, h in links if a in to_gallery}
    if several and len(pages) == 1:
        # the gallery's title may link to its page too: "Photos: Life along the river"
        to_gallery |= {a for a, h in links if h in pages}
    return all(_IMAGE_URL.search(h) or a in to_gallery for a, h in links) and (len(links) >= 2 or bool(to_gallery))


def _headline_link(node) -> bool:
    """A headline written without a heading tag: in a box of little text, a block whose whole text
    is one link of four words or more to another page."""
    links = _LINKS(node)
    if not links and not _HAS_LINK(node):
        return False
    raw = text_content(node)
    if len(raw) > 8 * _CARD_TEXT or len(clean(raw)) > _CARD_TEXT:
        return False
    for link in links:
        block = link.getparent()
        href = link.get("href") or ""
        if block is None or tag_of(block) not in ("div", "p", "span", "strong", "b") or _IMAGE_URL.search(href) \
                or href.strip().lower().startswith(("javascript:", "mailto:")):
            continue
        text = clean(text_content(link))
        if len(text.split()) >= 4 and clean(text_content(block)) == text and _role(block) is None:
            return True
    # one link around the picture and a headline to another page: "<a href=/other-story><img>
    # <span>Olching bekommt neues Gerätehaus</span></a>" (not its caption: no <figcaption>, not the alt)
    for link in _PICTURE_LINKS(node):
        href = (link.get("href") or "").strip()
        if not href or _IMAGE_URL.search(href) or href.lower().startswith(("javascript:", "mailto:")) \
                or _HAS_FIGCAPTION(link):
            continue
        text = clean(text_content(link))
        alts = {clean(img.get("alt") or "") for img in link.iter("img")}
        block = link.getparent()
        # (a lightbox link around the picture and its caption says who made it: "… | Foto: Reuters")
        if len(text.split()) >= 4 and text not in alts and not _CREDIT_WORD.search(text) and block is not None \
                and clean(text_content(block)) == text and _role(block) is None:
            return True
    return False


_PICTURE_LINKS = etree.XPath(".//a[@href][not(starts-with(@href, '#'))][.//img]")
_HAS_FIGCAPTION = etree.XPath("boolean(.//figcaption)")


_CARD_TEXT = 600  # the most text a story card holds: topic, headline, a summary of a few lines, "more"


def _summary_card(node) -> bool:
    """A box of a headline and one paragraph that is another story's summary, not story text: little
    text in all, and the headline links to another page or the paragraph is cut off ("… Damit
    rückt eine…")."""
    raw = text_content(node)
    if len(raw) > 8 * _CARD_TEXT or len(clean(raw)) > _CARD_TEXT:
        return False
    if any(href.strip() and not href.strip().startswith("#") for href in _HEADING_LINKS(node)):
        return True
    return any(clean(text_content(p)).endswith(("…", "...")) for p in node.iter("p"))


# a link to a picture's file: a lightbox's, which opens the picture larger, leads to no other page
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)\s*(?:$|[?#])", re.IGNORECASE)


def _links_elsewhere(node, own_path: str = "") -> bool:
    """Does ``node`` hold a link to another page: not to a picture's file, not within the page, not
    to the page itself (``own_path``: its share and comment links), and no script's or mail link?"""
    for link in node.iterdescendants("a"):  # (most boxes' first link decides: no list of them all)
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or _PICTURE_FILE.search(href) \
                or href[:11].lower().startswith(("javascript:", "mailto:", "tel:")):
            continue
        if own_path and url_path(href) == own_path:
            continue
        return True
    return False


_HEADING_LINKS = etree.XPath("(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)//a/@href")


def _link_of(element, unit) -> str | None:
    """Where the picture links to, when it links to another page."""
    for node in ancestors(element):
        if tag_of(node) == "a":
            href = (node.get("href") or "").strip()
            return None if not href or href.startswith("#") or _IMAGE_URL.search(href) else href
        if node is unit:
            break
    return None


# Shops and affiliate networks: a picture that links there is a product advertisement.
_SHOP_HOSTS = ("amzn.to", "amazon.", "ebay.", "awin1.com", "shareasale.com", "skimresources.com",
               "go.redirectingat.com", "anrdoezrs.net", "jdoqocy.com", "tkqlhce.com", "dpbolvw.net",
               "linksynergy.com", "click.linksynergy", "pntra.com", "avantlink.com", "howl.me", "shopstyle.")


_ONLY_EMAIL = re.compile(r"^\s*[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}\s*$", re.IGNORECASE)

# The label the law or custom puts on an advertisement, standing alone where a caption would be.
_AD_LABEL = re.compile(r"^\W*(?:anzeige|werbung|advertisement|advert|ad|sponsored|sponsored content|gesponsert|"
                       r"paid content|paid post|advertorial|publicidad|publicité|pubblicità|reklame|annonce|"
                       r"patrocinado|reklama)\W*$", re.IGNORECASE)

def _ad_label(element, unit, caption: str | None) -> str | None:
    """The advertisement label that stands alone where the picture's caption would be, if any: the
    caption read, or (when none was) the whole short text of the picture's unit."""
    text = caption
    if text is None and unit is not element:
        text = visible_text(unit)
    return text if text and len(text) <= 40 and _AD_LABEL.match(text) else None


# Campaign parameters that mark a link as an affiliate (paid) one: "?utm_medium=affiliates".
_AFFILIATE = re.compile(r"[?&](?:utm_medium|utm_source|utm_campaign)=[^&#]*affiliat", re.IGNORECASE)


def _shop_link(element, unit) -> str | None:
    for node in ancestors(element):
        if tag_of(node) == "a":
            href = (node.get("href") or "").lower()
            host = href.split("://", 1)[-1].split("/", 1)[0] if "://" in href else ""
            shop = next((shop for shop in _SHOP_HOSTS if shop in host), None)
            return shop or (f"{host or 'a page'}, an affiliate link" if _AFFILIATE.search(href) else None)
        if node is unit:
            break
    return None


# Path segments of the pages a site keeps about its writers.
_AUTHOR_SEGMENTS = frozenset({"author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore",
                              "autori", "journalist", "journalists", "journalisten"})


def _author_elements(root):
    """``[rel=author]``, ``[itemprop=author]``, ``meta[name=author][content]`` (a Python walk: faster
    than an XPath that compares three attributes on every element)."""
    return (e for e in root.iter(etree.Element) if e.get("rel") == "author" or e.get("itemprop") == "author"
            or (e.get("name") == "author" and e.get("content") is not None))


def _author_surnames(root) -> frozenset:
    """The story's authors as its byline or metadata name them (``a[rel=author]``, ``itemprop=author``,
    ``<meta name=author>``): (first name, surname) pairs in lower case. Not a house or an agency
    ("Associated Press", "Redaktion"): a name of two to four words, each capitalised."""
    names = set()
    for found in islice(_author_elements(root), 20):
        text = found.get("content") or "" if tag_of(found) == "meta" else text_content(found)
        words = clean(text[:80]).split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words) \
                and not _ORG_NAME.search(" ".join(words)):
            names.add((words[0].lower(), words[-1].lower()))
    return frozenset(names)


_ORG_NAME = re.compile(r"\b(?:press|news|agency|agentur|agence|redaktion|rédaction|staff|team|desk|media|online|"
                       r"zeitung|times|post|reuters|associated)\b", re.IGNORECASE)


def _names_an_author(element, src: str | None, authors) -> str | None:
    """Which of the picture's file name or alt text names one of the story's authors in full, if
    any: a picture of the writer ("Max-Steinbeis.jpeg", alt "Max Steinbeis Portrait", by Maximilian
    Steinbeis) beside the story is their portrait (a donation box, an author box), not the story's
    picture. The surname alone is not enough ("wolf-harz.jpg" in a story by Thomas Wolf)."""
    if not authors:
        return None
    stem = _url_parts(src)[2] if src else ""
    for where, words in (("its file name", _URL_TOKENS.split(stem)),
                         ("its alt text", re.findall(r"[^\W\d_]+", (element.get("alt") or "").lower()))):
        for first, last in authors:
            if last in words and any(len(w) >= 3 and (first.startswith(w) or w.startswith(first))
                                     for w in words if w != last):
                return where
    return None


def _author_link(element, unit) -> bool:
    """The picture links to a writer's page (``/author/jane-doe/``), or stands in a small box with
    no caption whose link goes there (a bio box after the story: "<b>Jane Doe</b> covers City Hall.
    <a href=/authors/jane-doe>More by Jane</a>"): the author's portrait."""
    for node in ancestors(element):
        if tag_of(node) == "a":
            return _to_author_page(node)
        if node is unit:
            break
    if unit is element or tag_of(unit) == "figure" or next(unit.iter("figcaption"), None) is not None:
        return False
    links = _LINKS_AWAY(unit)
    if not links or len(links) > 3 or not any(_to_author_page(a) for a in links):
        return False
    text = visible_text(unit)
    return len(text) < 400 and not _CREDIT_WORD.search(text)


def _to_author_page(link) -> bool:
    href = (link.get("href") or "").lower()
    _, segments, _ = _url_parts(href) if href else ("", [], "")
    return bool(_AUTHOR_SEGMENTS.intersection(segments[:-1] if len(segments) > 1 else segments))


# a credit's own words in a box: then its link to a writer's page names the photographer
_CREDIT_WORD = re.compile(r"\b(?:photo|foto|bild|image|credit|copyright|fotograf)|©", re.IGNORECASE)


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])", re.IGNORECASE)


def _card_link(element, caption_element, base_url: str | None) -> str | None:
    """Where a link goes that holds both the picture and the text read as its caption, when that is
    another page: a teaser whose picture and headline are one link ("<a href=/other-story><img>
    <span>Headline</span></a>"). A link to the story's own picture page (an address under the
    story's own, a lightbox) opens the same picture larger."""
    link = _picture_link(element)
    if link is None:
        return None
    href, node = link
    if caption_element is not node and node not in set(ancestors(caption_element)):
        return None
    if any(_IMAGE_FILE.search(v) for k, v in node.attrib.items() if k != "href"):
        return None  # a lightbox link: data-img="…/original.jpg" is what it opens
    return None if _under_page(href, base_url) else href


def _titled_link(unit, caption: str, caption_element, base_url: str | None) -> str | None:
    """Where a link in the unit, beside the caption, goes whose text is the caption, when that is
    another page: the caption is that page's title ("Omikron-Symptome: Diese sollten Sie kennen"
    and a "Zum Artikel" link with the same words). A caption that is itself a link to its source
    stays a caption."""
    wanted = caption.casefold().strip(" .")
    inside = set(caption_element.iter("a")) if caption_element is not None else set()
    for link in unit.iter("a"):
        if link in inside:
            continue
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")) or _IMAGE_URL.search(href):
            continue
        title = clean(text_content(link)).casefold().strip(" .")
        # the title alone, or with a short label after it ("… kennen 10 Bilder")
        if title and wanted.startswith(title) and (title == wanted or len(title.split()) >= 3
                                                   and len(wanted[len(title):].split()) <= 3) \
                and not _under_page(href, base_url):
            return href
    return None


def _picture_link(element, stop=None):
    """The link around a picture, up to ``stop``, when it goes to another page (not to the
    picture's file, an anchor or a script): ``(href, the <a> element)``, or None."""
    link = next(element.iterancestors("a"), None)  # (found in C; most pictures have no link around them)
    if link is None:
        return None
    if stop is not None and stop is not link:
        for node in element.iterancestors():  # the link must stand below ``stop``
            if node is link:
                break
            if node is stop:
                return None
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")) or _IMAGE_URL.search(href):
        return None
    if _IMAGE_IN_PATH.search(href):
        return None  # a picture's other rendition ("…/17-deeds.png/940x540nocrop2/24.482.309")
    return href, link


def _teaser_list(element, unit, base_url: str | None) -> str | None:
    """A story teaser: the picture links to another page, and that link holds a headline too, or
    the pictures of the items beside its unit that look the same (same tag and class) link to pages
    of their own. Returns which of the two, with the element, for ``--why``. A story's own pictures
    open larger copies or nothing; pictures that each lead elsewhere are an onward journey."""
    link = _picture_link(element)
    if link is None or _under_page(link[0], base_url):
        return None
    href, anchor = link
    if _HAS_HEADING(anchor):
        return f"its picture and a headline are one link to another page ({describe_element(anchor)})"
    if unit is element:
        return None
    # the unit's alike siblings, or its card's (a card holds the headline beside the picture's unit)
    item = unit
    for _ in range(2):
        parent = item.getparent()
        if parent is None:
            return None
        signature = (item.tag, item.get("class"))
        if signature[1] or signature[0] in ("li", "article"):  # (unmarked paragraphs are running text)
            for sibling in parent:
                if sibling is item or (sibling.tag, sibling.get("class")) != signature:
                    continue
                for img in sibling.iter("img"):
                    other = _picture_link(img, sibling)
                    if other and other[0] != href and not _under_page(other[0], base_url) \
                            and not _slides_of_one_gallery(href, other[0]):
                        return f"one of a list of pictures that each link to another page ({describe_element(parent)})"
                    break
        item = parent
    return None


def _slides_of_one_gallery(href: str, other: str) -> bool:
    """Do two pictures link to the pages of one gallery (``/galeria/g-2026-tatry/1/`` and ``…/2/``, or
    one gallery page with the slide in its query): its slides, not teasers for other stories?"""
    try:
        address, other_address = urlsplit(href.strip()), urlsplit(other.strip())
    except ValueError:  # ("http://[broken/…": no address to compare)
        return False
    (first, _, one), (second, _, two) = (a.path.rstrip("/").rpartition("/") for a in (address, other_address))
    if (first, one) == (second, two):
        # one gallery page, the slide in its query: "/galerie/zpravy/2218734/vlak?foto=1", "…?foto=2"
        # (not "/gallery.php?id=3" and "?id=8": one script serving other galleries)
        return _GALLERY_ADDRESS.search(f"{first}/{one}") is not None and _one_slide_apart(address, other_address)
    # (the slides' own numbers: a list of other galleries under /galeria/<name> is a list of teasers)
    return bool(first) and first == second and one.isdigit() and two.isdigit() and len(one) <= 3 and len(two) <= 3 \
        and _GALLERY_ADDRESS.search(first) is not None


_SLIDE_KEYS = frozenset({"foto", "photo", "slide", "image", "img", "bild", "pic", "picture", "n", "nr", "index", "idx"})


def _one_slide_apart(first, second) -> bool:
    """The same page (two split addresses) on the same host, differing in one query parameter that
    numbers a slide (``?foto=1``, ``?foto=2``)."""
    if first.netloc != second.netloc:
        return False
    one, two = dict(parse_qsl(first.query)), dict(parse_qsl(second.query))
    differ = [k for k in one.keys() | two.keys() if one.get(k) != two.get(k)]
    # ("?page=2" numbers a slide of one gallery named by its id, "/articles/gallery/318842?page=2", and a
    # list's pages under a bare "/fotogalerie?page=2")
    key = differ[0].lower() if len(differ) == 1 else ""
    return (key in _SLIDE_KEYS or key in ("page", "p") and re.search(r"\d{4,}", first.path) is not None) and all(
        (q.get(differ[0]) or "").isdigit() and len(q[differ[0]]) <= 3 for q in (one, two))


def links_to_other_page(element, base_url: str | None = None) -> bool:
    """Is the picture a link to another page (a teaser's picture)?"""
    return _is_link_teaser(element, None, base_url)


def _is_link_teaser(element, unit, base_url: str | None = None) -> bool:
    """The picture is a link to another page (not to a larger copy of itself, nor to the story's own
    page for the picture, under the story's address: ``story-16604622/picture-16604694.html``)."""
    link = _picture_link(element, unit)
    return link is not None and not _under_page(link[0], base_url)


def _onward_link(unit, image, caption_element, base_url: str | None) -> str | None:
    """The first link in the unit to another page (not an anchor, a script, a picture's file or the
    page itself) that stands beside the picture and its caption: a title's or a "read more" link.
    A link around the picture (to its gallery) or in its caption (to a topic page) is none."""
    around = set(ancestors(image))
    for link in unit.iter("a"):
        if link in around or _in_caption(link, unit, caption_element):
            continue
        href = (link.get("href") or "").strip()
        if links_elsewhere(href) and not _under_page(href, base_url):
            return href
    return None


def links_elsewhere(href: str | None) -> bool:
    """Does a link lead to a page (not an anchor, a script, an address or a picture's file)?"""
    href = (href or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:")) and not _IMAGE_URL.search(href) \
        and not _IMAGE_IN_PATH.search(href)


def _in_caption(node, unit, caption_element) -> bool:
    """Is the node in the caption element, or in a <figcaption>, below the unit?"""
    for ancestor in ancestors(node):
        if ancestor is unit:
            return False
        if ancestor is caption_element or tag_of(ancestor) == "figcaption":
            return True
    return False


def _under_page(href: str, base_url: str | None) -> bool:
    """Does a link lead to the page itself or under its address (with or without its ".html")?"""
    page = _path_of(base_url) if base_url else ""
    if not page:
        return False
    try:
        target = _path_of(urljoin(base_url, href))
    except ValueError:
        return False
    page = re.sub(r"\.[a-z]{3,5}$", "", page)
    return target == page or target.startswith(page + "/") or re.sub(r"\.[a-z]{3,5}$", "", target) == page
