"""Namesake rules of the fifth pass: shadowed towns, list qualifiers, designating words, abbreviations."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from wiresift import gazetteer
from wiresift.model import Place
from wiresift.nlp.places.recognize import recognise
from wiresift.nlp.places.stage import _designations, resolve_spans


def _resolve_all(text: str, names: list[str]) -> dict[str, Place | None]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return dict(zip(names, resolve_spans(text, spans), strict=True))


def test_a_far_bigger_namesake_keeps_the_name_against_province_context() -> None:
    # Texas and Houston are named, but "Portland" in a US story is still the Oregon city (40x Portland, TX)
    text = "HOUSTON (AP) - Houston beat Portland 96-94 on Friday, the best run by a Texas team this season."
    got = _resolve_all(text, ["HOUSTON", "Houston", "Portland", "Texas"])
    portland = got["Portland"]
    assert portland is not None and portland.admin1 == "Oregon"
    # a namesake of comparable size still follows the province the article names
    maine = "Snow closed schools in Portland on Monday, and the rest of Maine braced for more."
    portland = _resolve_all(maine, ["Portland", "Maine"])["Portland"]
    assert portland is not None and portland.admin1 == "Maine"


def test_a_qualifier_still_picks_a_small_namesake() -> None:
    text = "The tornado struck Portland, Texas, and moved north toward Houston."
    portland = _resolve_all(text, ["Portland", "Texas", "Houston"])["Portland"]
    assert portland is not None and portland.admin1 == "Texas"


def test_a_town_in_a_list_is_no_qualifier() -> None:
    text = "The envoy visited Washington, New York and Miami before she flew on to Riyadh."
    got = _resolve_all(text, ["Washington", "New York", "Miami", "Riyadh"])
    washington = got["Washington"]
    assert (
        washington is not None and washington.kind == "city" and washington.admin1 == "District of Columbia"
    )


def test_a_qualifier_naming_the_place_itself() -> None:
    # Seattle makes "Washington" the state; "Washington, D.C." is still the capital
    text = "Crews from Seattle, Washington, flew to Guam, Hawaii and Washington, D.C., last year."
    spans = []
    for name in ("Seattle", "Washington", "Guam", "Hawaii"):
        i = text.index(name)
        spans.append((i, i + len(name)))
    dc = text.index("Washington, D.C.")
    spans += [(dc, dc + len("Washington")), (dc + len("Washington, "), dc + len("Washington, D.C."))]
    places = resolve_spans(text, spans)
    state, capital = places[1], places[4]
    assert state is not None and state.kind == "admin1"
    assert capital is not None and capital.kind == "city" and capital.admin1 == "District of Columbia"


def test_designating_words() -> None:
    text = "Rebels withdrew to Idlib province while upstate New York and the city of Puebla held vigils."
    got = _resolve_all(text, ["Idlib", "New York", "Puebla"])
    assert got["Idlib"] is not None and got["Idlib"].kind == "admin1" and got["Idlib"].country == "SY"
    assert got["New York"] is not None and got["New York"].kind == "admin1"
    assert got["Puebla"] is not None and got["Puebla"].kind == "city" and got["Puebla"].country == "MX"
    # capitalised, the word is part of another name, not a designation
    assert _designations("Ohio State won.", [(0, 4)]) == [None]
    assert _designations("Mexico state and Cork city", [(0, 6), (17, 21)]) == ["province", "city"]


def _doc(nlp: Language, words: list[str] | str, ents: list[tuple[int, int, str]]) -> Doc:
    """A hand-tagged Doc, so the recognition rules are tested without depending on the model's tags."""
    doc = nlp.make_doc(words) if isinstance(words, str) else Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_province_abbreviation_inside_an_organisation(nlp: Language) -> None:
    words = ["A", "new", "FrontCounter", "BC", "office", "opened", "in", "Nelson", "on", "Monday", "."]
    doc = _doc(nlp, words, [(2, 4, "ORG"), (7, 8, "GPE")])
    names = [m.text for m in recognise(doc, gazetteer.load())]
    assert names == ["BC", "Nelson"]
    # without a place of British Columbia (Nelson has a namesake there) in a story about Ohio: no
    words = ["A", "new", "FrontCounter", "BC", "office", "opened", "in", "Ohio", "on", "Monday", "."]
    names = [m.text for m in recognise(_doc(nlp, words, [(2, 4, "ORG"), (7, 8, "GPE")]), gazetteer.load())]
    assert names == ["Ohio"]


