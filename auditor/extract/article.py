"""Finding the article in the page: its headline, its body, and the page chrome around it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from .dom import (
    HTML_TAGS,
    SKIP_TAGS,
    ancestors,
    clean,
    describe_element,
    element_tokens,
    elements_within,
    name_tokens,
    reader_text,
    tag_of,
    text_content,
    text_with_breaks,
    visible_text,
)
from .vocab import (
    AUTHOR_BOX,
    BODY_HINT,
    CAPTION_ROLE,
    CHROME,
    CREDIT_ROLE,
    EMBED,
    FIGURE_LIKE,
    NOT_TEXT,
    SIGNATURE,
    SIGNOFF,
    STANDFIRST,
    WEAK_CHROME,
)

CHROME_TAGS = frozenset({"nav", "footer", "aside", "header", "form", "menu"})
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
_BLOCK_TAGS = ("p", "h2", "h3", "li", "blockquote")
# Paragraph-like blocks, plus sign-off elements of any tag (a Reuters sign-off is a <span> of its own).
_SIGNOFF_CLASS = re.compile(r"ign[-_]?off|ttribution")


def _signoff_elements(scope) -> list:
    # A Python walk that reads each class: twice as fast as XPath's contains(@class, …), which
    # converts every element's class to a string object; two substring tests before the regex.
    return [e for e in scope.iterdescendants(etree.Element)
            if (cls := e.get("class")) and ("ign" in cls or "ttribution" in cls) and _SIGNOFF_CLASS.search(cls)]


def _text_blocks(scope, body) -> tuple[list, bool]:
    """Paragraph-like elements in document order, and sign-off elements beside the story's body;
    and whether the story is typed in <div>s. Such a story (no <p> in the whole article: styled
    components, a blog editor) has its text <div>s, those that hold no block, as its paragraphs."""
    blocks = list(scope.iter(*_BLOCK_TAGS))
    typed_in_divs = not any(b.tag == "p" for b in blocks)
    if typed_in_divs:
        divs = _text_divs(scope)
        if divs:
            order = {e: i for i, e in enumerate(scope.iter())}
            blocks = sorted(blocks + divs, key=order.__getitem__)
    # A sign-off element sits in the body or beside it: search there, not the whole article.
    near = body.getparent() if body is not None and body is not scope and body.getparent() is not None else scope
    signoffs = [e for e in _signoff_elements(near) if tag_of(e) not in _BLOCK_TAGS]
    if not signoffs:
        return blocks, typed_in_divs
    order = {e: i for i, e in enumerate(scope.iter())}  # rare: merge them in document order
    return sorted(blocks + signoffs, key=order.__getitem__), typed_in_divs


def _text_divs(scope) -> list:
    """The <div>s that hold text and no block of their own: paragraphs, where a story has no <p>;
    none when fewer than three of them read as paragraphs (an app's empty shell, a menu)."""
    divs = [(d, clean(text_content(d))) for d in scope.iter("div") if not _BLOCK_CHILDREN(d)]
    divs = [(d, text) for d, text in divs if text]
    if sum(1 for _, text in divs if len(text) >= 80 and _SENTENCE.search(text)) < 3:
        return []
    return [d for d, _ in divs]


_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?…][\s\"”»]|[^\W\d_]{2}[.!?…]$")


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
    ignored: frozenset = frozenset()  # elements a site profile says never to read
    ignored_by: str = ""  # "site profile dw (ignore: aside.related)", for --why


_BEM_MODIFIER = re.compile(r"--[^\s]*")


def chrome_tokens(element) -> tuple:
    """Class tokens for the chrome test, without modifiers: a modifier says how a block looks or
    what state it is in, not what it is. BEM writes them after ``--`` (``article--layoutAdRight`` is
    an article laid out beside an ad, not an ad); many sites write them as another class that
    extends the block's own (``wp-volt-gal wp-volt-gal-embed-promo``: a gallery shown as a promo
    slide first, not a promo)."""
    cls = element.get("class") or ""
    ident = element.get("id") or ""
    tag = element.tag
    own_tag = tag if tag not in HTML_TAGS and isinstance(tag, str) else ""  # <related-articles>
    if not cls and not ident:
        return own_tag or ()
    if "--" in cls:
        cls = _BEM_MODIFIER.sub("", cls)
    if " " in cls:
        cls = _without_extensions(cls)
    names = f"{cls} {ident}" if ident else cls
    return f"{names} {own_tag}" if own_tag else names


