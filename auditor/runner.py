"""Running checks over many files: in this process or spread over worker processes.

Files are read, checked and released one at a time; reports come back in the order of the input
whatever the number of workers, so output is deterministic and line-oriented formats can stream.
"""

from __future__ import annotations

import collections
import dataclasses
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .api import build_ruleset, document_from_page
from .archive import (
    GZIP_PAGE_SUFFIXES,
    ArchiveError,
    ArchiveRecord,
    ArchiveStats,
    is_archive,
    iter_records,
    page_from_record,
    read_gzip_page,
)
from .config import Config
from .facts import page_facts
from .fix import locate
from .loader import read_page
from .model import FileReport, Finding
from .rules import Engine

#: Below this many files per worker, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 8
#: Pages per batch sent to a worker, and the bytes of records that end a batch early.
BATCH_ITEMS = 16
BATCH_BYTES = 8 * 1024 * 1024
#: Batches queued per worker: enough to keep every worker busy, few enough to keep memory flat.
BATCHES_IN_FLIGHT = 3


@dataclass
class RunSpec:
    """What a worker needs to rebuild the rule set (rule sets are rebuilt, not pickled)."""

    packs: list[str] | None = None
    config: Config = field(default_factory=Config)
    agencies: list[str] = field(default_factory=list)
    max_bytes: int = 20 * 1024 * 1024
    site_profiles: bool = True
    url: str | None = None  # the address the pages will have, for site profiles (--url)
    stdin_name: str | None = None  # the name of the page read from "-" (--stdin-filename)
    report_unused_suppressions: bool = False
    #: each file's own config (the nearest above it), when none was named: path -> Config
    configs: dict = field(default_factory=dict)
    #: build each report's facts (auditor.facts) for the formats that need them
    facts: bool = False
    #: attach each page's Document to its report, for formats that show pages (the HTML report)
    keep_documents: bool = False


_WORKER: dict = {}

#: One page to check: a file's path (the worker reads it), or a record already read from an archive.
Item = str | ArchiveRecord


class Engines:
    """The engine for each file: the run's own, or one built for the config ``overrides:`` that
    match the file (built once per combination)."""

    def __init__(self, spec: RunSpec, engine: Engine | None = None):
        self.spec = spec
        self.cache: dict[tuple, Engine] = {}
        if engine is not None:
            self.cache[()] = engine

    def for_path(self, path: str, url: str | None = None) -> Engine:
        """``url``: an archive record's address, which ``overrides:`` globs match instead of a path."""
        config = self.spec.configs.get(path, self.spec.config)
        where = url or path
        overrides = config.override_key(where) if config.overrides and where != "-" else ()
        key = overrides if config is self.spec.config else (config.path, overrides)
        engine = self.cache.get(key)
        if engine is None:
            ruleset = build_ruleset(self.spec.packs, config.for_path(where),
                                    agencies=self.spec.agencies, site_profiles=self.spec.site_profiles)
            engine = self.cache[key] = Engine(ruleset, self.spec.report_unused_suppressions)
        return engine


def expand(paths: Iterable[str], start: Callable[[str], int | None] | None = None,
           stats: dict | None = None) -> Iterator[Item]:
    """The pages of the inputs, in order: a loose file is itself, an archive is its HTML records,
    read one at a time. ``start(archive)`` is the byte offset to go on from (``--resume``), or None
    for the beginning; ``stats`` gets an :class:`~auditor.archive.ArchiveStats` per archive. An
    archive that cannot be read at all is one unreadable item."""
    for path in paths:
        if path != "-" and is_archive(path):
            offset = start(path) if start else None
            counted = stats.setdefault(path, ArchiveStats()) if stats is not None else None
            try:
                yield from iter_records(path, offset or 0, stats=counted)
            except ArchiveError as exc:
                yield ArchiveRecord(path, None, error=str(exc))
        else:
            yield path


def _item_name(item: Item) -> str:
    return item.name if isinstance(item, ArchiveRecord) else item


def _init_worker(spec: RunSpec) -> None:
    # A forked worker inherits the CLI's SIGTERM handler, which would turn Pool.terminate()'s SIGTERM
    # into an exception the worker tries to clean up after (and can hang in): die at once instead.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER.update(engines=Engines(spec), spec=spec)


def _check_batch(items: list[Item]) -> list[tuple[FileReport, list[str]]]:
    engines, spec = _WORKER["engines"], _WORKER["spec"]
    results = []
    for item in items:
        engine = engines.for_path(_item_name(item), item.url if isinstance(item, ArchiveRecord) else None)
        before = len(engine.problems)
        results.append((check_item(engine, engine.ruleset, item, spec), engine.problems[before:]))
    return results


def check_file(engine: Engine, ruleset, path: str, max_bytes: int, url: str | None = None,
               keep_document: bool = False) -> FileReport:
    """Extract and check one file; an unexpected failure becomes a finding, never a traceback. With
    ``keep_document``, the report carries the extracted document (``FileReport.document``)."""
    return check_item(engine, ruleset, path, RunSpec(max_bytes=max_bytes, url=url, keep_documents=keep_document))


