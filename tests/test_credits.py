"""Credit lines: prefixes, splitting into chains, flags, and separating credits from captions."""

import pytest

from auditor.extract.credits import (
    credit_after_last_sentence,
    lead_picture_note,
    looks_like_credit,
    normalise_credit_text,
    only_a_credit,
    parse_credit,
    provided_by,
    split_caption,
)
from auditor.registry import AgencyRegistry, default_registry


def chain(credit):
    return [(s.name, s.agency, s.role, s.via) for s in credit.sources]


@pytest.mark.parametrize(
    "printed, text, prefix, expected",
    [
        ("Image: Korean Central News Agency/Korea News Service/AP/picture alliance",
         "Korean Central News Agency/Korea News Service/AP/picture alliance", "Image:",
         [("Korean Central News Agency", "KCNA", "agency", False),
          ("Korea News Service", "Korea News Service", "distributor", False),
          ("AP", "AP", "agency", False),
          ("picture alliance", "picture alliance", "distributor", False)]),
        ("Jane Doe/AFP via Getty Images", "Jane Doe/AFP via Getty Images", None,
         [("Jane Doe", None, "photographer", False), ("AFP", "AFP", "agency", False),
          ("Getty Images", "Getty Images", "distributor", True)]),
        ("Bild: picture alliance/dpa | Axel Heimken", "picture alliance/dpa | Axel Heimken", "Bild:",
         [("picture alliance", "picture alliance", "distributor", False), ("dpa", "dpa", "agency", False),
          ("Axel Heimken", None, "photographer", False)]),
        ("REUTERS/Ivan Alvarado/File Photo", "REUTERS/Ivan Alvarado/File Photo", None,
         [("REUTERS", "Reuters", "agency", False), ("Ivan Alvarado", None, "photographer", False)]),
        ("Bildcredit: (c) yakushkina - depositphotos.com", "yakushkina - depositphotos.com", "Bildcredit: (c)",
         [("yakushkina", None, "unknown", False), ("depositphotos.com", "Depositphotos", "agency", False)]),
        # the agency in brackets after its photographer, as Swiss and German papers print it
        ("Urs Flüeler (Keystone)", "Urs Flüeler (Keystone)", None,
         [("Urs Flüeler", None, "photographer", False), ("Keystone", "Keystone", "agency", False)]),
        # a typesetter's apostrophe in a label; a separator left before the credit; an archive's name
        ("Photo d’archives : EPA-EFE/GAËTAN MORVAN", "EPA-EFE/GAËTAN MORVAN", "Photo d’archives :",
         [("EPA-EFE", "EPA", "agency", False), ("GAËTAN MORVAN", None, "photographer", False)]),
        ("· YANNICK LE GALL / AFP", "YANNICK LE GALL / AFP", None,
         [("YANNICK LE GALL", None, "photographer", False), ("AFP", "AFP", "agency", False)]),
        ("Archivo Municipal de Alzira", "Archivo Municipal de Alzira", None,
         [("Archivo Municipal de Alzira", None, "unknown", False)]),
        # "[File: Reuters]": a file picture, the agency's (the label conventions' own example)
        ("File: Reuters", "Reuters", "File:", [("Reuters", "Reuters", "agency", False)]),
        ("Photo: Hau Dinh, AP", "Hau Dinh, AP", "Photo:",
         [("Hau Dinh", None, "photographer", False), ("AP", "AP", "agency", False)]),
        ("Pavel Golovkin/dpa/picture alliance", "Pavel Golovkin/dpa/picture alliance", None,
         [("Pavel Golovkin", None, "photographer", False), ("dpa", "dpa", "agency", False),
          ("picture alliance", "picture alliance", "distributor", False)]),
        ("(AP Photo/Jane Doe)", "AP Photo/Jane Doe", None,
         [("AP Photo", "AP", "agency", False), ("Jane Doe", None, "photographer", False)]),
        ("(NOAA via AP)", "NOAA via AP", None,
         [("NOAA", None, "unknown", False), ("AP", "AP", "distributor", True)]),
        ("(Foto: Christian Charisius/dpa)", "Christian Charisius/dpa", "Foto:",
         [("Christian Charisius", None, "photographer", False), ("dpa", "dpa", "agency", False)]),
        ("©\u00a0Ben Stansall/\u200bAFP/\u200bGetty Images", "Ben Stansall/AFP/Getty Images", "©",
         [("Ben Stansall", None, "photographer", False), ("AFP", "AFP", "agency", False),
          ("Getty Images", "Getty Images", "distributor", False)]),
        ("Photo : Jean Martin / AFP", "Jean Martin / AFP", "Photo :",
         [("Jean Martin", None, "photographer", False), ("AFP", "AFP", "agency", False)]),
        ("Photograph: Tom Jenkins/The Guardian", "Tom Jenkins/The Guardian", "Photograph:",
         [("Tom Jenkins", None, "photographer", False), ("The Guardian", None, "unknown", False)]),
        ("Bildquelle: dpa/Efrem Lukatsky", "dpa/Efrem Lukatsky", "Bildquelle:",
         [("dpa", "dpa", "agency", False), ("Efrem Lukatsky", None, "photographer", False)]),
        ("Credit: EPA-EFE/Shutterstock", "EPA-EFE/Shutterstock", "Credit:",
         [("EPA-EFE", "EPA", "agency", False), ("Shutterstock", "Shutterstock", "distributor", False)]),
        # an agency's photo by its photographer, the prefix word between them
        ("MTI Fotó: Nemes János", "MTI Fotó: Nemes János", None,
         [("MTI", "MTI", "agency", False), ("Nemes János", None, "photographer", False)]),
        ("снимка: БГНЕС", "БГНЕС", "снимка:", [("БГНЕС", "BGNES", "agency", False)]),
        # what kind of picture it is, said as the prefix before a credit that names someone
        ("Symbolbild: picture alliance/dpa", "picture alliance/dpa", "Symbolbild:",
         [("picture alliance", "picture alliance", "distributor", False), ("dpa", "dpa", "agency", False)]),
        # who took it, said as the prefix
        ("Fotografo: Mario Rossi", "Mario Rossi", "Fotografo:", [("Mario Rossi", None, "photographer", False)]),
        # a video's credit (gofeminin.de: under the story's video)
        ("Video von Justin Amaral", "Justin Amaral", "Video von", [("Justin Amaral", None, "photographer", False)]),
        # a prefix word in one language is a name in another ("imagine" is Romanian for picture): not stripped
        ("Imagine China", "Imagine China", None, [("Imagine China", None, "photographer", False)]),
    ],
)
def test_parse_credit_chains(registry, printed, text, prefix, expected):
    credit = parse_credit(printed, registry)
    assert credit.text == text
    assert credit.prefix == prefix
    assert chain(credit) == expected


