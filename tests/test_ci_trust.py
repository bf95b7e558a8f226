"""A CI gate that never loses a file and never passes silently (issue 10, first part): outputs never
overwrite inputs, reports are written whole or not at all, unwritable outputs and empty inputs are
usage errors, and include globs follow gitignore's `**/`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_action import fake_python

from auditor.loader import discover

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "defects-dw.html"


def auditor(*args, cwd):
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("args", [
    ["check", "same.html", "--output", "same.html"],
    ["check", "same.html", "--report", "json=same.html"],
    ["check", ".", "--report", "sarif=./same.html"],
    ["extract", "same.html", "-o", "same.html"],
])
def test_an_output_that_is_an_input_is_refused_and_the_page_kept(tmp_path, args):
    page = tmp_path / "same.html"
    shutil.copy(SAMPLE, page)
    before = page.read_bytes()
    result = auditor(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "would erase the page" in result.stderr
    assert page.read_bytes() == before


@pytest.mark.parametrize("target", ["/proc/nope/x.sarif", "missing-folder/x.sarif", "."])
def test_an_unwritable_output_is_one_clear_line_and_exit_2(tmp_path, target):
    shutil.copy(SAMPLE, tmp_path / "a.html")
    result = auditor("check", "a.html", "--report", f"sarif={target}", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("auditor: error: cannot write")


def test_reports_are_replaced_whole(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a.html")
    (tmp_path / "r.json").write_text("previous report", encoding="utf-8")
    result = auditor("check", "a.html", "--report", "json=r.json", cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("{")
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".auditor-")]  # no temporary left


def test_an_interrupted_write_leaves_the_previous_report(tmp_path):
    from auditor.cli import open_output

    target = tmp_path / "r.json"
    target.write_text("previous report", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), open_output(str(target)) as stream:
        stream.write('{"half": ')
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous report"
    assert os.listdir(tmp_path) == ["r.json"]


def test_no_files_matched_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = auditor("check", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert "no HTML files matched empty" in result.stderr
    result = auditor("extract", "empty", cwd=tmp_path)
    assert result.returncode == 2


def test_double_star_matches_zero_or_more_folders(tmp_path):
    (tmp_path / "stories" / "2024").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    for name in ("stories/top.html", "stories/2024/x.html", "other/y.html"):
        shutil.copy(SAMPLE, tmp_path / name)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in
             discover([str(tmp_path)], include=["stories/**/*.html"])]
    assert found == ["stories/2024/x.html", "stories/top.html"]
    found = [Path(p).relative_to(tmp_path).as_posix() for p in
             discover([str(tmp_path)], exclude=["stories/"])]
    assert found == ["other/y.html"]


def test_action_does_not_reuse_an_earlier_runs_report(tmp_path):
    """A second run in the same job that fails on its config must not report the first run's counts."""
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    (runner_temp / "auditor-report.json").write_text('{"summary": {"errors": 7, "warnings": 3}}', encoding="utf-8")
    (runner_temp / "auditor-summary.md").write_text("OLD SUMMARY", encoding="utf-8")
    workspace = tmp_path / "ws"
    workspace.mkdir()
    shutil.copy(SAMPLE, workspace / "a.html")
    (workspace / "broken.yaml").write_text("packs: [no-such-pack]\n", encoding="utf-8")
    output, summary = tmp_path / "out.txt", tmp_path / "summary.md"
    env = dict(os.environ, GITHUB_WORKSPACE=str(workspace), RUNNER_TEMP=str(runner_temp),
               GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary), INPUT_PATHS="a.html",
               INPUT_CONFIG="broken.yaml", PYTHONPATH=str(ROOT),
               PATH=f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    fake_python(tmp_path / "bin")
    result = subprocess.run(["bash", str(ROOT / ".github" / "action" / "check.sh")], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "errors=0" in output.read_text(encoding="utf-8")
    assert "OLD SUMMARY" not in (summary.read_text(encoding="utf-8") if summary.exists() else "")


def test_check_html_takes_text_bytes_and_bytearray_and_one_pack_by_name():
    from auditor.api import check_html

    html = SAMPLE.read_text(encoding="utf-8")
    expected = [(f.line, f.rule) for f in check_html(html, rules=["dw"]).findings]
    assert [(f.line, f.rule) for f in check_html(html, rules="dw").findings] == expected
    assert [(f.line, f.rule) for f in check_html(html.encode(), rules="dw").findings] == expected
    assert [(f.line, f.rule) for f in check_html(bytearray(html.encode()), rules="dw").findings] == expected
    with pytest.raises(TypeError, match="str, bytes or bytearray"):
        check_html(123)


def test_changed_files_with_non_ascii_names(tmp_path):
    from auditor.action_changed import changed_files

    def git(*args):
        return subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "old.html").write_text("<p>x</p>", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "café.html").write_text("<p>y</p>", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "head")
    assert changed_files(base, git("rev-parse", "HEAD"), str(tmp_path)) == ["stories/café.html"]


