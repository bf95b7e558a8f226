"""Structured data: JSON-LD and microdata ``ImageObject``s, and the page facts they carry."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from ..model import StructuredImage, picture_identity
from .dom import ancestors, clean, text_content
from .scan import PICTURE_URL
from .state import CAPTION_KEYS, CREDIT_KEYS

_IMAGE_TYPES = {"imageobject", "photograph"}
_MAX_JSON_CHARS = 2_000_000
_MAX_NODES = 20_000
_ID_SEGMENT = re.compile(r"[0-9a-f]{16,}|\d{6,}|[A-Za-z0-9_-]{20,}")


@dataclass
class PageFacts:
    """Article-level facts from structured data, used when the page's meta tags are silent."""

    headline: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class StructuredIndex:
    """Structured images, findable by the URL of the visible image or by the element around it."""

    images: list[StructuredImage] = field(default_factory=list)
    facts: PageFacts = field(default_factory=PageFacts)
    _by_key: dict = field(default_factory=dict)
    _by_segment: dict = field(default_factory=dict)
    _by_element: dict = field(default_factory=dict)
    _by_identity: dict = field(default_factory=dict)

    def add(self, image: StructuredImage, element=None, urls=()) -> None:
        self.images.append(image)
        if element is not None:
            self._by_element[element] = image
        for url in (image.url, *urls):
            if not url:
                continue
            self._by_key.setdefault(_url_key(url), image)
            for segment in _id_segments(url):
                self._by_segment.setdefault(segment, image)
            identity = picture_identity(url)
            if identity and len(identity) >= 8:
                self._by_identity.setdefault(identity, image)

    def for_element(self, element, url: str | None) -> StructuredImage | None:
        """The structured image for a visible image: by enclosing microdata scope, then by URL."""
        for node in ancestors(element, limit=8):
            if node in self._by_element:
                return self._by_element[node]
        if not url or not self.images:
            return None
        found = self._by_key.get(_url_key(url))
        if found:
            return found
        for segment in _id_segments(url):
            if segment in self._by_segment:
                return self._by_segment[segment]
        # the same picture in another size ("bridge-closed-800x600.jpg" for "bridge-closed.jpg"): its
        # credit, which counts wherever the page says it; not its caption, which a reader sees only
        # where the page shows it (and this copy shows none)
        identity = picture_identity(url) if self._by_identity else None
        found = self._by_identity.get(identity) if identity else None
        return replace(found, caption=None) if found is not None and found.caption else found


def _split(url: str):
    try:
        return urlsplit(url.strip())
    except ValueError:  # "Invalid IPv6 URL": a stray "[" in the URL; read it as a bare path
        return urlsplit("/" + url.strip().replace("[", "%5B").replace("]", "%5D").split("://", 1)[-1])


def _url_key(url: str) -> str:
    parts = _split(url)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path}".rstrip("/")


def _id_segments(url: str) -> list[str]:
    path = _split(url).path
    return [m.group() for m in _ID_SEGMENT.finditer(path)]


def read_structured(page) -> StructuredIndex:
    """JSON-LD and microdata images of a :class:`~auditor.extract.scan.PageScan`."""
    index = StructuredIndex()
    for script in page.jsonld:
        data = _load_json(script.text or "")
        if data is None:
            continue
        _walk_jsonld(data, script.sourceline, index)
    for scope in page.microdata_images:
        image = _microdata_image(scope)
        if image is not None:
            index.add(image, element=scope)
    for value in page.json_attributes:
        data = _load_json(str(value))
        if data is not None:
            _walk_attribute_json(data, value.getparent().sourceline, index)
    return index




def _walk_attribute_json(data, line: int | None, index: StructuredIndex, depth: int = 0) -> None:
    """The pictures a component's JSON attribute describes: each object with a caption or credit and
    the picture's addresses among its values, or in an object of sizes beside them (``"packages":
    {"big": …, "thumb": …}``), whatever the component calls them."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data[:_MAX_ATTRIBUTE_PICTURES]:
            _walk_attribute_json(item, line, index, depth + 1)
        return
    if not isinstance(data, dict):
        return
    caption = next((_text(data[k]) for k in CAPTION_KEYS if isinstance(data.get(k), str)), None)
    credit = next((_text(data[k]) for k in CREDIT_KEYS if isinstance(data.get(k), str)), None)
    if caption or credit:
        urls = [v for v in _strings_in(data) if PICTURE_URL.search(v)]
        if urls:
            index.add(StructuredImage(url=urls[0], origin="attribute", line=line, caption=caption,
                                      credit_text=credit), urls=urls[1:])
            return
    for value in data.values():
        if isinstance(value, (list, dict)):
            _walk_attribute_json(value, line, index, depth + 1)


_MAX_ATTRIBUTE_PICTURES = 200


def _strings_in(data: dict):
    """The object's string values, and those of the objects among them (one level down)."""
    for value in data.values():
        if isinstance(value, str):
            yield value.strip()
        elif isinstance(value, dict):
            yield from (v.strip() for v in value.values() if isinstance(v, str))


