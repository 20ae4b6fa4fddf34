"""Country points: GeoNames' own point where countryinfo's is far from it, countryinfo's elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiresift import gazetteer
from wiresift.gazetteer import sources
from wiresift.nlp.geo_resolve import haversine


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def _point(gaz: gazetteer.Gazetteer, geonames_id: int) -> tuple[float, float]:
    entry = gaz.by_geonames_id(geonames_id)
    assert entry is not None and entry.kind == "country" and entry.lat is not None and entry.lon is not None
    return entry.lat, entry.lon


def test_united_states_sits_at_its_geonames_point_in_kansas(gaz: gazetteer.Gazetteer) -> None:
    lat, lon = _point(gaz, 6252001)
    assert haversine(lat, lon, 39.76, -98.5) < 1
    assert haversine(lat, lon, 38.0, -97.0) > 161  # countryinfo's point would miss by 235 km


def test_countries_not_listed_keep_countryinfo_point(gaz: gazetteer.Gazetteer) -> None:
    assert _point(gaz, 2017370) == (60.0, 100.0)  # Russia, never at Moscow


def test_every_listed_point_is_applied(gaz: gazetteer.Gazetteer) -> None:
    for cc, fixed in sources.geonames_country_points().items():
        lat, lon = _point(gaz, fixed["geonames_id"])
        assert haversine(lat, lon, fixed["lat"], fixed["lon"]) < 1, cc


def test_a_wrong_geonames_id_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "points.yaml"
    bad.write_text("US: {geonames_id: 1, lat: 0.0, lon: 0.0}\n", encoding="utf-8")
    read = sources.geonames_country_points
    monkeypatch.setattr(sources, "geonames_country_points", lambda: read(bad))
    with pytest.raises(ValueError, match="US has GeoNames id 6252001"):
        sources.read_sources()
