"""``--format junit``: JUnit XML, a test case per file and a failure per finding at or above --fail-on.

Findings below the threshold go to the test case's ``system-out``. CI servers (Jenkins, GitLab,
Azure) show the files as tests; the totals in the root element need the whole run, so the test
cases are kept until the end (a few hundred bytes per file).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..model import SEVERITY_RANK
from . import register_report
from ._common import printable


@register_report("junit")
class JunitWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.threshold = SEVERITY_RANK.get(fail_on, 99)
        self.cases: list[str] = []
        self.failures = 0

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        failures, notes = [], []
        for finding in report.findings:
            where = f"{report.path}:{finding.line}" if finding.line else report.path
            text = printable(f"{where}: {finding.severity}: {finding.message}"
                             + (f" (fix: {finding.fix})" if finding.fix else ""))
            if SEVERITY_RANK[finding.severity] >= self.threshold:
                failures.append(f'    <failure message={quoteattr(printable(finding.message))} type={quoteattr(finding.rule)}>'
                                f"{escape(text)}</failure>")
            else:
                notes.append(escape(text))
        self.failures += len(failures)
        parts = [f"  <testcase classname=\"auditor\" name={quoteattr(report.path)}>", *failures]
        if notes:
            parts.append("    <system-out>" + "\n".join(notes) + "</system-out>")
        parts.append("  </testcase>")
        self.cases.append("\n".join(parts))

    def end(self, summary) -> None:
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(f'<testsuites name="auditor" tests="{len(self.cases)}" failures="{self.failures}">\n')
        self.stream.write(f'<testsuite name="auditor" tests="{len(self.cases)}" failures="{self.failures}" '
                          f'errors="0" skipped="0">\n')
        for case in self.cases:
            self.stream.write(case + "\n")
        self.stream.write("</testsuite>\n</testsuites>\n")
