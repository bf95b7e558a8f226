"""The tree layer and the figure unit: the page read the way a browser builds and shows it."""

from __future__ import annotations

import pytest
from lxml import etree

from auditor.extract import extract
from auditor.extract.dom import name_tokens, parse
from auditor.extract.vocab import CHROME, EMBED


def _body(html: str) -> str:
    root = parse(f"<html><body>{html}</body></html>")
    return etree.tostring(root.find("body"), encoding=str)


# Expected trees as the HTML5 tree builder gives them (html5lib-tests, tree-construction: void
# elements never take children; what follows them becomes their siblings).
@pytest.mark.parametrize("html, expected", [
    ("<picture><source srcset=a><source srcset=b><img src=x></picture><p>after</p>",
     '<body><picture><source srcset="a"/><source srcset="b"/><img src="x"/></picture><p>after</p></body>'),
    ("<video><track src=t>text<source src=v></video>",
     '<body><video><track src="t"/>text<source src="v"/></video></body>'),
    ("<p>x<wbr>y<wbr>z</p>", '<body><p>x<wbr/>y<wbr/>z</p></body>'),
    ("<div><embed src=a><span>s</span></div>", '<body><div><embed src="a"/><span>s</span></div></body>'),
    ("<p>a<source>b</p>c", '<body><p>a<source/>b</p>c</body>'),
])
def test_void_elements_hold_no_children(html, expected):
    assert _body(html) == expected


def test_class_tests_are_on_tokens_not_substrings():
    assert CHROME.find(name_tokens("shareable-item")) is None
    assert CHROME.find(name_tokens("headers-shared")) is None
    assert CHROME.find(name_tokens("share-bar")) == "share"
    assert CHROME.find(name_tokens("relatedStories")) == "related"
    assert CHROME.find(name_tokens("most_read")) == "most-read"
    # a "sidebar-grid" is the layout that holds the story, not a sidebar
    assert CHROME.find(name_tokens("sidebar-grid__header")) is None
    assert CHROME.find(name_tokens("header")) is None  # "ad" is not in "header"
    assert EMBED.find(name_tokens("twitter-tweet")) == "twitter"
    # digits stand apart from the word they are glued to (cnn.com's id="galleryCaption0014")
    assert name_tokens("galleryCaption0014 teaser2") == (("gallery", "caption", "0014"), ("teaser", "2"))


PAGE = """<html><head><link rel="canonical" href="https://example.org/news/[draft]/story"></head><body>
<article><h1>Harbour bridge closes<style>.h{color:red}</style></h1>
<figure class="lead"><picture><source srcset="/img/bridge-1200.jpg 1200w"><source srcset="/img/bridge-800.jpg">
<img src="/static/preloaderbig.gif" data-src="/img/bridge.jpg" alt="The bridge"></picture>
<figcaption><span class="caption-text">The old harbour bridge at dawn.</span>
<span class="credit">Photo by Jane Doe</span> /<span class="distributor">AFP via Getty Images</span></figcaption></figure>
<p>The council voted on Monday to close the old harbour bridge to lorries from March, officials said.</p>
<p>Engineers found cracks in two of the piers last year, according to a report seen by Reuters news agency.</p>
<blockquote class="twitter-tweet"><p>Reuters says the bridge is closing</p><img src="/img/tweet-photo.jpg"></blockquote>
<p>Work starts in spring and will take two years to finish, the council said in a statement.</p>
</article></body></html>"""


def test_one_page_read_like_a_browser():
    document = extract(PAGE, "page.html", why=True)
    assert document.headline == "Harbour bridge closes"  # no CSS from the <style> inside the <h1>
    assert len(document.figures) == 1
    figure = document.figures[0]
    assert figure.src.endswith("/img/bridge.jpg")  # the lazy URL wins over the placeholder
    assert figure.caption == "The old harbour bridge at dawn."
    assert figure.credit.text == "Jane Doe/AFP via Getty Images"  # two elements, in reading order
    assert [s.agency for s in figure.credit.sources] == [None, "AFP", "Getty Images"]
    # the embedded tweet is neither a figure nor a source of agency mentions
    assert [m.line for m in document.mentions] == [8]
    left = [d for d in document.decisions if not d.taken]
    assert any("twitter" in d.reason for d in left)
    taken = [d for d in document.decisions if d.taken]
    assert taken[0].unit.startswith("figure.lead")
    assert "credit from span.credit line 6 + span.distributor line 6" in taken[0].details


