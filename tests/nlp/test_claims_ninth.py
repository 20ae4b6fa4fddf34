"""Issue #12, ninth pass: counted things and non-claims found on fresh news pages, tried on invented
sentences.

A word of reckoning after money ("$40 wholesale") is not what the money buys; "go down"/"shoot up"
are verbs of change; a participle after a noun and its comma changes that noun; a comparative share
("20 % less costly") differs its subject; a multiplier multiplies past a possessive; ages after "at",
"five time" without its hyphen and "millions and millions" are read once or not at all.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        # a word of reckoning after the amount: the clause says what is priced
        ("The new lamps start at $49 wholesale, the maker said.", "$49", "lamps"),
        ("Savers may contribute up to $7,500 pretax to the fund.", "$7,500", "fund"),
        ("She paid a $15 fee and $900 rent last month.", "$900", "rent"),  # a noun stays
        # a verb of motion with "up"/"down" is a verb of change
        ("Their odds of winning go down to about 30 percent after a loss.", "30 percent", "odds"),
        ("Ticket prices shot up 12 percent this spring.", "12 percent", "prices"),
        # a participle clause after a noun and its comma, hung by the parser on the main clause
        ("The rally added to a strong run for bonds, climbing more than 9% this year.", "9%", "bonds"),
        ("The stock closed at $9, falling 4 percent.", "4 percent", "stock"),
        # a comparative share measures its subject
        ("The small ovens, which are 20% less costly than gas models, sold out.", "20%", "ovens"),
        # a multiplier multiplies past a possessive pronoun
        ("By then she had saved 30 times her yearly costs in a fund.", "30", "costs"),
    ],
)
def test_counted(nlp: Any, text: str, fragment: str, counted: str) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


@pytest.mark.parametrize(
    "text",
    [
        "At 17, she moved to the coast to train.",
        "Most people can draw a pension once they stop work at 66, the agency said.",
        "The club signed the three time league champion on Friday.",
        "The finals, which take place 11-17 October, sold out.",
    ],
)
def test_not_claims(nlp: Any, text: str) -> None:
    assert claims_of(nlp, text) == []


def test_level_at_stays(nlp: Any) -> None:
    """ "rose to 65,": a level a verb of change reaches is a count, not an age."""
    assert one(claims_of(nlp, "The casualty toll climbed to 65, medics said."), "65").counted == "toll"
    assert one(claims_of(nlp, "The bid went up to 75, a trader said."), "75").value == 75


def test_repeated_vague_amount_once(nlp: Any) -> None:
    claims = claims_of(nlp, "The levies bring in millions and millions of euros a month.")
    assert len(claims) == 1
    assert claims[0].text == "millions and millions of euros"
    assert claims[0].unit == "EUR"
