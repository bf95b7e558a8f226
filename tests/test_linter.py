"""What users of ruff and Vale expect: rule selection, one-line output, statistics, a baseline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.selection import Selection, SelectionError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RULES = {"input-unreadable": "error", "credit-missing": "error", "credit-format": "error",
         "caption-missing": "warning", "signoff-missing": "off", "agency-alias": "warning"}


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)


# -- selection ----------------------------------------------------------------------------------

def test_select_keeps_only_the_named_rules_and_prefixes():
    changes = Selection(select=["credit-"]).severities(RULES)
    assert changes == {"caption-missing": "off", "signoff-missing": "off", "agency-alias": "off"}
    # a page that cannot be read never passes silently
    assert "input-unreadable" not in changes


def test_extend_select_turns_on_a_rule_its_pack_turns_off():
    assert Selection(extend_select=["signoff-missing"]).severities(RULES) == {"signoff-missing": "warning"}


def test_ignore_and_severity_by_prefix():
    changes = Selection(ignore=["caption"], severity=["credit-=warning", "agency-alias=error"]).severities(RULES)
    assert changes == {"caption-missing": "off", "credit-missing": "warning", "credit-format": "warning",
                       "agency-alias": "error"}


@pytest.mark.parametrize("selection, message", [
    (Selection(select=["credt-"]), "did you mean 'credit-'"),
    (Selection(ignore=["nonexistent-id"]), "no rule 'nonexistent-id'"),
    (Selection(severity=["credit-missing=fatal"]), "RULE=LEVEL"),
])
def test_selectors_that_name_no_rule_are_usage_errors(selection, message):
    with pytest.raises(SelectionError, match=message):
        selection.severities(RULES)


def test_select_on_the_command_line():
    result = run("check", "samples/", "--select", "credit-", "--format", "concise")
    rules = {line.split()[2] for line in result.stdout.splitlines()[:-1]}
    assert rules == {"credit-missing", "credit-unlicensed"}
    result = run("check", "samples/", "--ignore", "credit-,caption-", "--severity", "agency-alias=error",
                 "--format", "concise")
    assert "error agency-alias" in result.stdout and "credit-" not in result.stdout
    bad = run("check", "samples/", "--select", "credt-")
    assert bad.returncode == 2 and "did you mean 'credit-'" in bad.stderr and "Traceback" not in bad.stderr


def test_rules_lists_what_a_selection_turns_off():
    out = run("rules", "--select", "signoff-").stdout
    assert [line.split()[1] for line in out.splitlines() if line.startswith("caption-missing")] == ["off"]


# -- output -------------------------------------------------------------------------------------

def test_concise_is_one_line_per_finding():
    result = run("check", "samples/defects-dw.html", "--format", "concise")
    lines = result.stdout.splitlines()
    assert lines[0] == ("samples/defects-dw.html:68:1: error credit-missing image 2 (The party leaders negotiated "
                        "through the night at the Chanc…) has no credit")
    assert lines[-1].startswith("1 file checked: ")
    assert result.returncode == 1


def test_statistics_counts_per_rule():
    out = run("check", "samples/", "--statistics", "--quiet").stdout
    table = out[out.index("rule "):]
    row = next(line.split() for line in table.splitlines() if line.startswith("agency-alias"))
    assert row == ["agency-alias", "warning", "3", "2"]


# -- baseline -----------------------------------------------------------------------------------

@pytest.fixture
def newsroom(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for name in ("defects-dw.html", "defects-mixed.html"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    result = run("baseline", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("recorded 10 findings of 2 files")
    return tmp_path


def test_baseline_hides_known_findings(newsroom):
    result = run("check", ".", "--baseline", ".auditor-baseline.json", cwd=newsroom)
    assert result.returncode == 0 and "0 errors, 0 warnings" in result.stdout
    assert "the baseline hid 10 known findings" in result.stderr


def test_moving_lines_and_editing_elsewhere_keep_known_findings_known(newsroom):
    page = newsroom / "defects-dw.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("<p>", "\n\n<!-- a new ad slot -->\n<p>", 1)  # every line below moves
    html = html.replace("The party leaders negotiated", "The party leaders argued")  # a caption reworded
    page.write_text(html, encoding="utf-8")
    result = run("check", ".", "--baseline", ".auditor-baseline.json", cwd=newsroom)
    assert result.returncode == 0, result.stdout
    assert "hid 10 known findings" in result.stderr


def test_a_new_finding_is_reported_and_a_fixed_one_is_gone(newsroom):
    page = newsroom / "defects-dw.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Instagram", "Facebook"), encoding="utf-8")
    result = run("check", ".", "--baseline", ".auditor-baseline.json", "--format", "concise", cwd=newsroom)
    assert result.returncode == 1
    assert "error credit-unlicensed image 3: the credit names Facebook" in result.stdout
    assert "hid 9 known findings; 1 recorded finding is gone (first: defects-dw.html: credit-unlicensed)" \
        in result.stderr


def test_a_broken_baseline_is_a_clear_error(newsroom):
    (newsroom / "bad.json").write_text("{not json", encoding="utf-8")
    result = run("check", ".", "--baseline", "bad.json", cwd=newsroom)
    assert result.returncode == 2 and "bad.json" in result.stderr and "Traceback" not in result.stderr
    record = json.loads((newsroom / ".auditor-baseline.json").read_text(encoding="utf-8"))
    assert record["schema"] == "auditor/baseline-1"
    assert {entry["path"] for entry in record["findings"]} == {"defects-dw.html", "defects-mixed.html"}


# -- per-path overrides ----------------------------------------------------------------------------

def _desk(tmp_path, config: str):
    for folder, sample in (("desk/de", "defects-mixed.html"), ("archive", "defects-dw.html"), (".", "defects-dw.html")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        name = "top.html" if folder == "." else "story.html"
        (tmp_path / folder / name).write_bytes((SAMPLES / sample).read_bytes())
    (tmp_path / ".auditor.yaml").write_text(config, encoding="utf-8")


OVERRIDES = """\
packs: [default]
overrides:
  - files: ["desk/de/**"]
    packs: [dw]
  - files: ["archive/**"]
    rules:
      caption-unmatched: off
      credit-missing: warning
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_overrides_give_folders_their_own_packs_and_severities(tmp_path, jobs):
    _desk(tmp_path, OVERRIDES)
    for n in range(20):  # enough files for worker processes with -j 2
        (tmp_path / "archive" / f"old-{n}.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    lines = run("check", ".", "--format", "concise", "-j", jobs, cwd=tmp_path).stdout.splitlines()
    desk = [line for line in lines if line.startswith("desk/de/story.html")]
    assert any(" credit-format " in line for line in desk)  # the dw pack's rule
    archive = [line for line in lines if line.startswith("archive/story.html")]
    assert any("warning credit-missing" in line for line in archive)
    assert not any("caption-unmatched" in line for line in archive)
    top = [line for line in lines if line.startswith("top.html")]
    assert any("error credit-missing" in line for line in top) and any("caption-unmatched" in line for line in top)


def test_the_command_line_wins_over_overrides(tmp_path):
    _desk(tmp_path, OVERRIDES)
    out = run("check", ".", "--format", "concise", "--severity", "credit-missing=suggestion", cwd=tmp_path).stdout
    assert "archive/story.html:68:1: suggestion credit-missing" in out


@pytest.mark.parametrize("config, message", [
    (OVERRIDES.replace("    rules:", "    rulez:"), "unknown key 'rulez' in overrides[1] (did you mean 'rules'?)"),
    (OVERRIDES + "  - files: [x]\n    settings: {credit_prefix: [Bild:]}\n",
     "unknown setting 'credit_prefix' (did you mean 'credit_prefixes'?)"),
])
def test_broken_overrides_stop_the_run_before_any_file(tmp_path, config, message):
    _desk(tmp_path, config)
    result = run("check", ".", "--format", "concise", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and result.stdout == ""


# -- changed lines only ----------------------------------------------------------------------------

def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def edited(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "story.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    (tmp_path / "other.html").write_bytes((SAMPLES / "defects-mixed.html").read_bytes())
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "base")
    page = tmp_path / "story.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Instagram", "Facebook"), encoding="utf-8")
    (tmp_path / "café.html").write_bytes((SAMPLES / "defects-mixed.html").read_bytes())  # new, untracked
    return tmp_path


