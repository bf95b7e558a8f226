"""Web archives: WARC and ARC records as pages, JSONL and Parquet streams, summarize, resume, bounded
batches, and the Dask pipeline."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from warc_fixtures import add_response, url_of, write_arc, write_warc

from auditor import cli
from auditor.archive import ArchiveError, is_archive, iter_records, page_from_record


def run(*args, cwd=ROOT, env=None):
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "auditor", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=environment, timeout=300)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def warc(tmp_path) -> tuple[Path, list[str]]:
    path = tmp_path / "crawl.warc.gz"
    return path, write_warc(path)


# -- reading ----------------------------------------------------------------------------------

def test_records_are_the_html_responses_with_their_urls_and_offsets(warc):
    path, urls = warc
    records = list(iter_records(str(path)))
    # the warcinfo, requests, the image, the redirect and the 404 are passed over
    assert [r.url for r in records] == urls
    assert all(r.date and r.charset == "utf-8" and r.error is None for r in records)
    # each offset is where that record starts: reading from it gives the same page first
    for record in records:
        again = next(iter_records(str(path), start=record.offset))
        assert (again.url, again.raw, again.offset) == (record.url, record.raw, record.offset)
    assert records[0].name == f"{path}#{records[0].offset}"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.arc.gz", "crawl.arc", "crawl.bin"])
def test_uncompressed_warc_and_arc_files(tmp_path, name):
    path = tmp_path / name
    urls = write_arc(path) if ".arc" in name else write_warc(path, gzip_records=False)
    assert is_archive(str(path))  # by suffix, or for "crawl.bin" by its first bytes
    assert [r.url for r in iter_records(str(path))] == urls


def test_the_http_charset_decodes_the_page(tmp_path):
    path = tmp_path / "latin1.warc.gz"
    write_warc(path, pages=[], extras=False)
    body = "<html><body><article><h1>Bürgermeister</h1><p>Straße</p></article></body></html>".encode("latin-1")
    add_response(path, "https://www.example.de/a", body, "text/html; charset=ISO-8859-1")
    record = next(iter_records(str(path)))
    page = page_from_record(record)
    assert "Bürgermeister" in page.text and not page.warnings


def test_not_an_archive_and_a_cut_off_archive_are_findings_not_tracebacks(tmp_path, warc):
    path, urls = warc
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"<html>not an archive</html>"))
    with pytest.raises(ArchiveError):
        list(iter_records(str(fake)))
    last = list(iter_records(str(path)))[-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: last.offset + 400])  # the last page is cut off in its middle
    result = run("check", fake, cut, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    files = json.loads(result.stdout)["files"]
    assert files[0]["path"] == str(fake)
    assert "not a readable WARC or ARC file" in files[0]["findings"][0]["message"]
    assert [f["url"] for f in files[1:]] == urls
    assert "the record is cut off" in files[-1]["findings"][0]["message"]
    assert not any("cut off" in finding["message"] for f in files[1:-1] for finding in f["findings"])


@pytest.mark.parametrize("compressed", [True, False])
def test_a_damaged_record_is_reported_and_reading_goes_on_after_it(tmp_path, compressed):
    """A broken gzip member, or a corrupt WARC header, in the middle of an archive: the pages before
    and after it are checked, the damaged stretch is an input-unreadable finding at its offset, and
    the summary on stderr counts it with the records passed over."""
    good = tmp_path / ("good.warc.gz" if compressed else "good.warc")
    urls = write_warc(good, gzip_records=compressed)
    second = list(iter_records(str(good)))[1].offset
    data = bytearray(good.read_bytes())
    if compressed:
        data[second + 300:second + 700] = bytes(400)  # the middle of the record's gzip member
    else:
        data[second:second + 8] = b"WXRC/9.9"  # its header line
    bad = tmp_path / ("bad.warc.gz" if compressed else "bad.warc")
    bad.write_bytes(bytes(data))
    result = run("check", bad, "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    files = json.loads(result.stdout)["files"]
    assert [f.get("url") for f in files] == [urls[0], None, urls[2], urls[3]]
    damaged = files[1]
    assert damaged["path"] == f"{bad}#{second}"
    assert "damaged from byte" in damaged["findings"][0]["message"] and "reading went on" in damaged["findings"][0]["message"]
    assert f"{bad}: 20 records, 3 pages checked; passed over: 4 request records" in result.stderr
    assert "1 damaged stretch skipped" in result.stderr


def test_an_empty_archive_or_one_without_pages_never_passes_silently(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    result = run("check", empty)
    assert result.returncode == 1 and "empty file" in result.stdout
    no_pages = tmp_path / "images.warc.gz"
    write_warc(no_pages, pages=[])
    result = run("check", no_pages)
    assert result.returncode == 2 and "no HTML pages" in result.stderr


def test_gzipped_pages_in_a_folder(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "story.html.gz").write_bytes(gzip.compress((SAMPLES / "defects-mixed.html").read_bytes()))
    (folder / "bomb.html.gz").write_bytes(gzip.compress(b"<html>" + b" " * (3 * 1024 * 1024)))
    result = run("check", folder, "--format", "json", "--max-size", "1M")
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"story.html.gz", "bomb.html.gz"}
    assert {f["rule"] for f in files["story.html.gz"]["findings"]} >= {"caption-missing", "agency-alias"}
    assert "larger than the 1 MB limit" in files["bomb.html.gz"]["findings"][0]["message"]


# -- check and extract on archives --------------------------------------------------------------

def test_check_and_extract_a_warc(warc):
    path, urls = warc
    table = run("check", path, "-j", "2")
    assert table.returncode == 1, table.stderr
    # workers end quietly: they must not inherit the CLI's SIGTERM handler (Pool.terminate sends SIGTERM)
    assert "Traceback" not in table.stderr and "Terminated" not in table.stderr
    assert f"{path}#" in table.stdout and urls[1] in table.stdout  # record and its URL
    assert "4 pages checked" in table.stdout
    report = json.loads(run("check", path, "--format", "json").stdout)
    assert [f["url"] for f in report["files"]] == urls
    sarif = json.loads(run("check", path, "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert results and all(r["properties"]["url"] in urls for r in results)
    assert all("#" not in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    extracted = json.loads(run("extract", path, "--format", "json").stdout)
    documents = extracted["documents"] if isinstance(extracted, dict) else extracted
    assert len(documents) == len(urls)
    assert any(f["credit"] for d in documents for f in d["figures"])


def test_the_api_checks_an_archive_as_the_cli_does(warc):
    from auditor import check_archive

    path, urls = warc
    reports = list(check_archive(str(path), rules="default", facts=True))
    assert [r.url for r in reports] == urls
    cli_files = json.loads(run("check", path, "--format", "json").stdout)["files"]
    assert [[f.to_dict() for f in r.findings] for r in reports] == [f["findings"] for f in cli_files]
    assert all(r.facts and r.facts["host"] == "news.example" for r in reports)


def test_a_baseline_of_an_archive_hides_its_known_findings(tmp_path, warc):
    path, _ = warc
    baseline = tmp_path / "base.json"
    recorded = run("baseline", path, "-o", baseline)
    assert recorded.returncode == 0 and "of 4 files" in recorded.stdout
    result = run("check", path, "--baseline", baseline)
    assert result.returncode == 0 and "the baseline hid" in result.stderr


def test_fix_never_writes_into_an_archive(warc):
    path, _ = warc
    before = path.read_bytes()
    for option in ("--fix", "--diff"):
        result = run("check", path, option)
        assert result.returncode == 2 and "never writes into" in result.stderr
    assert path.read_bytes() == before


def test_jsonl_is_one_line_per_page_in_order_whatever_the_workers(tmp_path):
    path = tmp_path / "big.warc.gz"
    urls = write_warc(path, copies=12, extras=False)  # 48 pages: enough for several batches
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run("check", path, "--format", "jsonl", "-o", one, "-j", "1")
    run("check", path, "--format", "jsonl", "-o", two, "-j", "2")
    assert one.read_text() == two.read_text()
    pages = jsonl(one)
    assert [p["url"] for p in pages] == urls
    assert {p["schema"] for p in pages} == {"auditor/page-1"} and {p["host"] for p in pages} == {"news.example"}
    ap = next(p for p in pages if p["url"].startswith(url_of("ap-wildfire.html")))
    assert any("AP" in f["agencies"] for f in ap["figures"])
    assert all(p["counts"]["error"] == sum(f["severity"] == "error" for f in p["findings"]) for p in pages)


def test_overrides_match_a_records_host(tmp_path):
    path = tmp_path / "two-sites.warc.gz"
    write_warc(path, pages=["defects-mixed.html"], host="quiet.example", extras=False)
    other = tmp_path / "loud.warc.gz"
    write_warc(other, pages=["defects-mixed.html"], host="loud.example", extras=False)
    (tmp_path / ".auditor.yaml").write_text("overrides:\n  - files: ['www.quiet.example/**']\n"
                                            "    rules: {caption-missing: off}\n", encoding="utf-8")
    report = json.loads(run("check", path, other, "--format", "json", cwd=tmp_path).stdout)
    rules = {f["url"].split("/")[2]: {x["rule"] for x in f["findings"]} for f in report["files"]}
    assert "caption-missing" not in rules["www.quiet.example"]
    assert "caption-missing" in rules["www.loud.example"]


def test_readme_archive_examples_are_real_runs(tmp_path):
    """The README's archive examples, run on the WARC its note says tests/warc_fixtures.py writes."""
    from test_readme import shown_output

    write_warc(tmp_path / "crawl.warc.gz")
    env = {"COLUMNS": "200"}
    for command in ("auditor check crawl.warc.gz", "auditor check crawl.warc.gz --format jsonl -o results.jsonl",
                    "auditor summarize results.jsonl --agency AP"):
        result = run(*command.split()[1:], cwd=tmp_path, env=env)
        assert result.stdout.strip() == shown_output(command), f"README example of '{command}' is stale"


