"""Web archives: the WARC reader, and what reading costs next to checking; then memory and speed of
``auditor check crawl.warc.gz --format jsonl`` on WARCs of two sizes.

    python benchmarks/warc_bench.py [CORPUS_DIR] [--copies 10] [--jobs 2]

A WARC is written from the real corpus (``--copies`` times over, one gzip member per record), then:

1. warcio and, when installed, FastWARC read every HTML response in it, alternating, 3 rounds; the
   figure is FastWARC's time as a ratio of warcio's in the same process.
2. Reading as a share of checking: warcio's time per record against ``check_item`` on the same
   records (single process).
3. ``auditor check`` as a separate process on a WARC of 1× and of ``--copies``× the corpus: pages
   per second and peak memory (max RSS of the process and its workers, from wait4). Flat memory
   means the peak does not grow with the archive.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
sys.path.insert(0, str(ROOT))


def write_warc(pages: list[Path], copies: int, path: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for copy in range(copies):
            for index, page in enumerate(pages):
                body = page.read_bytes()
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                record = writer.create_warc_record(f"https://site{index}.example/{copy}/{page.name}", "response",
                                                   payload=io.BytesIO(body), http_headers=headers)
                writer.write_record(record)
                count += 1
    return count


def read_warcio(path: Path) -> int:
    from auditor.archive import iter_records

    return sum(1 for _ in iter_records(str(path)))


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            record.reader.read()
            record.headers.get("WARC-Target-URI")
            count += 1
    return count


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def check_records(path: Path, limit: int) -> float:
    from auditor.api import build_ruleset
    from auditor.archive import iter_records
    from auditor.rules import Engine
    from auditor.runner import RunSpec, check_item

    ruleset = build_ruleset()
    engine, spec = Engine(ruleset), RunSpec(facts=True)
    records = list(itertools.islice(iter_records(str(path)), limit))
    start = time.perf_counter()
    for record in records:
        check_item(engine, ruleset, record, spec)
    return (time.perf_counter() - start) / len(records)


def run_check(path: Path, jobs: int, output: Path) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "auditor", "check", str(path), "--format", "jsonl",
                                "-o", str(output), "-j", str(jobs), "-q"], cwd=ROOT)
    _, _, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    # ru_maxrss (KB on Linux) of the process; workers are its children, measured separately below
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    pages = sorted(Path(args.corpus).glob("*.html"))
    if not pages:
        print(f"no pages in {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder) / "big.warc.gz", Path(folder) / "small.warc.gz"
        records = write_warc(pages, args.copies, big)
        write_warc(pages, 1, small)
        print(f"WARC: {records:,} records, {big.stat().st_size / 1048576:.0f} MB gzipped")

        try:
            import fastwarc  # noqa: F401
            readers = [("warcio", read_warcio), ("fastwarc", read_fastwarc)]
        except ImportError:
            readers = [("warcio", read_warcio)]
        best = {}
        for _ in range(3):
            for name, reader in readers:
                seconds, count = timed(reader, big)
                assert count == records, (name, count)
                best[name] = min(best.get(name, seconds), seconds)
        for name, seconds in best.items():
            print(f"read {name}: {seconds:.2f} s, {records / seconds:,.0f} records/s, "
                  f"{best['warcio'] / seconds:.2f}x warcio")

        per_record_read = best["warcio"] / records
        per_record_check = check_records(small, len(pages))
        print(f"check: {per_record_check * 1000:.1f} ms per record in one process; reading with warcio is "
              f"{per_record_read / (per_record_read + per_record_check):.1%} of the time per record")

        for label, path, count in (("1x", small, len(pages)), (f"{args.copies}x", big, records)):
            seconds, rss = run_check(path, args.jobs, Path(folder) / "out.jsonl")
            lines = (Path(folder) / "out.jsonl").read_text(encoding="utf-8").count("\n")
            assert lines == count, (lines, count)
            print(f"auditor check {label} ({count:,} pages, --jobs {args.jobs}): {seconds:.1f} s, "
                  f"{count / seconds:,.1f} pages/s, peak RSS of the main process {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
