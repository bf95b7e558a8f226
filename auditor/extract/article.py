"""Finding the article in the page: its headline, its body, and the page chrome around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from .dom import SKIP_TAGS, ancestors, classes, clean, tag_of, text_content

# Containers that are page chrome, not article: recognised by class or id.
CHROME = re.compile(
    r"related|recommend|promo(?!tion-?caption)|sidebar|side-bar|advert|(?:^|\s)ads?(?:$|\s|[-_](?:slot|container|"
    r"wrapper|unit|box|banner|block|space|zone|label|leaderboard))|"
    r"ad-?slot|ad-?container|adunit|dfp|social|share|sharing|logo|avatar|author|byline|newsletter|"
    r"(?:^|[\s_-])comments?(?:$|[\s_-])|comment-?list|most-?read|most-?popular|mostpopular|popular|trending|outbrain|taboola|sponsor|breadcrumb|"
    r"subscri|read-?more|more-?stories|more-?from|also-?read|next-?article|next-?story|"
    r"(?:^|[\s_-])nav(?:$|[\s_-])|navigation|navbar|menu|footer|masthead|site-?header|page-?header|"
    r"top-?bar|cookie|consent|onward|storylines?-|(?:^|[\s_-])(?:right-?|side-?)?rail(?:$|[\s_-])|pagination|signup|sign-?up|tags?-?list|"
    r"topics?-?list|card-?list|headlines-?list|latest|further|weitere|empfehl|mehr-?zum|lesen-?sie|"
    r"article-?list|list-?articles|also-?in|in-?case|you-?may|dont-?miss|video-?list|playlist",
    re.IGNORECASE,
)
# Weaker signs: AP calls its lead image a "gallery-teaser"; such images stay when they carry a credit.
WEAK_CHROME = re.compile(r"teaser|widget", re.IGNORECASE)
CHROME_TAGS = frozenset({"nav", "footer", "aside", "header", "form", "menu"})
_BODY_HINT = re.compile(r"article-?body|articlebody|story-?body|post-?content|entry-?content|"
                        r"article__body|article-?text|article-?content|story-?content|body-?text|"
                        r"content-?body|rich-?text|longtext|text-?body|artikel|article_body|paywall-?content",
                        re.IGNORECASE)
_HAS_FIGURE = etree.XPath("boolean(.//figure|.//figcaption)")
_NOT_BODY_TAGS = frozenset({"footer", "nav", "aside", "figcaption", "figure", "noscript", "template"})


class _OutsideText:
    """Is an element (or an ancestor) one that never holds the story's paragraphs? Memoised."""

    def __init__(self):
        self.memo: dict = {}

    def __call__(self, element) -> bool:
        path = []
        node = element
        while node is not None and node not in self.memo:
            if node.tag in _NOT_BODY_TAGS:
                value = True
                break
            path.append(node)
            node = node.getparent()
        else:
            value = self.memo[node] if node is not None else False
        for item in path:
            self.memo[item] = value
        return value
_NOT_TEXT_CLASS = re.compile(r"caption|credit|copyright|picbox|gallery|embed|media|photo|image|twitter|tweet|"
                             r"instagram")
_BLOCK_TAGS = ("p", "h2", "h3", "li", "blockquote")
_TEXT_XPATH = "|".join(f"//{t}" for t in _BLOCK_TAGS)


@dataclass
class Block:
    """A paragraph of article text with its element and the raw text (newlines kept for line maths)."""

    element: object
    raw: str
    text: str
    part: str  # headline | standfirst | body
    in_body: bool = False  # inside the element that holds the story's paragraphs

    @property
    def line(self) -> int | None:
        return self.element.sourceline


@dataclass
class ArticleZone:
    """Where the article is in the page."""

    root: object  # the element that holds headline and body (or the best we found)
    body: object | None  # the element with most of the body paragraphs
    headline: object | None
    blocks: list[Block] = field(default_factory=list)
    around: frozenset = frozenset()  # the article root and every element that contains it



