"""Number reading: digits, words, scales and vague plurals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiresift.nlp.claims.numbers import digit_value, is_number_word, parse


@pytest.mark.parametrize(
    ("words", "value", "vague"),
    [
        (["5,000"], 5000, False),
        (["1344"], 1344, False),
        (["3.5"], 3.5, False),
        (["2.3", "billion"], 2.3e9, False),
        (["two", "thousand"], 2000, False),
        (["two", "hundred", "and", "fifty"], 250, False),
        (["twenty", "-", "five"], 25, False),
        (["a", "dozen"], 12, False),
        (["dozens"], 24, True),
        (["hundreds"], 200, True),
        (["tens", "of", "thousands"], 20_000, True),
        (["hundreds", "of", "thousands"], 200_000, True),
        (["several", "thousand"], 3000, True),
        (["one", "million", "two", "hundred", "thousand"], 1_200_000, False),
    ],
)
def test_parse(words: list[str], value: float, vague: bool) -> None:
    number = parse(words)
    assert number is not None
    assert number.value == pytest.approx(value)
    assert number.vague is vague


@pytest.mark.parametrize("words", [[], ["several"], ["troops"], ["5", "6"], ["of"]])
def test_not_a_number(words: list[str]) -> None:
    assert parse(words) is None


def test_digit_value_scales_and_rejects() -> None:
    assert digit_value("2.3bn") == pytest.approx(2.3e9)
    assert digit_value("5m") == pytest.approx(5e6)
    assert digit_value("12,5") is None
    assert digit_value("9/11") is None
    assert is_number_word("Thousand") and not is_number_word("thousandth")


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(n: int) -> None:
    assert digit_value(f"{n:,}") == n
    assert digit_value(str(n)) == n
