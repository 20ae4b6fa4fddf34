"""The blind attribution pages (``eval/gold/attributions_fresh2``): their own split, new pages chosen by
the README's fixed rule, valid spans over unchanged bodies, the scorers' ``fresh2`` option, and the
error lister refusing them (they are read in aggregate only, like the held-out half)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gold_support import assert_offsets_and_ids_only, golds

import errors_attributions
import gate
import page_gold
import score_attributions
import speaker_error_classes
from score_attributions import FRESH2, FRESH2_DIR, FRESH_DIR, GOLD_DIR

#: The cue regex of ``eval/gold/attributions/README.md`` (selection rule, step 2).
CUES = re.compile(r"\b(said|says|say|told|according to|stated|added|asked|announced|explained|wrote)\b")


def test_fresh2_pages_have_their_own_split_and_are_new() -> None:
    fresh2 = golds(FRESH2_DIR)
    assert len(fresh2) >= 5
    assert {g["split"] for g in fresh2.values()} == {FRESH2}
    assert all(g["id"] == stem for stem, g in fresh2.items())
    # a page in two folders would be scored twice and a page of the fixed halves would move them
    assert not set(fresh2) & (set(golds(GOLD_DIR)) | set(golds(FRESH_DIR)))


def test_fresh2_files_hold_offsets_and_ids_only() -> None:
    assert_offsets_and_ids_only(FRESH2_DIR)


def test_fresh2_is_a_split_the_scorers_name() -> None:
    with pytest.raises(SystemExit, match=r"\|fresh\|fresh2\]$"):
        page_gold.run(["nonsense"], "score_attributions.py", lambda _dir, _split: {}, extra=("fresh", FRESH2))
    assert score_attributions.LATER_DIRS[FRESH2] == FRESH2_DIR
    with pytest.raises(SystemExit, match="usage"):
        speaker_error_classes.main(["nonsense"])


@pytest.mark.parametrize("split", [FRESH2, "heldout", "all"])
def test_the_error_lister_refuses_the_blind_pages(split: str) -> None:
    with pytest.raises(SystemExit, match="tune half or the fresh pages only"):
        errors_attributions.main([split, "--quotes"])


@pytest.mark.eval
def test_fresh2_pages_load_apart_and_follow_the_selection_rule(eval_dir: Path) -> None:
    fresh2 = score_attributions.load_pages(eval_dir, FRESH2)
    assert {p.id for p in fresh2} == set(golds(FRESH2_DIR))
    for p in fresh2:
        assert p.split == FRESH2
        assert len(p.text) == golds(FRESH2_DIR)[p.id]["body_chars"]
        assert score_attributions.span_problems(p.entities, p.rows, p.text) == [], p.id
        assert len(re.findall(r"\w+", p.text)) <= 1700 and len(CUES.findall(p.text)) >= 5, p.id
    others = {p.id for split in ("all", "fresh") for p in score_attributions.load_pages(eval_dir, split)}
    assert not others & {p.id for p in fresh2}


@pytest.mark.eval
def test_attributions_fresh2_gate(eval_dir: Path) -> None:
    """Floors for the blind pages (``eval/gates/attributions_fresh2.json``, written by the lead from the
    first blind score): aggregate scores only, like the held-out half."""
    scores = score_attributions.evaluate(eval_dir, FRESH2)
    flat = {f"{FRESH2}.{k}": v for k, v in scores[FRESH2].items()}
    failed = gate.check("attributions_fresh2", flat)
    # the message names the failing floors only: no page, row or text of the blind set
    assert failed == [], failed