@lru_cache(maxsize=65536)
def _without_extensions(cls: str) -> str:
    """The class names that do not extend another class of the same element by ``-`` or ``_``."""
    names = cls.split()
    bases = [n for n in names if len(n) >= 3]
    kept = [n for n in names if not any(n != b and n.startswith(b) and n[len(b)] in "-_" for b in bases)]
    return " ".join(kept) if len(kept) != len(names) else cls


@lru_cache(maxsize=65536)
def chrome_class(words: str) -> str | None:
    """``"strong"``, ``"weak"`` or None for an element's class-and-id tokens."""
    if CHROME.find(words) or EMBED.find(words):
        return "strong"
    if WEAK_CHROME.find(words):
        return "weak"
    return None


@lru_cache(maxsize=65536)
def _body_hint(words: str) -> bool:
    return BODY_HINT.find(words) is not None


@lru_cache(maxsize=65536)
def _excluded_class(words: str) -> bool:
    if SIGNOFF.find(words):
        return False  # sign-off containers ("Attribution_content") are part of the text
    return bool(CHROME.find(words) or EMBED.find(words) or NOT_TEXT.find(words))


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

    def __init__(self, zone: ArticleZone, marks_body: bool = True):
        """``marks_body``: whether the page may mark its story's body (its source names "articleBody")."""
        self.zone = zone
        # What holds the story's own paragraphs is never chrome, whatever its class says
        # (a "share-zone" around the whole text, an "article--layoutAdRight").
        holds = {zone.body, *ancestors(zone.body)} if zone.body is not None else set()
        # and what holds two or more of the story's paragraphs below it (an "entry-content
        # is-highlight-shares" inside the body the text's spread made wider)
        counts: dict = {}
        for block in zone.blocks:
            parent = block.element.getparent() if block.part == "body" and block.in_body else None
            if parent is not None:
                counts[parent] = counts.get(parent, 0) + 1
        #: the elements that hold two or more of the story's paragraphs as their own children
        self.text_holders = frozenset(parent for parent, count in counts.items() if count >= 2)
        if zone.root is not None and marks_body:
            # and the element the page marks as the story's body (itemprop="articleBody")
            counts.update((e, 2) for e in _ARTICLE_BODY(zone.root))
        for parent, count in counts.items():
            if count >= 2 and parent not in holds:
                holds.update(a for a in (parent, *ancestors(parent)) if zone.body is None or a is not zone.body)
        self._holds_story = frozenset(holds)
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

    def reason(self, element) -> str:
        """The element and the word that made ``element`` chrome, for ``--why``."""
        for node in ancestors(element):
            if node in self.zone.around or node in self._holds_story or tag_of(node) in ("body", "html"):
                break
            if node in self.zone.ignored:
                return f"{self.zone.ignored_by}: {describe_element(node)}"
            if self._own(node) == "strong":
                words = chrome_tokens(node)
                word = CHROME.find(words) or EMBED.find(words) if words else None
                what = f"'{word}'" if word else "an embedded post's box" if words and _embeds_a_post(node) \
                    else (f"<{tag_of(node)}>" if tag_of(node) in CHROME_TAGS else f"role={node.get('role')}")
                return f"{what} in {describe_element(node)}"
        return "page chrome"

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
        if node in self.zone.ignored:
            return "strong"
        if node in self.zone.around or node in self._holds_story:
            return "stop"
        tag = node.tag  # (an ancestor: an element, never a comment)
        if tag in ("body", "html"):
            return "stop"
        if tag in CHROME_TAGS:
            if tag in ("nav", "form", "menu"):
                return "strong"
            # The article's own <header> (outside its body) holds the lead figure.
            if not self.inside(node) and not (tag in ("header", "footer") and _HAS_FIGURE(node)):
                return "strong"
            # An <aside> beside the story's body, not in it, is the page's sidebar, even inside the
            # element that holds headline and body (a boxed story keeps its asides in the body).
            if tag == "aside" and self.zone.body is not None and node is not self.zone.body \
                    and self.zone.body not in set(ancestors(node)) and node not in self._holds_story \
                    and not _HAS_FIGURE(node):
                return "strong"
        if node.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
            return "strong"
        words = chrome_tokens(node)
        if not words:
            return None
        verdict = chrome_class(words)
        if verdict is None and "embed" in words and _embeds_a_post(node):
            return "strong"  # (the box of an embedded post: its fallback picture is the post's)
        return verdict


