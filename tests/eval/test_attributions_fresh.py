"""The fresh attribution pages (``eval/gold/attributions_fresh``): their own split, apart from the fixed
tune / held-out halves, valid spans over unchanged bodies, and the scorers' ``fresh`` option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_support import assert_offsets_and_ids_only, golds

import gate
import page_gold
import score_attributions
from score_attributions import FRESH, FRESH_DIR, GOLD_DIR


def test_fresh_pages_have_their_own_split_and_are_new() -> None:
    fresh = golds(FRESH_DIR)
    assert len(fresh) >= 5
    assert {g["split"] for g in fresh.values()} == {FRESH}
    assert all(g["id"] == stem for stem, g in fresh.items())
    # a page in both folders would be scored twice and move the fixed halves
    assert not set(fresh) & set(golds(GOLD_DIR))


def test_fresh_files_hold_offsets_and_ids_only() -> None:
    assert_offsets_and_ids_only(FRESH_DIR)


def test_run_accepts_a_split_only_when_the_scorer_names_it() -> None:
    with pytest.raises(SystemExit, match=r"\[tune\|heldout\|all\]$"):
        page_gold.run([FRESH], "score_pins.py", lambda _dir, _split: {})
    with pytest.raises(SystemExit, match="usage"):
        page_gold.run(["nonsense"], "score_attributions.py", lambda _dir, _split: {}, extra=(FRESH,))


@pytest.mark.eval
def test_fresh_pages_load_apart_from_the_halves(eval_dir: Path) -> None:
    fresh = score_attributions.load_pages(eval_dir, FRESH)
    assert {p.id for p in fresh} == set(golds(FRESH_DIR))
    for p in fresh:
        assert p.split == FRESH
        assert (
            len(p.text) == json.loads((FRESH_DIR / f"{p.id}.json").read_text(encoding="utf-8"))["body_chars"]
        )
        assert score_attributions.span_problems(p.entities, p.rows, p.text) == [], p.id
    halves = {p.id for p in score_attributions.load_pages(eval_dir, "all")}
    assert halves == set(golds(GOLD_DIR)) and not halves & {p.id for p in fresh}


def test_mention_kind_keeps_an_acronym_apart_from_the_pronoun_it_spells() -> None:
    import speaker_error_classes

    assert speaker_error_classes.mention_kind("WHO") == "name"
    assert speaker_error_classes.mention_kind("who") == "pronoun"
    assert speaker_error_classes.mention_kind("It") == "pronoun"
    assert speaker_error_classes.mention_kind("the agency") == "nominal"


@pytest.mark.eval
def test_attributions_fresh_gate(eval_dir: Path) -> None:
    """The fresh pages are development data since their blind score: their floors keep what was won on
    them (``eval/gates/attributions_fresh.json``)."""
    scores = score_attributions.evaluate(eval_dir, FRESH)
    flat = {f"{FRESH}.{k}": v for k, v in scores[FRESH].items()}
    assert gate.check("attributions_fresh", flat) == [], flat
