"""Gate: who said what on the team's multi-outlet gold (both halves), plus the scorer's rules on
invented text (``eval/score_attributions.py`` documents them)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import gate
import page_gold
import score_attributions
from score_attributions import GOLD_DIR, Page

TEXT = "Mara Quill, the harbour master, said the pier is closed. Officials said ferries run late. She added more."
#       0         10        20        30        40        50        60        70        80        90


def at(words: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return [start, start + len(words)]


def page() -> Page:
    entities = {
        "p1": {"type": "PERSON", "span": at("Mara Quill"), "titles": [at("harbour master")]},
        "o1": {"type": "NOM", "span": at("Officials"), "titles": []},
    }
    rows = [
        {
            "content": [at("the pier is closed")],
            "cue": at("said"),
            "mention": at("Mara Quill"),
            "speaker": "p1",
            "kind": "indirect",
            "mode": "statement",
        },
        {
            "content": [at("ferries run late")],
            "cue": at("said", 1),
            "mention": at("Officials"),
            "speaker": "o1",
            "kind": "indirect",
            "mode": "statement",
        },
        {
            "content": [at("more")],
            "cue": at("added"),
            "mention": at("She"),
            "speaker": "p1",
            "kind": "indirect",
            "mode": "statement",
        },
    ]
    return Page("x", "tune", TEXT, None, None, None, entities, rows)


def quote(words: str, speaker: str | None, mention: str | None, nth: int = 0) -> Any:
    start, end = at(words)
    span = None
    if mention is not None:
        m = at(mention, nth)
        span = SimpleNamespace(start=m[0], end=m[1], text=mention)
    return SimpleNamespace(start=start, end=end, speaker=speaker, speaker_mention=span)


def entity(eid: str, name: str, kind: str, mentions: list[list[int]], titles: list[str]) -> Any:
    return SimpleNamespace(id=eid, name=name, type=kind, mentions=[tuple(m) for m in mentions], titles=titles)


def test_canonical_speaker_and_persons() -> None:
    quill = entity("e1", "Mara Quill", "PERSON", [at("Mara Quill"), at("She")], ["harbour master"])
    doc = SimpleNamespace(
        entities=[quill],
        quotes=[
            quote("the pier is closed", "e1", "Mara Quill"),
            quote("ferries run late", None, "Officials"),  # an unnamed source: its mention is enough
            quote("more", None, "She"),  # not resolved: wrong
            quote("Officials said", None, None),  # no gold content: a false positive
        ],
    )
    s = score_attributions.score([page()], [doc])
    assert s["precision"] == 0.75 and s["r_all"] == 1.0
    assert s["speaker_accuracy"] == pytest.approx(2 / 3)
    assert s["e2e_precision"] == 0.5 and s["e2e_recall"] == pytest.approx(2 / 3)
    assert s["persons_found"] == 1.0 and s["persons_titled"] == 1.0


def test_wrong_person_and_untitled() -> None:
    other = entity("e2", "Officials", "ORG", [at("Officials")], [])
    quill = entity("e1", "Mara Quill", "PERSON", [at("Mara Quill")], ["captain"])
    doc = SimpleNamespace(entities=[quill, other], quotes=[quote("the pier is closed", "e2", "Officials")])
    s = score_attributions.score([page()], [doc])
    assert s["speaker_accuracy"] == 0.0 and s["e2e_f1"] == 0.0
    assert s["persons_found"] == 1.0 and s["persons_titled"] == 0.0


def test_modes_shown_and_right() -> None:
    belief = quote("ferries run late", None, "Officials")
    belief.mode = "belief"  # a non-statement: counted by precision, not shown by default
    doc = SimpleNamespace(
        entities=[],
        quotes=[quote("the pier is closed", None, None), belief, quote("Officials said", None, None)],
    )
    s = score_attributions.score([page()], [doc])
    assert s["precision"] == pytest.approx(2 / 3) and s["shown_precision"] == 0.5
    assert s["mode_accuracy"] == 0.5


def test_stored_splits_follow_the_rule() -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD_DIR.glob("*.json")}
    assert len(golds) >= 25
    expected = page_gold.split_of(list(golds))
    assert {k: g["split"] for k, g in golds.items()} == expected
    assert sum(len(g["attributions"]) for g in golds.values()) >= 400


@pytest.mark.eval
def test_attributions_gate(eval_dir: Path) -> None:
    for p in score_attributions.load_pages(eval_dir):
        assert score_attributions.span_problems(p.entities, p.rows, p.text) == [], p.id
    scores = score_attributions.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half in ("tune", "heldout") for k, v in scores[half].items()}
    assert gate.check("attributions", flat) == [], flat
