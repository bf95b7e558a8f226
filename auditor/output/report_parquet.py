"""``auditor check --report parquet=FILE``: one row per finding and one per figure, for DuckDB,
pandas or Spark (needs the ``parquet`` extra: ``pip install 'auditor[parquet]'``, which adds pyarrow).

Columns: ``kind`` (``finding`` or ``figure``), ``path``, ``url``, ``host``, ``date``, ``figure``
(1-based index), then for findings ``rule``, ``severity``, ``message``, ``line``, and for figures
``caption``, ``credit``, ``agencies`` (a list of canonical names), ``agency_only`` (an agency and no
photographer), ``media``. Rows are written in row groups as pages are checked, so memory stays flat.

Example, with DuckDB: ``SELECT host, count(*) FROM 'audit.parquet' WHERE kind = 'figure' AND
list_contains(agencies, 'AP') GROUP BY host``.
"""

from __future__ import annotations

from ..facts import agency_only
from . import WriterUnavailable, register_report

ROWS_PER_GROUP = 50_000


def parquet_schema(pa):
    """The columns (pyarrow is passed in: it is an optional dependency)."""
    return pa.schema([
        ("kind", pa.string()), ("path", pa.string()), ("url", pa.string()), ("host", pa.string()),
        ("date", pa.string()), ("figure", pa.int32()),
        ("rule", pa.string()), ("severity", pa.string()), ("message", pa.string()), ("line", pa.int32()),
        ("caption", pa.string()), ("credit", pa.string()), ("agencies", pa.list_(pa.string())),
        ("agency_only", pa.bool_()), ("media", pa.string()),
    ])


def rows(report) -> list[dict]:
    """The rows of one checked page."""
    facts = report.facts or {}
    common = {"path": report.path, "url": report.url, "host": facts.get("host"), "date": facts.get("date")}
    out = [{**common, "kind": "finding", "figure": f.figure, "rule": f.rule, "severity": f.severity,
            "message": f.message, "line": f.line} for f in report.findings]
    for figure in facts.get("figures", []):
        out.append({**common, "kind": "figure", "figure": figure["index"], "caption": figure["caption"],
                    "credit": figure["credit"], "agencies": figure["agencies"],
                    "agency_only": agency_only(figure), "media": figure["media"]})
    return out


@register_report("parquet")
class ReportParquetWriter:
    needs_facts = True
    #: the CLI opens the file in binary mode
    binary = True

    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise WriterUnavailable("the parquet format needs pyarrow: pip install 'auditor[parquet]'") from None
        self.pa, self.schema = pa, parquet_schema(pa)
        self.writer = pq.ParquetWriter(stream, self.schema, compression="zstd")
        self.pending: list[dict] = []

    def begin(self) -> None:
        pass

    def file(self, report) -> None:
        self.pending.extend(rows(report))
        if len(self.pending) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(self.pa.Table.from_pylist(self.pending, schema=self.schema))
            self.pending = []

    def end(self, summary) -> None:
        self._flush()
        self.writer.close()
