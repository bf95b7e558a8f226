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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - an extra
    raise ImportError("auditor.dask needs Dask: pip install 'auditor[dask]'") from exc

from .archive import ArchiveError, ArchiveRecord, iter_records
from .loader import DEFAULT_MAX_BYTES
from .output.report_jsonl import page_record
from .output.report_parquet import rows


@dataclass(frozen=True)
class AuditOptions:
    """What every worker needs to build the same rule set (rule sets are rebuilt, not shipped)."""

    packs: tuple[str, ...] | None = None
    config: str | None = None  # a config file path the workers can read
    agencies: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    site_profiles: bool = True
    storage_options: dict = field(default_factory=dict, hash=False, compare=False)


_ENGINES: dict = {}


def _engine(options: AuditOptions):
    """One rule set and engine per worker process and options, built on first use."""
    key = (options.packs, options.config, options.agencies, options.site_profiles)
    if key not in _ENGINES:
        from .api import build_ruleset
        from .runner import Engines, RunSpec

        config = None
        if options.config:
            from .config import load_config
            config = load_config(options.config)
        spec = RunSpec(list(options.packs) if options.packs else None, config or _default_config(),
                       list(options.agencies), options.max_bytes, site_profiles=options.site_profiles, facts=True)
        ruleset = build_ruleset(spec.packs, spec.config, agencies=spec.agencies, site_profiles=spec.site_profiles)
        from .rules import Engine
        _ENGINES[key] = (Engines(spec, Engine(ruleset)), spec)
    return _ENGINES[key]


def _default_config():
    from .config import Config
    return Config()


def audit_archive(path: str, options: AuditOptions = AuditOptions()) -> Iterator[dict]:
    """The JSONL page records of one archive, in file order (one Dask partition)."""
    from .runner import check_item

    engines, spec = _engine(options)
    try:
        with _open(path, options.storage_options) as stream:
            for record in iter_records(path, max_bytes=options.max_bytes, stream=stream):
                engine = engines.for_path(record.name, record.url)
                yield page_record(check_item(engine, engine.ruleset, record, spec))
    except (ArchiveError, OSError) as exc:
        record = ArchiveRecord(path, None, error=str(exc))
        engine = engines.for_path(path)
        yield page_record(check_item(engine, engine.ruleset, record, spec))


def _open(path: str, storage_options: dict):
    if "://" in path and not path.startswith("file://"):
        import fsspec
        return fsspec.open(path, "rb", **storage_options).open()
    return open(path.removeprefix("file://"), "rb")  # noqa: SIM115 - the caller's with closes it


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

    bag = audit_bag(paths, storage_options=storage_options, **options)
    table = bag.map_partitions(_rows)
    columns = ["kind", "path", "url", "host", "date", "figure", "rule", "severity", "message", "line",
               "caption", "credit", "agencies", "agency_only", "media"]
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    table.to_dataframe(meta=meta).to_parquet(target, storage_options=storage_options or {}, write_index=False)


def _rows(pages: list[dict]) -> list[dict]:
    from .model import FileReport, Finding

    out = []
    for page in pages:
        findings = [Finding(**f) for f in page["findings"]]
        report = FileReport(page["path"], findings, page.get("url"),
                            {"host": page.get("host"), "date": page.get("date"), "figures": page.get("figures", [])})
        out.extend(rows(report))
    return out
