"""``--format concise``: ``path:line:col: severity rule message``, one line per finding.

The shape compilers and linters print, which editors' problem matchers and ``grep`` read as they are.
Written as files are checked.
"""

from __future__ import annotations

from . import register_report
from ._common import LineWriter, printable


@register_report("concise")
class ConciseWriter(LineWriter):
    def file(self, report) -> None:
        for finding in report.findings:
            where = f"{printable(report.path)}:{finding.line or 1}:{finding.column or 1}"
            self.stream.write(f"{where}: {finding.severity} {finding.rule} {printable(finding.message)}\n")
        self.stream.flush()
