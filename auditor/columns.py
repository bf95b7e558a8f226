"""Columns for findings on long lines: minified pages put a whole article on line 1.

lxml gives elements a line but no column. For a finding on a long line, the column is where the
thing it is about stands in that line: the picture's file name (for figure findings), else the first
words of its caption, credit or the sign-off. Short lines keep no column: the line says enough.
"""

from __future__ import annotations

from .model import url_file_name

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
                start = tag_start(line, at)
                finding.column = (at if start is None else start) + 1
                break


def _anchors(finding, document):
    if finding.figure and finding.figure <= len(document.figures):
        figure = document.figures[finding.figure - 1]
        name = url_file_name(figure.src)
        if len(name) >= 5:
            yield name
        for text in (figure.caption, figure.credit.text if figure.credit else None):
            if text and len(text) >= 12:
                yield text[:30]
    elif document.signoff and finding.line == document.signoff.line:
        yield document.signoff.text[:30]


def tag_start(text: str, offset: int) -> int | None:
    """Where the tag around ``offset`` opens, when the offset is inside a tag (an attribute value)."""
    opening, closing = text.rfind("<", 0, offset), text.rfind(">", 0, offset)
    return opening if opening > closing else None