@pytest.mark.parametrize(
    "printed, flags",
    [
        ("REUTERS/Ivan Alvarado/File Photo", ["file"]),
        ("AP Photo/John Roe, File", ["file"]),
        ("FNV Havens/Handout", ["handout"]),
        ("Pool photo by John Roe", ["pool"]),
        ("Natacha Pisarenko/Pool via REUTERS", ["pool"]),
        ("Leonhard Foeger / Reuters file", ["file"]),
        ("Jane Doe/AFP", []),
    ],
)
def test_flags(registry, printed, flags):
    assert parse_credit(printed, registry).flags == flags


def test_a_text_that_is_only_a_credit_is_not_split_at_its_bracketed_agency(registry):
    # a picture's title attribute "Bild: Alexandra Wey (Keystone)": the whole credit, no caption
    assert split_caption("Bild: Alexandra Wey (Keystone)", registry) == ("", "Bild: Alexandra Wey (Keystone)")


def test_a_korean_credit_label_after_a_slash_goes_with_its_credit(registry):
    # Naver's "… 있다. /사진=뉴스1": the label after the separator is the credit's, not the caption's
    assert split_caption("발전기가 돌아가고 있다. /사진=뉴스1", registry) == ("발전기가 돌아가고 있다.", "사진=뉴스1")


def test_arabic_captions_credit_afp_in_brackets(registry):
    # Arabic captions credit AFP as "الفرنسية" ("the French one") in brackets after the caption
    caption, credit = split_caption("رجال إنقاذ يساعدون سكانا على مغادرة منازلهم (الفرنسية)", registry)
    assert (caption, credit) == ("رجال إنقاذ يساعدون سكانا على مغادرة منازلهم", "(الفرنسية)")
    assert [s.agency for s in parse_credit(credit, registry).sources] == ["AFP"]


def test_caption_file_marker_flags_credit(registry):
    credit = parse_credit("AP Photo/Jane Doe", registry, caption="FILE - Firefighters work near DeRidder")
    assert credit.flags == ["file"]


