"""Large runs: --jobs gives the same output in the same order; no progress bar off a terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT, SAMPLES


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=300)


def test_jobs_do_not_change_the_output(tmp_path):
    pages = sorted(SAMPLES.glob("*.html"))
    for copy in range(3):
        for page in pages:
            folder = tmp_path / f"batch{copy}"
            folder.mkdir(exist_ok=True)
            shutil.copy(page, folder / page.name)
    outputs = []
    for jobs in ("1", "2", "3"):
        result = run("check", str(tmp_path), "--format", "json", "--jobs", jobs, "--fail-on", "never")
        assert result.returncode == 0
        assert result.stderr == b""  # no progress bar: stderr is not a terminal
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b'"path"') == 3 * len(pages)


def test_jobs_must_be_positive():
    assert run("check", "samples/", "--jobs", "0").returncode == 2
