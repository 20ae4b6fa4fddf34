"""The persons-and-titles development pages (``eval/gold/persons_dev``): their own split, pages in no
other gold folder, persons only, valid spans over unchanged bodies, and the scorer's ``persons_dev``
option scoring persons alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gold_support import golds

import gate
import score_attributions
from score_attributions import FRESH2_DIR, FRESH_DIR, GOLD_DIR, PERSONS_DEV, PERSONS_DEV_DIR


def test_persons_dev_pages_are_new_and_hold_persons_only() -> None:
    pages = golds(PERSONS_DEV_DIR)
    assert len(pages) >= 9
    assert {g["split"] for g in pages.values()} == {PERSONS_DEV}
    assert all(g["id"] == stem for stem, g in pages.items())
    assert not set(pages) & (set(golds(GOLD_DIR)) | set(golds(FRESH_DIR)) | set(golds(FRESH2_DIR)))
    for gold in pages.values():
        assert set(gold) == {"id", "split", "body_sha256", "body_chars", "entities", "attributions"}
        assert gold["attributions"] == []
        entities = gold["entities"]
        assert isinstance(entities, dict)
        assert sum(e["type"] == "PERSON" for e in entities.values()) >= 4
        for ent in entities.values():
            assert set(ent) == {"type", "span", "titles"} and ent["type"] == "PERSON"


def test_persons_dev_is_a_split_the_scorer_names() -> None:
    assert score_attributions.LATER_DIRS[PERSONS_DEV] == PERSONS_DEV_DIR
    with pytest.raises(SystemExit, match=r"\|persons_dev\]$"):
        score_attributions.main(["nonsense"])


@pytest.mark.eval
def test_persons_dev_pages_load_and_follow_the_selection_rule(eval_dir: Path) -> None:
    pages = score_attributions.load_pages(eval_dir, PERSONS_DEV)
    assert {p.id for p in pages} == set(golds(PERSONS_DEV_DIR))
    for p in pages:
        assert p.split == PERSONS_DEV
        assert score_attributions.span_problems(p.entities, p.rows, p.text) == [], p.id
        assert 150 <= len(re.findall(r"\w+", p.text)) <= 1000, p.id


@pytest.mark.eval
def test_persons_dev_gate(eval_dir: Path) -> None:
    """Floors for the persons-and-titles dev pages (``eval/gates/persons_dev.json``): a title rule that
    loses persons or titles there fails here."""
    scores = score_attributions.evaluate(eval_dir, PERSONS_DEV)
    flat = {f"{PERSONS_DEV}.{k}": v for k, v in scores[PERSONS_DEV].items()}
    failed = gate.check("persons_dev", flat)
    assert failed == [], failed