def test_diff_base_reports_only_changed_lines(edited):
    out = run("check", ".", "--diff-base", "HEAD", "--format", "concise", cwd=edited).stdout.splitlines()
    story = [line for line in out if line.startswith("story.html")]
    # the changed credit line, and the sign-off (the story changed), not the untouched figures
    assert [line.split()[2] for line in story] == ["credit-unlicensed", "signoff-uncited-agency"]
    assert not any(line.startswith("other.html") for line in out)  # unchanged file
    assert sum(line.startswith("café.html") for line in out) == 6  # a new file counts in full


def test_diff_base_outside_git_or_with_an_unknown_ref_is_a_usage_error(edited, tmp_path_factory):
    bad = run("check", ".", "--diff-base", "no-such-ref", cwd=edited)
    assert bad.returncode == 2 and "no commit 'no-such-ref'" in bad.stderr
    elsewhere = tmp_path_factory.mktemp("plain")
    (elsewhere / "a.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    result = run("check", ".", "--diff-base", "HEAD", cwd=elsewhere)
    assert result.returncode == 2 and "inside a git work tree" in result.stderr


@pytest.mark.parametrize("event, base", [
    ({"pull_request": {"base": {"sha": "abc123"}, "head": {"sha": "def456"}}}, "abc123"),
    ({"before": "1234abcd", "after": "5678ef00"}, "1234abcd"),
    ({"before": "0000000000000000000000000000000000000000", "after": "5678ef00"}, ""),  # a new branch
])
def test_the_action_finds_the_commit_to_compare_with(tmp_path, event, base):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor.action_changed", "--base"], capture_output=True,
                            text=True, env={**os.environ, "GITHUB_EVENT_PATH": str(path)}, cwd=ROOT)
    assert result.stdout.strip() == base