HOSTILE = ("<html><head><title>t</title></head><body><article><h1>Harbour bridge closes today</h1>"
           "<figure><img src='/a.jpg' alt='x'><figcaption>Evil \x1b[31mred\x1b[0m caption \x07 end</figcaption>"
           "</figure><p>" + "The council voted on Monday to close the old harbour bridge to lorries. " * 3
           + "</p></article></body></html>")


@pytest.mark.parametrize("fmt", ["table", "github", "markdown", "junit"])
def test_control_characters_from_a_page_never_reach_the_output_raw(tmp_path, fmt):
    (tmp_path / "evil.html").write_text(HOSTILE, encoding="utf-8")
    result = auditor("check", "evil.html", "--format", fmt, "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        ET.fromstring(result.stdout)  # well-formed whatever the page holds
    extract = auditor("extract", "evil.html", cwd=tmp_path)
    assert "\x1b" not in extract.stdout and "\\x1b" in extract.stdout


def test_sarif_uris_are_relative_percent_encoded_references(tmp_path):
    import json

    folder = tmp_path / "sub dir"
    folder.mkdir()
    page = folder / "100% ü,a.html"
    shutil.copy(SAMPLE, page)
    (tmp_path / ".git").mkdir()  # the repository root
    result = auditor("check", str(page), "--format", "sarif", "--fail-on", "never", cwd=tmp_path)
    sarif = json.loads(result.stdout)
    run = sarif["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "sub%20dir/100%25%20%C3%BC%2Ca.html", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert run["automationDetails"]["id"] == "auditor/"
    assert all(rule["helpUri"].startswith("https://") for rule in run["tool"]["driver"]["rules"])
    gitlab = json.loads(auditor("check", str(page), "--format", "gitlab", "--fail-on", "never", cwd=tmp_path).stdout)
    assert gitlab[0]["location"]["path"] == "sub dir/100% ü,a.html"
    # the vendored schema with format checking: every URI is a valid URI reference
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(sarif))
    broken = json.loads(json.dumps(sarif).replace("sub%20dir/100%25%20%C3%BC%2Ca.html", "sub dir/100% ü,a.html"))
    assert any(e.validator == "format" for e in validator.iter_errors(broken))  # the check has teeth


def test_sarif_stays_within_githubs_result_limit(monkeypatch):
    import io
    import json

    from auditor.model import FileReport, Finding, Summary
    from auditor.output import report_sarif

    monkeypatch.setattr(report_sarif, "MAX_RESULTS", 3)
    stream = io.StringIO()
    writer = report_sarif.SarifWriter(stream)
    writer.begin()
    writer.file(FileReport("a.html", [Finding("credit-missing", "error", f"image {i}", i) for i in range(1, 6)]))
    writer.end(Summary())
    run = json.loads(stream.getvalue())["runs"][0]
    assert len(run["results"]) == 3
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith("2 more results were left out")


def test_the_config_is_found_from_the_inputs_not_only_the_working_directory(tmp_path):
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    shutil.copy(SAMPLE, repo / "drafts" / "x.html")
    (repo / ".auditor.yaml").write_text("rules: {credit-missing: off}\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    check = auditor("check", str(repo / "drafts" / "x.html"), "--format", "json", "--fail-on", "never",
                    cwd=elsewhere)
    import json

    rules = {f["rule"] for f in json.loads(check.stdout)["files"][0]["findings"]}
    assert rules and "credit-missing" not in rules  # the repository's config applied
    without = auditor("check", str(repo / "drafts" / "x.html"), "--format", "json", "--fail-on", "never",
                      "--no-config", cwd=elsewhere)
    assert "credit-missing" in {f["rule"] for f in json.loads(without.stdout)["files"][0]["findings"]}


# -- reading losses become findings (issue 10) -------------------------------------------------------

def test_a_latin1_page_declared_utf8_gets_an_encoding_warning_naming_the_line(tmp_path):
    page = tmp_path / "rathaus.html"
    page.write_bytes(b'<html><head><meta charset="utf-8"></head><body><article><h1>Rat tagt</h1>\n'
                     b"<p>Der B\xfcrgermeister sprach am Montag im Rathaus zu den Leuten der Stadt.</p>"
                     b"</article></body></html>")
    from auditor.api import check_paths

    findings = check_paths([str(page)]).files[0].findings
    encoding = [f for f in findings if f.rule == "input-encoding"]
    assert len(encoding) == 1 and encoding[0].line == 2
    assert "declares utf-8 but the bytes at line 2 are not utf-8" in encoding[0].message


def test_one_nul_byte_is_read_the_same_by_the_cli_and_the_api(tmp_path):
    html = ("<html><body><article><h1>Council meets</h1><p>The council\x00 met on Monday in the town hall to "
            "agree the budget for next year.</p></article></body></html>")
    page = tmp_path / "nul.html"
    page.write_bytes(html.encode())
    from auditor.api import check_html, check_paths

    from_cli = [(f.rule, f.message) for f in check_paths([str(page)]).files[0].findings]
    assert [rule for rule, _ in from_cli] == ["input-encoding"]
    assert [(f.rule, f.message) for f in check_html(html).findings] == from_cli
    assert [(f.rule, f.message) for f in check_html(html.encode()).findings] == from_cli


def test_findings_on_a_one_line_page_carry_columns(tmp_path):
    """Minified pages put everything on line 1: the column says which picture a finding is about."""
    import json

    figure = ("<figure><img src='https://x.test/{name}.jpg' alt='x'><figcaption>{caption}</figcaption></figure>")
    html = ("<html><body><article><h1>Harbour bridge to close</h1><p>The council voted on Monday to close the old "
            "harbour bridge to lorries from March, officials said today.</p>"
            + figure.format(name="bridge-first", caption="The old harbour bridge at dusk.")
            + "<p>" + "More of the story. " * 20 + "</p>"
            + figure.format(name="bridge-second", caption="The new bridge under construction.")
            + "</article></body></html>")
    (tmp_path / "min.html").write_text(html, encoding="utf-8")
    out = auditor("check", "min.html", "--format", "json", "--fail-on", "never", cwd=tmp_path).stdout
    findings = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "credit-missing"]
    assert [f["line"] for f in findings] == [1, 1]
    assert [f["column"] for f in findings] == [html.index("<img src='https://x.test/bridge-first") + 1,
                                               html.index("<img src='https://x.test/bridge-second") + 1]


