"""Scaling of ``auditor check``: files per second with --jobs 1 and --jobs 2, and peak memory.

    python benchmarks/scale_bench.py [CORPUS_DIR] [--files 2000]

The real corpus is repeated (hard links in a temporary directory) to reach the file counts. Each run
is a separate ``auditor check`` process; its peak memory (max RSS of that process, from wait4) is
measured for 100 and for 5,000 files with --jobs 1, and the --jobs 1 and --jobs 2 reports are
compared byte for byte.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def make_tree(corpus: Path, count: int, target: Path) -> Path:
    pages = sorted(corpus.glob("*.html"))
    target.mkdir(parents=True)
    for index in range(count):
        page = pages[index % len(pages)]
        folder = target / f"copy{index // len(pages):03d}"
        folder.mkdir(exist_ok=True)
        destination = folder / page.name
        try:
            os.link(page, destination)
        except OSError:
            destination.write_bytes(page.read_bytes())
    return target


def run(tree: Path, jobs: int, output: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one ``auditor check`` process."""
    command = [sys.executable, "-m", "auditor", "check", str(tree), "--format", "json", "--fail-on", "never",
               "--jobs", str(jobs), "--quiet", "--output", str(output)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"auditor failed: {command}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--files", type=int, default=2000, help="files for the speed runs (default 2000)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        tree = make_tree(args.corpus, args.files, temp / "speed")
        print(f"{args.files} files (the {len(list(args.corpus.glob('*.html')))}-page corpus repeated), "
              f"{os.cpu_count()} CPUs\n")
        seconds = {}
        for jobs in (1, 2):
            elapsed, _ = run(tree, jobs, temp / f"jobs{jobs}.json")
            seconds[jobs] = elapsed
            print(f"--jobs {jobs}: {elapsed:6.1f} s  {args.files / elapsed:7.1f} files/s")
        identical = (temp / "jobs1.json").read_bytes() == (temp / "jobs2.json").read_bytes()
        print(f"\n--jobs 2 is {seconds[1] / seconds[2]:.2f}x as fast as --jobs 1 (target: >= 1.6x); "
              f"output identical: {identical}")

        memory = {}
        for count in (100, 5000):
            small = make_tree(args.corpus, count, temp / f"mem{count}")
            _, peak = run(small, 1, temp / f"mem{count}.json")
            memory[count] = peak
            print(f"peak memory, {count:5d} files, --jobs 1: {peak / 1024:6.1f} MiB")
        print(f"5,000 files take {memory[5000] / memory[100]:.2f}x the peak memory of 100 (target: <= 1.3x)")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