@lru_cache(maxsize=65536)
def chrome_class(names: str) -> str | None:
    """``"strong"``, ``"weak"`` or None for a class-and-id string (cached: sites repeat their classes)."""
    if CHROME.search(names):
        return "strong"
    if WEAK_CHROME.search(names):
        return "weak"
    return None


@lru_cache(maxsize=65536)
def _body_hint(names: str) -> bool:
    return bool(_BODY_HINT.search(names))


@lru_cache(maxsize=65536)
def _excluded_class(names: str) -> bool:
    if re.search(r"attribution|signoff|sign-off", names):
        return False  # sign-off containers ("Attribution_content") are part of the text
    return bool(CHROME.search(names) or _NOT_TEXT_CLASS.search(names))


_RANK = {None: 0, "weak": 1, "strong": 2}


class ChromeMap:
    """Which elements are page chrome and which are inside the article, memoised per element.

    An image's verdict depends on all its ancestors; images share most of them, so each element is
    judged once per page. Verdicts: ``"strong"`` (navigation, related stories, ads, page header
    and footer), ``"weak"`` (a teaser-like wrapper that some sites also use for the lead image) or
    None. An element that holds the whole article is never chrome (page wrappers with unlucky
    classes such as ``off-canvas-wrap main-menu``), and ``<aside>``, ``<header>`` and ``<footer>``
    are chrome only outside the article (an article's own header holds its lead image).
    """

    def __init__(self, zone: ArticleZone):
        self.zone = zone
        self._verdict: dict = {}
        self._inside: dict = {}
        if zone.root is not None:
            self._inside[zone.root] = True

    def inside(self, element) -> bool:
        """Is the element inside the article's own element?"""
        if self.zone.root is None:
            return True
        path = []
        node = element
        while node is not None and node not in self._inside:
            path.append(node)
            node = node.getparent()
        value = self._inside[node] if node is not None else False
        for item in path:
            self._inside[item] = value
        return value

    def verdict(self, element) -> str | None:
        """The chrome verdict for an element from its ancestors (the element itself excluded)."""
        parent = element.getparent()
        return self._chain(parent) if parent is not None else None

    def _chain(self, element) -> str | None:
        path = []
        node = element
        while node is not None and node not in self._verdict:
            path.append(node)
            node = node.getparent()
        value = self._verdict[node] if node is not None else None
        for item in reversed(path):
            own = self._own(item)
            if own == "stop":
                value = None
            elif _RANK[own] > _RANK[value]:
                value = own
            self._verdict[item] = value
        return value

    def _own(self, node) -> str | None:
        if node in self.zone.around:
            return "stop"
        tag = tag_of(node)
        if tag in ("body", "html"):
            return "stop"
        if tag in CHROME_TAGS:
            if tag in ("nav", "form", "menu"):
                return "strong"
            # The article's own <header> (outside its body) holds the lead figure.
            if not self.inside(node) and not (tag in ("header", "footer") and _HAS_FIGURE(node)):
                return "strong"
        if node.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
            return "strong"
        names = classes(node)
        return chrome_class(names) if names else None


def locate(page) -> ArticleZone:
    """Find the headline and the body of the article, and the smallest element holding both."""
    headline = _headline(page)
    body = _body_container(page)
    article_root = body
    if body is not None and headline is not None:
        article_root = _common_ancestor(headline, body)
        if article_root is None:
            article_root = body
        if tag_of(article_root) in ("html", "body"):
            article_root = _nearest_container(body)
    elif body is not None:
        article_root = _nearest_container(body)
    zone = ArticleZone(article_root, body, headline)
    if article_root is not None:
        zone.around = frozenset([article_root, *ancestors(article_root)])
    zone.blocks = _blocks(zone)
    return zone


def _headline(page):
    candidates = page.headlines or page.root.xpath(
        "//*[@itemprop='headline'][not(self::meta)]|//h2[contains(@class,'headline') or contains(@class,'title')]")
    best = None
    for h1 in candidates:
        text = clean(text_content(h1))
        if len(text) < 8:
            continue
        if best is None:
            best = h1
        # Prefer a headline inside an <article> or marked as one.
        if any(tag_of(a) == "article" for a in ancestors(h1)) or h1.get("itemprop") == "headline":
            return h1
    return best


