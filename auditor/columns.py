"""Columns for findings on long lines: minified pages put a whole article on line 1.

lxml gives elements a line but no column. For a finding on a long line, the column is where the
thing it is about stands in that line: the picture's file name (for figure findings), else the first
words of its caption, credit or the sign-off. Short lines keep no column: the line says enough.
"""

from __future__ import annotations

#: lines longer than this get columns (a hand-written page's lines are far shorter)
LONG_LINE = 300


def add_columns(text: str, findings, document) -> None:
    lines = None
    for finding in findings:
        if finding.column is not None or not finding.line:
            continue
        lines = lines if lines is not None else text.split("\n")
        if finding.line > len(lines) or len(lines[finding.line - 1]) <= LONG_LINE:
            continue
        line = lines[finding.line - 1]
        for anchor in _anchors(finding, document):
            at = line.find(anchor)
            if at >= 0:
                finding.column = _tag_start(line, at) + 1
                break


def _anchors(finding, document):
    if finding.figure and finding.figure <= len(document.figures):
        figure = document.figures[finding.figure - 1]
        name = (figure.src or "").split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
        if len(name) >= 5:
            yield name
        for text in (figure.caption, figure.credit.text if figure.credit else None):
            if text and len(text) >= 12:
                yield text[:30]
    elif document.signoff and finding.line == document.signoff.line:
        yield document.signoff.text[:30]


def _tag_start(line: str, at: int) -> int:
    """The start of the tag holding an attribute value at ``at``; text stays where it is."""
    opening, closing = line.rfind("<", 0, at), line.rfind(">", 0, at)
    return opening if opening > closing else at