def _embeds_a_post(node) -> bool:
    """Is a box whose class says "embed" the frame of an embedded post (a tweet, an Instagram post)?
    Its data attribute names the network (``data-embed-type="twitter"``), or it holds the post's
    ``<blockquote class="twitter-tweet">`` or an ``<iframe>`` from the network."""
    if not any("embed" in tokens for tokens in name_tokens(node.get("class") or "")):
        return False
    for name, value in node.items():
        if name.startswith("data-") and ("embed" in name or name in ("data-provider", "data-type")) \
                and EMBED.find(" ".join(value.split()[:3])):
            return True
    return any(EMBED.find(element_tokens(e)) or EMBED.find(url_path(e.get("src") or "").replace("/", " "))
               or EMBED.find((e.get("src") or "").split("//")[-1].split("/")[0].replace(".", " "))
               for e in itertools.islice(node.iter("blockquote", "iframe"), 5))


def locate(page, profile=None, ignored: frozenset = frozenset(), url: str | None = None) -> ArticleZone:
    """Find the headline and the body of the article, and the smallest element holding both.
    A site ``profile`` may name the article root and the headline; ``ignored`` elements are never
    read as story text. ``url`` is the page's own address (canonical or og:url): on a page of
    several stories it names the one the page is about."""
    headline = profile.headline.first(page.root) if profile is not None and profile.headline else None
    headline = headline if isinstance(headline, etree._Element) else _headline(page)
    given = profile.article.first(page.root) if profile is not None and profile.article else None
    given = given if isinstance(given, etree._Element) else None
    own = _own_article(headline) if given is None else None
    if given is None and own is None and url:
        own = _story_named_by(page, url)
        if own is not None and (headline is None or own not in set(ancestors(headline))):
            headline = _first_heading(own) if _first_heading(own) is not None else headline
    body, frame = _body_container(page, given if given is not None else own)
    if given is not None:
        body = body if body is not None else given
        zone = ArticleZone(given, body, headline, ignored=ignored)
        zone.around = frozenset([given, *ancestors(given)])
        zone.blocks = _blocks(zone)
        return zone
    article_root = body
    if body is not None and headline is not None:
        article_root = _common_ancestor(headline, body)
        if article_root is None:
            article_root = body
        if tag_of(article_root) in ("html", "body"):
            article_root = _nearest_container(body)
        if frame is not None and frame in article_root.iterancestors():
            article_root = frame  # the marked article holds the story's header and lead picture too
    elif body is not None:
        article_root = _nearest_container(body)
    zone = ArticleZone(article_root, body, headline, ignored=ignored)
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


def _own_article(headline):
    """The <article> element around the headline when it holds a story of its own: on a page of
    several stories (an infinite-scroll list, a live page), the body is looked for in that one."""
    if headline is None:
        return None
    for node in ancestors(headline):
        if tag_of(node) == "article":
            if _holds_story(node):
                return node
            return None
    return None


_ARTICLE_BODY = etree.XPath(".//*[@itemprop='articleBody']")
_STORY_PARAGRAPHS = etree.XPath("count(p[string-length(normalize-space()) > 120])")
_COUNT_STORY_DIVS = etree.XPath(
    "count(.//div[not(.//p|.//div|.//ul|.//ol|.//table|.//figure)][string-length(normalize-space()) > 80])")


def _holds_story(node) -> bool:
    """Two paragraphs of a story or more: <p>s, or <div>s that hold no other block (a story typed
    in <div>s; counted only when the <p>s do not decide, the costlier count)."""
    paragraphs = _long_paragraphs(node, 80, 2)
    return paragraphs >= 2 or paragraphs + _COUNT_STORY_DIVS(node) >= 2


_XML_SPACE = re.compile(r"[ \t\n\r]+")


def _long_paragraphs(node, longer_than: int, enough: int) -> int:
    """How many <p>s below ``node`` hold more than ``longer_than`` characters, counted up to
    ``enough``: XPath's ``count(.//p[string-length(normalize-space()) > n])``, which reads every <p>
    of a whole story where the first few decide. (XPath's white space is ASCII's, not Unicode's.)"""
    count = 0
    for p in node.iterdescendants("p"):
        text = text_content(p)
        if len(text) > longer_than and len(_XML_SPACE.sub(" ", text).strip(" \t\n\r")) > longer_than:
            count += 1
            if count >= enough:
                break
    return count


