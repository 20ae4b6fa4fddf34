"""The outlet as a prior, names inside organisations' names, country lists (issue 12); invented examples."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from wiresift import gazetteer
from wiresift.model import Document
from wiresift.nlp.pipeline import Context, load_model
from wiresift.nlp.places import make_stage
from wiresift.nlp.places.outlet import cctld_country, host_places, is_outlet_name, outlet_places, site_places
from wiresift.nlp.places.resolve import resolve


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def names(entries: list[gazetteer.Entry]) -> list[str]:
    return [e.name for e in entries]


@pytest.mark.parametrize(
    ("host", "country"),
    [("www.example.ca", "CA"), ("news.example.co.uk", "GB"), ("example.ie", "IE"), ("example.com", None)],
)
def test_cctld_country(gaz: gazetteer.Gazetteer, host: str, country: str | None) -> None:
    found = cctld_country(gaz, host)
    assert (found.cc if found else None) == country


def test_generic_cctlds_say_nothing(gaz: gazetteer.Gazetteer) -> None:
    assert cctld_country(gaz, "startup.io") is None and cctld_country(gaz, "radio.fm") is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.oregondaily.com", ["Oregon"]),  # a province the label starts with
        ("www.dailyflorida.com", ["Florida"]),  # or ends with (Uruguay's Florida is far smaller)
        ("nj.com", ["New Jersey"]),  # a whole label as a province abbreviation
        ("www.kansascityherald.com", ["United States"]),  # two cities of that name: only their country
        ("www.washingtonherald.com", ["United States"]),  # the state or the capital: only the country
        ("www.barrons.com", []),  # "barr" of a small town is no outlet's home
        ("www.georgiaherald.com", []),  # the country or the state: nothing
    ],
)
def test_host_places(gaz: gazetteer.Gazetteer, host: str, expected: list[str]) -> None:
    assert names(host_places(gaz, host)) == expected


def test_site_name_places(gaz: gazetteer.Gazetteer) -> None:
    assert names(site_places(gaz, "The Chicago Ledger")) == ["Chicago"]
    assert names(site_places(gaz, "The Morning Bugle")) == []
    assert names(outlet_places(gaz, "https://example.ca/a", "The Chicago Ledger")) == ["Canada", "Chicago"]


def test_outlet_country_picks_the_namesake(gaz: gazetteer.Gazetteer) -> None:
    """ "Perth" alone is Western Australia's; in a British outlet's story it is the Scottish town."""
    bare = resolve(gaz, ["Perth"], [False], [None])[0].entry
    british = resolve(
        gaz, ["Perth"], [False], [None], outlet=outlet_places(gaz, "https://example.co.uk/a", None)
    )
    assert bare is not None and bare.cc == "AU"
    assert british[0].entry is not None and british[0].entry.cc == "GB"


def test_countries_do_not_qualify_countries(gaz: gazetteer.Gazetteer) -> None:
    """ "Kosovo, Belarus" in a list is two countries, not a Belarusian hamlet with "Kosovo" as an alias."""
    texts = ["Serbia", "Kosovo", "Belarus"]
    res = resolve(gaz, texts, [False] * 3, [None, "Belarus", None])
    assert [r.entry.kind if r.entry else None for r in res] == ["country"] * 3


def test_embedded_name_is_the_prominent_home(gaz: gazetteer.Gazetteer) -> None:
    """A Minnesota town named in the article does not make "Buffalo" of a team's name that town."""
    texts = ["Minnesota", "Buffalo"]
    literal = resolve(gaz, texts, [False, False], [None, None])[1].entry
    inside = resolve(gaz, texts, [False, False], [None, None], embedded=[False, True])[1].entry
    assert literal is not None and literal.admin1 == "Minnesota"
    assert inside is not None and inside.admin1 == "New York"


def test_embedded_name_follows_its_own_mention(gaz: gazetteer.Gazetteer) -> None:
    texts = ["Buffalo", "Minnesota", "Buffalo"]
    res = resolve(gaz, texts, [False] * 3, [", Minnesota", None, None], embedded=[False, False, True])
    assert res[0].entry == res[2].entry


def places_of(text: str, url: str | None = None) -> Document:
    doc = Document(text=text, url=url)
    make_stage()(doc, load_model()(text), Context())
    return doc


def test_names_inside_organisations_are_modifiers_not_map_pins() -> None:
    doc = places_of("The Granite Valley Times reported that the Boston Harbor Authority met in Denver.")
    by_text = {doc.text[s:e]: p for p in doc.places for s, e in p.mentions}
    assert not by_text["Denver"].adjectival
    assert "Boston" in by_text and by_text["Boston"].adjectival


def test_upper_case_acronym_is_no_town() -> None:
    doc = places_of("Exports to CIS members fell, officials in Tehran said.")
    found = {doc.text[s:e] for p in doc.places for s, e in p.mentions}
    assert "CIS" not in found and "Tehran" in found


def test_the_outlets_own_name_in_capitals_is_no_place() -> None:
    text = "In a SWE review the phone ships first to Lisbon."
    sdoc = load_model()(text)
    swe = next(t.i for t in sdoc if t.text == "SWE")
    sdoc.ents = [Span(sdoc, swe, swe + 1, label="GPE")] + [e for e in sdoc.ents if e.start > swe]

    def pinned(url: str) -> set[str]:
        doc = Document(text=text, url=url)
        make_stage()(doc, sdoc, Context())
        return {text[s:e] for p in doc.places if p.lat is not None for s, e in p.mentions}

    assert "SWE" in pinned("https://example.com/x")  # elsewhere the code reads as Sweden
    assert "SWE" not in pinned("https://swe.com/tech/x") and "Lisbon" in pinned("https://swe.com/tech/x")
    assert is_outlet_name("WCVB", None, "WCVB")
    assert not is_outlet_name("Boston", "https://www.boston.com/news/x", None)
    assert not is_outlet_name("SWE", "https://example.com/x", "Example News")
