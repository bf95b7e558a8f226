"""Helpers the report formats share: stable fingerprints, severity names, rule metadata."""

from __future__ import annotations

import hashlib
import re

from ..loader import ARCHIVE_SUFFIXES

_DIGITS = re.compile(r"\d+")


#: the name of the fingerprint in SARIF's partialFingerprints (v2: by the finding's subject)
FINGERPRINT_NAME = "auditor/v2"


def _identity(finding) -> str:
    """What a finding is about, without what moves when a story is edited: its subject (the picture,
    agency or names), else its message without numbers (line numbers and figure positions)."""
    return finding.subject or _DIGITS.sub("#", finding.message)


def fingerprint(path: str, finding, occurrence: int = 0) -> str:
    """A finding's identity across commits: rule, file and subject. Editing other parts of the page,
    moving lines or rewording the caption leaves it as it was."""
    key = f"{finding.rule}\x1f{path}\x1f{_identity(finding)}\x1f{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class Occurrences:
    """Counts findings with the same (rule, path, subject) so that their fingerprints differ."""

    def __init__(self):
        self.seen: dict[tuple, int] = {}

    def __call__(self, path: str, finding) -> int:
        key = (finding.rule, path, _identity(finding))
        count = self.seen.get(key, 0)
        self.seen[key] = count + 1
        return count


def rule_text(ruleset, rule_id: str, key: str) -> str:
    rule = ruleset.get(rule_id) if ruleset is not None else None
    if rule is None:
        return ""
    return " ".join((rule.spec.get(key) or "").split())


# C0 and C1 control characters (ANSI escape sequences start with ESC or CSI), DEL, and the characters
# XML 1.0 forbids: page text must never drive a terminal or break a report.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def is_record(report) -> bool:
    """A report on an archive record (``crawl.warc.gz#1234``), which outputs show with its URL."""
    if "#" not in report.path:
        return False
    archive, offset = report.path.rsplit("#", 1)
    return offset.isdigit() and archive.lower().endswith(ARCHIVE_SUFFIXES)


def printable(text: str) -> str:
    """Page text made safe for terminals, CI logs and XML: control characters shown as ``\\x1b``."""
    if not text or not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def repository_root(start: str | None = None) -> str:
    """The folder paths in reports are relative to: the git work tree around the working directory,
    or the working directory itself."""
    import os

    here = os.path.abspath(start or os.getcwd())
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def relative_path(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside (or is stdin)."""
    import os

    if path == "-":
        return None
    absolute = os.path.abspath(path)
    if os.path.commonpath([absolute, root]) != root:
        return None
    return os.path.relpath(absolute, root).replace(os.sep, "/")


class LineWriter:
    """A report written a line per finding as files are checked, then the summary line."""

    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream

    def begin(self) -> None:
        pass

    def end(self, summary) -> None:
        from .report_table import summary_line

        self.stream.write(self.summary_text(summary_line(summary)) + "\n")

    def summary_text(self, line: str) -> str:
        return line