def _body_container(page):
    """The element that directly holds the most paragraph text, favouring ones marked as the body."""
    scores: dict = {}
    lengths: dict = {}
    outside = _OutsideText()
    for p in page.paragraphs:
        length = len(text_content(p).strip())
        if length < 40:
            continue
        parent = p.getparent()
        if parent is None or outside(parent):
            continue
        lengths[p] = length
        score = min(length, 1200) + 40
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        for hinted in page.root.xpath("//article|//*[@itemprop='articleBody']|//main"):
            return hinted
        return None
    return _widen(_best(scores), lengths)


def _best(scores: dict):
    """The highest-scoring paragraph holder, favouring elements marked as the article body."""
    for element in list(scores):
        names = classes(element)
        if element.get("itemprop") == "articleBody" or (names and _body_hint(names)):
            scores[element] *= 1.5
        if names and chrome_class(names) == "strong":
            scores[element] *= 0.3
        if tag_of(element) in ("body", "html"):
            scores[element] *= 0.6
    return max(scores, key=scores.get)


def _widen(body, lengths: dict):
    """Climb from the best paragraph holder while its ancestors hold much more of the story's text:
    some sites split one story body over several sibling columns (the New York Times)."""
    totals: dict = {}
    for p, length in lengths.items():
        for node in ancestors(p, limit=8):
            totals[node] = totals.get(node, 0) + length
    current = body
    for node in ancestors(body, limit=5):
        if tag_of(node) in ("body", "html"):
            break
        names = classes(node)
        if names and chrome_class(names) == "strong":
            break
        if totals.get(node, 0) >= 1.25 * totals.get(current, 0):
            current = node
    return current


def _common_ancestor(a, b):
    seen = {id(a)}
    seen.update(id(n) for n in ancestors(a))
    if id(b) in seen:
        return b
    for node in ancestors(b):
        if id(node) in seen:
            return node
    return None


def _nearest_container(body):
    """The body, or its <article>/<main> ancestor when there is one close by."""
    for node in ancestors(body, limit=6):
        if tag_of(node) in ("article", "main") or node.get("itemprop") == "articleBody":
            return node
    return body


def _blocks(zone: ArticleZone) -> list[Block]:
    """Headline, standfirst and body paragraphs, in document order."""
    blocks: list[Block] = []
    if zone.headline is not None:
        raw = text_content(zone.headline)
        blocks.append(Block(zone.headline, raw, clean(raw), "headline"))
    scope = zone.root if zone.root is not None else None
    if scope is None:
        return blocks
    seen_body = False
    for element in scope.iter(*_BLOCK_TAGS):
        if element is zone.headline:
            continue
        if _is_nested_block(element, scope) or _excluded_block(element, zone):
            continue
        raw = text_content(element)
        text = clean(raw)
        if not text:
            continue
        in_body = zone.body is not None and (element.getparent() is zone.body or zone.body in ancestors(element, 4))
        if in_body:
            seen_body = True
        names = classes(element)
        part = "body"
        if not seen_body and not in_body and (
            re.search(r"intro|teaser|standfirst|lead|summary|dek|description|subtitle|abstract|kicker", names)
            or tag_of(element) == "p"
        ):
            part = "standfirst"
        blocks.append(Block(element, raw, text, part, in_body))
    return blocks


def _is_nested_block(element, scope) -> bool:
    """A <p> inside an <li> or <blockquote> is counted once, as the outer block."""
    for node in ancestors(element, limit=8):
        if node is scope:
            return False
        if tag_of(node) in _BLOCK_TAGS:
            return True
    return False


def _excluded_block(element, zone: ArticleZone) -> bool:
    for node in ancestors(element):
        if node is zone.root:
            return False
        tag = tag_of(node)
        if tag in ("figure", "figcaption", "aside", "nav", "footer", "form", "table") or tag in SKIP_TAGS:
            return True
        names = classes(node)
        if names and _excluded_class(names):
            return True
    return False
