"""``auditor check --fix`` and ``--diff``: edits on the source bytes by offset, nothing else touched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.fix import FixError, apply, locate
from auditor.model import Finding

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
CORPUS = Path(os.environ.get("AUDITOR_CORPUS", SHARED / "corpus" / "real"))
WILD = SHARED / "corpus" / "wild"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)


def finding(line, old, new, figure=None):
    return Finding("agency-alias", "warning", "m", line, figure=figure, edit={"old": old, "new": new})


# -- locating and applying -------------------------------------------------------------------------

def test_the_same_credit_in_alt_and_title_is_fixed_in_both():
    text = '<p>x</p>\n<img title="A (picture-alliance/dpa)" alt="A (picture-alliance/dpa)">\n'
    found = finding(2, "picture-alliance", "picture alliance")
    locate(text, [found])
    assert [at["column"] for at in found.edit["locations"]] == [16, 47]
    after, count = apply(text.encode(), "utf-8", [found])
    assert count == 2 and after.decode() == text.replace("picture-alliance", "picture alliance")


def test_two_credits_in_two_elements_are_not_guessed_at():
    text = "<span>Foto: DPA</span> <span>Foto: DPA</span>\n"
    found = finding(1, "DPA", "dpa")
    locate(text, [found])
    assert found.edit is None


def test_on_a_one_line_page_the_picture_says_which_credit():
    from auditor.model import Figure

    text = ('<img src="/a/one.jpg" alt="x (picture-alliance/dpa)"><p>story</p>'
            '<img src="/a/two.jpg" alt="y (picture-alliance/dpa)">')
    found = finding(1, "picture-alliance", "picture alliance", figure=2)
    locate(text, [found], [Figure(1, "https://x.test/a/one.jpg"), Figure(1, "https://x.test/a/two.jpg")])
    after, _ = apply(text.encode(), "utf-8", [found])
    assert after.decode() == text.replace('y (picture-alliance', 'y (picture alliance')


def test_entities_and_other_encodings_stay_byte_for_byte():
    # a Latin-1 page, an entity before the credit, CRLF line ends
    text = "<p>Stra&szlig;e in K\xf6ln</p>\r\n<span>Foto: DPA/Picture-Alliance</span>\r\n"
    raw = text.encode("latin-1")
    findings = [finding(2, "DPA", "dpa"), finding(2, "Picture-Alliance", "picture alliance")]
    locate(raw.decode("latin-1"), findings)
    after, count = apply(raw, "iso-8859-1", findings)
    assert count == 2
    assert after == raw.replace(b"DPA/Picture-Alliance", b"dpa/picture alliance")


def test_a_utf8_bom_is_kept():
    raw = "\ufeff<span>Foto: DPA</span>\n".encode()
    found = finding(1, "DPA", "dpa")
    locate(raw[3:].decode(), [found])
    after, _ = apply(raw, "utf-8", [found])
    assert after == "\ufeff<span>Foto: dpa</span>\n".encode()


def test_a_page_that_does_not_decode_cleanly_is_not_fixed():
    raw = b"<span>Foto: DPA</span>\n<p>caf\xe9</p>\n"  # declared UTF-8, holds Latin-1
    found = finding(1, "DPA", "dpa")
    locate("<span>Foto: DPA</span>\n", [found])
    with pytest.raises(FixError, match="does not decode cleanly"):
        apply(raw, "utf-8", [found])


# -- the command line --------------------------------------------------------------------------

def test_diff_prints_and_changes_nothing(tmp_path):
    page = tmp_path / "story.html"
    shutil.copy(ROOT / "samples" / "defects-mixed.html", page)
    before = page.read_bytes()
    result = run("check", "story.html", "--diff", cwd=tmp_path)
    assert result.returncode == 1
    assert "-<span class=\"bm-figure__credit\">Foto: DPA/Picture-Alliance</span>" in result.stdout
    assert "+<span class=\"bm-figure__credit\">Foto: dpa/picture alliance</span>" in result.stdout
    assert page.read_bytes() == before


def test_fix_reports_what_is_left_and_sarif_carries_the_fix(tmp_path):
    page = tmp_path / "story.html"
    shutil.copy(ROOT / "samples" / "defects-mixed.html", page)
    sarif = json.loads(run("check", "story.html", "--format", "sarif", cwd=tmp_path).stdout)
    fixes = [r["fixes"] for r in sarif["runs"][0]["results"] if "fixes" in r]
    assert fixes[0][0]["artifactChanges"][0]["replacements"][0] == {
        "deletedRegion": {"startLine": 51, "startColumn": 39, "endColumn": 42}, "insertedContent": {"text": "dpa"}}
    result = run("check", "story.html", "--fix", "--format", "concise", cwd=tmp_path)
    assert "agency-alias" not in result.stdout and "dateline-signoff-mismatch" in result.stdout
    assert "fixed 2 findings in 1 file" in result.stderr


def _lines_changed(before: bytes, after: bytes) -> list[tuple[bytes, bytes]]:
    old, new = before.split(b"\n"), after.split(b"\n")
    assert len(old) == len(new), "a fix added or removed lines"
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


@pytest.mark.parametrize("page, packs, rules", [
    (CORPUS / "dw-1.html", ["--rules", "dw"], {"agency-alias"}),  # credit in alt and title, one-line markup
    (WILD / "0a24692a9ea846c1819bd6a5f92a8874.html", [], {"agency-alias"}),  # "Bild: shutterstock"
    (ROOT / "samples" / "afp-aden.html", ["--rules", "dw"], {"credit-format"}),  # "Photo:" -> DW's "Image:"
])
def test_fixes_on_real_pages_touch_nothing_else_and_recheck_clean(tmp_path, page, packs, rules):
    if not page.exists():
        pytest.skip("shared corpus not available")
    target = tmp_path / page.name
    shutil.copy(page, target)
    before = target.read_bytes()
    report = json.loads(run("check", target.name, *packs, "--format", "json", cwd=tmp_path).stdout)
    planned = [f for f in report["files"][0]["findings"] if f["rule"] in rules and f["edit"]]
    assert planned, "the page should carry a fixable finding"
    result = run("check", target.name, *packs, "--fix", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    after = target.read_bytes()
    changed = _lines_changed(before, after)
    assert changed
    for old_line, new_line in changed:
        expected = old_line
        for f in planned:
            expected = expected.replace(f["edit"]["old"].encode(), f["edit"]["new"].encode())
        assert new_line == expected
    again = json.loads(run("check", target.name, *packs, "--format", "json", cwd=tmp_path).stdout)
    left = {(f["rule"], f["subject"]) for f in again["files"][0]["findings"]}
    assert not left & {(f["rule"], f["subject"]) for f in planned}


def test_a_page_read_with_losses_is_not_fixed(tmp_path):
    page = tmp_path / "story.html"
    html = (ROOT / "samples" / "defects-mixed.html").read_bytes().replace(b"<p>", b"<p>\x00", 1)
    page.write_bytes(html)
    result = run("check", "story.html", "--fix", cwd=tmp_path)
    assert "not fixed: it was read with losses" in result.stderr
    assert page.read_bytes() == html
