"""``auditor check --format json``: ``{"schema": "auditor/report-1", "files": [...], "summary": {...}}``.

Files are written as they are checked, so memory stays flat on large runs.
"""

from __future__ import annotations

import json

from . import register_report
from ._common import is_record


@register_report("json")
class ReportJsonWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.count = 0

    def begin(self) -> None:
        self.stream.write('{"schema": "auditor/report-1", "files": [')

    def file(self, report) -> None:
        entry = {"path": report.path, "findings": [f.to_dict() for f in report.findings]}
        if is_record(report) and report.url:
            entry = {"path": report.path, "url": report.url, "findings": entry["findings"]}
        self.stream.write((",\n  " if self.count else "\n  ") + json.dumps(entry, ensure_ascii=False))
        self.count += 1

    def end(self, summary) -> None:
        self.stream.write(("\n]" if self.count else "]") + ', "summary": ' + json.dumps(summary.to_dict()) + "}\n")
