"""The house-style pages (tests/house_pages/): whole pages modelled on publishing systems, with
invented stories, labelled by their writers. Floors: development pages at today's level less a
little; held-out pages no lower than when they were written (they are never looked at)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import totals  # noqa: E402
from house_eval import evaluate  # noqa: E402

FLOORS = {
    # split: (captions, credits, figure precision)
    "dev": (0.92, 0.90, 0.97),
    "heldout": (0.75, 0.78, 0.95),
}


@pytest.mark.parametrize("split", list(FLOORS))
def test_house_pages_meet_their_floors(split):
    result = totals(evaluate(split))
    assert result["pages"] >= 30
    captions, credits, precision = FLOORS[split]
    assert result["caption_recall"] >= captions
    assert result["credit_recall"] >= credits
    assert result["figure_precision"] >= precision


def test_every_house_page_is_labelled_and_whole():
    from house_eval import load

    pages = load()
    assert len(pages) >= 480
    for label, path in pages:
        assert path.is_file(), path
        html = path.read_text(encoding="utf-8")
        for figure in label["figures"]:
            if figure.get("src"):
                assert figure["src"] in html, (path.name, figure["src"])
