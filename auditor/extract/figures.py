"""Article images: which images belong to the story, and their captions and credits."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from ..model import FLAGS, Credit, Figure
from ..registry import AgencyRegistry
from .article import ArticleZone, ChromeMap
from .credits import detect_flags, looks_like_credit, parse_credit, split_caption
from .dom import ancestors, classes, clean, tag_of, text_content, visible_text
from .structured import StructuredIndex

_HAS_IMG = etree.XPath("boolean(.//img)")
_COUNT_FIGURES = etree.XPath("count(.//figure)")
_COUNT_LONG_P = etree.XPath("count(.//p[string-length(normalize-space()) > 150])")
_HAS_HEADING = etree.XPath("boolean(.//h2|.//h3|.//h4|.//h5)")
_HAS_LINK = etree.XPath("boolean(.//a[@href][not(starts-with(@href,'#'))])")
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src",
               "data-lazy", "data-echo", "data-img-src", "data-image", "data-fallback-src", "data-large-src")
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
_IMAGE_URL = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])|/images?/|/img/|/photos?/|/media/|ichef\.|"
                        r"imgix|cloudinary|image\?|/image/", re.IGNORECASE)
# Substrings of tracking-pixel and placeholder URLs (plain substring tests: this runs on every <img>)
_TRACKER_TOKENS = ("pixel", "spacer", "blank.gif", "blank.png", "1x1.", "transparent.gif", "transparent.png",
                   "beacon", "/tracking", "doubleclick", "scorecardresearch", "facebook.com/tr", "googleads",
                   "adservice", "/ads/", "analytics", "/counter", "gravatar", "placeholder", "loading.gif",
                   "lazy.gif", "lazy.png", "grey.gif", "gray.gif", "effectivemeasure", "em_image")


def _is_tracker(src: str) -> bool:
    lower = src[:400].lower()
    return any(token in lower for token in _TRACKER_TOKENS)


_LOGO_TOKENS = ("/icon/", "/icons/", "sprite", "/logo/", "/logos/", "logo.", "logo-", "logo_", "-logo", "_logo",
                "favicon", "/avatar/", "/avatars/", "/emoji")
_LOGO_ALT = re.compile(r"\b(?:logo|icon|avatar)\b", re.IGNORECASE)
_LOGO = re.compile(r"logo|icon|emoji|avatar|badge|sprite|flag-", re.IGNORECASE)

_FIGURE_LIKE = re.compile(r"figure|image|img|photo|picture|pic(?:box|ture)?(?:$|[\s_-])|media|foto|bild|"
                          r"wp-caption|caption|visual|lead-?art|hero|illustration|gallery-?item|slide|"
                          r"asset|picbox|graphic", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|(?:^|[\s_-])source|quelle|attribution|photographer|fotograf|"
                           r"rights|courtesy|author|autor|cr[eé]dito|urheber|bildnachweis|photo-?by|"
                           r"license|licence|signature|provider", re.IGNORECASE)
_CAPTION_CLASS = re.compile(r"caption|legend|leyenda|cutline|unterschrift|(?:^|[\s_-])bu(?:$|[\s_-])|"
                            r"description|(?:^|[\s_-])desc(?:$|[\s_-])|subtitle|figure__text|image-?text|"
                            r"img-?text|media-?text|photo-?text|imagetext|bildtext|figure-?text|"
                            r"caption-?text|text-?caption|epigraph|pie-?de-?foto|piede", re.IGNORECASE)
_CREDIT_PROPS = {"copyrightholder", "author", "creator", "credittext", "copyrightnotice", "provider",
                 "sourceorganization"}
_CAPTION_PROPS = {"caption", "description"}
_UI_LABELS = re.compile(
    r"^(?:image|media|photo|video)\s+(?:caption|copyright)\s*:?\s*|"
    r"\s*(?:hide|toggle|show|close)\s+caption\s*|\s*enlarge\s+(?:this\s+)?image\s*|"
    r"^\s*(?:expand|zoom|fullscreen|vergrößern|vollbild)\s*$|\s+(?:less|more|mehr|weniger)\s*$|"
    r"^\s*\d+\s*/\s*\d+\s+|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device\s*|^\s*(?:bild|image|photo|foto)\s+\d+\s+(?:von|of|de|sur)\s+\d+\s*",
    re.IGNORECASE,
)


def find_figures(page, zone: ArticleZone, registry: AgencyRegistry, index: StructuredIndex,
                 base_url: str | None = None) -> list[Figure]:
    """Every image that belongs to the article, in document order, with caption and credit."""
    figures: list[Figure] = []
    seen: set[str] = set()
    zone_end = _zone_end(zone)
    chrome_map = ChromeMap(zone)
    for element in page.images:
        # Cheapest tests first: most images on a page are navigation, teasers and ads.
        chrome = chrome_map.verdict(element)
        if chrome == "strong":
            continue
        inside = chrome_map.inside(element)
        if not inside and not _before_article_end(element, zone, zone_end):
            continue
        if tag_of(element) == "div" and not _is_image_element(element):
            continue
        src = resolve_src(element)
        if _is_decoration(element, src):
            continue
        if _in_noscript(element) and _has_live_twin(element):
            continue
        caption, caption_line, credit = _describe(element, registry)
        if chrome == "weak" and credit is None:
            continue  # a teaser-like wrapper keeps only pictures that carry a credit
        if not inside:
            # Outside the article's own element: keep a lead image that carries a caption or credit
            # and comes before the article ends; the rest is page furniture.
            if caption is None and credit is None:
                continue
        elif caption is None and credit is None and _is_link_teaser(element):
            continue
        if _is_teaser_card(element, zone):
            continue
        absolute = urljoin(base_url, src) if base_url and src and not src.startswith("data:") else src
        key = _identity(absolute) or f"@{element.sourceline}"
        if key in seen and caption is None and credit is None:
            continue  # a lightbox or responsive copy of a picture already listed
        seen.add(key)
        alt = element.get("alt")
        if alt is None and tag_of(element) == "div":
            alt = element.get("data-alt")  # a delayed image's alt, set when JavaScript makes the <img>
        structured = index.for_element(element, absolute or src)
        if structured is not None:
            if credit is None and structured.credit_line:
                credit = parse_credit(structured.credit_line, registry, line=structured.line,
                                      origin=structured.origin, caption=caption)
            if caption is None and structured.caption:
                caption, _ = split_caption(structured.caption, registry)
                caption = caption or None
                caption_line = structured.line
        flags = sorted(set(detect_flags(caption if caption and caption[:4].isupper() else None)
                           + (credit.flags if credit else [])), key=FLAGS.index)
        figures.append(Figure(line=element.sourceline, src=absolute, alt=clean(alt) if alt is not None else None,
                              caption=caption, caption_line=caption_line, credit=credit,
                              structured=structured, flags=flags))
    return figures


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


def _is_image_element(element) -> bool:
    tag = tag_of(element)
    if tag in ("img", "amp-img"):
        return True
    # BBC-style delayed images: a <div data-src="...jpg"> that becomes an <img> with JavaScript
    data_src = element.get("data-src") or ""
    return bool(_IMAGE_URL.search(data_src)) and not _HAS_IMG(element)


def resolve_src(element) -> str | None:
    """The real image URL, through lazy-loading attributes, ``srcset`` and ``<picture>``."""
    src = (element.get("src") or "").strip()
    if not src or src.startswith("data:") or _is_tracker(src):
        for attr in _LAZY_ATTRS:
            value = (element.get(attr) or "").strip()
            if value and not value.startswith("data:"):
                return value
        for attr in _SRCSET_ATTRS:
            first = _first_srcset(element.get(attr))
            if first:
                return first
        # libxml2 does not know <source> is void, so the <img> may sit inside nested <source>s
        picture = next((a for a in ancestors(element, limit=6) if tag_of(a) == "picture"), None)
        if picture is not None:
            for source in picture.iter("source"):
                first = _first_srcset(source.get("srcset") or source.get("data-srcset"))
                if first:
                    return first
    return src or None


def _first_srcset(value: str | None) -> str | None:
    if not value:
        return None
    first = value.strip().split(",")[0].strip().split(" ")[0]
    return first if first and not first.startswith("data:") else None


def _in_noscript(element) -> bool:
    return any(tag_of(a) == "noscript" for a in ancestors(element, limit=3))


def _has_live_twin(element) -> bool:
    """A <noscript> fallback beside a lazy-loading image of its own: the same picture twice."""
    noscript = next(a for a in ancestors(element, limit=3) if tag_of(a) == "noscript")
    parent = noscript.getparent()
    for _ in range(3):
        if parent is None:
            return False
        for img in parent.iter("img", "amp-img"):
            if not _in_noscript(img):
                return True
        parent = parent.getparent()
    return False


def _is_decoration(element, src: str | None) -> bool:
    """Logos, icons, tracking pixels, spacers."""
    for attr in ("width", "height", "data-width", "data-height"):
        value = (element.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 40:
            return True
    if src and not src.startswith("data:"):
        lower = src[:400].lower()
        path = lower.split("?")[0]
        if _is_tracker(lower) or any(token in path for token in _LOGO_TOKENS) \
                or path.endswith((".svg", ".ico")):
            return True
    elif not src:
        return True
    names = element.get("class")
    if names and _LOGO.search(names):
        return True
    alt = element.get("alt") or ""
    return len(alt) < 60 and bool(_LOGO_ALT.search(alt))


_SIZE_SUFFIX = re.compile(r"(?:[-_.](?:[swh]|w_|h_)?\d{2,4}(?:x\d{2,4})?(?:-c\d+)?|[-_](?:large|medium|small|thumb\w*))$",
                          re.IGNORECASE)


def _identity(url: str | None) -> str | None:
    """A picture's identity across its sizes: ``photo-s1100-c50.jpg`` and ``photo-s1200.jpg`` are one."""
    if not url or url.startswith("data:"):
        return None
    name = url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    name = name.rsplit(".", 1)[0] if "." in name else name
    for _ in range(3):
        shorter = _SIZE_SUFFIX.sub("", name)
        if shorter == name or len(shorter) < 6:
            break
        name = shorter
    return name.lower() or None


