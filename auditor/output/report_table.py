"""``auditor check`` (default): a table of findings, then one summary line."""

from __future__ import annotations

from tabulate import tabulate

from . import register_report
from ._common import printable

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_RESET = "\033[0m"
MESSAGE_WIDTH = 90


def summary_line(summary) -> str:
    def plural(count, word):
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"{plural(summary.files, 'file')} checked: {plural(summary.errors, 'error')}, "
            f"{plural(summary.warnings, 'warning')}, {plural(summary.suggestions, 'suggestion')}")


@register_report("table")
class ReportTableWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.color = color
        self.rows: list[list[str]] = []

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        for finding in report.findings:
            severity = finding.severity
            if self.color:
                severity = f"{_COLORS.get(severity, '')}{severity}{_RESET}"
            where = f"{report.path}:{finding.line}" if finding.line else report.path
            self.rows.append([printable(where), severity, finding.rule, printable(finding.message)])

    def end(self, summary) -> None:
        if self.rows:
            self.stream.write(tabulate(self.rows, headers=["file:line", "severity", "rule", "message"],
                                       tablefmt="simple", disable_numparse=True,
                                       maxcolwidths=[None, None, None, MESSAGE_WIDTH]))
            self.stream.write("\n\n")
        self.stream.write(summary_line(summary) + "\n")
