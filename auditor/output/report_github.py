"""``--format github``: workflow commands that GitHub Actions turns into annotations.

One line per finding, written as files are checked: ``::error file=...,line=...,title=...::message``.
GitHub shows about ten annotations per level in a step and drops the rest, so after ten of a level the
others are counted, and one ``::notice::`` line says how many and where to find them.
"""

from __future__ import annotations

from . import register_report
from ._common import LineWriter, printable

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}
#: annotations per level GitHub shows in one step
PER_LEVEL = 10


def escape_data(text: str) -> str:
    """Escaping for the message part of a workflow command (GitHub's toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escaping for property values (``escapeProperty``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@register_report("github")
class GithubWriter(LineWriter):
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        super().__init__(stream)
        self.shown = dict.fromkeys(COMMANDS.values(), 0)
        self.unshown = 0

    def file(self, report) -> None:
        for finding in report.findings:
            level = COMMANDS[finding.severity]
            if self.shown[level] >= PER_LEVEL:
                self.unshown += 1
                continue
            self.shown[level] += 1
            properties = [f"file={escape_property(report.path)}"]
            if finding.line:
                properties.append(f"line={finding.line}")
            if finding.column:
                properties.append(f"col={finding.column}")
            properties.append(f"title={escape_property(f'auditor {finding.rule}')}")
            message = printable(finding.message + (f" (fix: {finding.fix})" if finding.fix else ""))
            self.stream.write(f"::{level} {','.join(properties)}::{escape_data(message)}\n")
        self.stream.flush()

    def summary_text(self, line: str) -> str:
        if self.unshown:
            more = (f"::notice title=auditor::and {self.unshown} more finding{'s' if self.unshown != 1 else ''}, "
                    f"not annotated (GitHub shows {PER_LEVEL} per level); see the job summary or the SARIF report\n")
            return more + escape_data(line)
        return escape_data(line)
