"""Numbers around time units and generic words (issue #12): thousands separators, measures that look like years,
"a months-long", "a better tomorrow" — on sentences written for these tests."""

from __future__ import annotations

import pytest

from wiresift.nlp.time.stage import find_timexes

PUB = "2024-02-10"


def test_thousands_separator_is_part_of_the_amount() -> None:
    found = [(t.text, t.value) for t in find_timexes('"It has been 1,200 days," the family said.', PUB)]
    assert found == [("1,200 days", "P1200D")]


@pytest.mark.parametrize(
    "sentence",
    [
        "She won the 2000-metre final in Oslo.",
        "The council approved a 2000-seat arena.",
        "A 2000-strong crowd gathered.",
    ],
)
def test_year_like_measure_is_not_a_year(sentence: str) -> None:
    assert find_timexes(sentence, PUB) == []


def test_article_before_plural_long_is_not_one_unit() -> None:
    found = [
        (t.text, t.value) for t in find_timexes("The parents fought a months-long battle in court.", PUB)
    ]
    assert found == [("a months-long", "PXM")]


def test_hyphenated_year_range_is_still_a_year() -> None:
    assert [t.value for t in find_timexes("The club's 2023-24 season ended early.", PUB)][:1] == ["2023"]


@pytest.mark.parametrize(
    "sentence",
    ["The charity promised a better tomorrow for its families.", "They call them the leaders of tomorrow."],
)
def test_tomorrow_as_a_noun_is_not_a_day(sentence: str) -> None:
    assert find_timexes(sentence, PUB) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The vote is tomorrow.", "2024-02-11"), ("Bids close by the end of tomorrow.", "2024-02-11")],
)
def test_tomorrow_as_a_day_is_kept(sentence: str, value: str) -> None:
    assert [t.value for t in find_timexes(sentence, PUB) if "tomorrow" in t.text] == [value]
