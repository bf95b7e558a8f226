"""Site profiles: loading (strict, positioned errors, bounded selectors), matching, applying, shipped
profiles on real pages, config and CLI."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from auditor.api import build_ruleset, check_html, extract_file, extract_html
from auditor.config import load_config
from auditor.sites import SiteProfiles, compile_selector, load_site_file, shipped_profiles
from auditor.yamlio import DataFileError

ROOT = Path(__file__).resolve().parent.parent

# A CMS nobody has seen: hashed class names, the credit in a data- attribute, the caption two
# elements away from the picture, a promo box that looks like a figure, the sign-off in a <div>.
UNUSUAL = """<!doctype html><html><head><link rel="canonical" href="https://news.example.org/2026/story-1">
<meta name="generator" content="QuillCMS 4.2"></head><body>
<div class="x9f"><div class="k2"><h1 class="q7">Harbour bridge to close for two years</h1></div>
<div class="a1b2">
  <div class="zz81" data-c="Jane Doe/AFP"><div class="w0"><img src="/media/bridge-1200.jpg" alt=""></div></div>
  <div class="n3"></div>
  <div class="t55">The old harbour bridge at dawn on Monday.</div>
  <p class="p0">The council voted on Monday to close the old harbour bridge to lorries from March, officials said.</p>
  <div class="zz81" data-c="Max Muster/dpa"><div class="w0"><img src="/media/ferry-1200.jpg" alt=""></div></div>
  <div class="n3"></div>
  <div class="t55">A ferry will carry cars while the bridge is closed.</div>
  <p class="p0">Engineers found cracks in two of the piers last year, according to a report published this week.</p>
  <div class="pr9"><a href="/subscribe"><img src="/media/promo-subscribe.jpg" alt="Subscribe"></a>
    <div class="t55">Subscribe today and read every story about the harbour</div></div>
  <p class="p0">Work starts in spring and will take two years to finish, the council said in a statement.</p>
  <div class="s4">(mit Material von dpa)</div>
</div></div></body></html>"""

PROFILE = """\
version: 1
profiles:
  - name: quill
    match: {hosts: [example.org], present: 'meta[name=generator][content^="QuillCMS"]'}
    figure: div.zz81
    caption: "xpath:./following-sibling::div[2]"
    credit: "@data-c"
    ignore: div.pr9
    signoff: div.s4
