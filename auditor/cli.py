"""The command line: ``auditor extract``, ``auditor check``, ``auditor rules``, ``auditor explain``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from . import __version__
from .api import extract_file
from .loader import DEFAULT_MAX_BYTES, discover
from .output import EXTRACT_WRITERS, extract_formats
from .registry import AgencyRegistry
from .yamlio import DataFileError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


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


def use_color(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
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
    extract.add_argument("--agencies", metavar="FILE", action="append", default=[],
                         help="a YAML file of agencies to add to or override in the registry")
    extract.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                         help="skip pages larger than this (default: 20M)")
    extract.set_defaults(handler=run_extract)
    return parser


def run_extract(args) -> int:
    try:
        registry = AgencyRegistry.load(*args.agencies)
    except DataFileError as exc:
        print(f"auditor: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with open_output(args.output) as stream:
        writer = EXTRACT_WRITERS[args.format](stream, color=use_color(stream) and not args.output)
        writer.begin()
        for path in discover(args.paths):
            writer.document(extract_file(path, registry, args.max_size))
        writer.end()
    return EXIT_OK


@contextlib.contextmanager
def open_output(path: str | None):
    """A file to write a report to, or standard output."""
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("auditor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