_FIRST_HEADING = etree.XPath("(.//h1|.//h2)[string-length(normalize-space()) >= 8][1]")


def _story_named_by(page, url: str):
    """On a page of several whole stories (an infinite-scroll list whose headline is the list's own,
    "Latest articles"), the <article> whose own attributes name the page's address: CMSs mark each
    story with its permalink or slug (``id``, ``data-path``, ``data-url``) to update the address
    bar while the reader scrolls. None when the page has fewer than two stories or none is named."""
    articles = list(page.root.iter("article"))
    if len(articles) < 2:
        return None
    stories = [a for a in articles if _holds_story(a)]
    stories = [a for a in stories if not any(b is not a and b in stories for b in ancestors(a))]
    if len(stories) < 2:
        return None
    path = url_path(url)
    slug = _slug(path)
    if not path:
        return None
    for story in stories:
        for value in story.attrib.values():
            value = url_path(value)
            if value and (value == path or (len(slug) >= 12 and _slug(value) == slug)):
                return story
    return None


def _slug(path: str) -> str:
    return re.sub(r"\.[a-z]{3,5}$", "", path.rsplit("/", 1)[-1])


def url_path(value: str) -> str:
    """A URL's path without host, query and the slashes at its ends: what a slug is compared with."""
    value = value.strip().split("#", 1)[0].split("?", 1)[0]
    if "://" in value:
        value = value.split("://", 1)[1].partition("/")[2]
    elif value.startswith("//"):
        value = value[2:].partition("/")[2]
    return value.strip("/").lower()


def _first_heading(story):
    found = _FIRST_HEADING(story)
    return found[0] if found else None


def _body_container(page, within=None):
    """The element that directly holds the most paragraph text, favouring ones marked as the body;
    only paragraphs inside ``within`` when it is given. And, for a story typed in <div>s, the
    element marked as the article that it was found in (else None)."""
    scores: dict = {}
    lengths: dict = {}
    outside = _OutsideText()
    paragraphs = page.paragraphs if within is None else list(within.iter("p"))
    for p in paragraphs:
        length = len(text_content(p).strip())
        if length < 40:
            continue
        parent = p.getparent()
        if parent is None or outside(parent):
            continue
        lengths[parent] = lengths.get(parent, 0) + length
        score = min(length, 1200) + 40
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    # A story typed as text runs between <br>s straight in its element (no <p>s): each run is one
    # of its paragraphs, held by that element.
    for holder, runs in _loose_runs(page.root if within is None else within):
        if outside(holder):
            continue
        lengths[holder] = lengths.get(holder, 0) + sum(runs)
        score = sum(min(length, 1200) + 40 for length in runs)
        scores[holder] = scores.get(holder, 0) + score
        grand = holder.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        # No paragraph: the story is typed in <div>s. Its text <div>s say where its body is, inside
        # the element marked as the article when there is one (that element alone holds the page's
        # share bars and teasers too).
        # Of several marked elements (a teaser's <article> before the story's), the one whose text
        # <div>s hold the most text.
        candidates = _HINTED_ARTICLE(page.root)[:12] if within is None else [within]
        best_found, best_hinted, best_score = None, None, 0
        for hinted in candidates:
            found, score = _text_div_container(hinted, outside)
            if found is not None and score > best_score:
                best_found, best_hinted, best_score = found, hinted, score
        if best_found is not None:
            return best_found, best_hinted
        if candidates:
            return candidates[0], None
        return _text_div_container(page.root, outside)[0], None
    return _widen(_best(scores), lengths), None


_HINTED_ARTICLE = etree.XPath("//article|//*[@itemprop='articleBody']|//main")


_LOOSE_TEXT_MIN = 200
_INLINE_TAGS = frozenset({"a", "b", "strong", "i", "em", "span", "u", "font", "small", "sup", "sub", "abbr", "cite",
                          "q", "mark", "time", "code", "s", "del", "ins"})


