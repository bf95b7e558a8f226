"""Loading: find the article files, read their bytes, and decode them to text.

Every problem with an input (missing, unreadable, empty, binary, too large, undecodable) becomes a
message on the :class:`Page`, never an exception, so one bad file does not stop a run.
"""

from __future__ import annotations

import codecs
import fnmatch
import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: web archives (auditor.archive reads their HTML records) and gzipped pages, also found in folders
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
GZIP_PAGE_SUFFIXES = (".html.gz", ".htm.gz", ".xhtml.gz")
FOUND_SUFFIXES = HTML_SUFFIXES + ARCHIVE_SUFFIXES + GZIP_PAGE_SUFFIXES
#: Pages larger than this are refused (an archive page is rarely over 5 MB).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so must we.
_WHATWG_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                   "us-ascii": "windows-1252", "ascii": "windows-1252", "iso8859-1": "windows-1252",
                   "cp1252": "windows-1252", "x-user-defined": "windows-1252"}
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"), (b"\x7fELF", "an executable"),
)


@dataclass
class Page:
    """One input: its path as given, and either its decoded text or the reason it has none."""

    path: str
    text: str | None = None
    encoding: str | None = None
    error: str | None = None
    size: int = 0
    #: what reading lost or changed, for the input-encoding rule: "bytes at line 12 are not UTF-8 …"
    warnings: list[str] = field(default_factory=list)
    #: the UTF-8 bytes ``text`` decoded from exactly, when it did: parsing and searching them is
    #: cheaper than the text (no BOM, no NUL, no replaced bytes; otherwise None)
    source: bytes | None = field(default=None, repr=False)


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Iterator[str]:
    """Expand the command-line paths into input files, in a stable order.

    Directories recurse over ``*.html``, ``*.htm`` and ``*.xhtml``, web archives (``*.warc``,
    ``*.warc.gz``, ``*.arc``, ``*.arc.gz``) and gzipped pages (``*.html.gz``), hidden directories skipped;
    files named explicitly are taken whatever their suffix; ``-`` is standard input. ``include`` and
    ``exclude`` are glob patterns matched against the path relative to the directory given.
    """
    include, exclude = list(include), list(exclude)
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        root = Path(given)
        if not root.is_dir():
            yield given  # missing files are reported by read_page, in order
            continue
        found = []
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "node_modules")
            for name in files:
                if name.lower().endswith(FOUND_SUFFIXES):
                    found.append(Path(directory) / name)
        for path in sorted(found):
            relative = path.relative_to(root).as_posix()
            if include and not any(_glob(relative, pattern) for pattern in include):
                continue
            if any(_glob(relative, pattern) for pattern in exclude):
                continue
            yield str(path)


def matches_glob(relative: str, pattern: str) -> bool:
    """Does a path relative to the config's folder match a gitignore-style glob?"""
    return _glob(relative, pattern)


def _glob(relative: str, pattern: str) -> bool:
    """gitignore-style matching: ``**/`` is zero or more folders (``stories/**/*.html`` matches
    ``stories/top.html``), ``*`` stays within a folder, a pattern without ``/`` matches a file name
    anywhere, and ``drafts/`` matches everything below ``drafts``."""
    if "/" not in pattern.rstrip("/"):
        if fnmatch.fnmatchcase(os.path.basename(relative), pattern.rstrip("/")):
            return True
        return any(fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in relative.split("/")[:-1])
    regex = _glob_regex(pattern.lstrip("/"))
    return regex.match(relative) is not None


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str):
    out, i = [], 0
    directory = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(pattern[i]))
                i += 1
            else:
                out.append("[" + pattern[i + 1:end].replace("!", "^", 1) + "]")
                i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    # a folder pattern (or any pattern that names a folder) matches everything below it too
    suffix = "/.*" if directory else "(?:/.*)?"
    return re.compile("".join(out) + suffix + r"\Z")