# -- getting started and small options -------------------------------------------------------------

def test_init_suggests_the_house_pack_and_never_overwrites(tmp_path):
    for name in ("dw-en-north-korea.html", "dw-de-hochwasser.html", "dw-legacy-alt.html"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0 and "pack dw, from 3 page(s)" in result.stdout
    text = (tmp_path / ".auditor.yaml").read_text(encoding="utf-8")
    assert "packs: [dw]" in text and "sign-off styles: initials" in text
    check = run("check", ".", "--quiet", cwd=tmp_path)  # the file it wrote is a valid config
    assert check.returncode in (0, 1) and "files checked" in check.stdout
    again = run("init", cwd=tmp_path)
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert (tmp_path / ".auditor.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o filenames -F _auditor auditor"),
                                           ("zsh", "bashcompinit"),
                                           ("fish", "complete -c auditor -n '__fish_seen_subcommand_from check' -l fix")])
def test_completion_scripts(shell, marker):
    result = run("completion", shell)
    assert result.returncode == 0 and marker in result.stdout
    if shell == "bash":
        assert "--diff-base" in result.stdout and "--select" in result.stdout
        check = subprocess.run(["bash", "-n"], input=result.stdout, text=True, capture_output=True)
        assert check.returncode == 0, check.stderr


def test_max_warnings_stdin_filename_and_color(tmp_path):
    page = (SAMPLES / "defects-mixed.html").read_bytes()
    result = subprocess.run([sys.executable, "-m", "auditor", "check", "-", "--stdin-filename", "desk/story.html",
                             "--format", "concise", "--fail-on", "never", "--max-warnings", "2"],
                            input=page, capture_output=True, cwd=ROOT, timeout=120)
    out = result.stdout.decode()
    assert out.splitlines()[0].startswith("desk/story.html:51:39: warning agency-alias")
    assert result.returncode == 1 and b"more than --max-warnings 2" in result.stderr
    coloured = run("check", "samples/defects-dw.html", "--color", "always").stdout
    assert "\033[" in coloured
    plain = subprocess.run([sys.executable, "-m", "auditor", "check", "samples/defects-dw.html", "--color", "never"],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "FORCE_COLOR": "1"}).stdout
    assert "\033[" not in plain


# -- configuration in pyproject.toml, and what applies to a file -----------------------------------

