"""The Python API: one call per job, for publish pipelines and CMS hooks. No files needed."""

from __future__ import annotations

from .extract import extract
from .loader import DEFAULT_MAX_BYTES, Page, page_from_bytes, read_page
from .model import Document
from .registry import AgencyRegistry, default_registry


def document_from_page(page: Page, registry: AgencyRegistry | None = None) -> Document:
    """Extract a loaded page; a page that could not be loaded becomes a document with an error."""
    if page.text is None:
        return Document(path=page.path, errors=[page.error or "cannot read file"])
    document = extract(page.text, page.path, registry or default_registry())
    document.encoding = page.encoding
    return document


def extract_html(html: str | bytes, path: str = "<string>", registry: AgencyRegistry | None = None) -> Document:
    """Extract figures, credits, sign-off, datelines and mentions from one page's HTML.

    ``html`` may be text or bytes (bytes are decoded as a browser would: BOM, declared charset,
    detection). Problems with the input are in ``Document.errors``; this never raises for bad HTML.
    """
    if isinstance(html, bytes):
        page = page_from_bytes(path, html)
    else:
        page = Page(path, text=html, encoding=None) if html.strip() else Page(path, error="empty input")
    return document_from_page(page, registry)


def extract_file(path: str, registry: AgencyRegistry | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and extract one file (``-`` for standard input)."""
    return document_from_page(read_page(path, max_bytes), registry)
