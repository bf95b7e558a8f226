"""One pass over the parsed page that collects the elements every extractor needs.

A full-document XPath costs about as much as walking the tree once; the extractors used to make a
dozen. ``root.iter(*tags)`` filters by tag in C, so this one walk yields only the few hundred
elements that matter, and the cheap substring tests on the source text decide which rare,
whole-document searches are worth making at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .dom import HAS_IMG, POSTER_VIDEO, has_poster

_TAGS = ("img", "amp-img", "video", "p", "h1", "script", "meta", "link", "title", "html", "figcaption", "time")
#: Elements a script turns into a picture from their data-src ("delayed images"): BBC's <div>, a
#: gallery's <span> or <li>
DELAYED_IMAGE_TAGS = frozenset({"div", "span", "li", "a", "figure", "picture", "section"})
# the tag name at the start of a start tag's source text
_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)\s")
_SHOWS = ("img", "amp-img", "picture", "video", "iframe", "svg", "canvas", "audio", "object", "embed",
          "blockquote", "table", "pre", "code")
# a figure with a caption and nothing that shows (or quotes) anything: no picture, video, frame,
# drawing, quotation, table or code (_SHOWS), and no custom element that may render one
_EMPTY_FIGURE = etree.XPath(
    "boolean(.//figcaption[normalize-space()]) and not(.//*[contains(local-name(), '-')])")
# The data attributes that make rarer walks worth making: one search of the source text for all of
# them, cheaper than a substring search for each.
_DATA_ATTRIBUTES = re.compile(r"data-(src|caption|credit|original|image(?=\s*=)|auditor-ignore)")
#: a picture file's address, absolute or from the site's root
PICTURE_URL = re.compile(r"^\s*(?:https?:)?/\S*\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])", re.IGNORECASE)
# Image-like custom elements (<amp-img>, <storefront-image>, <brick-image-v3>) and BBC-style
# delayed-image <div>s, in document order with the <img>s.
_CUSTOM_IMAGE_TAG = re.compile(r"<[a-z][a-z0-9]*-(?:[a-z0-9-]*-)?(?:img|image)(?:-v\d+)?[\s>/]")
_CUSTOM_IMAGE_TAG_SOURCE = re.compile(rb"<[a-z][a-z0-9]*-(?:[a-z0-9-]*-)?(?:img|image)(?:-v[\d\x80-\xff]+)?[\s>/\x80-\xff]")
_ALL_IMAGES = etree.XPath(f"//img|//amp-img|//{POSTER_VIDEO}|" + "".join(f"//{tag}[@data-src]|" for tag in sorted(DELAYED_IMAGE_TAGS))
                          + "//*[contains(local-name(), '-')]"
                          "[substring(local-name(), string-length(local-name()) - 3) = '-img' or "
                          "contains(local-name(), '-image')]")
_ROLE_IMG_ANY = etree.XPath("//*[@role='img']")
_ROLE_IMG_TEXT = re.compile(r"role=[\"']?img\b")
# in the UTF-8 bytes, without the word boundary (a letter beyond ASCII may follow): none, no box.
# (From its "=", the rarer byte: the search skips to it faster than to each "r".)
_ROLE_IMG_SOURCE = re.compile(rb"=(?<=role=)[\"']?img")


def _role_img_box(text: str) -> bool:
    """Does a box (not an <svg> icon, which many pages mark role="img") call itself a picture? The
    start tag of each ``role="img"`` in the source says; the whole-tree XPath runs only then."""
    for match in _ROLE_IMG_TEXT.finditer(text):  # (a pattern with a literal start: faster than str.find)
        tag = _TAG_NAME.match(text, text.rfind("<", 0, match.start()))
        if tag and tag.group(1).lower() in DELAYED_IMAGE_TAGS:
            return True
    return False


def _role_img_boxes(root) -> list:
    """The boxes (not <svg>s) marked role="img", in document order."""
    return [e for e in _ROLE_IMG_ANY(root) if e.tag in DELAYED_IMAGE_TAGS]
# an itemtype that names a picture; the XPath walks the whole tree, so only when it pays
_MICRODATA_TYPE = re.compile(r"item[tT]ype\s*=\s*[\"']?[^\"'\s>]*(?:ImageObject|Photograph)")
# (from its "y", the rarest byte of "itemtype": the search skips to it faster than to each "i")
_MICRODATA_TYPE_SOURCE = re.compile(
    rb"y(?<=item[tT]y)pe[\s\x80-\xff]*=[\s\x80-\xff]*[\"']?[^\"'\s>]*(?:ImageObject|Photograph)")
_MICRODATA_IMAGES = etree.XPath("//*[@itemscope][contains(@itemtype, 'ImageObject') or "
                                "contains(@itemtype, 'Photograph')]")


def _json_caption(source) -> bool:
    """Does a caption's key stand in JSON in an attribute (its quotes escaped)? One pass over the
    source: its "caption&" are few."""
    key, quotes = (b"caption&", (b"quot;", b"#34;")) if isinstance(source, bytes) else ("caption&", ("quot;", "#34;"))
    at = source.find(key)
    while at >= 0:
        if source.startswith(quotes, at + len(key)):
            return True
        at = source.find(key, at + len(key))
    return False


_JSON_ATTRIBUTES = etree.XPath("//@*[contains(., 'caption')][starts-with(normalize-space(.), '{') or "
                               "starts-with(normalize-space(.), '[')]")


@dataclass
class PageScan:
    """The elements of one page that extraction reads, in document order within each list."""

    root: object
    images: list = field(default_factory=list)  # <img>, <amp-img>, <video poster> (+ <div data-src> when present)
    paragraphs: list = field(default_factory=list)
    headlines: list = field(default_factory=list)  # <h1>
    jsonld: list = field(default_factory=list)  # <script type="application/ld+json">
    scripts: list = field(default_factory=list)  # every other inline <script> (script-state fallback)
    metas: list = field(default_factory=list)
    links: list = field(default_factory=list)
    title: object = None
    html: object = None
    microdata_images: list = field(default_factory=list)
    times: list = field(default_factory=list)  # <time>: a story's date, in its byline or header
    comments: list = field(default_factory=list)  # only when the source mentions "auditor-"
    has_ignores: bool = False  # the source has data-auditor-ignore attributes
    marks_body: bool = True  # the source names "articleBody" (an itemprop may mark the story's body)
    json_attributes: list = field(default_factory=list)  # attribute values that are JSON naming a caption


def scan(root, text: str, source: bytes | None = None) -> PageScan:
    """The elements of the page ``root``, parsed from ``text``; ``source`` is the UTF-8 bytes the text
    was decoded from, if it was: the searches of the source text run on them, cheaper than on text."""
    page = PageScan(root)
    captioned = False  # the page has a <figcaption>
    tags = _TAGS + (etree.Comment,)  # (in the one walk: cheaper than searching the whole text for "auditor-")
    images, paragraphs, headlines, jsonld = page.images, page.paragraphs, page.headlines, page.jsonld
    for element in root.iter(*tags):
        tag = element.tag
        if tag == "p":
            paragraphs.append(element)
        elif tag == "img" or tag == "amp-img":
            images.append(element)
        elif tag == "video":
            if has_poster(element):
                images.append(element)  # its poster is a picture, shown until the video plays
        elif tag == "meta":
            page.metas.append(element)
        elif tag == "script":
            if (element.get("type") or "").strip().lower() == "application/ld+json":
                jsonld.append(element)
            else:
                page.scripts.append(element)  # .text is read only if the fallback runs: it copies
        elif tag == "link":
            page.links.append(element)
        elif tag == "h1":
            headlines.append(element)
        elif tag == "title":
            if page.title is None:
                page.title = element
        elif tag == "html":
            if page.html is None:
                page.html = element
        elif tag == "figcaption":
            captioned = True
        elif tag == "time":
            page.times.append(element)
        elif "auditor-" in (element.text or ""):
            page.comments.append(element)  # a suppression comment
    # (None from the bytes: a character beyond ASCII where one was searched for, the text decides)
    found = _data_attributes_in(source) if source is not None else None
    data_attributes, described, delayed = found if found is not None else _data_attributes(text)
    page.has_ignores = "auditor-ignore" in data_attributes
    page.marks_body = b"articleBody" in source if source is not None else "articleBody" in text
    if _json_caption(source if source is not None else text):
        # a component's pictures, captions and credits as JSON in an attribute (a gallery's slides,
        # shown in an overlay: <div element-article-galleryoverlay="{&quot;data&quot;: [...]}">)
        page.json_attributes = _JSON_ATTRIBUTES(root)
    # rare: delayed <div>s and custom image elements, in document order with the <img>s. The source
    # text says cheaply whether there are any; a walk filtered by tag in C finds the <div>s (a
    # whole-document XPath with a predicate costs several times as much).
    if _has_custom_image_tag(text, source):
        page.images = _ALL_IMAGES(root)
    elif delayed & DELAYED_IMAGE_TAGS:
        # one tag-filtered walk: the <img>s again, with the delayed images (<div data-src>,
        # <span data-src>) in their places
        page.images = [e for e in root.iter("img", "amp-img", "video", *(delayed & DELAYED_IMAGE_TAGS))
                       if e.tag in ("img", "amp-img") or e.get("data-src") is not None
                       or (e.tag == "video" and has_poster(e))]
    extra: list = []
    if "original" in data_attributes:
        # gallery items that carry their picture in data-original, with no <img> until a script
        # builds one (<li data-original="…/slide.jpg">); their legends may stand in a list beside them
        extra += [e for e in root.iter("li") if e.get("data-original") is not None and not HAS_IMG(e)]
    if "image" in data_attributes:
        # a responsive-image placeholder a script turns into an <img>: <span class="resimg"
        # data-image="…/photo.jpg">; the address must be a picture's (data-image also holds ids)
        extra += [e for e in root.iter("span", "div", "a", "figure", "picture")
                  if PICTURE_URL.search(e.get("data-image") or "") and not HAS_IMG(e)]
    if (source is None or _ROLE_IMG_SOURCE.search(source)) and _role_img_box(text):
        # an element the page itself calls a picture (role="img"), its picture a background a script
        # sets from a data attribute: a gallery's tile (<div role="img" data-thumbnail="…/a.jpg">).
        # (The XPath walks the tree in C: icons are role="img" <svg>s on many pages.)
        extra += [e for e in _role_img_boxes(root) if not HAS_IMG(e)
                  and any(name.startswith("data-") and PICTURE_URL.search(value or "")
                          for name, value in e.attrib.items())]
    if captioned:
        # A <figure> with its caption but no picture yet: a placeholder a script fills in
        # (<figure><div class="placeholder"></div><figcaption>…</figcaption></figure>). The cheap
        # tag-filtered walk first: most figures hold an <img>.
        empty = [f for f in root.iter("figure") if next(f.iter(*_SHOWS), None) is None and _EMPTY_FIGURE(f)]
        if empty:
            have = set(page.images)
            extra += [f for f in empty if not any(e in have for e in f.iter())]
    if "caption" in data_attributes or "credit" in data_attributes:
        # Gallery slides that carry picture, caption and credit in data attributes, with no <img>
        # until a script builds one (<div class="gal-slide" data-image=… data-caption=… data-credit=…>);
        # the tags that carry them come from the source text: a tag-filtered walk, not a whole-document XPath
        tags = described - {"img", "amp-img"}
        if tags:
            extra += [e for e in root.iter(*tags) if (e.get("data-caption") is not None
                                                      or e.get("data-credit") is not None) and not HAS_IMG(e)]
    if extra:
        found = set(page.images).union(extra)
        # document order, from a walk over only the tags found (C-filtered, far fewer elements than the page)
        page.images = [e for e in root.iter(*{e.tag for e in found}) if e in found]
    if _names_picture_type(text, source):
        page.microdata_images = _MICRODATA_IMAGES(root)
    return page


def _data_attributes(text: str) -> tuple[set[str], set[str], set[str]]:
    """Which of the data attributes that call for rarer walks the source has (their names without
    "data-"), the tags that carry data-caption or data-credit, and the tags that carry data-src."""
    data_attributes: set[str] = set()
    described: set[str] = set()  # the tags that carry data-caption or data-credit
    delayed: set[str] = set()  # the tags that carry data-src (not data-srcset)
    for match in _DATA_ATTRIBUTES.finditer(text):
        name = match.group(1)
        data_attributes.add(name)
        holders = described if name == "caption" or name == "credit" else \
            delayed if name == "src" and text[match.end():match.end() + 1] in ("=", " ") else None
        if holders is not None:
            tag = _TAG_NAME.match(text, text.rfind("<", 0, match.start()))
            if tag:
                holders.add(tag.group(1).lower())
    return data_attributes, described, delayed


def _names_picture_type(text: str, source: bytes | None = None) -> bool:
    """The source has an ``itemtype`` naming a picture (``itemtype="https://schema.org/ImageObject"``)."""
    return _search(_MICRODATA_TYPE, _MICRODATA_TYPE_SOURCE, text, source)


def _has_custom_image_tag(text: str, source: bytes | None = None) -> bool:
    return _search(_CUSTOM_IMAGE_TAG, _CUSTOM_IMAGE_TAG_SOURCE, text, source)


def _search(pattern, in_source, text: str, source: bytes | None) -> bool:
    """``pattern`` searched for in the text, or, cheaper, ``in_source`` in its UTF-8 bytes: the same
    pattern with a byte beyond ASCII wherever the text's may have a character beyond ASCII (a
    Unicode space or digit). An ASCII match is the text's; a match with such a byte, the text decides."""
    if source is None:
        return pattern.search(text) is not None
    match = in_source.search(source)
    if match is None:
        return False
    return match.group().isascii() or pattern.search(text) is not None


