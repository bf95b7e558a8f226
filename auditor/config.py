"""``.auditor.yaml``: which packs to use, per-rule severities, house agencies, include/exclude globs.

Found by walking up from the working directory, or given with ``--config FILE``. Paths inside it are
relative to the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .resources import schema
from .sites import SiteProfiles, profiles_from_config
from .yamlio import read_yaml_file, validate

CONFIG_NAMES = (".auditor.yaml", ".auditor.yml")


@dataclass
class Config:
    path: str | None = None
    packs: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    agencies: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    sites: SiteProfiles = field(default_factory=SiteProfiles)  # the config's own site profiles
    shipped_sites: bool = True  # the profiles in rules/sites/ apply too


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file above ``start`` (the inputs' folder), else above the working directory."""
    for origin in ([start] if start is not None else []) + [Path.cwd()]:
        directory = origin.resolve()
        for folder in (directory, *directory.parents):
            for name in CONFIG_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    return candidate
    return None


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (raises :class:`~auditor.yamlio.DataFileError`)."""
    marked = read_yaml_file(path)
    validate(marked, schema("config-1"), "config file")
    data = marked.data or {}
    base = Path(path).resolve().parent

    def listed(value):
        return [value] if isinstance(value, str) else list(value or [])

    packs = []
    for pack in listed(data.get("packs")):
        looks_like_path = pack.endswith((".yaml", ".yml")) or "/" in pack
        packs.append(str(base / pack) if looks_like_path and not Path(pack).is_absolute() else pack)
    return Config(
        path=str(path),
        packs=packs,
        severities=dict(data.get("rules") or {}),
        agencies=[str(base / p) for p in listed(data.get("agencies"))],
        include=listed(data.get("include")),
        exclude=listed(data.get("exclude")),
        fail_on=data.get("fail_on"),
        sites=profiles_from_config(data.get("sites"), marked, base),
        shipped_sites=data.get("site_profiles", True),
    )
