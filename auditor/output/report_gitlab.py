"""``--format gitlab``: GitLab Code Quality JSON (an array of issues), written as files are checked."""

from __future__ import annotations

import json

from . import register_report
from ._common import Occurrences, fingerprint

SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}


@register_report("gitlab")
class GitlabWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.count = 0
        self.occurrences = Occurrences()

    def begin(self) -> None:
        self.stream.write("[")

    def file(self, report) -> None:
        for finding in report.findings:
            issue = {
                "type": "issue",
                "description": finding.message,
                "check_name": finding.rule,
                "fingerprint": fingerprint(report.path, finding, self.occurrences(report.path, finding)),
                "severity": SEVERITIES[finding.severity],
                "categories": ["Style"],
                "location": {"path": report.path, "lines": {"begin": finding.line or 1}},
            }
            self.stream.write((",\n" if self.count else "\n") + json.dumps(issue, ensure_ascii=False))
            self.count += 1

    def end(self, summary) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
