"""House styles: how agencies and papers write a picture's credit, a story's sign-off and its
dateline, each written once under a figure or a story, with class names and without (hashed, as
CSS modules write them). Pages nobody here has seen use these styles; a miss here is a miss there.

Written for the tests, not copied from any page. Each row is one style's usual form."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditor.api import extract_html

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from perturb_eval import hashed_classes  # noqa: E402

STORY = "<p>" + "The story's own text goes on here and it is long enough. " * 12 + "</p>"


def figure_reading(unit: str, hashed: bool) -> list:
    html = f"<html><body><article><h1>A story</h1>{STORY}{unit}{STORY}</article></body></html>"
    document = extract_html(hashed_classes(html) if hashed else html)
    return [(f.caption, f.credit.text if f.credit else None) for f in document.figures]


# -- a credit line after a caption, in a <figcaption> ----------------------------------------

CREDIT_LINES = [
    ("Le maire à Paris. Photo : Jean Dupont / AFP", "Le maire à Paris.", "Jean Dupont / AFP"),
    ("Le maire à Paris. © Jean Dupont / Hans Lucas", "Le maire à Paris.", "Jean Dupont / Hans Lucas"),
    ("Il sindaco a Roma. (Foto Ansa)", "Il sindaco a Roma.", "Ansa"),
    ("El alcalde en Madrid. EFE/Juan Pérez", "El alcalde en Madrid.", "EFE/Juan Pérez"),
    # a house's short name the registry does not know, in capitals before a slash and a name
    ("Die Preise sind zuletzt gesunken. VN/Hartinger", "Die Preise sind zuletzt gesunken.", "VN/Hartinger"),
    ("Una columna de humo sobre Tabuyo. ICAL/César Sánchez", "Una columna de humo sobre Tabuyo.", "ICAL/César Sánchez"),
    ("O prefeito em São Paulo. Foto: Reprodução/Instagram", "O prefeito em São Paulo.", "Reprodução/Instagram"),
    ("O prefeito em São Paulo - Divulgação", "O prefeito em São Paulo", "Divulgação"),
    ("Burmistrz w Warszawie. Fot. PAP/Leszek Szymański", "Burmistrz w Warszawie.", "PAP/Leszek Szymański"),
    ("Starosta v Praze. Foto: ČTK/Michal Kamaryt", "Starosta v Praze.", "ČTK/Michal Kamaryt"),
    ("Мэр в Москве. Фото: РИА Новости", "Мэр в Москве.", "РИА Новости"),
    ("Мер у Києві. Фото: УНІАН", "Мер у Києві.", "УНІАН"),
    ("De burgemeester in Amsterdam. Foto: ANP", "De burgemeester in Amsterdam.", "ANP"),
    ("Borgmesteren i København. Foto: Ritzau Scanpix", "Borgmesteren i København.", "Ritzau Scanpix"),
    ("Borgmästaren i Stockholm. Foto: Jane Doe/TT", "Borgmästaren i Stockholm.", "Jane Doe/TT"),
    ("Belediye başkanı İstanbul'da. Fotoğraf: AA", "Belediye başkanı İstanbul'da.", "AA"),
    ("市長が東京で演説した（共同）", "市長が東京で演説した", "共同"),
    ("서울에서 연설하는 시장. 연합뉴스", "서울에서 연설하는 시장.", "연합뉴스"),
    ("서울에서 연설하는 시장. /연합뉴스", "서울에서 연설하는 시장.", "연합뉴스"),  # Chosun Ilbo's slash
    ("Мэр в Москве. © Сергей Иванов/ТАСС", "Мэр в Москве.", "Сергей Иванов/ТАСС"),
    ("市长在北京讲话。新华社记者 张三 摄", "市长在北京讲话。", "新华社记者 张三"),
    ("رئيس البلدية في القاهرة (رويترز)", "رئيس البلدية في القاهرة", "رويترز"),
    ("The mayor in London. Picture: Jane Doe", "The mayor in London.", "Jane Doe"),
    ("The mayor in London. Credit: Jane Doe for The New York Times", "The mayor in London.",
     "Jane Doe for The New York Times"),
    ("The mayor in London. Photograph: Jane Doe/The Guardian", "The mayor in London.", "Jane Doe/The Guardian"),
    ("The mayor in London. (Jane Doe/Bloomberg)", "The mayor in London.", "Jane Doe/Bloomberg"),
    ("The mayor in London. Jane Doe | Bloomberg | Getty Images", "The mayor in London.",
     "Jane Doe | Bloomberg | Getty Images"),
    ("The mayor in London. Photo courtesy of City Hall", "The mayor in London.", "City Hall"),
    ("The mayor in London. (AP Photo/Jane Doe)", "The mayor in London.", "AP Photo/Jane Doe"),
    ("The mayor in London. Mandatory credit Kyodo/via REUTERS", "The mayor in London.", "Kyodo/via REUTERS"),
    ("The mayor in London. REUTERS/Jane Doe", "The mayor in London.", "REUTERS/Jane Doe"),
    ("The mayor in London. Jane Doe/AFP via Getty Images", "The mayor in London.", "Jane Doe/AFP via Getty Images"),
    ("Der Bürgermeister in Berlin. Foto: APA/HANS KLAUS TECHT", "Der Bürgermeister in Berlin.", "APA/HANS KLAUS TECHT"),
    ("Der Bürgermeister in Berlin. Bild: Keystone", "Der Bürgermeister in Berlin.", "Keystone"),
    ("A polgármester Budapesten. Fotó: MTI/Koszticsák Szilárd", "A polgármester Budapesten.",
     "MTI/Koszticsák Szilárd"),
    ("Il sindaco in municipio ANSA/ANGELO CARCONI", "Il sindaco in municipio", "ANSA/ANGELO CARCONI"),
    ("The mayor at City Hall. — Getty Images", "The mayor at City Hall.", "Getty Images"),
    ("The mayor at City Hall. (AAP Image/Jane Doe) NO ARCHIVING", "The mayor at City Hall.", "AAP Image/Jane Doe"),
    ("Der Bürgermeister im Rathaus. © picture alliance / dpa | Max Muster", "Der Bürgermeister im Rathaus.",
     "picture alliance / dpa | Max Muster"),
    ("De burgemeester in het stadhuis. | ANP / Robin van Lonkhuijsen", "De burgemeester in het stadhuis.",
     "ANP / Robin van Lonkhuijsen"),
    ("Burmistrz w ratuszu (fot. PAP/Paweł Supernak)", "Burmistrz w ratuszu", "PAP/Paweł Supernak"),
    ("The mayor at City Hall. Picture: Supplied", "The mayor at City Hall.", "Supplied"),
    # a prefix made of a picture word and "by" in the house's language, or a slash after the word
    ("El alcalde en Madrid. Imagen de Pixabay", "El alcalde en Madrid.", "Pixabay"),
    ("Il sindaco a Roma. Foto di Mario Rossi", "Il sindaco a Roma.", "Mario Rossi"),
    ("The mayor at City Hall. Staff photo by Jane Doe", "The mayor at City Hall.", "Jane Doe"),
    ("The mayor at City Hall. Photo provided by City Hall", "The mayor at City Hall.", "City Hall"),
    ("The mayor at City Hall. Image credit: Jane Doe", "The mayor at City Hall.", "Jane Doe"),
    ("Shots made this season. Graphic by Jane Doe / The Daily", "Shots made this season.", "Jane Doe / The Daily"),
    ("El alcalde en la plaza. FOTO/CORTESÍA", "El alcalde en la plaza.", "CORTESÍA"),
    ("The mayor at City Hall. Photo / Jane Doe", "The mayor at City Hall.", "Jane Doe"),  # NZME
    ("The mayor at City Hall. Credit...Jane Doe for The New York Times", "The mayor at City Hall.",
     "Jane Doe for The New York Times"),
    ("El alcalde en la plaza.- Foto EFE", "El alcalde en la plaza.", "EFE"),  # EFE's stop and dash
    ("The mayor at City Hall. Courtesy photo", "The mayor at City Hall.", "Courtesy photo"),
    ("Meras Vilniuje. Jono Jonaičio nuotr.", "Meras Vilniuje.", "Jono Jonaičio"),  # Lithuanian: "photo" after
    ("서울에서 연설하는 시장. 사진=뉴스1", "서울에서 연설하는 시장.", "뉴스1"),  # the label goes with the credit
    ("台北市公車充電場站分布。（圖取自台北市政府網頁）", "台北市公車充電場站分布。", "台北市政府網頁"),
    # after the caption's full stop, a dash and names alone, or the word for a handed-in picture
    ("Sargassum covers the beach on Sunday. – Jane Doe/Photographer", "Sargassum covers the beach on Sunday.",
     "Jane Doe/Photographer"),
    ("Boats idle in the bay last week. – Contributed", "Boats idle in the bay last week.", "Contributed"),
    ("Zwei Jahre nach dem Unglück – Angela Merkel", "Zwei Jahre nach dem Unglück – Angela Merkel", None),
    ("L'intérieur de la halle en 1965. / DR", "L'intérieur de la halle en 1965.", "DR"),  # droits réservés
    # a house's name in capitals in brackets: square ones alone, several words in round ones
    ("Les habitants rationnent l'eau. (FRANCE 3 OCCITANIE)", "Les habitants rationnent l'eau.", "FRANCE 3 OCCITANIE"),
    ("Le géologue a survolé la paroi. [RTS]", "Le géologue a survolé la paroi.", "[RTS]"),
    ("Friedrich Merz (CDU)", "Friedrich Merz (CDU)", None),
    ("मिंटो ब्रिज के नीचे फंसी बस - फोटो : पीटीआई", "मिंटो ब्रिज के नीचे फंसी बस", "पीटीआई"),  # Devanagari label
    ("The clouds on the scrim. Photography by Jane Doe", "The clouds on the scrim.", "Jane Doe"),
    ("The garden in May. Photo courtesy of the Okafor family", "The garden in May.", "the Okafor family"),
    ("Die Blänke im Ried. Luftbild: NSI/Drohnenteam", "Die Blänke im Ried.", "NSI/Drohnenteam"),
    ("冠水した地下車道＝釜山で2020年7月24日、坂口雄亮撮影", "冠水した地下車道＝釜山で2020年7月24日", "坂口雄亮"),
    # a bare picture word, then a house and a person (EBRA's "Photo Progrès/…")
    ("Les pompiers ont engagé d'importants moyens. Photo Progrès/Joël Ferrand",
     "Les pompiers ont engagé d'importants moyens.", "Progrès/Joël Ferrand"),
    ("Rodrigo Castañeda, representante de la FAO. (FUENTE EXTERNA)", "Rodrigo Castañeda, representante de la FAO.",
     "FUENTE EXTERNA"),  # a handout's whole credit, its first word a label's
    ("キリコを担ぐ住民ら＝19日午後、輪島市（撮影・田中健一）", "キリコを担ぐ住民ら＝19日午後、輪島市", "田中健一"),  # "・" after the label
    ("Branches encased in ice near Keady. Pic: Jane Doe/PA", "Branches encased in ice near Keady.", "Jane Doe/PA"),
    # a rights notice after the caption is neither caption nor credit (ANSA)
    ("Il sindaco in municipio - RIPRODUZIONE RISERVATA", "Il sindaco in municipio", None),
]


@pytest.mark.parametrize("text", [
    "El alcalde en la plaza. IMAGEN DE REFERENCIA",  # what the picture is, not who made it
    "IMAGEN DE REFERENCIA",
    "Immagine di repertorio",
])
def test_a_note_on_the_picture_is_no_credit(text):
    unit = f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    [(_, credit)] = figure_reading(unit, False)
    assert credit is None


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
@pytest.mark.parametrize("text, caption, credit", CREDIT_LINES, ids=[row[2] for row in CREDIT_LINES])
def test_a_credit_line_in_the_caption(text, caption, credit, hashed):
    unit = f'<figure class="story-figure"><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    [(got_caption, got_credit)] = figure_reading(unit, hashed)
    # the credit as printed, without its label or brackets (the labels' convention)
    assert (got_caption, got_credit.strip("()[]") if got_credit else None) == (caption, credit.strip("[]") if credit else None)


# -- the markup of common publishing systems --------------------------------------------------

CAPTION = "The mayor speaks to reporters at City Hall on Monday."
SYSTEMS = {
    "arc": f'<figure><div><img src="https://e.org/a.jpg"></div><figcaption><span>{CAPTION}</span> '
           "<span>(Jane Doe/AP)</span></figcaption></figure>",
    "drupal": '<div class="field field--name-field-image"><img src="https://e.org/a.jpg"></div>'
              f'<div class="field field--name-field-caption">{CAPTION}</div>'
              '<div class="field field--name-field-credit">Jane Doe/AP</div>',
    "brightspot": '<figure class="Figure"><picture><source srcset="https://e.org/a.webp"><img src="https://e.org/a.jpg">'
                  f'</picture><div class="Figure-content"><div class="Figure-caption">{CAPTION}</div>'
                  '<div class="Figure-credit">Jane Doe/AP</div></div></figure>',
    "gannett": f'<figure><img src="https://e.org/a.jpg"><figcaption><span class="caption">{CAPTION}</span>'
               '<span class="credit">Jane Doe/AP</span></figcaption></figure>',
    "chorus": '<figure class="e-image"><span class="e-image__inner"><span class="e-image__image" '
              'data-original="https://e.org/a.jpg"><img src="https://e.org/a.jpg"></span></span><figcaption>'
              f'{CAPTION} <cite>Photo by Jane Doe/AP</cite></figcaption></figure>',
    "substack": '<figure><a class="image-link" href="https://e.org/a.jpg"><div class="image2-inset"><picture>'
                '<img src="https://e.org/a.jpg"></picture></div></a><figcaption class="image-caption">'
                f'{CAPTION} (Photo: Jane Doe/AP)</figcaption></figure>',
    "ghost": '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="https://e.org/a.jpg">'
             f'<figcaption>{CAPTION} Photo: Jane Doe/AP</figcaption></figure>',
    "blogger": '<table class="tr-caption-container"><tr><td><a href="https://e.org/a.jpg"><img src="https://e.org/a-s400.jpg">'
               f'</a></td></tr><tr><td class="tr-caption">{CAPTION} (Photo: Jane Doe/AP)</td></tr></table>',
    "squarespace": '<figure class="sqs-block-image-figure"><img data-src="https://e.org/a.jpg"><figcaption '
                   f'class="image-caption-wrapper"><div class="image-caption"><p>{CAPTION} Photo: Jane Doe/AP</p>'
                   "</div></figcaption></figure>",
    "wordpress-classic": f'<div class="wp-caption"><img src="https://e.org/a.jpg"><p class="wp-caption-text">{CAPTION} '
                         "Photo: Jane Doe/AP</p></div>",
    "credit-over-picture": '<figure><div><span>Jane Doe/AP</span><img src="https://e.org/a.jpg"></div>'
                           f"<figcaption>{CAPTION}</figcaption></figure>",
    "table-layout": f'<table><tr><td><img src="https://e.org/a.jpg"></td></tr><tr><td>{CAPTION} Foto: Jane Doe/AP</td>'
                    "</tr></table>",
    "image-then-line": f'<p><img src="https://e.org/a.jpg"><br>{CAPTION} Photo: Jane Doe/AP</p>',
    # a gallery tile the page calls a picture (role="img"), its file in a data attribute (Elementor Pro)
    "role-img-tile": '<a class="gallery-item" href="https://e.org/a-big.jpg"><div class="gallery-image" role="img" '
                     'data-thumbnail="https://e.org/a-768x512.jpg" aria-label="The mayor"></div><div class="overlay">'
                     f'<div class="description">{CAPTION} Foto: Jane Doe/AP</div></div></a>',
    # AMP's own credit attribute
    "amp-attribution": f'<figure><amp-img src="https://e.org/a.jpg" attribution="Jane Doe/AP" width="800" height="450">'
                       f"</amp-img><figcaption>{CAPTION}</figcaption></figure>",
    "lightbox-link-title": f'<p><a href="https://e.org/a-big.jpg" title="{CAPTION} (Photo: Jane Doe/AP)"><img '
                           'src="https://e.org/a.jpg"></a></p>',
    "fancybox": f'<a data-fancybox="gallery" data-caption="{CAPTION} Photo: Jane Doe/AP" href="https://e.org/a-big.jpg">'
                '<img src="https://e.org/a.jpg"></a>',
    "alt-text-credit": f'<p><img src="https://e.org/a.jpg" alt="{CAPTION} | Bildquelle: Jane Doe/AP"></p>',
    # the caption behind a "Show caption" button, in a data attribute whose name has the house's prefix
    "show-caption-button": '<figure><img src="https://e.org/a.jpg"><figcaption><button>Show caption</button>'
                           f'<div data-c-caption="{CAPTION}" data-c-credit="Jane Doe/AP"></div></figcaption></figure>',
    # a media item's own <article> around the picture, its caption fields after it (Drupal 10)
    "drupal-media-article": '<div class="field-main-image"><article class="media"><div class="field-media-image">'
                            '<img src="https://e.org/a.jpg"></div></article></div><div class="main-image-caption">'
                            f'<div class="field-caption">{CAPTION}</div><div class="field-credit">Photo: Jane Doe/AP'
                            "</div></div>",
    # a picture floated into a story paragraph, its title giving caption and credit (Joomla, TinyMCE)
    "floated-in-paragraph": f'<p><img src="https://e.org/a.jpg" title="{CAPTION} Foto: Jane Doe/AP" style="float: right">'
                            "Musikalisch begleitet wurde der Gottesdienst von der Band, die eigens dafür geprobt hatte.</p>",
    # a lazy photo whose file name begins with a placeholder's word, behind a placeholder
    "lazy-photo-named-empty": '<figure><img src="/res/placeholder-3x2.svg" data-src="/res/image/48/empty-wards-kisumu'
                              f'.jpg"><figcaption>{CAPTION} Photo: Jane Doe/AP</figcaption></figure>',
    # a visible caption, and the credit only in the lightbox's caption attribute (TYPO3)
    "lightbox-caption-credit": '<div class="image"><a href="https://e.org/a-big.jpg" class="lightbox" '
                               f'data-lightbox-caption="{CAPTION} | Foto: Jane Doe/AP"><img src="https://e.org/a.jpg">'
                               f'</a><p class="caption">{CAPTION}</p></div>',
    # the caption behind a disclosure widget whose <summary> is its label (Guardian, BR24)
    "details-summary": '<figure><img src="https://e.org/a.jpg"><figcaption><details><summary><svg></svg>View image '
                       f'in fullscreen</summary><span>{CAPTION}</span> <span>Photograph: Jane Doe/AP</span></details>'
                       "</figcaption></figure>",
    # the credit glued after the caption's full stop, in an element with no telling class
    "glued-credit-element": f'<figure><img src="https://e.org/a.jpg"><figcaption><div>{CAPTION}<span>Jane Doe/AP'
                            "</span></div></figcaption></figure>",
}


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
@pytest.mark.parametrize("name", list(SYSTEMS))
def test_common_publishing_systems(name, hashed):
    assert figure_reading(SYSTEMS[name], hashed) == [(CAPTION, "Jane Doe/AP")]


# How some newsrooms write a figure's caption and credit (their classes left out: the tests run them
# with none and with hashed ones). Screen-reader labels ("Credit", "Image source, ") are hidden by
# their class, as the sites do it.
NEWSROOMS = {
    "guardian": (f'<figure><div><picture><img src="https://i.example.org/a.jpg"></picture></div><figcaption><span><svg>'
                 f"</svg></span><span>{CAPTION}</span> Photograph: Jane Doe/Reuters</figcaption></figure>", "Jane Doe/Reuters"),
    "nyt": (f'<figure><div><picture><img src="https://static.example.org/a.jpg"></picture></div><figcaption><span>'
            f'{CAPTION}</span><span><span class="visually-hidden">Credit...</span>Jane Doe for The New York Times'
            "</span></figcaption></figure>", "Jane Doe for The New York Times"),
    "bbc": ('<figure><div><span><span class="visually-hidden">Image source, </span>Getty Images</span><img '
            'src="https://ichef.example.org/a.jpg"></div><figcaption><span class="visually-hidden">Image caption, </span>'
            f"{CAPTION}</figcaption></figure>", "Getty Images"),
    "washington-post": (f'<figure><img src="https://www.example.org/a.jpg"><figcaption>{CAPTION} (Jane Doe/The '
                        "Washington Post)</figcaption></figure>", "Jane Doe/The Washington Post"),
    "cnn": (f'<figure><img src="https://media.example.org/a.jpg"><figcaption><span>{CAPTION}</span><span>Jane Doe/AFP/'
            "Getty Images</span></figcaption></figure>", "Jane Doe/AFP/Getty Images"),
    "spiegel": (f'<figure><img src="https://cdn.example.org/a.jpg"><figcaption><p>{CAPTION}</p><span>Foto: Jane Doe / '
                "DER SPIEGEL</span></figcaption></figure>", "Jane Doe / DER SPIEGEL"),
    "zeit": (f'<figure><img src="https://img.example.org/a.jpg"><figcaption><span>{CAPTION}</span> <span>© Jane Doe/dpa'
             "</span></figcaption></figure>", "Jane Doe/dpa"),
    "le-monde": (f'<figure><img src="https://img.example.org/a.jpg"><figcaption>{CAPTION} <span>JANE DOE / AFP</span>'
                 "</figcaption></figure>", "JANE DOE / AFP"),
    "el-pais": (f'<figure><img src="https://imagenes.example.org/a.jpg"><figcaption><span>{CAPTION}</span><span>JANE DOE '
                "(EFE)</span></figcaption></figure>", "JANE DOE (EFE)"),
    "faz": (f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{CAPTION}<span>Bild: Reuters</span>'
            "</figcaption></figure>", "Reuters"),
    "reuters": (f'<figure><img src="https://www.example.org/resizer/a.jpg"><figcaption><span>{CAPTION} REUTERS/Jane Doe'
                "</span><span>Purchase Licensing Rights</span></figcaption></figure>", "REUTERS/Jane Doe"),
    # (Reuters' licensing link, its screen reader's ", opens new tab" after a space)
    "reuters-new-tab": (f'<figure><img src="https://www.example.org/resizer/a.jpg"><figcaption><span>{CAPTION} '
                        'REUTERS/Jane Doe</span><a href="https://www.reutersagency.com/">Purchase Licensing Rights'
                        '<span> , opens new tab</span></a></figcaption></figure>', "REUTERS/Jane Doe"),
    "ap": (f'<figure><img src="https://dims.example.org/a.jpg"><figcaption><span>{CAPTION} (AP Photo/Jane Doe)</span>'
           "</figcaption></figure>", "AP Photo/Jane Doe"),
    "al-jazeera": (f'<figure><img src="https://www.example.org/a.jpg"><figcaption>{CAPTION} [Jane Doe/Reuters]'
                   "</figcaption></figure>", "Jane Doe/Reuters"),
}


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
@pytest.mark.parametrize("name", list(NEWSROOMS))
def test_newsroom_figures(name, hashed):
    unit, credit = NEWSROOMS[name]
    assert figure_reading(unit, hashed) == [(CAPTION, credit)]


def test_a_medium_credit_names_photographer_and_platform():
    unit = ('<figure><div><picture><img src="https://e.org/a.jpg"></picture></div><figcaption>Photo by '
            '<a href="https://unsplash.com/@jd">Jane Doe</a> on <a href="https://unsplash.com">Unsplash</a></figcaption></figure>')
    assert figure_reading(unit, hashed=True) == [(None, "Jane Doe on Unsplash")]


# -- sign-offs ------------------------------------------------------------------------------

PARAGRAPHS = "".join(f"<p>Paragraph {n}: the council voted on Tuesday to close the bridge for repairs, officials "
                     "said, after weeks of debate.</p>" for n in range(5))

def _closing(line: str) -> str:
    """A story whose last paragraph is ``line``."""
    return f"<html lang='en'><body><article><h1>Bridge closes</h1>{PARAGRAPHS}<p>{line}</p></article></body></html>"


def _opening(opening: str) -> str:
    """A story whose first paragraph opens with ``opening``."""
    rest = "The council voted on Tuesday to close the bridge for repairs, officials said, after weeks of debate."
    return f"<html lang='en'><body><article><h1>Bridge closes</h1><p>{opening}{rest}</p>{PARAGRAPHS}</article></body></html>"


SIGNOFFS = [
    ("(Reporting by Jane Doe; Editing by John Roe)", ["Reuters"]),
    ("— The Associated Press", ["AP"]),
    ("— AFP", ["AFP"]),
    ("— Reuters", ["Reuters"]),
    ("--Reuters", ["Reuters"]),
    ("With AFP", ["AFP"]),
    ("(With reporting by AFP)", ["AFP"]),
    ("Source: AFP", ["AFP"]),
    ("Quelle: dpa", ["dpa"]),
    ("dpa/tmn", ["dpa"]),
    ("AFP/dpa/fw", ["AFP", "dpa"]),
    ("jdi/AFP", ["AFP"]),
    ("(mit dpa)", ["dpa"]),
    ("Mit Material von dpa und AFP", ["dpa", "AFP"]),
    ("(Avec AFP)", ["AFP"]),
    ("(EFE)", ["EFE"]),
    ("Con información de AFP", ["AFP"]),
    ("Fuente: EFE", ["EFE"]),
    ("(ANSA).", ["ANSA"]),
    ("© Agence France-Presse", ["AFP"]),
    ("Copyright 2024 The Associated Press. All rights reserved.", ["AP"]),
    ("Additional reporting by Reuters", ["Reuters"]),
    ("Reuters contributed to this report.", ["Reuters"]),
    ("The Associated Press contributed to this report.", ["AP"]),
    ("zc/wd (AP, AFP, Reuters)", ["AP", "AFP", "Reuters"]),
    ("(AFP)", ["AFP"]),
    ("— With files from The Canadian Press", ["The Canadian Press"]),
    ("Avec agences", []),
    ("(Estadão Conteúdo)", ["Agência Estado"]),
    ("(Agencia Uno)", ["Agencia Uno"]),
    ("(dpa/lno)", ["dpa"]),
    ("jd/dl (AFP, dpa)", ["AFP", "dpa"]),
    ("dpa-infocom, dpa:240503-99-123456/3", ["dpa"]),
    ("Material: dpa", ["dpa"]),
    ("bur-jd/ach", []),  # AFP's desk code and its editors' initials
    ("(Bericht von Jane Doe, redigiert von John Roe)", ["Reuters"]),
    ("(Reportage Jane Doe, version française Jean Dupont, édité par Paul Roe)", ["Reuters"]),
    ("(Reporte de Jane Doe; Editado en español por Juan Pérez)", ["Reuters"]),
    ("Reporting by Jane Doe in London; Editing by John Roe", ["Reuters"]),
    ("___ Associated Press writers Jane Doe and John Roe contributed to this report.", ["AP"]),
    ("*Con información de AP", ["AP"]),
    ("Redacción / EFE", ["EFE"]),
    ("Com informações da Agência Brasil", ["Agência Brasil"]),
    ("(Com Agência Brasil)", ["Agência Brasil"]),
    ("По материалам ТАСС", ["TASS"]),
    ("Kaynak: AA", ["Anadolu"]),
    ("(With inputs from agencies)", []),
    ("PTI ABK RSN RT", ["PTI"]),  # the agency, then its desk's codes
    ("Agencias AFP, Reuters y ANSA", ["AFP", "Reuters", "ANSA"]),
    ("Lusa/Fim", ["LUSA"]),  # Lusa's end of story
    ("Sumber: Antara", ["Antara"]),
    ("Như Tâm (Theo Reuters, AFP)", ["Reuters", "AFP"]),  # Vietnamese: "according to"
    ("Information from The Associated Press was used in this report.", ["AP"]),
    ("Chicago Tribune's Jane Doe and The Associated Press contributed.", ["AP"]),
    ("– Additional reporting: PA", ["PA Media"]),
]


@pytest.mark.parametrize("line, agencies", SIGNOFFS, ids=[row[0][:40] for row in SIGNOFFS])
def test_sign_offs(line, agencies):
    signoff = extract_html(_closing(line)).signoff
    assert signoff is not None and signoff.agencies == agencies


@pytest.mark.parametrize("line", [
    "(Reportagem de Jane Doe)",  # a reporter named, no editor: anyone's style, not Reuters' alone
    "(Bericht über die Brücke folgt.)",
    "— Jane Doe",
])
def test_no_agency_sign_offs(line):
    signoff = extract_html(_closing(line)).signoff
    assert signoff is None or signoff.agencies == []


# -- datelines ------------------------------------------------------------------------------

DATELINES = [
    ("WASHINGTON (AP) — ", "AP"), ("NEW YORK (Reuters) - ", "Reuters"), ("PARIS (AFP) - ", "AFP"),
    ("Frankfurt/Main (dpa) – ", "dpa"), ("BERLIN, 3. Mai (Reuters) - ", "Reuters"), ("MADRID, 3 may (EFE).- ", "EFE"),
    ("Roma, 3 mag (ANSA) - ", "ANSA"), ("WARSZAWA (PAP) - ", "PAP"), ("Wien (APA) - ", "APA"),
    ("Zürich (sda) - ", "Keystone-SDA"), ("Moscow (TASS) - ", "TASS"), ("Brüssel (dpa/AFP) - ", "dpa"),
    ("SEOUL, May 3 (Yonhap) -- ", "Yonhap"), ("TOKYO (Kyodo) -- ", "Kyodo"), ("BEIJING, May 3 (Xinhua) -- ", "Xinhua"),
    ("Ottawa (CP) — ", "The Canadian Press"), ("Kiew (dpa) · ", "dpa"), ("Frankfurt a.M. (epd). ", "epd"),
    ("Bonn (KNA) ", "KNA"), ("New Delhi, May 3 (IANS) ", "IANS"), ("NEW DELHI (PTI): ", "PTI"),
    ("KATHMANDU,\n May 3 (Reuters) - ", "Reuters"), ("WASHINGTON, May 3 (UPI) -- ", "UPI"),
    ("São Paulo, 3 mai (AFP) - ", "AFP"), ("Genève (ATS) - ", "Keystone-SDA"), ("Lisboa, 3 mai (Lusa) - ", "LUSA"),
    ("(서울=연합뉴스) 홍길동 기자 = ", "Yonhap"), ("【ワシントン共同】", "Kyodo"), ("МОСКВА, 3 мая. /ТАСС/. ", "TASS"),
    ("МОСКВА, 3 мая — РИА Новости. ", "RIA Novosti"), ("القاهرة (رويترز) - ", "Reuters"), ("ANKARA (AA) - ", "Anadolu"),
    ("CIUDAD DE MÉXICO (Notimex).- ", "Notimex"), ("Buenos Aires (Télam) - ", "Télam"),
    ("MADRID, 3 (EUROPA PRESS) - ", "Europa Press"), ("Bogotá (Colprensa) - ", "Colprensa"),
    ("ANKARA (İHA) - ", "İHA"), ("Київ (Інтерфакс-Україна) - ", "Interfax-Ukraine"),
    ("MADRID, 3 (EUROPA PRESS) ", "Europa Press"), ("МОСКВА, 3 мая - РИА Новости. ", "RIA Novosti"),
    ("(ANSA) - BOLOGNA, 03 MAG - ", "ANSA"), ("Vilnius, gegužės 3 d. (ELTA). ", "ELTA"),
    ("Sefwi Wiawso, Oct. 04, GNA - ", "GNA"), ("〔中央社〕", "CNA"),
    ("BRIDGETOWN, Barbados, Dec 4, CMC – ", "CMC"), ("（中央社記者陳怡君南投5日電）", "CNA"),
    ("（中央社台北5日綜合外電報導）", "CNA"),
]


@pytest.mark.parametrize("opening, agency", DATELINES, ids=[row[0].strip()[:30] for row in DATELINES])
def test_datelines(opening, agency):
    assert [d.agency for d in extract_html(_opening(opening)).datelines] == [agency]


# -- agencies named in the story ------------------------------------------------------------

MENTIONS = [
    ("Según informó la agencia EFE, el puente cerrará.", ["EFE"]),
    ("Wie die Nachrichtenagentur dpa meldete, schließt die Brücke.", ["dpa"]),
    ("Die Agentur dpa berichtet, die Brücke schließt.", ["dpa"]),
    ("Selon l'AFP, le pont va fermer.", ["AFP"]),
    ("Secondo l'ANSA, il ponte chiuderà.", ["ANSA"]),
    ("Segundo a Lusa, a ponte fecha.", ["LUSA"]),
    ("Volgens het ANP sluit de brug.", ["ANP"]),
    ("ANP meldt dat de brug sluit.", ["ANP"]),
    ("Как сообщает ТАСС, мост закроют.", ["TASS"]),
    ("Według PAP most zostanie zamknięty.", ["PAP"]),
    ("연합뉴스에 따르면 다리가 폐쇄된다.", ["Yonhap"]),
    ("据新华社报道，大桥将关闭。", ["Xinhua"]),
    ("The bridge will close, Reuters reported.", ["Reuters"]),
    ("He told The Associated Press on Monday.", ["AP"]),
    ("A Reuters/Ipsos poll found support fell.", ["Reuters"]),
    ("An AP-NORC poll shows support for the repairs.", ["AP"]),
    # a case ending on the name (Hungarian, Finnish, Turkish) says it is a noun of the sentence
    ("A polgármester az MTI-vel közölte, hogy a híd bezár.", ["MTI"]),
    ("Meteorologi kertoo STT:lle, että silta suljetaan.", ["STT"]),
    ("Bakan AA muhabirine açıklama yaptı.", ["Anadolu"]),
    ("Ministrė naujienų agentūrai BNS sakė, kad tiltas bus uždarytas.", ["BNS"]),
    ("Elle l'a dit en entrevue avec La Presse Canadienne.", ["The Canadian Press"]),
    ("„Ich habe einfach geworfen“, sagte der Däne dem SID nach dem Spiel.", ["SID"]),
    ("AAP understands the council will close the bridge.", ["AAP"]),
    ("Σύμφωνα με το Αθηναϊκό-Μακεδονικό Πρακτορείο Ειδήσεων, η γέφυρα κλείνει.", ["ANA-MPA"]),
    ("Starosta pre agentúru SITA povedal, že most zatvoria.", ["SITA"]),
    ("समाचार एजेंसी पीटीआई के मुताबिक, पुल बंद रहेगा।", ["PTI"]),
    ("Die Werte seien gut, berichtete die APA unter Berufung auf das Amt.", ["APA"]),
    ("\"Kami siaga,\" kata Yohan, dikutip dari Antara.", ["Antara"]),
    ("به گزارش همشهری به نقل از ایرنا، پل بسته شد.", ["IRNA"]),
    # not agencies: an exam, a loudspeaker, a credit, an address
    ("She took the AP exam on Monday.", []),
    ("The PA system failed during the vote.", []),
    ("The bridge in 2019 (AP Photo/Jane Doe) was busy.", []),
    ("See reuters.com/world for more on the bridge.", []),
]


@pytest.mark.parametrize("sentence, agencies", MENTIONS, ids=[row[0][:40] for row in MENTIONS])
def test_mentions(sentence, agencies):
    text = "The council met on Tuesday to discuss the repairs at length. " * 4
    html = f"<html><body><article><h1>Bridge</h1><p>{sentence} {text}</p></article></body></html>"
    assert [m.agency for m in extract_html(html).mentions] == agencies


@pytest.mark.parametrize("opening", [
    "Mandel Ngan / AFP / Getty Images ",  # a credit line, its slashes spaced
    "Jane Doe/AFP/Getty Images ",  # a credit line, its slashes tight
    "The council — the city's board. ",
])
def test_no_datelines(opening):
    assert extract_html(_opening(opening)).datelines == []


# -- pictures that are not the story's -----------------------------------------------------

LEAD = ('<figure><img src="https://e.org/lead.jpg"><figcaption>The mayor in London. Photo: Jane Doe/AP</figcaption>'
        "</figure>")


def _cards(first: int, count: int = 4, title: bool = True, text: bool = False) -> str:
    return "".join(
        f'<div class="card"><a href="https://e.org/news/story-{n}"><img src="https://e.org/thumbs/t{n}.jpg"></a>'
        + (f'<h3><a href="https://e.org/news/story-{n}">Other story {n} about the council and its budget</a></h3>'
           if title else "")
        + ("<p>A teaser text of the other story that runs on a bit.</p>" if text else "") + "</div>"
        for n in range(first, first + count))


CHROME = {
    "author-box": '<div class="author"><img src="https://e.org/authors/jane-doe.jpg" width="80" height="80"><div>'
                  '<a href="/author/jane-doe">Jane Doe</a><p>Jane Doe is a reporter covering City Hall.</p></div></div>',
    "bio-box-end": '<div class="bio"><img src="https://e.org/people/jane-doe.jpg"><div><b>Jane Doe</b> covers City '
                   'Hall. <a href="https://e.org/authors/jane-doe">More by Jane</a></div></div>',
    "related-list": '<section class="related"><h2>Related</h2><ul>' + "".join(
        f'<li><a href="/news/story-{n}"><img src="https://e.org/t{n}.jpg"><h3>Other story number {n} about the '
        f"council</h3></a></li>" for n in range(3)) + "</ul></section>",
    "read-more-grid": f'<div class="more"><h2>Read more</h2>{_cards(20)}</div>',
    # a related story's card: its picture in a <figure> of its own, linked where its headline links (El País)
    "card-with-figure": '<aside><p>Más información</p><article><figure><a href="/news/other-story.html"><img '
                        'src="https://e.org/card.jpg" alt="La laguna seca en 2023. EFE"></a></figure><h2><a '
                        'href="/news/other-story.html">El acuífero no se recupera pese a las lluvias</a></h2>'
                        "</article></aside>",
    "adv-box": '<div class="adv-container adv-inline"><div class="adv"><img src="https://e.org/banner-300.png">'
               "</div></div>",
    # one link around a teaser's picture and its headline, amid the story (its alt carries a credit)
    "inline-teaser-link": '<div class="embed"><a href="/news/bridge-repairs-cost-more-1234.html"><img '
                          'src="https://e.org/teaser.jpg" alt="The old bridge © Jane Doe"><span>Bridge repairs will '
                          "cost twice as much as planned</span></a></div>",
    "cards-no-titles": f'<div class="more">{_cards(30, title=False)}</div>',
    "newsletter": '<div class="promo"><img src="https://e.org/newsletter.png"><p>Sign up for our daily newsletter and '
                  'get the news first.</p><form><input type="email"><button>Subscribe</button></form></div>',
    "video-thumb": '<div class="video"><a href="/video/123"><img src="https://e.org/video-thumb.jpg"><span>Watch: the '
                   "mayor speaks</span><span>02:31</span></a></div>",
    "ad": '<div class="ad-slot"><span>Advertisement</span><a href="https://ads.example.com/click"><img '
          'src="https://ads.example.com/banner.jpg" width="300" height="250"></a></div>',
    "tweet": '<blockquote class="twitter-tweet"><p>Big news from City Hall today! <a href="https://t.co/x">'
             'pic.twitter.com/x</a></p>&mdash; Jane (@jane) <a href="https://twitter.com/jane/status/1">May 3, 2024'
             "</a></blockquote>",
    "instagram": '<blockquote class="instagram-media"><a href="https://www.instagram.com/p/xyz/"><img '
                 'src="https://scontent.example.org/x.jpg"></a><p>A post shared by Jane (@jane)</p></blockquote>',
    "podcast": '<div class="podcast-promo"><img src="https://e.org/podcast-cover.jpg"><h3>Listen to our daily podcast'
               '</h3><a href="/podcast">Listen now</a></div>',
    "gallery-cover": '<a class="gallery-link" href="/gallery/city-hall"><img src="https://e.org/gal-cover.jpg"><span>'
                     "View 12 photos</span></a>",
    "read-more-inline": '<p><strong>Lesen Sie auch:</strong> <a href="https://e.org/news/other-story"><img '
                        'src="https://e.org/thumb-other.jpg"> Other story about the bridge</a></p>',
    "affiliate": '<p><a href="https://www.amazon.de/dp/B000?tag=x-21" rel="sponsored nofollow"><img '
                 'src="https://m.media-amazon.com/images/I/61abc.jpg"></a></p><p><a href="https://www.amazon.de/dp/'
                 'B000?tag=x-21" rel="sponsored">Jetzt bei Amazon kaufen</a></p>',
    "emoji": '<p>Great news <img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png" alt="😀" '
             'class="emoji"> for all.</p>',
    "partner-logos": '<div class="partners">' + "".join(
        f'<a href="https://partner{n}.com"><img src="https://e.org/partners/p{n}.png"></a>' for n in range(4)) + "</div>",
}


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
@pytest.mark.parametrize("name", list(CHROME))
def test_pictures_that_are_not_the_storys(name, hashed):
    html = f"<html><head><title>A story</title></head><body><article><h1>A story</h1>{LEAD}{STORY}{CHROME[name]}{STORY}" \
           "</article></body></html>"
    document = extract_html(hashed_classes(html) if hashed else html)
    assert [f.src.rsplit("/", 1)[-1] for f in document.figures] == ["lead.jpg"]


def test_a_photographers_staff_page_linked_from_the_credit_keeps_the_picture():
    unit = ('<div><img src="https://e.org/uploads/bridge.jpg"><div>The bridge at dawn. Photo: <a href='
            '"https://e.org/authors/jane-doe">Jane Doe</a></div></div>')
    html = f"<html><head><title>A story</title></head><body><article><h1>A story</h1>{STORY}{unit}{STORY}</article></body></html>"
    assert [(f.caption, f.credit.text) for f in extract_html(html).figures] == [("The bridge at dawn.", "Jane Doe")]


def test_a_picture_in_another_size_takes_its_credit_from_the_pages_structured_data():
    # JSON-LD names the picture's original file; the page shows a WordPress size of it
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"A story","image":{"@type":'
          '"ImageObject","url":"https://e.org/up/bridge-closed.jpg","caption":"The bridge at dawn.","creditText":'
          '"Jane Doe/AP"}}')
    html = (f'<html><head><title>A story</title><script type="application/ld+json">{ld}</script></head><body>'
            f'<article><h1>A story</h1>{STORY}<p><img src="https://e.org/up/bridge-closed-800x600.jpg"></p>{STORY}'
            "</article></body></html>")
    [figure] = extract_html(html).figures
    # the credit counts wherever the page says it; the caption only where a reader sees it
    assert (figure.caption, figure.credit.text, figure.credit.origin) == (None, "Jane Doe/AP", "json-ld")


# -- galleries: one figure per picture, each with its own caption and credit ---------------

_SLIDES = ["The harbour at dawn. Photo: Jane Doe/AP", "The market at noon. Photo: John Roe/AP",
           "The bridge at night. Photo: Ann Poe/AP"]
GALLERIES = {
    "swiper": '<div class="swiper"><div class="swiper-wrapper">' + "".join(
        f'<div class="swiper-slide"><img src="https://e.org/g/slide-{n}.jpg"><div class="caption">{c}</div></div>'
        for n, c in enumerate(_SLIDES)) + "</div></div>",
    "wp-block-gallery": '<figure class="wp-block-gallery">' + "".join(
        f'<figure class="wp-block-image"><img src="https://e.org/g/slide-{n}.jpg"><figcaption>{c}</figcaption></figure>'
        for n, c in enumerate(_SLIDES)) + '<figcaption class="blocks-gallery-caption">Scenes from the city</figcaption></figure>',
    "wp-classic-gallery": '<div class="gallery">' + "".join(
        f'<dl class="gallery-item"><dt class="gallery-icon"><a href="https://e.org/g/slide-{n}.jpg"><img '
        f'src="https://e.org/g/slide-{n}-150x150.jpg" width="150" height="150"></a></dt><dd class="wp-caption-text '
        f'gallery-caption">{c}</dd></dl>' for n, c in enumerate(_SLIDES)) + "</div>",
    "data-caption-list": '<div class="gallery"><ul>' + "".join(
        f'<li><img src="https://e.org/g/slide-{n}.jpg" data-caption="{c}"></li>' for n, c in enumerate(_SLIDES))
        + "</ul></div>",
    "slick-lazy": '<div class="slider">' + "".join(
        f'<div class="slide"><img data-lazy="https://e.org/g/slide-{n}.jpg"><p>{c}</p></div>'
        for n, c in enumerate(_SLIDES)) + "</div>",
}


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
@pytest.mark.parametrize("name", list(GALLERIES))
def test_galleries(name, hashed):
    assert figure_reading(GALLERIES[name], hashed) == [
        ("The harbour at dawn.", "Jane Doe/AP"), ("The market at noon.", "John Roe/AP"), ("The bridge at night.", "Ann Poe/AP")]


def test_a_story_typed_in_a_box_per_paragraph():
    """RIA's markup: each paragraph a <div> in a box of its own, no <p> anywhere; the boxes' holder is
    the story's body, its first line the dateline."""
    text = ("Вулкан выбросил столб пепла на высоту до восьми километров над уровнем моря, сообщили в КВЕРТ. "
            "Для авиации объявлен оранжевый код опасности, пеплопад прошёл в поселке Ключи. ")
    blocks = "".join(f'<div class="block"><div class="text">{text}</div></div>' for _ in range(4))
    html = ('<html><body><div class="page"><h1>Вулкан Шивелуч выбросил пепел</h1><div class="body">'
            '<div class="block"><div class="text"><strong>ПЕТРОПАВЛОВСК-КАМЧАТСКИЙ, 3 мая — РИА Новости.</strong> '
            f"{text}</div></div>{blocks}</div></div></body></html>")
    assert [d.agency for d in extract_html(html).datelines] == ["RIA Novosti"]


