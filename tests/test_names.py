"""Name detection in captions (auditor.rules.names) and the caption-unmatched rule, on captions
from real pages that gave false findings."""

from __future__ import annotations

import pytest

from auditor.api import check_html
from auditor.rules.names import names_in


def names(caption: str, language: str | None = None) -> list[str]:
    return [name.text for name in names_in(caption, language)]


@pytest.mark.parametrize("caption, expected", [
    # a date is not part of a name (issue 9: "November Large", "October Boris Johnson")
    ("Protesters march in London on 3 November Large crowds gathered", ["London", "Large"]),
    ("Prime Minister on 12 October Boris Johnson spoke in Downing Street", ["Boris Johnson", "Downing Street"]),
    ("Montag Angela Merkel in Berlin", ["Angela Merkel", "Berlin"]),
    # position markers (eveningstandard-1)
    ("A thermal camera (Top L) scans the body temperature of commuters arriving from regional trains at "
     "the Cardona railway station in Milan", ["Cardona", "Milan"]),
    ("Olaf Scholz (l.) und Emmanuel Macron (r.) in Paris", ["Olaf Scholz", "Emmanuel Macron", "Paris"]),
    # particles stay in the name (eveningstandard-1)
    ("Lea Karner and Dorian Di Giorgio arrive to the Akademisches Gymnasium high school on their "
     "bicycles in Vienna", ["Lea Karner", "Dorian Di Giorgio", "Akademisches Gymnasium", "Vienna"]),
    ("Commission President Ursula von der Leyen with Abu Bakr al-Baghdadi",
     ["Ursula von der Leyen", "Abu Bakr al-Baghdadi"]),
    # possessives (dw-1)
    ("Robert Koch's microscopic specimens from East Africa", ["Robert Koch", "East Africa"]),
    # slide counters, and a credit line glued with an ellipsis (corkbeo)
    ("Image 1 of 9 Caption Close", []),
    ("Gallery 2/12: Volunteers at Central Park", ["Central Park"]),
    # the office before a name is not the name
    ("Vietnamese Defense Minister Ngo Xuan Lich speaks", ["Ngo Xuan Lich"]),
    ("U.S. President Joe Biden in Nogales, Ariz., on Monday", ["Joe Biden", "Nogales"]),
    ("Sen. Amy Klobuchar (D-Minn.) at the Capitol", ["Amy Klobuchar", "Capitol"]),
    # "and" separates two people; "of" joins an organisation's name
    ("Michael Douglas and Catherine Zeta-Jones at the Bank of England",
     ["Michael Douglas", "Catherine Zeta-Jones", "Bank of England"]),
    # "the" after a joiner stays in the name (uff-yahoo: the AP file photo's venue)
    ("Steve Jobs speaks at the Yerba Buena Center for the Arts Theater in San Francisco",
     ["Steve Jobs", "Yerba Buena Center for the Arts Theater", "San Francisco"]),
    ("Jane Doe waits for the bus", ["Jane Doe"]),
    # written for this test: a slogan in quotes names nobody; a common noun that opens the
    # sentence before "of" is no name; one word before a number is a designation
    ("Demonstrators hold placards reading 'Stop the War' during a protest in London", ["London"]),
    ("Soldiers of the 93rd Separate Mechanized Brigade fire a mortar near Bakhmut",
     ["Separate Mechanized Brigade", "Bakhmut"]),
    ("Members of the Hamas armed wing attend a rally in Gaza City", ["Hamas", "Gaza City"]),
    ("Passengers wait at Heathrow Airport's Terminal 5 in London", ["Heathrow Airport", "London"]),
])
def test_names_in(caption, expected):
    assert names(caption) == expected


@pytest.mark.parametrize("caption, expected", [
    # netzpolitik-1: an adjective that starts the sentence, then nouns joined by an article
    ("Traute Einigkeit der Abmahnfirmen am gemeinsamen Briefkasten.", []),
    ("Im Regal stehen Absinthe-Produkte der Brennerei Artemisia", ["Absinthe-Produkte"]),
    ("Beim Pössl Roadcruiser ist alles an Bord", ["Bord"]),
    # outdoor-magazin.com: a compound on a derived noun is a common noun ("heritage brand"); surnames
    # that end like one stay names
    ("Die Rapido-Gruppe ist mit ihrer deutschen Traditionsmarke Westfalia eine feste Größe",
     ["Westfalia"]),
    ("Trainer Jürgen Hartung und Carl Jung vor der Regierung Berlin", ["Jürgen Hartung", "Carl Jung", "Berlin"]),
])
def test_german_noun_phrases_are_not_names(caption, expected):
    assert names(caption, "de") == expected


