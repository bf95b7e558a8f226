"""Where auditor's shipped data lives: the rule packs and agency registry, and the JSON Schemas."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The directory with ``agencies.yaml`` and the rule packs.

    In a wheel it is ``auditor/_data/rules``; in a source checkout (editable install, tests) it is
    the top-level ``rules/`` beside the package.
    """
    for candidate in (_PACKAGE / "_data" / "rules", _PACKAGE.parent / "rules"):
        if (candidate / "agencies.yaml").is_file():
            return candidate
    raise FileNotFoundError(
        "auditor's data directory (rules/agencies.yaml) is missing from the installation; "
        "reinstall auditor with 'pip install --force-reinstall auditor'"
    )


@cache
def schema(name: str) -> dict:
    """A JSON Schema shipped in ``auditor/schemas`` by file stem, e.g. ``extract-1``."""
    with open(_PACKAGE / "schemas" / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)