_WRAPPER_OPEN = re.compile(r"(?://\s*)?<!\[CDATA\[|<!--")


def _load_json(text: str):
    text = text.strip()
    if not text or len(text) > _MAX_JSON_CHARS:
        return None
    # the wrappers old pages put around script text; by the ends, not a regex over the whole text
    opening = _WRAPPER_OPEN.match(text)
    if opening:
        text = text[opening.end():]
    if text.endswith("-->"):
        text = text[:-3]
    elif text.endswith("]]>") and text[:-3].rstrip().endswith("//"):
        text = text[:-3].rstrip()[:-2]
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _text(value) -> str | None:
    """A schema.org value as text: a string, or the name of a Person/Organization, or a list of them."""
    if value is None:
        return None
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("text") or value.get("@value"))
    if isinstance(value, list):
        names = [t for t in (_text(v) for v in value[:5]) if t]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def _types(node: dict) -> set[str]:
    value = node.get("@type")
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, list):
        return {v.lower() for v in value if isinstance(v, str)}
    return set()


def _walk_jsonld(data, line: int | None, index: StructuredIndex) -> None:
    stack = [(data, None)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, key = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend((item, key) for item in reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        types = _types(node)
        if types & _IMAGE_TYPES or (key in ("image", "primaryImageOfPage", "associatedMedia", "thumbnail")
                                    and not types and (node.get("url") or node.get("contentUrl"))):
            image = _jsonld_image(node, line)
            if image is not None:
                urls = [u for u in (node.get("contentUrl"), node.get("thumbnailUrl")) if isinstance(u, str)]
                index.add(image, urls=urls)
            continue
        if types & {"newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage", "analysisnewsarticle",
                    "opinionnewsarticle", "report", "liveblogposting"}:
            facts = index.facts
            facts.headline = facts.headline or _text(node.get("headline"))
            facts.published = facts.published or _text(node.get("datePublished"))
            if "webpage" not in types:
                url = node.get("url") or node.get("mainEntityOfPage")
                facts.url = facts.url or (_text(url.get("@id")) if isinstance(url, dict) else _text(url))
            facts.language = facts.language or _text(node.get("inLanguage"))
        for child_key, value in node.items():
            if isinstance(value, (dict, list)):
                stack.append((value, child_key))


def _jsonld_image(node: dict, line: int | None) -> StructuredImage | None:
    url = node.get("contentUrl") or node.get("url")
    if isinstance(url, list):
        url = url[0] if url else None
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    image = StructuredImage(
        url=url if isinstance(url, str) else None,
        origin="json-ld",
        line=line,
        caption=_text(node.get("caption")) or _text(node.get("description")),
        credit_text=_text(node.get("creditText")),
        copyright_holder=_text(node.get("copyrightHolder")),
        creator=_text(node.get("creator")) or _text(node.get("author")),
        copyright_notice=_text(node.get("copyrightNotice")),
        license=_text(node.get("license")),
    )
    if image.url is None and image.caption is None and image.credit_line is None:
        return None
    return image


def _microdata_image(scope) -> StructuredImage | None:
    props: dict[str, str] = {}
    for element in scope.iterdescendants():
        prop = element.get("itemprop")
        if not prop:
            continue
        # properties of a nested item belong to that item, except the name of a holder/author
        owner = next((a for a in ancestors(element) if a.get("itemscope") is not None), None)
        nested = owner is not None and owner is not scope
        for name in prop.split():
            name = name.lower()
            if nested and name != "name":
                continue
            if nested:
                holder = (owner.get("itemprop") or "").lower()
                if holder and holder not in props:
                    props[holder] = clean(text_content(element))
                continue
            if name in props:
                continue
            if element.get("itemscope") is not None:
                continue
            value = (element.get("content") or element.get("src") or element.get("href")
                     if name in ("url", "contenturl", "thumbnailurl") else
                     element.get("content") or text_content(element))
            value = clean(value)
            if value:
                props[name] = value
    url = props.get("contenturl") or props.get("url")
    if not url:
        img = next(iter(scope.iter("img")), None)
        url = (img.get("src") or img.get("data-src")) if img is not None else None
    image = StructuredImage(
        url=url, origin="microdata", line=scope.sourceline,
        caption=props.get("caption") or props.get("description"),
        credit_text=props.get("credittext"),
        copyright_holder=props.get("copyrightholder"),
        creator=props.get("creator") or props.get("author"),
        copyright_notice=props.get("copyrightnotice"),
        license=props.get("license"),
    )
    if image.caption is None and image.credit_line is None:
        return None
    return image