def read_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Read and decode one input file (or standard input for ``-``)."""
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = os.stat(path).st_size
            if os.path.isdir(path):
                return Page(path, error="is a directory with no HTML files")
            if size > max_bytes:
                return Page(path, size=size, error=_too_large(size, max_bytes))
            with open(path, "rb") as handle:
                raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return Page(path, error="no such file; check the path")
    except PermissionError:
        return Page(path, error="permission denied; make the file readable")
    except OSError as exc:
        return Page(path, error=f"cannot read file: {exc.strerror or exc}")
    return page_from_bytes(path, raw, max_bytes)


def page_from_bytes(path: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES,
                    declared: str | None = None) -> Page:
    """Check and decode raw bytes; ``declared`` is an HTTP ``charset`` if one is known."""
    if len(raw) > max_bytes:
        return Page(path, size=len(raw), error=_too_large(len(raw), max_bytes))
    if not _NOT_BLANK.search(raw):  # (raw.strip() would copy the page to say it)
        return Page(path, size=len(raw), error="empty file; nothing to check")
    warnings = []
    if b"\x00" in raw[:8192] and _stray_nuls(raw):
        # A few NUL bytes in a page that is otherwise HTML (a CMS export glitch): a browser shows the
        # page, so auditor reads it too, and says so.
        first = raw.index(b"\x00")
        count, line = raw.count(b"\x00"), raw[:first].count(b"\n") + 1
        warnings.append(f"the page holds {count} NUL byte(s) (the first at line {line}); they were left out; "
                        "remove them from the file")
        raw = raw.replace(b"\x00", b"")
    problem = _binary_kind(raw)
    if problem:
        return Page(path, size=len(raw), error=f"not HTML: the file is {problem}")
    text, encoding, warning = decode_html(raw, declared)
    if text is None:
        return Page(path, size=len(raw), error=warning)
    if warning:
        warnings.append(warning)
    if "<" not in text[:65536] or not _looks_like_markup(text):
        return Page(path, size=len(raw), encoding=encoding,
                    error="not HTML: no HTML tags found; auditor reads article pages (.html)")
    exact = encoding == "utf-8" and warning is None and not raw.startswith(codecs.BOM_UTF8) and b"\x00" not in raw
    return Page(path, text=text, encoding=encoding, size=len(raw), warnings=warnings, source=raw if exact else None)


def _stray_nuls(raw: bytes) -> bool:
    """A handful of NUL bytes in text that is otherwise markup, not UTF-16 or a binary file."""
    head = raw[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head.count(b"\x00") * 100 > len(head):
        return False
    return _MARKUP.search(head.replace(b"\x00", b"").decode("latin-1")) is not None


def _too_large(size: int, limit: int) -> str:
    return (f"file is {size / 1048576:.1f} MB, larger than the {limit / 1048576:.0f} MB limit; "
            "raise it with --max-size if this is really one article")


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    head = raw[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


# a byte that bytes.strip() keeps
_NOT_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|p|div|img|article|figure|span|meta|title|h1)\b", re.IGNORECASE)
# <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=..."> (HTML prescan)
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,100}?encoding\s*=\s*[\"']([-\w.:]+)", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first 8 KB (XML declaration or <meta>), as browsers look."""
    head = raw[:8192]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match:
        return match.group(1).decode("ascii", "replace")
    if b"charset" in raw[8192:65536].lower():
        # Rare: a head bloated by inline scripts; let Beautiful Soup's detector search further.
        # (imported here: importing Beautiful Soup took a tenth of a CLI run's start)
        from bs4.dammit import EncodingDetector

        found = EncodingDetector.find_declared_encoding(raw[:65536], is_html=True, search_entire_document=True)
        return found or None
    return None


def _looks_like_markup(text: str) -> bool:
    return _MARKUP.search(text, 0, 65536) is not None


def decode_html(raw: bytes, declared: str | None = None) -> tuple[str | None, str | None, str | None]:
    """Decode HTML bytes the way a browser would: BOM, then the HTTP/declared charset, then detection.

    Returns ``(text, encoding, problem)``; ``text`` is None only when nothing could decode the bytes.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace"), encoding, None
    candidates = []
    if declared:
        candidates.append(declared)
    found = declared_charset(raw)
    if found:
        candidates.append(found)
    for label in candidates:
        encoding = _codec(label)
        if encoding is None:
            continue
        if encoding != "utf-8" and not raw.isascii():
            # Valid multi-byte UTF-8 almost never happens by chance in legacy-encoded text, while
            # UTF-8 pages that still declare latin-1 are common: believe the bytes.
            try:
                return raw.decode("utf-8"), "utf-8", None
            except UnicodeDecodeError:
                pass
        try:
            return raw.decode(encoding), encoding, None
        except UnicodeDecodeError:
            # Declared wrong is common (UTF-8 pages that say latin-1 and vice versa): try UTF-8,
            # then keep the declared charset with replacement characters rather than losing the page.
            try:
                return raw.decode("utf-8"), "utf-8", None
            except UnicodeDecodeError as exc:
                bad = exc.start
                try:
                    raw.decode(encoding)
                except UnicodeDecodeError as own:
                    bad = own.start
                line = raw[:bad].count(b"\n") + 1
                return raw.decode(encoding, errors="replace"), encoding, (
                    f"the page declares {label} but the bytes at line {line} are not {encoding}: they show as "
                    "\ufffd here and in browsers; save the file as " + encoding + " or declare its real charset")
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    guess = _detect(raw)
    if guess:
        try:
            return raw.decode(guess), guess, None
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("windows-1252", errors="replace"), "windows-1252", None


def _codec(label: str) -> str | None:
    label = label.strip().strip("'\"").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(raw: bytes) -> str | None:
    """Statistical detection for undeclared, non-UTF-8 pages (charset-normalizer)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency, but detection is only a fallback
        return None
    best = from_bytes(raw[:65536]).best()
    return _codec(best.encoding) if best else None
