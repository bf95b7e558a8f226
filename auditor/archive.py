"""Loading pages out of web archives: WARC (``.warc``, ``.warc.gz``), ARC (``.arc``, ``.arc.gz``)
and gzipped pages (``.html.gz``).

A record becomes a :class:`~auditor.loader.Page` named ``crawl.warc.gz#1234`` (the archive and the
record's byte offset, where ``warcio``/``zcat``/``dd`` find it again), with the crawled address as
its URL. Records are read one at a time, so a WARC of any size is never held in memory.

The reader is warcio (pure Python, reads WARC and ARC, installs everywhere). FastWARC reads WARC
records faster (``benchmarks/archive_bench.py``), but it has no ARC support, no wheel for every
platform auditor runs on, and reading is a few per cent of the time a record takes to check.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from .loader import ARCHIVE_SUFFIXES, DEFAULT_MAX_BYTES, GZIP_PAGE_SUFFIXES, Page, page_from_bytes

#: payload types that are pages; a record without a type is sniffed
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")


@dataclass
class ArchiveRecord:
    """One page-like record of an archive: where it is, what address it was crawled from, its bytes."""

    archive: str
    offset: int | None  # None: the archive as a whole (it could not be read at all)
    url: str | None = None
    date: str | None = None
    raw: bytes | None = None
    charset: str | None = None  # from the HTTP Content-Type header
    error: str | None = None  # the record could not be read (its payload is too large, cut off ...)

    @property
    def name(self) -> str:
        return self.archive if self.offset is None else f"{self.archive}#{self.offset}"


class ArchiveError(Exception):
    """The archive cannot be read at all (not a WARC or ARC file, or cut off before any record)."""


def is_archive(path: str) -> bool:
    """A WARC or ARC file, by its name or, for other names, by its first bytes."""
    lower = path.lower()
    if lower.endswith(ARCHIVE_SUFFIXES):
        return True
    if lower.endswith(GZIP_PAGE_SUFFIXES) or lower.endswith((".html", ".htm", ".xhtml")) or path == "-":
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def read_gzip_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """A gzipped page (``story.html.gz``), decompressed up to ``max_bytes`` (a gzip bomb stops there)."""
    try:
        with gzip.open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return Page(path, error="no such file; check the path")
    except PermissionError:
        return Page(path, error="permission denied; make the file readable")
    except (OSError, EOFError, zlib.error) as exc:
        return Page(path, error=f"cannot decompress: {exc}; is the file a complete gzip file?")
    return page_from_bytes(path, raw, max_bytes)


def page_from_record(record: ArchiveRecord, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Decode a record's payload: the HTTP charset first, then as any page (declared, detected)."""
    if record.raw is None:
        return Page(record.name, error=record.error or "the record has no payload")
    return page_from_bytes(record.name, record.raw, max_bytes, declared=record.charset)


@dataclass
class ArchiveStats:
    """What reading one archive met: records in all, pages, and the records passed over, by why."""

    records: int = 0
    pages: int = 0
    damaged: int = 0  # stretches of the file that could not be read (each also an input-unreadable finding)
    skipped: Counter = field(default_factory=Counter)

    def line(self, path: str) -> str:
        passed = ", ".join(f"{count:,} {why}" for why, count in self.skipped.most_common())
        text = f"{path}: {self.records:,} records, {self.pages:,} pages checked"
        if passed:
            text += f"; passed over: {passed}"
        if self.damaged:
            text += f"; {self.damaged:,} damaged stretch{'es' if self.damaged != 1 else ''} skipped (see the findings)"
        return text


