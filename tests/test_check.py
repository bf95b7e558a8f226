"""``auditor check``: the samples' golden findings per pack, the issue's key facts, suppression, the API,
and the command line end to end (exit codes included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT, SAMPLES, sample_pages

from auditor import build_ruleset, check_html
from auditor.api import check_paths
from auditor.resources import schema

GOLDEN = ROOT / "tests" / "golden" / "findings.json"
PACKS = ["default", "dw", "ap", "reuters"]


def findings_by_sample(pack: str) -> dict:
    report = check_paths([str(p) for p in sample_pages()], rules=[pack])
    return {os.path.basename(f.path): [[x.line, x.rule, x.severity] for x in f.findings] for f in report.files}


def test_golden_findings_for_every_sample_and_pack():
    got = {pack: findings_by_sample(pack) for pack in PACKS}
    if os.environ.get("AUDITOR_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
    assert GOLDEN.exists(), "no golden findings; create them with AUDITOR_UPDATE_GOLDEN=1 and review them"
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def rules_at(findings, severities=("error", "warning")):
    return [(f.line, f.rule) for f in findings if f.severity in severities]


@pytest.mark.parametrize("sample, packs", [
    ("dw-en-north-korea.html", ["dw", "default"]),
    ("dw-de-hochwasser.html", ["dw", "default"]),
    ("ap-wildfire.html", ["ap", "default"]),
    ("reuters-markets.html", ["reuters", "default"]),
    ("no-images.html", ["dw", "default"]),
])
def test_clean_stories_pass(sample, packs):
    html = (SAMPLES / sample).read_bytes()
    for pack in packs:
        assert rules_at(check_html(html, sample, rules=[pack]).findings) == [], pack


def test_dw_signoff_without_reuters():
    html = (SAMPLES / "dw-en-north-korea.html").read_text(encoding="utf-8")
    broken = html.replace("zc/wd (AP, AFP, Reuters)", "zc/wd (AP, AFP)")
    findings = check_html(broken, rules=["dw"]).findings
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "zc/wd (AP, AFP)" in text)
    assert [(f.line, f.rule) for f in findings if f.severity != "suggestion"] == [(line, "signoff-uncited-agency")]
    assert "Reuters" in findings[0].message and findings[0].fix == "add Reuters to the sign-off"


def test_state_media_quoted_asks_nothing_of_the_signoff():
    html = (SAMPLES / "dw-en-north-korea.html").read_text(encoding="utf-8")
    # KCNA is quoted throughout; it is not in the sign-off and must not need to be
    assert "KCNA" not in html.split("zc/wd")[1][:30]
    assert not [f for f in check_html(html, rules=["dw"]).findings if f.rule == "signoff-uncited-agency"]


@pytest.mark.parametrize("defect_file, expected", [
    ("defects-dw.html", [(68, "credit-missing"), (75, "credit-unlicensed"), (82, "caption-unmatched"),
                         (89, "signoff-uncited-agency")]),
    ("defects-mixed.html", [(51, "agency-alias"), (51, "agency-alias"), (55, "dateline-signoff-mismatch"),
                            (66, "caption-duplicate"), (74, "alt-missing"), (82, "caption-missing")]),
])
def test_planted_defects(defect_file, expected):
    findings = check_html((SAMPLES / defect_file).read_bytes(), defect_file, rules=["default"]).findings
    assert rules_at(findings) == expected


SUPPRESSED_PAGE = """<html><body><article><h1>Budget agreed after night of talks</h1>
<p>The coalition agreed the budget after talks through the night in Berlin.</p>
<!-- auditor-disable-next-line credit-missing -->
<figure>
<img src="a.jpg" alt="x">
<figcaption>The chancellery at night.</figcaption>
</figure>
<div data-auditor-ignore="credit-missing caption-missing">
<figure><img src="b.jpg" alt="y"><figcaption></figcaption></figure>
</div>
<!-- auditor-disable alt-missing -->
<figure><img src="c.jpg"><figcaption>The press room. Photo: A B/dpa</figcaption></figure>
<!-- auditor-enable alt-missing -->
<figure><img src="d.jpg"><figcaption>The garden. Photo: C D/dpa</figcaption></figure>
</article></body></html>"""


def test_suppression_comments_and_attribute():
    findings = check_html(SUPPRESSED_PAGE, rules=["default"]).findings
    assert [(f.line, f.rule) for f in findings] == [(14, "alt-missing")]


def test_api_accepts_bytes_and_prepared_ruleset():
    ruleset = build_ruleset(["dw"])
    report = check_html((SAMPLES / "defects-dw.html").read_bytes(), "story.html", ruleset=ruleset)
    assert report.path == "story.html"
    assert {f.rule for f in report.findings} >= {"signoff-uncited-agency", "credit-missing"}


# -- command line ----------------------------------------------------------------------------

def run(*args, cwd=ROOT, stdin=None, env=None):
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, cwd=cwd, input=stdin,
                          env=environment, timeout=120)


def test_cli_table_and_exit_codes(tmp_path):
    result = run("check", "samples/")
    out = result.stdout.decode()
    assert result.returncode == 1  # the defects samples carry errors
    # grouped by file: the path, then line:column, severity, rule and message per finding
    lines = out.splitlines()
    start = lines.index("samples/defects-dw.html")
    assert lines[start + 4].split()[:3] == ["89:1", "error", "signoff-uncited-agency"]
    assert lines[start + 5] == ""
    assert out.rstrip().splitlines()[-1].startswith(f"{len(sample_pages())} files checked: ")
    assert "\033[" not in out
    assert run("check", "samples/ap-wildfire.html", "--rules", "ap").returncode == 0
    assert run("check", "samples/", "--fail-on", "never").returncode == 0
    sloppy = tmp_path / "sloppy-signoff.html"  # one suggestion (signoff-format), nothing worse
    sloppy.write_text("<html><body><article><h1>Talks adjourned</h1><p>The vote is due on Friday after a week of "
                      "talks between the two sides in Brussels, officials said.</p><p>ab/cd ( AFP,, dpa)</p>"
                      "</article></body></html>", encoding="utf-8")
    assert run("check", str(sloppy), "--fail-on", "suggestion").returncode == 1
    assert run("check", str(sloppy), "--fail-on", "warning").returncode == 0


def test_cli_json_report_validates(tmp_path):
    result = run("check", "samples/", "--format", "json", "--rules", "dw")
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("report-1"))
    assert data["summary"]["files"] == len(sample_pages())
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)


def test_cli_output_and_extra_reports(tmp_path):
    out, extra = tmp_path / "out.txt", tmp_path / "report.json"
    result = run("check", "samples/defects-dw.html", "--output", str(out), "--report", f"json={extra}")
    assert result.returncode == 1 and result.stdout == b""
    assert "signoff-uncited-agency" in out.read_text()
    jsonschema.validate(json.loads(extra.read_text()), schema("report-1"))


def test_cli_bad_html_is_a_finding_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "b.html").write_text((SAMPLES / "ap-wildfire.html").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert [f["findings"][0]["rule"] for f in data["files"] if f["findings"]] == ["input-unreadable"]
    assert data["summary"]["files"] == 2


def test_cli_configuration_errors_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: h\nrules:\n  - id: x\n    kind: required\n    feild: figure.caption\n")
    result = run("check", "samples/ap-wildfire.html", "--rules", str(bad))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"auditor: error: {bad}:5:5: unknown key 'feild'")
    assert b"Traceback" not in result.stderr
    assert run("check", "samples/", "--rules", "nope").returncode == 2
    assert run("check", "samples/", "--report", "xml=out.xml").returncode == 2
    assert run("check").returncode == 2


def test_cli_config_discovery(tmp_path):
    (tmp_path / ".auditor.yaml").write_text("packs: [ap]\nrules:\n  alt-missing: off\nfail_on: never\n")
    (tmp_path / "story.html").write_bytes((SAMPLES / "defects-mixed.html").read_bytes())
    result = run("check", "story.html", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    rules = [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "alt-missing" not in rules and "credit-format" in rules


def test_cli_rules_and_explain():
    result = run("rules", "--rules", "dw")
    out = result.stdout.decode()
    assert result.returncode == 0 and "packs: default, dw" in out and "credit-unlicensed" in out
    result = run("explain", "signoff-uncited-agency")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Why:" in out and "Example (bad, fires):" in out and "reported Reuters news agency" in out
    result = run("explain", "caption-unmatchd")
    assert result.returncode == 2 and b"did you mean 'caption-unmatched'" in result.stderr


def test_cli_colour_only_on_terminals_and_never_with_no_color():
    result = run("check", "samples/defects-dw.html", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\033[31m" in result.stdout.decode()
    result = run("check", "samples/defects-dw.html", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\033[" not in result.stdout.decode()