def test_a_caption_that_ends_with_the_credit_its_picture_carries():
    """The credit in a data attribute, and again at the caption's end after its full stop: the
    caption is the text before it."""
    unit = ('<figure data-credit="Jane Doe/The Ledger"><img src="https://e.org/a.jpg"><figcaption>'
            f"{CAPTION} Jane Doe/The Ledger</figcaption></figure>")
    assert figure_reading(unit, False) == [(CAPTION, "Jane Doe/The Ledger")]


@pytest.mark.parametrize("attributes, caption, credit", [
    ('data-legende="{c}" data-credit="Jane Doe"', CAPTION, "Jane Doe"),  # the house's language
    ('data-legenda="{c}" data-autor="Jane Doe"', CAPTION, "Jane Doe"),
    # lightGallery's caption as HTML in an attribute
    ('data-sub-html="&lt;h4&gt;{c}&lt;/h4&gt;&lt;p&gt;Foto: Jane Doe&lt;/p&gt;"', CAPTION, "Jane Doe"),
])
def test_a_slides_caption_in_a_data_attribute_of_its_own_name(attributes, caption, credit):
    slides = "".join(f'<div class="cell" {attributes.format(c=CAPTION)}><img src="https://e.org/s{n}.jpg" alt=""></div>'
                     for n in range(3))
    readings = figure_reading(f'<div class="carousel">{slides}</div>', False)
    assert readings == [(caption, credit)] * 3


