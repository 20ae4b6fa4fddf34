"""Gate: the pronouns, first-person and nominal mentions that speak on GUM (all three splits) get the
right person or none."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_speaker_pronouns


@pytest.mark.eval
def test_speaker_pronouns_gate(eval_dir: Path) -> None:
    scores = score_speaker_pronouns.evaluate(eval_dir, "all")
    assert scores["n_speaking_pronouns"] >= 50
    assert scores["right"] + scores["wrong"] + scores["abstain"] == scores["n_speaking_pronouns"]
    assert scores["first_person_n"] >= 50 and scores["nominal_n"] >= 20
    assert gate.check("speaker_pronouns", scores) == [], scores


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("She", ""),
        ("them", ""),
        ("We", "first_person_"),
        ("the spokeswoman", "nominal_"),
        ("Ann Roe", "other"),
    ],
)
def test_mention_classes(mention: str, kind: str) -> None:
    assert score_speaker_pronouns.mention_class(mention) == kind
