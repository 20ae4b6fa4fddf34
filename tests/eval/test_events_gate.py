"""Gate: the events stage on the PLOVER gold standard records (both halves), plus the scorer's rules
on invented records (``eval/score_events.py`` documents them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_events
from wiresift.model import Event, EventActor


def record(event: str, source: str, target: str | None, *, reciprocal: bool = False) -> dict[str, object]:
    actors = [{"role": "source", "code": source, "span": [0, 5]}]
    if target:
        actors.append({"role": "target", "code": target, "span": [20, 25]})
    quad = "MATERIAL_CONFLICT" if event == "ASSAULT" else "VERBAL_COOPERATION"
    return {
        "id": event,
        "text": "x",
        "event": event,
        "quad": quad,
        "actors": actors,
        "reciprocal": reciprocal,
    }


def event(plover: str, source: str | None, target: str | None) -> Event:
    quad = "MATERIAL_CONFLICT" if plover == "ASSAULT" else "VERBAL_COOPERATION"
    return Event(
        id="v1", text="x", start=0, end=1, plover=plover, quad=quad,
        source=EventActor(text="a", start=0, end=5, code=source) if source else None,
        target=EventActor(text="b", start=20, end=25, code=target) if target else None,
    )  # fmt: skip


def test_scores_top_event_and_swapped_reciprocal_roles() -> None:
    records = [record("ASSAULT", "AAA", "BBB"), record("AGREE", "CCC", "DDD", reciprocal=True)]
    predicted = [
        [event("CONSULT", "AAA", None), event("ASSAULT", "AAA", "BBB")],
        [event("AGREE", "DDD", "CCC")],
    ]
    scores = score_events.score(records, predicted)
    assert scores["type_accuracy"] == 0.5  # the first event is the coder's answer
    assert scores["gold_in_predicted"] == 1.0
    assert scores["actor_f1"] == 1.0  # actors come from the event with the gold label; roles swap


def test_coordinated_actors_count_as_predicted_codes() -> None:
    gold = record("ASSAULT", "AAA", "BBB")
    gold["actors"].append({"role": "source", "code": "CCC", "span": [10, 15]})  # type: ignore[attr-defined]
    plain = event("ASSAULT", "AAA", "BBB")
    both = event("ASSAULT", "AAA", "BBB")
    both.also_sources = [EventActor(text="c", start=10, end=15, code="CCC")]
    assert score_events.score([gold], [[plain]])["source_f1"] == 0.6667  # one of two gold source codes missed
    assert score_events.score([gold], [[both]])["source_f1"] == 1.0


def test_split_is_fixed_and_halves() -> None:
    ids = [f"R{i}" for i in range(10)]
    split = score_events.split_of(ids)
    assert split == score_events.split_of(list(reversed(ids)))
    assert sorted(split.values()).count("dev") == 5


@pytest.mark.eval
def test_events_gate(eval_dir: Path) -> None:
    scores = score_events.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half in ("dev", "heldout") for k, v in scores[half].items()}
    assert gate.check("events", flat) == [], flat