def text_runs(element) -> list[str]:
    """The runs of text that stand straight in ``element`` between its <br>s and its blocks (a
    story typed between line breaks), each with its inline children's text, as a reader sees it
    (no scripts; a comment does not break a run). Empty runs are kept."""
    runs, parts = [], [element.text or ""]
    for child in element:
        tag = tag_of(child)
        if tag in _INLINE_TAGS:
            parts.append(reader_text(child))
        elif tag:  # <br> or a block: the run ends
            runs.append(clean(" ".join(parts)))
            parts = []
        parts.append(child.tail or "")
    runs.append(clean(" ".join(parts)))
    return runs


def _loose_text(element) -> str:
    """The text that stands straight in ``element``, not in a block of its own."""
    return " ".join(run for run in text_runs(element) if run)


def _loose_runs(scope):
    """Elements that hold text runs between <br>s straight in them, with the runs' lengths (runs of
    40 characters or more, two runs at least: an address block or a poem's lines are shorter)."""
    for holder in dict.fromkeys(br.getparent() for br in scope.iter("br")):
        if holder is None or tag_of(holder) in _BLOCK_TAGS:
            continue
        runs = [len(run) for run in text_runs(holder) if len(run) >= 40]
        if len(runs) >= 2:
            yield holder, runs


_BLOCK_CHILDREN = etree.XPath("boolean(*[self::div or self::p or self::ul or self::ol or self::table or "
                              "self::section or self::article or self::h1 or self::h2 or self::h3])")


def _text_div_container(scope, outside) -> tuple:
    """A story written in <div>s instead of paragraphs (a blog editor's "<div><span>text</span></div>"):
    the element that directly holds the most text of <div>s that hold no other blocks, and its
    score; ``(None, 0)`` when there is too little such text."""
    scores: dict = {}
    for div in scope.iter("div"):
        if _BLOCK_CHILDREN(div):
            continue
        length = len(clean(text_content(div)))
        parent = div.getparent()
        if length < 80 or parent is None or outside(parent):
            continue
        scores[parent] = scores.get(parent, 0) + min(length, 1200)
        # (each paragraph in a box of its own, RIA's div.article__block > div.article__text: the boxes'
        # holder gathers them, as for <p>s)
        grand = parent.getparent()
        if grand is not None and not outside(grand):
            scores[grand] = scores.get(grand, 0) + min(length, 1200) / 2
    best = max(scores.items(), key=lambda item: item[1], default=(None, 0))
    return best if best[1] >= 300 else (None, 0)


def _best(scores: dict):
    """The highest-scoring paragraph holder, favouring elements marked as the article body."""
    for element in list(scores):
        words = element_tokens(element)
        if element.get("itemprop") == "articleBody" or (words and _body_hint(words)):
            scores[element] *= 1.5
        if words and chrome_class(words) == "strong":
            scores[element] *= 0.3
        if tag_of(element) in ("body", "html"):
            scores[element] *= 0.6
    return max(scores, key=scores.get)


def _widen(body, lengths: dict):
    """Climb from the best paragraph holder while its ancestors hold much more of the story's text:
    some sites split one story body over several sibling columns (the New York Times). ``lengths``:
    the paragraph text each element holds straight in it."""
    totals: dict = {}
    body_line = {body, *ancestors(body)}  # (a page wrapper's "right-sidebar" class says nothing of the story)
    for holder, length in lengths.items():
        if any(_strong_chrome(node) for node in itertools.takewhile(lambda n: n not in body_line,
                                                          (holder, *ancestors(holder, limit=3)))):
            continue  # a footer's or a menu's text is no column of the story
        totals[holder] = totals.get(holder, 0) + length
        for node in ancestors(holder, limit=7):
            totals[node] = totals.get(node, 0) + length
    current = body
    for node in ancestors(body, limit=5):
        if tag_of(node) in ("body", "html"):
            break
        if _strong_chrome(node):
            break
        if totals.get(node, 0) >= 1.25 * totals.get(current, 0):
            current = node
    return current


def _strong_chrome(node) -> bool:
    words = element_tokens(node)
    return bool(words) and chrome_class(words) == "strong"


