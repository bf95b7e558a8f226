"""Extraction: article HTML text in, a plain :class:`~auditor.model.Document` out. No I/O here."""

from __future__ import annotations

import re

from ..model import Document, Suppression, TextBlock
from ..registry import AgencyRegistry, default_registry
from .article import locate
from .dom import ParseError, clean, last_line, parse, text_content
from .figures import find_figures
from .structured import read_structured
from .wire import find_datelines, find_mentions, find_signoff

__all__ = ["extract", "ParseError"]

_SUPPRESS = re.compile(r"^\s*auditor-(disable-next-line|disable|enable)\b\s*(.*?)\s*$", re.DOTALL)


def extract(text: str, path: str = "<string>", registry: AgencyRegistry | None = None) -> Document:
    """Read one article page. Problems with the page become ``Document.errors``, never exceptions."""
    registry = registry or default_registry()
    document = Document(path=path)
    try:
        root = parse(text)
    except ParseError as exc:
        document.errors.append(f"cannot parse HTML: {exc}")
        return document
    try:
        _extract_into(document, root, registry)
    except RecursionError:
        document.errors.append("the page is nested too deeply to read; is it really an article page?")
    return document


def _extract_into(document: Document, root, registry: AgencyRegistry) -> None:
    structured = read_structured(root)
    _read_meta(document, root, structured.facts)
    zone = locate(root)
    if zone.headline is not None:
        document.headline = clean(text_content(zone.headline)) or None
    document.headline = document.headline or structured.facts.headline
    document.figures = find_figures(root, zone, registry, structured, base_url=document.url)
    document.structured_images = structured.images

    signoff, signoff_block = find_signoff(zone.blocks, registry)
    document.signoff = signoff
    skip: dict = {}
    for dateline, block, length in find_datelines(zone.blocks, registry):
        document.datelines.append(dateline)
        skip.setdefault(block.element, []).append((0, length))
    if signoff_block is not None:
        if signoff.text == signoff_block.text:
            skip[signoff_block.element] = "all"
        else:
            start = signoff_block.raw.rfind("(")
            skip.setdefault(signoff_block.element, []).append((max(start, 0), len(signoff_block.raw)))
    document.mentions = find_mentions(zone.blocks, registry, skip)
    document.text = [TextBlock(b.text, b.line, b.part) for b in zone.blocks]
    document.suppressions = _suppressions(root)


def _first(root, *xpaths: str) -> str | None:
    for xpath in xpaths:
        for value in root.xpath(xpath):
            value = clean(value if isinstance(value, str) else text_content(value))
            if value:
                return value
    return None


def _read_meta(document: Document, root, facts) -> None:
    document.title = _first(root, "//title")
    document.language = _first(root, "/html/@lang", "//html/@lang", "//html/@xml:lang",
                               "//meta[translate(@http-equiv,'CONTENTLAG','contentlag')='content-language']/@content",
                               "//meta[@property='og:locale']/@content") or facts.language
    document.url = _first(root, "//link[translate(@rel,'CANONIL','canonil')='canonical']/@href",
                          "//meta[@property='og:url']/@content") or facts.url
    document.published = _first(
        root,
        "//meta[@property='article:published_time']/@content",
        "//meta[@itemprop='datePublished']/@content",
        "//*[@itemprop='datePublished']/@datetime",
        "//meta[@name='date' or @name='pubdate' or @name='publishdate' or @name='DC.date.issued']/@content",
    ) or facts.published
    if document.published is None:
        document.published = _first(root, "//article//time/@datetime")


def _suppressions(root) -> list[Suppression]:
    found = []
    for comment in root.xpath("//comment()"):
        match = _SUPPRESS.match(comment.text or "")
        if match and comment.sourceline:
            rules = [r for r in re.split(r"[\s,]+", match.group(2)) if r]
            found.append(Suppression(match.group(1), rules, comment.sourceline))
    for element in root.xpath("//*[@data-auditor-ignore]"):
        rules = [r for r in re.split(r"[\s,]+", element.get("data-auditor-ignore") or "") if r]
        if element.sourceline:
            found.append(Suppression("ignore-element", rules, element.sourceline, last_line(element)))
    return found
