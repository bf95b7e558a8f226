"""Output formats. Each format is one module that registers a writer class under its name.

Two families: *extract* writers render :class:`~auditor.model.Document`s (``auditor extract``);
*report* writers render check results (``auditor check``). A writer receives results one file at a
time, in order, so line-oriented formats stream and memory stays flat on large runs.
"""

from __future__ import annotations

from importlib import import_module

EXTRACT_WRITERS: dict[str, type] = {}
REPORT_WRITERS: dict[str, type] = {}

_MODULES = ("extract_table", "extract_json", "report_table", "report_json", "report_sarif", "report_github",
            "report_gitlab", "report_junit", "report_markdown", "report_concise", "report_jsonl", "report_parquet",
            "report_html")


class WriterUnavailable(Exception):
    """A format that needs an optional package which is not installed (the message says which)."""


def register_extract(name: str):
    def decorate(cls):
        cls.format_name = name
        EXTRACT_WRITERS[name] = cls
        return cls
    return decorate


def register_report(name: str):
    def decorate(cls):
        cls.format_name = name
        REPORT_WRITERS[name] = cls
        return cls
    return decorate


def load_writers() -> None:
    """Import the format modules so that they register themselves."""
    for module in _MODULES:
        import_module(f"{__name__}.{module}")


def extract_formats() -> list[str]:
    load_writers()
    return sorted(EXTRACT_WRITERS)


def report_formats() -> list[str]:
    load_writers()
    return sorted(REPORT_WRITERS)
