"""Gate: hand-judged precision of the events stage on 30 news articles (both halves), plus the scorer's
rules on invented events (``eval/score_event_precision.py`` documents them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gate
import page_gold
import score_event_precision
from score_event_precision import GOLD_DIR, Article
from wiresift.model import Document, Event

TEXT = "Rebels shelled the port of Varna on Monday and the toll rose to nine."


def event(word: str) -> Event:
    start = TEXT.index(word)
    return Event(id="v", text=word, start=start, end=start + len(word), plover="ASSAULT")


def article(verdicts: list[dict[str, object]], events: list[Event]) -> Article:
    doc = Document(id="x", text=TEXT)
    doc.events = events
    return Article({"id": "x", "split": "tune", "events": verdicts}, doc)


def verdict(word: str, right: str, plover: str = "ASSAULT") -> dict[str, object]:
    start = TEXT.index(word)
    flags = [c == "1" for c in right]
    judged = {"plover": plover, "source": None, "target": None, "place": None}
    return {"start": start, "end": start + len(word), "lemma": word,
            "type": flags[0], "actors": flags[1], "place": flags[2], "judged": judged}  # fmt: skip


def test_precision_counts_judged_events_and_reports_unjudged() -> None:
    art = article([verdict("shelled", "110"), verdict("rose", "000"), verdict("Monday", "111", "PROTEST")],
                  [event("shelled"), event("rose"), event("Monday"), event("port")])  # fmt: skip
    scores = score_event_precision.score([art])
    # "port" was never judged; "Monday" was judged as a PROTEST, not the ASSAULT predicted now.
    assert scores["judged"] == 2 and scores["unjudged"] == 2
    assert scores["type_precision"] == 0.5 and scores["full_precision"] == 0.0
    assert scores["false_triggers"] == {"rose": 1}
    assert scores["errors"] == {"type": 1, "actors": 0, "place": 1}


def test_stored_gold_is_offsets_only_and_split_by_rule() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_DIR.glob("*.json")]
    assert len(golds) == 30 and sum(g["kind"] == "page" for g in golds) == 15
    assert {g["id"]: g["split"] for g in golds} == page_gold.split_of([g["id"] for g in golds])
    assert sum(g["split"] == "tune" for g in golds) == 15
    for g in golds:
        assert set(g) == {"id", "kind", "split", "events", "body_sha256", "body_chars"}
        for e in g["events"]:
            assert set(e) == {"start", "end", "lemma", "type", "actors", "place", "judged"}
            # coordinated actors' offsets are kept only where the judged event listed any
            assert set(e["judged"]) - {"also_sources", "also_targets"} == {
                "plover",
                "source",
                "target",
                "place",
            }
            assert all(e["judged"][k] for k in ("also_sources", "also_targets") if k in e["judged"])
            assert e["end"] - e["start"] == len(e["lemma"]) and len(e["lemma"]) < 30
            assert e["type"] or not (e["actors"] or e["place"])


@pytest.mark.eval
def test_event_precision_gate(eval_dir: Path) -> None:
    scores = score_event_precision.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half in ("tune", "heldout") for k, v in scores[half].items()
            if isinstance(v, (int, float))}  # fmt: skip
    assert gate.check("event_precision", flat) == [], flat
    assert flat["tune.unjudged"] == 0 and flat["heldout.unjudged"] == 0, "judge the new events"