@pytest.mark.parametrize("before, between", [
    ("<!-- auditor-disable-next-line credit-missing -->", ""),
    ("<!-- auditor-disable credit-missing -->", "<!-- auditor-enable credit-missing -->"),
])
def test_suppressions_on_a_one_line_page_cover_the_next_element_only(tmp_path, before, between):
    import json

    from auditor.api import check_html

    figure = "<figure><img src='https://x.test/{name}.jpg' alt='x'><figcaption>{caption}</figcaption></figure>"
    html = ("<html><body><article><h1>Harbour bridge to close</h1><p>The council voted on Monday to close the old "
            "harbour bridge to lorries from March, officials said today. " + "More of the story. " * 20 + "</p>"
            + before + figure.format(name="bridge-first", caption="The old harbour bridge at dusk.") + between
            + "<p>More.</p>" + figure.format(name="bridge-second", caption="The new bridge under construction.")
            + "</article></body></html>")
    second = html.index("<img src='https://x.test/bridge-second") + 1
    (tmp_path / "min.html").write_text(html, encoding="utf-8")
    out = json.loads(auditor("check", "min.html", "--format", "json", "--fail-on", "never", cwd=tmp_path).stdout)
    from_cli = [(f["rule"], f["line"], f["column"]) for f in out["files"][0]["findings"]]
    assert from_cli == [("credit-missing", 1, second)]  # the first picture's is hidden, the second's is not
    assert [(f.rule, f.line, f.column) for f in check_html(html).findings] == from_cli