@pytest.mark.parametrize(
    "text, caption, credit",
    [
        ("Traders work on the floor in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid",
         "Traders work on the floor in New York, U.S., November 18, 2019.", "REUTERS/Brendan McDermid"),
        ("Striking members at University College last year. Photograph: Guy Smallman/Getty Images",
         "Striking members at University College last year.", "Photograph: Guy Smallman/Getty Images"),
        ("Smoke rises near Lake Charles, La., on Monday. (AP Photo/Jane Doe)",
         "Smoke rises near Lake Charles, La., on Monday.", "(AP Photo/Jane Doe)"),
        ("Roughly 13,000 US troops remain in Afghanistan [File: Reuters]",
         "Roughly 13,000 US troops remain in Afghanistan", "[File: Reuters]"),
        ("Firmenschild des Rüstungskonzerns Rheinmetall | Bildquelle: dpa",
         "Firmenschild des Rüstungskonzerns Rheinmetall", "Bildquelle: dpa"),
        ("Spokojený Tomáš Souček po vítězství. | Foto: Reuters", "Spokojený Tomáš Souček po vítězství.",
         "Foto: Reuters"),
        ("Coronavirus - USA © picture alliance/dpa", "Coronavirus - USA", "© picture alliance/dpa"),
        ("Menschenmassen vor der ARD Bühne Bild © Johannes Gregor/hr", "Menschenmassen vor der ARD Bühne",
         "Bild © Johannes Gregor/hr"),
        ("The house where he was born.Leonhard Foeger / Reuters file", "The house where he was born.Leonhard Foeger / Reuters file", None),
        # a press photo's terms of use after its credit are neither credit nor caption
        ("Loriot cartoon: Tagesschau © SWR/Hugo Jehle, honorarfrei - Verwendung gemäß der AGB im engen "
         "Zusammenhang mit der Sendung bei Nennung \"Bild: SWR/Hugo Jehle\" (S2). SWR Presse, Tel: 07221/929-2",
         "Loriot cartoon: Tagesschau", "© SWR/Hugo Jehle"),
        ("Rene Benko. Photographer: Sebastian Widmann/Getty Images Europe", "Rene Benko.",
         "Photographer: Sebastian Widmann/Getty Images Europe"),
        # the full caption, its "less" toggle and a shortened copy, all in one caption element
        ("Esper and Lich shake hands in Hanoi, Vietnam, on Wednesday. Esper is on a visit to strengthen ties. less "
         "Esper and Lich shake hands in Hanoi, Vietnam, on Wednesday. Esper is on a visit ... more",
         "Esper and Lich shake hands in Hanoi, Vietnam, on Wednesday. Esper is on a visit to strengthen ties.", None),
        # panamaamerica.com.pa: the house's own file picture, said after the caption
        ("El avión fue detenido ilegalmente el año pasado en Guatemala. Archivo.",
         "El avión fue detenido ilegalmente el año pasado en Guatemala.", "Archivo"),
        # report24.news: a label before the caption, where the screenshot was taken after it
        ("Bild: Eine iranische Drohne näherte sich einem US-Flugzeugträger. Screenshot aus Twitter",
         "Eine iranische Drohne näherte sich einem US-Flugzeugträger.", "Screenshot aus Twitter"),
        ("A screenshot from the video shows people.", "A screenshot from the video shows people.", None),
        # "App" is a word here, not the Associated Press of Pakistan
        ("Utopie oder Dystopie? In Südkorea zeigt eine App, wo Infizierte waren",
         "Utopie oder Dystopie? In Südkorea zeigt eine App, wo Infizierte waren", None),
        # ad-magazin.de: a site's name alone after the caption's last sentence is where the picture came from
        ("Das Wellness–Hotel „Parkhotel Egerner Höfe“. ortwinklipp.de", "Das Wellness–Hotel „Parkhotel Egerner Höfe“.",
         "ortwinklipp.de"),
        ("imagebank.sweden.se", "", "imagebank.sweden.se"),
        # a file's name is no site's: independent.co.uk's alt text
        ("Put luggage on the floor. luggage-3.jpg", "Put luggage on the floor. luggage-3.jpg", None),
        # CNBC: a chain with pipes, its first link glued after the caption's last sentence
        ("The mayor in London. Jane Doe | Bloomberg | Getty Images", "The mayor in London.",
         "Jane Doe | Bloomberg | Getty Images"),
        # who gave the picture
        ("The mayor in London. Photo courtesy of City Hall", "The mayor in London.", "Photo courtesy of City Hall"),
        ("The rover on Mars. Image courtesy NASA/JPL-Caltech", "The rover on Mars.", "Image courtesy NASA/JPL-Caltech"),
        ("The car, on loan courtesy of the museum, is old.", "The car, on loan courtesy of the museum, is old.", None),
        # Brazilian houses: the subject's handout, a reproduction from a screen or print
        ("O prefeito em São Paulo - Divulgação", "O prefeito em São Paulo", "Divulgação"),
        ("O prefeito em São Paulo. Reprodução", "O prefeito em São Paulo.", "Reprodução"),
        # maps, charts and infographics credit their maker after a colon, in any covered language;
        # before a description, the word says what kind of picture it is
        ("Die Route der Demo. Karte: OpenStreetMap", "Die Route der Demo.", "Karte: OpenStreetMap"),
        ("La ruta. Gráfico: EFE", "La ruta.", "Gráfico: EFE"),
        ("Le parcours. Infographie : Le Monde", "Le parcours.", "Infographie : Le Monde"),
        ("Map: the route of the march through the city", "Map: the route of the march through the city", None),
        ("Karte: So verläuft die Route", "Karte: So verläuft die Route", None),
        # capitals with a slash inside a caption are no credit unless an agency opens them
        ("Talks on the EU/US TRADE DEAL", "Talks on the EU/US TRADE DEAL", None),
        # Arabic: Reuters in brackets after the caption
        ("رئيس البلدية في القاهرة (رويترز)", "رئيس البلدية في القاهرة", "(رويترز)"),
        # a graphic's maker, labelled in Portuguese and Vietnamese; an Italian photo agency in brackets
        ("Localização do epicentro, a noroeste das Velas Infografia: CIVISA",
         "Localização do epicentro, a noroeste das Velas", "Infografia: CIVISA"),
        ("Vị trí thị trấn Grindavik. Đồ họa: Đăng Hiếu", "Vị trí thị trấn Grindavik.", "Đồ họa: Đăng Hiếu"),
        ("Controlli degli steward sulla fondamenta di Cannaregio (Fotogramma)",
         "Controlli degli steward sulla fondamenta di Cannaregio", "(Fotogramma)"),
        # Asahi: when and where after "=" stay the caption's; the source is the last item
        ("国連総会の本会議で決議案に投票する各国代表=2025年12月3日、米ニューヨーク、ロイター",
         "国連総会の本会議で決議案に投票する各国代表=2025年12月3日、米ニューヨーク", "ロイター"),
        ("会談後、記者団の質問に答える森田外相＝2日、ワシントン、共同", "会談後、記者団の質問に答える森田外相＝2日、ワシントン", "共同"),
        # Thai's "picture from" and "picture by", one word, no colon, no stop before them
        ("เส้นทางคาดการณ์ของไต้ฝุ่นดาริโอ ภาพจาก PAGASA", "เส้นทางคาดการณ์ของไต้ฝุ่นดาริโอ", "ภาพจาก PAGASA"),
        ("ภาพจากดาวเทียมแสดงพายุ", "ภาพจากดาวเทียมแสดงพายุ", None),  # "a picture from a satellite shows …"
        # found in review: the words after them in Thai may say where the picture was taken from
        ("บรรยากาศการประชุม ภาพจาก มุมสูง", "บรรยากาศการประชุม ภาพจาก มุมสูง", None),  # "… from a high angle"
        # found in review: after "=", a list of agencies is one credit; only when and where stay the caption's
        ("記者会見する首相＝AP、共同", "記者会見する首相", "AP、共同"),
        # a bare "Photo" runs into a credit of many words; only a bare "Video" may run into a title
        ("Le maire lors de la conférence de presse, lundi. | PHOTO MARTIN TREMBLAY, ARCHIVES LA PRESSE",
         "Le maire lors de la conférence de presse, lundi.", "PHOTO MARTIN TREMBLAY, ARCHIVES LA PRESSE"),
        # the month alone is a date too (Mainichi); a label before "=" goes with the credit (Dong-A)
        ("工場で組み立てられる装置＝東京都内で2026年11月、共同", "工場で組み立てられる装置＝東京都内で2026年11月", "共同"),
        ("5일 오전 6시 기준 전국 기온 분포. 사진=기상청 제공", "5일 오전 6시 기준 전국 기온 분포.", "사진=기상청 제공"),
        # found in review: "사진" (photo) set apart by a comma or a slash is the caption's word
        ("화재 현장을 담은 사진, 소방청 제공", "화재 현장을 담은 사진", "소방청 제공"),
        ("Stop kadras iš video / Ekrano nuotr.", "Stop kadras iš video", "Ekrano nuotr."),
        # IOL's file picture, labelled in the caption's last sentence
        ("Union members march through Rustenburg in September. File picture: Independent Newspapers",
         "Union members march through Rustenburg in September.", "File picture: Independent Newspapers"),
    ],
)
def test_split_caption(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Image: The house in which Adolf Hitler was born in Braunau am Inn, Austria",  # NBC/Sky: a description
        "Deputy Director Eva-Marie Persson. Photo: 19 November 2019",  # a date is not a credit
        "Ambassador Gordon Sondland walks to a secure area (the AP reported on Monday that he would testify)",
        "Images of the war in Ukraine",
    ],
)
def test_descriptions_are_not_credits(registry, text):
    caption, credit = split_caption(text, registry)
    assert credit is None and caption == text


