"""Extraction speed over the real-page corpus, against bare parsing, in one process.

    python benchmarks/extract_bench.py [CORPUS_DIR] [--repeat N] [--stages]

Prints pages per second for: bare ``lxml.html`` parsing, ``BeautifulSoup(html, "lxml")`` parsing,
and auditor's full extraction (decode + parse + figures, credits, sign-off, datelines, mentions).
Numbers on a shared machine are noisy; the ratios between runs in the same process are what count.
``--stages`` instead splits the extraction's time by stage (parse, page scan, article location,
figures, sign-off, …), each as a multiple of the bare parse, to show where the cost is.
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
from auditor.sites import SiteProfile as Profile  # noqa: E402
from auditor.sites import SiteProfiles, compile_selector, shipped_profiles  # noqa: E402

# A profile that applies to every page (no match): the cost of applying one, measured on all pages.
EVERY_PAGE = SiteProfiles((Profile(name="bench", where="bench", caption=(compile_selector("figcaption", True),),
                                   credit=(compile_selector(".credit", True),),
                                   ignore=(compile_selector("aside"), compile_selector("nav"))),))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def load(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(corpus.glob("*.html"))]


def timed(pages, work) -> float:
    """Pages per second of CPU time for one pass (CPU time is steadier than wall time on shared machines)."""
    gc.collect()
    start = time.process_time()
    for path, raw in pages:
        work(path, raw)
    return len(pages) / (time.process_time() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stages", action="store_true", help="split the extraction's time by stage")
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
    print(f"{len(pages)} pages, {size / 1048576:.1f} MB, {args.repeat} interleaved rounds\n")
    if args.stages:
        return stages(pages, registry, args.repeat)

    contenders = {
        "lxml": ("lxml.html.fromstring (bare parse)", lambda p, raw: lxml.html.fromstring(raw)),
        "bs4": ('BeautifulSoup(html, "lxml")', lambda p, raw: BeautifulSoup(raw, "lxml")),
        "auditor": ("auditor extraction", lambda p, raw: extract_html(raw, p, registry)),
        "shipped": ("auditor, shipped site profiles", lambda p, raw: extract_html(raw, p, registry,
                                                                              sites=shipped_profiles())),
        "profile": ("auditor, a profile on every page", lambda p, raw: extract_html(raw, p, registry,
                                                                                sites=EVERY_PAGE)),
    }
    # Rounds interleave the contenders, so that a slow patch of a noisy machine hits all of them;
    # the ratios are taken within each round and their median is reported.
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.repeat):
        for name, (_, work) in contenders.items():
            rates[name].append(timed(pages, work))
    for name, (label, _) in contenders.items():
        values = rates[name]
        print(f"{label:<34} {statistics.median(values):8.1f} pages/s  (median of {len(values)}; "
              f"runs: {', '.join(f'{r:.1f}' for r in values)})")
    cost = statistics.median(lx / au for lx, au in zip(rates["lxml"], rates["auditor"], strict=True))
    speedup = statistics.median(au / bs for au, bs in zip(rates["auditor"], rates["bs4"], strict=True))
    shipped = statistics.median(au / sh for au, sh in zip(rates["auditor"], rates["shipped"], strict=True))
    profile = statistics.median(au / pr for au, pr in zip(rates["auditor"], rates["profile"], strict=True))
    print()
    print(f"auditor costs {cost:.2f}x a bare lxml parse (median of per-round ratios; target: <= 2.0x)")
    print(f"matching the shipped site profiles costs {shipped:.2f}x, applying a profile to every page "
          f"{profile:.2f}x the extraction without profiles (target: <= 1.10x)")
    print(f"auditor is {speedup:.2f}x as fast as BeautifulSoup's parse alone (target: > 1.0x)")
    return 0


# The stages _extract_into calls by their names in auditor.extract, in the order it calls them
STAGES = ("parse", "scan", "read_structured", "locate", "find_figures", "find_signoff", "find_datelines",
          "find_mentions")


def stages(pages, registry, repeat: int) -> int:
    """Each stage's CPU time over the corpus as a multiple of the bare parse's, summed over the rounds."""
    import auditor.extract as extraction

    spent = dict.fromkeys(STAGES, 0.0)

    def clocked(name, stage):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return stage(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start
        return run

    originals = {name: getattr(extraction, name) for name in STAGES}
    bare = whole = 0.0
    try:
        for name, stage in originals.items():
            setattr(extraction, name, clocked(name, stage))
        for _ in range(repeat):
            for path, raw in pages:  # page by page, in turns: drift hits both alike
                start = time.process_time()
                lxml.html.fromstring(raw)
                bare += time.process_time() - start
                start = time.process_time()
                extract_html(raw, path, registry)
                whole += time.process_time() - start
    finally:
        for name, stage in originals.items():
            setattr(extraction, name, stage)
    print(f"{'auditor extraction, all stages':<34} {whole / bare:6.2f}x a bare lxml parse")
    for name in STAGES:
        print(f"  {name:<32} {spent[name] / bare:6.2f}x")
    print(f"  {'the rest (decoding, metadata, …)':<32} {(whole - sum(spent.values())) / bare:6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
