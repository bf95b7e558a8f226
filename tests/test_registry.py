"""The agency registry: shipped entries, spellings, house overrides and schema errors."""

import pytest

from auditor.registry import AgencyRegistry, alias_key
from auditor.yamlio import DataFileError

REQUIRED = ["AP", "AFP", "Reuters", "dpa", "KNA", "epd", "SID", "ANSA", "EFE", "APA", "Keystone-SDA", "ANP",
            "Belga", "PAP", "CTK", "TT", "NTB", "Ritzau", "PA Media", "AAP", "UPI", "Europa Press", "Interfax",
            "KCNA", "Xinhua", "TASS", "RIA Novosti", "Sputnik", "Yonhap", "Kyodo", "Anadolu", "IRNA",
            "Getty Images", "EPA", "picture alliance", "Imago", "Shutterstock", "Newscom", "Alamy",
            "Korea News Service", "AP Images", "ZUMA Press", "SIPA", "Keystone",
            # wire services of more countries, and the stock libraries German and blog credits name
            "Kathpress", "epd Österreich", "dts", "Agenzia Giornalistica Italia", "DHA", "ISNA", "Kazinform", "Servimedia",
            "ddp images", "Adobe Stock", "Pixabay", "Unsplash", "Pexels", "Westend61", "PantherMedia", "123RF"]


def test_shipped_registry_has_the_agencies(registry):
    assert len(registry) >= 40
    missing = [name for name in REQUIRED if name not in registry]
    assert not missing


@pytest.mark.parametrize("spelling, canonical", [
    ("Associated Press", "AP"), ("The Associated Press", "AP"), ("AP Photo", "AP"), ("ASSOCIATED PRESS", "AP"),
    ("Agence France-Presse", "AFP"), ("Agence France Presse", "AFP"), ("afp", "AFP"),
    ("Deutsche Presse-Agentur", "dpa"), ("dpa-Bildfunk", "dpa"), ("picture-alliance", "picture alliance"),
    ("Korean Central News Agency", "KCNA"), ("ITAR-TASS", "TASS"), ("REUTERS", "Reuters"), ("Getty", "Getty Images"),
    ("EPA-EFE", "EPA"), ("Rex Features", "Shutterstock"), ("imago images", "Imago"),
])
def test_spellings(registry, spelling, canonical):
    assert registry.canonical(spelling) == canonical


def test_kinds(registry):
    assert registry.get("KCNA").has_kind("state-media")
    assert registry.get("picture alliance").has_kind("distributor")
    assert registry.get("AFP").has_kind("wire")


def test_house_file_adds_and_overrides(tmp_path):
    house = tmp_path / "house.yaml"
    house.write_text("agencies:\n"
                     "  - name: Weserland Bild\n    kinds: [photo]\n    aliases: [WB-Foto]\n"
                     "  - name: AP\n    aliases: [Associated Press, AP Photo, The AP]\n")
    registry = AgencyRegistry.load(str(house))
    assert registry.canonical("wb-foto") == "Weserland Bild"
    assert registry.canonical("The AP") == "AP"
    assert registry.get("AP").kinds  # kinds kept from the shipped entry


def test_house_file_errors_point_at_the_line(tmp_path):
    house = tmp_path / "house.yaml"
    house.write_text("agencies:\n  - name: Foo\n    knids: [photo]\n")
    with pytest.raises(DataFileError) as error:
        AgencyRegistry.load(str(house))
    assert error.value.line == 3
    assert "knids" in str(error.value) and "did you mean 'kinds'" in str(error.value)


def test_alias_clash_is_refused(tmp_path):
    house = tmp_path / "house.yaml"
    house.write_text("agencies:\n  - name: Other\n    aliases: [Associated Press]\n")
    with pytest.raises(DataFileError, match="already a spelling of AP"):
        AgencyRegistry.load(str(house))


