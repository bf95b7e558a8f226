"""The Python API: one call per job, for publish pipelines and CMS hooks. No files needed."""

from __future__ import annotations

from .extract import extract
from .loader import DEFAULT_MAX_BYTES, Page, page_from_bytes, read_page
from .model import Document, FileReport, Report
from .registry import AgencyRegistry, default_registry


def document_from_page(page: Page, registry: AgencyRegistry | None = None, why: bool = False) -> Document:
    """Extract a loaded page; a page that could not be loaded becomes a document with an error.
    ``why=True`` records why each image was taken or left out (``Document.decisions``)."""
    if page.text is None:
        return Document(path=page.path, errors=[page.error or "cannot read file"])
    document = extract(page.text, page.path, registry or default_registry(), why=why)
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
                 max_bytes: int = DEFAULT_MAX_BYTES, why: bool = False) -> Document:
    """Read and extract one file (``-`` for standard input)."""
    return document_from_page(read_page(path, max_bytes), registry, why=why)


# -- checking -------------------------------------------------------------------------------

def build_ruleset(rules=None, config=None, agencies=()):
    """The active rule set: ``rules`` (pack names or paths) or the config's packs, else ``default``.

    ``config`` is a :class:`~auditor.config.Config`, a path to a config file, or None.
    Raises :class:`~auditor.yamlio.DataFileError` for a broken pack or config.
    """
    from .config import Config, load_config
    from .rules import load_ruleset

    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    config = config or Config()
    packs = list(rules or config.packs or ["default"])
    return load_ruleset(packs, overrides=config.severities, agencies_files=[*config.agencies, *agencies],
                        config_path=config.path)


def check_document(document: Document, ruleset) -> FileReport:
    from .rules import Engine

    return Engine(ruleset).check(document)


def check_html(html: str | bytes, path: str = "<string>", rules=None, config=None, ruleset=None) -> FileReport:
    """Check one page's HTML and return its findings — the call for CMS hooks and publish pipelines.

    ``rules`` lists packs by name (``["dw"]``) or path; ``config`` is a config file path or object;
    pass a prepared ``ruleset`` (from :func:`build_ruleset`) to check many pages without reloading.
    """
    ruleset = ruleset or build_ruleset(rules, config)
    return check_document(extract_html(html, path, ruleset.registry), ruleset)


def check_paths(paths, rules=None, config=None, ruleset=None) -> Report:
    """Check files and directories; returns the whole :class:`~auditor.model.Report`."""
    from .loader import discover
    from .rules import Engine

    ruleset = ruleset or build_ruleset(rules, config)
    engine = Engine(ruleset)
    report = Report()
    for path in discover(paths):
        report.add(engine.check(extract_file(path, ruleset.registry)))
    return report