def iter_records(path: str, start: int = 0, max_bytes: int = DEFAULT_MAX_BYTES,
                 stream: BinaryIO | None = None, stats: ArchiveStats | None = None) -> Iterator[ArchiveRecord]:
    """The HTML ``response`` and ``resource`` records of a WARC or ARC file, in file order, from byte
    ``start`` on (a record offset from an earlier run, for ``--resume``). ``stream``: the archive
    already opened (an fsspec file for ``s3://`` paths), else ``path`` is opened. ``stats`` counts
    what was read and what was passed over.

    Requests, redirects, error pages, images and other payloads are passed over. A damaged stretch (a
    corrupt header, a broken gzip member) becomes one record whose ``error`` says where, and reading
    goes on at the next record that can be found after it. Raises :class:`ArchiveError` when the file
    is not an archive at all.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ArchiveError(f"reading archives needs warcio ({exc}); pip install warcio") from None
    stats = stats if stats is not None else ArchiveStats()
    if stream is None:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed in finally, across yields
        except OSError as exc:
            raise ArchiveError(f"cannot read: {exc.strerror or exc}") from None
    else:
        handle = stream
    try:
        if stream is None and not start and os.fstat(handle.fileno()).st_size == 0:
            raise ArchiveError("empty file; nothing to check")
        position, read_any = start, False
        while position is not None:
            handle.seek(position)
            iterator = ArchiveIterator(handle, arc2warc=True)
            records = iter(iterator)
            end = position  # where the last whole record ended
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    return
                except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
                    end = _skip_blank_lines(handle, end)  # the "\r\n\r\n" that closes the last record
                    resume = _next_record_start(handle, end + 1)
                    if not read_any and resume is None:
                        raise ArchiveError(f"not a readable WARC or ARC file ({_short(exc)})") from None
                    stats.damaged += 1
                    after = (f"reading went on at byte {resume:,}" if resume is not None
                             else "no record was found after it")
                    yield ArchiveRecord(path, end, error=f"the archive is damaged from byte {end:,} on "
                                                         f"({_short(exc)}); {after}")
                    position = resume
                    break
                read_any = True
                stats.records += 1
                page = _page_record(record, path, max_bytes)
                # only after reading: warcio finds the offset by reading the record to its end
                offset = iterator.get_record_offset()  # from the start of the file, seek or not
                end = offset + iterator.get_record_length()
                if isinstance(page, str):
                    stats.skipped[page] += 1
                    continue
                page.offset = offset
                stats.pages += 1
                yield page
    finally:
        if stream is None:
            handle.close()


def _next_record_start(handle, after: int) -> int | None:
    """The offset of the first record that starts after byte ``after``: a gzip member that opens
    with a WARC header (one member per record, as WARC files are written), or, in an uncompressed
    file, a line that starts a WARC header."""
    try:
        handle.seek(0)
        gzipped = handle.read(2) == b"\x1f\x8b"
        position = after
        overlap = b""
        while True:
            handle.seek(position)
            chunk = handle.read(1 << 20)
            if not chunk:
                return None
            data = overlap + chunk
            base = position - len(overlap)
            marker = b"\x1f\x8b\x08" if gzipped else b"WARC/1."
            found = data.find(marker)
            while found >= 0:
                at = base + found
                if at >= after and _starts_record(handle, at, gzipped):
                    return at
                found = data.find(marker, found + 1)
            overlap = data[-16:]
            position += len(chunk)
    except (OSError, ValueError):
        return None


def _skip_blank_lines(handle, at: int) -> int:
    try:
        handle.seek(at)
        head = handle.read(64)
    except (OSError, ValueError):
        return at
    return at + len(head) - len(head.lstrip(b"\r\n"))


def _starts_record(handle, at: int, gzipped: bool) -> bool:
    handle.seek(at)
    head = handle.read(4096)
    if gzipped:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
        return head.startswith(b"WARC/")
    return head.startswith(b"WARC/1.") and (at == 0 or _byte_before(handle, at) == b"\n")


def _byte_before(handle, at: int) -> bytes:
    handle.seek(at - 1)
    return handle.read(1)


def _page_record(record, path: str, max_bytes: int) -> ArchiveRecord | str:
    """The record as a page, or why it is passed over."""
    if record.rec_type not in ("response", "resource"):
        return f"{record.rec_type or 'unknown'} records"
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    content_type = ""
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return f"HTTP {status[:1] or '?'}xx responses"  # a redirect or an error page is not the article
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource" or record.http_headers is None:
        content_type = headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES:
        return "not HTML"
    try:
        raw = record.content_stream().read(max_bytes + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return ArchiveRecord(path, 0, url, date, error=f"cannot read the record's payload ({_short(exc)})")
    if not media_type and not _looks_like_html(raw):
        return "not HTML"
    cut = _cut_off(record, raw)
    if cut:
        return ArchiveRecord(path, 0, url, date, error=cut)
    if len(raw) > max_bytes:
        return ArchiveRecord(path, 0, url, date, error=(
            f"the record's page is larger than the {max_bytes / 1048576:.0f} MB limit; "
            "raise it with --max-size if this is really one article"))
    return ArchiveRecord(path, 0, url, date, raw, _charset(content_type))


def _cut_off(record, raw: bytes) -> str | None:
    """A record whose payload is shorter than its HTTP ``Content-Length`` says (an archive cut off in
    the middle of it: warcio then gives what is there, without an error)."""
    http = record.http_headers
    if http is None or http.get_header("Content-Encoding") or http.get_header("Transfer-Encoding"):
        return None
    try:
        expected = int(http.get_header("Content-Length") or -1)
    except ValueError:
        return None
    if 0 <= len(raw) < expected:
        return (f"the record is cut off: {len(raw):,} of its {expected:,} bytes are in the archive; "
                "the archive is damaged or was not completely written")
    return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<body" in raw[:8192].lower()


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if text.startswith("Unknown archive format"):
        return "no WARC or ARC header where a record should start"  # warcio quotes the bytes it found
    return text[:160]


def count_bytes(path: str) -> int:
    """The archive's size on disk, for progress (records are not counted ahead: that would read it twice)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