def test_alias_key_unifies_spaces_hyphens_case():
    assert alias_key("Picture-Alliance") == alias_key("picture  alliance") == "picture alliance"


def test_scan_prose_short_codes_are_case_sensitive(registry):
    found = [m.agency.name for m in registry.scan_prose("The tap was open, said AFP and dpa.")]
    assert found == ["AFP", "dpa"]


def test_each_scanning_pattern_is_compiled_when_text_first_needs_it():
    # (compiling them all took a third of a one-page CLI run)
    registry = AgencyRegistry(list(AgencyRegistry.load().agencies))  # (a new one: the loaded one is shared)
    assert [m.agency.name for m in registry.scan_prose("Reuters and AFP reported.")] == ["Reuters", "AFP"]
    assert [m.agency.name for m in registry.scan("Foto: picture-alliance/dpa")] == ["picture alliance", "dpa"]
    assert not any("cjk" in name or "any case" in name for name in registry._compiled)
    # CJK text runs words together; a character whose lower case is longer shifts offsets
    assert [m.agency.name for m in registry.scan_prose("서울=연합뉴스 기자")] == ["Yonhap"]
    text = "İstanbul (Reuters) - Anadolu Agency said"
    found = registry.scan_prose(text)
    assert [(m.agency.name, text[m.start:m.end]) for m in found] == [("Reuters", "Reuters"),
                                                                      ("Anadolu", "Anadolu Agency")]
    assert [m.agency.name for m in registry.scan("新华社记者")] == ["Xinhua"]


@pytest.mark.parametrize("credit, names", [
    # (evang.at) Austria's Protestant press service is not Germany's epd
    ("Wien (epdÖ) – Auch", ["epd Österreich"]),
    # stock libraries in real credits (spektrum.de, tag24.de, zdh.de, haustiermagazin.com)
    ("methaphum / stock.adobe.com", ["Adobe Stock"]), ("Sasi Ponchaisang/123RF", ["123RF"]),
    ("unsplash/Bill Mead", ["Unsplash"]), ("yakushkina - depositphotos.com", ["Depositphotos"]),
    ("imago images/Sven Simon", ["Imago", "Sven Simon"]),
    # a short code that is also a first name or a word stays out: photographers are named in credits
    ("Foto: Petra Müller", []), ("Foto: Nan Goldin", []), ("Foto: Uni Hamburg", []),
    ("Foto: Leta Mächler", []), ("Foto: Agi Schmidt", []),
])
def test_agencies_of_more_countries_and_stock_libraries(registry, credit, names):
    assert [m.agency.name for m in registry.scan(credit)] == names


def test_a_picture_is_one_picture_whatever_size_its_path_asks_for():
    # ultimahora.es: the viewer's copy and the gallery strip's copy of one photo
    from auditor.model import picture_identity

    assert picture_identity("/sfAttachPlugin/getCachedContent/id/158666/width/515/height/337.png") == \
        picture_identity("/sfAttachPlugin/getPreview/id/158666.png")
    assert picture_identity("https://example.com/image/1200") == "https://example.com/image/1200"
    # a rendition named after its original ("….jpg.3453064.jpg", "….jpg.webp") is that picture
    assert picture_identity("https://cdn.ex.at/media/thumbnails/radweg-salzburg--o.jpg.3453064.jpg") == \
        picture_identity("https://cdn.ex.at/media/thumbnails/radweg-salzburg--o.jpg.3453078.jpg") == "radweg-salzburg--o"
    assert picture_identity("/a/photograph.jpg.webp") == "photograph"