def test_alt_text_person_in_parentheses(registry):
    assert split_caption("A new street sign reads Maji-Maji-Allee (Tahir Della)", registry, in_alt=True) == (
        "A new street sign reads Maji-Maji-Allee", "(Tahir Della)")
    assert split_caption("The mayor spoke (left)", registry, in_alt=True)[1] is None


def test_looks_like_credit(registry):
    assert looks_like_credit("AFP via Getty Images", registry)
    assert looks_like_credit("Foto: Michael Rauhe", registry)
    assert not looks_like_credit("Commuters wait for a train at the Cardona railway station in Milan", registry)
    assert looks_like_credit("imagebank.sweden.se", registry)
    assert normalise_credit_text("Photo courtesy of City Hall") == ("City Hall", "Photo courtesy of")
    assert normalise_credit_text("Image via Getty Images") == ("Getty Images", "Image via")
    assert not looks_like_credit("bandb2.jpg", registry)
    # two labels and no name: Asahi's badge for its picture list, a kind after a label
    assert not looks_like_credit("写真・図版", registry)
    assert not looks_like_credit("Foto: Grafik", registry)
    assert looks_like_credit("Grafik: dpa", registry)
    # a bare label word runs into a name, not into a video's title
    assert looks_like_credit("Foto Jane Doe", registry) and looks_like_credit("Video AFP", registry)
    assert not looks_like_credit("Video Beben in der Westtürkei: Die Lage in Akhisar", registry)
    assert not looks_like_credit("Video Detik-detik Banjir Rendam Kemang Usai Hujan Deras", registry)
    assert looks_like_credit("Foto Vigili del fuoco", registry) and looks_like_credit("Photo Jane Doe for The Guardian",
                                                                                    registry)


def test_bylines_are_not_credits(registry):
    assert parse_credit("Von Markus Balser und Klaus Ott", registry) is None


@pytest.mark.parametrize("text, caption, credit", [
    # dw.com's alt text: the licence stands where the credit would
    ("Genocide against the Herero and Nama (public domain)", "Genocide against the Herero and Nama", "(public domain)"),
    ("A mountain view at dawn (CC BY-SA 4.0)", "A mountain view at dawn", "(CC BY-SA 4.0)"),
    ("The old town hall (gemeinfrei)", "The old town hall", "(gemeinfrei)"),
])
def test_a_licence_in_parentheses_is_the_credit(registry, text, caption, credit):
    assert split_caption(text, registry, in_alt=True) == (caption, credit)


@pytest.mark.parametrize("text, caption, credit", [
    # the agency before the prefix word is the credit's, not the caption's last word
    ("Letörték a szobor kardját. MTI Fotó: Nemes János", "Letörték a szobor kardját.", "MTI Fotó: Nemes János"),
    ("Talks with AFP. Foto: dpa", "Talks with AFP.", "Foto: dpa"),  # an agency inside the caption stays there
    # a kind word opens a caption as often as a credit: only a credit that names someone is one
    ("Symbolbild: Ein Polizeiwagen steht vor dem Haus", "Symbolbild: Ein Polizeiwagen steht vor dem Haus", None),
    ("Archivbild: Bundeskanzlerin Angela Merkel spricht im Bundestag",
     "Archivbild: Bundeskanzlerin Angela Merkel spricht im Bundestag", None),
    ("Der Papst in Rom. Archivfoto: Ben Stansall/AFP", "Der Papst in Rom.", "Archivfoto: Ben Stansall/AFP"),
    # a chain of agencies before the prefix, even with no sentence end before it (alt text)
    ("Der Virologe Christian Drosten picture alliance/dpa Foto: Christophe Gateau", "Der Virologe Christian Drosten",
     "picture alliance/dpa Foto: Christophe Gateau"),
    ("Министърът на транспорта. снимка: БГНЕС", "Министърът на транспорта.", "снимка: БГНЕС"),
])
def test_agency_before_the_prefix(registry, text, caption, credit):
    assert split_caption(text, registry, in_alt=True) == (caption, credit)



@pytest.mark.parametrize("text", [
    "A still from a video by the Syrian Observatory shows smoke over Idlib.",
    "Les manifestants, sur une vidéo de la police publiée lundi.",
])
def test_a_video_by_someone_inside_a_caption_is_no_credit(registry, text):
    assert split_caption(text, registry) == (text, None)