def _is_teaser_card(element, zone: ArticleZone) -> bool:
    """A story card: the picture, a headline and a link to another story in one small box."""
    for depth, node in enumerate(ancestors(element, limit=5)):
        if node is zone.root or node in zone.around or tag_of(node) in ("figure", "body", "article", "main"):
            return False
        if depth >= 1 and _HAS_HEADING(node) and _HAS_LINK(node) and _COUNT_LONG_P(node) == 0:
            return True
    return False


def _is_link_teaser(element) -> bool:
    for node in ancestors(element, limit=4):
        if tag_of(node) == "a":
            href = (node.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:")) or _IMAGE_URL.search(href):
                return False
            return True
    return False


# -- caption and credit ----------------------------------------------------------------------

def _describe(img, registry: AgencyRegistry) -> tuple[str | None, int | None, Credit | None]:
    """Caption text, its line, and the parsed credit of one image."""
    container = None
    caption_raw = caption_line = credit_raw = credit_line = None
    for candidate in _containers(img):
        container = container if container is not None else candidate
        caption_raw, caption_line, credit_raw, credit_line = _read_container(candidate, img, registry)
        if (caption_raw and _strip_ui(caption_raw)) or credit_raw:
            container = candidate
            break
    if container is None:
        caption_raw, caption_line, credit_raw, credit_line = _read_siblings(img, registry)

    caption = _strip_ui(caption_raw) if caption_raw else None
    credit_text = _strip_ui(credit_raw) if credit_raw else None
    origin = "visible"
    if credit_text and (len(credit_text) > 200 or not looks_like_credit(credit_text, registry)
                        and len(credit_text.split()) > 12):
        # A "source" element that holds the whole caption: read it as caption text.
        caption = f"{caption} {credit_text}".strip() if caption else credit_text
        caption_line = caption_line or credit_line
        credit_text = None
    if caption:
        caption, glued = split_caption(caption, registry)
        if glued and not credit_text:
            credit_text, credit_line = glued, caption_line
    if not credit_text:
        for attr in ("data-credit", "data-copyright", "data-photographer", "data-image-credit"):
            value = img.get(attr) or (container.get(attr) if container is not None else None)
            if value and clean(value):
                credit_text, credit_line, origin = clean(value), img.sourceline, "attribute"
                break
    alt_caption = None
    if not credit_text or not caption:
        for attr in ("alt", "title", "data-alt", "data-caption", "data-title"):
            value = clean(img.get(attr) or "")
            if not value:
                continue
            head, glued = split_caption(value, registry, in_alt=True)
            if glued:
                if not credit_text:
                    credit_text, credit_line, origin = glued, img.sourceline, "alt"
                alt_caption = head or None
                break
    if not credit_text and tag_of(img) not in ("img", "amp-img"):
        # Broken markup (an unclosed delayed-image <div>) can swallow the credit into the image element.
        own = visible_text(img)
        if own and looks_like_credit(own, registry):
            credit_text, credit_line = own, img.sourceline
    if not caption:
        for source in (img, container):
            value = source.get("data-caption") if source is not None else None
            if value and clean(value):
                caption, glued = split_caption(value, registry)
                caption_line = img.sourceline
                if glued and not credit_text:
                    credit_text, credit_line, origin = glued, img.sourceline, "attribute"
                break
    if not caption and alt_caption:
        caption, caption_line = alt_caption, img.sourceline
    credit = parse_credit(credit_text, registry, line=credit_line, origin=origin, caption=caption) \
        if credit_text else None
    return (caption or None), (caption_line if caption else None), credit


def _strip_ui(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _UI_LABELS.sub(" ", text).strip()
    return clean(text)


def _count_images(node, limit: int = 3) -> int:
    """Distinct pictures under ``node``: a lazy placeholder, its <noscript> twin and a lightbox
    copy in another size are one picture."""
    seen = set()
    for img in node.iter("img", "amp-img"):
        if _in_noscript(img):
            continue
        seen.add(_identity(resolve_src(img)) or id(img))
        if len(seen) >= limit:
            break
    return len(seen)


def _containers(img):
    """Elements that may hold this image and its caption, nearest first: the <figure>, then
    figure-like wrappers that hold this one image and caption or credit parts."""
    path = list(ancestors(img, limit=10))
    figure = None
    for index, node in enumerate(path[:7]):
        if tag_of(node) == "figure":
            figure = node
            yield node
            # A bare <figure> around the picture can have its caption beside it in a wrapper.
            path = path[index + 1:]
            break
        if tag_of(node) in ("article", "main", "body", "section"):
            break
    for depth, node in enumerate(path[:5]):
        tag = tag_of(node)
        if tag in ("article", "main", "body", "section", "ul", "ol"):
            break
        if _count_images(node) > (2 if figure is not None else 1):
            break
        # A wrapper that holds other figures or running text is the story, not this image's frame.
        if _COUNT_FIGURES(node) > (1 if figure is not None else 0) or _COUNT_LONG_P(node) > 1:
            break
        names = classes(node)
        figure_like = bool(names and _FIGURE_LIKE.search(names))
        if _find_parts(node, img, quick=True) and (depth <= 2 or figure_like):
            yield node
        elif figure_like and depth <= 3 and _has_short_text(node, img):
            # DW's legacy "picBox": the image and a bare <p> caption in one wrapper
            yield node
        if tag == "p" and depth >= 1:
            break


def _has_short_text(node, img) -> bool:
    if len(text_content(node)) > 3000:
        return False
    text = _strip_ui(visible_text(node, skip={img}))
    return 0 < len(text) < 500 and len(re.findall(r"[^\W\d_]{2,}", text)) >= 3


@lru_cache(maxsize=65536)
def _class_role(names: str) -> str | None:
    if _CREDIT_CLASS.search(names):
        return "credit"
    if _CAPTION_CLASS.search(names):
        return "caption"
    return None


def _role(element) -> str | None:
    """``credit``, ``caption`` or None, from tag, itemprop and class."""
    tag = tag_of(element)
    if not tag or tag in ("img", "picture", "source", "script", "style", "noscript", "a", "button", "svg"):
        return None
    prop = (element.get("itemprop") or "").lower()
    if prop:
        props = set(prop.split())
        if props & _CREDIT_PROPS:
            return "credit"
        if props & _CAPTION_PROPS:
            return "caption"
    names = classes(element)
    if names:
        role = _class_role(names)
        if role:
            return role
    if tag == "figcaption":
        return "caption"
    if tag == "cite":
        return "credit"
    return None


def _find_parts(container, img, quick: bool = False):
    """Caption and credit elements inside ``container`` (outermost ones only, not around ``img``)."""
    captions, credits = [], []
    img_path = {id(a) for a in ancestors(img, limit=12)}
    for element in container.iterdescendants():
        if id(element) in img_path or element is img:
            continue
        role = _role(element)
        if role is None:
            continue
        if role == "credit" and _holds_caption(element):
            continue  # a "credit-caption" wrapper: its parts are found one by one
        # Only the outermost caption/credit counts; credits inside captions are separate.
        outer = None
        for anc in ancestors(element, limit=10):
            if anc is container:
                break
            if anc in credits:
                outer = "credit"
                break
            if anc in captions and role == "caption":
                outer = "caption"
                break
        if outer:
            continue
        if not clean(text_content(element)):
            continue
        if quick:
            return True
        (credits if role == "credit" else captions).append(element)
    if quick:
        return False
    return captions, credits


def _holds_caption(element) -> bool:
    return any(_role(d) == "caption" for d in element.iterdescendants())


def _trailing_credit_child(caption, registry: AgencyRegistry):
    """The last child block of a caption when it is a credit line of its own (hashed class names
    give no hint: ``<figcaption><p>Caption</p><p>AFP via Getty Images</p></figcaption>``)."""
    children = [c for c in caption if tag_of(c) and clean(text_content(c))]
    if len(children) < 2:
        return None
    last = children[-1]
    text = visible_text(last)
    if text and len(text.split()) <= 8 and looks_like_credit(text, registry):
        return last
    return None


def _read_container(container, img, registry: AgencyRegistry):
    captions, credits = _find_parts(container, img)
    if captions and not credits:
        trailing = _trailing_credit_child(captions[-1], registry)
        if trailing is not None:
            credits = [trailing]
    credit_set = set(credits)
    caption_raw = caption_line = credit_raw = credit_line = None
    if captions:
        texts = [visible_text(c, skip=credit_set) for c in captions]
        texts = [t for t in dict.fromkeys(texts) if t]
        # Shortened duplicates ("caption-truncated") add nothing.
        texts = [t for t in texts if not any(t != o and t.rstrip(".… ") in o for o in texts)]
        caption_raw = " ".join(texts) or None
        caption_line = captions[0].sourceline
    else:
        skip = credit_set | {img}
        text = visible_text(container, skip=skip)
        if text:
            caption_raw = text
            caption_line = _first_text_line(container, skip) or img.sourceline
    if credits:
        texts = [visible_text(c) for c in credits]
        texts = [t for t in dict.fromkeys(texts) if t]
        credit_raw = " ".join(texts[:2]) if texts else None
        credit_line = credits[0].sourceline
    return caption_raw, caption_line, credit_raw, credit_line


def _first_text_line(container, skip) -> int | None:
    for node in container.iterdescendants():
        if node in skip or not tag_of(node):
            continue
        if (node.text or "").strip():
            return node.sourceline
    return None


def _read_siblings(img, registry: AgencyRegistry):
    """No container: a caption or credit in the element right after the image (or its wrapper)."""
    node = img
    for _ in range(3):
        parent = node.getparent()
        if parent is None or _count_images(parent) > 1 or tag_of(parent) in ("body", "article", "main"):
            break
        if len(text_content(parent).strip()) > len(text_content(node).strip()):
            break  # the parent has text of its own: the image's wrapper ends here
        node = parent
    sibling = node.getnext()
    while sibling is not None and not tag_of(sibling):
        sibling = sibling.getnext()
    if sibling is None:
        return None, None, None, None
    role = _role(sibling)
    text = visible_text(sibling)
    if not text or len(text) > 600 or _HAS_IMG(sibling):
        return None, None, None, None
    if role == "credit":
        return None, None, text, sibling.sourceline
    if role == "caption":
        return text, sibling.sourceline, None, None
    if tag_of(sibling) in ("p", "span", "i", "em", "small", "div") and len(text) < 400:
        _, glued = split_caption(text, registry)
        if glued:
            return text, sibling.sourceline, None, None
    return None, None, None, None
