"""Issue #12, eighth pass: readings found on fresh news pages, tried on invented sentences.

Who claims a number when the reporting verb is read as a clausal subject ("which X claims is ..."),
that a reader's way of counting ("if you count ...") claims nothing, and what a price pays for when
the parser hangs it on the clause of the traded object.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one

from wiresift.model import Quote


@pytest.mark.parametrize(
    ("text", "fragment", "claimant"),
    [
        # the parser reads "which Verdant claims" as the clausal subject of "is"
        ("The new pump delivers 40 litres a minute; which Hydra claims is a 15% gain.", "15%", "Hydra"),
        (
            "Last season the club sold 9,000 seats; what the owners claim is a 30% increase.",
            "30%",
            "the owners",
        ),
        # a condition with the reader as subject is a way of counting, not a report
        ("The Hawks had 9 sacks on Sunday (well, 10 if you count the safety).", "10", None),
        ("The Hawks had 9 sacks on Sunday (well, 10 if you count the safety).", "9", None),
    ],
)
def test_claimants(nlp: Any, text: str, fragment: str, claimant: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    got = claim.claimant_mention.text if claim.claimant_mention else None
    assert got == claimant


def test_wh_reporter_not_over_a_clause_of_its_own(nlp: Any) -> None:
    """ "What officials say was the biggest rally drew 5,000 people": the 5,000 is not in what
    officials say (the parser makes "drew" a clause under "was")."""
    claim = one(claims_of(nlp, "What officials say was the biggest rally drew 5,000 people."), "5,000")
    assert claim.claimant_mention is None


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        # the price hangs on "use" in the parse; the traded object is what it buys
        ("The founder sold the club the right to print the crest for $3.1 million.", "$3.1", "right"),
        ("The rights to stream the matches were sold to Orbit for $2 billion.", "$2", "rights"),
        # a trade verb's own "for" object is unchanged
        ("The council bought the old mill for $2 million.", "$2", "mill"),
    ],
)
def test_what_a_price_buys(nlp: Any, text: str, fragment: str, counted: str) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


def test_reference_marks_are_not_claims(nlp: Any) -> None:
    """A text that cites its sources by bracketed numbers: the marks are no counts; the counts stay."""
    text = (
        "Skipping meals raised the risk of snacking (2). In one trial, 40 adults who drank "
        "16 ounces (470 ml) of water ate less (3, 4). A trial in 30 nurses found the same (5). "
        "Walking also helped (6-8)."
    )
    claims = claims_of(nlp, text)
    assert [(c.value, c.unit, c.counted) for c in claims] == [
        (40, None, "adults"),
        (16, "oz", "water"),
        (470, "ml", None),
        (30, None, "nurses"),
    ]


def test_one_bracketed_number_stays_a_count(nlp: Any) -> None:
    """Without a pattern of marks, a bracketed number may be a count ("seats (12)")."""
    claims = claims_of(nlp, "The Greens won more seats (12), the most in their history.")
    assert [c.value for c in claims] == [12]


@pytest.mark.parametrize(
    ("text", "unit", "counted"),
    [
        ("Customs found 200 grams of heroin in the van.", "g", "heroin"),
        ("Each tablet holds 500 milligrams of the drug.", "mg", "drug"),
        ("The firm leased 12,000 square feet of office space.", "ft2", "space"),
    ],
)
def test_units_of_mass_volume_and_area(nlp: Any, text: str, unit: str, counted: str) -> None:
    claim = claims_of(nlp, text)[0]
    assert (claim.unit, claim.counted) == (unit, counted)


@pytest.mark.parametrize(
    "text",
    ["The #1 problem for riders is the fare.", "Priya bought a 2-in-1 tablet for school."],
)
def test_ranks_and_kinds_are_not_claims(nlp: Any, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "fragment", "claimant"),
    [
        # a phrase that frames the report is not what is reported
        ("As the mother of three sons, Vega said she backed the plan.", "three", None),
        ("In Tarsk, where 4,000 troops are based, Oduya insisted that the talks would go on.", "4,000", None),
        ("Nearly 300 people were killed, officials said.", "300", "officials"),
        # a passive subject of "found" is what was found, not a finder
        ("Lio was found on a raft after nine other people drowned.", "nine", None),
    ],
)
def test_framing_and_passive_finds(nlp: Any, text: str, fragment: str, claimant: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    got = claim.claimant_mention.text if claim.claimant_mention else None
    assert got == claimant


def test_backwards_quote_has_no_claimant(nlp: Any) -> None:
    """A quote the marks paired from a closing mark to the next opening one is no speaker's."""
    text = "``We will win,'' Hale said. The boat sank 30 miles off shore. ``It was awful,'' Ruiz said."
    quote = Quote(
        id="q1", start=14, end=64, text=text[14:64], speaker="e1", speaker_name="Ruiz", kind="direct"
    )
    claim = one(claims_of(nlp, text, quotes=[quote]), "30")
    assert claim.claimant_mention is None and claim.claimant_name == "wire"


@pytest.mark.parametrize(
    ("text", "fragment", "claimant"),
    [
        # an -ing participle on a noun has that noun as its agent, also when mistagged as a noun
        ("Averages show Lind ahead, with PollMark showing her up 3 points.", "3 points", "PollMark"),
        ("Reports saying 30 people died were false.", "30", "Reports"),
        # a clause of "as" sets the time of the report, it is not what is reported
        (
            "Ana Ruiz, 31, said as she led hundreds of fellow nurses across the bridge.",
            "hundreds",
            None,
        ),
    ],
)
def test_participle_agents_and_as_clauses(nlp: Any, text: str, fragment: str, claimant: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    got = claim.claimant_mention.text if claim.claimant_mention else None
    assert got == claimant


def test_acceleration_test_is_no_range(nlp: Any) -> None:
    """ "0-60 mph" names an acceleration test; a range of speeds above zero stays a claim."""
    claims = claims_of(nlp, "The coupe does 0-60 mph in 4.1 seconds. Winds of 40-60 mph hit the coast.")
    assert [(c.low, c.high, c.unit) for c in claims] == [(40, 60, "mph")]