@pytest.mark.parametrize("text, credit", [
    ("cc zuk0 https://flic.kr/p/s9X187", True),  # blog.mondediplo.net: a licence, then the author
    ("CC BY-SA 2.0 Jane Doe", True),
    ("CC Sabathia", False),  # a pitcher, not a licence
])
def test_a_creative_commons_licence_before_a_name_is_a_credit(text, credit):
    assert only_a_credit(text) is credit


def test_a_licence_after_a_prefixed_credit_stays_with_it():
    caption, credit = split_caption("People have lived here for years. Credit: Tomas Munita/CIFOR (CC BY-NC-ND 2.0)",
                                    default_registry())
    assert (caption, credit) == ("People have lived here for years.", "Credit: Tomas Munita/CIFOR (CC BY-NC-ND 2.0)")


@pytest.mark.parametrize("text, note", [
    ("Header Image: People have lived … Credit: X", "People have lived … Credit: X"),
    ("Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.", "Titelseite der FAZ vom 2.4.2019, Ausriss."),
    ("Image illustrative : Lots of Lego Minifigures by Ninja Brick", "Lots of Lego Minifigures by Ninja Brick"),
    ("The header image of the page was blurred.", None),
])
def test_a_line_about_the_lead_picture(text, note):
    assert lead_picture_note(text) == note


@pytest.mark.parametrize("text, who", [
    # erp-news.info: the story's last paragraph credits all its pictures
    ("Das Bildmaterial wurde von The unbelievable Machine Company (*um) zur Verfügung gestellt.",
     "The unbelievable Machine Company (*um)"),
    ("Die Bilder wurden uns freundlicherweise von Jane Doe zur Verfügung gestellt.", "Jane Doe"),
    ("All photos courtesy of the family.", "the family"),
    ("Photos fournies par la mairie.", "la mairie"),
    ("The photos were taken by the police and shown in court.", None),
])
def test_a_sentence_that_credits_all_pictures(text, who):
    assert provided_by(text) == who


@pytest.mark.parametrize("text, credit", [
    # bmjv.de: the page's one photo is credited after the story's last sentence, with no space
    ("Private Anbieter unterliegen der Aufsicht der Kartellbehörden.Foto: photocase.de", "Foto: photocase.de"),
    ("Der Tag endet mit einem Fest. Fotos: Anna Berg/dpa", "Fotos: Anna Berg/dpa"),
    ("The day ends with a party. Photo: AP", "Photo: AP"),
    ("Er sagte nur: Foto: nein.", None),  # no sentence before it
    ("The day ends. Copyright: 2012 Example Ltd", None),  # a copyright notice credits no picture
    ("Danke. Bild: Reuters. Mehr Text folgt hier und dort noch lange.", None),  # the story goes on
])
def test_a_credit_typed_after_the_last_sentence(text, credit):
    assert credit_after_last_sentence(text) == credit


def test_split_caption_answers_each_registry_for_itself():
    # answers are kept per text; a registry that knows no agency is not served the default one's
    text = "Protesters march in the capital on Sunday. REUTERS/Jane Doe"
    empty = AgencyRegistry([])
    for _ in range(2):
        assert split_caption(text, default_registry()) == ("Protesters march in the capital on Sunday.", "REUTERS/Jane Doe")
        assert split_caption(text, empty) == (text, None)


@pytest.mark.parametrize("printed, text, agencies, flags", [
    # a note on how the picture is used, before the credit after a dash: "(archive - AP)"
    ("أرشيفية - أ.ب", "أ.ب", ["AP"], ["file"]),
    ("Archivo - EFE", "EFE", ["EFE"], ["file"]),
    # after it, the note stays as printed, as the labels keep "Reuters/File" (flagged all the same)
    ("EUROPA PRESS - Archivo", "EUROPA PRESS - Archivo", ["Europa Press"], ["file"]),
    ("أسوشيتد برس - أرشيف", "أسوشيتد برس - أرشيف", ["AP"], ["file"]),
    ("Arkivfoto: Jens Dresling/Ritzau Scanpix", "Jens Dresling/Ritzau Scanpix", [None, "Ritzau"], ["file"]),
    # an agency whose name opens with a label word keeps it, after a copyright sign too
    ("© Photo News", "Photo News", ["Photo News"], []),
    # Observador's file note in brackets after the credit, in Portuguese
    ("PAULO NOVAIS/LUSA (arquivo)", "PAULO NOVAIS/LUSA", [None, "LUSA"], ["file"]),
])
def test_a_file_note_beside_the_credit_is_no_source(registry, printed, text, agencies, flags):
    credit = parse_credit(printed, registry)
    assert (credit.text, [s.agency for s in credit.sources], credit.flags) == (text, agencies, flags)


@pytest.mark.parametrize("printed, prefix, text", [
    ("Grafiikka: Tiina Heino / Uutisradio", "Grafiikka:", "Tiina Heino / Uutisradio"),  # fi: graphic
    ("Инфографика: Мария Котова / Курьеръ", "Инфографика:", "Мария Котова / Курьеръ"),  # ru: infographic
    ("เครดิตภาพ : รอยเตอร์", "เครดิตภาพ :", "รอยเตอร์"),  # th: picture credit
    ("ขอบคุณภาพจาก เฟซบุ๊ก Philippine Red Cross", "ขอบคุณภาพจาก", "เฟซบุ๊ก Philippine Red Cross"),  # th: thanks for the picture to
])
def test_credit_labels_in_more_languages(registry, printed, prefix, text):
    credit = parse_credit(printed, registry)
    assert (credit.prefix, credit.text) == (prefix, text)


