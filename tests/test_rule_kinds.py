"""Each rule kind, firing and not firing, through small house packs written for the test."""

from __future__ import annotations

import textwrap

import pytest

from auditor.api import build_ruleset, check_html
from auditor.rules.examples import example_page


def pack(tmp_path, rules: str, settings: str = "") -> str:
    settings_block = textwrap.indent(textwrap.dedent(settings) or "signoff_required: false\n", "  ")
    path = tmp_path / "house.yaml"
    path.write_text("name: house\nsettings:\n" + settings_block + "rules:\n"
                    + textwrap.indent(textwrap.dedent(rules), "  "))
    return str(path)


def fired(tmp_path, rules, snippet, settings="", rule_id=None):
    ruleset = build_ruleset([pack(tmp_path, rules, settings)])
    report = check_html(example_page(snippet), ruleset=ruleset)
    return [f for f in report.findings if rule_id is None or f.rule == rule_id]


FIG = "<figure><img src='{src}' alt='x'><figcaption>{caption} <span class='credit'>{credit}</span></figcaption></figure>"


def fig(caption="The harbour bridge.", credit="Photo: Jane Doe/AFP", src="a.jpg"):
    return FIG.format(caption=caption, credit=credit, src=src)


def test_required(tmp_path):
    rules = """\
        - id: need-credit
          kind: required
          field: figure.credit
          message: "image {figure} needs a credit"
        """
    found = fired(tmp_path, rules, "<figure><img src='a.jpg' alt='x'><figcaption>Bridge.</figcaption></figure>")
    assert [(f.rule, f.message, f.figure) for f in found] == [("need-credit", "image 1 needs a credit", 1)]
    assert fired(tmp_path, rules, fig()) == []


def test_required_when_conditions(tmp_path):
    rules = """\
        - id: need-signoff
          kind: required
          field: signoff
          when: [wire-copy, "setting:signoff_required"]
          severity: error
        """
    text = "<p>The talks failed, the dpa news agency reported on Monday evening from Brussels.</p>"
    assert fired(tmp_path, rules, text, settings="signoff_required: true\nwire_suppliers: [dpa]\n")
    assert not fired(tmp_path, rules, text, settings="signoff_required: false\nwire_suppliers: [dpa]\n")
    assert not fired(tmp_path, rules, text + "<p>ab/cd (dpa)</p>",
                     settings="signoff_required: true\nwire_suppliers: [dpa]\n")


@pytest.mark.parametrize("kind, fires_on, passes_on", [
    ("pattern", "Photo: jane doe/AFP", "Photo: Jane Doe/AFP"),
    ("forbidden", "Photo: Jane Doe/AFP/AFP", "Photo: Jane Doe/AFP"),
])
def test_pattern_and_forbidden(tmp_path, kind, fires_on, passes_on):
    pattern = "^[A-Z]" if kind == "pattern" else "(AFP).*\\\\1"
    rules = f"""\
        - id: style
          kind: {kind}
          field: figure.credit
          pattern: "{pattern}"
          message: "bad credit {{value}}"
        """
    assert [f.message for f in fired(tmp_path, rules, fig(credit=fires_on))] == \
        [f"bad credit {fires_on.split(': ', 1)[1]}"]
    assert not fired(tmp_path, rules, fig(credit=passes_on))


def test_vocabulary(tmp_path):
    rules = """\
        - id: names
          kind: vocabulary
        """
    found = fired(tmp_path, rules, fig(credit="Foto: DPA/Picture-Alliance"))
    assert [f.fix for f in found] == ["write 'dpa' instead of 'DPA'",
                                      "write 'picture alliance' instead of 'Picture-Alliance'"]
    for credit in ("Foto: dpa/picture alliance", "REUTERS/Jane Doe", "(AP Photo/Jane Doe)",
                   "Image: Korean Central News Agency/AP"):
        assert not fired(tmp_path, rules, fig(credit=credit)), credit
    strict = rules + "  strict: true\n"
    assert fired(tmp_path, strict, fig(credit="Photo: Jane Doe/Associated Press"))


def test_consistency(tmp_path):
    rules = """\
        - id: same
          kind: consistency
        """
    page = fig(credit="Foto: A B/dpa") + fig("Two.", "Foto: C D/dpa", "b.jpg") + fig("Three.", "Bild: E F/DPA", "c.jpg")
    found = fired(tmp_path, rules, page)
    assert {f.figure for f in found} == {3}
    # the prefix only: "dpa" is canonical, so "DPA" is agency-alias's to report, not a style question
    assert [f.fix for f in found] == ["use foto: as the other credits do"]
    assert not fired(tmp_path, rules, fig(credit="Foto: A B/dpa") + fig("Two.", "Foto: C D/dpa", "b.jpg"))
    # two non-canonical spellings: the majority is the style
    page = fig(credit="Foto: A B/Picture-Alliance") + fig("Two.", "Foto: C D/Picture-Alliance", "b.jpg") + \
        fig("Three.", "Foto: E F/PICTURE-ALLIANCE", "c.jpg")
    assert [f.figure for f in fired(tmp_path, rules, page)] == [3]


