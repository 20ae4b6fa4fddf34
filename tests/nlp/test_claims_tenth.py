"""Issue #12, tenth pass: numbers that are not claims, and values read whole, found on fresh news
leads and real pages and tried on invented sentences.

Ages a person *is* ("She was 81."), set-score lists and tiebreaks, digits restating a spelled number,
the "zero to 62 mph" test, titles made of a duration ("48 Hours"), the verb "zero in", table
rows and the ranks that open them are not claims; "two out of every eight" is a share and "6 1/4%" is one
number.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    "text",
    [
        # an age: the complement of "be" whose subject is a person
        "The painter died on Sunday at her home. She was 81.",
        "Mr. Olsen left the village when he was 9, his sister said.",
        "I’m 68 and still drive to the market every week.",
        "Carla Mendes, who was 37, ran the bakery on Elm Road.",
        # an age in apposition to a person noun that a determiner opens
        "The veteran goalkeeper, 39, signed a new contract on Friday.",
        # tennis: set scores in a list, and the tiebreak in brackets
        "Ortega took the final from Lindqvist 6-7 (5), 6-2, 6-4.",
        "She won 6-2, 7-6 (9) to reach the semifinal.",
        # the name of an acceleration test, and its bracketed conversion
        "The sedan gets from zero to 62 mph (100 kph) in 6.8 seconds, the maker says.",
        # a title made of a number and a capitalised duration
        "She told the show 48 Hours that she had no regrets.",
        # the verb "zero in"
        "Investigators are trying to zero in on the cause.",
        # a box number of an address
        "Write to the fund at P.O. Box 4417, Springfield.",
    ],
)
def test_not_claims(nlp: Any, text: str) -> None:
    assert claims_of(nlp, text) == []


def test_table_row_and_its_rank(nlp: Any) -> None:
    text = "Standings after ten races:\n1 Tomas Ried 412 3 2 7\n2 Anna Berg 398 1 4 6\nThe series drew 9,000 fans."
    assert [c.text for c in claims_of(nlp, text)] == ["ten", "9,000"]


def test_restated_digits(nlp: Any) -> None:
    """ "five (5) spare filters": one claim, not two."""
    assert [c.text for c in claims_of(nlp, "The kit comes with five (5) spare filters.")] == ["five"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a name after a count, not at the start of a line
        ("The race drew 40,000 fans. Two Kennedys attended.", ["40,000", "Two"]),
        # "was 1 of 3" is no age; a count after a person's "has" stays
        ("She has 14 grandchildren and was 1 of 3 finalists.", ["14", "1", "3"]),
        # a count after "be" whose subject is not a person
        ("The losses were 12, the club said.", ["12"]),
    ],
)
def test_counts_stay(nlp: Any, text: str, kept: list[str]) -> None:
    assert [c.text for c in claims_of(nlp, text)] == kept


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        # a share whatever its base, through "every"
        ("The ferry sat idle two out of every eight weeks.", "two out of every eight", 25.0, "%"),
        ("Roughly 1 in every 8 homes lacks a smoke alarm.", "1 in every 8", 12.5, "%"),
        # a whole number and a fraction
        ("Holders of the 7 1/2% notes were repaid in full.", "7 1/2%", 7.5, "%"),
        ("Stir in 2 3/4 cups of flour.", "2 3/4 cups", 2.75, "cup"),
    ],
)
def test_values(nlp: Any, text: str, fragment: str, value: float, unit: str) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


def test_year_is_no_base(nlp: Any) -> None:
    """ "Apollo 2 in 2031": a name and a year, never a share of 2,031."""
    claims = claims_of(nlp, "The agency plans a crewed flight, Orion 2 in 2031, and a landing later.")
    assert all(c.unit != "%" for c in claims)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a fall "from" one level "to" a lower one is a change: two claims, not a tally
        ("Membership dropped from 1,200 to 950 last year.", ["1,200", "950"]),
        ("Sales fell from 20,000 to 15,000 units.", ["20,000", "15,000"]),
        # a tally stays out
        ("The board split 4 to 1 on the plan.", []),
    ],
)
def test_fall_from_to(nlp: Any, text: str, kept: list[str]) -> None:
    assert [c.text for c in claims_of(nlp, text)] == kept


@pytest.mark.parametrize(
    "text",
    [
        "Photo 3 of 12\nFirefighters worked through the night.",
        "Part 2 of 4: the town after the flood.",
        "Comments (38)\nThe council met on Monday.",
    ],
)
def test_page_positions_and_counters(nlp: Any, text: str) -> None:
    """A position in a gallery or a series, and a chrome counter, are the page's, not claims."""
    assert claims_of(nlp, text) == []


def test_of_count_stays(nlp: Any) -> None:
    claims = claims_of(nlp, "Only 3 of 12 members voted against the plan.")
    assert [c.text for c in claims] == ["Only 3", "12"]


def test_half_a_dozen(nlp: Any) -> None:
    claim = one(claims_of(nlp, "Crews pull out about half a dozen wrecks a year."), "half a dozen")
    assert (claim.value, claim.qualifier, claim.counted) == (6.0, "approx", "wrecks")


def test_year_cut_to_two_digits(nlp: Any) -> None:
    text = "Here are 12 races to watch in '24, says the class of ’98."
    assert [c.text for c in claims_of(nlp, text)] == ["12"]


def test_price_per_unit_before_its_noun(nlp: Any) -> None:
    """ "a $12-a-share bid" is an amount; "a 22-story tower" stays out."""
    claims = claims_of(nlp, "The fund raised its $12-a-share bid for the 22-story tower.")
    assert [(c.text, c.value, c.unit) for c in claims] == [("$12", 12.0, "USD")]
