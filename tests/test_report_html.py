"""The HTML report (issue 13): content and safety on the markup, then in headless Chromium (cards,
filters, no script from a hostile page, keyboard, contrast, a screenshot, size and first render at
1,000 and 10,000 pages).

The browser tests skip when Chromium or websocket-client is missing (``.ci/run`` installs Chromium).
Screenshots go to ``$AUDITOR_ARTIFACTS`` (default ``tests/artifacts/``, not committed); with
``AUDITOR_UPDATE_SCREENSHOT=1`` the samples' screenshot also replaces ``docs/report.png``, the one
the README shows.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest
from browser import Browser, find_chromium
from conftest import ROOT, SAMPLES

from auditor.model import Summary
from auditor.output import report_formats
from auditor.output.report_html import HtmlWriter, excerpt, picture_url

HOSTILE = Path(__file__).resolve().parent / "html_report" / "hostile.html"
ARTIFACTS = Path(os.environ.get("AUDITOR_ARTIFACTS", Path(__file__).resolve().parent / "artifacts"))
SCREENSHOT = ROOT / "docs" / "report.png"
PAYLOADS = ["<script>window.__pwned=1</script>", '"><img src=x onerror="window.__pwned=1">',
            '<svg onload="window.__pwned=1"></svg>', "{{ 7*7 }} {% raw %}"]
#: a finding in a card or text panel: its severity label and its rule's link
FINDINGS = ".//li[span[contains(@class, 'sev')]]"
#: the issue's aims at 10,000 pages
MAX_BYTES_10K = 20 * 1024 * 1024
FIRST_RENDER_AIM_10K = 2.0


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=300)


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory):
    """One real run on the samples (in two worker processes): the HTML report, its JSON twin and
    what extract reads."""
    folder = tmp_path_factory.mktemp("html")
    html, report = folder / "report.html", folder / "report.json"
    result = run("check", "samples/", "--jobs", "2", "--format", "html", "-o", str(html),
                 "--report", f"json={report}")
    assert result.returncode == 1, result.stderr  # the samples have errors
    assert "Traceback" not in result.stderr
    extracted = json.loads(run("extract", "samples/", "--format", "json").stdout)["documents"]
    return html, json.loads(report.read_text(encoding="utf-8")), extracted


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    html = tmp_path_factory.mktemp("hostile") / "report.html"
    result = run("check", str(HOSTILE), "--format", "html", "-o", str(html))
    assert result.returncode in (0, 1), result.stderr
    return html


def tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


# -- the markup ------------------------------------------------------------------------------------------

def test_html_is_a_registered_report_format():
    assert "html" in report_formats()


def test_report_is_self_contained_and_its_csp_allows_only_its_own_script_and_style(samples_report):
    html, _, _ = samples_report
    page = tree(html)
    scripts = page.xpath("//script")
    styles = page.xpath("//style")
    assert len(scripts) == 1 and not scripts[0].get("src")
    assert len(styles) == 1 and not page.xpath("//link")
    csp_meta = page.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert len(csp_meta) == 1
    head = page.xpath("/html/head/*")
    assert head[0].get("charset") == "utf-8" and head[1] is csp_meta[0]  # before anything it governs
    policy = dict((part.strip().split(" ", 1) + [""])[:2] for part in csp_meta[0].get("content").split(";"))
    assert policy["default-src"] == "'none'" and policy["base-uri"] == "'none'"

    def digest(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    raw = html.read_text(encoding="utf-8")
    script_text = raw.split("<script>", 1)[1].split("</script>", 1)[0]
    style_text = raw.split("<style>", 1)[1].split("</style>", 1)[0]
    assert policy["script-src"] == digest(script_text)
    assert policy["style-src"] == digest(style_text)
    assert "unsafe-inline" not in csp_meta[0].get("content")
    # nothing is fetched but the pictures: no stylesheet, font or script from elsewhere
    assert "@import" not in style_text and "url(" not in style_text
    assert {element.tag for element in page.xpath("//*[@src]")} <= {"img"}


def test_samples_report_has_a_card_per_figure_and_every_finding(samples_report):
    html, report, extracted = samples_report
    page = tree(html)
    sections = page.xpath("//main/section[@class='page']")
    assert [s.xpath("string(h2)") for s in sections] == [d["path"] for d in extracted]
    for number, (section, document) in enumerate(zip(sections, extracted, strict=True), start=1):
        cards = section.xpath(".//article")
        assert len(cards) == len(document["figures"]), document["path"]
        for index, (card, figure) in enumerate(zip(cards, document["figures"], strict=True), start=1):
            assert card.get("id") == f"p{number}f{index}"
            if figure["caption"]:
                assert " ".join(figure["caption"].split()) in card.text_content()
            chips = card.xpath(".//dd[@class='cr']/span[not(@class='flag')]")
            assert len(chips) == len((figure["credit"] or {}).get("sources", []))
            for chip, source in zip(chips, figure["credit"]["sources"] if figure["credit"] else [], strict=True):
                role = chip.xpath("string(b)")
                assert role and role.split()[0] in ("photographer", "agency", "distributor", "via", "unknown")
                assert (source["agency"] or source["name"]) in chip.text_content()  # canonical name
    for entry, section in zip(report["files"], sections, strict=True):
        shown = section.xpath(FINDINGS)
        assert len(shown) == len(entry["findings"]), entry["path"]
        for finding in entry["findings"]:
            where = (section.xpath(f".//article[@id='{section.get('id')}f{finding['figure']}']")[0]
                     if finding["figure"] else section.xpath(".//div[@class='txt']")[0])
            assert any(li.xpath("string(a)") == finding["rule"] and finding["message"] in li.text_content()
                       for li in where.xpath(FINDINGS)), finding
            assert page.xpath(f"//dt[@id='rule-{finding['rule']}']"), "the rule's explanation is one click away"
    german = sections[[d["path"] for d in extracted].index("samples/dw-de-hochwasser.html")]
    assert german.xpath(".//article//dd[@lang='de']"), "page text carries the page's language"
    totals = page.xpath("//ul[@class='sevs']")[0].text_content()
    assert f"{report['summary']['errors']} ✖ errors" in " ".join(totals.split())


def test_sign_off_marks_each_cited_agency_present_or_missing(samples_report):
    html, _, extracted = samples_report
    page = tree(html)
    number = [d["path"] for d in extracted].index("samples/defects-dw.html") + 1
    panel = page.xpath(f"//section[@id='p{number}']//div[@class='txt']")[0]
    marks = {chip.text.strip(): chip.xpath("string(b)") for chip in panel.xpath(".//p[@class='cited']/span")}
    assert marks == {"Reuters": "✘ missing from the sign-off", "AP": "✔ in the sign-off",
                     "AFP": "✔ in the sign-off"}
    assert panel.xpath(".//dd/q/mark")[0].text == "ab/cd (AP, AFP)"
    mention = panel.xpath(".//dd[b='Reuters']")[0]
    assert "Reuters" in mention.xpath("string(q/mark)") and mention.xpath("string(q)").startswith("…")


def test_hostile_page_is_shown_as_text(hostile_report):
    page = tree(hostile_report)
    assert len(page.xpath("//script")) == 1  # the report's own
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("src", "href"):
                assert not value.strip().lower().startswith(("javascript:", "data:text")), value
    assert [img.get("src") for img in page.xpath("//img")] == ["https://cdn.example.org/img/harbour-cranes-1600.jpg"]
    assert page.xpath("//svg") == []
    assert all(a.get("href").startswith("#rule-") or a.get("href") == "#top" for a in page.xpath("//main//a"))
    text = page.xpath("string(//main)")
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "49" not in text  # page text is never a template
    # the JSON-LD credit differs from the visible one: shown beside it, as text
    structured = page.xpath("//dd[@class='sd']")[0].text_content()
    assert '"><img src=x onerror="window.__pwned=1">/ANP' in structured
    assert "javascript:window.__pwned=1" not in "".join(a.get("href") for a in page.xpath("//a"))


@pytest.mark.parametrize(("src", "url", "expected"), [
    ("https://img.example/a.jpg", None, "https://img.example/a.jpg"),
    ("//img.example/a.jpg", None, "https://img.example/a.jpg"),
    ("/media/a.jpg", "https://news.example/world/story.html", "https://news.example/media/a.jpg"),
    ("a.jpg", "https://news.example/world/story.html", "https://news.example/world/a.jpg"),
    ("a.jpg", None, None),
    ("a.jpg", "javascript:alert(1)", None),
    ("JavaScript:alert(1)", "https://news.example/", None),
    ("file:///etc/passwd", None, None),
    ("data:image/gif;base64,R0lGODlhAQABAAAAACw=", None, "data:image/gif;base64,R0lGODlhAQABAAAAACw="),
    ("data:text/html,<script>alert(1)</script>", None, None),
    ("data:image/png;base64," + "A" * 10_000, None, None),
    ("", None, None),
])
def test_picture_addresses(src, url, expected):
    shown, note = picture_url(src, url)
    assert shown == expected
    assert bool(note) == (expected is None)


def test_excerpt_marks_the_words_in_their_sentence():
    from auditor.model import TextBlock

    blocks = [TextBlock("Intro.", 3), TextBlock("Police said the protest was peaceful, a police spokesman told AFP "
                                                "on Friday evening after the rally had ended peacefully in the "
                                                "square in front of the town hall.", 9)]
    before, match, after = excerpt(blocks, "AFP", 9)
    assert match == "AFP" and before.endswith("told ") and after.startswith(" on Friday")
    assert after.endswith("…") and len(before) <= 71
    assert excerpt(blocks, "Reuters", 9) is None


def test_a_page_the_report_cannot_show_becomes_a_finding(tmp_path):
    """A document that breaks the writer (a bug) costs that page's cards, not the report."""
    reports, ruleset = _checked([SAMPLES / "afp-aden.html", SAMPLES / "defects-dw.html"])
    reports[0].document.figures.append(object())  # not a Figure: the view cannot be built
    target = tmp_path / "report.html"
    _write(reports, ruleset, target)
    page = tree(target)
    first, second = page.xpath("//main/section")
    assert "the HTML report could not show this page (AttributeError" in first.text_content()
    assert first.xpath("article") == [] and len(second.xpath(".//article")) == 4
    assert page.xpath("//nav//table//a[.='input-unreadable']")  # counted in the overview's rules