def test_tool_auditor_in_pyproject(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n\n[tool.auditor]\npacks = ["dw"]\n'
                                             '[tool.auditor.rules]\ncaption-unmatched = "off"\n', encoding="utf-8")
    out = run("check", "desk", "--format", "concise", cwd=tmp_path).stdout
    assert "the credit ends in Instagram, which is not a source DW licenses" in out  # the dw pack's message
    assert "caption-unmatched" not in out
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\npack = ["dw"]\n', encoding="utf-8")
    bad = run("check", "desk", cwd=tmp_path)
    assert bad.returncode == 2 and "pyproject.toml:1:1: unknown key 'pack'" in bad.stderr
    # a .auditor.yaml in the same folder wins; a pyproject.toml without the table is no config
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert "caption-unmatched" in run("check", "desk", "--format", "concise", cwd=tmp_path).stdout


def test_show_config_says_what_applies_to_a_file_and_from_where(tmp_path):
    _desk(tmp_path, OVERRIDES)
    result = run("check", "archive/story.html", "--show-config", cwd=tmp_path)
    assert result.returncode == 0
    import yaml

    shown = yaml.safe_load(result.stdout.split("\n---")[0])
    assert shown["config"].endswith(".auditor.yaml")
    assert shown["overrides applied"] == ["overrides[1]: archive/**"]
    assert shown["rules"]["caption-unmatched"] == "off" and shown["rules"]["credit-missing"] == "warning"
    assert shown["pack files"] == ["rules/default.yaml"]
    desk = yaml.safe_load(run("check", "desk/de/story.html", "--show-config", cwd=tmp_path).stdout)
    assert desk["packs"] == ["default", "dw"] and "rules/dw.yaml" in desk["pack files"]


def test_report_unused_suppressions(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><article><h1>Harbour bridge to close</h1>\n"
        "<p>The council voted on Monday to close the old harbour bridge to lorries from March, officials said.</p>\n"
        "<!-- auditor-disable-next-line credit-missing -->\n"
        "<figure><img src='https://x.test/a-bridge.jpg' alt='x'><figcaption>The old harbour bridge.</figcaption>"
        "</figure>\n"
        "<!-- auditor-disable-next-line caption-missing -->\n"
        "<figure><img src='https://x.test/b-bridge.jpg' alt='y'><figcaption>The new harbour bridge. "
        "Photo: Jane Doe/AFP</figcaption></figure>\n</article></body></html>\n", encoding="utf-8")
    plain = run("check", "story.html", "--format", "concise", cwd=tmp_path).stdout
    assert plain.startswith("1 file checked: 0 errors, 0 warnings")  # the first suppression works
    out = run("check", "story.html", "--format", "concise", "--report-unused-suppressions", cwd=tmp_path).stdout
    assert out.splitlines()[0] == ("story.html:5:1: warning unused-suppression this disable-next-line "
                                   "(caption-missing) hides no finding; remove it")


def test_each_file_gets_its_nearest_config(tmp_path):
    _git(tmp_path, "init", "-q")
    for folder in ("dw-desk", "plain"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    (tmp_path / "dw-desk" / ".auditor.yaml").write_text("packs: [dw]\n", encoding="utf-8")
    for jobs in ("1", "2"):
        out = run("check", "dw-desk", "plain", "--format", "concise", "-j", jobs, cwd=tmp_path).stdout
        assert "dw-desk/story.html:75:1: error credit-unlicensed image 3: the credit ends in Instagram, which is " \
               "not a source DW licenses" in out
        assert "plain/story.html:75:1: error credit-unlicensed image 3: the credit names Instagram" in out
    import yaml

    shown = run("check", "dw-desk/story.html", "plain/story.html", "--show-config", cwd=tmp_path).stdout.split("\n---")
    assert yaml.safe_load(shown[0])["config"].endswith("dw-desk/.auditor.yaml")
    assert yaml.safe_load(shown[1])["config"] == "none (the defaults)"
    # the command line still wins, and a broken nested config stops the run before any file
    assert "dw-desk/story.html:75:1: warning" in run("check", "dw-desk", "plain", "--format", "concise",
                                                      "--severity", "credit-=warning", cwd=tmp_path).stdout
    (tmp_path / "dw-desk" / ".auditor.yaml").write_text("pakcs: [dw]\n", encoding="utf-8")
    broken = run("check", "dw-desk", "plain", cwd=tmp_path)
    assert broken.returncode == 2 and "unknown key 'pakcs'" in broken.stderr and broken.stdout == ""
