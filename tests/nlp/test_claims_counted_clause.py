"""Issue #12: what a number counts when the parse hides it (invented sentences): amounts per share,
cents, restated and changed figures, counts split from their noun or hung on a date, alternatives,
"of which", raised subjects, what costs money, and no count type read from a date."""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "fragment", "unit", "counted"),
    [
        # cents are money; a per-share amount counts what the clause reckons
        (
            "The bakery chain reported net profit of $3.1 million, or 17 cents a share.",
            "17",
            "cent",
            "profit",
        ),
        (
            "Last month the co-op's board slashed the payout to three cents per share.",
            "three",
            "cent",
            "payout",
        ),
        ("Earnings at the brewer rose to 85 cents a share from 60 cents.", "85", "cent", "Earnings"),
        ("Holders may buy the new stock at $14 a share.", "$14", "USD", "share"),
        # a price per measure counts what the clause prices
        ("Diesel prices in the valley averaged $4.20 a gallon last week.", "$4.20", "USD", "prices"),
        # the change of a figure just given counts what that figure counts
        (
            "The ferry line will spend $2,400 on fuel this winter, up $300 from last winter.",
            "$300",
            "USD",
            "fuel",
        ),
        ("Membership dues were $88 million, compared with $71 million a year earlier.", "$71", "USD", "dues"),
        ("Fares at the depot were $1.2 billion, up 9% from the year before.", "9%", "%", "Fares"),
        # what costs money, not who pays
        ("The flood repairs will cost residents $12 million.", "$12", "USD", "repairs"),
        ("On the whole, tenants have not paid more than $900 since the rules changed.", "$900", "USD", None),
        # an amount in apposition names its noun; a restated conversion counts nothing
        ("The penalty, $3 million, was the largest the port had seen.", "$3", "USD", "penalty"),
        ("The council set aside a fund -- about $8 million -- for the harbour.", "$8", "USD", "fund"),
        # a relative clause the parser tied to the place after the noun it describes
        ("Imports from Peru, which totalled $3 billion in 2019, fell.", "$3", "USD", "Imports"),
        # a raised subject: the object of the verb of expecting
        (
            "The board expects turnover in the spring season to total about $6 million.",
            "$6",
            "USD",
            "turnover",
        ),
    ],
)
def test_money_and_shares_count_what_the_clause_names(
    nlp: Any, text: str, fragment: str, unit: str, counted: str | None
) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert claim.unit == unit
    assert claim.counted == counted


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        # the parser split the count from its noun
        ("Leaflets went out on Tuesday to a few hundred striking Dutch dockers.", "a few hundred", "dockers"),
        # a count hung on the date after it
        (
            "Visitors to the gorge rose from under 3,000 in 2009 to over 27,000 this spring.",
            "27,000",
            "Visitors",
        ),
        # alternatives share their "of"
        ("Rangers log tens if not hundreds of sightings a week.", "tens", "sightings"),
        ("Crews hauled dozens or hundreds of tyres from the canal.", "dozens", "tyres"),
        # "of which"
        ("The co-op runs nine mills, four of which grind oats.", "four", "mills"),
    ],
)
def test_counts_reach_their_noun(nlp: Any, text: str, fragment: str, counted: str) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


def test_a_month_after_the_number_gives_no_count_type(nlp: Any) -> None:
    claim = one(claims_of(nlp, "Joblessness in the county rose to 7.4 percent in March."), "7.4")
    assert claim.counted == "Joblessness"
    assert claim.count_type is None


def test_a_range_of_cents_is_one_claim(nlp: Any) -> None:
    claims = claims_of(nlp, "Brokers put the payout at 35 cents to 42 cents a share.")
    claim = one(claims, "35")
    assert (claim.low, claim.high, claim.unit) == (35, 42, "cent")


def test_an_amount_per_share_is_no_partner_of_the_whole(nlp: Any) -> None:
    text = "For the half, the brewer earned $41.2 million, or $1.10 a share, up 6% from $38.9 million."
    claims = claims_of(nlp, text)
    assert one(claims, "$41.2").counted != "share"
    assert one(claims, "6%").counted != "share"
    assert one(claims, "$1.10").counted == "share"


def test_a_figure_for_another_thing_is_not_the_earlier_figure(nlp: Any) -> None:
    text = "The tech gauge had fallen 4.1%, compared with 2.9% for the transport index."
    claims = claims_of(nlp, text)
    assert one(claims, "4.1%").counted == "gauge"
    assert one(claims, "2.9%").counted != "gauge"
