"""``auditor extract`` end to end, through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
from conftest import ROOT, SAMPLES

from auditor.resources import schema


def run(*args, stdin: bytes | None = None, cwd=ROOT):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "auditor", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=120)


def test_table_over_samples():
    result = run("extract", "samples/")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "samples/dw-en-north-korea.html:65" in out
    assert "Korean Central News Agency/Korea News Service/AP/" in out
    assert "sign-off (line 87): zc/wd (AP, AFP, Reuters)" in out
    assert "dateline (line 66): LAKE CHARLES, La. (AP) —" in out


def test_json_validates_against_shipped_schema():
    result = run("extract", "--format", "json", "samples/")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("extract-1"))
    assert len(data["documents"]) == len(list(SAMPLES.glob("*.html")))


def test_stdin_and_bad_files_do_not_stop_the_run(tmp_path):
    (tmp_path / "a-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b-empty.html").write_bytes(b"")
    (tmp_path / "c-good.html").write_text("<html><body><article><h1>A headline for the test</h1>"
                                         "<p>Text that says AFP reported it first on Monday morning.</p>"
                                         "</article></body></html>")
    result = run("extract", "--format", "json", str(tmp_path), "missing.html", "-",
                 stdin=(SAMPLES / "ap-wildfire.html").read_bytes())
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [bool(d["errors"]) for d in documents] == [True, True, False, True, False]
    assert "PNG" in documents[0]["errors"][0]
    assert documents[2]["mentions"][0]["agency"] == "AFP"
    assert documents[4]["path"] == "-" and documents[4]["datelines"][0]["agency"] == "AP"


def test_installed_data_is_found_from_another_directory(tmp_path):
    result = run("extract", str(SAMPLES / "no-images.html"), cwd=tmp_path)
    assert result.returncode == 0 and b"ab/cd (AFP, dpa, Reuters)" in result.stdout


def test_usage_errors_exit_2():
    assert run("extract").returncode == 2
    assert run("extract", "--format", "xml", "samples/").returncode == 2
    assert run().returncode == 2
