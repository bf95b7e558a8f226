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


# -- the picture rules judged from these pages' labels (tests/derived_findings.py; no shared corpus needed) --

def test_a_finding_on_a_house_page_is_judged_by_the_pages_extraction_label():
    import derived_findings

    from auditor.model import Figure

    label = {"figures": [{"src": "harbour-view.jpg", "caption": "The harbour.", "credit": None},
                         {"src": "quay", "caption": None, "credit": "Jane Doe"}]}
    harbour = Figure(line=1, src="https://ex.com/img/harbour-view-1024x683.jpg")
    quay = Figure(line=2, src="https://ex.com/img/quay.jpg")
    teaser = Figure(line=3, src="https://ex.com/img/other-story.jpg")
    assert derived_findings.verdict("credit-missing", label, harbour)[0] is True
    assert derived_findings.verdict("caption-missing", label, harbour)[0] is False  # the label captions it
    assert derived_findings.verdict("credit-missing", label, quay)[0] is False  # a credit auditor did not read
    assert derived_findings.verdict("caption-missing", label, quay)[0] is True
    assert derived_findings.verdict("credit-missing", label, teaser) == \
        (False, "not one of the article's pictures by the label")


# Judged from the house pages' extraction labels, the picture rules are far below their targets
# (seventeenth session, 652 pages: credit-missing 38 true / 26 false on dev, caption-missing 75 / 28):
# every credit auditor does not read is a false credit-missing. These floors hold today's dev figures so
# that they can only rise.
DERIVED_FLOORS = {"credit-missing": 0.59, "caption-missing": 0.72}


def test_the_picture_rules_derived_precision_on_house_pages_does_not_fall():
    import derived_findings

    counts = derived_findings.evaluate("dev")
    for rule, floor in DERIVED_FLOORS.items():
        true, false = counts[rule][True], counts[rule][False]
        assert true + false > 50, rule
        assert true / (true + false) >= floor, f"{rule}: {true} true, {false} false"


def test_a_false_finding_on_a_house_page_is_counted_by_its_cause():
    import derived_findings

    from auditor.model import Credit, Figure

    label = {"figures": [{"src": "quay", "caption": "The quay at dawn.", "credit": "Jane Doe"}]}
    glued = Figure(line=1, src="https://ex.com/img/quay.jpg", caption="The quay at dawn. Jane Doe")
    bare = Figure(line=2, src="https://ex.com/img/quay.jpg", caption="The quay at dawn.")
    credited = Figure(line=3, src="https://ex.com/img/quay.jpg", credit=Credit(text="Jane Doe. The quay at dawn."))
    teaser = Figure(line=4, src="https://ex.com/img/other-story.jpg")
    assert derived_findings.cause("credit-missing", label, glued) == "read into the other field"
    assert derived_findings.cause("credit-missing", label, bare) == "not read"
    assert derived_findings.cause("caption-missing", label, credited) == "read into the other field"
    assert derived_findings.cause("credit-missing", label, teaser) == "not the article's picture"
