"""``.auditor.yaml``: which packs to use, per-rule severities, house agencies, include/exclude globs.

Found by walking up from the working directory, or given with ``--config FILE``. Paths inside it are
relative to the file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from .resources import schema
from .sites import SiteProfiles, profiles_from_config
from .yamlio import DataFileError, Marked, read_yaml_file, validate

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
    settings: dict = field(default_factory=dict)  # house settings over the packs' (from overrides)
    overrides: list[Override] = field(default_factory=list)
    forced: dict[str, str] = field(default_factory=dict)  # severities from the command line: over everything

    def rule_severities(self) -> dict[str, str]:
        return {**self.severities, **self.forced}

    def override_key(self, path: str) -> tuple[int, ...]:
        """Which overrides apply to a file (files with the same key share a rule set)."""
        return tuple(i for i, o in enumerate(self.overrides) if o.matches(path, self.path))

    def for_path(self, path: str) -> Config:
        """The configuration for one file: the overrides whose globs match it, applied in order."""
        return self.with_overrides(self.override_key(path))

    def with_overrides(self, key: tuple[int, ...]) -> Config:
        if not key:
            return self
        config = dataclasses.replace(self, overrides=[], severities=dict(self.severities), settings=dict(self.settings))
        for override in (self.overrides[i] for i in key):
            config.packs = list(override.packs) or config.packs
            config.severities.update(override.severities)
            config.settings.update(override.settings)
        return config


@dataclass
class Override:
    """``overrides:`` entry: packs, severities and settings for the files its globs match."""

    files: list[str]
    packs: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)

    def matches(self, path: str, config_path: str | None) -> bool:
        """``path`` is a file, or the crawled address of an archive record: ``https://www.dw.com/en/x``
        is matched as ``www.dw.com/en/x``, so that ``files: ["www.dw.com/**"]`` picks a site."""
        from .loader import matches_glob

        if path.startswith(("http://", "https://")):
            address = path.split("://", 1)[1].split("#", 1)[0].split("?", 1)[0]
            return any(matches_glob(address, pattern) for pattern in self.files)
        base = Path(config_path).resolve().parent if config_path else Path.cwd()
        try:
            relative = Path(path).resolve().relative_to(base).as_posix()
        except ValueError:
            return False
        return any(matches_glob(relative, pattern) for pattern in self.files)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file above ``start`` (the inputs' folder), else above the working directory:
    ``.auditor.yaml`` (or ``.yml``), or a ``pyproject.toml`` with a ``[tool.auditor]`` table."""
    for origin in ([start] if start is not None else []) + [Path.cwd()]:
        directory = origin.resolve()
        for folder in (directory, *directory.parents):
            for name in CONFIG_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    return candidate
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and _pyproject_table(pyproject) is not None:
                return pyproject
    return None


def _pyproject_table(path: Path) -> dict | None:
    """The ``[tool.auditor]`` table of a pyproject.toml, None when it has none (or cannot be read)."""
    try:
        data = _toml_load(path)
    except (OSError, ValueError):
        return None
    table = data.get("tool", {}).get("auditor")
    return table if isinstance(table, dict) else None


def _toml_load(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _read_config(path: str | Path) -> Marked:
    """The config's data with source positions: YAML, or the [tool.auditor] table of a pyproject.toml
    (whose errors point at the table's header line)."""
    if Path(path).name != "pyproject.toml":
        return read_yaml_file(path)
    try:
        data = _toml_load(Path(path))
    except OSError as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise DataFileError(str(path), None, None, f"not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("auditor")
    if not isinstance(table, dict):
        raise DataFileError(str(path), None, None, "no [tool.auditor] table; add one, or use .auditor.yaml")
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    header = next((n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[tool.auditor")), 1)
    return Marked(table, str(path), {(): (header, 1)}, {})


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (raises :class:`~auditor.yamlio.DataFileError`)."""
    marked = _read_config(path)
    validate(marked, schema("config-1"), "config file")
    data = marked.data or {}
    base = Path(path).resolve().parent

    def listed(value):
        return [value] if isinstance(value, str) else list(value or [])

    def pack_list(value):
        packs = []
        for pack in listed(value):
            looks_like_path = pack.endswith((".yaml", ".yml")) or "/" in pack
            packs.append(str(base / pack) if looks_like_path and not Path(pack).is_absolute() else pack)
        return packs

    packs = pack_list(data.get("packs"))
    overrides = [Override(files=list(o["files"]), packs=pack_list(o.get("packs")),
                          severities=dict(o.get("rules") or {}), settings=dict(o.get("settings") or {}))
                 for o in data.get("overrides") or []]
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
        overrides=overrides,
    )
