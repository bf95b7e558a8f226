"""Running checks over many files: in this process or spread over worker processes.

Files are read, checked and released one at a time; reports come back in the order of the input
whatever the number of workers, so output is deterministic and line-oriented formats can stream.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from .api import build_ruleset, document_from_page
from .config import Config
from .fix import locate
from .loader import read_page
from .model import FileReport, Finding
from .rules import Engine

#: Below this many files per worker, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 8


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
    #: attach each page's Document to its report, for formats that show pages (the HTML report)
    keep_documents: bool = False


_WORKER: dict = {}


class Engines:
    """The engine for each file: the run's own, or one built for the config ``overrides:`` that
    match the file (built once per combination)."""

    def __init__(self, spec: RunSpec, engine: Engine | None = None):
        self.spec = spec
        self.cache: dict[tuple, Engine] = {}
        if engine is not None:
            self.cache[()] = engine

    def for_path(self, path: str) -> Engine:
        config = self.spec.configs.get(path, self.spec.config)
        overrides = config.override_key(path) if config.overrides and path != "-" else ()
        key = overrides if config is self.spec.config else (config.path, overrides)
        engine = self.cache.get(key)
        if engine is None:
            ruleset = build_ruleset(self.spec.packs, config.for_path(path),
                                    agencies=self.spec.agencies, site_profiles=self.spec.site_profiles)
            engine = self.cache[key] = Engine(ruleset, self.spec.report_unused_suppressions)
        return engine


def _init_worker(spec: RunSpec) -> None:
    _WORKER.update(engines=Engines(spec), spec=spec)


def _check_one(path: str) -> tuple[FileReport, list[str]]:
    engine: Engine = _WORKER["engines"].for_path(path)
    before = len(engine.problems)
    spec = _WORKER["spec"]
    return (check_file(engine, engine.ruleset, path, spec.max_bytes, spec.url, spec.keep_documents),
            engine.problems[before:])


def check_file(engine: Engine, ruleset, path: str, max_bytes: int, url: str | None = None,
               keep_document: bool = False) -> FileReport:
    """Extract and check one file; an unexpected failure becomes a finding, never a traceback. With
    ``keep_document``, the report carries the extracted document (``FileReport.document``)."""
    try:
        page = read_page(path, max_bytes)
        document = document_from_page(page, ruleset.registry, sites=ruleset.sites, url=url)
        report = engine.check(document, page.text)  # with the text: columns on minified pages
        if page.text is not None and any(f.edit for f in report.findings):
            locate(page.text, report.findings, document.figures)  # where each fix goes: --fix, --diff, SARIF
            report.findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule, f.figure or 0))
        if keep_document:
            document.decisions = []  # only extract --why fills them; nothing shows them here
            report.document = document
        return report
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop a publish pipeline
        message = f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it"
        return FileReport(path, [Finding("input-unreadable", "error", message, 1)])


def run(paths: list[str], spec: RunSpec, engine: Engine, jobs: int) -> Iterator[tuple[FileReport, list[str]]]:
    """``(report, rule problems)`` per file, in input order."""
    jobs = max(1, min(jobs, len(paths) // MIN_FILES_PER_JOB or 1))
    if jobs == 1 or "-" in paths:
        engines = Engines(spec, engine)
        for path in paths:
            name = spec.stdin_name if path == "-" and spec.stdin_name else path
            chosen = engines.for_path(name)
            before = len(chosen.problems)
            report = check_file(chosen, chosen.ruleset, path, spec.max_bytes, spec.url, spec.keep_documents)
            if name != path:
                report = dataclasses.replace(report, path=name)
            yield report, chosen.problems[before:]
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        # chunks keep inter-process traffic low; imap keeps the input order
        yield from pool.imap(_check_one, paths, chunksize=max(1, min(16, len(paths) // (jobs * 8) or 1)))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class Progress:
    """A one-line progress bar on stderr, for terminals only."""

    def __init__(self, total: int, stream=sys.stderr, enabled: bool = True):
        self.total, self.stream = total, stream
        # An interactive terminal only: never in CI logs or pre-commit's captured hook output.
        self.enabled = enabled and total >= 20 and hasattr(stream, "isatty") and stream.isatty() \
            and not os.environ.get("PRE_COMMIT") and not os.environ.get("CI")
        self.done = 0
        self.last = 0.0

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        width = 30
        filled = int(width * self.done / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
