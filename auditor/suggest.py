"""``auditor profile suggest``: a draft site profile from a few pages of one site.

The generic extractor reads the pages; the draft names the selectors that separate the figure units
it took from the images it left out, and the elements its captions and credits came from, by the
tag and class most of them share. It is a starting point to edit, not a profile to trust: the
draft says so in a comment, and ``auditor extract --why`` shows what it does.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from .extract.article import locate
from .extract.dom import parse
from .extract.figures import find_figures
from .extract.scan import scan
from .extract.structured import read_structured
from .registry import AgencyRegistry, default_registry

_HASHED = ("sc-", "css-", "jsx-")  # class names a build tool makes up: they change with every release


def _simple_selector(element) -> str | None:
    """``tag.class`` with the element's most telling class, or ``tag`` alone."""
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is None:
        return None
    classes = [c for c in (element.get("class") or "").split()
               if not c.startswith(_HASHED) and not any(ch.isdigit() for ch in c) and "--" not in c]
    return f"{tag}.{classes[0]}" if classes else tag


def _common(selectors: list[str | None], total: int) -> str | None:
    """The selector most elements share, when at least half of them do."""
    counted = Counter(s for s in selectors if s)
    if not counted:
        return None
    selector, count = counted.most_common(1)[0]
    return selector if count * 2 >= max(total, 1) else None


def suggest_profile(pages: list[tuple[str, str]], registry: AgencyRegistry | None = None, name: str | None = None) -> str:
    """A draft profile (YAML text) for ``pages``, a list of ``(path, html text)`` of one site."""
    registry = registry or default_registry()
    units, captions, credits, hosts = [], [], [], Counter()
    left_out_units = []
    figures_total = 0
    for _, text in pages:
        root = parse(text)
        page = scan(root, text)
        structured = read_structured(page)
        url = next((link.get("href") for link in page.links if (link.get("rel") or "").lower() == "canonical"), None)
        url = url or next((m.get("content") for m in page.metas if (m.get("property") or "") == "og:url"), None)
        zone = locate(page, url=url)
        try:
            host = (urlsplit(url).hostname or "") if url else ""
        except ValueError:
            host = ""
        if host:
            hosts[host.removeprefix("www.")] += 1
        parts: list = []
        find_figures(page, zone, registry, structured, parts=parts)
        taken = set()
        for image, unit, caption, credit_elements in parts:
            figures_total += 1
            taken.add(image)
            units.append(_simple_selector(unit) if unit is not image else None)
            captions.append(_simple_selector(caption) if caption is not None else None)
            credits.append(_simple_selector(credit_elements[0]) if credit_elements else None)
        for image in page.images:
            if image not in taken:
                parent = image.getparent()
                left_out_units.append(_simple_selector(parent) if parent is not None else None)
    figure = _common(units, figures_total)
    if figure and figure in set(left_out_units) and figure.count(".") == 0:
        figure = None  # a bare tag that also wraps left-out images does not separate them
    # among the figures that have one: many pictures carry no caption, but those that do agree
    caption = _common(captions, sum(1 for c in captions if c))
    credit = _common(credits, sum(1 for c in credits if c))
    host = hosts.most_common(1)[0][0] if hosts else None
    lines = [
        "# A DRAFT written by `auditor profile suggest` from "
        f"{len(pages)} page(s) and {figures_total} figure(s) the generic extractor read.",
        "# Check every selector against your templates before you rely on it, then run",
        "# `auditor extract --why PAGE` to see what it does. Keys left as comments found nothing common.",
        "version: 1",
        "profiles:",
        f"  - name: {name or (host.split('.')[-2] if host and host.count('.') else 'my-site')}",
    ]
    lines.append(f"    match: {{hosts: [{host}]}}" if host else "    # match: {hosts: [example.org]}")
    lines.append(f"    figure: {_quote(figure)}" if figure else "    # figure: ")
    lines.append(f"    caption: {_quote(caption)}" if caption else "    # caption: ")
    lines.append(f"    credit: {_quote(credit)}" if credit else "    # credit: ")
    return "\n".join(lines) + "\n"


def _quote(selector: str) -> str:
    return "'" + selector.replace("'", "''") + "'"
