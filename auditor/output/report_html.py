"""``--format html``: one self-contained page for photo and standards editors.

Per page, a card per figure (the picture, its caption, the credit chain as chips by role, the
structured credit where it differs, the figure's findings) and the sign-off, datelines and agency
mentions in excerpts of the text; above them, totals per severity, rule, file and agency, and filters.

The writer only formats the data model it is given (``FileReport.document``, which the runner attaches
for writers that set ``needs_documents``): each page is turned into a plain view and rendered as soon
as it arrives, so the documents are released as the run goes; the overview, which needs every page,
is rendered at the end. Jinja2 escapes every value (autoescape); page text never becomes markup, and
the report's one script is allowed by its hash in a Content-Security-Policy (no other script runs).
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..model import SEVERITIES, Document, Finding
from . import register_report
from ._common import printable, rule_text

#: context around a highlighted agency mention, sign-off or dateline, in characters each side
EXCERPT_CONTEXT = 50
#: data: pictures inlined in pages are often whole photos; beyond this they would bloat the report
MAX_DATA_URI = 4096
#: with more files than this, the per-file totals start folded
FOLD_FILES_ABOVE = 10
#: up to this many pages, the cards stand in the HTML as they are; beyond, they are packed (gzip and
#: base64, a chunk of PACK_PAGES each) and unpacked by the report's script: a tenth of the size
#: (10,000 pages fit in 20 MB); without JavaScript such a report lists each page and its findings
INLINE_PAGES = 1000
PACK_PAGES = 200
#: the roles a credit chain's chips are coloured by (each also says its role in words)
ROLES = ("photographer", "agency", "distributor", "via", "unknown")
_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,4}")
_LOOSE = re.compile(r"[\W_]+")
_IMAGE_DATA = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|svg\+xml)[;,]", re.IGNORECASE)


def _environment() -> Environment:
    return Environment(loader=PackageLoader("auditor.output", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def csp_hash(text: str) -> str:
    """A CSP source for an inline ``<script>`` or ``<style>`` with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _text(value) -> str:
    """Page text as shown: control characters visible (``\\x1b``), runs of white space as one space."""
    return _SPACE.sub(" ", printable(str(value))).strip() if value else ""


def _loose(text: str | None) -> str:
    return _LOOSE.sub(" ", (text or "").casefold()).strip()


def picture_url(src: str | None, page_url: str | None) -> tuple[str | None, str]:
    """The address the report may load a picture from, or None, and a note on why not.

    Only http(s) addresses and small ``data:image`` URIs are loaded; a relative address is resolved
    against the page's own URL when the page has one. Anything else (``javascript:``, ``file:``, a
    relative address of a page without URL) shows the placeholder instead.
    """
    src = (src or "").strip()
    if not src:
        return None, "no picture address"
    if src.lower().startswith("data:"):
        if _IMAGE_DATA.match(src) and len(src) <= MAX_DATA_URI:
            return src, ""
        return None, "picture inlined in the page (data: address), not copied into the report"
    if src.startswith("//"):
        src = "https:" + src
    scheme = urlsplit(src).scheme.lower() if ":" in src.split("/", 1)[0] else ""
    if scheme in ("http", "https"):
        return src, ""
    if scheme:
        return None, f"address not loaded ({scheme}: is not a web address)"
    base = (page_url or "").strip()
    if urlsplit(base).scheme.lower() in ("http", "https"):
        resolved = urljoin(base, src)
        if urlsplit(resolved).scheme.lower() in ("http", "https"):
            return resolved, ""
    return None, "relative address, and the page gives no URL to resolve it against"


def excerpt(blocks, needle: str | None, line: int | None = None) -> tuple[str, str, str] | None:
    """``(before, match, after)`` around ``needle`` in the page's text blocks, the block on ``line``
    first; None when the text does not hold it."""
    needle = _text(needle)
    if not needle:
        return None
    texts = sorted(blocks, key=lambda block: block.line != line) if line is not None else blocks
    for block in texts:
        text = _text(block.text)
        at = text.casefold().find(needle.casefold())
        if at < 0:
            continue
        start, end = at, at + len(needle)
        before, after = text[max(0, start - EXCERPT_CONTEXT):start], text[end:end + EXCERPT_CONTEXT]
        if start > EXCERPT_CONTEXT:
            before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
        if end + EXCERPT_CONTEXT < len(text):
            after = (after.rsplit(" ", 1)[0] if " " in after else after) + "…"
        return before, text[start:end], after
    return None


@dataclass
class Totals:
    """What the overview counts, over all pages."""

    files: int = 0
    figures: int = 0
    rules: Counter = field(default_factory=Counter)
    rule_files: Counter = field(default_factory=Counter)
    rule_severity: dict = field(default_factory=dict)
    agencies: dict = field(default_factory=dict)  # name -> Counter(pictures, pages, mentions, findings)
    rows: list = field(default_factory=list)  # per file: id, path, counts, figures

    def agency(self, name: str) -> Counter:
        return self.agencies.setdefault(name, Counter())


