"""The fields rules can test, by dotted name. Each field has a scope (per figure, or per document)
and yields ``(value, line)`` pairs; a value of None means the field is absent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Document, Figure


@dataclass(frozen=True)
class Field:
    name: str
    scope: str  # "figure" or "document"
    get: Callable[[Document, Figure | None], Iterator[tuple[str | None, int | None]]]
    description: str


def _credit(attr):
    def get(document, figure):
        if figure.media == "video" and figure.credit is None:
            return  # a video's poster frame: the video is credited in its player, not as a photo
        credit = figure.credit
        value = getattr(credit, attr) if credit else None
        yield value, (credit.line if credit and credit.line else figure.caption_line or figure.line)
    return get


def _visible_credit(document, figure):
    credit = figure.credit
    if credit is None or credit.origin in ("visible", "alt", "attribute"):
        yield (credit.text if credit else None), (credit.line if credit and credit.line else figure.line)
    else:  # only in structured data: the reader sees no credit
        yield None, figure.line


def _visible_caption(document, figure):
    if figure.caption_origin in (None, "visible"):
        yield figure.caption, figure.caption_line or figure.line
    else:  # read from alt text or data: no reader sees it under the picture
        yield None, figure.line


def _alt(document, figure):
    if figure.origin == "markup":  # a slide's data attributes or script state: no image element to read
        yield figure.alt, figure.line


def _signoff(document, figure):
    signoff = document.signoff
    yield (signoff.text if signoff else None), (signoff.line if signoff else None)


def _wire_signoff(document, figure):
    signoff = document.signoff
    if signoff is None or signoff.style not in ("author", "byline"):
        yield from _signoff(document, figure)
    # a writer named alone or by role ("Auteur : …") is a byline, not the wire sign-off a house form governs


FIELDS: dict[str, Field] = {f.name: f for f in (
    Field("figure.caption", "figure", lambda d, f: iter([(f.caption, f.caption_line or f.line)]),
          "the caption without its credit"),
    Field("figure.visible_caption", "figure", _visible_caption,
          "the caption a reader sees under the picture (not one read from alt text or data)"),
    Field("figure.credit", "figure", _credit("text"),
          "the credit as printed, without prefix, wherever it was found (visible, alt, JSON-LD)"),
    Field("figure.visible_credit", "figure", _visible_credit,
          "the credit a reader can see on the page (not only in structured data)"),
    Field("figure.credit.prefix", "figure", _credit("prefix"), "the credit's prefix: Image:, Foto:, ©, ..."),
    Field("figure.alt", "figure", _alt,
          "the image's alt text (None when the attribute is missing; figures with no image element, from a "
          "slide's data attributes or script state, have none to test)"),
    Field("figure.src", "figure", lambda d, f: iter([(f.src, f.line)]), "the image URL"),
    Field("figure.structured.credit", "figure",
          lambda d, f: iter([(f.structured.credit_line if f.structured else None, f.line)]),
          "the credit in JSON-LD or microdata"),
    Field("figure.structured.caption", "figure",
          lambda d, f: iter([(f.structured.caption if f.structured else None, f.line)]),
          "the caption in JSON-LD or microdata"),
    Field("signoff", "document", _signoff, "the agency sign-off at the end of the story"),
    Field("signoff.wire", "document", _wire_signoff,
          "the sign-off when it credits agencies or editors' initials, not a writer's name line"),
    Field("dateline", "document", lambda d, f: iter([(x.text, x.line) for x in d.datelines]),
          "each wire dateline"),
    Field("headline", "document", lambda d, f: iter([(d.headline, _headline_line(d))]), "the headline"),
    Field("title", "document", lambda d, f: iter([(d.title, 1)]), "the page <title>"),
)}


def _headline_line(document: Document) -> int | None:
    return next((block.line for block in document.text if block.part == "headline"), None)