def test_unreadable_pages_give_a_report_not_a_traceback(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02\xff" * 64)
    (tmp_path / "story.html").write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = run("check", str(tmp_path), "--format", "html", "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    page = tree(out)
    assert len(page.xpath("//section[@class='page']")) == 3
    assert len(page.xpath("//main//li[a='input-unreadable']")) == 2


def test_baseline_hides_findings_but_keeps_the_pictures(tmp_path):
    story = tmp_path / "story.html"
    story.write_bytes((SAMPLES / "defects-dw.html").read_bytes())
    assert run("baseline", str(story), "-o", str(tmp_path / "baseline.json")).returncode == 0
    out = tmp_path / "report.html"
    result = run("check", str(story), "--baseline", str(tmp_path / "baseline.json"), "--report", f"html={out}")
    assert result.returncode == 0, result.stderr
    page = tree(out)
    assert len(page.xpath("//main//article")) == 4
    assert page.xpath("//main" + FINDINGS[1:]) == []


def test_readme_shows_the_samples_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## HTML report for editors" in readme
    assert "](https://raw.githubusercontent.com/auditor-news/auditor/main/docs/report.png)" in readme
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1000 and height >= 800
    assert "auditor check samples/ --format html -o report.html" in readme


# -- in the browser --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    executable, reason = find_chromium()
    if executable is None:
        pytest.skip(reason)
    try:
        instance = Browser(executable)
    except Exception as exc:  # noqa: BLE001 - a browser that cannot start here is a skip, not a failure
        pytest.skip(f"Chromium did not start: {exc}")
    with instance:
        yield instance


def open_report(browser, path: Path, wait: bool = True) -> None:
    """Load a report and wait until its script is done (a packed report unpacks its pages first)."""
    browser.open(path)
    if wait:
        wait_until_ready(browser)


def wait_until_ready(browser) -> None:
    browser.evaluate("""new Promise((done, fail) => { const start = Date.now(); (function wait() {
        if (document.documentElement.hasAttribute('data-ready')) done(true);
        else if (Date.now() - start > 120000) fail(new Error('the report never became ready'));
        else setTimeout(wait, 20); })(); })""")


def visible(browser, selector: str) -> int:
    return browser.evaluate(f"Array.from(document.querySelectorAll({json.dumps(selector)}))"
                            ".filter(e => e.getClientRects().length > 0).length")


def choose(browser, control: str, value: str) -> None:
    """Set a filter as a user would, and apply it (text fields apply on Enter, i.e. submit)."""
    browser.evaluate(f"""(() => {{ const c = document.getElementById({json.dumps(control)});
        c.value = {json.dumps(value)}; c.dispatchEvent(new Event('change'));
        document.getElementById('filters').requestSubmit(); }})()""")


def test_browser_shows_a_card_per_figure_and_the_filters_work(browser, samples_report):
    html, report, extracted = samples_report
    open_report(browser, html)
    assert browser.evaluate("document.documentElement.hasAttribute('data-ready')"), "the report's script ran"
    figures = sum(len(d["figures"]) for d in extracted)
    assert visible(browser, "main article") == figures
    assert visible(browser, "section.page") == len(extracted)
    assert visible(browser, "#filters") == 1
    status = browser.evaluate("document.getElementById('f-status').textContent")
    assert status == f"Showing all {len(extracted)} pages and {figures} pictures."

    with_errors = {(f["path"], x["figure"]) for f in report["files"] for x in f["findings"] if x["severity"] == "error"}
    choose(browser, "f-sev", "error")
    assert visible(browser, "main article") == len({k for k in with_errors if k[1]})
    assert visible(browser, "section.page") == len({path for path, _ in with_errors})
    assert visible(browser, "main li") < sum(len(f["findings"]) for f in report["files"])

    choose(browser, "f-sev", "")
    choose(browser, "f-rule", "agency-alias")
    alias = {(f["path"], x["figure"]) for f in report["files"] for x in f["findings"] if x["rule"] == "agency-alias"}
    assert visible(browser, "main article") == len(alias)

    choose(browser, "f-rule", "")
    choose(browser, "f-agency", "Getty Images")
    getty = sum("Getty Images" in [s["agency"] for s in (fig["credit"] or {}).get("sources", [])]
                for d in extracted for fig in d["figures"])
    assert getty and visible(browser, "main article") == getty

    choose(browser, "f-agency", "")
    choose(browser, "f-q", "JERRYCANS")  # case-insensitive, over captions and credits
    assert visible(browser, "main article") == 1
    assert "Showing 1 of 17 pages and 1 of" in browser.evaluate("document.getElementById('f-status').textContent")

    choose(browser, "f-q", "")
    choose(browser, "f-file", "defects")
    assert visible(browser, "section.page") == 2
    browser.evaluate("document.getElementById('filters').reset()")
    time.sleep(0.2)
    assert visible(browser, "main article") == figures


def test_browser_runs_no_script_from_a_hostile_page(browser, hostile_report):
    open_report(browser, hostile_report)
    # every picture scrolled into view, every element hovered: payloads would have had their chance
    browser.evaluate("""new Promise(done => { document.querySelectorAll('*').forEach(e => {
        e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });
        window.scrollTo(0, document.body.scrollHeight); setTimeout(done, 500); })""")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.documentElement.hasAttribute('data-ready')")
    text = browser.evaluate("document.querySelector('main').innerText")
    for payload in PAYLOADS:
        assert payload in text, payload
    assert browser.evaluate("document.querySelectorAll('main img').length") == 1
    assert browser.evaluate("document.querySelectorAll('script').length") == 1


def test_browser_without_javascript_lists_every_page(browser, samples_report):
    html, _, extracted = samples_report
    try:
        browser.open(html, javascript=False)
        assert visible(browser, "#filters") == 0  # no controls that cannot work
        assert visible(browser, "section.page") == len(extracted)
        assert visible(browser, "main article") == sum(len(d["figures"]) for d in extracted)
        assert browser.evaluate("document.documentElement.hasAttribute('data-ready')") is False
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", value=False)


def test_browser_keyboard_reaches_the_filters_and_changes_them(browser, samples_report):
    html, _, _ = samples_report
    open_report(browser, html)
    browser.key("Tab", key_code=9)
    assert browser.evaluate("document.activeElement.className") == "skip"
    seen = []
    for _ in range(200):
        browser.key("Tab", key_code=9)
        seen.append(browser.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if seen[-1] == "f-sev":
            break
    assert seen[-1] == "f-sev", seen
    browser.key("ArrowDown", key_code=40)
    assert browser.evaluate("document.getElementById('f-sev').value") == "error"
    assert "Showing 2 of 17 pages" in browser.evaluate("document.getElementById('f-status').textContent")
    for control in ("f-rule", "f-agency", "f-file", "f-q"):
        browser.key("Tab", key_code=9)
        assert browser.evaluate("document.activeElement.id") == control
    browser.evaluate("document.getElementById('filters').reset()")


def test_browser_text_meets_wcag_aa_contrast(browser, samples_report, hostile_report):
    """Every element that shows text, against the background it stands on: 4.5:1 (3:1 for large text)."""
    script = """(() => {
      const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 :
                                   Math.pow((v + 0.055) / 1.055, 2.4); })
                                 .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                                   if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
      const failures = []; let checked = 0;
      for (const e of document.body.querySelectorAll('*')) {
        if (!e.getClientRects().length || !Array.from(e.childNodes).some(n => n.nodeType === 3 && n.data.trim())) continue;
        const style = getComputedStyle(e); const a = lum(rgb(style.color)), b = lum(background(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
        const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5; checked++;
        if (ratio < need) failures.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2));
      }
      return {checked, failures: Array.from(new Set(failures))};
    })()"""
    for report in (samples_report[0], hostile_report):
        open_report(browser, report)
        browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        result = browser.evaluate(script)
        assert result["checked"] > 100 and result["failures"] == []


def test_browser_screenshot_of_the_samples_report(browser, samples_report):
    """A picture of the report on the samples, kept as a test artifact (not compared with anything);
    AUDITOR_UPDATE_SCREENSHOT=1 also writes it to docs/report.png for the README."""
    html, _, _ = samples_report
    browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=1500, deviceScaleFactor=1, mobile=False)
    open_report(browser, html)
    choose(browser, "f-sev", "error")  # the filter bar in use: the pages with errors
    browser.evaluate("window.scrollTo(0, 0)")
    time.sleep(0.3)
    target = ARTIFACTS / "report-samples.png"
    browser.screenshot(target, width=1280, height=1500)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1280, 1500)
    print(f"\nscreenshot: {target} ({len(data):,} bytes)")
    if os.environ.get("AUDITOR_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(data)
    choose(browser, "f-sev", "")


def _checked(paths):
    """The reports ``auditor check`` gives these pages, with their documents, and the rule set."""
    from auditor.api import build_ruleset
    from auditor.rules import Engine
    from auditor.runner import check_file

    ruleset = build_ruleset()
    engine = Engine(ruleset)
    return [check_file(engine, ruleset, str(path), 20 * 1024 * 1024, keep_document=True) for path in paths], ruleset


def _write(reports, ruleset, target: Path, **options) -> None:
    """What ``auditor check --format html`` writes for these reports."""
    summary = Summary()
    with open(target, "w", encoding="utf-8") as stream:
        writer = HtmlWriter(stream, ruleset=ruleset, **options)
        writer.begin()
        for report in reports:
            summary.add(report)
            writer.file(report)
        writer.end(summary)


@pytest.fixture(scope="module")
def packed_report(tmp_path_factory):
    """The samples and the hostile page, packed as a report of thousands of pages is (in parts of 5)."""
    reports, ruleset = _checked([*sorted(SAMPLES.glob("*.html")), HOSTILE])
    target = tmp_path_factory.mktemp("packed") / "report.html"
    _write(reports, ruleset, target, inline_pages=0, pack_pages=5)
    return target, reports


def test_packed_report_keeps_its_pages_inert_and_lists_them_without_javascript(packed_report):
    target, reports = packed_report
    page = tree(target)
    assert page.xpath("//main/section") == [] and len(page.xpath("//template[@class='pack']")) == 4
    assert len(page.xpath("//script")) == 1
    raw = target.read_text(encoding="utf-8")
    assert raw.count("<script") == 1 and 'onerror="' not in raw and "<svg" not in raw
    plain = lxml.html.fromstring(raw.split("<noscript>", 2)[2].split("</noscript>", 1)[0])
    assert len(plain.xpath("//ul[@class='plain']/li")) == len(reports)
    assert len(plain.xpath("//li/a")) == sum(len(r.findings) for r in reports)


def test_browser_unpacks_a_packed_report(browser, packed_report):
    target, reports = packed_report
    open_report(browser, target, wait=False)
    # filters set while the parts are unpacked apply to the parts that come after
    browser.evaluate("new Promise(done => { (function wait() { if (document.querySelector('main section')) done(); "
                     "else setTimeout(wait, 5); })(); })")
    choose(browser, "f-sev", "error")
    wait_until_ready(browser)
    errors = {(r.path, f.figure) for r in reports for f in r.findings if f.severity == "error" and f.figure}
    assert visible(browser, "main article") == len(errors)
    choose(browser, "f-sev", "")
    figures = sum(len(r.document.figures) for r in reports)
    assert visible(browser, "main section.page") == len(reports)
    assert visible(browser, "main article") == figures
    assert browser.evaluate("document.querySelectorAll('template').length") == 0
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    text = browser.evaluate("document.querySelector('main').textContent")
    assert all(payload in text for payload in PAYLOADS)
    choose(browser, "f-sev", "error")
    errors = {(r.path, f.figure) for r in reports for f in r.findings if f.severity == "error" and f.figure}
    assert visible(browser, "main article") == len(errors)
    choose(browser, "f-sev", "")


def test_browser_shows_the_plain_list_of_a_packed_report_without_javascript(browser, packed_report):
    target, reports = packed_report
    try:
        browser.open(target, javascript=False)
        assert visible(browser, "#filters") == 0
        assert visible(browser, "main ul.plain > li") == len(reports)
        assert visible(browser, "main ul.plain li li") == sum(len(r.findings) for r in reports)
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", value=False)


@pytest.fixture(scope="module")
def corpus_report(corpus, tmp_path_factory):
    """The HTML report of every page of the shared corpora (skipped without ../shared)."""
    from corpus_eval import WILD

    pages = sorted(corpus.glob("*.html")) + (sorted(WILD.glob("*.html")) if WILD.is_dir() else [])
    reports, ruleset = _checked(pages)
    target = tmp_path_factory.mktemp("corpus") / "report.html"
    _write(reports, ruleset, target)
    return target, reports


def test_corpus_report_shows_every_page_and_figure(corpus_report):
    target, reports = corpus_report
    page = tree(target)
    sections = page.xpath("//main/section")
    assert len(sections) == len(reports) >= 150
    for section, report in zip(sections, reports, strict=True):
        figures = len(report.document.figures) if report.document is not None else 0
        assert len(section.xpath("div[@class='figs']/article")) == figures, report.path
        assert len(section.xpath(FINDINGS)) == len(report.findings), report.path
    assert len(page.xpath("//script")) == 1
    assert all(img.get("src").startswith(("https:", "http:", "data:image/")) for img in page.xpath("//img"))


def test_browser_corpus_report_runs_nothing_from_the_pages(browser, corpus_report):
    """Real pages hold scripts, event handlers and odd markup in their captions and credits: in the
    report they stay text."""
    target, reports = corpus_report
    open_report(browser, target)
    found = browser.evaluate("""(() => ({
        scripts: document.scripts.length,
        handlers: Array.from(document.querySelectorAll('*')).filter(e =>
            Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length,
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
            .filter(h => !/^(#|https?:)/.test(h)).length,
        frames: document.querySelectorAll('iframe, object, embed, form:not(#filters), svg, math').length,
        pages: document.querySelectorAll('main section.page').length}))()""")
    assert found == {"scripts": 1, "handlers": 0, "links": 0, "frames": 0, "pages": len(reports)}


def _many_pages(count: int, target: Path) -> None:
    """A report of ``count`` pages, cycled from the samples' documents and findings through the same
    writer the command line uses (checking 10,000 files would measure the checks, not the report)."""
    reports, ruleset = _checked(sorted(SAMPLES.glob("*.html")))
    summary = Summary()
    with open(target, "w", encoding="utf-8") as stream:
        writer = HtmlWriter(stream, ruleset=ruleset)
        writer.begin()
        for number in range(count):
            template = reports[number % len(reports)]
            report = type(template)(f"desk-{number // 100:03}/story-{number:05}.html", template.findings,
                                    document=template.document)
            summary.add(report)
            writer.file(report)
        writer.end(summary)


@pytest.mark.parametrize("count", [1000, 10_000])
def test_browser_size_and_first_render_at_scale(browser, tmp_path, count, record_property):
    target = tmp_path / f"report-{count}.html"
    started = time.perf_counter()
    _many_pages(count, target)
    written = time.perf_counter() - started
    size = target.stat().st_size
    browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
    started = time.perf_counter()
    open_report(browser, target)
    loaded = time.perf_counter() - started
    timings = browser.evaluate("""(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const ready = performance.getEntriesByName('auditor-ready')[0];
        const interactive = performance.getEntriesByName('auditor-interactive')[0];
        const t = performance.now(); const c = document.getElementById('f-sev');
        c.value = 'error'; c.dispatchEvent(new Event('change'));
        const filter = performance.now() - t; c.value = ''; c.dispatchEvent(new Event('change'));
        return {fcp: paint ? paint.startTime : null, ready: ready ? ready.startTime : null, filter,
                interactive: interactive ? interactive.startTime : null,
                cards: document.querySelectorAll('main article').length};
    })()""")
    line = (f"HTML report, {count:,} pages: {size / 1024 / 1024:.1f} MB, written in {written:.1f} s; "
            f"first contentful paint {timings['fcp'] / 1000:.2f} s, filters usable {timings['interactive'] / 1000:.2f} s, "
            f"every card shown {timings['ready'] / 1000:.2f} s (wall clock {loaded:.2f} s), "
            f"one filter change {timings['filter']:.0f} ms "
            f"({timings['cards']:,} picture cards)")
    print("\n" + line)
    record_property(f"html_report_{count}", line)
    assert timings["cards"] > count  # the samples average more than one picture a page
    assert timings["fcp"] is not None
    if count == 10_000:
        assert size <= MAX_BYTES_10K, line
        # the aim is 2 s; a loaded CI machine gets slack, the log says what was measured
        assert timings["fcp"] / 1000 <= FIRST_RENDER_AIM_10K * 3, line
