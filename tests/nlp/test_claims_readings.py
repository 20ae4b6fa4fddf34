"""Issue #12, seventh pass: readings found on news pages no gold names, tried on invented sentences.

What a measure of size or a fraction counts, which numbers label rather than count, and who claims
a number when the reporting verb follows a second subject, governs a forecast or sits in a clause
on the counted noun.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "fragment", "value", "counted"),
    [
        # a measure of size counts what it describes, also in a conjoined adjective
        ("The new barge is 40 feet long and 12 feet wide.", "40", 40, "barge"),
        ("The new barge is 40 feet long and 12 feet wide.", "12", 12, "barge"),
        ("The garden wall is 9 feet high.", "9", 9, "wall"),
        # a second measure of another unit does not take the first one's "of"
        ("The engine makes 210 horsepower and 300 newton meters of torque.", "210", 210, None),
        ("The packs hold 60 kWh and 80 kWh of storage.", "60", 60, "storage"),
        # coordinated modifiers and a conjunct with a number of its own
        ("The contractor hired nearly 800 painting and plumbing workers.", "800", 800, "workers"),
        ("Go Gold for $3.99/mo (a 14-day free trial is offered).", "$3.99", 3.99, None),
        ("The town runs a 4 MW rooftop solar plant and a 6 MW river-fed hydro station.", "4 MW", 4, "plant"),
        # "a maximum of" is a qualifier, never the counted thing
        ("The fan reached a maximum of 52 dBA under load.", "52", 52, "fan"),
        # a plural the tagger reads as a verb, past its adjective
        ("Kowalczyk missed three free throws late in the game.", "three", 3, "throws"),
        # fractions in words are shares of the "of" object
        ("Nearly a third of the county's nurses quit.", "third", 100 / 3, "nurses"),
        ("About half of the buses were late.", "half", 50, "buses"),
        ("Two-thirds of members voted for the merger.", "Two-thirds", 200 / 3, "members"),
    ],
)
def test_counted(nlp: Any, text: str, fragment: str, value: float, counted: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert claim.value == pytest.approx(value)
    assert claim.counted == counted


@pytest.mark.parametrize(
    "text",
    [
        "Patients with type 2 diabetes joined the study.",
        "The phase 3 trial of the vaccine ends soon.",
        "Tumours at stage 4 are hard to treat.",
        "Do not rush things on day 1 of the course.",
        "Priority number two is to fix the roof.",
        "She made the Gazette 30 Under 30 list. It was a surprise.",
        "Output grew by a third in the first half of the year.",
        "They waited a quarter of an hour in a third room.",
        "The crack ran across the upper half of the screen.",
        "At the age of 7 she moved to Tallinn.",
    ],
)
def test_labels_and_parts_are_not_claims(nlp: Any, text: str) -> None:
    assert claims_of(nlp, text) == []


def test_designator_word_before_a_count_of_its_own(nlp: Any) -> None:
    """ "every week 400 people": the week is no label of the number."""
    claim = one(claims_of(nlp, "Every week 400 people cross the pass."), "400")
    assert claim.counted == "people"


@pytest.mark.parametrize(
    ("text", "fragment", "claimant"),
    [
        # the reporter at the end of a sentence the parser gave two subjects
        (
            "In the Oakvale shelter, a room built for 20 housed 95 families with one kitchen, the Tribune reported.",
            "95",
            "the Tribune",
        ),
        # a forecast is its maker's claim
        ("Brennan Analytics expects 4.2 million homes will be sold next year.", "4.2", "Brennan Analytics"),
        # the clause on the counted noun says who cited it
        ("That is more than the $48 million figure Senator Ortiz cited.", "$48", "Senator Ortiz"),
        # "data" has the lemma "datum" but is a document noun
        ("The county data puts the loss at about $31 million.", "$31", "The county data"),
        # a conjoined verb with a report of its own does not report the number
        ("The screen is half an inch wider, and reviewers say that nobody notices.", "half", None),
        # what a majority of respondents expects is not theirs to claim
        ("A majority of members expect Lind to win, 52 percent to 41 percent.", "52", None),
    ],
)
def test_claimants(nlp: Any, text: str, fragment: str, claimant: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    got = claim.claimant_mention.text if claim.claimant_mention else None
    assert got == claimant


def test_spread_from_to_is_one_range(nlp: Any) -> None:
    """ "anywhere from $30 to $90" is a spread of values; "rose from 30 to 90" stays a change."""
    claims = claims_of(nlp, "The coupon saves buyers anywhere from $30 to $90 per order.")
    assert [(c.low, c.high, c.unit) for c in claims] == [(30, 90, "USD")]
    assert len(claims_of(nlp, "Orders rose from 30 to 90 a day.")) == 2


def test_several_dozen(nlp: Any) -> None:
    claim = one(claims_of(nlp, "The mayor met several dozen farmers on Monday."), "dozen")
    assert (claim.text, claim.value, claim.qualifier, claim.counted) == (
        "several dozen",
        36,
        "vague",
        "farmers",
    )
