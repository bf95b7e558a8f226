"""``auditor check`` (default): the findings grouped by file, a table each, then one summary line.

Streams: each file's table is written as soon as the file is checked.
"""

from __future__ import annotations

from tabulate import tabulate

from . import register_report
from ._common import is_record, printable

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"
MESSAGE_WIDTH = 90


def summary_line(summary, unit: str = "file") -> str:
    """``unit``: "page" when the run read archive records (one archive file holds many pages)."""
    def plural(count, word):
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"{plural(summary.files, unit)} checked: {plural(summary.errors, 'error')}, "
            f"{plural(summary.warnings, 'warning')}, {plural(summary.suggestions, 'suggestion')}")


@register_report("table")
class ReportTableWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.color = color
        self.written = False
        self.unit = "file"

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        if is_record(report):
            self.unit = "page"
        if not report.findings:
            return
        rows = []
        for finding in report.findings:
            severity = finding.severity
            if self.color:
                severity = f"{_COLORS.get(severity, '')}{severity}{_RESET}"
            where = f"{finding.line or 1}:{finding.column or 1}"
            rows.append([where, severity, finding.rule, printable(finding.message)])
        path = printable(report.path + (f"  {report.url}" if is_record(report) and report.url else ""))
        self.stream.write(("\n" if self.written else "") + (f"{_BOLD}{path}{_RESET}" if self.color else path) + "\n")
        table = tabulate(rows, tablefmt="plain", disable_numparse=True, maxcolwidths=[None, None, None, MESSAGE_WIDTH])
        self.stream.write("".join(f"  {line.rstrip()}\n" for line in table.splitlines()))
        self.stream.flush()
        self.written = True

    def end(self, summary) -> None:
        self.stream.write(("\n" if self.written else "") + summary_line(summary, self.unit) + "\n")
