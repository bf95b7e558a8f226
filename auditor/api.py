"""The Python API: one call per job, for publish pipelines and CMS hooks. No files needed."""

from __future__ import annotations

from .extract import extract
from .loader import DEFAULT_MAX_BYTES, Page, page_from_bytes, read_page
from .model import Document, FileReport, Report
from .registry import AgencyRegistry, default_registry


def document_from_page(page: Page, registry: AgencyRegistry | None = None, why: bool = False,
                       sites=None, url: str | None = None) -> Document:
    """Extract a loaded page; a page that could not be loaded becomes a document with an error.
    ``why=True`` records why each image was taken or left out (``Document.decisions``); ``sites``
    are the site profiles to match (or one profile to apply), ``url`` the page's address for them."""
    if page.text is None:
        return Document(path=page.path, errors=[page.error or "cannot read file"])
    document = extract(page.text, page.path, registry or default_registry(), why=why, sites=sites, url=url,
                       source=page.source)
    document.encoding = page.encoding
    document.input_warnings = list(page.warnings)
    return document


def extract_html(html: str | bytes, path: str = "<string>", registry: AgencyRegistry | None = None,
                 sites=None, url: str | None = None, why: bool = False) -> Document:
    """Extract figures, credits, sign-off, datelines and mentions from one page's HTML.

    ``html`` may be text or bytes (bytes are decoded as a browser would: BOM, declared charset,
    detection). Problems with the input are in ``Document.errors``; this never raises for bad HTML.
    """
    if isinstance(html, (bytes, bytearray)):
        page = page_from_bytes(path, bytes(html))
    else:
        # text goes the way bytes do (the CLI's way): NUL characters are left out, and said so
        page = page_from_bytes(path, html.encode("utf-8", "surrogatepass"), declared="utf-8") if html.strip() \
            else Page(path, error="empty input")
    return document_from_page(page, registry, why=why, sites=sites, url=url)


def extract_file(path: str, registry: AgencyRegistry | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, why: bool = False, sites=None, url: str | None = None) -> Document:
    """Read and extract one file (``-`` for standard input)."""
    return document_from_page(read_page(path, max_bytes), registry, why=why, sites=sites, url=url)


# -- checking -------------------------------------------------------------------------------

def build_ruleset(rules=None, config=None, agencies=(), site_profiles: bool = True):
    """The active rule set: ``rules`` (pack names or paths) or the config's packs, else ``default``.

    ``config`` is a :class:`~auditor.config.Config`, a path to a config file, or None. The rule set
    carries the site profiles extraction applies: the config's, then the shipped ones (unless the
    config says ``site_profiles: false``); ``site_profiles=False`` turns all of them off.
    Raises :class:`~auditor.yamlio.DataFileError` for a broken pack or config.
    """
    from .config import Config, load_config
    from .rules import load_ruleset
    from .sites import SiteProfiles, shipped_profiles

    if isinstance(rules, str):
        rules = [rules]  # one pack by name or path
    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    config = config or Config()
    packs = list(rules or config.packs or ["default"])
    ruleset = load_ruleset(packs, overrides=config.rule_severities(), agencies_files=[*config.agencies, *agencies],
                           config_path=config.path, house_settings=config.settings)
    ruleset.sites = SiteProfiles()
    if site_profiles:
        ruleset.sites = config.sites + (shipped_profiles() if config.shipped_sites else SiteProfiles())
    return ruleset


def check_document(document: Document, ruleset, text: str | None = None) -> FileReport:
    """Check an extracted document; with the page's ``text``, findings on minified pages get columns
    (and suppression comments there cover only the element after them)."""
    from .rules import Engine

    return Engine(ruleset).check(document, text)


def check_html(html: str | bytes, path: str = "<string>", rules=None, config=None, ruleset=None,
               site=None, url: str | None = None) -> FileReport:
    """Check one page's HTML and return its findings — the call for CMS hooks and publish pipelines.

    ``rules`` lists packs by name (``["dw"]``) or path; ``config`` is a config file path or object;
    pass a prepared ``ruleset`` (from :func:`build_ruleset`) to check many pages without reloading.
    ``site`` is a :class:`~auditor.sites.SiteProfile` to apply (or ``SiteProfiles`` to match);
    without it the rule set's profiles are matched against ``url`` or the page's canonical URL.
    """
    if not isinstance(html, (str, bytes, bytearray)):
        raise TypeError(f"check_html takes the page as str, bytes or bytearray, not {type(html).__name__}")
    if isinstance(rules, str):
        rules = [rules]  # rules="dw" is one pack, not the packs "d" and "w"
    ruleset = ruleset or build_ruleset(rules, config)
    sites = site if site is not None else ruleset.sites
    document = extract_html(html, path, ruleset.registry, sites=sites, url=url)
    return check_document(document, ruleset, html if isinstance(html, str) else None)


def check_paths(paths, rules=None, config=None, ruleset=None) -> Report:
    """Check files and directories; returns the whole :class:`~auditor.model.Report`."""
    from .loader import discover
    from .rules import Engine

    if isinstance(rules, str):
        rules = [rules]
    if isinstance(paths, str):
        paths = [paths]
    ruleset = ruleset or build_ruleset(rules, config)
    engine = Engine(ruleset)
    report = Report()
    for path in discover(paths):
        report.add(engine.check(extract_file(path, ruleset.registry, sites=ruleset.sites)))
    return report


def check_archive(path: str, rules=None, config=None, ruleset=None, facts: bool = False):
    """Check every HTML record of a WARC or ARC file, one at a time: yields a
    :class:`~auditor.model.FileReport` per page, named ``path#offset``, with the crawled ``url``, and
    with ``facts=True`` what the page credits (``report.facts``). Never raises for a damaged archive:
    that becomes an ``input-unreadable`` finding, as in the CLI."""
    from .rules import Engine
    from .runner import RunSpec, check_item, expand

    if isinstance(rules, str):
        rules = [rules]
    ruleset = ruleset or build_ruleset(rules, config)
    engine, spec = Engine(ruleset), RunSpec(facts=facts)
    for item in expand([path]):
        yield check_item(engine, ruleset, item, spec)
