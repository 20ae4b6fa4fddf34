"""Numbers around time units (issue #12): thousands separators, measures that look like years,
and "a months-long" — on sentences written for these tests."""

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
