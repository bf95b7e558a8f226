"""Extraction: article HTML text in, a plain :class:`~auditor.model.Document` out. No I/O here."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from lxml import etree

from ..columns import LONG_LINE
from ..model import (
    Dateline,
    Document,
    Figure,
    SignOff,
    Suppression,
    TextBlock,
    picture_identity,
    url_file_name,
)
from ..registry import AgencyRegistry, default_registry
from ..sites import SiteProfile
from .article import Block, chrome_class, closing_lines, following_siblings, listed_stories, locate
from .credits import (
    PICTURE_PREFIX,
    SOURCE_LINE,
    credit_after_last_sentence,
    lead_picture_note,
    listed_lead_credit,
    looks_like_credit,
    looks_like_person,
    names_closing_caption,
    only_a_credit,
    parse_credit,
    provided_by,
    split_caption,
    strip_prefix,
)
from .dom import (
    HAS_PICTURE,
    ParseError,
    ancestors,
    clean,
    element_tokens,
    elements_within,
    last_line,
    parse,
    tag_of,
    text_content,
    visible_text,
)
from .figures import (
    could_be_article_picture,
    find_figures,
    lead_image_urls,
    links_elsewhere,
    links_to_other_page,
    resolve_src,
)
from .scan import PageScan, scan
from .state import script_figures, script_html
from .structured import read_structured
from .vocab import CAPTION_ROLE, CREDIT_ROLE, NAVIGATION
from .wire import find_datelines, find_mentions, find_signoff, match_signoff

__all__ = ["extract", "ParseError"]

_IGNORED = etree.XPath("//*[@data-auditor-ignore]")
_SUPPRESS = re.compile(r"^\s*auditor-(disable-next-line|disable|enable)\b\s*(.*?)\s*$", re.DOTALL)


def extract(text: str, path: str = "<string>", registry: AgencyRegistry | None = None,
            why: bool = False, sites=None, url: str | None = None, source: bytes | None = None) -> Document:
    """Read one article page. Problems with the page become ``Document.errors``, never exceptions.

    ``why=True`` also records, in ``Document.decisions``, why each image-like element was taken as
    a figure or left out. ``sites`` is a :class:`~auditor.sites.SiteProfiles` (the first profile that
    matches the page applies) or one :class:`~auditor.sites.SiteProfile` to apply whatever the page;
    ``url`` stands in for the page's own canonical URL when matching (a local draft's address).
    ``source`` is the UTF-8 bytes ``text`` was decoded from, if it was (:attr:`~auditor.loader.Page.source`).
    """
    registry = registry or default_registry()
    document = Document(path=path)
    try:
        root = parse(text, source)
    except ParseError as exc:
        document.errors.append(f"cannot parse HTML: {exc}")
        return document
    try:
        _extract_into(document, scan(root, text, source), registry, why, sites, url, text)
    except RecursionError:
        document.errors.append("the page is nested too deeply to read; is it really an article page?")
    return document


def _extract_into(document: Document, page: PageScan, registry: AgencyRegistry, why: bool = False,
                  sites=None, url: str | None = None, text: str = "") -> None:
    structured = read_structured(page)
    site = _read_meta(document, page, structured.facts)
    if document.not_article:
        return  # a shop's product page: its pictures are products, its text no story
    profile = _profile_for(sites, url or document.url, page.root)
    ignored: frozenset = frozenset()
    if profile is not None:
        document.profile = profile.name
        ignored = frozenset(e for selector in profile.ignore for e in selector(page.root)
                            if isinstance(e, etree._Element))
    zone = locate(page, profile, ignored, url=url or document.url)
    if profile is not None:
        zone.ignored_by = f"ignored by site profile {profile.name}"
    listed = listed_stories(zone, url or document.url) if profile is None else 0
    if listed and not _calls_itself_an_article(page, structured.facts):
        # a blog's front page, an archive: its pictures are the listed stories', its text their openings
        document.not_article = (f"the page lists {listed} stories, each a heading that links to its own page "
                                "(a front page or an archive, not an article)")
        return
    if zone.headline is not None:
        document.headline = zone.blocks[0].text if zone.blocks and zone.blocks[0].part == "headline" else None
    document.headline = document.headline or structured.facts.headline
    decisions = [] if why else None
    chrome: list = []
    read: set = set()  # the elements captions and credits were read from: no story text, no mentions
    document.figures = find_figures(page, zone, registry, structured, base_url=document.url, trace=decisions,
                                    profile=profile, chrome=chrome, read=read)
    if not any(f.caption or f.credit for f in document.figures):
        # The visible markup says nothing about its pictures (none, or only placeholders that a
        # script fills in): the page's script state may hold them with captions and credits.
        from_state = _script_figures(page, registry, document.figures, chrome)
        if len(from_state) > len(document.figures) and any(f.caption or f.credit for f in from_state):
            document.figures = from_state
        if not document.figures:
            document.unread = _unread_images(page, zone, structured, document.url)
    document.decisions = decisions or []
    # what credits a picture from elsewhere in the page, in this order: each step fills only what the
    # ones before left empty
    page_steps = (
        (lambda: _read_lead_note(document.figures, page, zone, registry), "a line of the story on the lead picture"),
        (lambda: _credit_from_list(document.figures, page.root, registry), "the page's list of picture credits"),
        (lambda: _credit_the_page(document.figures, zone, registry, read), "the story's credit for its pictures"),
        (lambda: site and _credit_the_house(document.figures, site, registry), "the house's name closing the caption"),
        (lambda: _credit_at_caption_end(document.figures, registry), "the names that close the caption"),
    )
    # (figures read from the page's script state have no decisions of their own to annotate)
    annotate = bool(decisions) and sum(d.taken for d in decisions) == len(document.figures)
    for step, where in page_steps:
        before = [f.credit for f in document.figures] if annotate else None
        step()
        if before is not None:
            _say_where_credited(decisions, document.figures, before, where)

    signoff, signoff_block = find_signoff(zone.blocks, registry, lambda: closing_lines(zone))
    if profile is not None and profile.signoff is not None:
        signoff, signoff_block = _profile_signoff(profile, page.root, zone, registry) or (signoff, signoff_block)
    document.signoff = signoff
    skip: dict = {}
    # a caption's or credit's text is the picture's, not the story's, whatever its class says
    # ("Hau Dinh, AP" in a box whose class is a hash; an AP carousel's slide descriptions before the
    # story, which would otherwise fill the window where datelines are looked for). (The sign-off is
    # looked for in every block: a closing "Mit Material von Keystone-SDA." may have been read as
    # the last picture's credit too.)
    inside = elements_within(read)
    pictures_text = [b for b in zone.blocks if b.element in inside] if inside else []
    story = [b for b in zone.blocks if b.element not in inside] if pictures_text else zone.blocks
    datelines = find_datelines(story, registry)
    if profile is not None and profile.dateline is not None:
        datelines = _profile_datelines(profile, page.root, zone, registry) or datelines
    for dateline, block, length in datelines:
        document.datelines.append(dateline)
        skip.setdefault(block.element, []).append((0, length))
    if signoff_block is not None:
        # Nothing after the sign-off is story text ("Our Standards: The Thomson Reuters Trust Principles.")
        after = False
        for block in zone.blocks:
            if after:
                skip[block.element] = "all"
            after = after or block is signoff_block
        if signoff.text == signoff_block.text:
            skip[signoff_block.element] = "all"
        else:
            # (where the sign-off stands in its block: a story typed as runs between <br>s ends in it)
            at = signoff_block.raw.rfind(signoff.text)
            start = at if at >= 0 else signoff_block.raw.rfind("(")
            skip.setdefault(signoff_block.element, []).append((max(start, 0), len(signoff_block.raw)))
    for block in pictures_text:
        skip[block.element] = "all"
    document.mentions = find_mentions(zone.blocks, registry, skip)
    document.text = [TextBlock(b.text, b.line, b.part) for b in zone.blocks]
    if page.comments or page.has_ignores:
        document.suppressions = _suppressions(page, text)


def _calls_itself_an_article(page: PageScan, facts) -> bool:
    """Does the page's own metadata say it is one article (``og:type`` "article", a JSON-LD article's
    headline)? Then a list of stories in it is a part of it (an episode's segments), not the page."""
    return bool(facts.headline) or "article" in _og_types(page)


def _og_types(page: PageScan) -> list[str]:
    """The ``og:type`` values the page gives itself, in lower case (a page may give more than one)."""
    return [(meta.get("content") or "").strip().lower() for meta in page.metas
            if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:type"]


def _profile_for(sites, url: str | None, root):
    if sites is None:
        return None
    if isinstance(sites, SiteProfile):
        return sites
    return sites.for_page(url, root)


def _profile_block(selector, root, zone):
    """The element a profile's selector names, as a text block (found among the zone's blocks when
    it is one of them, so that mention-skipping works as usual)."""
    element = selector.first(root)
    if not isinstance(element, etree._Element):
        return None
    for block in zone.blocks:
        if block.element is element:
            return block
    raw = visible_text(element)
    return Block(element, raw, raw, "body", True) if raw else None


def _profile_signoff(profile, root, zone, registry):
    block = _profile_block(profile.signoff, root, zone)
    if block is None:
        return None
    signoff = match_signoff(block.text, block, registry)
    if signoff is None:
        agencies = list(dict.fromkeys(m.agency.name for m in registry.scan(block.text)))
        signoff = SignOff(block.text, block.line, [], agencies, "profile")
    return signoff, block


def _profile_datelines(profile, root, zone, registry):
    block = _profile_block(profile.dateline, root, zone)
    if block is None:
        return None
    found = find_datelines([block], registry)
    if found:
        return found
    agencies = [m.agency.name for m in registry.scan(block.text)]
    return [(Dateline(block.text, agencies[0] if agencies else None, block.line), block, 0)]


def _names_story_source(text: str, registry: AgencyRegistry) -> bool:
    """A source line that names wire services only ("Quelle: dpa", "Fuente: EFE"): where the story's
    text came from. One that names a picture agency, a stock library or anyone else ("Source: Getty
    Images", "Quelle: IMAGO / Sven Simon", "Quelle: Foto privat") may be the pictures'."""
    if not SOURCE_LINE.match(text):
        return False
    found = registry.scan(text)
    if not found or not all(m.agency.has_kind("wire") for m in found):
        return False
    rest = text
    for match in reversed(found):
        rest = rest[:match.start] + rest[match.end:]
    return not re.search(r"[^\W\d_]{2,}", SOURCE_LINE.sub("", rest, count=1))


def _credit_the_page(figures: list[Figure], zone, registry: AgencyRegistry, read: set = frozenset()) -> None:
    """A paragraph of the story that is only a credit ("Crédit photo : KB / Bondy Blog", "Fotos: Jane
    Doe"), the one credit element standing after the story (``p.image-source``), or a sentence that
    credits all pictures ("Das Bildmaterial wurde von X zur Verfügung gestellt.") credits the story's
    pictures that carry none of their own."""
    if not any(f.credit is None and f.media == "picture" for f in figures):
        return
    # (not a line that names the story's source, "Quelle: dpa", "Πηγή: ΑΠΕ-ΜΠΕ": its text's, the sign-off)
    line = next((b for b in reversed(zone.blocks) if b.part == "body" and len(b.text) <= 100
                 and only_a_credit(b.text) and not _names_story_source(b.text, registry) and not _mostly_link(b)), None)
    found = (line.text, line.line) if line is not None else _closing_credit(zone, registry)
    story = [b for b in zone.blocks if b.part == "body"]
    if found is None:
        # (the story's last two paragraphs: a credit sentence closes the story)
        found = next(((who, b.line) for b in reversed(story[-2:])
                      for who in (provided_by(b.text),) if who), None)
    if found is None:
        # a credit typed after a paragraph's last sentence ("… der Kartellbehörden.Foto: photocase.de"),
        # the story's one (two: whose pictures each credits is not said), in no picture's caption and
        # in no note about the lead picture ("Header image: … Credit: …", that picture's alone)
        typed = [(who, b) for b in story for who in (credit_after_last_sentence(b.text),)
                 if who and not lead_picture_note(b.text)]
        if typed:  # (most pages have none: the set of what captions were read from is built only then)
            inside = elements_within(read)
            typed = [(who, b.line) for who, b in typed if b.element not in inside]
        found = typed[0] if len({who for who, _ in typed}) == 1 else None
    if found is None:
        return
    for figure in figures:
        if figure.credit is None and figure.media == "picture":
            figure.credit = parse_credit(found[0], registry, line=found[1], caption=figure.caption)


def _read_lead_note(figures: list[Figure], page, zone, registry: AgencyRegistry) -> None:
    """A line of the story that describes its lead picture away from it ("Header Image: People have
    lived … Credit: Tomas Munita/CIFOR") gives the first figure the caption and the credit it shows
    nowhere else (a credit from structured data gives way to the one printed)."""
    if not figures or figures[0].media != "picture":
        return
    lead = figures[0]
    if lead.caption and lead.credit is not None and lead.credit.origin not in ("json-ld", "microdata"):
        return
    body = [b for b in zone.blocks if b.part == "body"]
    found = next(((b, note) for b in body for note in (lead_picture_note(b.text),) if note), None)
    if found is not None:
        block, note = found
        caption, credit_text = split_caption(note, registry)
        if credit_text is None and looks_like_credit(note, registry):
            caption, credit_text = "", note
    else:
        # (a list of picture credits names the lead picture's credit alone)
        found = next(((b, note) for b in body for note in (listed_lead_credit(b.text),) if note), None)
        if found is None:
            return
        block, credit_text = found
        caption = ""
    # the first figure is the lead picture only when the page names it so or it comes before the story
    # (asked once a note is found: most pages have none)
    if lead.identity not in {picture_identity(u) for u in lead_image_urls(page)} and not _before_story(lead, page, zone):
        return
    if caption and not lead.caption:
        lead.caption, lead.caption_line, lead.caption_origin = caption, block.line, "visible"
    if credit_text and (lead.credit is None or lead.credit.origin in ("json-ld", "microdata")):
        lead.credit = parse_credit(credit_text, registry, line=block.line, caption=lead.caption)


def _before_story(figure: Figure, page, zone) -> bool:
    """Does the figure's picture come before the story's first paragraph, in the tree's order (lines
    say nothing on a page written on a few lines)?"""
    first = next((b.element for b in zone.blocks if b.part == "body"), None)
    picture = next((e for e in page.images if e.sourceline == figure.line
                    and picture_identity(resolve_src(e)) == figure.identity), None)
    if first is None or picture is None:
        return False
    for node in page.root.iter():
        if node is picture:
            return True
        if node is first:
            return False
    return False


_PICTURE_REFERENCES = etree.XPath(".//img | .//*[contains(@style, 'url(')]")
_STYLE_URL = re.compile(r"url\(\s*['\"]?([^'\")]{1,2000})")
_CREDIT_ELEMENTS_READ = 300  # (a comment thread of thousands of "credit" spans is no list of picture credits)


def _credit_from_list(figures: list[Figure], root, registry: AgencyRegistry) -> None:
    """A list of picture credits elsewhere on the page, each beside a thumbnail of the picture it
    credits (WordPress's "Photo credits" box after the story: ``<div style="background-image:url(
    …/TurkeyUnblock_English.png?w=250)">`` and ``<p class="credit">Wikimedia Foundation</p>``),
    credits the figures that show the same picture and carry no credit of their own."""
    wanting = {f.identity: f for f in figures if f.credit is None and f.media == "picture" and f.identity}
    if not wanting:
        return
    holds: dict = {}  # box -> its picture references (an <img>, a CSS thumbnail), asked once per box

    def references(box):
        if box not in holds:
            holds[box] = _PICTURE_REFERENCES(box)
        return holds[box]

    for element in islice(filter(_class_says_credit, root.iter(etree.Element)), _CREDIT_ELEMENTS_READ):
        words = element_tokens(element)
        # (a "credit-desc" is the credited picture's title; a box of credit and title is no credit)
        if not CREDIT_ROLE.find(words) or CAPTION_ROLE.find(words) \
                or any(map(_class_says_credit, element.iterdescendants(etree.Element))) \
                or references(element):
            continue
        text = visible_text(element)
        if not text or len(text) > 200:
            continue
        for depth, box in enumerate(element.iterancestors()):
            if depth > 2 or tag_of(box) == "figure":
                break  # far off, or a figure's own credit (read with it)
            found = references(box)
            if len(found) > 1:
                break  # a box of several pictures: whose this credit is is not said
            if not found:
                continue
            reference = found[0]
            if tag_of(reference) == "img":
                url, line = resolve_src(reference), reference.sourceline
            else:
                found = _STYLE_URL.search((reference.get("style") or "")[:4000])
                url, line = (found.group(1) if found else None), None
            figure = wanting.get(picture_identity(url) or "")
            if figure is not None and not (line == figure.line and url == figure.src):
                # a thumbnail of the figure's picture, not the figure itself (whose credit was read with it)
                figure.credit = parse_credit(text, registry, line=element.sourceline, caption=figure.caption)
                del wanting[figure.identity]
            break
        if not wanting:
            return


def _class_says_credit(element) -> bool:
    """May the element's class say credit ((C)redit, (C)opyright)? The token test comes after.
    (Read in a Python walk: faster than XPath's contains(@class, …), which copies every class.)"""
    cls = element.get("class")
    return bool(cls) and ("redit" in cls or "opyright" in cls)


_CREDIT_HOLDERS = ("p", "div", "small", "span", "footer", "cite")


def _closing_credit(zone, registry: AgencyRegistry) -> tuple[str, int | None] | None:
    """The text and line of the one element after the story's last paragraph, in the article, whose
    class says credit and whose text is a picture credit with its prefix ("Fotos: …"; a copyright
    line is no picture credit); outside every figure, teaser and chrome box, holding no picture.
    (Two such elements: whose pictures each credits is not said, so neither.)"""
    story = [b for b in zone.blocks if b.part == "body" and b.in_body]
    if not story or zone.root is None:
        return None
    found = []
    pictured: dict = {}  # ancestor -> holds a picture (asked once: a comment thread has thousands of credits)
    for element in (e for after in following_siblings(story[-1].element, zone.root)
                    for e in after.iter(*_CREDIT_HOLDERS)):
        words = element_tokens(element)
        if not words or not CREDIT_ROLE.find(words) or HAS_PICTURE(element):
            continue
        text = visible_text(element)
        if not (text and len(text) <= 100 and only_a_credit(text)) or not _loose_in(element, zone.root, pictured):
            continue
        prefix = parse_credit(text, registry).prefix or ""
        if PICTURE_PREFIX.match(prefix):
            found.append((text, element.sourceline))
            if len({text for text, _ in found}) > 1:
                return None  # two credits after the story: whose pictures each credits is not said
    return found[0] if found else None  # (nested holders say it twice)



def _loose_in(element, root, pictured: dict) -> bool:
    """Does the element stand in the article on its own: in no figure, in no box that holds a
    picture (a teaser's credit beside its picture) and in no chrome? (``pictured`` remembers which
    boxes hold a picture, across calls.)"""
    for node in element.iterancestors():
        if node is root:
            return True
        if node not in pictured:
            pictured[node] = HAS_PICTURE(node)
        if tag_of(node) in ("figure", "figcaption") or pictured[node]:
            return False
        words = element_tokens(node)
        if words and chrome_class(words):
            return False
    return True


def _mostly_link(block) -> bool:
    """"VIDEO: <a>The 20-second hand wash</a>": a link to more, not a credit line. A link to the
    photographer's own site ("Fotos: <a>Sophia Mahnert</a>") leaves it a credit line."""
    links = [(a, clean(text_content(a))) for a in block.element.iter("a")]
    if sum(len(text) for _, text in links) <= len(block.text) / 2:
        return False
    # (a picture word before it, not "Video:", and each link a name that leads off the site)
    prefix = (strip_prefix(block.text)[1] or "").lower()
    return not (prefix and "video" not in prefix and all(
        looks_like_person(text) and (a.get("href") or "").startswith(("http://", "https://", "//"))
        for a, text in links if text))


def _script_figures(page, registry: AgencyRegistry, shown: list[Figure], chrome: list = ()) -> list[Figure]:
    """Figures from script state, for pages whose visible markup says nothing about its pictures.
    Where the markup shows the same picture, its element gives the line and the alt text. Script
    state also holds the pictures of the page's other modules (most read, related stories): a
    picture the markup shows only in page chrome, and that is not the page's lead image, is one."""
    found = _script_html_figures(page, registry) or _script_state_figures(page, registry)
    if not found:
        return []
    elements = {f.identity: f for f in shown if f.src}
    elsewhere = {picture_identity(resolve_src(e)) for e in chrome} - {None} if chrome else set()
    if elsewhere:
        elsewhere -= {picture_identity(u) for u in lead_image_urls(page)} | set(elements)
    figures = []
    for figure in found:
        if elsewhere and picture_identity(figure.src) in elsewhere:
            continue
        element = elements.get(figure.identity)
        if element is not None:
            figure.line, figure.alt, figure.origin = element.line, element.alt, "markup"
        figures.append(figure)
    return figures


def _script_html_figures(page, registry: AgencyRegistry) -> list[Figure]:
    """The captioned or credited figures of post bodies kept as HTML in script state, each body read
    as a page of its own (so its pictures are read as the visible page's would be, whatever their
    markup), at the line of its script."""
    figures = []
    for html, line in script_html(page.scripts):
        inner = extract(f"<html><body><article>{html}</article></body></html>", registry=registry)
        for figure in inner.figures:
            if figure.caption or figure.credit:
                credit = replace(figure.credit, line=line, origin="script") if figure.credit else None
                figures.append(replace(figure, line=line, caption_line=line if figure.caption else None,
                                       caption_origin="script" if figure.caption else None, credit=credit,
                                       origin="script"))
    return figures


def _script_state_figures(page, registry: AgencyRegistry) -> list[Figure]:
    """Figures from the captions of hydration JSON (or the <figure>s of HTML a script holds that no
    parser reads as JSON)."""
    figures = []
    for caption, credit_text, url, line in script_figures(page.scripts):
        caption_text, glued = split_caption(caption, registry)
        credit_text = credit_text or glued
        credit = parse_credit(credit_text, registry, line=line, origin="script", caption=caption_text) \
            if credit_text else None
        figures.append(Figure(line=line, src=url, caption=caption_text or None,
                              caption_line=line if caption_text else None, credit=credit,
                              flags=list(credit.flags) if credit else [],
                              caption_origin="script" if caption_text else None, origin="script"))
    return figures


def _unread_images(page, zone, structured, url: str | None = None) -> list[str]:
    """Why the page shows pictures that auditor read no figure from: its own metadata names a lead
    image that stands in the markup, or the story's body holds images.

    A safety net for extraction's own mistakes, so it does not reuse extraction's verdicts (a story's
    pictures taken for story cards must still be reported). One exception: a standing picture (a
    column's picture, a CMS's fallback), shown only outside the article's element and there as the
    picture of a link to another story, is no lead picture of this story."""
    notes: list[str] = []
    if _declares_no_article(page):
        return notes  # a business's or a product's page: its pictures are no story's
    # Whole file names, not picture identities: JSON-LD images include the publisher's logo, whose
    # .png would otherwise match the page's .svg logo.
    names = {_file_name(u) for u in [*lead_image_urls(page), *(i.url for i in structured.images if i.url)]}
    names.discard("")
    shown = [e for e in page.images if _file_name(e.get("src") or e.get("data-src") or "") in names] if names else []
    element = next((e for e in shown if could_be_article_picture(e)), None)
    if element is not None and not _standing_picture(shown, zone, url):
        notes.append(f"the page's lead image (og:image or JSON-LD) stands at line {element.sourceline} "
                     "but was not read as an article figure")
    if zone.body is not None:
        half = len(text_content(zone.body)) / 2
        memo: dict = {}
        body_images = [e for e in zone.body.iter("img", "amp-img")
                       if (e.get("src") or e.get("data-src")) and could_be_article_picture(e)
                       and not _in_another_story(e, zone.body, half, memo)]
        if body_images:
            notes.append(f"the story's body holds {len(body_images)} image(s) (first at line "
                         f"{body_images[0].sourceline}) but none was read as an article figure")
    if notes:
        notes.append("run `auditor extract --why FILE` to see why each image was left out")
    return notes


# Open Graph types of pages that are no one's story: a business's, a place's, a product's page ("website"
# is none of them: many newsrooms give their stories that type; nor a book's or a record's, which a
# review page may give itself)
_NO_STORY_TYPES = ("business.", "place", "product", "restaurant.")


def _declares_no_article(page: PageScan) -> bool:
    """Does the page's ``og:type`` say it is a business's, a place's or a product's page, and none
    says it is an article?"""
    kinds = _og_types(page)
    return any(kind.startswith(_NO_STORY_TYPES) for kind in kinds) and "article" not in kinds


def _standing_picture(shown: list, zone, url: str | None) -> bool:
    """Do the copies of the lead picture stand only outside the article's element, one of them as
    the picture of a link to another page?"""
    if zone.root is None:
        return False
    return any(links_to_other_page(e, url) for e in shown) \
        and not any(zone.root in e.iterancestors() for e in shown)


def _in_another_story(image, body, half: float, memo: dict) -> bool:
    """An image in the story's body that belongs to other stories or to none: inside an <article>
    nested in the body that holds less than ``half`` its text (HTML's element for a self-contained
    item: a related story's teaser), in a navigation box (a wiki's series box), or in one of a run of
    three or more alike sibling boxes that each link to another page (a list of story cards).
    ``memo`` keeps the runs' verdicts for the page's other images."""
    for node in ancestors(image):
        if node is body:
            return False
        if tag_of(node) == "nav" or NAVIGATION.find(element_tokens(node)):
            return True
        if tag_of(node) == "article" and len(text_content(node)) < half:
            return True
        parent = node.getparent()
        kind = (node.get("class") or "").split()[:1]  # the box's first class ("news" of "news last")
        if parent is None or len(parent) < 3 or not kind:
            continue
        key = (parent, node.tag, kind[0])
        verdict = memo.get(key)
        if verdict is None:
            alike = [s for s in parent if s.tag == node.tag and (s.get("class") or "").split()[:1] == kind]
            verdict = memo[key] = len(alike) >= 3 and all(
                any(links_elsewhere(a.get("href")) for a in box.iter("a")) for box in alike)
        if verdict:
            return True
    return False


def _file_name(url: str) -> str:
    name = url_file_name(url).lower()
    return name if len(name) >= 6 else ""


# Open Graph types a page gives itself that no article has (og:type "product", "product.item")
_NOT_ARTICLE_TYPES = frozenset({"product", "og:product"})


# The <meta> keys _read_meta reads
_META_READ = frozenset({"content-language", "og:locale", "og:url", "og:type", "article:published_time",
                        "datepublished", "date", "pubdate", "publishdate", "dc.date.issued", "og:site_name"})


def _read_meta(document: Document, page, facts) -> str | None:
    """Title, language, URL and date from <head> (one look at each collected element); returns the
    site's name as the page gives it (``og:site_name``), if it does."""
    meta: dict[str, str] = {}
    for element in page.metas:
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        if key in _META_READ and key not in meta:  # (a page has dozens; the rest are never read)
            value = clean(element.get("content"))
            if value:
                meta[key] = value
    canonical = next((clean(link.get("href")) for link in page.links
                      if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href")), None)
    document.title = clean(text_content(page.title)) if page.title is not None else None
    document.title = document.title or None
    html = page.html
    lang = clean(html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang")) \
        if html is not None else ""
    document.language = lang or meta.get("content-language") or meta.get("og:locale") or facts.language
    document.url = canonical or meta.get("og:url") or facts.url
    kind = meta.get("og:type", "").lower()
    if kind.split(".")[0] in _NOT_ARTICLE_TYPES:
        document.not_article = f"the page calls itself a product page (og:type {kind})"
    document.published = (meta.get("article:published_time") or meta.get("datepublished")
                          or meta.get("date") or meta.get("pubdate") or meta.get("publishdate")
                          or meta.get("dc.date.issued") or facts.published)
    return meta.get("og:site_name")


_HOUSE_IN_BRACKETS = re.compile(r"\s*[(（]\s*(?P<name>[^()（）]{2,40}?)\s*[)）]\s*\.?$")


def _credit_the_house(figures: list[Figure], site: str, registry: AgencyRegistry) -> None:
    """A caption that ends with the site's own name in brackets ("… قرب الفاشر (الأفق الأوسط)",
    "… (الجزيرة)" on الجزيرة نت) credits the house's own photographer: the name is the credit."""
    site = site.casefold()
    for figure in figures:
        if figure.credit is not None or not figure.caption:
            continue
        match = _HOUSE_IN_BRACKETS.search(figure.caption)
        if match is None or match.start() == 0:
            continue
        name = match.group("name").casefold()
        if name == site or len(name) >= 4 and site.startswith(name + " "):
            figure.credit = parse_credit(match.group("name"), registry, line=figure.caption_line)
            figure.caption = figure.caption[:match.start()].rstrip()


def _say_where_credited(decisions: list, figures: list[Figure], before: list, where: str) -> None:
    """For ``--why``: the figures a page-level step credited say so in their decision."""
    for number, (figure, was) in enumerate(zip(figures, before, strict=True), 1):
        if figure.credit is was:
            continue
        for decision in decisions:
            if decision.taken and decision.reason == f"figure {number}":
                decision.details = [f"credit from {where}" if d.startswith(("no credit", "credit from")) else d
                                    for d in decision.details]


def _credit_at_caption_end(figures: list[Figure], registry: AgencyRegistry) -> None:
    """The last resort for a captioned picture nothing else credits: the names its caption ends with,
    set apart after its last sentence or in brackets ("… third from left. Frome Museum archive")."""
    for figure in figures:
        if figure.credit is not None or not figure.caption:
            continue
        found = names_closing_caption(figure.caption)
        if found is None:
            continue
        caption, credit_text, prefix = found
        credit = parse_credit(credit_text, registry, line=figure.caption_line, caption=caption)
        if credit is not None:  # (the caption is cut only for a credit that parses as one)
            figure.caption, figure.credit = caption, credit
            if prefix:
                credit.prefix = prefix  # "Photo from LTFRB": the picture words say what follows


def _suppressions(page, text: str) -> list[Suppression]:
    found = []
    lines = None
    searched: dict[int, int] = {}  # line -> where the next comment search starts
    for comment in page.comments:
        match = _SUPPRESS.match(comment.text or "")
        if match and comment.sourceline:
            rules = [r for r in re.split(r"[\s,]+", match.group(2)) if r]
            kind, end = match.group(1), None
            if kind == "disable-next-line":
                # the next line, or all of the element that follows the comment
                following = comment.getnext()
                end = comment.sourceline + 1
                if following is not None and isinstance(following.tag, str):
                    end = max(end, last_line(following) or end)
            column = None
            lines = lines if lines is not None else text.split("\n")
            line = lines[comment.sourceline - 1] if comment.sourceline <= len(lines) else ""
            if len(line) > LONG_LINE:
                # a one-line page: the comment's column decides what it covers
                at = line.find("<!--", searched.get(comment.sourceline, 0))
                if at >= 0:
                    column = at + 1
                    searched[comment.sourceline] = at + 4
                    end = comment.sourceline
            found.append(Suppression(kind, rules, comment.sourceline, end, column))
    if page.has_ignores:
        for element in _IGNORED(page.root):
            rules = [r for r in re.split(r"[\s,]+", element.get("data-auditor-ignore") or "") if r]
            if element.sourceline:
                found.append(Suppression("ignore-element", rules, element.sourceline, last_line(element)))
    return found
