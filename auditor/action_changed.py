"""For the GitHub Action's ``changed-only`` input: print the HTML files a pull request changes
(``--base``: the commit it is compared with, for ``changed-only: lines``).

Reads the pull request's base and head from ``$GITHUB_EVENT_PATH`` and asks git for the changed
files; prints those that lie under one of the given paths, one per line. Outside a pull request it
prints the given paths unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import PurePosixPath

from .loader import HTML_SUFFIXES


def changed_files(base: str, head: str, cwd: str | None = None) -> list[str]:
    def diff(spec: str) -> list[str]:
        # quotePath off and NUL-separated: "stories/café.html" comes back as written, not as
        # "stories/caf\303\251.html" in quotes, and names with newlines survive.
        result = subprocess.run(["git", "-c", "core.quotePath=false", "diff", "-z", "--name-only",
                                 "--diff-filter=ACMR", spec], cwd=cwd, capture_output=True, check=True)
        return [name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name]

    try:
        return diff(f"{base}...{head}")
    except subprocess.CalledProcessError:
        return diff(f"{base}..{head}")  # shallow clones may lack the merge base


def within(path: str, roots: list[str]) -> bool:
    candidate = PurePosixPath(path)
    for root in roots:
        root_path = PurePosixPath(root.rstrip("/") or ".")
        if str(root_path) == "." or candidate == root_path or root_path in candidate.parents:
            return True
    return False


def base_commit(event: dict) -> str:
    """The commit a pull request (its base) or a push (the commit before it) is compared with."""
    pull = event.get("pull_request")
    if pull:
        return pull.get("base", {}).get("sha", "")
    before = event.get("before", "")
    return "" if not before or set(before) == {"0"} else before


def main(argv: list[str]) -> int:
    event_path = os.environ.get("GITHUB_EVENT_PATH")
    event = {}
    if event_path and os.path.exists(event_path):
        with open(event_path, encoding="utf-8") as handle:
            event = json.load(handle)
    if argv[:1] == ["--base"]:
        print(base_commit(event))  # for changed-only: lines (check --diff-base)
        return 0
    roots = argv or ["."]
    pull = event.get("pull_request")
    if not pull:
        print("\n".join(roots))
        return 0
    try:
        files = changed_files(pull["base"]["sha"], pull["head"]["sha"], os.environ.get("GITHUB_WORKSPACE"))
    except (subprocess.CalledProcessError, KeyError, FileNotFoundError) as exc:
        # Said where CI shows it: a fallback must never look like a targeted run.
        print(f"::warning::auditor: cannot list the changed files ({exc}); checking all paths", file=sys.stderr)
        print("\n".join(roots))
        return 0
    for path in files:
        if path.lower().endswith(HTML_SUFFIXES) and within(path, roots):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