def test_a_size_for_a_name_and_a_series_number_are_told_apart():
    from auditor.model import picture_identity

    # Bonnier's /images/<hash>/3x2/960@80.jpg: size and quality for a name, the folder past the
    # ratio's names the picture (three slides of one slideshow are three pictures)
    slides = [f"https://static.cdn-x.se/images/a4/02/{key}/3x2/960@80.jpg" for key in ("a402e8b1c9", "b75c10ef62")]
    assert [picture_identity(u) for u in slides] == ["a402e8b1c9", "b75c10ef62"]
    assert picture_identity("https://x.com/m/e6ay2q4d/1280x720.jpg") == "e6ay2q4d"
    # Taipei Times' P03-261205-319.jpg, -320.jpg: the page's pictures in a series, not sizes of one
    assert picture_identity("https://img.x.com/images/2026/12/05/P03-261205-319.jpg") != \
        picture_identity("https://img.x.com/images/2026/12/05/P03-261205-320.jpg")
    # while a width after a name still is a size
    assert picture_identity("https://x.com/a/harbour-bridge-1200.jpg") == picture_identity("/b/harbour-bridge-640.jpg")
    assert picture_identity("/i/puerto-c2f7e1a9-focus-0-0-1200-675.jpg") == \
        picture_identity("/i/puerto-c2f7e1a9-focus-0-0-800-450.jpg")


def test_a_picture_a_script_serves_is_named_by_its_query():
    from auditor.model import picture_identity

    # Global Media's image.jpg?guid=…: three slides of one gallery are three pictures, in any size
    slides = [f"https://static.x.pt/dln/image.jpg?brand=DLN&type=generate&guid={g}&w=744" for g in ("c4e8f1a2", "5f0b7e93")]
    assert picture_identity(slides[0]) != picture_identity(slides[1])
    assert picture_identity(slides[0]) == picture_identity(slides[0].replace("w=744", "w=1200"))
    # a resizer's thumb.php?src=<the picture's address> is that picture, as its structured data names it
    assert picture_identity("https://api.x.com/thumb.php?src=https://cdn.x.com/news/melamchi-headworks-1733.jpg&w=900") \
        == picture_identity("https://cdn.x.com/news/melamchi-headworks-1733.jpg")
    assert picture_identity("https://x.com/image.php?id=12345&w=300") == picture_identity("https://x.com/image.php?id=12345")
    # a rendition's name where the picture's would be: Cloudflare Images' /<id>/public, a Thumbor
    # original.jpg in the picture's folder, Astro's /_image?href=
    assert picture_identity("https://imagedelivery.net/ZWd9g1K7/083eb7b2-5392-4565-b69e-aff66acddd00/public") != \
        picture_identity("https://imagedelivery.net/ZWd9g1K7/183eb7b2-5392-4565-b69e-aff66acddd00/public")
    assert picture_identity("https://cdn.x.com/thumbor/Qx1=/1200x675/media/img/2026/12/hardware_store_lead/original.jpg") \
        == "hardware_store_lead"
    assert picture_identity("https://x.com/_image?href=%2F_astro%2Fharbour.a1b2c3.jpg&w=800") != \
        picture_identity("https://x.com/_image?href=%2F_astro%2Fmayor.d4e5f6.jpg&w=800")
    # a query with no picture in it changes nothing
    assert picture_identity("https://example.com/image/1200?w=3") == "https://example.com/image/1200"


def test_trie_pattern_matches_every_word_the_longest_first():
    import re

    from auditor.registry import trie_pattern
    pattern = re.compile(r"(?:" + trie_pattern(["foto", "fotograf", "fot.", "photo credit"], r"\s+",
                                               optional_final_dot=True) + r")\s*:", re.IGNORECASE)
    assert [pattern.match(text).group() for text in ("Fotograf:", "Foto:", "Fot.:", "Fot:", "Photo  credit:")] \
        == ["Fotograf:", "Foto:", "Fot.:", "Fot:", "Photo  credit:"]
    assert pattern.match("Fotografie:") is None



def test_trie_pattern_optional_dot_does_not_hide_a_longer_spelling():
    import re

    from auditor.registry import trie_pattern
    pattern = re.compile(trie_pattern(["fot.", "fot nr"], r"\s+", optional_final_dot=True), re.IGNORECASE)
    assert pattern.match("Fot nr 5").group() == "Fot nr"