def test_a_gallery_under_its_heading_is_no_story_card():
    """A heading that says "Fotostrecke" over thumbnails whose links lead to the pictures' own files
    (a lightbox's): a gallery, every picture the story's, its caption in the link's data-caption."""
    items = "".join(f'<li><a href="https://e.org/big-{n}.jpg" data-fancybox="g" data-caption="{CAPTION}&lt;br&gt;'
                    f'&lt;small&gt;Foto: Jane Doe&lt;/small&gt;"><img src="https://e.org/th-{n}.jpg" alt=""></a></li>'
                    for n in range(4))
    unit = f'<div class="fotostrecke"><h2>Fotostrecke: Oldtimer in Wetzlar</h2><ul>{items}</ul></div>'
    assert figure_reading(unit, False) == [(CAPTION, "Jane Doe")] * 4


def test_an_alt_text_that_is_the_files_name_credits_no_one():
    unit = '<p><a href="https://e.org/up/by.large_.png"><img src="https://e.org/up/by.large_.png" alt="by.large"></a></p>'
    assert figure_reading(unit, False) == [(None, None)]


def test_a_figures_own_title_is_no_story_cards_headline():
    """PhotoSwipe galleries (Hugo): each slide a <figure> whose <figcaption> opens with an <h4> title,
    its link to the picture's file; the title heads the picture, not a teaser."""
    slides = "".join(f'<div class="box"><figure><img src="https://e.org/s{n}-thumb.jpg" alt=""><a href="https://e.org/'
                     f's{n}.jpg"></a><figcaption><h4>Reine harbour</h4><p>{CAPTION} Photo: Jane Doe/AP</p>'
                     "</figcaption></figure></div>" for n in range(3))
    readings = figure_reading(f'<div class="gallery">{slides}</div>', False)
    assert len(readings) == 3 and all(credit == "Jane Doe/AP" for _, credit in readings)


