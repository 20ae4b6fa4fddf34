"""Gate: map pins on the team's real-page gold (both halves), plus the scorer's rules on invented text
(``eval/score_pins.py`` documents them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gate
import page_gold
import score_pins
from score_pins import GOLD_DIR, Page

TEXT = "Rita Sutton flew from Denver to Lima on Monday."
#       0         10        20        30        40


def at(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, start + len(words)]


def page() -> Page:
    mentions = [
        {"span": at("Sutton"), "place": False, "why": "person"},
        {
            "span": at("Denver"),
            "place": True,
            "use": "place",
            "geonames_id": None,
            "lat": 39.74,
            "lon": -104.98,
        },
        {
            "span": at("Lima"),
            "place": True,
            "use": "place",
            "geonames_id": None,
            "lat": -12.04,
            "lon": -77.03,
        },
    ]
    return Page("x", "tune", TEXT, None, mentions)


def test_false_far_and_right_pins() -> None:
    s, e = at("Sutton")
    d, lima = at("Denver"), at("Lima")
    pins = [(s, e, 51.36, -0.19), (d[0], d[1], 39.7, -105.0), (lima[0], lima[1], 40.74, -84.1)]
    scores = score_pins.score([page()], [pins])
    assert scores["pins"] == 3 and scores["right"] == 1 and scores["false_pins"] == 1
    assert scores["precision161"] == pytest.approx(1 / 3)
    assert scores["recall161"] == 0.5  # Lima, Ohio is no pin for Lima, Peru


def test_stored_gold_is_offsets_only_and_split_by_rule() -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD_DIR.glob("*.json")}
    assert len(golds) >= 20
    assert {k: g["split"] for k, g in golds.items()} == page_gold.split_of(list(golds))
    for g in golds.values():
        for m in g["mentions"]:
            assert set(m) <= {"span", "place", "why", "use", "geonames_id", "lat", "lon"}
            assert m["place"] is False or isinstance(m["lat"], float)


@pytest.mark.eval
def test_pins_gate(eval_dir: Path) -> None:
    scores = score_pins.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half in ("tune", "heldout") for k, v in scores[half].items()}
    assert gate.check("pins", flat) == [], flat
