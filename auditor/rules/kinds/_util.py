"""Small helpers the kinds share."""

from __future__ import annotations


def shorten(text: str | None, width: int = 60) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def story_end_line(document) -> int | None:
    """Where a missing sign-off belongs: the last paragraph of the story."""
    body = [b.line for b in document.text if b.part == "body" and b.line]
    if body:
        return body[-1]
    return next((b.line for b in document.text if b.line), 1)


def figure_values(figure, number: int) -> dict:
    return {
        "figure": number,
        "caption": shorten(figure.caption) or "no caption",
        "credit": figure.credit.text if figure.credit else "",
        "src": figure.src or "",
    }