def test_a_gallery_named_by_its_heading_in_any_language():
    """lightGallery: a grid of links to the pictures' files under "写真で見る…（全6枚）" ("… in photos"),
    each caption and credit in the link's data-sub-html."""
    items = "".join(f'<li><a href="https://e.org/p{n}_L.jpg" data-sub-html="&lt;h4&gt;{CAPTION}&lt;/h4&gt;&lt;p&gt;'
                    f'写真：Jane Doe&lt;/p&gt;"><img src="https://e.org/p{n}_S.jpg" alt=""></a></li>' for n in range(3))
    unit = f'<section aria-label="写真特集"><h2>写真で見る輪島の夏祭り（全3枚）</h2><ul>{items}</ul></section>'
    assert len(figure_reading(unit, False)) == 3


def test_the_storys_paragraphs_are_the_story_whatever_their_holders_modifier_class():
    """Foxiz: the story's text in "entry-content is-highlight-shares" (a share-highlighting modifier):
    its paragraphs are the story, and its pictures the story's."""
    paragraphs = "".join(f"<p>Paragraph {n}: the governor flagged off the rehabilitation of the 92-kilometre road, at "
                         "a cost of 18 billion naira, and said work would start at once.</p>" for n in range(4))
    html = ("<html><body><div class='rb-container'><h1>Oyo flags off road rehabilitation</h1><div class='entry-content "
            f"is-highlight-shares'>{paragraphs}<figure><img src='https://e.org/road.jpg'><figcaption>{CAPTION} "
            f"Photo: Jane Doe/AP</figcaption></figure>{paragraphs}</div></div></body></html>")
    document = extract_html(html)
    assert [(f.caption, f.credit.text if f.credit else None) for f in document.figures] == [(CAPTION, "Jane Doe/AP")]


