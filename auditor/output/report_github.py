"""``--format github``: workflow commands that GitHub Actions turns into annotations.

One line per finding, written as files are checked: ``::error file=...,line=...,title=...::message``.
"""

from __future__ import annotations

from . import register_report
from ._common import LineWriter, printable

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """Escaping for the message part of a workflow command (GitHub's toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escaping for property values (``escapeProperty``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@register_report("github")
class GithubWriter(LineWriter):
    def file(self, report) -> None:
        for finding in report.findings:
            properties = [f"file={escape_property(report.path)}"]
            if finding.line:
                properties.append(f"line={finding.line}")
            if finding.column:
                properties.append(f"col={finding.column}")
            properties.append(f"title={escape_property(f'auditor {finding.rule}')}")
            message = printable(finding.message + (f" (fix: {finding.fix})" if finding.fix else ""))
            self.stream.write(f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}\n")
        self.stream.flush()

    def summary_text(self, line: str) -> str:
        return escape_data(line)
