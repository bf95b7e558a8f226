"""auditor on a Dask cluster: audit WARC files by the thousand (``pip install 'auditor[dask]'``).

The extractor and the rules are pure functions of one page, so the pipeline is a map: one
partition per archive (local paths, ``s3://``, ``https://`` or any fsspec URL), each read record by
record on a worker, each page checked there, the results written as JSONL or Parquet partitions.
Nothing here schedules work itself; Dask does.

    from dask.distributed import Client
    from auditor.dask import audit_bag, write_jsonl

    client = Client("tcp://scheduler:8786")          # or LocalCluster(), KubeCluster(), YarnCluster()
    write_jsonl(["s3://commoncrawl/crawl-data/.../x.warc.gz", ...], "s3://bucket/audit/",
                packs=["default"], storage_options={"anon": True})

Each JSONL line is what ``auditor check --format jsonl`` writes for the same page, so
``auditor summarize`` reads the partitions as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - an extra
    raise ImportError("auditor.dask needs Dask: pip install 'auditor[dask]'") from exc

from .loader import DEFAULT_MAX_BYTES
from .output.report_parquet import parquet_schema, rows
from .pipeline import AuditOptions, audit_archive


def audit_bag(paths: Sequence[str], packs: Sequence[str] | None = None, config: str | None = None,
              agencies: Sequence[str] = (), max_bytes: int = DEFAULT_MAX_BYTES, site_profiles: bool = True,
              storage_options: dict | None = None) -> db.Bag:
    """A bag of page records (dicts, one per HTML record), one partition per archive."""
    options = AuditOptions(tuple(packs) if packs else None, config, tuple(agencies), max_bytes, site_profiles,
                           dict(storage_options or {}))
    paths = list(paths)
    return db.from_sequence(paths, npartitions=max(1, len(paths))).map_partitions(_partition, options)


def _partition(paths, options: AuditOptions) -> list[dict]:
    return [page for path in paths for page in audit_archive(path, options)]


def write_jsonl(paths: Sequence[str], target: str, storage_options: dict | None = None, **options) -> list[str]:
    """Audit ``paths`` and write ``target/part-00000.jsonl`` ... (any fsspec folder); returns the files."""
    bag = audit_bag(paths, storage_options=storage_options, **options)
    return bag.map(lambda page: json.dumps(page, ensure_ascii=False)).to_textfiles(
        target.rstrip("/") + "/part-*.jsonl", name_function=lambda i: f"{i:05d}",
        storage_options=storage_options or {})


def write_parquet(paths: Sequence[str], target: str, storage_options: dict | None = None, **options) -> None:
    """Audit ``paths`` and write Parquet partitions under ``target``: one row per finding and one per
    figure, with the columns of ``--report parquet`` (needs pyarrow)."""
    import pandas as pd
    import pyarrow as pa

    bag = audit_bag(paths, storage_options=storage_options, **options)
    table = bag.map_partitions(_rows)
    columns = ["kind", "path", "url", "host", "date", "figure", "rule", "severity", "message", "line",
               "caption", "credit", "agencies", "agency_only", "media"]
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    table.to_dataframe(meta=meta).to_parquet(target, storage_options=storage_options or {}, write_index=False,
                                             schema=parquet_schema(pa))


def _rows(pages: list[dict]) -> list[dict]:
    from .model import FileReport, Finding

    out = []
    for page in pages:
        findings = [Finding(**f) for f in page["findings"]]
        report = FileReport(page["path"], findings, page.get("url"),
                            {"host": page.get("host"), "date": page.get("date"), "figures": page.get("figures", [])})
        out.extend(rows(report))
    return out