def test_the_element_the_page_marks_as_the_articles_body_is_never_chrome():
    """BLOX: <div itemprop="articleBody" class="asset-content subscriber-premium"> holds the story (a
    paywall's marker, not a subscription box): its pictures are the story's."""
    paragraphs = "".join(f"<p>Paragraph {n}: evacuation orders for about 140 homes were lifted on Wednesday morning "
                         "as firefighters said lines around the fire held.</p>" for n in range(4))
    html = ("<html><body><h1>Evacuation orders lifted near Ferndale</h1><div itemprop='articleBody' class='asset-content "
            f"subscriber-premium'><div class='subscriber-only'>{paragraphs}</div><figure><img src='https://e.org/fire.jpg'>"
            f"<figcaption>{CAPTION} Photo: Jane Doe/AP</figcaption></figure>{paragraphs}</div></body></html>")
    assert [f.credit.text for f in extract_html(html).figures if f.credit] == ["Jane Doe/AP"]


def test_a_screen_readers_label_in_a_hidden_class_is_no_caption_text():
    """Sky News: "<span class=u-hide-visually>Image:</span>" before the caption (a class says it is
    hidden; with the class hashed nothing does)."""
    unit = (f'<figure><img src="https://e.org/a.jpg"><figcaption><span><span class="u-hide-visually">Image:</span> '
            f"{CAPTION} Pic: Jane Doe/AP</span></figcaption></figure>")
    assert figure_reading(unit, False) == [(CAPTION, "Jane Doe/AP")]


def test_a_caption_in_two_attributes_reads_as_one():
    """FooGallery: data-caption-title holds the caption, data-caption-desc the credit."""
    items = "".join(f'<div class="fg-item"><figure><a href="https://e.org/big-{n}.jpg" data-caption-title="{CAPTION}" '
                    f'data-caption-desc="Foto: Jane Doe/AP"><img src="https://e.org/th-{n}.jpg" alt=""></a><figcaption>'
                    "</figcaption></figure></div>" for n in range(3))
    assert figure_reading(f'<div class="foogallery">{items}</div>', False) == [(CAPTION, "Jane Doe/AP")] * 3


@pytest.mark.parametrize("attributes", [
    'class="swiper-lazy swiper-lazy-loading" src="https://e.org/mayor-photo.jpg"',  # the photo in a loader's state
    'class="loading" src="/img/ajax-loader.gif" data-lazyload="https://e.org/mayor-photo.jpg"',  # the wheel, then the photo
])
def test_a_lazy_loaders_state_is_no_loading_wheel(attributes):
    unit = f"<figure><img {attributes}><figcaption>{CAPTION} Photo: Jane Doe/AP</figcaption></figure>"
    html = f"<html><body><article><h1>A story</h1>{STORY}{unit}{STORY}</article></body></html>"
    assert [f.src for f in extract_html(html).figures] == ["https://e.org/mayor-photo.jpg"]


# -- the names a page gives its elements for its scripts, tests and screen readers ------------

@pytest.mark.parametrize("parts", [
    # React sites hash their classes but keep their test ids; the credit may stand first
    '<span data-testid="photo-credit">Jane Doe</span><p data-testid="photo-caption">{caption}</p>',
    '<p data-testid="caption">{caption} <span data-testid="credit">Jane Doe</span></p>',
    '<p>{caption} <span data-qa="image-credit">Jane Doe</span></p>',
    '<p>{caption} <span data-component="PhotoCredit">Jane Doe</span></p>',
    # a screen reader's label of a word or two names the element's role (NPR's "Image credit")
    '<p>{caption} <b aria-label="Image credit">Jane Doe</b></p>',
])
def test_test_ids_and_short_aria_labels_name_caption_and_credit_where_classes_are_hashed(parts):
    caption = "The mayor speaks in London on Monday."
    unit = f'<div class="m"><img src="/a/mayor-speech.jpg" alt=""><div class="i">{parts.format(caption=caption)}</div></div>'
    assert figure_reading(unit, hashed=True) == [(caption, "Jane Doe")]



def test_a_credit_labelled_by_a_screen_readers_label_beside_the_picture_with_classes_hashed():
    # BBC (2019): "Image copyright" is an off-screen label, the credit the next span; once the
    # hiding class is hashed, the label is a line of its own that names the line after it
    unit = ('<figure class="media-landscape"><span class="image-and-copyright-container">'
            '<img src="/news/976/cpsprodpb/_109741074_prosecutor.jpg" alt="The prosecutor">'
            '<span class="off-screen">Image copyright</span><span class="story-image-copyright">EPA</span></span>'
            '<figcaption class="media-caption"><span class="off-screen">Image caption</span>'
            '<span class="media-caption__text">The prosecutor said the case had been closed</span></figcaption></figure>')
    for hashed in (False, True):
        assert figure_reading(unit, hashed) == [("The prosecutor said the case had been closed", "EPA")]


def test_a_list_of_alike_picture_items_is_a_slideshow_whatever_its_classes():
    # DW's picture gallery: each <li> one picture, the gallery's and the slide's titles, and the
    # slide's text, which is its caption; with the classes hashed, the list's likeness says so
    slide = ('<li class="hideBeforeLoad"><div class="teaserImg"><img src="/image/3603821{n}_303.jpg" '
             'alt="Slide {n} (picture-alliance/akg-images)"></div><div class="teaserContentWrap"><div class="tools"></div>'
             '<h4>The harbour in pictures</h4><h2>Slide {n} title</h2><p>The harbour in {n}, when the first ships came '
             'in.</p></div></li>')
    unit = '<div class="gallery"><ul class="slides">' + "".join(slide.format(n=n) for n in (1, 2, 3, 4)) + '</ul></div>'
    expected = [(f"The harbour in {n}, when the first ships came in.", "picture-alliance/akg-images") for n in (1, 2, 3, 4)]
    for hashed in (False, True):
        assert figure_reading(unit, hashed) == expected
    # items that link to other stories are a teaser list, not slides
    linked = unit.replace("<h2>Slide", "<h2><a href='/en/another-story'>Slide").replace(" title</h2>", " title</a></h2>")
    assert figure_reading(linked, hashed=True) == []