def _common_ancestor(a, b):
    # A set of the elements themselves, not of id()s: lxml makes element proxies on demand, and the
    # id of a proxy that has gone can come back as the id of another element.
    seen = {a, *ancestors(a)}
    if b in seen:
        return b
    for node in ancestors(b):
        if node in seen:
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
        raw = visible_text(zone.headline)  # not text_content: a <style> inside an <h1> is no headline
        blocks.append(Block(zone.headline, raw, raw, "headline"))
    scope = zone.root if zone.root is not None else None
    if scope is None:
        return blocks
    seen_body = False
    around = _AncestorVerdicts(scope, zone.ignored, zone.body)
    elements, typed_in_divs = _text_blocks(scope, zone.body)
    left_out: dict = {}  # parent -> nested or excluded (most blocks share their parent with others)
    for element in elements:
        # The parent's verdict first: it leaves out half the blocks before their classes are read.
        parent = element.getparent()
        if parent is None or element is zone.headline:
            continue
        skip = left_out.get(parent)
        if skip is None:
            skip = left_out[parent] = around.nested(parent) or around.excluded(parent)
        if skip:
            continue
        own = element_tokens(element)
        tag = element.tag  # (found by tag or as an element: never a comment)
        text_div = typed_in_divs and tag == "div"  # (a story with no <p>: see _text_blocks)
        if tag not in _BLOCK_TAGS and not text_div and not SIGNOFF.find(own):
            continue  # the XPath's class test is a substring prefilter; the tokens decide
        if own and EMBED.find(own):
            continue  # an embedded post (<blockquote class="twitter-tweet">) quotes, it does not report
        if own and CREDIT_ROLE.find(own) and not SIGNOFF.find(own):
            continue  # a picture's credit line (<p class="credits">GETTY IMAGES</p>) is not story text
        if next(element.iter("br", "script", "style"), None) is None:
            raw = text_content(element)  # (most paragraphs: no code to leave out, no line break)
            text = clean(raw)
        else:
            raw = reader_text(element)
            text = clean(text_with_breaks(element, raw))  # (serialised again only when there is a <br>)
        if not text:
            continue
        if tag == "li" and _only_figures_text(element):
            continue  # a slideshow's slide (<li><figure>…<figcaption>): its text is its picture's
        # a paragraph inside the body at any depth (a CMS nests its text five deep: section > div >
        # div > div > p); other blocks only near its top: lists deep inside are its widgets (tags,
        # "People in the Story")
        in_body = zone.body is not None and (parent is zone.body or zone.body in ancestors(element, 4)
                                             or (tag == "p" or text_div) and around.in_body(parent))
        if in_body:
            seen_body = True
        part = "body"
        if not seen_body and not in_body and (STANDFIRST.find(own) or tag == "p"):
            part = "standfirst"
        blocks.append(Block(element, raw, text, part, in_body))
    # Story text typed as runs between <br>s, straight in its element: one block per such element,
    # so that its names and agencies are read
    loose_blocks = []
    for holder in dict.fromkeys(br.getparent() for br in scope.iter("br")):
        if holder is None or tag_of(holder) in _BLOCK_TAGS or around.nested(holder) or around.excluded(holder):
            continue
        loose = _loose_text(holder)
        if len(loose) >= _LOOSE_TEXT_MIN:
            loose_blocks.append(Block(holder, loose, loose, "body", around.in_body(holder)))
    if loose_blocks:  # rare: merge them in document order
        order = {e: i for i, e in enumerate(scope.iter())}
        headline = blocks[:1] if blocks and blocks[0].part == "headline" else []
        rest = sorted(blocks[len(headline):] + loose_blocks, key=lambda b: order.get(b.element, -1))
        blocks = headline + rest
    return blocks


def _only_figures_text(element) -> bool:
    """Is all the text of a list item its figures' (a slide: a <figure> and its caption, no more)?"""
    figures = list(element.iter("figure"))
    if not figures:
        return False
    inside = elements_within(figures)
    # the item's own text outside its figures: the text and tails of every element not in one
    rest = [element.text] + [(e.text if e not in inside else None) for e in element.iterdescendants()] \
        + [e.tail for e in element.iterdescendants() if e not in inside or e in figures]
    return not clean("".join(t for t in rest if t))


def _nests_blocks(node) -> bool:
    if node.tag in _BLOCK_TAGS:  # (a block's ancestor: an element)
        return True
    names = element_tokens(node)
    # a cheap substring look before the token test: few class names mention a sign-off
    return bool(names) and ("ign" in names or "ttrib" in names or "IGN" in names) and bool(SIGNOFF.find(names))


