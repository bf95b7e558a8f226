"""Shared fixtures: paths to samples, the real-page corpus (optional) and the shipped registry."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = Path(os.environ.get("AUDITOR_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
# The SARIF schema: AUDITOR_SCHEMAS, else the copy vendored under tests/schemas/ (see its NOTICE.md)
SCHEMAS = Path(os.environ.get("AUDITOR_SCHEMAS", Path(__file__).resolve().parent / "schemas"))

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def registry():
    from auditor.registry import default_registry

    return default_registry()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-page corpus not found at {CORPUS} (set AUDITOR_CORPUS)")
    return CORPUS


def sample_pages() -> list[Path]:
    return sorted(SAMPLES.glob("*.html"))