def test_one_long_text_block_beside_the_picture_is_its_caption_when_it_ends_in_a_credit():
    # WordPress's wp-caption with its classes hashed: an AP caption runs past 150 characters, which
    # alone reads as running text; its closing credit says it is the picture's caption
    caption = ("Judge Jane Doe, left, walks with Governor John Roe from the Capitol Building to the Temple of Justice "
               "for her introduction as the newest member of the state Supreme Court on Wednesday, in Olympia.")
    unit = (f'<div class="wp-caption alignnone"><img class="size-large" src="/uploads/2020/01/AP_19338730691260-640x400.jpg"'
            f' alt="" width="600" height="375"><div class="wp-caption-text">{caption} (AP Photo/Elaine Thompson)</div></div>')
    for hashed in (False, True):
        assert figure_reading(unit, hashed) == [(caption, "AP Photo/Elaine Thompson")]
    # with no credit at its end and no class to say so, one long block beside a picture may as well
    # be the story's own paragraph in the picture's box: auditor does not guess (the figure says
    # "no caption", which an editor checks, rather than a paragraph of the story read as its caption)
    unit = unit.replace(" (AP Photo/Elaine Thompson)", "")
    assert figure_reading(unit, hashed=True) == [(None, None)]


def test_one_link_around_picture_caption_and_labelled_credit_in_a_box_of_its_own():
    # Aktuálně.cz: a link to the photo's own viewer page wraps the picture and its caption, which ends
    # in a labelled credit; with the classes hashed, the label and the box say it is the caption
    unit = ('<div class="article__photo"><a href="/aston-villa/r~ada3322c/r~8fa032ba/" class="lightbbox"'
            ' data-img="//cdn.example.cz/original/9b6b601b.jpg"><div class="article__photo__image"><img src="//cdn.example.cz/resize/9b6b601b_resize=680,383_.jpg"></div>'
            '<div class="article__photo__desc">Spokojený Tomáš Souček po vítězství. | Foto: Reuters</div></a></div>')
    for hashed in (False, True):
        assert figure_reading(unit, hashed) == [("Spokojený Tomáš Souček po vítězství.", "Reuters")]
    # a gallery teaser's link holds a title after its label, and no caption: still a teaser
    teaser = unit.replace("Spokojený Tomáš Souček po vítězství. | Foto: Reuters", "Fotos: Aston Villa")
    assert figure_reading(teaser, hashed=True) == []


def test_what_holds_the_storys_byline_and_date_is_not_the_pictures_frame():
    # the New York Times' lead picture and byline in one wrapper, classes hashed: the <time> of the
    # byline marks the story's header, so the picture's frame stops below it
    head = ("<div class='top'><div class='media'><div class='pic'><img src='/images/2019/11/19/council-1024.jpg' alt=''>"
            "</div><div class='cap'>The council in session on Monday. Credit...Jane Doe/Associated Press</div></div>"
            "<div class='byline'>By Jane Roe and John Doe <time datetime='2019-11-19'>Nov. 19, 2019</time></div></div>")
    assert figure_reading(head, hashed=True) == [("The council in session on Monday.", "Jane Doe/Associated Press")]


def test_a_scripts_code_beside_the_picture_is_no_text_of_its_box():
    # National Geographic: the picture's JSON-LD stands in its <picture>; its code is no text a
    # reader sees, so the box is still small enough for its caption lines
    ld = ('{"@context":"https://schema.org","@type":"ImageObject","author":"Ed Marshall","caption":"The island '
          'of Redonda, once thought doomed by goats and rats.","contentUrl":"https://static.example.co.uk/files/'
          'rewilding-redonda.jpg","width":2048,"height":1365,"name":"rewilding-redonda.jpg"}') * 2
    unit = ('<div class="ngart-img"><a class="ngart-img__cntr"><picture class="resp-img-cntr">'
            '<img src="https://static.example.co.uk/files/styles/image_885/public/redonda.jpg" width="885" height="590">'
            f'<script type="application/ld+json">{ld}</script></picture></a><div class="ngart-img__cont">'
            '<div class="ngart-img__cont__copy">The island of Redonda, once thought doomed by goats and rats.</div>'
            '<div class="ngart-img__cont__author">Photograph by <span>Ed Marshall</span></div></div></div>')
    assert figure_reading(unit, hashed=True) == [("The island of Redonda, once thought doomed by goats and rats.",
                                                  "Ed Marshall")]



def test_a_caption_element_that_is_a_credit_end_to_end_is_read_whole():
    # Ghost's Unsplash card: "Photo by <a>Jane Doe</a> / <a>Unsplash</a>" is the whole credit, not
    # its last link alone; a caption after a line break is still a caption ("© Fox News<br>…")
    unit = ('<figure class="kg-card kg-image-card"><img src="https://images.unsplash.com/photo-1576013551627-0cc20b96c2a7'
            '?w=2000" alt=""><figcaption><span>Photo by </span><a href="https://unsplash.com/@janedoe">'
            '<span>Jane Doe</span></a><span> / </span><a href="https://unsplash.com/">Unsplash</a></figcaption></figure>')
    assert figure_reading(unit, hashed=False) == [(None, "Jane Doe / Unsplash")]
    boxed = ('<div class="article-image-large"><img src="/image/s20/418292/large/hannity_600x336.jpg" alt=""><div '
             'class="image-caption"><span class="tiny">&copy; Fox News</span><br><span class="caption">The host '
             'interviews the congressman</span></div></div>')
    assert figure_reading(boxed, hashed=False) == [("The host interviews the congressman", "Fox News")]


def test_an_agency_alone_in_the_credit_slot_gives_way_to_the_captions_fuller_credit():
    # Gray TV: the caption ends "(AP Photo/George Walker IV)", the credit element says "(AP)"
    caption = "Tennessee state Sen. Carla Mayes speaks on the Senate floor in Nashville on Thursday."
    unit = (f'<figure><img src="https://gray-example.com/resizer/v2/KQ7ZL3PM.jpg"><figcaption class="caption">{caption} '
            '(AP Photo/George Walker IV)<span class="credit">(AP)</span></figcaption></figure>')
    assert figure_reading(unit, hashed=False) == [(caption, "AP Photo/George Walker IV")]
    # a credit element that names a photographer keeps its own credit
    named = unit.replace("<span class=\"credit\">(AP)</span>", "<span class=\"credit\">Jane Doe/AP</span>")
    assert figure_reading(named, hashed=False) == [(caption, "Jane Doe/AP")]


def test_a_carousels_slide_captions_before_the_story_leave_its_dateline_found():
    # AP News: the lead carousel's slide descriptions (<div><p>…</p></div> in each slide) stand
    # before the story's first paragraph, outside any figcaption
    slides = "".join(
        f'<div class="CarouselSlide"><div class="CarouselSlide-media"><figure class="Figure"><img '
        f'src="https://dims.apnews.com/AP2633856987112{n}.jpg" alt="Senators"></figure></div><div '
        f'class="CarouselSlide-info"><div class="CarouselSlide-infoDescription"><p>Senators walk to the chamber '
        f'before the vote on Capitol Hill, Thursday, Dec. 4, 2026. (AP Photo/Dana Whitlock)</p></div></div></div>'
        for n in range(5))
    html = (f'<html><body><main><h1>Senate passes wildfire bill</h1><bsp-carousel>{slides}</bsp-carousel>'
            '<div class="RichTextStoryBody"><p>WASHINGTON (AP) — The Senate on Thursday passed a sweeping bill, '
            f'ending months of stalemate over money for Western states.</p>{PARAGRAPHS}</div></main></body></html>')
    document = extract_html(html)
    assert len(document.figures) == 5
    assert [d.text for d in document.datelines] == ["WASHINGTON (AP) —"]
    assert [m.line for m in document.mentions if m.text == "AP"] == []  # the dateline's agency is no mention


@pytest.mark.parametrize("last, caption, credit", [
    # Thai: "thanks for the picture to" and no colon (a script without capitals: no name to see)
    ("ขอบคุณภาพจาก เฟซบุ๊ก Philippine Red Cross", "Volunteers hand out food at the shelter.",
     "เฟซบุ๊ก Philippine Red Cross"),
    ("Foto Jane Doe", "Volunteers hand out food at the shelter.", "Jane Doe"),
    # a second line of description stays the caption's
    ("Images of the flood", "Volunteers hand out food at the shelter. Images of the flood", None),
])
def test_a_captions_last_line_that_is_a_labelled_credit(last, caption, credit):
    unit = ('<figure><img src="https://e.org/shelter.jpg"><figcaption>Volunteers hand out food at the shelter.'
            f'<br/>{last}</figcaption></figure>')
    assert figure_reading(unit, hashed=False) == [(caption, credit)]



@pytest.mark.parametrize("line, text, agencies", [
    ("年底前，还将有一批铁路项目建成投运。（完）", "（完）", []),  # Xinhua's end mark glued to the last sentence
    ("ที่มา : Reuters, AFP", "ที่มา : Reuters, AFP", ["Reuters", "AFP"]),  # Thai "source:"
    ("Nguồn: Reuters", "Nguồn: Reuters", ["Reuters"]),
    ("المصدر : الجزيرة + وكالات", "المصدر : الجزيرة + وكالات", []),
])
def test_end_marks_and_source_lines_in_more_languages(line, text, agencies):
    signoff = extract_html(_closing(line)).signoff
    assert (signoff.text, signoff.agencies) == (text, agencies)


@pytest.mark.parametrize("line, text, initials, agencies", [
    # another agency named in Reuters' form is the one that reported (News24)
    ("<em>- Additional reporting by AFP</em>", "- Additional reporting by AFP", [], ["AFP"]),
    ("(Reporting by Jane Doe; Editing by John Roe)", "(Reporting by Jane Doe; Editing by John Roe)", [], ["Reuters"]),
    # SVT's agency glued to the last word, the Inquirer's editor after the last sentence
    ("Snöfall väntas i fjällen under lördagen/TT", "/TT", [], ["TT"]),
    ("More cyclones could form before the end of the month. <em>/cb</em>", "/cb", ["cb"], []),
])
def test_sign_offs_closing_the_last_paragraph(line, text, initials, agencies):
    signoff = extract_html(_closing(line)).signoff
    assert (signoff.text, signoff.initials, signoff.agencies) == (text, initials, agencies)


@pytest.mark.parametrize("line", ["The vote was 5/4", "He wrote and/or spoke on the matter."])
def test_a_slash_in_the_last_sentence_is_no_sign_off(line):
    assert extract_html(_closing(line)).signoff is None


def test_an_abbreviation_the_story_defined_closes_it():
    # Punch: the registry knows the News Agency of Nigeria by its full name only ("NAN" is also "not a
    # number"); the story defines the short name, and its last line is that name in brackets
    html = _closing("(NAN)").replace(
        "<h1>Bridge closes</h1>", "<h1>Bridge closes</h1><p>The minister told the News Agency of Nigeria (NAN) on "
                                  "Tuesday that the bridge would close.</p>")
    signoff = extract_html(html).signoff
    assert (signoff.text, signoff.agencies) == ("(NAN)", ["News Agency of Nigeria"])
    assert extract_html(_closing("(NAN)")).signoff is None  # undefined: nobody's