def test_a_series_number_is_no_size():
    """"fest-01.jpg" and "fest-02.jpg" are two pictures of a gallery; "fest-1024.jpg", "fest-w80.jpg" and
    "fest-300x200.jpg" are one picture in three sizes; screenshots' times tell them apart."""
    from auditor.model import picture_identity

    assert picture_identity("/g/fruehlingsfest-01.jpg") != picture_identity("/g/fruehlingsfest-02.jpg")
    assert picture_identity("/g/mayorphoto-1024.jpg") == picture_identity("/g/mayorphoto_w80.jpg") \
        == picture_identity("/g/mayorphoto-300x200.jpg") == "mayorphoto"
    assert picture_identity("/u/Screen-Shot-2020-01-19-at-22.12.45-1200x98.png") != \
        picture_identity("/u/Screen-Shot-2020-01-19-at-22.13.53-1200x25.png")


def test_a_size_for_a_name_leaves_the_folder_to_name_the_picture():
    """".../m/e6ay2q4d/1280x720.jpg": each picture in a folder of its own, its file named by its size."""
    from auditor.model import picture_identity

    assert picture_identity("https://m.example.nl/m/e6ay2q4d/1280x720.jpg") == \
        picture_identity("https://m.example.nl/m/e6ay2q4d/640x360.jpg")
    assert picture_identity("https://m.example.nl/m/e6ay2q4d/1280x720.jpg") != \
        picture_identity("https://m.example.nl/m/f7bz3r5e/1280x720.jpg")


def test_arabic_agency_names_after_a_proclitic_letter(registry):
    # Arabic writes "to", "and", "by" on the next word: "لوكالة الصحافة الفرنسية" (to the French press agency)
    text = "وقال مسؤول لوكالة الصحافة الفرنسية إن الوضع صعب، فيما أفادت وأسوشيتد برس بوقوع ضحايا."
    assert [m.agency.name for m in registry.scan_prose(text)] == ["AFP", "AP"]
    found = registry.scan_prose(text)[0]
    assert text[found.start:found.end] == "وكالة الصحافة الفرنسية"  # the letter before it is not the agency's
    # a word that only ends like an agency's name is none
    assert registry.scan_prose("الوكالةالصحافة") == []


def test_arabic_agency_abbreviations_in_credits(registry):
    assert [m.agency.name for m in registry.scan("(أ.ف.ب) (أ.ب) (د.ب.أ) (إ.ب.أ)")] == ["AFP", "AP", "dpa", "EPA"]


def test_a_declined_russian_agency_name(registry):
    text = "Из 24 аналитиков, опрошенных «Интерфаксом», девять ждали снижения; об этом сообщил «Интерфаксу» источник."
    assert [m.agency.name for m in registry.scan_prose(text)] == ["Interfax", "Interfax"]


def test_thai_agency_names_inside_unspaced_text(registry):
    # Thai runs words together: "สำนักข่าวรอยเตอร์รายงานว่า" is "the news agency Reuters reported that"
    assert [m.agency.name for m in registry.scan_prose("สำนักข่าวรอยเตอร์รายงานว่า เอเอฟพี")] == ["Reuters", "AFP"]


@pytest.mark.parametrize("text, agencies", [
    ("Участък от магистралата е под вода, съобщава Ройтерс.", ["Reuters"]),  # bg
    ("כפי שדיווחה השבוע סוכנות הידיעות רויטרס, הממלכה פנתה", ["Reuters"]),  # he
    ("また、国営アンタラ通信は、土砂崩れが発生したと伝えました", ["Antara"]),  # ja
    ("„Pensijų didinimas bus jaučiamas jau sausį“, – Eltai sakė ministrė.", ["ELTA"]),  # lt, dative
])
def test_agency_names_in_more_scripts_and_cases(registry, text, agencies):
    assert [m.agency.name for m in registry.scan_prose(text)] == agencies


