"""Running a rule set over one extracted document: hits become findings, suppressions apply.

The engine does no I/O: it takes a :class:`~auditor.model.Document` and returns a
:class:`~auditor.model.FileReport`. It knows rule kinds only through the ``KINDS`` registry.
"""

from __future__ import annotations

from ..columns import add_columns
from ..model import Document, FileReport, Finding
from .packs import RuleSet

_MESSAGE_WIDTH = 300


class _Values(dict):
    def __missing__(self, key):
        return ""


class Engine:
    def __init__(self, ruleset: RuleSet, report_unused_suppressions: bool = False):
        self.ruleset = ruleset
        self.report_unused_suppressions = report_unused_suppressions
        self.problems: list[str] = []  # rule problems met while running (a pattern that timed out)
        self._disabled: set[str] = set()

    def check(self, document: Document, text: str | None = None) -> FileReport:
        """The document's findings. With the page's ``text``, findings on long lines get columns
        first, so that suppression comments on one-line pages apply to the element they precede."""
        findings: list[Finding] = []
        for rule in self.ruleset.rules:
            severity = rule.spec.get("severity", "warning")
            if severity == "off" or rule.id in self._disabled:
                continue
            if document.errors and rule.kind != "input":
                continue  # nothing was read: only input rules have anything to say
            try:
                hits = list(rule.check(document))
            except TimeoutError:
                source = self.ruleset.sources.get(rule.id)
                where = f"{source.path}:{source.line}:{source.column}" if source else rule.id
                self.problems.append(f"{where}: rule '{rule.id}': its pattern took too long on {document.path}; "
                                     "the rule is skipped for the rest of this run; simplify the pattern")
                self._disabled.add(rule.id)
                continue
            template = rule.spec.get("message") or rule.spec.get("description") or rule.id
            for hit in hits:
                values = _Values(hit.values)
                values.update(rule=rule.id, severity=severity)
                message = template.format_map(values)
                if len(message) > _MESSAGE_WIDTH:
                    message = message[: _MESSAGE_WIDTH - 1] + "…"
                edit = {"old": hit.replace[0], "new": hit.replace[1]} if hit.replace else None
                findings.append(Finding(rule.id, severity, message, hit.line, hit.column, hit.figure, hit.fix,
                                        subject(rule, hit, document), edit))
        if text is not None and findings:
            add_columns(text, findings, document)
        used: set[int] = set()
        reach = _reach_on_the_line(findings, document)
        findings = [f for f in findings if not suppressed(f, document, used, reach)]
        if self.report_unused_suppressions:
            findings.extend(unused_suppressions(document, used))
        findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule, f.figure or 0))
        return FileReport(document.path, findings)


def subject(rule, hit, document: Document) -> str:
    """What a finding is about, in words that survive edits elsewhere on the page (labels and
    baselines key on it): the figure's picture, then the values its rule kind names."""
    parts = []
    if hit.figure and hit.figure <= len(document.figures):
        parts.append(document.figures[hit.figure - 1].identity)
    parts.extend(str(hit.values[key]) for key in rule.subject_keys if hit.values.get(key))
    return " | ".join(parts) or rule.id


def _reach_on_the_line(findings: list[Finding], document: Document) -> dict[int, int | None]:
    """For a ``disable-next-line`` comment that shares its line with what follows (a one-line page):
    the column of the next element's findings, the first after the comment; None when there are none."""
    reach = {}
    for index, item in enumerate(document.suppressions):
        if item.kind == "disable-next-line" and item.column is not None:
            after = [f.column for f in findings if f.line == item.line and f.column and f.column > item.column]
            reach[index] = min(after) if after else None
    return reach


def suppressed(finding: Finding, document: Document, used: set | None = None, reach: dict | None = None) -> bool:
    """In-page suppression: ``auditor-disable``/``-enable`` comments, ``auditor-disable-next-line``,
    and ``data-auditor-ignore`` on an element (covering its children). ``used`` collects the indexes
    of the suppressions that hid something. Where comments and findings share a long line, columns
    decide: ``disable-next-line`` covers the element after the comment, and a ``disable … enable``
    pair what stands between them."""
    if not document.suppressions or finding.line is None:
        return False
    line, rule = finding.line, finding.rule
    position = (line, finding.column or 0)
    disabled = None
    for index, item in enumerate(document.suppressions):
        applies = not item.rules or rule in item.rules or "all" in item.rules
        if not applies:
            continue
        if item.kind == "disable-next-line" and item.column is not None and line == item.line:
            covered = reach is not None and finding.column is not None and finding.column == reach.get(index)
        elif item.kind == "ignore-element" or item.kind == "disable-next-line":
            covered = item.line <= line <= (item.end_line or item.line + 1)
        else:
            covered = False
        if covered:
            if used is not None:
                used.add(index)
            return True
        start = (item.line, item.column or 0)
        if item.kind == "disable" and start <= position:
            disabled = index
        elif item.kind == "enable" and start <= position:
            disabled = None
    if disabled is not None and used is not None:
        used.add(disabled)
    return disabled is not None


def unused_suppressions(document: Document, used: set) -> list[Finding]:
    """``--report-unused-suppressions``: the suppressions that hid no finding (as ruff's unused noqa)."""
    found = []
    for index, item in enumerate(document.suppressions):
        if index in used or item.kind == "enable":
            continue
        what = ", ".join(item.rules) or "all rules"
        found.append(Finding("unused-suppression", "warning",
                             f"this {item.kind} ({what}) hides no finding; remove it", item.line,
                             fix="remove the suppression", subject=f"{item.kind} {what}"))
    found.sort(key=lambda f: f.line or 0)
    return found