@pytest.mark.parametrize("first, caption, credit", [
    # The Gleaner: the credit's line set above the caption, a photographer's role after the slash
    ("Kavon Hylton/Photographer", "Fishermen repair nets at the bay on Wednesday.", "Kavon Hylton/Photographer"),
    ("Jane Doe/AFP", "Fishermen repair nets at the bay on Wednesday.", "Jane Doe/AFP"),
    # a place or a kicker above the caption is the caption's
    ("Berlin/Germany", "Berlin/Germany Fishermen repair nets at the bay on Wednesday.", None),
    ("RISING RIVER", "RISING RIVER Fishermen repair nets at the bay on Wednesday.", None),
])
def test_a_captions_first_line_that_says_it_is_a_credit(first, caption, credit):
    unit = (f'<figure><img src="https://e.org/jetty.jpg"><div class="image-caption">{first}<br>Fishermen repair '
            'nets at the bay on Wednesday.</div></figure>')
    assert figure_reading(unit, hashed=False) == [(caption, credit)]


def test_more_sign_offs_and_datelines_from_the_eighth_round():
    signoff = extract_html(_closing("—With assistance from Paulina Ossa.")).signoff  # Bloomberg
    assert (signoff.text, signoff.style) == ("—With assistance from Paulina Ossa.", "contributors")
    datelines = extract_html(_opening("नई दिल्ली, 5 दिसंबर (आईएएनएस)। ")).datelines  # a danda ends it
    assert [(d.text, d.agency) for d in datelines] == [("नई दिल्ली, 5 दिसंबर (आईएएनएस)।", "IANS")]


def test_a_caption_that_ends_with_the_sites_own_name_credits_the_house():
    caption = "Women carry drinking water in a camp for displaced people in North Darfur"
    figure = (f'<figure><img src="https://ufuq.example/files/camp-water.jpg"><figcaption>{caption} (الأفق الأوسط)'
              '</figcaption></figure>')
    page = (f'<html><head><meta property="og:site_name" content="الأفق الأوسط"></head><body><article><h1>Darfur</h1>'
            f'{figure}{PARAGRAPHS}</article></body></html>')
    document = extract_html(page)
    assert [(f.caption, f.credit.text if f.credit else None) for f in document.figures] == [(caption, "الأفق الأوسط")]
    # another name in brackets stays the caption's
    other = extract_html(page.replace('content="الأفق الأوسط"', 'content="The Ledger"'))
    assert other.figures[0].credit is None


def test_a_dateline_on_a_line_of_its_own_opens_a_short_story():
    # Europa Press: "MÁLAGA, 3 (EUROPA PRESS)" as the first paragraph, no dash; it neither closes the
    # story nor hides the mentions after it
    story = ("<p>El puerto cerrará 2026 con un nuevo récord de cruceristas, según sus datos.</p>"
             "<p>Fuentes del Ayuntamiento han señalado a Europa Press que trabajan en un plan.</p>"
             "<p>La temporada alta se concentra entre abril y noviembre, con picos en otoño.</p>")
    html = f"<html><body><article><h1>Cruceros</h1><p>MÁLAGA, 3 (EUROPA PRESS)</p>{story}</article></body></html>"
    document = extract_html(html)
    assert [d.text for d in document.datelines] == ["MÁLAGA, 3 (EUROPA PRESS)"]
    assert document.signoff is None
    assert [m.agency for m in document.mentions] == ["Europa Press"]
    # a date and time on a line of their own name no place
    timed = html.replace("MÁLAGA, 3 (EUROPA PRESS)", "3. 5. 2026 9:45 (ČTK)")
    assert extract_html(timed).datelines == []


@pytest.mark.parametrize("opening, agency", [
    ("中新网北京12月5日电 ", "China News Service"),  # China News Service's web desk, 网
])
def test_more_cjk_datelines(opening, agency):
    assert [d.agency for d in extract_html(_opening(opening)).datelines] == [agency]


@pytest.mark.parametrize("size, taken", [("width=\"660\" height=\"371\"", True), ("width=\"24\" height=\"24\"", False)])
def test_a_large_picture_in_a_lightbox_button_is_the_storys(size, taken):
    # Gannett: <button aria-label="Expand"><img …></button>, its caption and credit in data attributes
    unit = (f'<figure class="gnt_em_img"><button class="gnt_em_img_a" aria-label="Expand"><img class="gnt_em_img_i" '
            f'src="https://e.org/gcdn/PUCO_hearing_1203.JPG" {size} alt="Commissioners at a dais"></button>'
            f'<div class="gnt_em_img_ccl" data-c-caption="{CAPTION}" data-c-credit="Dana Whitfield/USA TODAY NETWORK">'
            '</div></figure>')
    expected = [(CAPTION, "Dana Whitfield/USA TODAY NETWORK")] if taken else []
    assert figure_reading(unit, hashed=False) == expected


def test_why_names_the_line_a_credit_was_read_from():
    unit = ('<figure><img src="https://e.org/jetty.jpg"><div class="image-caption">Kavon Hylton/Photographer<br>'
            'Fishermen repair nets at the bay on Wednesday.</div></figure>')
    html = f"<html><body><article><h1>Jetty</h1>{unit}{PARAGRAPHS}</article></body></html>"
    details = [d for decision in extract_html(html, why=True).decisions for d in decision.details]
    assert "credit from the first line of div.image-caption line 1" in details


# -- names that close a caption nothing else credits ------------------------------------------

@pytest.mark.parametrize("text, caption, credit", [
    # (the shapes seen on the fourteenth and fifteenth rounds' pages, names invented)
    ("Pat Widdowson is third from left. Frome Museum archive", "Pat Widdowson is third from left.",
     "Frome Museum archive"),
    ("Commuters board a truck in Quezon City. Photo from LTFRB", "Commuters board a truck in Quezon City.", "LTFRB"),
    ("Workers clear debris at the headworks in August. Post File Photo",
     "Workers clear debris at the headworks in August.", "Post"),
    ("The commissioner at a budget hearing in 2025. | Sun-Dispatch file",
     "The commissioner at a budget hearing in 2025.", "Sun-Dispatch"),
])
def test_names_closing_a_caption_credit_it(text, caption, credit):
    unit = f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    assert figure_reading(unit, False) == [(caption, credit)]


@pytest.mark.parametrize("text", [
    "The mayor and her deputy at the town hall. Pictured: Jane Doe",  # who is in the picture
    "The mayor and her deputy at the town hall (Top L)",  # where someone stands
    "The storm reached its peak on Sunday evening (stock image)",  # a note on the picture
    "Facebook was founded by Mark Zuckerberg in 2004 as a network for students. It...",  # a shortened caption
    "The mayor greets the crowd after the vote. Afterwards",  # one word: a sentence's start
    "The mayor greets the crowd after the vote. November 4, 2026",  # a date
    "The mayor greets the crowd after the vote on the square in the old town",  # no names apart
    # (a review's cases: names alone say nothing of a source; a title's stop closes no sentence)
    "Senate Majority Leader Chuck Schumer talks with Sen. Bernie Sanders",
    "The award was presented by Dr. Jane Smith",
    "Fans celebrate the goal at the stadium. Manchester United",
    "Sunset over the bay on Sunday. Cape Town, South Africa",
    "The forward scores in the final minute (Inter Miami)",
    "The cover of the singer's new album (The Tortured Poets Department)",
    "The old harbour before the storm (Archive, 2019)",
    "\"We shall fight on the beaches.\" Winston Churchill",
    "L'incontro a Palazzo Chigi tra i due leader (Di Maio e Conte)",
    "Leaks reported earlier this year. The Twitter Files",
])
def test_a_caption_that_ends_otherwise_credits_no_one(text):
    unit = f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    [(_, credit)] = figure_reading(unit, False)
    assert credit is None


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
def test_a_name_line_after_the_captions_break_or_in_its_own_span(hashed):
    after_break = ('<figure class="wp-caption"><img src="https://e.org/mayor.jpg"><figcaption class="wp-caption-text">'
                   'The mayor speaks at a press conference at the city hall on Wednesday.<br>\nThe Tokai Shimbun'
                   '</figcaption></figure>')
    assert figure_reading(after_break, hashed) == [
        ("The mayor speaks at a press conference at the city hall on Wednesday.", "The Tokai Shimbun")]
    # ABC News: two spans, the second an office's name of seven words
    spans = ('<figure class="iWsMV"><img src="https://e.org/boat.jpg"><figcaption class="wMWYs">'
             '<span class="TvYdj">A boat seized by federal agents is shown in a photo included in court filings.</span>'
             '<span class="mQzBT">U.S. Attorney\'s Office Northern District of Indiana</span></figcaption></figure>')
    assert figure_reading(spans, hashed) == [
        ("A boat seized by federal agents is shown in a photo included in court filings.",
         "U.S. Attorney's Office Northern District of Indiana")]


def test_the_storys_closing_line_under_a_video_is_no_credit():
    # "Mit Material von Keystone-SDA." in a paragraph whose class says "author", after a video player:
    # the story's sources, not the poster's credit; the poster, described by nothing, is no figure
    unit = ('<div class="VideoPlayer_root"><div class="VideoPlayer_poster"><img src="https://e.org/posters/drohne.jpg" '
            'width="1280" height="720"></div><button class="VideoPlayer_play" aria-label="Video abspielen"></button></div>'
            '<p class="ArticleParagraph_author"><i>Mit Material von Keystone-SDA.</i></p>')
    html = f"<html><body><article><h1>Gotthard</h1>{STORY}{unit}</article></body></html>"
    document = extract_html(html)
    assert document.figures == []
    assert document.signoff is not None and document.signoff.agencies == ["Keystone-SDA"]


def test_why_says_which_page_step_credited_a_figure():
    unit = ('<figure><img src="https://media.example.org/a.jpg"><figcaption>Commuters board a truck in Quezon City. '
            'Photo from LTFRB</figcaption></figure>')
    html = f"<html><body><article><h1>A story</h1>{STORY}{unit}{STORY}</article></body></html>"
    [decision] = [d for d in extract_html(html, why=True).decisions if d.taken]
    assert "credit from the names that close the caption" in decision.details


@pytest.mark.parametrize("text", [
    "Der Kanzler Friedrich Merz beim Parteitag (CDU)",  # a party in brackets
    "Zwei Jahre nach dem Unglück – Angela Merkel",  # names after a dash, no sentence closed before it
])
def test_names_in_a_caption_that_closes_no_sentence_before_them_stay_its_own(text):
    unit = f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    assert figure_reading(unit, False) == [(text, None)]


@pytest.mark.parametrize("text, caption, credit", [
    # Yonhap's style, in every Korean paper: the day the picture was taken, then the agency
    ("학생들이 성적표를 확인하고 있다. 2026.12.4 연합뉴스", "학생들이 성적표를 확인하고 있다. 2026.12.4", "연합뉴스"),
    # a handout passed on, with Yonhap's terms ("no resale, no database")
    ("위원장이 결과를 발표하고 있다. [교육부 제공. 재판매 및 DB 금지]", "위원장이 결과를 발표하고 있다.", "교육부"),
    # a file picture's note (자료사진) after the agency
    ("서울 시내 모습 [연합뉴스 자료사진]", "서울 시내 모습", "연합뉴스"),
])
def test_korean_agency_captions(text, caption, credit):
    unit = f'<figure><img src="https://media.example.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    assert figure_reading(unit, False) == [(caption, credit)]