class _AncestorVerdicts:
    """Per element up to the article root, memoised: is it (or an ancestor) a block of its own, and
    is it (or an ancestor) where story text never stands?"""

    def __init__(self, scope, ignored: frozenset = frozenset(), body=None):
        self.scope = scope
        self.ignored = ignored
        self._nested: dict = {scope: False}
        self._excluded: dict = {scope: False}
        self._body = body
        self._inside_body: dict = {scope: body is scope}
        # Inside the story's body, what holds the body is no reason to exclude, whatever its class
        # says (a "documentContent__sharingContainer" around the whole text), as in ChromeMap: walks
        # from inside the body stop at the body.
        self._excluded_in_body: dict = {body: False} if body is not None else {}

    def in_body(self, node) -> bool:
        """Is the node the story's body or inside it, at any depth (a CMS nests its text blocks
        five deep: section > div > div > div > p)?"""
        return self._walk(node, self._inside_body, self._is_body)

    def _is_body(self, node) -> bool:
        return node is self._body

    def nested(self, node) -> bool:
        """A <p> inside an <li> or <blockquote> is counted once, as the outer block; a sign-off
        element inside a paragraph is that paragraph; a paragraph inside a sign-off is the sign-off."""
        return self._walk(node, self._nested, _nests_blocks)

    def excluded(self, node) -> bool:
        """Captions, figures, asides, navigation, embeds, chrome: never story text."""
        memo = self._excluded_in_body if self._body is not None and self.in_body(node) else self._excluded
        known = memo.get(node)
        return known if known is not None else self._walk(node, memo, self._excluded_own)

    def _excluded_own(self, node) -> bool:
        tag = node.tag  # (a block's ancestor: an element)
        if node in self.ignored or tag in ("figure", "figcaption", "aside", "nav", "footer", "form", "table") \
                or tag in SKIP_TAGS:
            return True
        words = element_tokens(node)
        # (what holds three or more of the story's own long paragraphs is the story, whatever a
        # modifier class says: "entry-content is-highlight-shares")
        return bool(words) and _excluded_class(words) and _STORY_PARAGRAPHS(node) < 3 \
            and node.get("itemprop") != "articleBody"  # (the page says so: "asset-content subscriber-premium")

    @staticmethod
    def _walk(node, memo: dict, test) -> bool:
        known = memo.get(node)
        if known is not None:
            return known
        path = []
        while node is not None and node not in memo:
            path.append(node)
            node = node.getparent()
        value = memo[node] if node is not None else False
        for item in reversed(path):
            value = value or test(item)
            memo[item] = value
        return value


_CLOSING_LINES = 8
_CLOSING_SCAN = 80
_CLOSING_PRUNE = frozenset({"figure", "figcaption", "aside", "nav", "form", "table", "blockquote", "img", "picture"})
_NEVER_SIGNOFF = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "time"})


def closing_lines(zone: ArticleZone) -> list[Block]:
    """Short lines after the story's last paragraph, inside the article, in document order.

    A sign-off is not always a paragraph of the story: it stands in the article's own footer
    (``footer.article-footer``, ``div.story-footer``) or a source line (``div.article-body-artSource``).
    These lines are only for the sign-off search; they are not story text: their ``part`` is
    "signature" when their class says so, else "closing". Inside the article root,
    "footer" names the article's footer, not the page's, so it is read; other chrome is not.
    """
    story = [b for b in zone.blocks if b.part == "body" and b.in_body]
    if not story or zone.root is None:
        return []
    lines: list[Block] = []
    visited = 0
    # depth first, lazily: a body may have hundreds of siblings
    walks = [following_siblings(story[-1].element, zone.root)]
    while walks and len(lines) < _CLOSING_LINES and visited < _CLOSING_SCAN:
        element = next(walks[-1], None)
        if element is None:
            walks.pop()
            continue
        visited += 1
        tag = tag_of(element)
        if not tag or tag in SKIP_TAGS or tag in _CLOSING_PRUNE:
            continue
        if _is_author(element):
            # the story's author in its structured markup (itemprop="author"): a sign-off when
            # it names an agency ("AFP" on a wire story), whatever the box's class says
            text = visible_text(element)
            if text and len(text) <= 160:
                lines.append(Block(element, text, text, "closing", False))
            continue
        words = element_tokens(element)
        if words and not SIGNOFF.find(words) and _not_closing(words):
            if AUTHOR_BOX.find(words) and _AUTHOR_PROP(element):
                walks.append(iter(element))  # an author box ("authors-container") holds the byline
            continue
        if tag not in _NEVER_SIGNOFF and _small(element) and len(text_content(element)) <= 1000:
            raw = visible_text(element)
            text = clean(raw)
            if text and len(text) <= 160:
                part = "signature" if words and SIGNATURE.find(words) else "closing"
                lines.append(Block(element, raw, text, part, False))
        walks.append(iter(element))
    return lines