def test_figure_unit_has_no_depth_limit():
    wrapped = "<div>" * 12 + '<img src="/img/deep.jpg">' + "</div>" * 12
    html = (f'<html><body><article><h1>A deep picture here</h1><div class="photo">{wrapped}'
            '<div class="caption">A picture under twelve wrappers, credited at the end. Foto: Max Muster/dpa</div>'
            "</div><p>" + "Story text. " * 30 + "</p></article></body></html>")
    figure = extract(html).figures[0]
    assert figure.caption == "A picture under twelve wrappers, credited at the end."
    assert figure.credit.text == "Max Muster/dpa"


def test_caption_just_outside_the_figure_and_no_src():
    html = ('<html><body><article><h1>Gallery of the storm</h1>'
            '<figure class="gallery"><img data-flickity-lazyload-src="/img/storm-1.jpg" src="data:image/gif;base64,R0">'
            '</figure><figcaption>Waves over the harbour wall. (Jane Roe/AP)</figcaption>'
            '<figure><img alt=""></figure><figcaption>A script fills this picture in. Photo: EPA</figcaption>'
            "<p>" + "Story text. " * 30 + "</p></article></body></html>")
    figures = extract(html).figures
    assert [f.src for f in figures] == ["/img/storm-1.jpg", None]
    assert [f.credit.text for f in figures] == ["Jane Roe/AP", "EPA"]


def test_aspect_ratio_is_not_an_icon_and_beacon_is_not_a_tracker_in_a_host():
    html = ('<html><body><article><h1>Aspect ratios and hosts</h1>'
            '<figure><img src="https://media.beaconnews.example/photo.jpg" width="16" height="9">'
            "<figcaption>The mayor at the opening. Photo: Reuters</figcaption></figure>"
            "<p>" + "Story text. " * 30 + "</p></article></body></html>")
    assert len(extract(html).figures) == 1


def test_unread_lead_image_is_reported():
    html = ('<html><head><meta property="og:image" content="https://example.org/img/lead-photo.jpg"></head>'
            '<body><div class="related"><img src="https://example.org/img/lead-photo.jpg"></div>'
            "<article><h1>A story whose picture sits in odd markup</h1><p>" + "Story text. " * 30
            + "</p></article></body></html>")
    document = extract(html)
    assert document.figures == []
    assert any("lead image" in note for note in document.unread)


def test_a_page_that_says_it_is_no_article_has_no_unread_lead_image():
    # heimicke.de: a site builder's banner as og:image over a club's text page whose og:type is a business
    html = ('<html><head><meta property="og:type" content="business.business">'
            '<meta property="og:image" content="https://example.org/img/lead-photo.jpg"></head>'
            '<body><div class="related"><img src="https://example.org/img/lead-photo.jpg"></div>'
            "<article><h1>Our club in numbers</h1><p>" + "Story text. " * 30 + "</p></article></body></html>")
    assert extract(html).unread == []
    # "website" is what many newsrooms call their stories: the picture is still reported
    assert extract(html.replace("business.business", "website")).unread


def _column_page() -> str:
    # jungefreiheit.de: a weekly column's standing picture is its og:image; the page shows it in a
    # featured-image widget outside the article element and as the picture of a teaser linking to
    # the column's previous edition
    picture = "https://assets.example.org/2019/03/kaiser_kolumne_bild_f.jpg"
    return ('<html><head><meta property="og:url" content="https://example.org/kolumne/rueckblick-13/">'
            f'<meta property="og:image" content="{picture}"></head><body>'
            f'<div class="elementor-widget-theme-post-featured-image"><img width="589" height="353" src="{picture}"></div>'
            "<article><h1>Kaisers royaler Wochenrückblick</h1><p>" + "Story text. " * 30 + "</p>"
            '</article><div class="ee-posts"><a class="ee-post__media" href="https://example.org/kolumne/'
            f'rueckblick-12/"><img width="589" height="353" src="{picture}"></a></div></body></html>')


def test_a_standing_picture_that_also_illustrates_a_link_elsewhere_is_no_unread_lead_image():
    document = extract(_column_page())
    assert document.figures == []
    assert not any("lead image" in note for note in document.unread)


def test_a_lead_image_repeated_in_a_teaser_of_this_same_story_is_still_reported():
    # a "most read" list that holds this story itself, with its own picture
    html = _column_page().replace("rueckblick-12/", "rueckblick-13/")
    document = extract(html)
    assert document.figures == []
    assert any("lead image" in note for note in document.unread)


def _story_with(box: str) -> str:
    return ("<html><body><article><h1>A story with a box in its body</h1><div class='body'><p>" + "Story text. " * 30
            + "</p>" + box + "<p>" + "More story text. " * 20 + "</p></div></article></body></html>")


def test_an_image_in_the_body_that_nothing_read_is_reported():
    document = extract(_story_with("<div class='related'><img src='https://example.org/img/mayor-visit.jpg'></div>"))
    assert document.figures == []
    assert any("body holds 1 image" in note for note in document.unread)


