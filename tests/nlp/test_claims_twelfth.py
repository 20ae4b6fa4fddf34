"""Issue #12, twelfth pass: spans and records of games, ages in brackets and comparisons, tallies
written "5-to-4", durations past modifiers, "a half-dozen" and bracketed prices, each tried on
invented sentences."""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a span of play under a span word, a preposition of a span, a verb of absence or a streak
        ("Dale Foster has 12 goals in his first 14 games this season.", "14"),
        ("The Hawks are unbeaten in 9 matches since the break.", "9"),
        ("Rook missed 6 games with a knee injury last year.", "6"),
        ("The win extended their streak to 11 games.", "11"),
    ],
)
def test_spans_of_games_are_not_claims(nlp: Any, text: str, number: str) -> None:
    texts = [c.text for c in claims_of(nlp, text)]
    assert number not in texts, texts


def test_games_that_are_things_stay_counts(nlp: Any) -> None:
    claims = claims_of(nlp, "The new console arrives with 31 games in November.")
    assert one(claims, "31").counted == "games"


@pytest.mark.parametrize(
    "text",
    [
        "The Falcons are 5-2 in road games and 3-4 against division rivals.",
        "The Owls went into the game 3-4 against ranked teams.",
    ],
)
def test_win_loss_records_in_figures_are_not_claims(nlp: Any, text: str) -> None:
    claims = claims_of(nlp, text)
    assert not any(c.low is not None for c in claims), [c.text for c in claims]


def test_a_range_that_does_something_stays_a_count(nlp: Any) -> None:
    claims = claims_of(nlp, "Officials said 10-15 in the crowd were treated for heat.")
    assert one(claims, "10-15").low == 10


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # the press's ages in brackets after a name
        ("Of the finalists, Ames (29 years old) and Kemp (45) drew the loudest cheers.", "45"),
        # an age compared
        ("All three finalists are younger than 40, the jury said.", "40"),
        # a range of ages after "those"
        ("For those 30 to 39, the tax credit matters most, Ruiz said.", "30 to 39"),
    ],
)
def test_ages_of_people_are_not_claims(nlp: Any, text: str, age: str) -> None:
    texts = [c.text for c in claims_of(nlp, text)]
    assert all(age not in t for t in texts), texts


def test_a_bracketed_number_after_a_common_noun_stays_a_count(nlp: Any) -> None:
    claims = claims_of(nlp, "Turnout fell in every ward, and unfilled seats (30) went to the reserve list.")
    assert one(claims, "30").value == 30


def test_a_tally_with_to_is_not_a_claim(nlp: Any) -> None:
    texts = [c.text for c in claims_of(nlp, "Three of the rulings this spring came on 6-to-3 votes.")]
    assert "6" not in texts, texts


def test_a_duration_past_modifiers_is_not_a_claim(nlp: Any) -> None:
    texts = [c.text for c in claims_of(nlp, "He has played seven NFL seasons and hired 40 seasonal workers.")]
    assert texts == ["40"], texts


def test_a_count_hung_on_a_date_stays_a_count(nlp: Any) -> None:
    text = "The number of ferry crossings grew from under 40,000 in 2011 to about 95,000 last year."
    assert one(claims_of(nlp, text), "95,000").counted == "crossings"


def test_a_half_dozen_is_six(nlp: Any) -> None:
    claim = one(claims_of(nlp, "The plan adds a half-dozen new bus routes."), "dozen")
    assert (claim.text, claim.value, claim.counted) == ("half-dozen", 6, "routes")


def test_a_bracketed_price_counts_the_noun_before_it(nlp: Any) -> None:
    claims = claims_of(nlp, "Our pick of the week, the Vireo Ridge Pinot Noir ($42), sold out quickly.")
    assert one(claims, "42").counted == "Noir"


def test_a_bracketed_conversion_counts_nothing(nlp: Any) -> None:
    claims = claims_of(nlp, "The lender set aside 52 billion yuan ($7.4 billion) for bad loans.")
    assert one(claims, "7.4").counted is None


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        # the object a verb brings to an amount
        ("The mayor raised $410,000 in May, which took the campaign fund to $1.2 million.", "$1.2", "fund"),
        # the subject of a verb that reaches a level
        ("By noon the river gauge reached 31 on the old scale.", "31", "gauge"),
    ],
)
def test_levels_count_what_reaches_them(nlp: Any, text: str, number: str, noun: str) -> None:
    assert one(claims_of(nlp, text), number).counted == noun


def test_research_that_shows_a_figure_claims_it(nlp: Any) -> None:
    text = "Research for the nurses' union showed that agency staff filled 41% of night shifts."
    claim = one(claims_of(nlp, text), "41%")
    assert claim.claimant_mention is not None and claim.claimant_mention.text == "Research"


def test_a_docket_number_after_a_split_abbreviation_is_not_a_claim(nlp: Any) -> None:
    text = "The appeal, Ortega v. Marsh, No. 15-812, returns to the court in May."
    assert claims_of(nlp, text) == []


def test_a_listed_number_shares_the_unit_written_after_the_next(nlp: Any) -> None:
    claims = claims_of(nlp, "Members got a 10 or 15 percent discount on guest passes.")
    assert (one(claims, "10").unit, one(claims, "15").unit) == ("%", "%")


def test_a_year_before_a_comma_takes_no_unit(nlp: Any) -> None:
    claims = claims_of(nlp, "In 2019, 40 percent of voters stayed home.")
    assert [c.text for c in claims] == ["40 percent"]


def test_a_change_noun_brought_to_an_amount_counts_what_changed(nlp: Any) -> None:
    text = "The brewer blamed its new plant for the loss but posted a rise in sales to £312.5m."
    claim = one(claims_of(nlp, text), "312.5")
    assert (claim.value, claim.counted) == (312_500_000, "sales")


def test_a_misparsed_object_of_seeing_is_not_brought_to_an_amount(nlp: Any) -> None:
    text = "Kessler, who runs a small fund, watched his savings balloon to almost $90 million."
    assert one(claims_of(nlp, text), "90").counted != "balloon"
