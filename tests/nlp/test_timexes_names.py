"""Time words inside names, and the tense that decides which way a day points (issue #12): an
infinitive under a future verb, a plan in the past perfect, "as planned" — on sentences written for
these tests."""

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


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        (
            "The rookie will be tasked with helping to mark the visitors' striker on Sunday.",
            "Sunday",
            "2024-02-11",
        ),
        (
            "The union will be tasked with persuading members to accept the offer on Monday.",
            "Monday",
            "2024-02-12",
        ),
    ],
)
def test_infinitive_takes_the_future_of_its_head(nlp: Any, sentence: str, expr: str, value: str) -> None:
    """A bare infinitive or gerund has no tense: a future auxiliary on the verb it hangs on decides."""
    found = [t.value for t in find_timexes(sentence, PUB, nlp(sentence)) if t.text == expr]
    assert found == [value]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        (
            "The ferry strike had been scheduled to end on Friday, but the union extended it.",
            "Friday",
            "2024-02-09",
        ),
        ("The permit had been due to run out Friday evening.", "Friday evening", "2024-02-09TEV"),
        ("The permit is due to run out Friday evening.", "Friday evening", "2024-02-16TEV"),
    ],
)
def test_plan_in_past_perfect_points_back(nlp: Any, sentence: str, expr: str, value: str) -> None:
    """ "had been scheduled to": the plan as it stood before something changed it."""
    found = [t.value for t in find_timexes(sentence, PUB, nlp(sentence)) if t.text == expr]
    assert found == [value]


def test_as_planned_is_no_future_cue() -> None:
    found = [t.value for t in find_timexes("Polling stations opened as planned on Friday.", PUB)]
    assert found == ["2024-02-09"]


def test_gerund_keeps_its_own_time(nlp: Any) -> None:
    """A gerund's act can precede its head: the future of "will get" does not carry over."""
    sentence = "The plumber will earn a prize for fixing Friday's leak."
    found = [t.value for t in find_timexes(sentence, PUB, nlp(sentence)) if t.text == "Friday"]
    assert found == ["2024-02-09"]
