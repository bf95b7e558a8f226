"""Report formats: SARIF against the official schema, GitHub workflow commands, JUnit, GitLab, markdown."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from conftest import ROOT, SAMPLES, SCHEMAS

from auditor.output.report_github import escape_data, escape_property


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)


@pytest.fixture(scope="module")
def sarif(tmp_path_factory):
    path = tmp_path_factory.mktemp("sarif") / "out.sarif"
    result = run("check", "samples/", "--rules", "dw", "--report", f"sarif={path}", "--format", "github")
    assert result.returncode == 1
    return json.loads(path.read_text(encoding="utf-8")), result.stdout.decode()


def test_sarif_validates_against_the_official_schema(sarif):
    schema_path = SCHEMAS / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    # with format checking on: artifact URIs must be valid URI references (rfc3986-validator checks them)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert "uri-reference" in jsonschema.Draft7Validator.FORMAT_CHECKER.checkers
    errors = sorted(validator.iter_errors(sarif[0]), key=lambda e: list(e.path))
    assert not errors, errors[0]


def test_sarif_content(sarif):
    log = sarif[0]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert "signoff-uncited-agency" in ids
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    result = next(r for r in run_["results"] if r["ruleId"] == "signoff-uncited-agency")
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "samples/defects-dw.html"
    assert location["region"]["startLine"] == 89
    assert ids[result["ruleIndex"]] == "signoff-uncited-agency"
    fingerprints = [r["partialFingerprints"]["auditor/v2"] for r in run_["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fingerprints_survive_edits_above_the_finding(tmp_path):
    html = (SAMPLES / "defects-dw.html").read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.html").write_text(html, encoding="utf-8")
    (tmp_path / "b" / "story.html").write_text(html.replace("\n", "\n\n\n<!-- new banner -->\n", 1),
                                               encoding="utf-8")
    prints, lines = [], []
    for name in "ab":
        out = tmp_path / f"{name}.sarif"
        run("check", "story.html", "--report", f"sarif={out}", cwd=tmp_path / name)
        results = json.loads(out.read_text())["runs"][0]["results"]
        prints.append([r["partialFingerprints"]["auditor/v2"] for r in results])
        lines.append([r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results])
    assert prints[0] == prints[1]
    assert lines[0] != lines[1]


COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]+),line=(\d+)(?:,col=\d+)?,title=([^,:]+)::(.+)$")


def test_github_commands_parse(sarif):
    lines = [line for line in sarif[1].splitlines() if line.startswith("::") and " file=" in line]
    assert lines
    for line in lines:
        assert COMMAND.match(line), line
    # past ten per level, one notice says how many more (GitHub would drop them unseen)
    more = [line for line in sarif[1].splitlines() if line.startswith("::notice title=auditor::and ")]
    assert len(more) <= 1
    assert any(line.startswith("::error file=samples/defects-dw.html,line=89,title=auditor signoff-uncited-agency::")
               for line in lines)


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_junit_parses_and_fails_at_threshold(tmp_path):
    out = tmp_path / "junit.xml"
    run("check", "samples/", "--report", f"junit={out}", "--fail-on", "warning")
    root = ET.parse(out).getroot()
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert {c.get("file") for c in cases} == {f"samples/{p.name}" for p in SAMPLES.glob("*.html")}
    failures = root.findall(".//failure")
    assert int(suite.get("failures")) == len(failures) == int(root.get("failures"))
    assert int(suite.get("tests")) == len(cases) == int(root.get("tests"))
    # one failure per test case (Jenkins shows only the first), each named by rule and file:line
    assert all(len(c.findall("failure")) <= 1 for c in cases)
    failing = [c for c in cases if c.find("failure") is not None]
    assert all(c.get("name").startswith(c.find("failure").get("type") + " samples/") for c in failing)
    assert all(c.get("line") for c in failing)
    assert {f.get("type") for f in failures} >= {"credit-missing", "caption-unmatched"}
    errors_only = tmp_path / "errors.xml"
    run("check", "samples/", "--report", f"junit={errors_only}", "--fail-on", "error")
    assert len(ET.parse(errors_only).getroot().findall(".//failure")) < len(failures)


JUNIT_XSD = ROOT / "tests" / "schemas" / "junit-ci.xsd"


def _junit_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(JUNIT_XSD)))


def test_junit_is_valid_for_jenkins_and_gitlab(tmp_path):
    """The samples' report, and one whose caption holds control characters and markup, both validate
    against the JUnit schema CI servers read (tests/schemas/junit-ci.xsd) and stay well-formed."""
    from lxml import etree

    schema = _junit_schema()
    page = tmp_path / "hostile.html"
    page.write_text('<article><h1>T</h1><figure><img src="a.jpg" alt="x"><figcaption>Caption \x1b[31mred'
                    ' \x07 <![CDATA[ ]]> &lt;/failure&gt; "q"</figcaption></figure><p>Text.</p></article>',
                    encoding="utf-8")
    for target in ("samples/", str(page)):
        out = tmp_path / "junit.xml"
        run("check", target, "--report", f"junit={out}", "--fail-on", "suggestion")
        doc = etree.parse(str(out))
        assert schema.validate(doc), schema.error_log.last_error
        cases = doc.findall(".//testcase")
        assert int(doc.getroot().get("tests")) == len(cases)
        assert int(doc.getroot().get("failures")) == len(doc.findall(".//failure"))
    assert "\x1b" not in out.read_text(encoding="utf-8")


def test_junit_schema_is_not_a_rubber_stamp():
    from lxml import etree

    schema = _junit_schema()
    good = '<testsuites><testsuite tests="1"><testcase name="a" file="x.html" line="3" time="0"/></testsuite></testsuites>'
    assert schema.validate(etree.fromstring(good))
    for bad in (good.replace(' name="a"', ""), good.replace('line="3"', 'line="0"'),
                good.replace('tests="1"', 'tests="one"'), good.replace("<testcase ", "<testcase colour=\"red\" ")):
        assert not schema.validate(etree.fromstring(bad)), bad


def test_gitlab_code_quality(tmp_path):
    out = tmp_path / "gl.json"
    run("check", "samples/defects-mixed.html", "--report", f"gitlab={out}")
    issues = json.loads(out.read_text())
    assert issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "samples/defects-mixed.html"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_markdown_summary(tmp_path):
    result = run("check", "samples/", "--format", "markdown")
    out = result.stdout.decode()
    assert out.startswith("## auditor")
    assert "| errors | warnings | suggestions |" in out
    assert "`samples/defects-dw.html:89`" in out


def test_one_run_gives_the_table_and_several_files(tmp_path):
    result = run("check", "samples/", "--report", f"sarif={tmp_path / 'a.sarif'}", "--report",
                 f"junit={tmp_path / 'a.xml'}", "--report", f"json={tmp_path / 'a.json'}")
    assert "files checked" in result.stdout.decode()
    assert json.loads((tmp_path / "a.sarif").read_text())["version"] == "2.1.0"
    ET.parse(tmp_path / "a.xml")
    assert json.loads((tmp_path / "a.json").read_text())["summary"]["files"] == len(list(SAMPLES.glob("*.html")))


def test_every_format_module_is_on_the_list_that_loads_them():
    from auditor.output import _MODULES

    folder = ROOT / "auditor" / "output"
    modules = {path.stem for path in folder.glob("*.py") if path.stem.startswith(("extract_", "report_"))}
    assert modules == set(_MODULES)
