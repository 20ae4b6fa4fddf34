"""The map's province shapes (#13): the build script's steps on an invented topology, and the shipped
file (``web/static/vendor/provinces/admin1.json``, made by ``training/build_provinces.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "src/wiresift/web/static/vendor/provinces"
sys.path.insert(0, str(REPO / "training"))
import build_provinces as bp  # noqa: E402


def test_names_are_compared_without_accents_case_or_kind_words() -> None:
    assert bp.key("L'viv Oblast") == bp.key("Lviv") == "lviv"
    assert bp.key("Aydın") == "aydin"
    assert bp.key("Provincia di Bergamo") == "di bergamo"
    assert bp.key("Île-de-France") == "ile de france"


def test_simplify_keeps_the_ends_and_the_corners() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (2.0, 4.0)]
    assert bp.simplify(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 4.0)]
    assert bp.simplify(line, 0.0001) == [*line[:3], (2.0, 4.0)]


def _two_provinces() -> dict[str, Any]:
    """Two unit squares side by side, sharing the arc of their common border (quantized, delta-coded)."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "objects": {
            "zzz": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "properties": {"name": "Westmark"}, "id": "ZZ.WE", "arcs": [[0, 1]]},
                    {"type": "Polygon", "properties": {"name": "Eastmark"}, "id": "ZZ.EA", "arcs": [[2, ~0]]},
                ],
            }
        },
        # arc 0: the shared border (2,0)->(2,2); arc 1: the west square's other sides; arc 2: the east's
        "arcs": [
            [[2, 0], [0, 2]],
            [[2, 2], [-2, 0], [0, -2], [2, 0]],
            [[2, 0], [2, 0], [0, 2], [-2, 0]],
        ],
    }


def test_a_country_is_added_with_shared_borders_and_gazetteer_names() -> None:
    gazetteer = bp.Gazetteer(
        subdivisions={
            "ZZ": [
                bp.Subdivision("Westmark Province", 1, "WE", "Westmark Province"),
                bp.Subdivision("Eastmark Region", 1, "XX", "Eastmark Region"),
            ]
        },
        cities={},
    )
    world = bp.World(quantum=0.5)
    assert world.add_country(_two_provinces(), "ZZ", gazetteer, tolerance=0.01) == (2, 2)
    topology = world.topology()
    shapes = topology["objects"]["provinces"]["geometries"]
    assert [s["properties"] for s in shapes] == [
        {"cc": "ZZ", "name": "Westmark", "a1": "Westmark Province"},
        {"cc": "ZZ", "name": "Eastmark", "a1": "Eastmark Region"},
    ]
    # the border is one arc, drawn forwards by one province and backwards by the other
    west, east = (s["arcs"][0][0] for s in shapes)
    assert west[0] == ~east[1]
    border = bp.decode_arcs(topology)[west[0]]
    assert border == [(11.0, 20.0), (11.0, 21.0)]


def test_a_shape_named_by_nothing_takes_the_province_of_most_of_its_cities() -> None:
    square = [[[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]]]
    inside = [(1.0, 1.0, "Ostland"), (2.0, 2.0, "Ostland"), (3.0, 1.0, "Ostland"), (2.0, 3.0, "Nordland")]
    assert bp.vote(square, inside + [(9.0, 9.0, "Nordland")] * 5) == "Ostland"
    assert bp.vote(square, inside[:2]) is None  # too few cities to tell


def test_the_shipped_shapes_are_named_after_the_gazetteer() -> None:
    topology = json.loads((SHIPPED / "admin1.json").read_text("utf-8"))
    shapes = topology["objects"]["provinces"]["geometries"]
    named = [s for s in shapes if s["properties"]["a1"]]
    assert len(shapes) > 4000 and len(named) / len(shapes) > 0.9
    assert (SHIPPED / "admin1.json").stat().st_size < 5_000_000
    assert "Natural Earth" in (SHIPPED / "LICENSE").read_text("utf-8")
    by_country: dict[str, set[str]] = {}
    for s in named:
        by_country.setdefault(s["properties"]["cc"], set()).add(s["properties"]["a1"])
    assert "California" in by_country["US"] and len(by_country["US"]) >= 50
    assert "Île-de-France" in by_country["FR"]  # its départements take their region's name


@pytest.mark.parametrize("lon", [-180.0, 179.99])
def test_decoded_shapes_stay_on_the_globe(lon: float) -> None:
    world = bp.World(quantum=0.005)
    assert world.degrees([(c[0], c[1]) for c in world.grid([(lon, 10.0)])])[0] == pytest.approx((lon, 10.0))
