"""``--format markdown``: a summary for ``$GITHUB_STEP_SUMMARY`` and pull-request comments."""

from __future__ import annotations

from . import register_report
from ._common import printable

ICONS = {"error": "🔴", "warning": "🟠", "suggestion": "🔵"}
MAX_ROWS = 200  # a step summary is limited to 1 MiB; the SARIF and annotations carry the rest


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@register_report("markdown")
class MarkdownWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.rows: list[str] = []
        self.hidden = 0
        self.packs = ", ".join(ruleset.packs) if ruleset else "default"

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        for finding in report.findings:
            if len(self.rows) >= MAX_ROWS:
                self.hidden += 1
                continue
            where = f"`{report.path}:{finding.line}`" if finding.line else f"`{report.path}`"
            self.rows.append(f"| {where} | {ICONS[finding.severity]} {finding.severity} | `{finding.rule}` | "
                             f"{_cell(printable(finding.message))} |")

    def end(self, summary) -> None:
        verdict = "✅ no errors" if not summary.errors else f"❌ {summary.errors} error{'s' * (summary.errors != 1)}"
        lines = ["## auditor: credits and captions", "",
                 f"{verdict} in {summary.files} file{'s' * (summary.files != 1)} "
                 f"(packs: {self.packs})", "",
                 "| errors | warnings | suggestions |", "|---:|---:|---:|",
                 f"| {summary.errors} | {summary.warnings} | {summary.suggestions} |", ""]
        if self.rows:
            lines += ["| where | severity | rule | message |", "|---|---|---|---|", *self.rows]
            if self.hidden:
                lines.append(f"\n…and {self.hidden} more findings (see the annotations or the SARIF report).")
        self.stream.write("\n".join(lines) + "\n")
