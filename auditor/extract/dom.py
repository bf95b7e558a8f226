"""Parsing and the small DOM helpers the extractors share.

Parsing is lxml's C HTML parser; everything that walks the tree works on the lxml elements
directly and keeps Python-level loops to the few elements that matter (images, captions, the
article's paragraphs).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from lxml import etree

# Characters that occur inside credits and names but are not text: zero-width spaces and joiners,
# the BOM, soft hyphens, and C1 control characters (a mis-decoded byte: "Mandelplätzchen\x80").
# No-break and other odd spaces become ordinary spaces.
# (removed with a regex: str.translate looks every character up in a dict, slow on long text)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0080-\u009f]+")


def _invisible_out(match) -> str:
    # a control character between two words stood where a visible one was (a mis-decoded dash, a
    # line break): a space; beside a space or a comma it stood for nothing
    text, start, end = match.string, match.start(), match.end()
    if start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum() \
            and any("\u0080" <= c <= "\u009f" for c in match.group()):
        return " "
    return ""


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

#: Elements whose text a reader never sees as text.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option",
                       "iframe", "object", "head", "title", "textarea"})
# Classes of screen-reader-only labels ("Image caption", "Credit...", "hide caption").
_HIDDEN_CLASS = re.compile(
    r"(?:^|[\s_-])(?:off-?screen|visually-?hidden|sr-only|screen-?reader(?:-text|-only)?|u-vh|a11y|"
    r"hidden-?text|hide-?text|is-hidden|visuallyhidden|element-invisible|assistive-text|accessibility|"
    r"hide-?visually|visually-?hide|vh)(?:\s|$)",
    re.IGNORECASE,
)

# Elements whose edges a browser renders as a break: their text does not run into the next.
_BOUNDARY_TAGS = frozenset({"br", "p", "div", "li", "figcaption", "small", "cite", "h1", "h2", "h3", "h4",
                            "h5", "h6", "dd", "dt", "td", "th", "section", "footer", "header", "figure"})

# (collect_ids=False: nothing here looks elements up by id through libxml2's id table, and filling it
# costs about 6% of the parse; duplicate ids, common on real pages, cost more)
_PARSER = etree.HTMLParser(remove_comments=False, remove_pis=True, recover=True,
                           no_network=True, huge_tree=True, default_doctype=False, collect_ids=False)
# the same for the page's own UTF-8 bytes (lxml turns text into UTF-8 for libxml2 anyway: the tree is
# the same, the copy saved)
_UTF8_PARSER = etree.HTMLParser(remove_comments=False, remove_pis=True, recover=True,
                                no_network=True, huge_tree=True, default_doctype=False, encoding="utf-8",
                                collect_ids=False)


HAS_IMG = etree.XPath("boolean(.//img)")
#: A <video> with a picture to show before it plays (an inline placeholder is none), as an XPath step
POSTER_VIDEO = "video[normalize-space(@poster) and not(starts-with(normalize-space(@poster), 'data:'))]"
#: A picture inside: an <img>, or a <video> with its poster
HAS_PICTURE = etree.XPath(f"boolean(.//img|.//{POSTER_VIDEO})")


def has_poster(video) -> bool:
    """:data:`POSTER_VIDEO` for one <video>."""
    poster = (video.get("poster") or "").strip()
    return bool(poster) and not poster.startswith("data:")


class ParseError(Exception):
    """The text could not be turned into an HTML tree."""


def parse(text: str, source: bytes | None = None):
    """Parse HTML text into an lxml element tree root (``<html>``), shaped as a browser builds it;
    ``source``, the UTF-8 bytes the text was decoded from, if given, is parsed instead."""
    declaration = _XML_DECLARATION.match(text)
    if declaration:
        text, source = text[declaration.end():], None
    try:
        root = etree.fromstring(text, _PARSER) if source is None else etree.fromstring(source, _UTF8_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(str(exc)) from None
    except etree.XMLSyntaxError as exc:  # pragma: no cover - recover=True rarely raises
        raise ParseError(str(exc)) from None
    if root is None:
        raise ParseError("the parser found no elements")
    close_void_elements(root)  # one C-filtered walk: cheaper than searching the text for the tags
    return root


# HTML5 void elements that libxml2's HTML 4 parser does not know: it nests what follows them inside
# them (``<picture><source><source><img>`` puts the <img> two levels deep in <source>s). A browser
# never gives them children. (img, br, hr, meta, link, input, area, col, param, base are known.)
VOID_UNKNOWN_TO_LIBXML2 = ("source", "track", "wbr", "embed", "keygen")



def close_void_elements(root) -> None:
    """Move everything libxml2 nested inside a void element to just after it, in order, as the
    HTML5 tree builder would have placed it."""
    # One pass over the tree, filtered by tag in C; deepest first, so that a run of <source>s
    # unwinds from the inside out.
    holders = [e for e in root.iter(*VOID_UNKNOWN_TO_LIBXML2) if len(e) or e.text]
    for element in reversed(holders):
        parent = element.getparent()
        if parent is None:
            continue
        children = list(element)
        text, tail = element.text, element.tail
        element.text = None
        element.tail = text
        index = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(index + offset, child)  # insert() moves the child and its tail
        last = children[-1] if children else element
        if tail:
            last.tail = (last.tail or "") + tail


def clean(text: str | None) -> str:
    """Whitespace-normalised text: invisible characters removed, runs of spaces collapsed."""
    if not text:
        return ""
    # str.split() splits on every Unicode space, no-break and thin spaces included
    if text.isascii():  # (O(1) on str)
        return " ".join(text.split())
    joined = " ".join(text.split())
    # Every invisible character is unprintable, and of them only NEL (U+0085) is a space to split():
    # text that is printable once its spaces are collapsed has none to take out (a C scan, cheaper
    # than the pattern's search: most text beyond ASCII is an accent or a curly quote)
    if "\x85" not in text and joined.isprintable():
        return joined
    return " ".join(_INVISIBLE.sub(_invisible_out, text).split())


def tag_of(element) -> str:
    """The tag name ('' for comments and processing instructions); the HTML parser lower-cases tags."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def text_content(element) -> str:
    """All text in an element, comments excluded (C-speed serialisation)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def reader_text(element) -> str:
    """All text in an element as :func:`text_content`, without the code of the scripts and styles in
    it (a "Follow @writer" button's inline script in a story's last paragraph)."""
    if next(element.iter("script", "style"), None) is None:
        return text_content(element)
    return "".join(_TEXT_OUTSIDE_CODE(element))


_TEXT_OUTSIDE_CODE = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]")


def text_with_breaks(element, text: str | None = None) -> str:
    """All text in an element, as :func:`text_content`, with a space where a ``<br>`` breaks the line
    ("kokobj@yna.co.kr<br>(END)" reads "kokobj@yna.co.kr (END)", as a reader sees it)."""
    if next(element.iter("br"), None) is None:
        return reader_text(element) if text is None else text  # ``text``: the reader_text already read
    # text nodes (a comment's tail too, never its own text) and <br>s, in document order, in C;
    # not the code of scripts and styles
    return "".join(" " if not isinstance(node, str) else node for node in _TEXT_AND_BREAKS(element))


_TEXT_AND_BREAKS = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]|.//br")


def is_hidden_label(element) -> bool:
    """True for screen-reader-only elements and controls (their text is a UI label, not caption or
    credit: "Image caption", "Close")."""
    cls = element.get("class")
    return bool(cls) and _hidden_class(cls)


@lru_cache(maxsize=16384)
def _hidden_class(cls: str) -> bool:
    return bool(_HIDDEN_CLASS.search(cls))


_CONTROL_WORDS = frozenset({"button", "btn"})


@lru_cache(maxsize=16384)
def control_class(cls: str) -> bool:
    """A class that says its element is a button ("close-button", "btn-print", "button print")."""
    return any(_CONTROL_WORDS.intersection(tokens) for tokens in name_tokens(cls))


def is_control_label(element) -> bool:
    """A control written as a <span> or <a> (``<span class="close-button">Close</span>``): a word or two
    and no child elements. Not a box whose class mentions a button it holds ("caption--with-button")."""
    cls = element.get("class")
    return bool(cls) and _control_label(element, cls)


def _control_label(element, cls: str) -> bool:
    if len(element) or len((element.text or "").strip()) > 20:
        return False
    return control_class(cls)


def visible_text(element, skip=None) -> str:
    """The text a reader sees in ``element``: no scripts, no screen-reader labels, no disclosure
    widget's label (a caption's ``<summary>`` "View image in fullscreen", "Bildbeschreibung"), ``<br>``
    as a space; ``skip`` is a set of descendant elements whose text (not tail) to leave out."""
    if not len(element):  # a leaf, as most captions and credits are
        return clean(element.text) if isinstance(element.tag, str) else ""
    parts: list[str] = []
    append = parts.append
    stack = [(element, False)]
    pop, push = stack.pop, stack.append
    while stack:
        node, done = pop()
        if done:
            if node is not element:
                if node.tag in _BOUNDARY_TAGS:
                    append(" ")
                if node.tail:
                    append(node.tail)
            continue
        tag = node.tag
        cls = node.get("class") if isinstance(tag, str) else None
        if node is not element and (not isinstance(tag, str) or tag in SKIP_TAGS or tag == "summary"
                                    or (skip and node in skip)
                                    or (cls and (_hidden_class(cls) or _control_label(node, cls)))):
            if node.tail:
                append(node.tail)
            continue
        if tag in _BOUNDARY_TAGS or (tag == "span" and cls):
            append(" ")
        if node.text and isinstance(tag, str):
            append(node.text)
        push((node, True))
        for child in reversed(node):
            push((child, False))
    return clean("".join(parts))


_TOKEN_SPLIT = re.compile(r"[\s_\-:.]+")
# camelCase and digits split off: "galleryCaption0014" is gallery, caption, 0014
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")


@lru_cache(maxsize=65536)
def name_tokens(names: str) -> tuple[tuple[str, ...], ...]:
    """Class and id values split into words, each word into lower-case tokens:
    ``"sidebar-grid__header articleBody"`` -> ``(("sidebar", "grid", "header"), ("article", "body"))``.

    Tests on tokens, never on substrings: ``share`` is not in ``shareable-item``.
    """
    words = []
    for word in names.split():
        tokens = tuple(t for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", word).lower()) if t)
        if tokens:
            words.append(tokens)
    return tuple(words)


# The elements HTML defines (and the obsolete ones pages still use). Any other tag is a page's own
# name for what the element is (<autor>, <related-articles>, <photo-credit>): it counts as a class.
HTML_TAGS = frozenset(
    ["a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr", "svg", "math", "center", "font", "big", "tt", "strike", "marquee", "nobr", "noindex", "acronym", "frame", "frameset", "noframes", "applet", "basefont", "dir", "image"]) | frozenset(
    # inside <svg> and <math>: drawing and formula elements, never a page's own names
    ["g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textpath", "defs", "use", "symbol", "desc", "metadata", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "foreignobject", "filter", "marker", "view", "switch", "animate", "animatetransform", "animatemotion", "set", "fegaussianblur", "feoffset", "feblend", "fecolormatrix", "feflood", "fecomposite", "femerge", "femergenode", "mi", "mn", "mo", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mtable", "mtr", "mtd", "semantics", "annotation", "mspace", "mstyle"])


def elements_within(elements) -> set:
    """The elements and everything inside them: what membership tests ask about a set of boxes."""
    return {e for element in elements for e in element.iter()}


def element_tokens(element) -> str:
    """An element's class and id as one string, for the token groups in ``vocab`` (which split it
    with :func:`name_tokens` once per distinct string: a string's hash is cached, a tuple's is not),
    and its tag when the tag is the page's own (``<autor>``, ``<related-articles>``)."""
    cls = element.get("class") or ""
    ident = element.get("id")
    names = f"{cls} {ident}" if ident else cls
    tag = element.tag
    if tag not in HTML_TAGS and isinstance(tag, str):
        return f"{names} {tag}" if names else tag
    return names


def describe_element(element) -> str:
    """``div.image-ct#lead line 18``: how ``--why`` names an element."""
    tag = tag_of(element) or "?"
    cls = ".".join((element.get("class") or "").split()[:3])
    ident = element.get("id")
    name = tag + (f".{cls}" if cls else "") + (f"#{ident}" if ident else "")
    return f"{name} line {element.sourceline}" if element.sourceline else name


def ancestors(element, limit: int = 100):
    """The element's ancestors, nearest first (iteratively, whatever the nesting depth)."""
    return islice(element.iterancestors(), limit)  # lxml's own walk: no Python frame per step


def last_line(element) -> int | None:
    """The last source line an element's subtree starts on (an approximation of where it ends)."""
    line = element.sourceline
    for node in element.iterdescendants():
        if node.sourceline and (line is None or node.sourceline > line):
            line = node.sourceline
    return line