# -- summarize and parquet ----------------------------------------------------------------------

def test_summarize_per_host_and_agency(tmp_path):
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_warc(first, host="alpha.example", extras=False)
    write_warc(second, pages=["ap-wildfire.html"], host="beta.example", extras=False)
    results = tmp_path / "results.jsonl"
    run("check", first, second, "--format", "jsonl", "-o", results)
    pages = jsonl(results)
    table = run("summarize", results)
    assert table.returncode == 0, table.stderr
    assert "5 pages from 2 hosts" in table.stdout
    for title in ("hosts", "agencies by host", "findings by rule"):
        assert f"\n{title}\n" in table.stdout
    data = json.loads(run("summarize", results, "--format", "json").stdout)
    beta = data["hosts"]["beta.example"]
    ap_images = sum("AP" in f["agencies"] for p in pages if p["host"] == "beta.example" for f in p["figures"]
                    if f["media"] != "video")
    assert beta["pages"] == 1 and beta["agencies"]["AP"] == ap_images > 0
    assert sum(h["pages"] for h in data["hosts"].values()) == 5
    assert data["rules"] and all(totals["findings"] == sum(f["rule"] == rule for p in pages for f in p["findings"])
                                 for rule, totals in data["rules"].items())
    words = run("summarize", results, "--agency", "AP").stdout
    assert f"beta.example: {ap_images} of " in words and "without a photographer" in words
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n" + results.read_text(), encoding="utf-8")
    mixed = run("summarize", bad)
    assert mixed.returncode == 0 and "bad.jsonl:1: not a JSON line" in mixed.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert run("summarize", empty).returncode == 2


