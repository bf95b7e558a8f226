"""Captions in script state: the fallback for pages that render their pictures with JavaScript.

Some pages (Reuters' 2020 Next.js layout, app-shell pages) ship no ``<img>`` for their pictures:
the caption and credit live only in hydration JSON (``__NEXT_DATA__``, ``window.__STATE__``) or as
escaped HTML inside a ``<script>``. This reads ``"caption": "…"`` values and the credit fields
beside them. It runs only when the visible page gave no article figure, because script state also
holds related stories' pictures.
"""

from __future__ import annotations

import json
import re

from .dom import clean

_MAX_SCRIPT = 5_000_000  # characters of one script that are read at most
_MAX_FIGURES = 40
#: the keys that hold a picture's caption and its credit in a page's JSON (script state, attributes)
CAPTION_KEYS = ("caption", "captionText", "caption_text", "imageCaption")
CREDIT_KEYS = ("credit", "credits", "creditText", "copyright", "photographer", "byline", "source", "copyrightHolder")
_CAPTION = re.compile(r'"(?:' + "|".join(CAPTION_KEYS) + r')"\s*:\s*"((?:[^"\\]|\\.){12,3000})"')
_CREDIT = re.compile(r'"(?:' + "|".join(CREDIT_KEYS) + r')"\s*:\s*'
                     r'(?:\{[^{}]{0,200}?"name"\s*:\s*)?"((?:[^"\\]|\\.){2,200})"')
_URL = re.compile(r'"(?:url|src|uri|href|contentUrl|originalUrl)"\s*:\s*"((?:https?:)?(?:\\/|/|\\u002[fF])[^"]{5,500})"')
_TAGS = re.compile(r"<[^>]{0,500}>")
_NEAR = 700  # characters either side of a caption searched for its credit and URL


def script_captions(scripts) -> list[tuple[str, str | None, str | None, int | None]]:
    """``(caption, credit, url, line)`` for each distinct caption in the scripts' state, in order."""
    found: list = []
    seen: dict = {}  # caption -> its index in found
    for script in scripts:
        text = (script.text or "")[:_MAX_SCRIPT]
        if '"caption' not in text and '"imageCaption' not in text:
            continue
        for match in _CAPTION.finditer(text):
            caption = _decode(match.group(1))
            if not caption or len(caption.split()) < 3:
                continue
            earlier = seen.get(caption)
            if earlier is not None and all(found[earlier][1:3]):
                continue
            start = max(0, match.start() - _NEAR)
            window = text[start:match.end() + _NEAR]
            credit = _nearest(_CREDIT, window, match.start() - start)
            url = _nearest(_URL, window, match.start() - start)
            if earlier is not None:
                # State repeats a picture (a story's promo image, then its body's image record): a
                # later copy fills in what the first one lacked.
                _, had_credit, had_url, had_line = found[earlier]
                found[earlier] = (caption, had_credit or credit, had_url or url, had_line)
                continue
            line = (script.sourceline or 0) + text[:match.start()].count("\n") or None
            seen[caption] = len(found)
            found.append((caption, credit, url, line))
            if len(found) >= _MAX_FIGURES:
                return found
    return found


_ESCAPES = (("\\u003c", "<"), ("\\u003e", ">"), ("\\u003C", "<"), ("\\u003E", ">"), ("\\u0026", "&"),
            ("\\/", "/"), ('\\"', '"'), ("\\n", " "), ("\\t", " "))
_FIGURE_HTML = re.compile(r"<figure\b(?P<figure>.*?)</figure>", re.DOTALL | re.IGNORECASE)
_FIGCAPTION_HTML = re.compile(r"<figcaption\b[^>]*>(?P<text>.*?)</figcaption>", re.DOTALL | re.IGNORECASE)
_IMG_URL = re.compile(r"<img\b[^>]*?\s(?:data-src|data-lazy-src|src)=[\"']?(?P<url>(?:https?:)?//[^\"'\s>]+)",
                      re.IGNORECASE)


def script_figures(scripts) -> list[tuple[str, str | None, str | None, int | None]]:
    """``(caption, credit, url, line)`` from script state: the ``<figure>``s of a CMS's post HTML
    kept inside a script when there are any (their credit still glued to the caption), else the
    captions of hydration JSON."""
    return script_figure_html(scripts) or script_captions(scripts)


# A JSON string, read string by string from the script's start (each quote pair once)
_JSON_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')  # (an unrolled loop: no backtracking)
_POST_LENGTH = 200  # characters of a string long enough to be a post's HTML
_HTML_IMG = re.compile(r"<img\b|\\u003cimg\b", re.IGNORECASE)
_MAX_HTML = 20  # post bodies read from one page's scripts


def script_html(scripts) -> list[tuple[str, int | None]]:
    """``(HTML, line)`` for each JSON string in the scripts that holds an ``<img>``: a CMS's post body
    kept as escaped HTML in hydration state, to be read as a page of its own."""
    found: list = []
    for script in scripts:
        text = (script.text or "")[:_MAX_SCRIPT]
        if not _HTML_IMG.search(text):
            continue
        for match in _JSON_STRING.finditer(text):
            if len(match.group(1)) < _POST_LENGTH or not _HTML_IMG.search(match.group(1)):
                continue
            try:
                html = json.loads(f'"{match.group(1)}"')
            except ValueError:
                continue  # a JavaScript string, not JSON
            line = (script.sourceline or 0) + text[:match.start()].count("\n") or None
            found.append((html, line))
            if len(found) >= _MAX_HTML:
                return found
    return found


def script_figure_html(scripts) -> list[tuple[str, None, str | None, int | None]]:
    """``(figcaption text, None, image URL, line)`` for each ``<figure>`` that a script holds as
    escaped HTML (a CMS's post body inside hydration state)."""
    found: list = []
    for script in scripts:
        text = (script.text or "")[:_MAX_SCRIPT]
        if "figcaption" not in text:
            continue
        for old, new in _ESCAPES:
            text = text.replace(old, new)
        if "\\u" in text:
            text = _UNICODE_ESCAPE.sub(_unescape, text)  # "L\u2019Oreal": the JSON string's other characters
        for figure in _FIGURE_HTML.finditer(text):
            caption = _FIGCAPTION_HTML.search(figure.group("figure"))
            if not caption:
                continue
            url = _IMG_URL.search(figure.group("figure"))
            found.append((clean(_TAGS.sub(" ", caption.group("text"))), None, url.group("url") if url else None,
                          script.sourceline))
            if len(found) >= _MAX_FIGURES * 5:
                return found
    return found


_UNICODE_ESCAPE = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})", re.IGNORECASE)


def _unescape(match: re.Match) -> str:
    if match.group(3):
        code = int(match.group(3), 16)
        if 0xD800 <= code <= 0xDFFF:
            return "\ufffd"  # half of a pair: no character (it could not be written out)
        return chr(code) if code >= 0x20 else " "  # a control character is no text
    high, low = int(match.group(1), 16), int(match.group(2), 16)  # a surrogate pair: one character
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def _nearest(pattern: re.Pattern, window: str, centre: int) -> str | None:
    best, distance = None, None
    for match in pattern.finditer(window):
        gap = abs(match.start() - centre)
        if distance is None or gap < distance:
            value = _decode(match.group(1))
            if value:
                best, distance = value, gap
    return best


def _decode(raw: str) -> str:
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        value = raw
    if "<" in value:
        value = _TAGS.sub(" ", value)  # escaped HTML inside the state
    return clean(value)