def test_a_common_word_that_starts_the_sentence_is_not_part_of_the_name():
    caption = "Students Lea Karner and Dorian Di Giorgio arrive in Vienna"
    assert [n.text for n in names_in(caption, "en", {"students"})] == ["Lea Karner", "Dorian Di Giorgio", "Vienna"]


# Enough story text to be judged (caption-unmatched stays quiet below 40 words)
MORE = (" Officials said more details would follow later in the week, after a meeting of the regional council "
        "and the emergency services, and residents were asked to follow the advice of local authorities.")


def _page(caption: str, credit: str, story: str, lang: str = "en") -> str:
    return (f"<html lang='{lang}'><body><article><h1>A headline about the story</h1>"
            f"<figure><img src='https://x.test/photo-one.jpg' alt='x'><figcaption>{caption} "
            f"<span class='credit'>{credit}</span></figcaption></figure>"
            f"<p>{story}</p></article></body></html>")


def unmatched(html: str) -> list[str]:
    return [f.message for f in check_html(html, rules="default").findings if f.rule == "caption-unmatched"]


def test_handout_provider_spelled_out_is_matched_by_its_initialism():
    html = _page("This satellite image provided by the National Oceanic and Atmospheric Administration shows "
                 "Hurricane Ian approaching the coast.", "(NOAA via AP)",
                 "Hurricane Ian made landfall on Wednesday, forecasters said, as residents fled the coast." + MORE)
    assert unmatched(html) == []


def test_a_name_the_story_never_mentions_is_still_reported():
    html = _page("Finance Minister Karl Obermann presented the plan.", "Photo: Jane Doe/dpa",
                 "The coalition agreed the budget after talks through the night in Berlin. Spending on schools "
                 "and railways rises by four percent next year, while the defence budget stays where it was. The "
                 "opposition called the plan timid and said it would vote against it next week.")
    assert unmatched(html) == ["image 1: the caption names Karl Obermann, which the story never mentions"]


def test_a_peoples_adjective_is_matched_by_its_country():
    story = ("The war in Ukraine entered its third year on Monday. Troops on both sides dug in along the front, "
             "and officials in Kyiv said the shelling had grown heavier over the past week, with villages near "
             "the front emptied of their last residents.")
    html = _page("A Ukrainian serviceman fires toward the front near Kyiv.", "Photo: Jane Doe/AFP", story)
    assert unmatched(html) == []
    # ... and without it, the adjective counts as a name the story leaves out
    html = _page("A Ukrainian serviceman fires toward the front near Kyiv.", "Photo: Jane Doe/AFP",
                 story.replace("Ukraine", "the east").replace("Kyiv", "the capital"))
    assert unmatched(html) == ["image 1: the caption names Ukrainian, Kyiv, which the story never mentions"]


def test_a_story_too_short_to_judge_is_not_judged():
    # lanacion-1: only the headline was read as story text; the caption's names are in the body
    html = _page("La presidenta de la comisión de Legislación General, Cecilia Moreau.", "Foto: Télam",
                 "Sesión en Diputados", lang="es")
    assert unmatched(html) == []


def test_a_picture_gallery_is_not_judged_caption_by_caption():
    figures = "".join(
        f"<figure><img src='https://x.test/day-{n}.jpg' alt='x'><figcaption>{who} at the {where} on Monday. "
        f"<span class='credit'>Photo: Jane Doe/AP</span></figcaption></figure>"
        for n, (who, where) in enumerate([("Kevin Clarke", "Metropolitan Police"), ("Bora Aksu", "London Fashion Week"),
                                          ("Lloyd Scott", "Ben Nevis"), ("Angela Rayner", "Labour Conference"),
                                          ("Carl Thomas", "Elvington Airfield")]))
    html = (f"<html lang='en'><body><article><h1>Pictures of the day</h1>{figures}"
            f"<p>Our photographers' pick of the day's best images from around the country.{MORE}</p>"
            "</article></body></html>")
    assert unmatched(html) == []


def test_a_quoted_title_is_not_a_name():
    # washingtonpost.com: works of art in a gallery's captions
    assert names("The “Good Shepherd” is an example of early Christian art from the 4th century.") == ["Christian"]
    assert "Triumph of Neptune" not in names("Detail of a mosaic, from the “Triumph of Neptune.” Now in Tunis.")
    # a name that only stands next to quotes stays a name
    assert "Larry Bird" in names('"We won," Larry Bird said in Boston.')

