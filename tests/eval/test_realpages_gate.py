"""Gate: claims and dates on the team's real-page gold (both halves), plus the scorer's rules on
invented text (``eval/score_realpages.py`` documents them)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import gate
import score_realpages
from score_realpages import GOLD_DIR, Page

TEXT = "Port officials said 40 ferries run daily. The harbour levy rose to 3%. The vote is on Friday."


def at(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, start + len(words)]


def page() -> Page:
    claims = [
        {"span": at("40"), "value": 40, "unit": None, "counted": at("ferries"),
         "claimant": at("Port officials"), "claimant_ref": None},
        {"span": at("3%"), "value": 3, "unit": "%", "counted": at("harbour levy"), "claimant": None,
         "claimant_ref": None},
    ]  # fmt: skip
    dates = [{"span": at("Friday"), "value": "2024-02-16", "forward": True}]
    return Page("x", "tune", TEXT, "2024-02-10", None, None, claims, dates)


def claim(words: str, value: float, counted: str | None, mention: str | None) -> Any:
    s, e = at(words)
    ref = SimpleNamespace(start=at(mention)[0], end=at(mention)[1], text=mention) if mention else None
    return SimpleNamespace(
        start=s, end=e, value=value, counted=counted, claimant_mention=ref, claimant_name=mention
    )


def test_scorer_rules() -> None:
    doc = SimpleNamespace(
        claims=[claim("40", 40, "ferries", "Port officials"), claim("3%", 3, None, None)],
        timexes=[SimpleNamespace(start=at("Friday")[0], end=at("Friday")[1], value="2024-02-09")],
    )
    s = score_realpages.score([page()], [doc])
    assert s["value_f1"] == 1.0 and s["value_counted_f1"] == 0.5 and s["claimant_accuracy"] == 1.0
    assert s["date_value_accuracy"] == 0.0 and s["forward_in_past"] == 1.0


def test_stored_splits_follow_the_rule() -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD_DIR.glob("*.json")}
    assert len(golds) >= 20
    assert {k: g["split"] for k, g in golds.items()} == score_realpages.split_of(list(golds))
    for g in golds.values():
        assert all("text" not in row for row in g["claims"] + g["dates"])  # offsets only


@pytest.mark.eval
def test_realpages_gate(eval_dir: Path) -> None:
    scores = score_realpages.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half in ("tune", "heldout") for k, v in scores[half].items()}
    assert gate.check("realpages", flat) == [], flat
    assert flat["tune.forward_in_past"] == 0 and flat["heldout.forward_in_past"] == 0, flat