# _DATA_ATTRIBUTES and _TAG_NAME for the UTF-8 bytes, a byte beyond ASCII where the text's may have a
# Unicode space (or a letter in a tag name): such a match is left to the text
_DATA_ATTRIBUTES_SOURCE = re.compile(rb"data-(src|caption|credit|original|image(?=[\s\x80-\xff]*=)|auditor-ignore)")
_TAG_NAME_SOURCE = re.compile(rb"<([a-zA-Z][\w-]*)[\s\x80-\xff]")


def _data_attributes_in(source: bytes) -> tuple[set[str], set[str], set[str]] | None:
    """:func:`_data_attributes` from the page's UTF-8 bytes, or None where a character beyond ASCII
    may answer differently (the text's regexes know Unicode spaces and letters)."""
    data_attributes: set[str] = set()
    described: set[str] = set()
    delayed: set[str] = set()
    for match in _DATA_ATTRIBUTES_SOURCE.finditer(source):
        name = match.group(1).decode()
        if name == "image" and not source[match.end():source.index(b"=", match.end())].isascii():
            return None
        data_attributes.add(name)
        holders = described if name == "caption" or name == "credit" else \
            delayed if name == "src" and source[match.end():match.end() + 1] in (b"=", b" ") else None
        if holders is not None:
            tag = _TAG_NAME_SOURCE.match(source, source.rfind(b"<", 0, match.start()))
            if tag:
                if not tag.group().isascii():
                    return None
                holders.add(tag.group(1).decode().lower())
    return data_attributes, described, delayed
