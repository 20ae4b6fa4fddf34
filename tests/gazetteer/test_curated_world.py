"""The curated world-geography entries of regions.yaml: every extra name lands on its entry."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from wiresift import gazetteer
from wiresift.gazetteer.sources import REGIONS_YAML
from wiresift.nlp.places.resolve import haversine


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.fixture(scope="module")
def curated() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))
    return data


def test_every_extra_name_is_an_own_name_of_its_entry(
    gaz: gazetteer.Gazetteer, curated: dict[str, Any]
) -> None:
    # a typo in an `aliases_of` target (name, kind or country) would silently drop the names
    missing = []
    for item in curated["aliases_of"]:
        for alias in item["aliases"]:
            hits = [
                c
                for c in gaz.candidates(alias)
                if c.exact
                and c.entry.name == item["name"]
                and c.entry.kind == item["kind"]
                and item.get("country") in (None, c.entry.cc)
            ]
            if not hits:
                missing.append((item["name"], alias))
    assert missing == []


def test_every_curated_demonym_links_to_a_place(gaz: gazetteer.Gazetteer, curated: dict[str, Any]) -> None:
    assert [d for d in curated["demonyms"] if gaz.demonym(d) is None] == []
    assert getattr(gaz.demonym("Bosnian"), "cc", None) == "BA"
    assert getattr(gaz.demonym("Catalan"), "cc", None) == "ES"


def _feature(gaz: gazetteer.Gazetteer, name: str) -> gazetteer.Entry:
    hits = [c.entry for c in gaz.candidates(name) if c.exact and c.entry.kind in ("feature", "region")]
    assert hits, name
    return hits[0]


def test_rivers_sit_at_their_mouth_and_landmarks_at_their_site(gaz: gazetteer.Gazetteer) -> None:
    yangtze = _feature(gaz, "Yangtze River")
    # the mouth near Shanghai, not the middle of the river in Sichuan
    assert yangtze.lat is not None and yangtze.lon is not None
    assert haversine(yangtze.lat, yangtze.lon, 31.23, 121.47) < 161
    heathrow = _feature(gaz, "Heathrow")
    assert heathrow.cc == "GB" and heathrow.lat is not None and heathrow.lon is not None
    assert haversine(heathrow.lat, heathrow.lon, 51.51, -0.13) < 40  # beside London


def test_world_features_of_every_kind_are_known(gaz: gazetteer.Gazetteer) -> None:
    for name in (
        "Mekong",
        "Lake Victoria",
        "North Sea",
        "Strait of Malacca",
        "Himalayas",
        "Rockies",
        "Gobi Desert",
        "Borneo",
        "Spratly Islands",
        "Tiananmen Square",
        "JFK Airport",
        "West Coast",
        "New England",
        "Niger Delta",
        "Midlands",
    ):
        _feature(gaz, name)


def test_english_names_of_provinces_are_own_names(gaz: gazetteer.Gazetteer) -> None:
    # so a small American "Normandy" does not win on the own-name bonus
    normandy = [c for c in gaz.candidates("Normandy") if c.entry.kind == "admin1"]
    assert normandy and normandy[0].exact and normandy[0].entry.cc == "FR"
    herts = [c.entry for c in gaz.candidates("Herts") if c.exact]
    assert herts and herts[0].name == "Hertfordshire"
    northants = [c.entry for c in gaz.candidates("Northamptonshire") if c.entry.cc == "GB"]
    assert northants and northants[0].kind == "admin2"