@pytest.mark.parametrize("text, agencies", [
    ("ha firmato i decreti, come riporta l'Ansa, nella notte", ["ANSA"]),
    ("وقال المتحدث في تصريحات لوكالة أنباء الشرق الأوسط إن", ["MENA"]),
])
def test_agency_names_as_the_papers_write_them(registry, text, agencies):
    assert [m.agency.name for m in registry.scan_prose(text)] == agencies


def test_prose_gate_asks_for_every_word_of_a_spelling_and_a_short_one_as_written(registry):
    # "mehr" and "wenn" are German words: the gate lets such prose through only when a spelling has
    # all it needs (every word of "Mehr News Agency"; "WENN" as written), and the patterns decide
    def words(text):
        return [m.agency.name for m in registry.scan_prose(text)]

    assert words("Wenn es regnet, kommen mehr Menschen in die Stadt.") == []
    assert registry._passes_gate(["wenn", "es", "regnet", "kommen", "mehr", "menschen"], "x") is False
    assert words("Die Mehr News Agency meldete am Montag neue Zahlen.") == ["Mehr News Agency"]
    assert words("Fotos: WENN") == ["WENN"]
    assert words("United Press International reported") == ["UPI"]
    assert words("the United States and the International Monetary Fund") == []


def test_a_spelling_that_is_an_ordinary_word_names_no_agency_in_a_credit_unless_written_as_the_agency(registry):
    from auditor.extract.credits import parse_credit

    def agencies(text):
        return [s.agency for s in parse_credit(text, registry).sources if s.agency]

    # the registry lists MAP's spelling among its "words": "Map" is a map
    assert agencies("Map data © Google") == []
    assert agencies("MAP/Ahmed Benali") == ["MAP"]
    # an acronym written in lower case, as German credits write agencies, still counts
    assert agencies("Foto: epa") == ["EPA"]
    assert agencies("Bild: apa/Jane Doe") == ["APA"]
    assert agencies("Photo: Wam") == ["WAM"]  # as The National writes the Emirates News Agency


def test_words_must_be_spellings_of_the_agency(tmp_path):
    house = tmp_path / "agencies.yaml"
    house.write_text("agencies:\n  - name: Example Wire\n    aliases: [EXW]\n    words: [Wire]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="words form 'Wire' is not a spelling of Example Wire"):
        AgencyRegistry.load(str(house))


@pytest.mark.parametrize("sentence, agencies", [
    ("according to details carried by state news agency Wam", ["WAM"]),
    ("وأوضح في تصريح لوكالة المغرب العربي للأنباء، أن الأشغال ستمتد", ["MAP"]),
    ("De acuerdo con lo informado por la agencia Noticias Argentinas, la Municipalidad dispuso", ["Noticias Argentinas"]),
])
def test_national_agencies_by_their_own_names(registry, sentence, agencies):
    assert [m.agency.name for m in registry.scan_prose(sentence)] == agencies


def test_the_prose_gate_never_drops_a_spelling_the_patterns_find(registry):
    # The gate only spares the patterns' work: every spelling of every agency, in several cases and
    # contexts, that the patterns find in prose still passes it
    from auditor.registry import _NOT_WORDS, _script, alias_key

    registry.scan_prose("warm up")  # (builds the patterns and the gate)
    for agency in registry.agencies:
        for form in agency.forms:
            for text in (f"Laut {form} sagte", f"({form})", f"{form.upper()} reported", f"{form.lower()} said",
                         f"told {form}."):
                lower = text.lower()
                if _script(text) or len(lower) != len(text):
                    continue  # (those texts take the other way, past no such gate)
                found = [m for pattern, subject in ((registry._pattern("long"), lower), (registry._pattern("short"), text))
                         for m in pattern.finditer(subject) if alias_key(m.group()) in registry._by_key]
                assert not found or registry._passes_gate(_NOT_WORDS.split(lower), text), text
