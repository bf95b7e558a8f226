"""``auditor extract`` (default): a table of figures per page, then sign-off, datelines, mentions."""

from __future__ import annotations

from tabulate import tabulate

from . import register_extract
from ._common import printable

CAPTION_WIDTH = 60


def shorten(text: str | None, width: int) -> str:
    if not text:
        return "—"
    text = printable(text)  # page text never drives the terminal
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@register_extract("table")
class ExtractTableWriter:
    def __init__(self, stream, color: bool = False):
        self.stream = stream
        self.color = color
        self.count = 0

    def _bold(self, text: str) -> str:
        return f"\033[1m{text}\033[0m" if self.color else text

    def begin(self) -> None:
        pass

    def document(self, document) -> None:
        write = self.stream.write
        if self.count:
            write("\n")
        self.count += 1
        details = ", ".join(x for x in (document.language, document.encoding,
                                        f"site profile {document.profile}" if document.profile else None) if x)
        write(self._bold(document.path) + (f"  ({details})" if details else "") + "\n")
        if document.errors:
            for error in document.errors:
                write(f"  error: {error}\n")
            return
        if document.headline:
            write(f"  headline: {shorten(document.headline, 100)}\n")
        if document.figures:
            rows = []
            for figure in document.figures:
                credit = figure.credit
                where = f"{document.path}:{figure.line}" if figure.line else document.path
                agencies = ", ".join(credit.agencies) if credit else ""
                credit_text = "—"
                if credit:
                    credit_text = credit.text + ("" if credit.origin == "visible" else f" [{credit.origin}]")
                    if credit.flags:
                        credit_text += " (" + ", ".join(credit.flags) + ")"
                rows.append([where, shorten(figure.caption, CAPTION_WIDTH), shorten(credit_text, 50),
                             agencies or "—"])
            write(tabulate(rows, headers=["file:line", "caption", "credit", "agencies"], tablefmt="simple"))
            write("\n")
        else:
            write("  no article images\n")
        for note in document.unread:
            write(f"  unread: {note}\n")
        if document.decisions:
            write("  why:\n")
            for decision in document.decisions:
                verdict = "taken" if decision.taken else "left out"
                line = f"    {decision.element}: {verdict}: {decision.reason}"
                if decision.unit and decision.taken:
                    line += f"; figure unit {decision.unit}"
                write(line + "\n")
                for detail in decision.details:
                    write(f"      {detail}\n")
        signoff = document.signoff
        if signoff:
            agencies = ", ".join(signoff.agencies) or "none"
            write(f"  sign-off (line {signoff.line}): {signoff.text}  [{signoff.style}; agencies: {agencies}]\n")
        else:
            write("  sign-off: —\n")
        if document.datelines:
            for dateline in document.datelines:
                write(f"  dateline (line {dateline.line}): {dateline.text}  [{dateline.agency}]\n")
        else:
            write("  datelines: —\n")
        if document.mentions:
            mentions = ", ".join(f"{m.agency} ({m.line})" if m.text == m.agency else f"{m.agency} \"{m.text}\" ({m.line})"
                                 for m in document.mentions)
            write(f"  mentions: {mentions}\n")
        else:
            write("  mentions: —\n")

    def end(self) -> None:
        pass
