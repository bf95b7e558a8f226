"""A baseline: today's findings, recorded so that a check reports only new ones.

Newsrooms point auditor at archives with years of old pages; a baseline lets them gate new findings
now and shrink the old ones over time. Findings are recorded by the fingerprints SARIF carries (rule,
file and the finding's subject: the picture, agency or names it is about), so that moving lines,
editing other parts of a page or rewording a caption keeps a known finding known.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass, field

from .model import FileReport
from .output._common import Occurrences, fingerprint, relative_path, repository_root
from .yamlio import DataFileError

SCHEMA = "auditor/baseline-1"


def _key_path(path: str, root: str) -> str:
    return relative_path(path, root) or path


def record(reports, root: str | None = None) -> dict:
    """The baseline document for these reports."""
    root = root or repository_root()
    occurrences = Occurrences()
    entries = []
    for report in reports:
        path = _key_path(report.path, root)
        for finding in report.findings:
            entries.append({"path": path, "rule": finding.rule,
                            "fingerprint": fingerprint(path, finding, occurrences(path, finding)),
                            "line": finding.line, "message": finding.message})
    return {"schema": SCHEMA, "findings": entries}


@dataclass
class Baseline:
    """Known findings by (path, fingerprint), and what a run did with them."""

    known: Counter = field(default_factory=Counter)
    entries: dict = field(default_factory=dict)  # (path, fingerprint) -> the recorded entry
    root: str = field(default_factory=repository_root)
    hidden: int = 0
    seen: Counter = field(default_factory=Counter)
    checked: set = field(default_factory=set)
    _occurrences: Occurrences = field(default_factory=Occurrences)

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as exc:
            raise DataFileError(path, None, None, f"cannot read the baseline: {exc.strerror or exc}; "
                                "create it with 'auditor baseline PATHS --output FILE'") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            line = getattr(exc, "lineno", None)
            raise DataFileError(path, line, None, "not a baseline file (broken JSON); recreate it with "
                                "'auditor baseline PATHS --output FILE'") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
            raise DataFileError(path, None, None, f"not an auditor baseline (expected schema '{SCHEMA}'); "
                                "recreate it with 'auditor baseline PATHS --output FILE'")
        baseline = cls()
        for entry in data["findings"]:
            if isinstance(entry, dict) and isinstance(entry.get("path"), str) and \
                    isinstance(entry.get("fingerprint"), str):
                key = (entry["path"], entry["fingerprint"])
                baseline.known[key] += 1
                baseline.entries[key] = entry
        return baseline

    def filter(self, report: FileReport) -> FileReport:
        """The report without the findings the baseline knows."""
        path = _key_path(report.path, self.root)
        self.checked.add(path)
        kept = []
        for finding in report.findings:
            key = (path, fingerprint(path, finding, self._occurrences(path, finding)))
            if self.seen[key] < self.known[key]:
                self.seen[key] += 1
                self.hidden += 1
            else:
                kept.append(finding)
        return dataclasses.replace(report, findings=kept)

    def gone(self) -> list[dict]:
        """Recorded findings of the files checked in this run that no longer occur: fixed."""
        return [self.entries[key] for key, count in self.known.items()
                if key[0] in self.checked and self.seen[key] < count]
