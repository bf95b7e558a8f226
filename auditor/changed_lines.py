"""Only the lines a change touched: ``auditor check --diff-base REF``.

Asks git which lines each file adds or changes against ``REF`` (``git diff --unified=0``) and keeps
the findings on those lines. Findings about the whole story (the sign-off, datelines, the mentions
they are checked against) count as changed when any line of the file changed: a new sentence citing
Reuters can make an old sign-off wrong. A file git does not track yet is new: all its lines count.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess

from .model import FileReport

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class DiffBaseError(ValueError):
    """git could not say what changed; the message says what to do."""


def _git(args: list[str], cwd: str) -> bytes:
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, which is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffBaseError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return result.stdout


class ChangedLines:
    """The lines each file changed against a git ref."""

    def __init__(self, ref: str, cwd: str | None = None):
        self.ref = ref
        self.cwd = os.path.abspath(cwd or os.getcwd())
        try:
            self.root = _git(["rev-parse", "--show-toplevel"], self.cwd).decode().strip()
        except DiffBaseError:
            raise DiffBaseError("--diff-base works inside a git work tree; run it from the repository") from None
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], self.cwd)
        except DiffBaseError:
            raise DiffBaseError(f"--diff-base: no commit '{ref}' in this repository (in a shallow clone, "
                                "fetch it first: git fetch --depth=1 origin REF)") from None
        self._cache: dict[str, set[int] | None] = {}

    def lines(self, path: str) -> set[int] | None:
        """Changed line numbers of a file; None when every line counts (a new, untracked file)."""
        absolute = os.path.abspath(path)
        if absolute in self._cache:
            return self._cache[absolute]
        relative = os.path.relpath(absolute, self.root)
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", "--", relative], cwd=self.root,
                                 capture_output=True).returncode == 0
        in_base = subprocess.run(["git", "cat-file", "-e", f"{self.ref}:{relative}"], cwd=self.root,
                                 capture_output=True).returncode == 0
        if not tracked or not in_base:
            found = None
        else:
            diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", self.ref, "--", relative], self.root)
            found = set()
            for match in _HUNK.finditer(diff):
                start, count = int(match.group(1)), int(match.group(2) or 1)
                found.update(range(start, start + count))
        self._cache[absolute] = found
        return found

    def filter(self, report: FileReport) -> FileReport:
        if report.path == "-":
            return report
        changed = self.lines(report.path)
        if changed is None:
            return report
        kept = [f for f in report.findings
                if (f.line in changed) or (f.figure is None and changed)]
        return dataclasses.replace(report, findings=kept)