@pytest.mark.parametrize("box", [
    # en.wikipedia.org (t-SNE): a series navigation box floats in the article's text with its picture
    "<table class='vertical-navbox nowraplinks'><tbody><tr><th><a href='/wiki/Machine_learning'>Machine "
    "learning</a></th></tr><tr><td><a href='/wiki/File:Kernel_Machine.svg' class='image'><img alt='Kernel "
    "Machine.svg' src='//upload.wikimedia.org/wikipedia/commons/thumb/f/fe/Kernel_Machine.svg/220px-Kernel_Machine"
    ".svg.png' width='220' height='100'></a></td></tr></tbody></table>",
    # horizont.net: a related story's teaser is an <article> of its own inside the story's body
    "<article class='ArticleRelated'><a href='/other-story'><img src='https://example.org/img/other-story.jpg'>"
    "<h3>Another story</h3></a></article>",
    # greenpeace.org: a run of alike cards, each linking to another post (the last with an extra class)
    "".join(f"<div class='news{' last' if n == 3 else ''}'><a href='/post-{n}'><img src='https://example.org/img/post-{n}"
            f".jpg'></a><h3><a href='/post-{n}'>Post {n}</a></h3></div>" for n in (1, 2, 3)),
])
def test_pictures_of_other_stories_in_the_body_are_no_unread_figures(box):
    document = extract(_story_with(box))
    assert document.figures == []
    assert not any("body holds" in note for note in document.unread)


@pytest.mark.parametrize("box", [
    # the story's own gallery, each picture linking to its full size: not cards of other stories
    "".join(f"<div class='gallery-item'><a href='https://example.org/img/full-{n}.jpg'><img "
            f"src='https://example.org/img/mayor-{n}.jpg'></a></div>" for n in (1, 2, 3)),
])
def test_the_storys_own_unread_gallery_is_reported(box):
    document = extract(_story_with("<div class='related'>" + box + "</div>"))
    assert document.figures == []
    assert any("body holds 3 image" in note for note in document.unread)


@pytest.mark.parametrize("source, found", [
    ('<div itemscope itemtype="https://schema.org/ImageObject">', True),
    ("<figure itemscope itemType='http://schema.org/Photograph'>", True),
    ("<span itemscope itemtype=http://schema.org/ImageObject>", True),
    # the type named elsewhere: JSON-LD, another attribute, text
    ('<script type="application/ld+json">{"@type": "ImageObject"}</script>', False),
    ('<div class="ImageObject" itemtype="https://schema.org/Article">', False),
    ('<div itemtype="https://schema.org/Article"> an ImageObject </div>', False),
])
def test_the_scan_finds_microdata_pictures_by_their_itemtype(source, found):
    from auditor.extract.scan import _names_picture_type

    assert _names_picture_type(source) is found


def test_the_scan_collects_the_tags_that_carry_data_attributes():
    from auditor.extract.scan import _data_attributes

    names, described, delayed = _data_attributes(
        '<li data-caption="x"><div data-src="a.jpg"><img data-srcset="b.jpg 2x">'
        '<span data-image-id=3><a data-image = "c.jpg">')
    assert names == {"caption", "src", "image"} and described == {"li"} and delayed == {"div"}


def test_a_page_that_names_the_picture_type_hundreds_of_times_is_scanned_once():
    from auditor.extract.scan import _names_picture_type

    gallery = '{"@type": "ImageObject"}, ' * 5000
    assert _names_picture_type(gallery) is False
    assert _names_picture_type('<b itemtype="https://schema.org/Photograph">' + gallery) is True


def test_clean_takes_out_invisible_characters_whatever_path_the_text_takes():
    from auditor.extract.dom import _INVISIBLE, clean

    # clean() skips the invisible-character pattern for text that is printable once its spaces are
    # collapsed: that is right only while every invisible character is unprintable and none but NEL
    # is a space to str.split()
    invisible = [chr(c) for c in range(0x110000) if _INVISIBLE.fullmatch(chr(c))]
    assert all(not c.isprintable() for c in invisible)
    assert [c for c in invisible if len(f"a{c}b".split()) > 1] == ["\x85"]
    assert clean("Foto:\u00a0Jane\u200b Doe/dpa") == "Foto: Jane Doe/dpa"
    assert clean("Stra\u00adße „Mitte“\n  Köln") == "Straße „Mitte“ Köln"
    assert clean("a,\x85b") == "a,b"  # beside a comma a control stood for nothing
    assert clean("Foto\x96dpa") == "Foto dpa"  # between two words, for a mis-decoded dash
    assert clean("Kai\u00a0\u00a0Müller") == "Kai Müller"
