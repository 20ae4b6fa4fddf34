"""Issue #12, eleventh pass: poll and campaign copy. Age brackets of groups, spelled ranges, clock
times and days after a month name, qualifier words, shares as respondents, elided and restated
counts, and what a fundraiser raised, each tried on invented sentences."""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # a group of people bounded by age, after "under"/"over" or before "and older"
        ("Voters under 35 backed Ms. Ortiz, and men backed Mr. Hale.", "35"),
        ("Mr. Hale held a wide lead among those 65 and over, the survey found.", "65"),
        ("Turnout was 71 percent among Latinos 45 and older.", "45"),
        ("Most of the gain came from residents over 50, the county said.", "50"),
        # a range of ages right after a noun of people
        ("Turnout was 61 percent among whites 30 to 44 in the county.", "30 to 44"),
        # a share of people who "were over" an age
        ("About 55 percent of rural voters were over 60.", "60"),
    ],
)
def test_age_brackets_are_not_claims(nlp: Any, text: str, age: str) -> None:
    claims = claims_of(nlp, text)
    assert all(age not in c.text for c in claims), [c.text for c in claims]


def test_a_population_under_a_number_stays_a_count(nlp: Any) -> None:
    claims = claims_of(nlp, "Brill, a farm town with a population under 400, lost its school.")
    assert one(claims, "400").value == 400


def test_between_two_spelled_numbers_is_a_range(nlp: Any) -> None:
    claim = one(
        claims_of(nlp, "Analysts expect between three and six more store closures this spring."), "three"
    )
    assert (claim.value, claim.low, claim.high) == (None, 3, 6)
    assert claim.counted == "closures"


def test_hundred_and_a_number_stays_one_number(nlp: Any) -> None:
    assert one(claims_of(nlp, "The district hired three hundred and twenty teachers."), "three").value == 320


@pytest.mark.parametrize(
    "text",
    [
        "The survey ran from May 28-June 3, reaching 1,412 adults.",
        "9: 45 a.m. The governor is taking questions from about 180 people.",
        "Send donations to the Fund, 12 Birch Lane, Brill, OR, 97999.",
    ],
)
def test_days_clock_times_and_postal_codes_are_not_claims(nlp: Any, text: str) -> None:
    texts = [c.text for c in claims_of(nlp, text)]
    assert not {"3", "9", "97999"} & set(texts), texts


def test_qualifier_words_are_never_counted(nlp: Any) -> None:
    claim = one(
        claims_of(nlp, "The mayor's travel bill came to in excess of $60,000, the audit said."), "60,000"
    )
    assert claim.counted != "excess"


def test_a_share_saying_something_claims_nothing_for_another_share(nlp: Any) -> None:
    text = "Three-quarters said the tax is unfair, and six in 10 renters said it should go."
    claim = one(claims_of(nlp, text), "six in 10")
    assert claim.claimant_mention is None


def test_an_elided_noun_is_read_from_the_parallel_clause(nlp: Any) -> None:
    claims = claims_of(
        nlp, "Councillor Dana Whitfield has won 40 wards so far. Okafor has won 9 and Brandt has won three."
    )
    assert one(claims, "9").counted == "wards"
    assert one(claims, "three").counted == "wards"


def test_another_verb_does_not_copy_the_noun(nlp: Any) -> None:
    claims = claims_of(nlp, "Police detained 14 protesters near the bridge. Four were charged on Tuesday.")
    assert one(claims, "Four").counted is None


def test_a_restated_share_counts_the_same_noun(nlp: Any) -> None:
    claims = claims_of(nlp, "A quarter of independents, 25%, say they are undecided.")
    assert one(claims, "25%").counted == "independents"


def test_a_change_after_a_share_is_not_a_restatement(nlp: Any) -> None:
    claims = claims_of(nlp, "Turnout reached 64 percent of voters, 6 percent more than in 2012.")
    assert one(claims, "6 percent").counted != "voters"


def test_who_raised_money_is_not_what_it_counts(nlp: Any) -> None:
    claims = claims_of(
        nlp, "By the close of the quarter, Mayor Pell had raised $2.6 million, his report showed."
    )
    assert one(claims, "2.6").counted is None


def test_a_fraction_sign_joins_its_whole_number(nlp: Any) -> None:
    claims = claims_of(nlp, "The pilot spent 4 ½ years in a prison camp before 30 others were freed.")
    assert all("4" not in c.text for c in claims), [c.text for c in claims]


def test_the_latter_two_is_a_set_already_counted(nlp: Any) -> None:
    claims = claims_of(nlp, "Voters named taxes, crime and schools, and most cared about the latter two.")
    assert not claims, [c.text for c in claims]


def test_a_fronted_partitive_copies_no_noun(nlp: Any) -> None:
    text = "The storm killed 40 people across the state. Of those killed, nine were killed in Dover."
    assert one(claims_of(nlp, text), "nine").counted is None


def test_a_named_person_is_never_counted(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Still, the $1.4 million Tomas Reyna collected last spring came mostly from unions.",
    )
    assert one(claims, "1.4 million").counted is None


def test_an_age_a_person_reaches_at_a_date_is_not_a_claim(nlp: Any) -> None:
    claims = claims_of(nlp, "She will be 58 in March, and 40 workers will lose their jobs.")
    assert [c.text for c in claims] == ["40"]
