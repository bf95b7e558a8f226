"""One archive in, its pages' JSONL records out: the unit of work that cluster engines map over
(``auditor.dask``; the PySpark recipe in ``docs/archives.md``). No cluster library is needed here.

Every worker builds its rule set once, on first use, from :class:`AuditOptions` (small and
picklable): rule sets are rebuilt where they run, never shipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .api import build_ruleset
from .archive import ArchiveError, ArchiveRecord, iter_records
from .config import Config, load_config
from .loader import DEFAULT_MAX_BYTES
from .output.report_jsonl import page_record
from .rules import Engine
from .runner import Engines, RunSpec, check_item


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


def _engines(options: AuditOptions) -> tuple[Engines, RunSpec]:
    """The engines of this worker process for ``options``, built on first use."""
    key = (options.packs, options.config, options.agencies, options.site_profiles)
    if key not in _ENGINES:
        config = load_config(options.config) if options.config else Config()
        spec = RunSpec(list(options.packs) if options.packs else None, config, list(options.agencies),
                       options.max_bytes, site_profiles=options.site_profiles, facts=True)
        ruleset = build_ruleset(spec.packs, config, agencies=spec.agencies, site_profiles=spec.site_profiles)
        _ENGINES[key] = (Engines(spec, Engine(ruleset)), spec)
    return _ENGINES[key]


def audit_archive(path: str, options: AuditOptions = AuditOptions()) -> Iterator[dict]:
    """The JSONL page records of one archive, in file order: what ``auditor check --format jsonl``
    writes for it. An archive that cannot be opened or read is one record with its error."""
    engines, spec = _engines(options)
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
    """A local path, or any fsspec URL (``s3://``, ``gs://``, ``https://``) when fsspec is installed."""
    if "://" in path and not path.startswith("file://"):
        import fsspec
        return fsspec.open(path, "rb", **storage_options).open()
    return open(path.removeprefix("file://"), "rb")  # noqa: SIM115 - the caller's with closes it