def test_a_slide_counter_in_its_own_element_is_no_part_of_the_caption():
    # ACM: <span>1/3</span> glued to the caption's first word
    unit = ('<figure data-index="1"><img src="https://e.org/a.jpg"><figcaption class="mt-2"><span class="mr-1">1/3</span>'
            'Volunteers set out at dusk for the second night. Picture by Keegan Nguyen</figcaption></figure>')
    assert figure_reading(unit, False) == [("Volunteers set out at dusk for the second night.", "Keegan Nguyen")]


@pytest.mark.parametrize("hashed", [False, True], ids=["classes", "hashed"])
def test_an_unmarked_caption_line_that_opens_with_its_labelled_credit(hashed):
    # Népszava: the caption paragraph's class names it in Hungarian (aláírás); the credit leads it in <em>
    unit = ('<div class="cikk-kep"><img src="https://e.org/m1.jpg" width="800" height="533" alt="">'
            '<p class="cikk-kep__alairas"><em>Fotó: Népszó/Halmi Dóra</em> Araszoló kamionok az M1-es autópálya '
            'bicskei szakaszán csütörtök hajnalban.</p></div>')
    assert figure_reading(unit, hashed) == [
        ("Araszoló kamionok az M1-es autópálya bicskei szakaszán csütörtök hajnalban.", "Népszó/Halmi Dóra")]


def test_the_captions_own_credit_wins_over_a_line_after_the_pictures_box():
    # the caption box says "[연합뉴스 자료사진]"; the copyright notice under the story is no picture's credit
    unit = ('<div class="v_photoarea"><div class="v_photo"><img src="https://e.org/a.jpg" alt=""></div>'
            '<div class="v_photo_caption"><p class="txt">[연합뉴스 자료사진]</p></div></div>'
            '<p class="copyright_yna">&lt;저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지&gt;</p>')
    html = f"<html><body><article><h1>A story</h1>{STORY}{unit}</article></body></html>"
    [figure] = extract_html(html).figures
    assert (figure.caption, figure.credit.text, figure.credit.flags) == (None, "연합뉴스", ["file"])


def test_a_pictures_title_that_ends_with_its_photographers_name():
    # La Voz de Galicia: no visible caption; the title holds the caption line, the name in capitals closing it
    unit = ('<figure class="media-image"><div class="img-container"><img class="img-ar lazy" src="https://e.org/blank.gif" '
            'data-src="https://img.example.org/Foto/va05c1f2.jpg" alt="Técnicos del Intecmar recogiendo muestras en la ría" '
            'title="Técnicos del Intecmar recogiendo muestras en la ría. MONICA IRAGO" width="640" height="427"></div></figure>')
    assert figure_reading(unit, False) == [("Técnicos del Intecmar recogiendo muestras en la ría.", "MONICA IRAGO")]


def test_a_licence_after_the_credit_that_closes_a_caption():
    unit = ('<figure class="story__figure"><img src="https://e.org/asinara.jpg"><figcaption class="story__caption">'
            "L'isola dell'Asinara vista dal mare. foto Wikimedia Commons/Gianni Careddu, CC BY-SA 4.0</figcaption></figure>")
    assert figure_reading(unit, False) == [("L'isola dell'Asinara vista dal mare.",
                                            "Wikimedia Commons/Gianni Careddu, CC BY-SA 4.0")]


def test_a_date_in_its_own_element_is_no_part_of_the_caption():
    unit = ('<figure class="t-article-media"><img src="https://e.org/porto.jpg"><figcaption class="t-article-media__caption">'
            'Contentores acumulados no terminal durante a greve <span class="t-article-media__credit">Foto: Rui Oliveira/'
            'Litoral Imagens</span> <span class="t-article-media__date">12 março 2025</span></figcaption></figure>')
    assert figure_reading(unit, False) == [("Contentores acumulados no terminal durante a greve",
                                            "Rui Oliveira/Litoral Imagens")]


@pytest.mark.parametrize("text, caption, credit", [
    # a handout passed on by the agency's reporter: the handout's giver is the credit
    ("(서울=연합뉴스) 진성철 기자 = 윤석열 대통령이 25일 발언하고 있다. 2024.1.25 [대통령실 제공. 재판매 및 DB 금지] "
     "zjin@yna.co.kr", "윤석열 대통령이 25일 발언하고 있다. 2024.1.25", "대통령실"),  # (the day stays, as Yonhap's)
    ("[서울=뉴시스] 김명원 기자 = 25일 서울 도심에서 화재가 발생했다. (사진=서울소방재난본부 제공) 2024.01.25. "
     "photo@newsis.com", "25일 서울 도심에서 화재가 발생했다.", "서울소방재난본부"),
])
def test_a_korean_agency_reporter_passes_on_a_handout(text, caption, credit):
    unit = f'<figure><img src="https://e.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    assert figure_reading(unit, False) == [(caption, credit)]


def test_a_caption_after_the_picture_that_opens_like_a_story_note_stays_a_caption():
    unit = ('<div class="pic"><img src="https://e.org/a.jpg"></div><p class="caption">Material from the excavation on '
            'display at the city museum. Photo: Jane Doe</p>')
    assert figure_reading(unit, False) == [("Material from the excavation on display at the city museum.", "Jane Doe")]


def test_a_korean_agency_picture_opens_its_caption_with_its_credit():
    text = ("[서울=뉴시스] 김선웅 기자 = 5일 오전 서울 종로구에서 평가원 관계자들이 채점 결과를 발표하고 있다. "
            "2026.12.05. mangusta@newsis.com")
    unit = f'<div class="photo"><img src="https://e.org/a.jpg"><p class="caption">{text}</p></div>'
    assert figure_reading(unit, False) == [("5일 오전 서울 종로구에서 평가원 관계자들이 채점 결과를 발표하고 있다.",
                                            "[서울=뉴시스] 김선웅 기자")]


@pytest.mark.parametrize("unit, expected", [
    # a date inside the caption's sentence is part of it; only one at its edge is a stamp
    ('<figure><img src="https://e.org/a.jpg"><figcaption>Protesters gather in Lisbon on <time datetime="2025-03-12">'
     '12 March 2025</time> to demand higher wages. Photo: Jane Doe/Reuters</figcaption></figure>',
     [("Protesters gather in Lisbon on 12 March 2025 to demand higher wages.", "Jane Doe/Reuters")]),
    # a credit line after the picture's box beats a bracketed agency in the caption, or a party's name
    ('<div class="article-image"><img src="https://e.org/a.jpg"><p class="caption">Olaf Scholz im Bundestag (Foto: dpa)'
     '</p></div><p class="photo-credit">Foto: Kay Nietfeld/dpa</p>',
     [("Olaf Scholz im Bundestag", "Kay Nietfeld/dpa")]),
    # in an unmarked box, a bold word or the people pictured at the caption's end are no credit
    ('<div class="media"><img src="https://e.org/a.jpg"><p>Der Bürgermeister eröffnet das Rathaus. <b>Video</b></p></div>',
     [("Der Bürgermeister eröffnet das Rathaus. Video", None)]),
    ('<div class="media"><img src="https://e.org/a.jpg"><p>Guests at the gala in the city hall. <strong>Anna Müller and '
     'Jonas Weber</strong></p></div>', [("Guests at the gala in the city hall. Anna Müller and Jonas Weber", None)]),
    # a line of people after a break, or a place with its region, is the caption's
    ('<figure><img src="https://e.org/a.jpg"><figcaption>The board was elected on Monday.<br>Chairman John Smith and '
     'Vice Chair Mary Jones</figcaption></figure>',
     [("The board was elected on Monday. Chairman John Smith and Vice Chair Mary Jones", None)]),
    ('<figure><img src="https://e.org/a.jpg"><figcaption>Floodwaters reached the old town on Monday.<br>Bad '
     'Neuenahr-Ahrweiler, Rhineland-Palatinate, Germany</figcaption></figure>',
     [("Floodwaters reached the old town on Monday. Bad Neuenahr-Ahrweiler, Rhineland-Palatinate, Germany", None)]),
])
def test_what_a_review_showed_is_no_credit(unit, expected):
    assert figure_reading(unit, False) == expected


def test_pictures_that_share_a_query_value_stay_apart():
    # a campaign or API key shared by all of a page's pictures names none of them
    units = "".join(f'<figure><img src="https://img.example.com/photos/{n}/image.jpg?key=public-web&w=800">'
                    f'<figcaption>{caption} Photo: {who}</figcaption></figure>'
                    for n, caption, who in (("8812", "Firefighters at the scene on Monday.", "Jane Doe"),
                                            ("8813", "The mayor speaks to reporters afterwards.", "John Roe")))
    assert [credit for _, credit in figure_reading(units, False)] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize("text, caption, credit", [
    ("公路局人員在台14甲線進行除雪作業。（圖／公路局提供）", "公路局人員在台14甲線進行除雪作業。", "公路局"),  # Taiwan's "picture / source"
    ("So stellen sich die Planer die neue Endhaltestelle vor. Visualisierung: Saarbahn GmbH",
     "So stellen sich die Planer die neue Endhaltestelle vor.", "Saarbahn GmbH"),  # a rendering's maker
])
def test_more_credit_labels(text, caption, credit):
    unit = f'<figure><img src="https://e.org/a.jpg"><figcaption>{text}</figcaption></figure>'
    assert figure_reading(unit, False) == [(caption, credit)]


def test_a_blox_buy_now_button_is_no_part_of_the_credit():
    unit = ('<figure class="photo"><img src="https://e.org/atr72.jpg"><figcaption class="caption"><span class="tnt-caption">'
            'A Caribair Express ATR 72 on the apron at the airport.</span> <span class="tnt-byline">CMC Photo</span> '
            '<a class="tnt-buy" href="#">Buy Now</a></figcaption></figure>')
    assert figure_reading(unit, False) == [("A Caribair Express ATR 72 on the apron at the airport.", "CMC Photo")]


@pytest.mark.parametrize("unit, expected", [
    # a link to buy a print, inside the caption
    ('<figure><img src="https://e.org/a.jpg"><figcaption>Volunteers fasten a storm shutter on Wednesday. (Dane Whitaker/'
     'The Inland Review) <a href="/buy/1094421">Buy a print of this photo</a></figcaption></figure>',
     [("Volunteers fasten a storm shutter on Wednesday.", "Dane Whitaker/The Inland Review")]),
    # Czech "illustrative photo", Quebec's "Photo courtoisie"
    ('<figure><img src="https://e.org/a.jpg"><figcaption>Polský regionální vlak u Valbřichu. <span class="author">'
     'Ilustrační foto: Reuters</span></figcaption></figure>', [("Polský regionální vlak u Valbřichu.", "Reuters")]),
    ('<figure><img src="https://e.org/a.jpg"><figcaption>Un arbre tombé bloquait une rue à Laval. <span class="credit">'
     'Photo courtoisie Ville de Laval</span></figcaption></figure>',
     [("Un arbre tombé bloquait une rue à Laval.", "Ville de Laval")]),
])
def test_nineteenth_round_labels(unit, expected):
    assert figure_reading(unit, False) == expected