def check_item(engine: Engine, ruleset, item: Item, spec: RunSpec) -> FileReport:
    """Extract and check one page (a file or an archive record); an unexpected failure becomes a
    finding, never a traceback."""
    name = _item_name(item)
    url = date = None
    try:
        if isinstance(item, ArchiveRecord):
            page, url, date = page_from_record(item, spec.max_bytes), item.url, item.date
        elif item.lower().endswith(GZIP_PAGE_SUFFIXES):
            page = read_gzip_page(item, spec.max_bytes)
        else:
            page = read_page(item, spec.max_bytes)
        document = document_from_page(page, ruleset.registry, sites=ruleset.sites, url=url or spec.url)
        report = engine.check(document, page.text)  # with the text: columns on minified pages
        if page.text is not None and any(f.edit for f in report.findings):
            locate(page.text, report.findings, document.figures)  # where each fix goes: --fix, --diff, SARIF
            report.findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule, f.figure or 0))
        report.url = url or document.url
        if spec.facts:
            report.facts = page_facts(document, url, date)
        if spec.keep_documents:
            document.decisions = []  # only extract --why fills them; nothing shows them here
            report.document = document
        return report
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop a publish pipeline
        message = f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it"
        return FileReport(name, [Finding("input-unreadable", "error", message, 1)], url=url)


def run(paths: list[str], spec: RunSpec, engine: Engine, jobs: int) -> Iterator[tuple[FileReport, list[str]]]:
    """``(report, rule problems)`` per page, in input order (an archive's pages in its place)."""
    archives = any(p != "-" and is_archive(p) for p in paths)
    for _, report, problems in run_items(expand(paths), spec, engine, jobs, files=None if archives else len(paths),
                                         stdin="-" in paths):
        yield report, problems


def run_items(items: Iterable[Item], spec: RunSpec, engine: Engine, jobs: int, files: int | None = None,
              stdin: bool = False) -> Iterator[tuple[Item, FileReport, list[str]]]:
    """``(item, report, rule problems)`` per page, in input order, whatever the number of workers.

    Items go to the workers in batches, and only a few batches per worker are ever in flight, so an
    archive of any size streams through with flat memory (``Pool.imap`` would read all of it ahead).
    ``files``: how many items there are, when known (few files are not worth starting processes for);
    ``stdin``: one of them is standard input, which only this process can read.
    """
    if files is not None:
        jobs = min(jobs, files // MIN_FILES_PER_JOB or 1)
    if jobs <= 1 or stdin:
        engines = Engines(spec, engine)
        for item in items:
            name = _item_name(item)
            shown = spec.stdin_name if name == "-" and spec.stdin_name else name
            chosen = engines.for_path(shown, item.url if isinstance(item, ArchiveRecord) else None)
            before = len(chosen.problems)
            report = check_item(chosen, chosen.ruleset, item, spec)
            if shown != name:
                report = dataclasses.replace(report, path=shown)
            yield item, report, chosen.problems[before:]
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        pending: collections.deque = collections.deque()
        # small runs get small batches, so that every worker has a share to the end
        size = BATCH_ITEMS if files is None else max(1, min(BATCH_ITEMS, files // (jobs * 8)))
        for batch in _batches(items, size):
            pending.append((batch, pool.apply_async(_check_batch, (batch,))))
            if len(pending) >= jobs * BATCHES_IN_FLIGHT:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


def _results(batch: list[Item], result) -> Iterator[tuple[Item, FileReport, list[str]]]:
    for item, (report, problems) in zip(batch, result.get(), strict=True):
        yield item, report, problems


def _batches(items: Iterable[Item], limit: int = BATCH_ITEMS) -> Iterator[list[Item]]:
    """Up to ``limit`` items, or fewer once their bytes pass BATCH_BYTES (records carry their pages)."""
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.raw or b"") if isinstance(item, ArchiveRecord) else 0
        if len(batch) >= limit or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class Progress:
    """A one-line progress bar on stderr, for terminals only: pages done, pages per second, share
    done and time left. ``total`` counts files; for archives, whose records are not counted ahead,
    the caller passes the share of bytes read to :meth:`step` instead."""

    def __init__(self, total: int | None, stream=sys.stderr, enabled: bool = True, archives: bool = False):
        self.total, self.stream = total, stream
        # An interactive terminal only: never in CI logs or pre-commit's captured hook output.
        self.enabled = enabled and (archives or (total or 0) >= 20) and hasattr(stream, "isatty") \
            and stream.isatty() and not os.environ.get("PRE_COMMIT") and not os.environ.get("CI")
        self.unit = "pages" if archives else "files"
        self.done = 0
        self.started = time.monotonic()
        self.last = 0.0

    def step(self, share: float | None = None) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and (share is not None or self.done < (self.total or 0)):
            return
        self.last = now
        if share is None:
            share = self.done / self.total if self.total else 0.0
        share = min(max(share, 0.0), 1.0)
        elapsed = max(now - self.started, 1e-9)
        width = 24
        filled = int(width * share)
        counted = f"{self.done:,}/{self.total:,} {self.unit}" if self.total and self.unit == "files" \
            else f"{self.done:,} {self.unit}"
        eta = f" · ETA {_duration(elapsed * (1 - share) / share)}" if share > 0 else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {counted} · {self.done / elapsed:,.1f}/s"
                          f" · {share:.0%}{eta}   ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"
