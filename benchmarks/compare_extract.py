"""Extraction CPU time of this checkout against another one (an earlier commit), in turns.

    git worktree add /tmp/prev COMMIT
    python benchmarks/compare_extract.py /tmp/prev [CORPUS_DIR] [--rounds 3]

Each round runs both checkouts once, each in a fresh process that extracts every page of the corpus
three times and reports its best CPU time; running them in turns spreads the machine's drift over
both. ``extract_bench.py``'s ratios swing too much on a shared machine to show a change of 10%.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"

_TIMER = """
import gc, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from auditor.api import extract_html
pages = [p.read_bytes() for p in sorted(Path(sys.argv[2]).glob("*.html"))]
for page in pages[:30]:
    extract_html(page)
best = None
for _ in range(3):
    gc.collect()
    start = time.process_time()
    for page in pages:
        extract_html(page)
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
print(best)
"""


def cpu_seconds(checkout: Path, corpus: Path) -> float:
    result = subprocess.run([sys.executable, "-c", _TIMER, str(checkout), str(corpus)], capture_output=True,
                            text=True, check=True)
    return float(result.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="another checkout of auditor (git worktree add DIR COMMIT)")
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (args.other / "auditor").is_dir() or not any(args.corpus.glob("*.html")):
        print("need another checkout of auditor and a folder of .html pages", file=sys.stderr)
        return 2
    this, other = [], []
    for round_ in range(1, args.rounds + 1):
        this.append(cpu_seconds(ROOT, args.corpus))
        other.append(cpu_seconds(args.other, args.corpus))
        print(f"round {round_}: this checkout {this[-1]:.3f} s, {args.other} {other[-1]:.3f} s")
    print(f"best: this checkout {min(this):.3f} s, {args.other} {min(other):.3f} s: "
          f"{min(this) / min(other):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
