"""Names the text uses as something else than a place are no map pins (issue 12); invented examples."""

from __future__ import annotations

import pytest

from wiresift.nlp.places import geoparse


def pins(text: str) -> dict[str, str | None]:
    return {text[s:e]: p.country for p in geoparse(text) if p.lat is not None for s, e in p.mentions}


@pytest.mark.parametrize(
    ("text", "not_pinned", "pinned"),
    [
        # a part of a person's full name, and that word alone later
        ("Dana Sutton won the race in Kent. Sutton said the car was fast.", "Sutton", "Kent"),
        # a street and a named square are not the district or town inside them
        ("Shoppers crowded Tottenham Court Road before the trains to Paris left.", "Tottenham", "Paris"),
        ("Marchers met at Union Square in Denver on Sunday.", "Union", "Denver"),
        ("Fans filled the Hollywood Casino Amphitheatre near Chicago on Friday.", "Hollywood", "Chicago"),
        # an address's quadrant is not Sé in Macau
        ("The office at 410 M Street SE in Washington was closed.", "SE", "Washington"),
        # a town's name before a product noun is a brand
        ("Brent crude rose 2 percent as traders in London bought.", "Brent", "London"),
        # a short mixed-case word is not a country code
        ("Ken Ito saved the file on his Mac before flying to Lima.", "Ken", "Lima"),
        # nor one that only a hamlet of that name and an upper-case code ("CAR") share
        ("The new Touring Car season opens next week in Lima.", "Car", "Lima"),
        # a surname in a stat line of a box score is the player
        ("Tulsa (2-0): Reyes 21 points. Moore 14 points. Davis 6 points.", "Moore", "Tulsa"),
        # "the Western District of Ohio" is a part of Ohio, not a place of that name elsewhere
        (
            "The Western District of Ohio charged him; the trial opens in Toledo.",
            "Western District",
            "Toledo",
        ),
        # a common word after a nationality inside an organisation's name
        ("She works at the American Enterprise Council in Boston.", "Enterprise", "Boston"),
        # a title before a person's name is no country alias ("Sen." of Senegal)
        ("The bill was filed by Sen. Mara Quill on Monday in Denver.", "Sen.", "Denver"),
        # an upper-case headline opening a line is no dateline
        ("POINT GUARDS SHINE LATE\nThe club won in Leeds on Sunday.", "POINT", "Leeds"),
        ("CAN THE ROOKIES HOLD ON?\nThe team lost in Leeds on Sunday.", "CAN", "Leeds"),
        # a club: a town's name as the subject of a plural verb
        ("Chelsea have agreed a fee for the keeper, officials in Madrid said.", "Chelsea", "Madrid"),
        # a work's title in quotation marks
        ("She sang \u201cGlasgow,\u201d a slow ballad, at a club in Dublin.", "Glasgow", "Dublin"),
        # a short quoted title in capitals is a work's title, its names no towns
        ("The \u201cRamona and Sedona\u201d star flew home to Leeds after the premiere.", "Sedona", "Leeds"),
        (
            "Critics loved \u201cNights in Marietta\u201d, which opens in Leeds next week.",
            "Marietta",
            "Leeds",
        ),
        # a common noun in lower case
        ("Smaller metro newspapers in Ohio cut staff again.", "metro", "Ohio"),
        # an organisation after "at" is no alias of a town ("Google" of Topeka)
        ("Ada Ruiz, director for maps at Google, spoke in Dublin.", "Google", "Dublin"),
        # an apposition with a possessive is no qualifier ("China's" does not make a town of a name)
        ("Trump met Liu He, China\u2019s top trade negotiator, in Geneva.", "Liu He", "Geneva"),
        # the subject of a reporting verb whose readings are small places is a person
        ('"We are ready," Arroyo added after the clinic in Sacramento opened.', "Arroyo", "Sacramento"),
        # a relative's given name in apposition is no town
        ("The couple moved to Leeds with their daughter, Sedona, in 2015.", "Sedona", "Leeds"),
        ("He lives in Leeds with his wife, Marietta, and two dogs.", "Marietta", "Leeds"),
        # a body of the solar system is no town of that name ("Earth", Texas)
        (
            "The probe sent its first pictures back to Earth, and engineers in Houston cheered.",
            "Earth",
            "Houston",
        ),
        # a one-word organisation named like a river, without "the", is the company
        ("Readers can order the speaker on Amazon for $40, a retailer in Denver said.", "Amazon", "Denver"),
    ],
)
def test_not_used_as_a_place(text: str, not_pinned: str, pinned: str) -> None:
    found = pins(text)
    assert not_pinned not in found, found
    assert pinned in found, found


def test_countries_keep_their_place_before_company_nouns() -> None:
    found = pins("U.S. airlines cut flights to Spain after the strike.")
    assert found.get("U.S.") == "US" and found.get("Spain") == "ES"


def test_a_town_the_ner_calls_a_person_keeps_its_pin_without_a_person_cue() -> None:
    found = pins("Traffic backed up between Coggeshall and Colchester on Friday.")
    assert "Coggeshall" in found or "Colchester" in found


def test_a_dateline_names_a_city_and_a_lone_province_is_no_list() -> None:
    text = (
        "WASHINGTON \u2013 Two guards were charged on Tuesday.\nThe hearing in Washington drew lawmakers of "
        "both parties. They had visited Texas last month, Ohio in May and Florida in June."
    )
    got = [(p.kind, text[s:e]) for p in geoparse(text) if p.lat is not None for s, e in p.mentions]
    assert ("city", "WASHINGTON") in got, got
    assert ("city", "Washington") in got, got


def test_a_name_without_latin_letters_has_no_candidates() -> None:
    from wiresift import gazetteer
    from wiresift.nlp.places.lookup import candidates

    assert candidates(gazetteer.load(), "\u0420\u0435\u0446\u0435\u043f\u0442") == ()


def test_a_newspaper_the_ner_took_for_a_place_is_a_modifier() -> None:
    text = "The chain owns the Kansas City Star and the Miami Herald, and sold a plant in Denver."
    adjectival = {text[s:e]: p.adjectival for p in geoparse(text) if p.lat is not None for s, e in p.mentions}
    assert adjectival.get("Denver") is False, adjectival
    assert all(v for k, v in adjectival.items() if k != "Denver"), adjectival


def test_a_natural_feature_with_its_article_keeps_its_pin() -> None:
    assert "Amazon" in pins("Crews rafted down the Amazon near Manaus.")


def test_a_short_upper_case_code_of_a_small_town_is_an_acronym() -> None:
    from wiresift import gazetteer
    from wiresift.nlp.places.lookup import candidates
    from wiresift.nlp.places.usage import _acronym

    gaz = gazetteer.load()
    # only a small town carries "MBC" (as a code), so the word is an acronym; "NYC" names a big city
    assert candidates(gaz, "MBC") and _acronym(gaz, "MBC")
    assert not _acronym(gaz, "NYC")