@pytest.mark.parametrize("credits", [
    # different kinds of picture are not inconsistent (issue 9)
    ["Photo: A B/AP", "Photo: C D/AP", "Illustration: E F", "Video: G H/Reuters", "Grafik: I J/dpa"],
    # no majority, no advice: a German page's "Foto:" against one English "Photo by"
    ["Foto: A B", "Photo by C D"],
    # a prefix over two pictures
    ["Foto: A B/dpa", "Foto: C D/dpa", "Fotos: E F/dpa"],
    # an illustrative or an archive picture, said so on purpose
    ["Foto: A B/dpa", "Foto: C D/dpa", "Symbolbild: E F/dpa", "Archivfoto: G H/dpa"],
])
def test_consistency_leaves_legitimate_differences_alone(tmp_path, credits):
    rules = "- id: same\n  kind: consistency\n"
    page = "".join(fig(f"Picture {n}.", credit, f"p{n}.jpg") for n, credit in enumerate(credits))
    assert not fired(tmp_path, rules, page)


SIGNOFF_RULES = """\
    - id: xref
      kind: crossref
      relation: {relation}
      message: "{{agency}}"
    """


@pytest.mark.parametrize("relation, snippet, expected", [
    ("mentions-in-signoff", "<p>The missiles flew far, reported Reuters news agency on Sunday.</p><p>zc/wd (AP, AFP)</p>",
     ["Reuters"]),
    ("mentions-in-signoff", "<p>The missiles flew far, reported Reuters news agency on Sunday.</p><p>zc/wd (AP, Reuters)</p>",
     []),
    ("mentions-in-signoff", "<p>They were launched, the state-run Korean Central News Agency said.</p><p>zc/wd (AP)</p>",
     []),
    ("dateline-in-signoff", "<p>Berlin (AFP) - Die Gespräche wurden am Montag ohne Ergebnis vertagt.</p><p>(mit Material von dpa)</p>",
     ["AFP"]),
    ("signoff-in-text", "<p>The missiles flew far, reported Reuters news agency on Sunday.</p><p>zc/wd (Reuters, dpa)</p>",
     ["dpa"]),
    # one agency in the sign-off: the story may be its copy alone
    ("signoff-in-text", "<p>The missiles flew far, the ministry said on Sunday.</p><p>zc/wd (dpa)</p>", []),
])
def test_crossref_signoff(tmp_path, relation, snippet, expected):
    found = fired(tmp_path, SIGNOFF_RULES.format(relation=relation), snippet,
                  settings="wire_suppliers: [AP, AFP, Reuters, dpa]\n")
    assert [f.message for f in found] == expected


def test_crossref_signoff_finding_is_at_the_signoff_line(tmp_path):
    snippet = "<p>The missiles flew far,\nreported Reuters news agency.</p>\n<p>zc/wd (AP, AFP)</p>"
    found = fired(tmp_path, SIGNOFF_RULES.format(relation="mentions-in-signoff"), snippet,
                  settings="wire_suppliers: [Reuters]\n")
    assert found[0].line == 3


def test_crossref_structured(tmp_path):
    rules = SIGNOFF_RULES.format(relation="credit-matches-structured")
    ld = ('<script type="application/ld+json">{{"@type": "ImageObject", "url": "https://x.test/a.jpg", '
          '"creditText": "{credit}"}}</script>')
    page = ld + fig(credit="Photo: Jane Doe/AFP", src="https://x.test/a.jpg")
    assert fired(tmp_path, rules, page.format(credit="Jane Doe/Reuters"))
    assert not fired(tmp_path, rules, page.format(credit="Jane Doe/AFP"))


def test_relevance(tmp_path):
    rules = """\
        - id: match
          kind: relevance
          message: "{names}"
        """
    story = ("<p>The coalition agreed the budget after talks in Berlin, Chancellor Maria Berger said. Spending on "
             "schools and railways rises by four percent next year, while the defence budget stays where it was. "
             "The opposition called the plan timid and will vote against it.</p>")
    assert [f.message for f in fired(tmp_path, rules, story + fig("Finance Minister Karl Obermann spoke."))] == \
        ["Karl Obermann"]
    for caption in ("Chancellor Maria Berger's office in Berlin.", "Berger spoke in Berlin.",
                    "Chancellor Berger arrives for the talks.", "FILE PHOTO: The chancellery at night."):
        assert not fired(tmp_path, rules, story + fig(caption)), caption