def test_parquet_rows_per_finding_and_figure(tmp_path, warc):
    pq = pytest.importorskip("pyarrow.parquet")
    path, urls = warc
    out = tmp_path / "audit.parquet"
    result = run("check", path, "--report", f"parquet={out}", "--format", "jsonl", "-o", tmp_path / "r.jsonl")
    assert result.returncode == 1, result.stderr
    table = pq.read_table(out).to_pylist()
    pages = jsonl(tmp_path / "r.jsonl")
    assert sum(r["kind"] == "finding" for r in table) == sum(len(p["findings"]) for p in pages)
    assert sum(r["kind"] == "figure" for r in table) == sum(len(p["figures"]) for p in pages)
    assert {r["url"] for r in table} <= set(urls) and {r["host"] for r in table} == {"news.example"}
    assert any(r["kind"] == "figure" and "AP" in r["agencies"] for r in table)


# -- resume ---------------------------------------------------------------------------------------

def _interrupt_after(monkeypatch, pages: int) -> None:
    """Make the next in-process run stop with Ctrl-C after ``pages`` pages."""
    real = cli.run_items

    def stopping(*args, **kwargs):
        for index, result in enumerate(real(*args, **kwargs)):
            if index == pages:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(cli, "run_items", stopping)


def test_resume_goes_on_where_an_interrupted_run_stopped(tmp_path, monkeypatch):
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_warc(first, copies=3)
    write_warc(second, host="other.example")
    loose = tmp_path / "loose.html"
    loose.write_bytes((SAMPLES / "defects-mixed.html").read_bytes())
    inputs = [str(first), str(loose), str(second)]
    real_run_items = cli.run_items
    whole = tmp_path / "whole.jsonl"
    assert cli.main(["check", *inputs, "--format", "jsonl", "-o", str(whole), "-j", "1", "-q"]) == 1
    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "run.checkpoint"
    args = ["check", *inputs, "--format", "jsonl", "-o", str(out), "--resume", str(checkpoint), "-j", "1", "-q"]
    monkeypatch.setattr("auditor.checkpoint.SAVE_EVERY", 0.0)  # save after every page
    for stop in (5, 9, 2):  # inside the first archive, inside the second, then once more
        _interrupt_after(monkeypatch, stop)
        assert cli.main(args) == 130
        state = json.loads(checkpoint.read_text())
        assert not state["complete"]
        with open(out, "a", encoding="utf-8") as handle:
            handle.write('{"half a line')  # a crash after the last save leaves a partial line
    monkeypatch.setattr(cli, "run_items", real_run_items)
    assert cli.main(args) == 1  # the findings of the whole run decide the exit code
    assert out.read_text() == whole.read_text()
    assert json.loads(checkpoint.read_text())["complete"]
    assert cli.main(args) == 1 and out.read_text() == whole.read_text()  # a complete run is not redone