@pytest.mark.parametrize("text, caption, credit", [
    # Xinhua's "issued by Xinhua (photographer 摄)" after the caption's last sentence; the date a
    # picture was taken, "（12月4日摄）", is no credit
    ("旅客在温州南站排队检票乘车（12月4日摄）。新华社发（苏文涛 摄）", "旅客在温州南站排队检票乘车（12月4日摄）。",
     "新华社发（苏文涛 摄）"),
    ("旅客排队检票乘车（12月4日摄）。", "旅客排队检票乘车（12月4日摄）。", None),
    # Yomiuri: the photographer after "＝", past a bracket that holds a comma
    ("取材に応じる首席交渉官（4日、ジュネーブで）＝山田花子撮影", "取材に応じる首席交渉官（4日、ジュネーブで）", "山田花子撮影"),
    # The Straits Times: the house's initials before a label in capitals are the credit's
    ("Passengers queue at a transfer counter on Dec 4. ST PHOTO: NG SOK LIN",
     "Passengers queue at a transfer counter on Dec 4.", "ST PHOTO: NG SOK LIN"),
    ("The mayor visits the US. PHOTO: REUTERS", "The mayor visits the US.", "PHOTO: REUTERS"),
])
def test_credits_glued_to_captions_the_way_asian_papers_print_them(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


@pytest.mark.parametrize("text, caption, credit", [
    # Dawn's dash glued to the caption's full stop
    ("A man shovels snow from the roof of his house in Kalam, Swat.—Reuters/File",
     "A man shovels snow from the roof of his house in Kalam, Swat.", "Reuters/File"),
    ("He said the U.S.—and its allies—would act.", "He said the U.S.—and its allies—would act.", None),
    # a house's picture credit in capitals ("INQUIRER FILE PHOTO", "HT PHOTO")
    ("Evacuees rest at a covered court in August 2025. CHRONICLE FILE PHOTO / ARNOLD T. ALMACEN",
     "Evacuees rest at a covered court in August 2025.", "CHRONICLE FILE PHOTO / ARNOLD T. ALMACEN"),
    ("Rain lashes Delhi on Friday. HT PHOTO", "Rain lashes Delhi on Friday.", "HT PHOTO"),
    ("The team won the final. THE BIG PICTURE", "The team won the final. THE BIG PICTURE", None),
    # a reader's picture, handed in
    ("Her home near Antigonish, N.S. (Submitted by Shirley Kowalchuk)", "Her home near Antigonish, N.S.",
     "(Submitted by Shirley Kowalchuk)"),
])
def test_credits_after_the_caption_in_house_styles(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_a_closing_label_after_a_whole_chain(registry):
    # Lithuanian "nuotr." ("photo") closes a chain as it closes a single name
    assert parse_credit("Žinių Vėjas / Tomas Vaitkus nuotr.", registry).text == "Žinių Vėjas / Tomas Vaitkus"
    assert parse_credit("BNS nuotr.", registry).text == "BNS"


@pytest.mark.parametrize("text, caption, credit", [
    # a file note, then its source, closes the caption (Il Fatto Quotidiano)
    ("Un tratto dell’A1 con corsia chiusa per lavori – foto di archivio Ansa",
     "Un tratto dell’A1 con corsia chiusa per lavori", "Ansa"),
    # a note alone stays the caption's, as printed
    ("पंजाब के एक खेत में जलाई जा रही पराली। (फाइल फोटो)", "पंजाब के एक खेत में जलाई जा रही पराली। (फाइल फोटो)", None),
    # "Pool" before "photo by" is the credit's (POLITICO)
    ("Trade Commissioner Lars Eklund at a press conference. | Pool photo by Benoît Lemaire/AFP via Getty Images",
     "Trade Commissioner Lars Eklund at a press conference.", "Pool photo by Benoît Lemaire/AFP via Getty Images"),
])
def test_file_notes_and_pool_pictures_after_the_caption(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_a_label_before_a_dash(registry):
    # Al-Masry Al-Youm's "تصوير- name" ("photographed by"), as "Foto - Jane Doe"
    assert parse_credit("تصوير- محمد الجرنوسي", registry).text == "محمد الجرنوسي"
    assert parse_credit("Foto - Jane Doe", registry).text == "Jane Doe"
    assert parse_credit("Photo-op at the fair", registry).prefix is None


@pytest.mark.parametrize("text, caption, credit", [
    ("5일 오전 전국 최저기온 분포. /기상청", "5일 오전 전국 최저기온 분포.", "기상청"),  # Korean: the source after a slash
    ("烏克蘭士兵在前線操作偵察無人機。（歐新社）", "烏克蘭士兵在前線操作偵察無人機。", "（歐新社）"),  # EPA in Chinese
    ("Rain falls. – 雨が降る日は続く見込みだと気象庁は述べた", "Rain falls. – 雨が降る日は続く見込みだと気象庁は述べた", None),
])
def test_sources_after_captions_in_scripts_without_capitals(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_a_composite_is_labelled_as_such(registry):
    assert parse_credit("Composite: Meridian Design/AAP/Getty Images", registry).text == "Meridian Design/AAP/Getty Images"


@pytest.mark.parametrize("text, caption, credit", [
    # The National: a photographer and the house after the caption's last sentence, no label
    ("The Corniche will be one of three stops on the network, along with Yas Bay. Victor Besa / The Meridian",
     "The Corniche will be one of three stops on the network, along with Yas Bay.", "Victor Besa / The Meridian"),
    ("Passengers board an electric ferry at Yas Bay Waterfront. Ruel Pableo/Reuters",
     "Passengers board an electric ferry at Yas Bay Waterfront.", "Ruel Pableo/Reuters"),
    # a place pair is no credit: its first part is no person's name
    ("Flights were cancelled on Friday. Berlin / Paris", "Flights were cancelled on Friday. Berlin / Paris", None),
])
def test_a_photographer_and_their_house_after_the_last_sentence(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


@pytest.mark.parametrize("printed, text, prefix", [
    ("PHOTO | FILE", "FILE", "PHOTO |"),  # Nation Media Group's label and its credit, a pipe between
    ("PHOTO | COURTESY", "COURTESY", "PHOTO |"),
    ("Photos | AFP", "AFP", "Photos |"),
])
def test_a_label_before_a_pipe(registry, printed, text, prefix):
    credit = parse_credit(printed, registry)
    assert (credit.text, credit.prefix) == (text, prefix)


def test_romanian_source_label_goes_with_its_credit(registry):
    text = "Centrul de încălzire amenajat într-o sală de sport din Sectorul 4 / Sursa foto: Facebook / Primăria Sectorului 4"
    assert split_caption(text, registry) == ("Centrul de încălzire amenajat într-o sală de sport din Sectorul 4",
                                             "Sursa foto: Facebook / Primăria Sectorului 4")


def test_courtesy_of_is_said_whole_and_its_source_is_who_gave_the_picture(registry):
    # no label word before it, as "Photo:" is one: the credit as printed keeps it, the chain names the giver
    credit = parse_credit("Courtesy of the Ochoa family", registry)
    assert (credit.text, credit.prefix) == ("Courtesy of the Ochoa family", None)
    assert [s.name for s in credit.sources] == ["the Ochoa family"]
    assert [s.agency for s in parse_credit("Courtesy of AP", registry).sources] == ["AP"]
    # after a label word it stays the label's ("Photo courtesy of …")
    assert parse_credit("Photo courtesy of Jane Doe", registry).text == "Jane Doe"


@pytest.mark.parametrize("printed, text", [
    ("Frome Museum archive", "Frome Museum archive"),  # whose archive the picture comes from: its source
    ("Veldt Money archive", "Veldt Money archive"),
    ("AFP file photo", "AFP"),  # a file note: the flag says it, the source is AFP
])
def test_an_archive_after_a_name_is_the_source_a_file_note_is_a_flag(registry, printed, text):
    assert parse_credit(printed, registry).text == text


def test_an_agency_whose_name_starts_with_a_label_word_is_its_name(registry):
    # Le Soir: "… sous le boulevard. Photo News" (the Belgian photo agency, not "Photo: News")
    credit = parse_credit("Photo News", registry)
    assert (credit.text, credit.prefix, [s.agency for s in credit.sources]) == ("Photo News", None, ["Photo News"])
    assert parse_credit("Photo: News Corp", registry).text == "News Corp"


@pytest.mark.parametrize("text, caption, credit", [
    # Arab News: a handed-in picture, said in brackets after the caption
    ("Volunteers take part in a planting campaign at Al-Shuqaiq, Jazan, in November. (Supplied)",
     "Volunteers take part in a planting campaign at Al-Shuqaiq, Jazan, in November.", "(Supplied)"),
    # detik: the label opens the whole line, the photographer and the house in brackets at its end
    ("Foto: Petugas Dinas SDA DKI Jakarta mengecek pompa mobile di Waduk Pluit (Grandyos Zafna/detikcom)",
     "Petugas Dinas SDA DKI Jakarta mengecek pompa mobile di Waduk Pluit", "(Grandyos Zafna/detikcom)"),
    ("Alat berat mengeruk lumpur di Kali Ciliwung ruas Manggarai. (dok. Istimewa)",
     "Alat berat mengeruk lumpur di Kali Ciliwung ruas Manggarai.", "(dok. Istimewa)"),
    # Focus Taiwan: a month's abbreviation before its day is no sentence's end
    ("An autonomous shuttle bus undergoes road tests in Neihu District Thursday. CNA photo Dec. 4, 2026",
     "An autonomous shuttle bus undergoes road tests in Neihu District Thursday.", "CNA photo Dec. 4, 2026"),
    # a place in brackets is none of these
    ("Flights between Berlin (Tegel/Brandenburg) were cut", "Flights between Berlin (Tegel/Brandenburg) were cut", None),
])
def test_credits_in_brackets_and_after_a_date(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


@pytest.mark.parametrize("text, caption, credit", [
    # Denník N: a label (and the house's one-letter name) before a dash, after the last sentence
    ("Hraničný most cez rieku Moravu medzi Holíčom a Hodonínom. Foto – TASR/Martin Belica",
     "Hraničný most cez rieku Moravu medzi Holíčom a Hodonínom.", "Foto – TASR/Martin Belica"),
    ("Miestni podnikatelia sa obávajú, že prídu o zákazníkov z Česka. Foto N – Peter Kováčik",
     "Miestni podnikatelia sa obávajú, že prídu o zákazníkov z Česka.", "Foto N – Peter Kováčik"),
    # The Times of Israel, The Philippine Star, To Vima: credits in brackets
    ("Workers block trucks at the entrance to Haifa Port on December 4, 2026. (Screen capture/Channel 12)",
     "Workers block trucks at the entrance to Haifa Port on December 4, 2026.", "(Screen capture/Channel 12)"),
    ("Shoppers crowd a mall in Pasay City on the first weekend of December. (Daystar.com / Jean Lumbera)",
     "Shoppers crowd a mall in Pasay City on the first weekend of December.", "(Daystar.com / Jean Lumbera)"),
    ("Πλημμυρισμένος δρόμος στο κέντρο της Χαλκίδας, το πρωί του Σαββάτου (EUROKINISSI/ΘΑΝΑΣΗΣ ΔΗΜΟΥ)",
     "Πλημμυρισμένος δρόμος στο κέντρο της Χαλκίδας, το πρωί του Σαββάτου", "(EUROKINISSI/ΘΑΝΑΣΗΣ ΔΗΜΟΥ)"),
])
def test_credits_after_a_labelled_dash_and_in_brackets_in_any_script(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_greek_file_photo_label(registry):
    assert parse_credit("Φωτογραφία αρχείου: ΑΠΕ-ΜΠΕ/ΜΑΡΙΑ ΣΤΕΦΑΝΟΥ", registry).text == "ΑΠΕ-ΜΠΕ/ΜΑΡΙΑ ΣΤΕΦΑΝΟΥ"


@pytest.mark.parametrize("text", [
    # after the last sentence, capitals are read as a credit only in their own element (a review found
    # teams, places and people named in captions so: "REAL MADRID", "SAN FRANCISCO", "DONALD TRUMP")
    "Los jugadores celebran tras el pitido final. REAL MADRID",
    "Técnicos del Intecmar recogiendo muestras en la ría. MONICA IRAGO",
    "Vecinos celebran la Navidad en la plaza. BREAKING NEWS",
])
def test_a_name_in_capitals_after_the_last_sentence_stays_the_captions(registry, text):
    assert split_caption(text, registry)[1] is None


@pytest.mark.parametrize("text, caption, credit", [
    # a label after an ideographic full stop: "…夜景。图片来源：视觉中国" (picture source: VCG)
    ("首钢园滑雪大跳台夜景。图片来源：视觉中国", "首钢园滑雪大跳台夜景。", "图片来源：视觉中国"),
    # Viet Nam News: "— Photo" and a short credit, no colon
    ("Workers load rice at Cát Lái Port in HCM City. — Photo baodautu.vn",
     "Workers load rice at Cát Lái Port in HCM City.", "Photo baodautu.vn"),
    ("The mayor spoke on Monday. — Photos show the damage to the roof",
     "The mayor spoke on Monday. — Photos show the damage to the roof", None),
])
def test_a_label_after_a_sentences_end_in_other_typesetting(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_a_korean_photographer_after_the_captions_last_sentence(registry):
    # Kyunghyang Shinmun: "… 출근하고 있다. 서지훈 기자" (reporter Seo Ji-hoon), glued with a space
    assert split_caption("3일 오전 서울 광화문광장 인근에서 시민들이 출근하고 있다. 서지훈 기자", registry) == \
        ("3일 오전 서울 광화문광장 인근에서 시민들이 출근하고 있다.", "서지훈 기자")
    # a reporter named in the caption's own sentence is no credit
    assert split_caption("김 기자는 말했다 홍길동 기자", registry)[1] is None


@pytest.mark.parametrize("text, caption, credit", [
    # Il Sole 24 Ore: the photo agency Imagoeconomica in brackets is the whole caption
    ("(Imagoeconomica)", "", "(Imagoeconomica)"),
    # "a photo from" in a caption's sentence is no label (a review showed "Photo from X" as a "by" form
    # cutting these in two; Rappler's "… Quezon City. Photo from LTFRB" stays a miss)
    ("John Smith, seen here in a photo from March 2019, left the company last year.",
     "John Smith, seen here in a photo from March 2019, left the company last year.", None),
    ("Jane Doe at her graduation in a photo from Facebook.", "Jane Doe at her graduation in a photo from Facebook.", None),
])
def test_a_credit_that_says_where_the_picture_came_from(registry, text, caption, credit):
    assert split_caption(text, registry) == (caption, credit)


def test_a_korean_place_and_photographer_after_an_equals_sign(registry):
    # Hankook Ilbo: "… 있다. 영종도=홍인기 기자" (Yeongjong Island = photographer Hong In-gi)
    assert split_caption("4일 인천국제공항 출국장 전광판에 결항 안내가 표시돼 있다. 영종도=홍인기 기자", registry) == \
        ("4일 인천국제공항 출국장 전광판에 결항 안내가 표시돼 있다.", "홍인기 기자")
    # with no full stop before the place, the place goes too
    assert split_caption("시민들이 눈길을 걸어 출근하고 있다 서울=김민수 기자", registry) == \
        ("시민들이 눈길을 걸어 출근하고 있다", "김민수 기자")
    # a label before the sign is the label's ("사진=" photo=), as before
    assert split_caption("방화수류정에서 국악 공연을 관람하는 시민들 사진=김민수 기자", registry) == \
        ("방화수류정에서 국악 공연을 관람하는 시민들", "사진=김민수 기자")


@pytest.mark.parametrize("printed, text, prefix", [
    ("Cortesía MOPT", "Cortesía MOPT", None),  # Spanish, as "Courtesy of" is said whole
    ("Foto: Cortesía Mintur", "Cortesía Mintur", "Foto:"),  # after a label closed by its colon
    ("Photo: Courtesy of NASA", "Courtesy of NASA", "Photo:"),
    ("Photo courtesy of Jane Doe", "Jane Doe", "Photo courtesy of"),  # one label, read as one
])
def test_a_courtesy_is_said_whole_after_a_labels_colon(registry, printed, text, prefix):
    credit = parse_credit(printed, registry)
    assert (credit.text, credit.prefix) == (text, prefix)


@pytest.mark.parametrize("printed, text, agencies", [
    ("Foto: EFE archivo", "EFE", ["EFE"]),  # Spanish puts the file note after its source
    ("Cortesía de EFE", "Cortesía de EFE", ["EFE"]),  # said whole, and the giver is the agency
    ("Map", "Map", []),  # one of the registry's words, not in capitals: a map, no agency
    ("MAP", "MAP", ["MAP"]),
])
def test_review_cases_of_the_fifteenth_round(registry, printed, text, agencies):
    credit = parse_credit(printed, registry)
    assert (credit.text, [s.agency for s in credit.sources if s.agency]) == (text, agencies)
