"""The bundled samples: golden extraction files, and the facts their author wrote down independently.

Regenerate the golden files after an intended change with ``AUDITOR_UPDATE_GOLDEN=1 pytest tests/test_samples.py``
and review the diff.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, sample_pages
from corpus_eval import loose, norm

from auditor.api import extract_file

GOLDEN = ROOT / "tests" / "golden"
FACTS = ROOT / "tests" / "sample_facts"
PAGES = sample_pages()


def extracted(path):
    document = extract_file(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    data = document.to_dict()
    data["path"] = f"samples/{path.name}"
    return document, data


def test_there_are_enough_samples():
    assert len(PAGES) >= 12


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_golden_extraction(path):
    _, data = extracted(path)
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("AUDITOR_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; create it with AUDITOR_UPDATE_GOLDEN=1 and review it"
    assert data == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_sample_facts(path):
    """Captions, credits, chains, sign-off, datelines and mentions as the sample's author wrote them."""
    facts = json.loads((FACTS / f"{path.stem}.json").read_text(encoding="utf-8"))
    document, _ = extracted(path)
    assert len(document.figures) == len(facts["figures"])
    for figure, expected in zip(document.figures, facts["figures"], strict=True):
        assert norm(figure.caption) == norm(expected["caption"])
        got_credit = figure.credit.text if figure.credit else None
        assert loose(got_credit) == loose(expected["credit"])
        if expected.get("lines", {}).get("img"):
            assert figure.line == expected["lines"]["img"]
        if figure.credit and expected.get("chain"):
            agencies = list(dict.fromkeys(s.agency or s.name for s in figure.credit.sources))
            assert [a for a in agencies if a in expected["chain"]] == [c for c in expected["chain"] if c in agencies]
    assert norm(document.signoff.text if document.signoff else None) == norm(facts.get("signoff"))
    if facts.get("signoff_line"):
        assert document.signoff.line == facts["signoff_line"]
    assert [norm(d.text) for d in document.datelines] == [norm(d) for d in facts.get("datelines", [])]
    assert list(dict.fromkeys(m.agency for m in document.mentions)) == facts.get("mentions", [])
