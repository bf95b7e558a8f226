"""Running a rule set over one extracted document: hits become findings, suppressions apply.

The engine does no I/O: it takes a :class:`~auditor.model.Document` and returns a
:class:`~auditor.model.FileReport`. It knows rule kinds only through the ``KINDS`` registry.
"""

from __future__ import annotations

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

    def check(self, document: Document) -> FileReport:
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
        used: set[int] = set()
        findings = [f for f in findings if not suppressed(f, document, used)]
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


def suppressed(finding: Finding, document: Document, used: set | None = None) -> bool:
    """In-page suppression: ``auditor-disable``/``-enable`` comments, ``auditor-disable-next-line``,
    and ``data-auditor-ignore`` on an element (covering its children). ``used`` collects the indexes
    of the suppressions that hid something."""
    if not document.suppressions or finding.line is None:
        return False
    line, rule = finding.line, finding.rule
    disabled = None
    for index, item in enumerate(document.suppressions):
        applies = not item.rules or rule in item.rules or "all" in item.rules
        if not applies:
            continue
        if item.kind == "ignore-element" or item.kind == "disable-next-line":
            if item.line <= line <= (item.end_line or item.line + 1):
                if used is not None:
                    used.add(index)
                return True
        elif item.kind == "disable" and item.line <= line:
            disabled = index
        elif item.kind == "enable" and item.line <= line:
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
