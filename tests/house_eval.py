"""Score auditor's extraction on the house-style pages in tests/house_pages/.

    python tests/house_eval.py [-v] [--split dev|heldout|all] [--round ROUND] [PAGE ...]

The house-style pages are whole article pages written for this project, each modelled on how one
publishing system or newsroom marks up its pictures, sign-offs and datelines (WordPress themes and
page builders, TYPO3, Drupal, Arc XP, Brightspot, Sophora, Naver, Yahoo! Japan, …), with invented
stories and people, and labelled by the labellers who wrote them, none of whom ran or read auditor.
See tests/house_pages/README.md.

They are split like the real-page labels: a fixed third (by a hash of the page name) is held out.
Nobody looks at the held-out pages' misses while changing extraction; for them this prints totals
and the kinds of misses only. ``-v`` prints every development page with a miss, beside the figures
auditor read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus_eval import misses_line, print_page, score_page, summary_line, totals  # noqa: E402

PAGES = HERE / "house_pages"


def split_of(page: str) -> str:
    """``heldout`` for a fixed third of the pages (by a hash of the name), else ``dev``."""
    return "heldout" if hashlib.sha1(page.encode("utf-8")).digest()[0] % 3 == 0 else "dev"


def load(split: str = "all", round_: str | None = None, pages: list[str] | None = None) -> list[tuple[dict, Path]]:
    found = []
    for label_path in sorted(PAGES.glob("*/*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        name = label_path.stem
        if pages and name not in pages:
            continue
        if split != "all" and split_of(name) != split:
            continue
        if round_ and label.get("round") != round_:
            continue
        label.setdefault("publisher", name)  # one made-up house per page
        found.append((label, label_path.with_suffix(".html")))
    return found


def evaluate(split: str = "all", round_: str | None = None, pages: list[str] | None = None):
    """``(score, label, document)`` for each page, as tests/corpus_eval.py gives them."""
    from auditor.api import extract_file

    scored = []
    for label, path in load(split, round_, pages):
        document = extract_file(str(path))
        scored.append((score_page(label, document), label, document))
    return scored


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every development page with a miss")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--round", dest="round_", help="only the pages of one round of writing (2026-12-04a, …)")
    parser.add_argument("pages", nargs="*", help="page names (without .html) to limit the run to")
    args = parser.parse_args(argv)
    every = []
    for split in (("dev", "heldout") if args.split == "all" else (args.split,)):
        scored = evaluate(split, args.round_, args.pages)
        if not scored:
            continue
        if args.verbose and split == "dev":
            for score, label, document in scored:
                if score.misses:
                    print_page(score, label, document)
        result = totals(scored)
        print(summary_line(split, result))
        print(misses_line(split, result))
        every += scored
    if args.split == "all" and every:
        print(summary_line("all", totals(every)))  # (a round's "before anyone looked" figures are these)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
