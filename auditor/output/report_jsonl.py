"""``auditor check --format jsonl``: one JSON object per page, written as soon as the page is
checked, in input order; the format for archives (``auditor summarize`` reads it back).

Each line: ``{"schema": "auditor/page-1", "path", "url", "host", "date", "counts", "findings",
"figures", "signoff", "datelines", "mentions", ...}``: the findings as in ``--format json``, and what
the page credits (:func:`auditor.facts.page_facts`): every picture's caption, credit and agencies.
Nothing is written at the end, so a file cut short by an interrupt is whole up to its last line,
and ``--resume`` can go on appending to it.
"""

from __future__ import annotations

import json

from . import register_report

SCHEMA = "auditor/page-1"


def page_record(report) -> dict:
    """The JSONL object of one checked page (also what the Dask pipeline writes)."""
    facts = dict(report.facts or {})
    record = {"schema": SCHEMA, "path": report.path, "url": report.url, "host": facts.pop("host", None)}
    facts.pop("url", None)
    record["counts"] = report.counts()
    record["findings"] = [f.to_dict() for f in report.findings]
    record.update(facts)
    return record


@register_report("jsonl")
class ReportJsonlWriter:
    #: the runner builds each page's facts for this format
    needs_facts = True
    #: every line is complete when written: --resume can append to the file
    resumable = True

    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        self.stream.write(json.dumps(page_record(report), ensure_ascii=False) + "\n")

    def end(self, summary) -> None:
        self.stream.flush()
