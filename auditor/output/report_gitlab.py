"""``--format gitlab``: GitLab Code Quality JSON (an array of issues), written as files are checked."""

from __future__ import annotations

import json
import os

from . import register_report
from ._common import Occurrences, fingerprint, relative_path, repository_root

SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}


@register_report("gitlab")
class GitlabWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.count = 0
        self.occurrences = Occurrences()
        self.root = repository_root()

    def begin(self) -> None:
        self.stream.write("[")

    def _path(self, path: str) -> str:
        """Relative to the repository root, as GitLab resolves it; never absolute."""
        if path == "-":
            return "stdin"
        return relative_path(path, self.root) or os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")

    def file(self, report) -> None:
        path = self._path(report.path)
        for finding in report.findings:
            issue = {
                "type": "issue",
                "description": finding.message,
                "check_name": finding.rule,
                "fingerprint": fingerprint(path, finding, self.occurrences(path, finding)),
                "severity": SEVERITIES[finding.severity],
                "categories": ["Style"],
                "location": {"path": path, "lines": {"begin": finding.line or 1}},
            }
            self.stream.write((",\n" if self.count else "\n") + json.dumps(issue, ensure_ascii=False))
            self.count += 1

    def end(self, summary) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