def following_siblings(element, root):
    """What follows ``element`` inside ``root``, in document order, as the elements that stand
    after it at its own level and after each of its ancestors' (each one a whole subtree)."""
    node = element
    while node is not None and node is not root:
        yield from node.itersiblings()
        node = node.getparent()


_AUTHOR_PROP = etree.XPath("boolean(.//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')])")


def _is_author(element) -> bool:
    return "author" in (element.get("itemprop") or "").split()


@lru_cache(maxsize=16384)
def _not_closing(words: str) -> bool:
    """Pictures, their captions and credits, teasers, embeds and chrome other than a footer."""
    return bool(EMBED.find(words) or (CHROME.find(words) or "footer") != "footer" or WEAK_CHROME.find(words)
                or FIGURE_LIKE.find(words) or CAPTION_ROLE.find(words) or CREDIT_ROLE.find(words))


def _small(element, most: int = 8) -> bool:
    """At most ``most`` descendants: a line, not a container of sections."""
    return next(itertools.islice(element.iterdescendants(), most, None), None) is None


_LISTING_HEADINGS = ("h2", "h3", "h4")
_PICTURES = ("img", "amp-img", "picture", "video")


def listed_stories(zone: ArticleZone, own_url: str | None = None) -> int:
    """How many stories the article root lists, when it is a list of stories and not one (a blog's
    front page, an archive): each an entry whose heading links to another page of the same site, with
    an opening of its own after it; the entries hold most of the text read as the story's, and every
    picture in the root (a story has its own, outside any list of others). 0 for an article."""
    root = zone.root
    if root is None:
        return 0
    own = url_path(own_url) if own_url else None
    host = _host(own_url)
    linked = [h for h in root.iter(*_LISTING_HEADINGS) if _heading_links_to_a_page(h, own, host)]
    if len(linked) < 3:
        return 0
    # each heading's entry: its widest ancestor below the root that holds no other linked heading
    # (counted once per ancestor: linear in headings times depth, however many headings there are)
    holding: dict = {}
    for heading in linked:
        for box in heading.iterancestors():
            if box is root:
                break
            holding[box] = holding.get(box, 0) + 1
    entries = []
    for heading in linked:
        entry = heading
        for box in heading.iterancestors():
            if box is root or holding[box] > 1:
                break
            entry = box
        # an opening, not a bare link (the raw text is enough for a length, and cheaper than the visible)
        if len(text_content(entry).strip()) - len(text_content(heading).strip()) >= 40:
            entries.append(entry)
    if len(entries) < 3:
        return 0
    inside = elements_within(entries)
    if any(e not in inside for e in root.iter(*_PICTURES)):
        return 0  # a picture of the page's own: a story with a box of related ones (or a listicle)
    story = [b for b in zone.blocks if b.part == "body"]
    listed = sum(len(b.text) for b in story if b.element in inside)
    return len(entries) if listed >= 0.6 * sum(len(b.text) for b in story) else 0


def _host(url: str | None) -> str | None:
    """The host of an absolute URL, without "www.", or None."""
    if not url or "//" not in url:
        return None
    return url.split("//", 1)[1].split("/", 1)[0].lower().removeprefix("www.") or None


def _heading_links_to_a_page(heading, own: str | None, host: str | None) -> bool:
    """Is the heading a link (its text the link's) to another page of the site (a shop's or another
    site's page is a listicle's item, not a post of this one)?"""
    text = clean(text_content(heading))
    links = [a for a in heading.iter("a") if a.get("href")]
    if not text or len(links) != 1:
        return False
    href = links[0].get("href").strip()
    if href.startswith(("#", "javascript:", "mailto:")) or (own is not None and url_path(href) == own):
        return False
    if "//" in href and host is not None and _host(href) != host:
        return False
    return len(clean(text_content(links[0]))) >= 0.8 * len(text)