def test_sigterm_saves_the_checkpoint_and_a_second_run_finishes(tmp_path):
    """A scheduler's SIGTERM (a pod evicted, ``timeout``) stops the run as Ctrl-C does: exit 143, the
    checkpoint saved, the output whole up to it; the same command then finishes the job."""
    import signal
    import time

    path = tmp_path / "big.warc.gz"
    # 600 pages: the report is written in buffered blocks, so its first bytes show up well before the
    # end only when there is much more to come (with 100 pages a fast machine finished first, with 300 a
    # loaded one once did)
    write_warc(path, copies=150, extras=False)
    out, checkpoint, whole = tmp_path / "o.jsonl", tmp_path / "c.json", tmp_path / "whole.jsonl"
    run("check", path, "--format", "jsonl", "-o", whole, "-j", "1")
    command = [sys.executable, "-m", "auditor", "check", str(path), "--format", "jsonl", "-o", str(out),
               "--resume", str(checkpoint), "-j", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "go on from" in stderr
    state = json.loads(checkpoint.read_text())
    assert not state["complete"] and state["outputs"][str(out)] > 0
    assert subprocess.run(command, cwd=ROOT, capture_output=True).returncode == 1
    assert out.read_text() == whole.read_text()


def test_resume_refuses_what_it_cannot_resume(tmp_path, warc):
    path, _ = warc
    checkpoint = tmp_path / "c.json"
    table = run("check", path, "--resume", checkpoint)
    assert table.returncode == 2 and "--format jsonl" in table.stderr
    stdout = run("check", path, "--format", "jsonl", "--resume", checkpoint)
    assert stdout.returncode == 2 and "--output" in stdout.stderr
    out = tmp_path / "o.jsonl"
    assert run("check", path, "--format", "jsonl", "-o", out, "--resume", checkpoint).returncode == 1
    other = tmp_path / "other.warc.gz"
    write_warc(other)
    changed = run("check", other, "--format", "jsonl", "-o", out, "--resume", checkpoint)
    assert changed.returncode == 2 and "other inputs" in changed.stderr
    checkpoint.write_text("garbage", encoding="utf-8")
    broken = run("check", path, "--format", "jsonl", "-o", out, "--resume", checkpoint)
    assert broken.returncode == 2 and "cannot read the checkpoint" in broken.stderr


def test_progress_shows_pages_per_second_share_and_time_left():
    from auditor.runner import Progress

    class Terminal(list):
        def isatty(self):
            return True

        def write(self, text):
            self.append(text)

        def flush(self):
            pass

    terminal = Terminal()
    progress = Progress(None, stream=terminal, archives=True)
    progress.enabled = True  # CI sets $CI, which turns the bar off
    progress.last = -1.0
    progress.step(0.25)
    line = terminal[-1]
    assert "1 pages" in line and "/s" in line and "25%" in line and "ETA" in line


# -- bounded memory ---------------------------------------------------------------------------------

def test_workers_get_bounded_batches_not_the_whole_archive(warc):
    """run_items reads ahead only a few batches per worker, so a WARC of any size streams through."""
    from auditor.api import build_ruleset
    from auditor.rules import Engine
    from auditor.runner import BATCH_ITEMS, BATCHES_IN_FLIGHT, RunSpec, run_items

    path, _ = warc
    record = next(iter_records(str(path)))
    pulled = 0

    def endless():
        nonlocal pulled
        while True:
            pulled += 1
            yield record

    ruleset = build_ruleset()
    results = run_items(endless(), RunSpec(), Engine(ruleset), jobs=2)
    for _ in range(3):
        next(results)
    limit = 2 * BATCHES_IN_FLIGHT * BATCH_ITEMS + BATCH_ITEMS
    assert pulled <= limit, f"read {pulled} records ahead"
    results.close()


# -- Dask ---------------------------------------------------------------------------------------------

def test_dask_on_a_local_cluster_equals_the_single_process_run(tmp_path):
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    from auditor.dask import audit_bag, write_jsonl, write_parquet

    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_warc(first)
    write_arc(second.with_suffix("").with_suffix(".arc.gz"))
    arc = second.with_suffix("").with_suffix(".arc.gz")
    paths = [str(first), str(arc)]
    single = tmp_path / "single.jsonl"
    run("check", *paths, "--format", "jsonl", "-o", single, "-j", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        pages = audit_bag(paths).compute()
        files = write_jsonl(paths, str(tmp_path / "out"))
        write_parquet(paths, str(tmp_path / "parquet"))
    expected = jsonl(single)
    assert pages == expected
    assert len(files) == 2
    assert [json.loads(line) for f in sorted(files) for line in Path(f).read_text().splitlines()] == expected
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "parquet").to_pylist()
    assert sum(r["kind"] == "finding" for r in table) == sum(len(p["findings"]) for p in expected)
    assert sum(r["kind"] == "figure" for r in table) == sum(len(p["figures"]) for p in expected)


# -- PySpark (the recipe in docs/archives.md) -----------------------------------------------------------

def test_the_pyspark_recipe_in_the_docs_equals_the_single_process_run(tmp_path, monkeypatch):
    pytest.importorskip("pyspark")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the executors run this environment's Python
    import re
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("PySpark needs a Java runtime")
    docs = (ROOT / "docs" / "archives.md").read_text(encoding="utf-8")
    recipe = next(block for block in re.findall(r"```python\n(.*?)```", docs, re.S) if "def audit_partition" in block)
    namespace: dict = {}
    exec(compile(recipe, "docs/archives.md", "exec"), namespace)  # noqa: S102 - our own documentation
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_warc(first)
    write_warc(second, host="other.example")
    single = tmp_path / "single.jsonl"
    run("check", first, second, "--format", "jsonl", "-o", single, "-j", "1")
    out = tmp_path / "spark-out"
    namespace["run"]([str(first), str(second)], str(out))
    lines = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    assert lines == jsonl(single)