def test_iso_codes_and_company_forms_are_no_places(nlp: Language) -> None:
    words = [
        "Analysts",
        "at",
        "GTM",
        "Research",
        "said",
        "Cimpress",
        "NV",
        "and",
        "PAN",
        "would",
        "expand",
        "in",
        "Ohio",
        "and",
        "the",
        "UAE",
        ".",
    ]
    doc = _doc(nlp, words, [(2, 4, "ORG"), (5, 7, "ORG"), (8, 9, "ORG"), (12, 13, "GPE"), (15, 16, "ORG")])
    names = [m.text for m in recognise(doc, gazetteer.load())]
    assert names == ["Ohio", "UAE"]


def test_hyphenated_pairs_abbreviated_saints_and_demonym_features(nlp: Language) -> None:
    doc = _doc(nlp, "The Amsterdam-London train left Guinea-Bissau.", [(1, 4, "GPE"), (6, 9, "GPE")])
    assert [t.text for t in doc][1:4] == ["Amsterdam", "-", "London"]
    assert [m.text for m in recognise(doc, gazetteer.load())] == ["Amsterdam", "London", "Guinea-Bissau"]
    doc = _doc(nlp, "ST. LOUIS - Rain fell.", [(0, 1, "GPE")])
    assert [t.text for t in doc][:3] == ["ST", ".", "LOUIS"]
    assert [m.text for m in recognise(doc, gazetteer.load())][:1] == ["ST. LOUIS"]
    words = ["Talks", "on", "the", "Korean", "Peninsula", "resumed", "."]
    found = recognise(_doc(nlp, words, [(3, 4, "NORP")]), gazetteer.load())
    assert [(m.text, m.adjectival) for m in found] == [("Korean Peninsula", False)]


def test_part_of_a_persons_name_is_no_place_seen_elsewhere(nlp: Language) -> None:
    words = ["Park", "Geun-hye", "met", "voters", "in", "Park", ".", "Park", "said", "no", "."]
    doc = _doc(nlp, words, [(0, 2, "PERSON"), (5, 6, "GPE")])
    found = [(m.start, m.text) for m in recognise(doc, gazetteer.load())]
    assert found == [(doc[5].idx, "Park")]  # the tagged place only, not the president's surname


def test_a_name_before_its_province_is_a_place_there(nlp: Language) -> None:
    text = "Migrants camped in Juchitan, Oaxaca State, and Juan Perez, Oaxaca State, said so."
    doc = _doc(nlp, text, [])
    words = [t.text for t in doc]
    persons = [
        (words.index("Juchitan"), words.index("Juchitan") + 1),
        (words.index("Juan"), words.index("Juan") + 2),
    ]
    oaxaca = [i for i, w in enumerate(words) if w == "Oaxaca"]
    doc.ents = [Span(doc, s, e, label="PERSON") for s, e in persons] + [
        Span(doc, i, i + 2, label="GPE") for i in oaxaca
    ]
    for s, e in persons:
        for t in doc[s:e]:
            t.pos_ = "PROPN"
    names = [m.text for m in recognise(doc, gazetteer.load())]
    assert "Juchitan" in names  # GeoNames' Juchitán de Zaragoza, in Oaxaca
    assert "Juan Perez" not in names


def test_a_bare_direction_word_needs_its_country_in_the_story() -> None:
    text = "Russia expelled diplomats after the West accused Moscow; the West said more would follow."
    got = _resolve_all(text, ["Russia", "West", "Moscow"])
    assert got["West"] is None  # not Cameroon's West province
    assert got["Moscow"] is not None and got["Moscow"].country == "RU"


def test_a_county_or_region_qualifier_holds_the_towns_near_it() -> None:
    text = "The next round is at Croft, Yorkshire, before the teams head to Snetterton, Norfolk."
    got = _resolve_all(text, ["Croft", "Yorkshire", "Snetterton", "Norfolk"])
    croft = got["Croft"]
    # the Croft within 100 km of Yorkshire's point, not the bigger one in Leicestershire (52.6N)
    assert croft is not None and croft.country == "GB" and croft.lat is not None and croft.lat > 53.0
