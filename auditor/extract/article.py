"""Finding the article in the page: its headline, its body, and the page chrome around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dom import SKIP_TAGS, ancestors, classes, clean, tag_of, text_content

# Containers that are page chrome, not article: recognised by class or id.
CHROME = re.compile(
    r"related|recommend|promo(?!tion-?caption)|sidebar|side-bar|widget|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|"
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
_BLOCK_TAGS = ("p", "h2", "h3", "li", "blockquote")
_TEXT_XPATH = "|".join(f"//{t}" for t in _BLOCK_TAGS)


@dataclass
class Block:
    """A paragraph of article text with its element and the raw text (newlines kept for line maths)."""

    element: object
    raw: str
    text: str
    part: str  # headline | standfirst | body

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

    def contains(self, element) -> bool:
        if self.root is None:
            return True
        node = element
        while node is not None:
            if node is self.root:
                return True
            node = node.getparent()
        return False


def is_chrome(element, zone: ArticleZone | None) -> str | None:
    """Is the element inside navigation, teasers, ads, footers or other page chrome?

    Returns ``"strong"`` (navigation, related stories, ads), ``"weak"`` (a teaser-like wrapper that
    some sites also use for the lead image) or None. Tags like ``<header>`` and ``<footer>`` count
    as chrome only outside the article (an article's own header holds its lead image; a figure's
    footer holds its credit).
    """
    inside_figure = False
    weak = None
    around_article = zone.around if zone is not None else frozenset()
    for node in ancestors(element):
        tag = tag_of(node)
        if tag == "figure":
            inside_figure = True
        if node in around_article:
            # An element that holds the whole article (a page wrapper with an unlucky class such as
            # "off-canvas-wrap main-menu") is not chrome.
            return weak
        if tag in ("body", "html"):
            return weak
        if tag in CHROME_TAGS:
            if tag in ("nav", "form", "menu"):
                return "strong"
            # An <aside> inside the article holds inline media as often as related links.
            if tag == "aside" and (zone is None or not zone.contains(node)):
                return "strong"
            if not inside_figure and (zone is None or not zone.contains(node)):
                return "strong"
        names = classes(node)
        if names:
            if CHROME.search(names) and not (inside_figure and "credit" in names):
                return "strong"
            if WEAK_CHROME.search(names):
                weak = "weak"
        role = node.get("role")
        if role in ("navigation", "banner", "contentinfo", "complementary"):
            return "strong"
    return weak


def locate(root) -> ArticleZone:
    """Find the headline and the body of the article, and the smallest element holding both."""
    headline = _headline(root)
    body = _body_container(root)
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


def _headline(root):
    candidates = root.xpath("//h1") or root.xpath(
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


def _body_container(root):
    """The element that directly holds the most paragraph text, favouring ones marked as the body."""
    scores: dict = {}
    for p in root.xpath("//p"):
        text = text_content(p)
        length = len(text.strip())
        if length < 40:
            continue
        parent = p.getparent()
        if parent is None or _in_skipped(p):
            continue
        score = min(length, 1200) + 40
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        for hinted in root.xpath("//article|//*[@itemprop='articleBody']|//main"):
            return hinted
        return None
    for element in list(scores):
        names = classes(element)
        if element.get("itemprop") == "articleBody" or (names and _BODY_HINT.search(names)):
            scores[element] *= 1.5
        if names and CHROME.search(names):
            scores[element] *= 0.3
        if tag_of(element) in ("body", "html"):
            scores[element] *= 0.6
    return max(scores, key=scores.get)


def _in_skipped(element) -> bool:
    for node in ancestors(element, limit=12):
        tag = tag_of(node)
        if tag in ("footer", "nav", "aside", "figcaption", "figure") or tag in SKIP_TAGS:
            return True
    return False


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
        raw = _raw_text(element)
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
        blocks.append(Block(element, raw, text, part))
    return blocks


def _raw_text(element) -> str:
    parts = []
    stack = [(element, False)]
    while stack:
        node, done = stack.pop()
        if done:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        tag = tag_of(node)
        if node is not element and (not tag or tag in SKIP_TAGS):
            if node.tail:
                parts.append(node.tail)
            continue
        if tag == "br":
            parts.append(" ")
        if node.text and tag:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


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
        if names and (CHROME.search(names) or re.search(r"caption|credit|copyright|picbox|gallery|embed|"
                                                         r"media|photo|image|twitter|tweet|instagram", names)):
            # sign-off containers ("Attribution_content") are part of the text, captions are not
            if re.search(r"attribution|signoff|sign-off", names):
                continue
            return True
    return False
