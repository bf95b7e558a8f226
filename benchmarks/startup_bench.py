"""A one-page CLI run's wall time (start, load the packs, read one page, print the table), in turns.

    python benchmarks/startup_bench.py [PAGE] [--rounds 10] [--against /tmp/prev]

A pre-publish hook or a CI step checks one page or a few, so the start counts as much as the reading.
Each round runs ``python -m auditor check PAGE`` in a fresh process: a bare interpreter start first
(the baseline), then this checkout, then, with ``--against``, another checkout (``git worktree add
/tmp/prev COMMIT``). The best time of each is reported, with ratios to the bare start and between the
checkouts: single runs on a shared machine swing too much to compare.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = ROOT / "samples" / "dw-en-north-korea.html"


def wall_seconds(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path, nargs="?", default=DEFAULT_PAGE)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--against", type=Path, help="another checkout of auditor")
    args = parser.parse_args()
    if not args.page.is_file() or (args.against and not (args.against / "auditor").is_dir()):
        print("need a page to check (and, with --against, another checkout of auditor)", file=sys.stderr)
        return 2
    page = str(args.page.resolve())
    # (-m auditor from a checkout's folder: that checkout's package comes first on the path)
    contenders = {"bare python": ([sys.executable, "-c", "pass"], ROOT),
                  "this checkout": ([sys.executable, "-m", "auditor", "check", page], ROOT)}
    if args.against:
        contenders[str(args.against)] = ([sys.executable, "-m", "auditor", "check", page], args.against)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, (command, cwd) in contenders.items():
            times[name].append(wall_seconds(command, cwd))
    bare = min(times["bare python"])
    for name, values in times.items():
        print(f"{name:<24} best {min(values):.3f} s  ({min(values) / bare:5.1f}x a bare interpreter start)")
    if args.against:
        print(f"this checkout / {args.against}: {min(times['this checkout']) / min(times[str(args.against)]):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
