"""Web archives at scale: a WARC of the shared corpora's pages repeated under varied URLs, then, in
one run:

    python benchmarks/archive_bench.py [--records 100000] [--jobs 2]

1. The reader: warcio and, when installed, FastWARC read every HTML record, alternating, 3 rounds
   (FastWARC's speed as a ratio of warcio's, in the same process).
2. Reading as a share of checking: warcio's time per record against ``check_item`` on the same
   records (one process).
3. Records per second for ``auditor check --format jsonl`` with ``--jobs 1`` and ``--jobs N``, and for
   the Dask pipeline on a ``LocalCluster`` of N worker processes (``auditor[dask]``).
4. Peak memory (max RSS of the command and its workers, from wait4 in a small launcher process) for
   a tenth of the records and for all of them: flat means within 1.2x. ``--memory-only`` measures
   only this, with ``--jobs N``.
5. From the best per-core rate, the cores needed to audit one monthly Common Crawl (about 3 billion
   pages) in 24 hours.
"""

from __future__ import annotations

import argparse
import io
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
COMMON_CRAWL_PAGES = 3_000_000_000
sys.path.insert(0, str(ROOT))


def write_warc(pages: list[Path], records: int, path: Path) -> int:
    """``records`` response records, the pages repeated, each copy under its own URL."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = [page.read_bytes() for page in pages]
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number in range(records):
            index = number % len(bodies)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            name = quote(pages[index].name)  # a few corpus file names hold spaces
            record = writer.create_warc_record(f"https://site{index}.example/{number // len(bodies)}/{name}",
                                               "response", payload=io.BytesIO(bodies[index]), http_headers=headers)
            writer.write_record(record)
    return records


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


# Starts a command and prints its peak RSS (KiB, of it and its workers) from wait4. The peak of a
# process started straight from this script would count this script's own memory: the kernel's
# high-water mark survives fork and exec.
_LAUNCHER = ("import os, subprocess, sys\n"
             "process = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)\n"
             "_, status, usage = os.wait4(process.pid, 0)\n"
             "print(usage.ru_maxrss)\n"
             "sys.exit(os.waitstatus_to_exitcode(status) != 0 and 1)")


def run_check(path: Path, jobs: int, output: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``auditor check`` and its workers, in a process of its own."""
    start = time.perf_counter()
    launched = subprocess.run([sys.executable, "-c", _LAUNCHER, sys.executable, "-m", "auditor", "check", str(path),
                               "--format", "jsonl", "-o", str(output), "-j", str(jobs), "-q"],
                              cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, int(launched.stdout.split()[-1]) / 1024


def count_lines(path: Path) -> int:
    """Lines of a file, read in chunks: reading a 100,000-record report whole would take a gigabyte."""
    with open(path, "rb") as stream:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def run_dask(path: Path, workers: int, output: Path) -> float | None:
    """Seconds for the Dask pipeline on a LocalCluster; None without the dask extra. Dask makes one
    partition per archive, so the WARC is first cut into several archives, as a crawl comes in many
    files."""
    try:
        from dask.distributed import Client, LocalCluster

        from auditor.dask import write_jsonl
    except ImportError:
        return None
    parts = split_warc(path, workers * 4, output.parent)
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        write_jsonl([str(p) for p in parts], str(output))
    return time.perf_counter() - start


def split_warc(path: Path, count: int, folder: Path) -> list[Path]:
    """The archive cut into ``count`` archives of whole records (gzip members copied as they are)."""
    from auditor.archive import iter_records

    offsets = [r.offset for r in iter_records(str(path))]
    total = path.stat().st_size
    size = -(-len(offsets) // count)
    parts = []
    with open(path, "rb") as source:
        for index in range(0, len(offsets), size):
            end = offsets[index + size] if index + size < len(offsets) else total
            part = folder / f"part-{index // size:03d}.warc.gz"
            source.seek(offsets[index])
            with open(part, "wb") as out:
                remaining = end - offsets[index]
                while remaining > 0:
                    chunk = source.read(min(remaining, 1 << 24))
                    out.write(chunk)
                    remaining -= len(chunk)
            parts.append(part)
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--memory-only", action="store_true",
                        help="only the peak memory of --jobs N for a tenth and all of the records")
    args = parser.parse_args()
    pages = sorted((SHARED / "real").glob("*.html")) + sorted((SHARED / "wild").glob("*.html"))
    if not pages:
        print(f"no pages in {SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        big, tenth = Path(folder) / "big.warc.gz", Path(folder) / "tenth.warc.gz"
        records = write_warc(pages, args.records, big)
        write_warc(pages, max(1, args.records // 10), tenth)
        print(f"WARC: {records:,} records ({len(pages)} pages repeated), {big.stat().st_size / 1048576:.0f} MB gzipped")
        if args.memory_only:
            peaks = {}
            for name, archive, count in (("tenth", tenth, max(1, records // 10)), ("all", big, records)):
                seconds, peaks[name] = run_check(archive, args.jobs, Path(folder) / f"{name}.jsonl")
                assert count_lines(Path(folder) / f"{name}.jsonl") == count
                print(f"auditor check --jobs {args.jobs}, {count:,} records: {seconds:.1f} s, "
                      f"{count / seconds:,.1f} records/s; peak RSS {peaks[name]:.0f} MB")
            print(f"peak memory, --jobs {args.jobs}: {records // 10:,} records {peaks['tenth']:.0f} MB -> "
                  f"{records:,} records {peaks['all']:.0f} MB: {peaks['all'] / peaks['tenth']:.2f}x (flat: <= 1.2x)")
            return 0

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
        per_record_check = check_records(tenth, min(len(pages), args.records // 10))
        print(f"check: {per_record_check * 1000:.1f} ms per record in one process; reading with warcio is "
              f"{per_record_read / (per_record_read + per_record_check):.1%} of the time per record")

        rates = {}
        for jobs in sorted({1, args.jobs}):
            seconds, rss = run_check(big, jobs, Path(folder) / "out.jsonl")
            lines = count_lines(Path(folder) / "out.jsonl")
            assert lines == records, (lines, records)
            rates[f"--jobs {jobs}"] = records / seconds
            print(f"auditor check --jobs {jobs}: {seconds:.1f} s, {records / seconds:,.1f} records/s, "
                  f"{records / seconds / jobs:,.1f} per core; peak RSS {rss:.0f} MB")
            if jobs == args.jobs:
                peak_all = rss
        small_seconds, peak_tenth = run_check(tenth, args.jobs, Path(folder) / "tenth.jsonl")
        print(f"peak memory, --jobs {args.jobs}: {args.records // 10:,} records {peak_tenth:.0f} MB -> "
              f"{records:,} records {peak_all:.0f} MB: {peak_all / peak_tenth:.2f}x (flat: <= 1.2x)")
        dask_dir = Path(folder) / "dask"
        dask_dir.mkdir()
        seconds = run_dask(big, args.jobs, dask_dir / "out")
        if seconds is None:
            print("dask: not installed (pip install 'auditor[dask]')")
        else:
            rates[f"dask {args.jobs} workers"] = records / seconds
            print(f"dask LocalCluster, {args.jobs} workers: {seconds:.1f} s, {records / seconds:,.1f} records/s")
        per_core = max(rate / (1 if name == "--jobs 1" else args.jobs) for name, rate in rates.items())
        cores = COMMON_CRAWL_PAGES / (per_core * 86_400)
        print(f"one monthly Common Crawl ({COMMON_CRAWL_PAGES / 1e9:.0f} billion pages) in 24 hours: about "
              f"{cores:,.0f} cores at {per_core:,.1f} records/s per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
