"""Machine-applicable fixes, made on the source by offset (``auditor check --fix`` and ``--diff``).

A rule that is certain of the right text gives a finding an ``edit`` (``{"old", "new"}``).
:func:`locate` finds the one place near the finding's line where the page prints ``old``;
:func:`apply` replaces exactly those bytes. Nothing is re-serialised: encoding, entities, whitespace
and attribute order stay byte for byte as they were. Where the text is not found exactly once, or the
page does not decode cleanly, nothing is changed.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import re
from dataclasses import dataclass

from .columns import tag_start
from .model import url_file_name

#: how many lines after the finding's line the text may stand on (a credit element's text can
#: start on the line after its tag)
_WINDOW = 3


@dataclass(frozen=True)
class Edit:
    start: int  # character offsets in the decoded text
    end: int
    new: str


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def locate(text: str, findings, figures=()) -> None:
    """Give each finding with an edit the places in ``text`` where its old text stands
    (``locations``: ``line``, ``column``, ``end_column``, 1-based, in characters), or drop the edit
    when it is not certain where: the old text must stand once near the finding's line, or several
    times inside one tag (the same credit in an image's ``alt`` and ``title``)."""
    starts = None
    for finding in findings:
        if not finding.edit or not finding.line:
            continue
        starts = starts or _line_starts(text)
        first = finding.line - 1
        if first >= len(starts):
            finding.edit = None
            continue
        begin = starts[first]
        end = starts[first + _WINDOW] if first + _WINDOW < len(starts) else len(text)
        old = finding.edit["old"]
        pattern = re.compile(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])")
        matches = list(pattern.finditer(text, begin, end))
        if len(matches) > 1 and finding.figure and finding.figure <= len(figures):
            matches = _near_picture(text, matches, figures[finding.figure - 1].src, begin, end)
        if not matches or (len(matches) > 1 and len({tag_start(text, m.start()) for m in matches} - {None}) != 1
                           or len(matches) > 1 and tag_start(text, matches[0].start()) is None):
            finding.edit = None  # not certain where: leave the page alone
            continue
        locations = []
        for match in matches:
            line = bisect.bisect_right(starts, match.start()) - 1
            column = match.start() - starts[line] + 1
            locations.append({"line": line + 1, "column": column, "end_column": column + len(old)})
        finding.edit = {**finding.edit, "locations": locations}
        if finding.column is None and finding.line == locations[0]["line"]:
            finding.column = locations[0]["column"]


def _near_picture(text: str, matches: list, src: str | None, begin: int, end: int) -> list:
    """On a line with several pictures, the matches that belong to this one: in its own tag (alt,
    title), else after it and before the next picture."""
    name = url_file_name(src)
    anchor = text.find(name, begin, end) if len(name) >= 5 else -1
    if anchor < 0:
        return matches
    tag = tag_start(text, anchor)
    own = [m for m in matches if tag is not None and tag_start(text, m.start()) == tag]
    if own:
        return own
    following = text.find("<img", anchor, end)
    limit = following if following >= 0 else end
    return [m for m in matches if anchor < m.start() < limit]


def edits_of(text: str, findings) -> list[Edit]:
    """The located edits, as offsets in ``text``; overlapping ones are dropped (first wins)."""
    starts = _line_starts(text)
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for finding in findings:
        edit = finding.edit
        if not edit or "locations" not in edit:
            continue
        for location in edit["locations"]:
            start = starts[location["line"] - 1] + location["column"] - 1
            end = start + len(edit["old"])
            if text[start:end] != edit["old"] or any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            edits.append(Edit(start, end, edit["new"]))
    return sorted(edits, key=lambda e: e.start)


class FixError(ValueError):
    """The page cannot be fixed safely; the message says why."""


def decode_exactly(raw: bytes, encoding: str | None) -> tuple[str, int, str]:
    """``(text, bom_bytes, codec)``: the page decoded strictly, so that offsets map back to bytes."""
    codec = codecs.lookup(encoding or "utf-8").name
    if codec.startswith(("utf-16", "utf-32")):
        raise FixError(f"pages in {codec} are not fixed in place")
    bom = len(codecs.BOM_UTF8) if codec == "utf-8" and raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[bom:].decode(codec, errors="strict")
    except UnicodeDecodeError as exc:
        raise FixError(f"the page does not decode cleanly as {codec} (byte {exc.start + bom}); "
                       "fix its encoding first") from None
    return text, bom, codec


def apply(raw: bytes, encoding: str | None, findings) -> tuple[bytes, int]:
    """The page's bytes with the findings' located edits made, and how many were made."""
    text, bom, codec = decode_exactly(raw, encoding)
    edits = edits_of(text, findings)
    if not edits:
        return raw, 0
    out = bytearray(raw[:bom])
    position = 0
    byte_position = bom
    for edit in edits:
        # bytes between the last edit and this one, copied as they are
        span = len(text[position:edit.start].encode(codec))
        out += raw[byte_position:byte_position + span]
        byte_position += span
        old_bytes = text[edit.start:edit.end].encode(codec)
        if raw[byte_position:byte_position + len(old_bytes)] != old_bytes:
            raise FixError("the page's bytes do not match its text; it was not changed")
        out += edit.new.encode(codec)
        byte_position += len(old_bytes)
        position = edit.end
    out += raw[byte_position:]
    return bytes(out), len(edits)


def unified_diff(path: str, before: bytes, after: bytes, codec: str) -> str:
    old = before.decode(codec, errors="replace").splitlines(keepends=True)
    new = after.decode(codec, errors="replace").splitlines(keepends=True)
    name = path.replace("\\", "/").lstrip("/")
    return "".join(difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}"))
