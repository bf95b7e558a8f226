"""The README's example outputs are produced by the commands they show: this test fails when they drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shown_output(command: str) -> str:
    """The lines after ``$ COMMAND`` in a README code block, up to a blank line, the next ``$`` or the fence."""
    start = README.index(f"$ {command}\n") + len(f"$ {command}\n")
    lines = []
    for line in README[start:].splitlines():
        if line.startswith(("$ ", "```")) or (not line.strip() and lines and command.startswith("auditor rules")):
            break
        lines.append(line)
    return "\n".join(lines).strip()


@pytest.mark.parametrize("command", ["auditor check samples/", "auditor rules --rules dw"])
def test_readme_output_is_what_the_command_prints(command):
    args = command.split()[1:]
    result = subprocess.run([sys.executable, "-m", "auditor", *args], cwd=ROOT, capture_output=True, text=True,
                            env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert result.stdout.strip() == shown_output(command), f"README example of '{command}' is stale"


def test_readme_links_work_on_pypi():
    """PyPI shows the README without the repository around it: links must be absolute."""
    import re

    relative = re.findall(r"\]\(((?!https?:|#|mailto:)[^)\s]+)\)", README)
    assert relative == []
    for link in re.findall(r"\]\(https://github\.com/auditor-news/auditor/(?:blob|tree)/main/([^)#\s]+)\)", README):
        assert (ROOT / link).exists(), link