"""


@pytest.fixture()
def quill(tmp_path) -> SiteProfiles:
    path = tmp_path / "quill.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return load_site_file(path)


def test_a_short_profile_reads_unusual_markup_right(quill):
    generic = extract_html(UNUSUAL, "story.html")
    assert [(f.caption, f.credit.text if f.credit else None) for f in generic.figures] != [
        ("The old harbour bridge at dawn on Monday.", "Jane Doe/AFP"),
        ("A ferry will carry cars while the bridge is closed.", "Max Muster/dpa")]
    document = extract_html(UNUSUAL, "story.html", sites=quill, why=True)
    assert document.profile == "quill"
    assert [(f.caption, f.credit.text, f.src) for f in document.figures] == [
        ("The old harbour bridge at dawn on Monday.", "Jane Doe/AFP", "https://news.example.org/media/bridge-1200.jpg"),
        ("A ferry will carry cars while the bridge is closed.", "Max Muster/dpa",
         "https://news.example.org/media/ferry-1200.jpg")]
    assert [s.agency for s in document.figures[1].credit.sources] == [None, "dpa"]
    assert document.signoff.text == "(mit Material von dpa)" and document.signoff.agencies == ["dpa"]
    taken = [d for d in document.decisions if d.taken]
    assert "caption from site profile quill: caption 'xpath:./following-sibling::div[2]'" in taken[0].details
    assert "site profile quill: figure 'div.zz81'" in taken[0].details
    left = [d for d in document.decisions if not d.taken]
    assert any("not a figure unit of site profile quill" in d.reason for d in left)


def test_a_profile_applies_only_where_it_matches(quill):
    other_host = UNUSUAL.replace("news.example.org", "news.example.com")
    assert extract_html(other_host, "story.html", sites=quill).profile is None
    other_cms = UNUSUAL.replace("QuillCMS", "OtherCMS")
    assert extract_html(other_cms, "story.html", sites=quill).profile is None
    no_url = UNUSUAL.replace('<link rel="canonical" href="https://news.example.org/2026/story-1">', "")
    assert extract_html(no_url, "draft.html", sites=quill).profile is None
    # a local draft: --url says where it will be published
    assert extract_html(no_url, "draft.html", sites=quill, url="https://www.example.org/x").profile == "quill"


def test_profile_paths_are_globs(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("version: 1\nprofiles:\n  - name: p\n    match: {hosts: [example.org], paths: ['/2026/*']}\n"
                    "    figure: div.zz81\n", encoding="utf-8")
    profiles = load_site_file(path)
    assert extract_html(UNUSUAL, "s.html", sites=profiles).profile == "p"
    moved = UNUSUAL.replace("/2026/story-1", "/archive/story-1")
    assert extract_html(moved, "s.html", sites=profiles).profile is None


@pytest.mark.parametrize("body, message", [
    ("  - name: a\n    figure: 'div[[x'\n", "invalid CSS selector 'div[[x'"),
    ("  - name: a\n    figure: '//div[@class='\n", "invalid XPath"),
    ("  - name: a\n    figur: div.x\n", "unknown key 'figur' in profiles[0] (did you mean 'figure'?)"),
    ("  - name: a\n    credit_prefix: '(a+)+$'\n", "takes too long"),
    ("  - name: a\n    figure: \"xpath://*[count(//*[count(//*) > 1]) > 1]\"\n", "took"),
])
def test_bad_profiles_are_refused_with_file_line_and_column(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nprofiles:\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_site_file(path)
    text = str(caught.value)
    assert message in text
    assert text.startswith(f"{path}:")
    assert caught.value.line is not None


def test_selectors_read_attributes_and_text_nodes():
    selector = compile_selector("@data-c", relative=True)
    from lxml import etree

    node = etree.fromstring('<div data-c="Jane Doe/AFP"><p>x</p></div>')
    assert selector(node) == ["Jane Doe/AFP"]


def test_config_sites_inline_and_from_files(tmp_path):
    (tmp_path / "quill.yaml").write_text(PROFILE, encoding="utf-8")
    config = tmp_path / ".auditor.yaml"
    config.write_text(textwrap.dedent("""\
        sites:
          - quill.yaml
          - name: inline
            match: {hosts: [example.net]}
            figure: figure.pic
        """), encoding="utf-8")
    loaded = load_config(config)
    assert [p.name for p in loaded.sites.profiles] == ["quill", "inline"]
    ruleset = build_ruleset(config=loaded)
    assert [p.name for p in ruleset.sites.profiles][:2] == ["quill", "inline"]
    assert len(ruleset.sites) == 2 + len(shipped_profiles())
    report = check_html(UNUSUAL, "story.html", ruleset=ruleset)
    assert not [f for f in report.findings if f.rule in ("credit-missing", "caption-missing")]


def test_config_inline_profile_errors_point_into_the_config(tmp_path):
    config = tmp_path / ".auditor.yaml"
    config.write_text("sites:\n  - name: inline\n    figure: figure.pic\n    captoin: p\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}:4:")
    assert "did you mean 'caption'" in str(caught.value)


def test_site_profiles_can_be_switched_off(tmp_path):
    config = tmp_path / ".auditor.yaml"
    config.write_text("site_profiles: false\n", encoding="utf-8")
    assert len(build_ruleset(config=str(config)).sites) == 0
    assert len(build_ruleset(site_profiles=False).sites) == 0


def test_cli_why_names_the_profile_and_no_site_profiles_turns_it_off(tmp_path):
    (tmp_path / "story.html").write_text(UNUSUAL, encoding="utf-8")
    (tmp_path / "quill.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / ".auditor.yaml").write_text("sites: [quill.yaml]\n", encoding="utf-8")
    run = [sys.executable, "-m", "auditor", "extract", "--why", "story.html"]
    out = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert "site profile quill" in out and "caption from site profile quill" in out
    off = subprocess.run(run + ["--no-site-profiles"], cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout
    assert "site profile quill" not in off


def test_cli_bad_profile_exits_2_naming_it(tmp_path):
    (tmp_path / "story.html").write_text(UNUSUAL, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("version: 1\nprofiles:\n  - name: b\n    figure: 'div[[x'\n", encoding="utf-8")
    (tmp_path / ".auditor.yaml").write_text("sites: [bad.yaml]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor", "check", "story.html"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "bad.yaml:4:" in result.stderr and "div[[x" in result.stderr
    assert "Traceback" not in result.stderr


# -- shipped profiles on real pages and samples ---------------------------------------------------

SHIPPED_CASES = [
    # (page, profile, [(caption start, credit)] of the first figures, sign-off start or None)
    ("samples/dw-en-north-korea.html", "dw",
     [("State media released images", "Korean Central News Agency/Korea News Service/AP/picture alliance"),
      ("People in Seoul watch", "Jung Yeon-je/AFP/Getty Images")], "zc/wd (AP, AFP, Reuters)"),
    ("samples/ap-wildfire.html", "ap", [("Smoke rises from a wildfire", "AP Photo/Jane Doe")], "Associated Press"),
    ("real/dw-1.html", "dw-legacy",
     [("A new street sign reads Maji-Maji-Allee", "Tahir Della"),
      ("Tahir Della helped organize Berlin's new initiative", "picture-alliance/dpa/L. Schwedes"),
      ("Petersallee is to be renamed", "imago/UIG")], None),
    ("real/ap-1.html", "ap-hosted", [("FILE - In this Monday, Oct. 28, 2019", "Patrick Semansky, ASSOCIATED PRESS")],
     "Associated Press writers"),
    ("real/reuters-2.html", "reuters", [("FILE PHOTO: Traders work on the floor", "REUTERS/Brendan McDermid")],
     "Reporting by Rodrigo Campos"),
    ("real/theguardian-1.html", "guardian",
     [("Striking members of the UCU and other unions", "Guy Smallman/Getty Images")], None),
    ("real/bbc-2.html", "bbc", [(None, "Getty Images"), ("Scooter Braun has managed", "Getty Images")], None),
]


@pytest.mark.parametrize("page, name, figures, signoff", SHIPPED_CASES, ids=[c[1] for c in SHIPPED_CASES])
def test_shipped_profile_reads_a_real_page(page, name, figures, signoff, corpus):
    path = ROOT / page if page.startswith("samples/") else corpus.parent / page
    ruleset = build_ruleset()
    document = extract_file(str(path), ruleset.registry, sites=ruleset.sites)
    assert document.profile == name
    got = [(f.caption, f.credit.text if f.credit else None) for f in document.figures]
    for (caption, credit), (got_caption, got_credit) in zip(figures, got, strict=False):
        assert (got_caption or "").startswith(caption or ""), got
        assert got_credit == credit
    assert len(got) >= len(figures)
    got_signoff = document.signoff.text if document.signoff else None
    if signoff is None:
        assert got_signoff is None
    else:
        assert got_signoff is not None and got_signoff.startswith(signoff), got_signoff


def test_every_shipped_profile_has_a_real_page_test():
    assert {p.name for p in shipped_profiles().profiles} == {c[1] for c in SHIPPED_CASES}


def test_profile_suggest_writes_a_draft_that_loads_and_reads_the_pages(tmp_path):
    pages = [ROOT / "samples" / name for name in ("dw-en-north-korea.html", "dw-de-hochwasser.html",
                                                  "defects-dw.html")]
    out = tmp_path / "draft.yaml"
    result = subprocess.run([sys.executable, "-m", "auditor", "profile", "suggest", *map(str, pages),
                             "--output", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# A DRAFT")
    assert "figure: 'figure.placeholder-image'" in text and "credit: 'span.credit'" in text
    draft = load_site_file(out)
    document = extract_file(str(pages[0]), sites=draft)
    assert document.profile == draft.profiles[0].name
    assert [f.credit.text for f in document.figures] == [
        "Korean Central News Agency/Korea News Service/AP/picture alliance", "Jung Yeon-je/AFP/Getty Images"]


def test_profile_suggest_without_pages_exits_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "auditor", "profile", "suggest", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "no readable HTML page" in result.stderr


def test_shipped_profiles_pass_the_checks_a_users_profile_gets():
    from auditor.resources import rules_dir

    for path in sorted((rules_dir() / "sites").glob("*.yaml")):
        assert len(load_site_file(path)) >= 1  # timed like any profile: every selector is cheap
