"""The command line: ``auditor extract``, ``auditor check``, ``auditor rules``, ``auditor explain``."""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import inspect
import io
import json
import os
import re
import signal
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

from tabulate import tabulate

from . import __version__
from .api import build_ruleset, document_from_page, extract_file
from .archive import ArchiveRecord, count_bytes, is_archive, page_from_record, read_gzip_page
from .baseline import Baseline, record
from .changed_lines import ChangedLines, DiffBaseError
from .checkpoint import Checkpoint, CheckpointError
from .config import Config, find_config, load_config
from .fix import FixError, unified_diff
from .fix import apply as apply_edits
from .loader import DEFAULT_MAX_BYTES, GZIP_PAGE_SUFFIXES, discover, page_from_bytes
from .model import Summary
from .output import EXTRACT_WRITERS, REPORT_WRITERS, WriterUnavailable, extract_formats, report_formats
from .output._common import printable
from .rules import Engine
from .rules.packs import COMMON_KEYS
from .runner import Progress, RunSpec, default_jobs, expand, run, run_items
from .selection import Selection, SelectionError
from .yamlio import DataFileError, did_you_mean

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command-line option that cannot work as given."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler stopping the job, ``timeout``): handled as Ctrl-C is, so that reports stay
    whole and a ``--resume`` checkpoint is saved, but with exit status 143."""


def _terminate(signum, frame):
    raise Terminated


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = text.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size; write e.g. 20M or 500K") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def use_color(stream, choice: str = "auto") -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org); ``--color
    always|never`` decides outright."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditor",
        description="Check image captions, photo credits, agency sign-offs and agency mentions in article HTML.",
    )
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser("extract", help="show what auditor reads out of article pages",
                                  description="Print the figures, captions, credits, sign-off, datelines "
                                              "and agency mentions of each page.")
    extract.add_argument("paths", nargs="+", metavar="PATH",
                         help="HTML files or directories (recursing over *.html, *.htm, *.xhtml); - for stdin")
    extract.add_argument("--format", "-f", default="table", choices=extract_formats(),
                         help="output format (default: table)")
    extract.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    _site_options(extract)
    extract.add_argument("--why", action="store_true",
                         help="for every image on the page: taken or left out, and the element and test "
                              "that decided")
    _rule_options(extract)
    extract.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                         help="skip pages larger than this (default: 20M)")
    extract.set_defaults(handler=run_extract)

    check = commands.add_parser("check", help="check pages against the rule packs",
                                description="Check captions, credits, sign-offs and datelines against "
                                            "YAML rule packs.")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="HTML files or directories (recursing over *.html, *.htm, *.xhtml); - for stdin")
    _rule_options(check)
    check.add_argument("--fail-on", choices=["error", "warning", "suggestion", "never"],
                       help="exit 1 when there are findings at or above this severity (default: error)")
    check.add_argument("--format", "-f", default="table", choices=report_formats(),
                       help="output format for standard output (default: table)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the --format output to FILE")
    check.add_argument("--report", action="append", default=[], metavar="FORMAT=FILE",
                       help="also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=auditor.sarif")
    check.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                       help="treat pages larger than this as unreadable (default: 20M)")
    check.add_argument("--jobs", "-j", type=_positive, metavar="N",
                       help="check files in N processes (default: the number of CPUs); output order is the same")
    check.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no rule warnings")
    check.add_argument("--fix", action="store_true",
                       help="make the fixes rules are certain of (agency spellings, house credit prefixes) "
                            "in the pages, by source offsets; report what is left")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes --fix would make as a unified diff, and change nothing")
    check.add_argument("--diff-base", metavar="REF",
                       help="report only findings on lines changed since git REF (story-wide findings when "
                            "any line of the page changed; new files in full)")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings that FILE (written by 'auditor baseline') does not record")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                       help="colour the table: on a terminal (auto, the default), always or never")
    check.add_argument("--no-progress", action="store_true", help="no progress bar (rule warnings still shown)")
    check.add_argument("--max-warnings", type=int, metavar="N",
                       help="exit 1 when there are more than N warnings, whatever --fail-on says")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name of the page read from - (for reports, config overrides and site profiles)")
    check.add_argument("--report-unused-suppressions", action="store_true",
                       help="report auditor-disable comments and data-auditor-ignore attributes that hide nothing")
    check.add_argument("--show-config", action="store_true",
                       help="print the configuration each PATH is checked with, and where it comes from; check nothing")
    check.add_argument("--resume", metavar="CHECKPOINT",
                       help="keep a checkpoint in CHECKPOINT and, when it exists, go on where that run stopped "
                            "(archives and their record offsets; needs --format jsonl and --output)")
    check.add_argument("--statistics", action="store_true",
                       help="after the findings, print how many each rule raised, in how many files")
    _site_options(check)
    check.set_defaults(handler=run_check)

    baseline = commands.add_parser("baseline", help="record today's findings, so that check --baseline "
                                                    "reports only new ones",
                                   description="Check pages and record every finding by its fingerprint, "
                                               "for 'auditor check --baseline FILE'.")
    baseline.add_argument("paths", nargs="+", metavar="PATH", help="HTML files or directories")
    _rule_options(baseline)
    baseline.add_argument("--output", "-o", metavar="FILE", default=".auditor-baseline.json",
                          help="where to write the baseline (default: .auditor-baseline.json)")
    baseline.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                          help="treat pages larger than this as unreadable (default: 20M)")
    baseline.add_argument("--jobs", "-j", type=_positive, metavar="N", help="check files in N processes")
    _site_options(baseline)
    baseline.set_defaults(handler=run_baseline)

    summarize = commands.add_parser(
        "summarize", help="per host and per agency: who credits whom, from 'check --format jsonl' results",
        description="Read the JSONL of 'auditor check --format jsonl' (archive runs) and print, per host, pages, "
                    "images and findings, and per host and agency, the images crediting it.")
    summarize.add_argument("results", nargs="+", metavar="RESULTS.jsonl", help="JSONL files (- for stdin)")
    summarize.add_argument("--agency", metavar="NAME",
                           help="only pages that credit, cite or name this agency (canonical name, e.g. AP)")
    summarize.add_argument("--top", type=int, default=20, metavar="N", help="rows per table (0: all; default 20)")
    summarize.add_argument("--format", "-f", choices=["table", "json", "markdown"], default="table")
    summarize.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    summarize.set_defaults(handler=run_summarize)

    init = commands.add_parser("init", help="write a commented .auditor.yaml, suggesting a house pack from a "
                                            "few pages")
    init.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="pages to look at (default: .)")
    init.add_argument("--output", "-o", default=".auditor.yaml", metavar="FILE",
                      help="where to write (default: .auditor.yaml); an existing file is never overwritten")
    init.set_defaults(handler=run_init)

    completion = commands.add_parser("completion", help="print a shell completion script")
    completion.add_argument("shell", choices=["bash", "zsh", "fish"])
    completion.set_defaults(handler=run_completion)

    rules = commands.add_parser("rules", help="list the active rules and their severities")
    _rule_options(rules)
    rules.set_defaults(handler=run_rules)

    profile = commands.add_parser("profile", help="site profiles: draft one from pages of a site")
    profile_commands = profile.add_subparsers(dest="profile_command", metavar="COMMAND")
    suggest = profile_commands.add_parser(
        "suggest", help="write a draft site profile for pages of one site",
        description="Read pages of one site with the generic extractor and write a draft profile: the "
                    "selectors its figure units, captions and credits share. Edit it before you use it.")
    suggest.add_argument("paths", nargs="+", metavar="PAGE", help="HTML pages of one site (or directories)")
    suggest.add_argument("--name", help="the profile's name (default: from the pages' host)")
    suggest.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    suggest.set_defaults(handler=run_profile_suggest)
    profile.set_defaults(handler=lambda args: (profile.print_help(), EXIT_USAGE)[1])

    explain = commands.add_parser("explain", help="describe a rule: what it checks, why, examples")
    explain.add_argument("rule_id", metavar="RULE_ID")
    _rule_options(explain)
    explain.set_defaults(handler=run_explain)
    return parser


def _rule_options(parser) -> None:
    parser.add_argument("--rules", "-r", action="append", default=[], metavar="PACK|FILE",
                        help="rule pack by name (default, dw, ap, reuters) or path; repeatable")
    parser.add_argument("--config", "-c", metavar="FILE",
                        help="config file (default: .auditor.yaml found upward from the working directory)")
    parser.add_argument("--no-config", action="store_true", help="ignore .auditor.yaml files")
    parser.add_argument("--agencies", metavar="FILE", action="append", default=[],
                        help="a YAML file of agencies to add to or override in the registry")
    parser.add_argument("--select", action="append", default=[], metavar="RULES",
                        help="run only these rules: ids or prefixes, comma-separated (credit-,signoff-missing)")
    parser.add_argument("--extend-select", action="append", default=[], metavar="RULES",
                        help="run these rules too (also rules a pack turns off)")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="do not run these rules: ids or prefixes, comma-separated")
    parser.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL",
                        help="set a rule's (or a prefix's) severity: error, warning, suggestion or off")


def _site_options(parser) -> None:
    parser.add_argument("--no-site-profiles", action="store_true",
                        help="apply no site profile, neither shipped nor from the config")
    parser.add_argument("--url", metavar="URL",
                        help="the address the page(s) will have, for matching site profiles (local drafts)")


def _inputs_folder(paths: list[str]) -> Path | None:
    """Where to look for ``.auditor.yaml``: the folder the inputs share (so that
    ``cd / && auditor check /repo/drafts/x.html`` uses the repository's config), else the working
    directory."""
    local = [os.path.abspath(p) for p in paths if p != "-"]
    if not local:
        return None
    try:
        common = os.path.commonpath(local)
    except ValueError:  # different drives
        return None
    return Path(common if os.path.isdir(common) else os.path.dirname(common))


def _load_rules(args):
    """Config and rule set from the options; ``DataFileError`` for anything broken."""
    config_path = args.config
    if config_path is None and not args.no_config:
        found = find_config(_inputs_folder(getattr(args, "paths", None) or []))
        config_path = str(found) if found else None
    config = load_config(config_path) if config_path else Config()
    site_profiles = not getattr(args, "no_site_profiles", False)
    ruleset = build_ruleset(args.rules or None, config, agencies=args.agencies, site_profiles=site_profiles)
    selection = Selection(args.select, args.extend_select, args.ignore, args.severity)
    if selection:
        try:
            changes = selection.severities({r.id: r.spec.get("severity", "warning") for r in ruleset.rules})
        except SelectionError as exc:
            raise UsageError(str(exc)) from None
        # through the config, so that worker processes build the same rule set
        config = dataclasses.replace(config, forced=changes)
        ruleset = build_ruleset(args.rules or None, config, agencies=args.agencies, site_profiles=site_profiles)
    _build_override_rulesets(args, config)
    return config, ruleset


def _build_override_rulesets(args, config, base: bool = False) -> None:
    """Build the rule set of each ``overrides:`` entry (and the config's own, with ``base``) once now,
    so that a broken one stops the run before any file is checked."""
    for key in ([()] if base else []) + [(index,) for index in range(len(config.overrides))]:
        build_ruleset(args.rules or None, config.with_overrides(key), agencies=args.agencies,
                      site_profiles=not getattr(args, "no_site_profiles", False))


def run_check(args) -> int:
    config, ruleset = _load_rules(args)
    if args.show_config:
        return _show_config(args, config)
    extra = [_report_target(value) for value in args.report]
    if not args.quiet:
        for warning in ruleset.warnings:
            print(warning, file=sys.stderr)
    fail_on = args.fail_on or config.fail_on or "error"
    engine = Engine(ruleset, args.report_unused_suppressions)
    summary = Summary()
    known = Baseline.load(args.baseline) if args.baseline else None
    try:
        changed = ChangedLines(args.diff_base) if args.diff_base else None
    except DiffBaseError as exc:
        raise UsageError(str(exc)) from None
    paths = _inputs(args.paths, config.include, config.exclude)
    _refuse_overwriting_inputs(paths, [args.output, *(target for _, target in extra)])
    configs = _own_configs(args, config, paths)
    formats = ([] if args.diff else [(args.format, args.output)]) + extra
    archives = [p for p in paths if p != "-" and is_archive(p)]
    if archives and (args.fix or args.diff):
        raise UsageError(f"--fix and --diff edit HTML files; {archives[0]} is an archive, which auditor never "
                         "writes into")
    checkpoint = _checkpoint(args, paths, formats) if args.resume else None
    counts: dict[tuple[str, str], list[int]] = {}
    if checkpoint is not None:
        summary = Summary(**checkpoint.summary) if checkpoint.summary else summary
        counts = {tuple(key.split("|", 1)): value for key, value in checkpoint.counts.items()}
    with contextlib.ExitStack() as stack:
        writers, files = [], {}
        for index, (name, target) in enumerate(formats):
            writer_class = REPORT_WRITERS[name]
            if checkpoint is not None:
                stream = stack.enter_context(_resumed_output(target, checkpoint.outputs.get(target, 0)))
                files[target] = stream
            else:
                stream = stack.enter_context(open_output(target, binary=getattr(writer_class, "binary", False)))
            color = index == 0 and not args.diff and use_color(stream, args.color) and not target
            try:
                writers.append(writer_class(stream, ruleset=ruleset, color=color, fail_on=fail_on))
            except WriterUnavailable as exc:
                raise UsageError(str(exc)) from None
        for writer in writers:
            if not (checkpoint and checkpoint.resumed):
                writer.begin()
        spec = RunSpec(args.rules or None, config, args.agencies, args.max_size,
                       site_profiles=not args.no_site_profiles, url=args.url, stdin_name=args.stdin_filename,
                       report_unused_suppressions=args.report_unused_suppressions, configs=configs,
                       facts=any(getattr(REPORT_WRITERS[name], "needs_facts", False) for name, _ in formats),
                       keep_documents=any(getattr(writer, "needs_documents", False) for writer in writers))
        position = _Position(paths) if archives else None
        progress = Progress(None if archives else len(paths), enabled=not (args.quiet or args.no_progress),
                            archives=bool(archives))
        problems: list[str] = []
        order: collections.deque = collections.deque()
        read: dict = {}  # archive -> ArchiveStats: what reading each archive met
        items = checkpoint.items(expand, order, read) if checkpoint is not None else expand(paths, stats=read)
        diff_stream = stack.enter_context(open_output(args.output)) if args.diff else None
        fixer = _Fixer(write=args.fix, stream=diff_stream) if args.fix or args.diff else None
        try:
            for item, report, new_problems in run_items(items, spec, engine, args.jobs or default_jobs(),
                                                        files=None if archives else len(paths),
                                                        stdin="-" in paths):
                if fixer is not None:
                    report = fixer(report)
                if changed is not None:
                    report = changed.filter(report)
                if known is not None:
                    report = known.filter(report)
                summary.add(report)
                for key in {(f.rule, f.severity) for f in report.findings}:
                    counts.setdefault(key, [0, 0])[1] += 1
                for finding in report.findings:
                    counts[(finding.rule, finding.severity)][0] += 1
                problems.extend(p for p in new_problems if p not in problems)
                for writer in writers:
                    writer.file(report)
                offset = getattr(item, "offset", None)
                if checkpoint is not None:
                    checkpoint.done(order.popleft(), offset)
                    if checkpoint.due():
                        _save_checkpoint(checkpoint, summary, counts, files)
                progress.step(position.share(item) if position else None)
        except KeyboardInterrupt:
            if checkpoint is not None:
                _save_checkpoint(checkpoint, summary, counts, files)
                print(f"auditor: stopped; run the same command again to go on from {args.resume}",
                      file=sys.stderr)
            raise
        progress.close()
        for writer in writers:
            writer.end(summary)
        if checkpoint is not None:
            _save_checkpoint(checkpoint, summary, counts, files, complete=True)
    if not args.quiet:
        for path, stats in read.items():
            print(f"auditor: {stats.line(path)}", file=sys.stderr)
    if archives and not summary.files:
        raise UsageError(f"no HTML pages in {', '.join(archives[:3])}{' …' if len(archives) > 3 else ''}: the "
                         "archives hold no HTML response or resource records with a 2xx status; nothing was checked")
    if fixer is not None:
        fixer.close()
        if args.diff:
            return EXIT_FINDINGS if fixer.fixed else EXIT_OK
    if known is not None:
        gone = known.gone()
        note = f"auditor: the baseline hid {known.hidden} known finding{'s' if known.hidden != 1 else ''}"
        if gone:
            note += (f"; {len(gone)} recorded finding{'s are' if len(gone) != 1 else ' is'} gone "
                     f"(first: {gone[0]['path']}: {gone[0]['rule']}); run 'auditor baseline' again to shrink it")
        print(note, file=sys.stderr)
    if args.statistics:
        rows = sorted(([rule, severity, found, files] for (rule, severity), (found, files) in counts.items()),
                      key=lambda row: (-row[2], row[0]))
        print(tabulate(rows, headers=["rule", "severity", "findings", "files"], tablefmt="simple")
              if rows else "no findings")
    for problem in problems:
        print(f"auditor: error: {problem}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    if args.max_warnings is not None and summary.warnings > args.max_warnings:
        print(f"auditor: {summary.warnings} warnings, more than --max-warnings {args.max_warnings}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_FINDINGS if summary.at_or_above(fail_on) else EXIT_OK


def _checkpoint(args, paths: list[str], formats: list[tuple[str, str | None]]) -> Checkpoint:
    """``--resume``: the checkpoint, refused with what to do when the outputs cannot be resumed."""
    for name, target in formats:
        if not getattr(REPORT_WRITERS[name], "resumable", False):
            raise UsageError(f"--resume needs outputs written page by page: use --format jsonl (and --report "
                             f"jsonl=FILE), not {name}; convert afterwards with 'auditor summarize'")
        if not target:
            raise UsageError("--resume appends to its output files: give one with --output FILE")
    if args.fix or args.diff or args.baseline or args.diff_base:
        raise UsageError("--resume is for archive runs; it does not combine with --fix, --diff, --baseline "
                         "or --diff-base")
    try:
        return Checkpoint(args.resume, paths)
    except CheckpointError as exc:
        raise UsageError(str(exc)) from None


@contextlib.contextmanager
def _resumed_output(path: str, size: int):
    """An output file that a resumed run appends to: cut back to the length the checkpoint saw (a
    line written after the last save is written again), or started when the run is new."""
    if os.path.isdir(path):
        raise UsageError(f"cannot write {path}: it is a folder; give a file name")
    try:
        handle = open(path, "r+b" if os.path.exists(path) else "w+b")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}; check that its folder exists "
                         "and is writable") from None
    try:
        length = handle.seek(0, os.SEEK_END)
        if length < size:
            raise UsageError(f"{path} is shorter than the checkpoint recorded ({length} < {size} bytes): it "
                             "was changed since; remove the checkpoint to start afresh")
        handle.truncate(size)
        handle.seek(size)
        stream = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
        yield stream
        stream.flush()
    finally:
        handle.close()


def _save_checkpoint(checkpoint: Checkpoint, summary: Summary, counts: dict, files: dict,
                     complete: bool = False) -> None:
    """Flush the outputs to disk, then record how far the run is (in that order, so the checkpoint
    never points past what the files hold)."""
    sizes = {}
    for target, stream in files.items():
        stream.flush()
        os.fsync(stream.fileno())
        sizes[target] = os.fstat(stream.fileno()).st_size
    checkpoint.save(summary.to_dict(), sizes, {f"{rule}|{severity}": value for (rule, severity), value in counts.items()},
                    complete=complete)


class _Position:
    """How far a run is through its inputs, by bytes: archives' records are not counted ahead."""

    def __init__(self, paths: list[str]):
        self.before: dict[str, int] = {}  # bytes of the inputs before each one
        self.sizes: dict[str, int] = {}
        total = 0
        for path in paths:
            size = count_bytes(path) if path != "-" else 0
            self.before.setdefault(path, total)
            self.sizes.setdefault(path, size)
            total += size
        self.total = total or 1

    def share(self, item) -> float:
        path = getattr(item, "archive", item)
        offset = getattr(item, "offset", None)
        return (self.before.get(path, 0) + (offset if offset is not None else self.sizes.get(path, 0))) / self.total


class _Fixer:
    """``--fix`` and ``--diff``: applies each report's located edits to its page (or prints them)
    and returns the report without the findings it fixed."""

    def __init__(self, write: bool, stream=None):
        self.write, self.stream = write, stream
        self.fixed = 0
        self.files = 0
        self.problems: list[str] = []

    def __call__(self, report):
        located = [f for f in report.findings if f.edit and "locations" in f.edit]
        if not located or report.path == "-":
            return report
        try:
            with open(report.path, "rb") as handle:
                raw = handle.read()
            page = page_from_bytes(report.path, raw, max_bytes=len(raw))  # as the check read it
            if page.warnings:
                raise FixError(f"it was read with losses ({page.warnings[0]})")
            encoding = page.encoding
            after, count = apply_edits(raw, encoding, located)
        except (OSError, FixError) as exc:
            self.problems.append(f"{report.path}: not fixed: {exc}")
            return report
        if not count:
            return report
        if self.stream is not None:
            self.stream.write(unified_diff(report.path, raw, after, encoding or "utf-8"))
        if self.write:
            _replace_file(report.path, after)
        self.fixed += count
        self.files += 1
        if not self.write:
            return report
        applied = {id(f) for f in located}
        return dataclasses.replace(report, findings=[f for f in report.findings if id(f) not in applied])

    def close(self) -> None:
        for problem in self.problems:
            print(f"auditor: {problem}", file=sys.stderr)
        if self.write:
            print(f"auditor: fixed {self.fixed} finding{'s' if self.fixed != 1 else ''} in {self.files} "
                  f"file{'s' if self.files != 1 else ''}", file=sys.stderr)


def _replace_file(path: str, data: bytes) -> None:
    """Write a fixed page through a temporary file beside it, keeping its permissions."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _show_config(args, config) -> int:
    """``--show-config``: the merged configuration per file, and the files it came from."""
    import yaml

    own = _own_configs(args, config, [p for p in args.paths if p != "-"])
    for path in args.paths:
        file_config = own.get(path, config)
        key = file_config.override_key(path) if file_config.overrides and path != "-" else ()
        merged = file_config.with_overrides(key)
        ruleset = build_ruleset(args.rules or None, merged, agencies=args.agencies,
                                site_profiles=not args.no_site_profiles)
        sources = {ruleset.sources[r.id].path for r in ruleset.rules if r.id in ruleset.sources}
        shown = {
            "file": path,
            "config": file_config.path or "none (the defaults)",
            "overrides applied": [f"overrides[{i}]: {', '.join(file_config.overrides[i].files)}" for i in key],
            "packs": list(ruleset.packs),
            "pack files": sorted(_shown_path(source) for source in sources),
            "rules": {r.id: r.spec.get("severity", "warning") for r in ruleset.rules},
            "settings": ruleset.settings,
            "include": file_config.include, "exclude": file_config.exclude,
            "fail_on": args.fail_on or config.fail_on or "error",
            "site profiles": [p.name for p in ruleset.sites.profiles],
        }
        print(yaml.safe_dump(shown, sort_keys=False, allow_unicode=True, width=100).rstrip())
        print("---" if path != args.paths[-1] else "")
    return EXIT_OK


def run_init(args) -> int:
    from .init import config_text, survey

    if os.path.exists(args.output):
        raise UsageError(f"{args.output} already exists; auditor init never overwrites a file "
                         "(remove it, or write elsewhere with --output)")
    style = survey(args.paths)
    text = config_text(style)
    try:
        with open(args.output, "x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    pack = style.pack()[0]
    print(f"wrote {args.output}: pack {pack}, from {style.pages} page(s); review it, then run 'auditor check'")
    return EXIT_OK


def run_summarize(args) -> int:
    from .summarize import sentences, summarize, tables

    def lines():
        for path in args.results:
            try:
                handle = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
            except OSError as exc:
                raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
            with contextlib.ExitStack() as stack:
                if handle is not sys.stdin:
                    stack.enter_context(handle)
                for number, text in enumerate(handle, 1):
                    yield path, number, text

    summary = summarize(lines(), agency=args.agency)
    for skipped in summary.skipped[:10]:
        print(f"auditor: skipped {skipped}", file=sys.stderr)
    if len(summary.skipped) > 10:
        print(f"auditor: skipped {len(summary.skipped) - 10} more lines", file=sys.stderr)
    if not summary.pages:
        raise UsageError("no pages in the results" + (f" that credit, cite or name {args.agency}" if args.agency
                                                      else "; write them with 'auditor check --format jsonl'"))
    with open_output(args.output) as stream:
        if args.format == "json":
            json.dump(summary.to_dict(), stream, indent=1, ensure_ascii=False)
            stream.write("\n")
            return EXIT_OK
        style = "github" if args.format == "markdown" else "simple"
        hosts = len(summary.hosts)
        stream.write(f"{summary.pages:,} page{'s' if summary.pages != 1 else ''} from {hosts:,} "
                     f"host{'s' if hosts != 1 else ''}\n")
        for title, headers, rows in tables(summary, args.top, args.agency):
            stream.write(f"\n{'### ' if args.format == 'markdown' else ''}{title}\n\n")
            stream.write((tabulate(rows, headers=headers, tablefmt=style, intfmt=",") if rows else "none") + "\n")
        if args.agency:
            stream.write(f"\n{'### ' if args.format == 'markdown' else ''}{args.agency}, in words\n\n")
            stream.write("\n".join(printable(line) for line in sentences(summary, args.agency, args.top)) + "\n")
    return EXIT_OK


def run_completion(args) -> int:
    from .completion import script

    print(script(build_parser(), args.shell))
    return EXIT_OK


def run_baseline(args) -> int:
    config, ruleset = _load_rules(args)
    paths = _inputs(args.paths, config.include, config.exclude)
    _refuse_overwriting_inputs(paths, [args.output])
    spec = RunSpec(args.rules or None, config, args.agencies, args.max_size,
                   site_profiles=not args.no_site_profiles, url=args.url)
    reports = [report for report, _ in run(paths, spec, Engine(ruleset), args.jobs or default_jobs())]
    document = record(reports)
    with open_output(args.output) as stream:
        json.dump(document, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    print(f"recorded {len(document['findings'])} findings of {len(reports)} files in {args.output}")
    return EXIT_OK


def _own_configs(args, config, paths: list[str]) -> dict:
    """Each file's nearest ``.auditor.yaml`` (as ruff finds ``ruff.toml``), where it is not the run's
    config; every such config is loaded and its rule sets built now, so that a broken one stops the
    run before any file. Not with ``--config`` or ``--no-config``."""
    if args.config or args.no_config:
        return {}
    found: dict[str, Config | None] = {}
    configs = {}
    for path in paths:
        if path == "-":
            continue
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in found:
            nearest = find_config(Path(folder))
            own = None
            if nearest is not None and str(nearest) != (config.path or ""):
                # the command line's severities (--select, --severity) win here too
                own = dataclasses.replace(load_config(nearest), forced=config.forced)
                _build_override_rulesets(args, own, base=True)
            found[folder] = own
        if found[folder] is not None:
            configs[path] = found[folder]
    return configs


def _report_target(value: str) -> tuple[str, str]:
    name, sep, target = value.partition("=")
    if not sep or not target:
        raise UsageError(f"--report takes FORMAT=FILE, e.g. sarif=auditor.sarif (got '{value}')")
    if name not in REPORT_WRITERS:
        raise UsageError(f"unknown report format '{name}'{did_you_mean(name, REPORT_WRITERS)}; "
                         f"formats: {', '.join(sorted(REPORT_WRITERS))}")
    return name, target


def run_rules(args) -> int:
    _, ruleset = _load_rules(args)
    rows = []
    for rule in ruleset.rules:
        source = ruleset.sources.get(rule.id)
        description = " ".join((rule.spec.get("description") or "").split())
        fixes = rule.fixable and (rule.kind not in ("pattern", "forbidden") or "replacement" in rule.spec)
        rows.append([rule.id, rule.spec.get("severity", "warning"), rule.kind, "yes" if fixes else "",
                     f"{os.path.basename(source.path)}:{source.line}" if source else "",
                     description[:60] + ("…" if len(description) > 60 else "")])
    print(f"packs: {', '.join(ruleset.packs)}")
    print(tabulate(rows, headers=["rule", "severity", "kind", "--fix", "defined at", "description"],
                   tablefmt="simple"))
    return EXIT_OK


def _shown_path(path: str) -> str:
    """A rule file as a user finds it: shipped packs as ``rules/default.yaml``, others relative to
    the working directory when below it (never the build machine's absolute path)."""
    from .resources import rules_dir

    resolved = Path(path).resolve()
    for base, shown in ((rules_dir(), "rules"), (Path.cwd(), None)):
        try:
            relative = resolved.relative_to(base)
        except ValueError:
            continue
        return f"{shown}/{relative.as_posix()}" if shown else relative.as_posix()
    return path


def plain_text(doc: str) -> str:
    """A docstring without its reStructuredText markup: ``x`` and :mod:`x` print as x."""
    return re.sub(r"``([^`]+)``", r"\1", re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", doc))


def run_explain(args) -> int:
    _, ruleset = _load_rules(args)
    rule = ruleset.get(args.rule_id)
    if rule is None:
        ids = [r.id for r in ruleset.rules]
        print(f"auditor: error: no rule '{args.rule_id}'{did_you_mean(args.rule_id, ids)}; "
              "'auditor rules' lists them", file=sys.stderr)
        return EXIT_USAGE
    spec = rule.spec
    source = ruleset.sources.get(rule.id)
    out = [f"{rule.id}  ({rule.kind}, {spec.get('severity', 'warning')}; packs: {', '.join(ruleset.packs)})"]
    if source:
        out.append(f"defined at {_shown_path(source.path)}:{source.line}")
    out += ["", textwrap.fill(" ".join((spec.get("description") or "").split()), 100)]
    if spec.get("rationale"):
        out += ["", "Why: " + textwrap.fill(" ".join(spec["rationale"].split()), 95, subsequent_indent="     ")]
    options = {k: v for k, v in spec.items() if k not in COMMON_KEYS}
    if options:
        out += ["", "Options:"] + [f"  {k}: {v}" for k, v in options.items()]
    if spec.get("message"):
        out += ["", f"Message: {spec['message']}"]
    kind_doc = plain_text(inspect.getdoc(type(rule)) or "")
    out += ["", f"Rule kind '{rule.kind}':", textwrap.indent(kind_doc, "  ")]
    for label in ("bad", "good"):
        examples = (spec.get("examples") or {}).get(label)
        for example in [examples] if isinstance(examples, str) else (examples or []):
            out += ["", f"Example ({label}{', fires' if label == 'bad' else ', passes'}):",
                    textwrap.indent(example.rstrip(), "  ")]
    print("\n".join(out))
    return EXIT_OK


def run_extract(args) -> int:
    _, ruleset = _load_rules(args)
    registry = ruleset.registry
    paths = _inputs(args.paths)
    _refuse_overwriting_inputs(paths, [args.output])
    with open_output(args.output) as stream:
        writer = EXTRACT_WRITERS[args.format](stream, color=use_color(stream) and not args.output)
        writer.begin()
        for item in expand(paths):
            if isinstance(item, ArchiveRecord):
                document = document_from_page(page_from_record(item, args.max_size), registry, why=args.why,
                                              sites=ruleset.sites, url=item.url)
                document.url = document.url or item.url
            elif item.lower().endswith(GZIP_PAGE_SUFFIXES):
                document = document_from_page(read_gzip_page(item, args.max_size), registry, why=args.why,
                                              sites=ruleset.sites, url=args.url)
            else:
                document = extract_file(item, registry, args.max_size, why=args.why, sites=ruleset.sites,
                                        url=args.url)
            writer.document(document)
        writer.end()
    return EXIT_OK


def run_profile_suggest(args) -> int:
    from .loader import read_page
    from .suggest import suggest_profile

    pages, problems = [], []
    for path in discover(args.paths):
        page = read_page(path)
        if page.text is None:
            problems.append(f"{path}: {page.error}")
        else:
            pages.append((path, page.text))
    for problem in problems:
        print(f"auditor: skipped {problem}", file=sys.stderr)
    if not pages:
        raise UsageError("no readable HTML page given; name pages of one site")
    with open_output(args.output) as stream:
        stream.write(suggest_profile(pages, name=args.name))
    return EXIT_OK


def _inputs(given: list[str], include=(), exclude=()) -> list[str]:
    """The input files; none at all is a usage error, never a silent pass."""
    paths = list(discover(given, include, exclude))
    if not paths:
        where = ", ".join(given)
        hint = f" with include {list(include)}" if include else ""
        raise UsageError(f"no HTML files matched {where}{hint}: nothing was checked "
                         "(directories are searched for *.html, *.htm and *.xhtml)")
    return paths


def _refuse_overwriting_inputs(inputs: list[str], outputs: list[str | None]) -> None:
    """An output path that is one of the inputs would erase the article: refuse before writing."""
    pages = {os.path.realpath(p) for p in inputs if p != "-"}
    for output in outputs:
        if output and os.path.realpath(output) in pages:
            raise UsageError(f"the output file {output} is one of the pages to read; writing the report "
                             "there would erase the page. Choose another output path.")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_output(path: str | None, binary: bool = False):
    """A file to write a report to, or standard output.

    The report is written to a temporary file in the same folder and renamed over ``path`` only when
    it is complete: an interrupted run leaves the previous report or none, never half of one.
    """
    if not path:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if os.path.isdir(path):
        raise UsageError(f"cannot write {path}: it is a folder; give a file name")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}; check that its folder exists "
                         "and is writable") from None
    try:
        with (os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")) as stream:
            yield stream
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is as readable as any file
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.handler(args)
    except (DataFileError, UsageError) as exc:
        # A broken rule pack, config or registry file, or a bad option: say where, never a traceback.
        print(f"auditor: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Terminated:
        print("auditor: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("auditor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
