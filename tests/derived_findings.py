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
findings of dev pages with the reason. ``--causes`` counts the false ones by cause, on both splits
(counts only, no page): not the article's picture; the label's credit (caption) read into the figure's
caption (credit); or not read at all.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus_eval import _stem, loose  # noqa: E402
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


def cause(rule: str, label: dict, figure) -> str:
    """Why a false finding is false: "not the article's picture", "read into the other field" (the
    label's credit inside the caption auditor read, or its caption inside the credit) or "not read"."""
    wanted = label_figure(label, figure)
    if wanted is None:
        return "not the article's picture"
    field = RULES[rule]
    other = figure.caption if field == "credit" else (figure.credit.text if figure.credit else None)
    if loose(wanted.get(field)) and loose(wanted.get(field)) in loose(other):
        return "read into the other field"
    return "not read"


def evaluate(split: str = "all", round_: str | None = None, verbose: bool = False,
             causes: Counter | None = None) -> dict[str, Counter]:
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
            if causes is not None and not true:
                causes[finding.rule, cause(finding.rule, label, figure)] += 1
            if verbose and not true and split_of(path.stem) == "dev":
                print(f"FALSE {finding.rule}: {path.name} line {figure.line} {figure.src} -- {why}")
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--round", dest="round_")
    parser.add_argument("-v", "--verbose", action="store_true", help="the false findings of dev pages")
    parser.add_argument("--causes", action="store_true", help="count the false findings by cause (no pages named)")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    print("| split | rule | true | false | precision |")
    print("|---|---|---|---|---|")
    by_cause: dict[str, Counter] = {}
    for split in splits:
        by_cause[split] = Counter() if args.causes else None
        for rule, count in evaluate(split, args.round_, args.verbose and split == "dev", by_cause[split]).items():
            judged = count[True] + count[False]
            precision = f"{count[True] / judged:.0%}" if judged else "–"
            print(f"| {split} | {rule} | {count[True]} | {count[False]} | {precision} |")
    if args.causes:
        print("\n| split | rule | false because | findings |")
        print("|---|---|---|---|")
        for split, causes in by_cause.items():
            for (rule, why), n in sorted(causes.items()):
                print(f"| {split} | {rule} | {why} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
