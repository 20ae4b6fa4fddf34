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
    claims = claims_of(nlp, "The streaming service launches with 22 games in November.")
    assert one(claims, "22").counted == "games"


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
        ("Senators Dole (44 years old) and Kemp (45) are among the youngest.", "45"),
        # an age compared
        ("All three finalists are younger than 40, the jury said.", "40"),
        # a range of ages after "those"
        ("Among those 26 to 34, Ruiz has a small edge.", "26 to 34"),
    ],
)
def test_ages_of_people_are_not_claims(nlp: Any, text: str, age: str) -> None:
    texts = [c.text for c in claims_of(nlp, text)]
    assert all(age not in t for t in texts), texts


def test_a_bracketed_number_after_a_common_noun_stays_a_count(nlp: Any) -> None:
    claims = claims_of(nlp, "Turnout fell in every ward, and unfilled seats (30) went to the reserve list.")
    assert one(claims, "30").value == 30


def test_a_tally_with_to_is_not_a_claim(nlp: Any) -> None:
    texts = [c.text for c in claims_of(nlp, "Most of the cases were decided by 5-to-4 votes.")]
    assert "5" not in texts, texts


def test_a_duration_past_modifiers_is_not_a_claim(nlp: Any) -> None:
    texts = [c.text for c in claims_of(nlp, "He has played seven NFL seasons and hired 40 seasonal workers.")]
    assert texts == ["40"], texts


def test_a_count_hung_on_a_date_stays_a_count(nlp: Any) -> None:
    text = "The number of visitors jumped from fewer than 90,000 in 1990 to more than 250,000 last year."
    assert one(claims_of(nlp, text), "250,000").counted == "visitors"


def test_a_half_dozen_is_six(nlp: Any) -> None:
    claim = one(claims_of(nlp, "The plan adds a half-dozen new bus routes."), "dozen")
    assert (claim.text, claim.value, claim.counted) == ("half-dozen", 6, "routes")


def test_a_bracketed_price_counts_the_noun_before_it(nlp: Any) -> None:
    claims = claims_of(nlp, "Our pick of the week, the Vireo Ridge Pinot Noir ($42), sold out quickly.")
    assert one(claims, "42").counted == "Noir"


def test_a_bracketed_conversion_counts_nothing(nlp: Any) -> None:
    claims = claims_of(nlp, "The bank will release 800 billion yuan ($114.6 billion) into the economy.")
    assert one(claims, "114.6").counted is None


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        # the object a verb brings to an amount
        ("Ruiz raised $4.1 million in the quarter, bringing his total haul to $12 million.", "$12", "haul"),
        # the subject of a verb that reaches a level
        ("The heat index reached 109 by late afternoon.", "109", "index"),
    ],
)
def test_levels_count_what_reaches_them(nlp: Any, text: str, number: str, noun: str) -> None:
    assert one(claims_of(nlp, text), number).counted == noun


def test_research_that_shows_a_figure_claims_it(nlp: Any) -> None:
    text = "Research for the Media Trust showed that men wrote 65% of political stories in 2014."
    claim = one(claims_of(nlp, text), "65%")
    assert claim.claimant_mention is not None and claim.claimant_mention.text == "Research"


def test_a_docket_number_after_a_split_abbreviation_is_not_a_claim(nlp: Any) -> None:
    text = "A second deadlock, in Ortega v. Marsh, No. 15-812, left the plan in place."
    assert claims_of(nlp, text) == []


def test_a_listed_number_shares_the_unit_written_after_the_next(nlp: Any) -> None:
    claims = claims_of(nlp, "Homeowners paid a 20 or 30 percent premium for a lot on the course.")
    assert (one(claims, "20").unit, one(claims, "30").unit) == ("%", "%")


def test_a_year_before_a_comma_takes_no_unit(nlp: Any) -> None:
    claims = claims_of(nlp, "In 2019, 40 percent of voters stayed home.")
    assert [c.text for c in claims] == ["40 percent"]


def test_a_change_noun_brought_to_an_amount_counts_what_changed(nlp: Any) -> None:
    text = "The club cited spending on new players, while recording a slight increase in revenue to £312.5m."
    claim = one(claims_of(nlp, text), "312.5")
    assert (claim.value, claim.counted) == (312_500_000, "revenue")


def test_a_misparsed_object_of_seeing_is_not_brought_to_an_amount(nlp: Any) -> None:
    text = "Greenhill, founder of his own firm, saw his worth balloon to at least $550 million."
    assert one(claims_of(nlp, text), "550").counted != "balloon"
