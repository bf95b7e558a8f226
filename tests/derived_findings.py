"""Precision of the picture rules on the house-style pages, judged from their extraction labels.

    python tests/derived_findings.py [--split dev|heldout|all] [--round ROUND] [-v]

The finding labels (tests/finding_labels/) are judged one finding at a time and cover a few hundred
real pages. The house-style pages' extraction labels already say, for every picture of the page,
whether it is the article's and what caption and credit it shows, so the verdict on a
``credit-missing`` or ``caption-missing`` finding follows from them, on 500 more pages nobody tuned
the rules on:

- the finding's picture is none of the label's figures (a teaser, a logo, an ad): **false**;
- ``credit-missing`` on a figure the label credits, ``caption-missing`` on one it captions: **false**
  (the page shows it; auditor did not read it);
- otherwise **true** (the label says the picture has none).

A picture is matched to the label's figures as tests/corpus_eval.py matches them (its address, or its
file name in another size). Held-out pages print totals only, as everywhere; ``-v`` prints the false
findings of dev pages with the reason.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus_eval import _stem  # noqa: E402
from house_eval import load, split_of  # noqa: E402

RULES = {"credit-missing": "credit", "caption-missing": "caption"}


def label_figure(label: dict, figure) -> dict | None:
    """The label's figure that shows the same picture as the extracted one, or None."""
    if not figure.src:
        return None
    stem = _stem(figure.src)
    for wanted in label["figures"]:
        src = wanted.get("src")
        if src and (src in figure.src or figure.src in src or (stem and _stem(src) == stem)):
            return wanted
    return None


def verdict(rule: str, label: dict, figure) -> tuple[bool, str]:
    """Whether a finding of ``rule`` on ``figure`` is true by the page's label, and why."""
    wanted = label_figure(label, figure)
    if wanted is None:
        return False, "not one of the article's pictures by the label"
    field = RULES[rule]
    if wanted.get(field):
        return False, f"the label gives it a {field}: {wanted[field]!r}"
    return True, f"the label gives it no {field}"


def evaluate(split: str = "all", round_: str | None = None, verbose: bool = False) -> dict[str, Counter]:
    from auditor.api import build_ruleset, check_document, extract_file

    ruleset = build_ruleset(["default"])
    counts: dict[str, Counter] = {rule: Counter() for rule in RULES}
    for label, path in load(split, round_):
        document = extract_file(str(path), ruleset.registry, sites=ruleset.sites)
        for finding in check_document(document, ruleset).findings:
            if finding.rule not in RULES or not finding.figure:
                continue
            figure = document.figures[finding.figure - 1]
            true, why = verdict(finding.rule, label, figure)
            counts[finding.rule][true] += 1
            if verbose and not true and split_of(path.stem) == "dev":
                print(f"FALSE {finding.rule}: {path.name} line {figure.line} {figure.src} -- {why}")
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--round", dest="round_")
    parser.add_argument("-v", "--verbose", action="store_true", help="the false findings of dev pages")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    print("| split | rule | true | false | precision |")
    print("|---|---|---|---|---|")
    for split in splits:
        for rule, count in evaluate(split, args.round_, args.verbose and split == "dev").items():
            judged = count[True] + count[False]
            precision = f"{count[True] / judged:.0%}" if judged else "–"
            print(f"| {split} | {rule} | {count[True]} | {count[False]} | {precision} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
