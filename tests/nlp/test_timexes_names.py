"""Time words inside names, and tense read from the clause that governs a non-finite verb
(issue #12), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from wiresift.nlp.time.stage import find_timexes

PUB = "2024-02-10"  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Prime Minister Gloria May has rejected the fishing quota, officials said.", "May"),
        ("The Harbour Daily Courier reported the closure on its front page.", "Daily"),
        ("A columnist for the Lakeside Weekly called the levy unfair.", "Weekly"),
    ],
)
def test_time_word_in_a_name_is_not_a_timex(nlp: Any, sentence: str, word: str) -> None:
    """A month or a SET word that the recogniser puts inside a person's or an outlet's name."""
    found = [t.text for t in find_timexes(sentence, PUB, nlp(sentence))]
    assert word not in found, found


def test_time_word_beside_a_name_is_kept(nlp: Any) -> None:
    sentence = "The council met in May and again on Tuesday, the Harbour Daily Courier reported."
    found = {t.text: t.value for t in find_timexes(sentence, PUB, nlp(sentence))}
    assert found.get("May") == "2023-05"
    assert "Daily" not in found
