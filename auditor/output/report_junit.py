"""``--format junit``: JUnit XML, a failing test case per finding at or above --fail-on, a passing one
per file without any.

Findings below the threshold go to a test case's ``system-out``. CI servers (Jenkins, GitLab,
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
        """One failing test case per finding at or above --fail-on (Jenkins shows one failure per
        case, GitLab makes several into an array); one passing case for a file without any. Findings
        below the threshold go to the system-out of the file's first case."""
        path = printable(report.path)
        failing, notes = [], []
        for finding in report.findings:
            where = f"{path}:{finding.line}" if finding.line else path
            text = printable(f"{where}: {finding.severity}: {finding.message}"
                             + (f" (fix: {finding.fix})" if finding.fix else ""))
            if SEVERITY_RANK[finding.severity] >= self.threshold:
                failing.append((finding, where, text))
            else:
                notes.append(escape(text))
        out = ("    <system-out>" + "\n".join(notes) + "</system-out>\n") if notes else ""
        if not failing:
            self.cases.append(f"  <testcase classname=\"auditor\" name={quoteattr(path)} file={quoteattr(path)} "
                              f'time="0">\n{out}  </testcase>')
            return
        for index, (finding, where, text) in enumerate(failing):
            line = f' line="{finding.line}"' if finding.line else ""
            self.cases.append(
                f"  <testcase classname={quoteattr('auditor.' + finding.rule)} name={quoteattr(f'{finding.rule} {where}')} "
                f'file={quoteattr(path)}{line} time="0">\n'
                f"    <failure message={quoteattr(printable(finding.message))} type={quoteattr(finding.rule)}>"
                f"{escape(text)}</failure>\n{out if index == 0 else ''}  </testcase>")
        self.failures += len(failing)

    def end(self, summary) -> None:
        tests = len(self.cases)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(f'<testsuites name="auditor" tests="{tests}" failures="{self.failures}" errors="0" time="0">\n')
        self.stream.write(f'<testsuite name="auditor" tests="{tests}" failures="{self.failures}" '
                          f'errors="0" skipped="0" time="0">\n')
        for case in self.cases:
            self.stream.write(case + "\n")
        self.stream.write("</testsuite>\n</testsuites>\n")