def test_relevance_maker_linked_to_its_own_site_is_credited(tmp_path):
    # decohome.de: "Wandfarbe von Farrow & Ball", the name linked to the paint maker's site
    rules = "- id: match\n  kind: relevance\n"
    story = ("<p>Viva Magenta ist die Farbe des Jahres, und sie passt zu Holz, Travertin und leichten Stahlmöbeln. "
             "Für die Kombination mit anderen Tönen eignen sich Beige- oder Rotnuancen, aber auch helles Blau und "
             "Grün, sagen die Einrichtungsberater, die wir gefragt haben.</p>")
    linked = ("<figure><img src='/wandfarbe.jpg' alt='x'><figcaption>Wandfarbe von <a href='https://www.farrow-ball"
              ".com/de/farben/rectory-red'>Farrow &amp; Ball</a></figcaption></figure>")
    plain = "<figure><img src='/wandfarbe.jpg' alt='x'><figcaption>Wandfarbe von Farrow &amp; Ball</figcaption></figure>"
    ruleset = build_ruleset([pack(tmp_path, rules)])
    assert check_html(example_page(story + linked, language="de"), ruleset=ruleset).findings == []
    assert len(check_html(example_page(story + plain, language="de"), ruleset=ruleset).findings) == 1


def test_relevance_german_inflection(tmp_path):
    rules = "- id: match\n  kind: relevance\n"
    story = "<p>Die Rede des Kanzlers Olaf Schulzes wurde in Berlin gehalten, berichteten Reporter.</p>"
    page = example_page(story + fig("Olaf Schulze bei seiner Rede in Berlin."), language="de")
    ruleset = build_ruleset([pack(tmp_path, rules)])
    assert check_html(page, ruleset=ruleset).findings == []


def test_unique(tmp_path):
    rules = """\
        - id: dup
          kind: unique
          fields: [figure.caption, figure.src]
          message: "{field} {first_line}"
        """
    page = fig("Same.", src="a.jpg") + "\n" + fig("Same.", "Photo: B C/dpa", "b.jpg") + "\n" + fig("Other.", src="a.jpg")
    found = fired(tmp_path, rules, page)
    assert [(f.figure, f.message.split()[0]) for f in found] == [(2, "figure.caption"), (3, "figure.src")]


def test_chain(tmp_path):
    rules = """\
        - id: licensed
          kind: chain
          last_in: licensed_sources
          forbid: [Instagram]
          message: "{source}"
        """
    settings = "licensed_sources: [picture alliance, Getty Images, dpa]\n"
    assert [f.message for f in fired(tmp_path, rules, fig(credit="Image: Jane Roe/Instagram"), settings)] == ["Instagram"]
    assert [f.message for f in fired(tmp_path, rules, fig(credit="Image: Jane Roe/Reuters"), settings)] == ["Reuters"]
    for credit in ("Image: KCNA/Korea News Service/AP/picture alliance", "Bild: picture alliance/dpa | Axel Heimken",
                   "Image: Jung Yeon-je/AFP/Getty Images", "Image: Tahir Della"):
        assert not fired(tmp_path, rules, fig(credit=credit), settings), credit


def test_input_kinds(tmp_path):
    rules = """\
        - id: bad-input
          kind: input
          condition: unreadable
          message: "{error}"
        - id: no-article
          kind: input
          condition: no-article
          message: "{error}"
        """
    ruleset = build_ruleset([pack(tmp_path, rules)])
    assert [f.rule for f in check_html(b"\x89PNG\r\n\x1a\n", ruleset=ruleset).findings] == ["bad-input"]
    assert [f.rule for f in check_html("<html><body><div></div></body></html>", ruleset=ruleset).findings] == \
        ["no-article"]
    product = ("<html><head><meta property='og:type' content='product'></head><body><article><h1>Zinfandel Rosé"
               "</h1><p>" + "A light and fruity wine for the summer, with notes of strawberry. " * 4 + "</p></article>"
               "</body></html>")
    assert [f.message for f in check_html(product, ruleset=ruleset).findings] == \
        ["the page calls itself a product page (og:type product)"]


def test_crossref_structured_photographer(tmp_path):
    rules = SIGNOFF_RULES.format(relation="credit-matches-structured")
    ld = ('<script type="application/ld+json">{"@type": "ImageObject", "url": "https://x.test/a.jpg", '
          '"creditText": "John Smith/Reuters"}</script>')
    page = ld + fig(credit="Photo: Jane Doe/Reuters", src="https://x.test/a.jpg")
    assert fired(tmp_path, rules, page)
    assert not fired(tmp_path, rules, page.replace("John Smith", "Jane Doe"))