@register_report("html")
class HtmlWriter:
    #: the runner attaches each page's Document to its report for this writer
    needs_documents = True

    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error",
                 inline_pages: int = INLINE_PAGES, pack_pages: int = PACK_PAGES):
        self.stream = stream
        self.ruleset = ruleset
        self.inline_pages, self.pack_pages = inline_pages, pack_pages
        self.fail_on = fail_on
        self.packs = list(ruleset.packs) if ruleset else ["default"]
        self.env = _environment()
        self.page_template = self.env.get_template("page.html.j2")
        self.pages: list[str] = []
        self.plain: list[dict] = []
        self.totals = Totals()

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        number = len(self.pages) + 1
        try:
            page = self._page(report, number)
            html = self.page_template.render(page=page)
        except Exception as exc:  # noqa: BLE001 - a page the report cannot show must not lose the others
            note = Finding("input-unreadable", "error", "the HTML report could not show this page "
                           f"({type(exc).__name__}: {exc}); please report it", 1)
            page = self._page(dataclasses.replace(report, document=None, findings=[*report.findings, note]), number)
            html = self.page_template.render(page=page)
        self._count(page)
        self.pages.append(html)
        # what a packed report lists without JavaScript: the page and its findings
        self.plain.append({"id": page["id"], "path": page["path"], "counts": page["counts"],
                           "figures": len(page["figures"]),
                           "findings": [(view["index"], finding) for view in page["figures"]
                                        for finding in view["findings"]]
                           + [(None, finding) for finding in page["text"]["findings"]]})

    def _count(self, page: dict) -> None:
        """Add a page's view to the overview's totals."""
        totals = self.totals
        totals.files += 1
        totals.figures += len(page["figures"])
        findings = [f for view in page["figures"] for f in view["findings"]] + page["text"]["findings"]
        for finding in findings:
            totals.rules[finding["rule"]] += 1
            totals.rule_severity.setdefault(finding["rule"], finding["severity"])
        for rule in {finding["rule"] for finding in findings}:
            totals.rule_files[rule] += 1
        page_agencies: set[str] = set(page["text"]["agencies"])
        for view in page["figures"]:
            for name in view["agencies"]:
                counts = totals.agency(name)
                counts["pictures"] += 1
                counts["findings"] += len(view["findings"])
            page_agencies.update(view["agencies"])
        for name in page["text"]["cited_names"]:
            totals.agency(name)["mentions"] += 1
        for name in page_agencies:
            totals.agency(name)["pages"] += 1
        totals.rows.append({"id": page["id"], "path": page["path"], "counts": [n for _, n in page["counts"]],
                            "figures": len(page["figures"])})

    # -- the view of one page: plain values, nothing from the page as markup ---------------------------

    def _page(self, report, number: int) -> dict:
        document = report.document
        figures = list(document.figures) if document is not None else []
        by_figure: dict[int, list] = {}
        page_findings = []
        for finding in report.findings:
            if finding.figure and finding.figure <= len(figures):
                by_figure.setdefault(finding.figure, []).append(finding)
            else:
                page_findings.append(finding)
        page_id = f"p{number}"
        url = document.url if document is not None else None
        views = [self._figure(figure, index, by_figure.get(index, []), url, page_id)
                 for index, figure in enumerate(figures, start=1)]
        counts = Counter(finding.severity for finding in report.findings)
        live = url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None
        return {
            "id": page_id, "path": _text(report.path) or "(no name)",
            "headline": _text(document.headline or document.title) if document else "",
            "url": live, "counts": [(severity, counts[severity]) for severity in SEVERITIES],
            # the page's language on its text, for screen readers (a well-formed BCP 47 tag only)
            "lang": document.language if document is not None and _LANGUAGE.fullmatch(document.language or "")
            else "",
            "figures": views, "text": self._text_panel(document, page_findings),
            "unread_note": None if document is not None else "the page could not be read",
            "problems": [_text(problem) for problem in (document.errors + document.input_warnings + document.unread)]
            if document is not None else [],
        }

    def _figure(self, figure, index: int, findings: list, page_url: str | None, page_id: str) -> dict:
        src, note = picture_url(figure.src, page_url)
        credit = figure.credit
        chips = []
        if credit is not None:
            for source in credit.sources:
                role = "via" if source.via else (source.role if source.role in ROLES else "unknown")
                label = f"via ({source.role})" if source.via and source.role not in ("unknown", "via") else role
                name = _text(source.agency or source.name)
                printed = _text(source.name)
                chips.append({"role": role, "label": label, "name": name,
                              "printed": printed if source.agency and _loose(printed) != _loose(name) else ""})
        agencies = list(credit.agencies) if credit is not None else []
        structured = None
        if figure.structured is not None:
            line = _text(figure.structured.credit_line)
            visible = _text(credit.text) if credit is not None else ""
            if line and _loose(line) != _loose(visible):
                structured = {"origin": figure.structured.origin, "credit": line,
                              "caption": _text(figure.structured.caption)
                              if _loose(figure.structured.caption) != _loose(figure.caption) else ""}
        return {
            "id": f"{page_id}f{index}", "index": index, "line": figure.line, "media": figure.media,
            "src": src, "src_note": note, "src_text": _text(figure.src)[:200],
            "alt": _text(figure.alt) if figure.alt is not None else None,
            "caption": _text(figure.caption), "caption_origin": figure.caption_origin or "",
            "credit": {"text": _text(credit.text), "prefix": _text(credit.prefix), "origin": credit.origin,
                       "flags": list(credit.flags)} if credit is not None else None,
            "chips": chips, "flags": list(figure.flags), "structured": structured,
            "findings": [self._finding(finding) for finding in findings],
            "agencies": agencies,
            "agency_key": "|".join(name.replace("|", "/") for name in agencies),
        }

    def _text_panel(self, document, findings: list) -> dict:
        """The sign-off, datelines and mentions in excerpts of the text, and the findings about the
        page as a whole (all of them when the page could not be read: ``document`` is None)."""
        if document is None:
            document = Document(path="")
        blocks = document.text
        signoff = None
        in_signoff: set[str] = set()
        if document.signoff is not None:
            signoff = {"text": _text(document.signoff.text), "line": document.signoff.line,
                       "agencies": list(document.signoff.agencies),
                       "excerpt": excerpt(blocks, document.signoff.text, document.signoff.line)}
            in_signoff = set(document.signoff.agencies)
        datelines = [{"text": _text(d.text), "agency": d.agency, "line": d.line,
                      "excerpt": excerpt(blocks, d.text, d.line)} for d in document.datelines]
        mentions = [{"agency": m.agency, "text": _text(m.text), "line": m.line,
                     "excerpt": excerpt(blocks, m.text, m.line)} for m in document.mentions]
        cited: list[str] = []
        for name in [d.agency for d in document.datelines if d.agency] + [m.agency for m in document.mentions]:
            if name not in cited:
                cited.append(name)
        agencies = set(cited) | in_signoff
        return {
            "signoff": signoff, "datelines": datelines, "mentions": mentions,
            "cited": [{"name": name, "present": name in in_signoff} for name in cited],
            "cited_names": cited, "has_signoff": signoff is not None,
            "agencies": agencies, "agency_key": "|".join(sorted(a.replace("|", "/") for a in agencies)),
            "findings": [self._finding(finding) for finding in findings],
        }

    @staticmethod
    def _finding(finding) -> dict:
        where = f"{finding.line}:{finding.column}" if finding.line and finding.column else (
            str(finding.line) if finding.line else "")
        return {"rule": finding.rule, "severity": finding.severity, "message": _text(finding.message),
                "where": where, "fix": _text(finding.fix)}

    # -- the whole report ------------------------------------------------------------------------------

    def _rules(self) -> list[dict]:
        explained = []
        for rule_id in sorted(self.totals.rules):
            rule = self.ruleset.get(rule_id) if self.ruleset is not None else None
            examples = {}
            if rule is not None:
                for label in ("bad", "good"):
                    value = (rule.spec.get("examples") or {}).get(label)
                    examples[label] = [value] if isinstance(value, str) else list(value or [])
            explained.append({
                "id": rule_id, "severity": self.totals.rule_severity.get(rule_id, "warning"),
                "description": rule_text(self.ruleset, rule_id, "description"),
                "rationale": rule_text(self.ruleset, rule_id, "rationale"),
                "examples": examples, "count": self.totals.rules[rule_id], "files": self.totals.rule_files[rule_id],
            })
        return explained

    def end(self, summary) -> None:
        totals = self.totals
        script = self.env.loader.get_source(self.env, "report.js")[0]
        style = self.env.loader.get_source(self.env, "report.css")[0]
        csp = ("default-src 'none'; img-src http: https: data:; "
               f"style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
               "base-uri 'none'; form-action 'none'")
        agencies = sorted(totals.agencies.items(), key=lambda item: (-item[1]["pictures"] - item[1]["mentions"],
                                                                     item[0].casefold()))
        verdict = "no errors" if not summary.errors else f"{summary.errors} error{'s' * (summary.errors != 1)}"
        self.stream.write(self.env.get_template("report.html.j2").render(
            csp=csp, script=Markup(script), style=Markup(style), version=__version__, rule_packs=self.packs,
            generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), summary=summary, verdict=verdict,
            failed=summary.at_or_above(self.fail_on) > 0, fail_on=self.fail_on, totals=totals,
            agencies=agencies, rules=self._rules(), severities=SEVERITIES,
            fold_files=len(totals.rows) > FOLD_FILES_ABOVE,
            **self._pages()))

    def _pages(self) -> dict:
        """The pages' HTML (each rendered and escaped by page.html.j2) as it stands, or packed."""
        if len(self.pages) <= self.inline_pages:
            return {"pages": Markup("".join(self.pages)), "packs": [], "plain": []}
        packs = []
        for start in range(0, len(self.pages), self.pack_pages):
            data = "".join(self.pages[start:start + self.pack_pages]).encode("utf-8")
            packs.append(base64.b64encode(gzip.compress(data, compresslevel=6, mtime=0)).decode("ascii"))
        return {"pages": Markup(""), "packs": packs, "plain": self.plain}
