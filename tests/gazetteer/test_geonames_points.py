"""GeoNames' own points where countryinfo's (countries) or the cities' (provinces) lie far from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiresift import gazetteer
from wiresift.gazetteer import sources
from wiresift.nlp.places.resolve import haversine

_READ = sources.geonames_points


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def _point(gaz: gazetteer.Gazetteer, geonames_id: int, kind: str) -> tuple[float, float]:
    entry = gaz.by_geonames_id(geonames_id)
    assert entry is not None and entry.kind == kind and entry.lat is not None and entry.lon is not None
    return entry.lat, entry.lon


def test_united_states_sits_at_its_geonames_point_in_kansas(gaz: gazetteer.Gazetteer) -> None:
    lat, lon = _point(gaz, 6252001, "country")
    assert haversine(lat, lon, 39.76, -98.5) < 1
    assert haversine(lat, lon, 38.0, -97.0) > 161  # countryinfo's point would miss by 235 km


def test_countries_not_listed_keep_countryinfo_point(gaz: gazetteer.Gazetteer) -> None:
    assert _point(gaz, 2017370, "country") == (60.0, 100.0)  # Russia, never at Moscow


def test_provinces_not_listed_keep_their_cities_centre(gaz: gazetteer.Gazetteer) -> None:
    lat, lon = _point(gaz, 5332921, "admin1")  # California: its cities' centre is close enough
    assert haversine(lat, lon, 37.25, -119.75) < 161


def test_every_listed_point_is_applied(gaz: gazetteer.Gazetteer) -> None:
    points = sources.geonames_points()
    for cc, fixed in points["countries"].items():
        lat, lon = _point(gaz, fixed["geonames_id"], "country")
        assert haversine(lat, lon, fixed["lat"], fixed["lon"]) < 1, cc
    for gid, fixed in points["admin1"].items():
        lat, lon = _point(gaz, gid, "admin1")
        assert haversine(lat, lon, fixed["lat"], fixed["lon"]) < 1, fixed["name"]


def _with_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    bad = tmp_path / "points.yaml"
    bad.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sources, "geonames_points", lambda: _READ(bad))


def test_a_wrong_country_id_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_points(tmp_path, monkeypatch, "countries:\n  US: {geonames_id: 1, lat: 0, lon: 0}\nadmin1: {}\n")
    with pytest.raises(ValueError, match="US has GeoNames id 6252001"):
        sources.read_sources()


def test_a_wrong_province_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_points(tmp_path, monkeypatch, "countries: {}\nadmin1:\n  6093943: {name: Quebec, lat: 0, lon: 0}\n")
    with pytest.raises(ValueError, match="6093943 is Ontario, not Quebec"):
        sources.read_sources()
    _with_points(tmp_path, monkeypatch, "countries: {}\nadmin1:\n  1: {name: Nowhere, lat: 0, lon: 0}\n")
    with pytest.raises(ValueError, match=r"no province with GeoNames id \[1\]"):
        sources.read_sources()
