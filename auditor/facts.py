"""What one page credits, in a compact plain form for archive-scale outputs (JSONL, Parquet,
``auditor summarize``, the Dask pipeline): its address, each picture's caption and credit chain with
canonical agencies, the sign-off's and datelines' agencies, and the agencies the text names.

Built in the worker from the extracted :class:`~auditor.model.Document`, so that only this small
dict, not the document, travels back to the main process.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .model import Document


def host_of(url: str | None) -> str | None:
    """The host of an address, without ``www.``; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def page_facts(document: Document, url: str | None = None, date: str | None = None) -> dict:
    """``url`` is the crawled address (an archive's ``WARC-Target-URI``); the page's canonical URL
    is kept beside it when it differs. ``date`` is when it was crawled (``WARC-Date``)."""
    address = url or document.url
    facts = {
        "url": address,
        "host": host_of(address),
        "canonical": document.url if document.url and document.url != address else None,
        "date": date,
        "published": document.published,
        "title": document.headline or document.title,
        "language": document.language,
        "figures": [_figure(index, figure) for index, figure in enumerate(document.figures, 1)],
        "signoff": ({"text": document.signoff.text, "agencies": list(document.signoff.agencies)}
                    if document.signoff else None),
        "datelines": [{"text": d.text, "agency": d.agency} for d in document.datelines],
        "mentions": sorted({m.agency for m in document.mentions}),
        "errors": list(document.errors),
    }
    return facts


def _figure(index: int, figure) -> dict:
    credit = figure.credit
    return {
        "index": index,
        "src": figure.src,
        "media": figure.media,
        "caption": figure.caption,
        "credit": credit.text if credit else None,
        "agencies": credit.agencies if credit else [],
        # the chain's parts by role: photographer, agency, distributor ... (for "AP Photo" without a name)
        "roles": [source.role for source in credit.sources] if credit else [],
        "structured_credit": figure.structured.credit_line if figure.structured else None,
    }


def agency_only(figure: dict) -> bool:
    """A credit that names an agency and no photographer ("AP Photo", "dpa")."""
    return bool(figure["agencies"]) and "photographer" not in figure["roles"]
