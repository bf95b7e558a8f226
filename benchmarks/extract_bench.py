"""Extraction speed over the real-page corpus, against bare parsing, in one process.

    python benchmarks/extract_bench.py [CORPUS_DIR] [--repeat N]

Prints pages per second for: bare ``lxml.html`` parsing, ``BeautifulSoup(html, "lxml")`` parsing,
and auditor's full extraction (decode + parse + figures, credits, sign-off, datelines, mentions).
Numbers on a shared machine are noisy; the ratios between runs in the same process are what count.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import warnings
from pathlib import Path

import lxml.html
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.api import extract_html  # noqa: E402
from auditor.registry import default_registry  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def load(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(corpus.glob("*.html"))]


def run(label: str, pages, work, repeat: int) -> float:
    """Best-of-``repeat`` pages per second (the least disturbed run)."""
    rates = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for path, raw in pages:
            work(path, raw)
        rates.append(len(pages) / (time.perf_counter() - start))
    best = max(rates)
    print(f"{label:<34} {best:8.1f} pages/s   (runs: {', '.join(f'{r:.1f}' for r in rates)}; "
          f"median {statistics.median(rates):.1f})")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    pages = load(args.corpus)
    size = sum(len(raw) for _, raw in pages)
    registry = default_registry()
    registry.scan("warm up")
    registry.scan_prose("warm up")
    print(f"{len(pages)} pages, {size / 1048576:.1f} MB, best of {args.repeat} runs each\n")

    lxml_rate = run("lxml.html.fromstring (bare parse)", pages, lambda p, raw: lxml.html.fromstring(raw), args.repeat)
    bs4_rate = run('BeautifulSoup(html, "lxml")', pages, lambda p, raw: BeautifulSoup(raw, "lxml"), args.repeat)
    auditor_rate = run("auditor extraction", pages, lambda p, raw: extract_html(raw, p, registry), args.repeat)

    print()
    print(f"auditor costs {lxml_rate / auditor_rate:.2f}x a bare lxml parse (target: <= 2.0x)")
    print(f"auditor is {auditor_rate / bs4_rate:.2f}x as fast as BeautifulSoup's parse alone (target: > 1.0x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
