"""Organisations as speakers: a public-body or member nominal ("the agency", "the union") names the
organisation the text is about; an acronym joins the name it abbreviates. Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "cue", "mention", "name"),
    [
        (
            # an agency whose name holds no "agency"
            "The Brevik Coastal Directorate mapped the northern reef last spring. On Monday the agency "
            "said the survey would resume in May.",
            "said",
            "the agency",
            "Brevik Coastal Directorate",
        ),
        (
            "The Tarlow Dockworkers Federation called a strike at the port on Friday. The union said "
            "the talks had broken down over pensions.",
            "said",
            "The union",
            "Tarlow Dockworkers Federation",
        ),
    ],
)
def test_public_and_member_nominals(pipeline: Pipeline, text: str, cue: str, mention: str, name: str) -> None:
    q = by_cue(quotes_of(pipeline, text), cue)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.speaker_name == name


def test_the_agency_is_no_business(pipeline: Pipeline) -> None:
    text = (
        "Halvorsen Foods Inc. recalled two batches of soup on Tuesday. The agency said the batches "
        "had been shipped to four states."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Customers of Tallow Gas & Electric Co. lost power on Sunday night. TG&E said crews would "
            "restore the lines by Wednesday.",
            "Tallow Gas & Electric Co.",
        ),
        (
            "The Department of Coastal Affairs opened an inquiry into the spill on Friday. DOCA said the "
            "tanker had left port without an inspection.",
            "Department of Coastal Affairs",
        ),
    ],
)
def test_acronym_speaks_for_the_named_organisation(pipeline: Pipeline, text: str, name: str) -> None:
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name == name


def test_it_said_is_the_organisation(pipeline: Pipeline) -> None:
    text = (
        "Norland Rail cut 200 jobs at its depot in Harwick on Monday. It said the cuts would save "
        "about $40 million a year."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_mention is not None and q.speaker_mention.text == "It"
    assert q.speaker_name == "Norland Rail"


def test_it_said_is_never_a_person(pipeline: Pipeline) -> None:
    text = "Ann Lee met the board on Monday. It said the plan would be put to a vote in June."
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name != "Ann Lee"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Chile rejected the fishing proposal from the regional committee on Monday. It said the plan "
            "would hurt its coastal towns.",
            "Chile",
        ),
        (
            "Peru said on Sunday that it would let the monitors return. It accused its neighbour of "
            "moving troops to the border.",
            "Peru",
        ),
    ],
)
def test_it_said_is_the_country_the_last_sentence_was_about(pipeline: Pipeline, text: str, name: str) -> None:
    q = quotes_of(pipeline, text)[-1]
    assert q.speaker_mention is not None and q.speaker_mention.text == "It"
    assert q.speaker_name == name


def test_it_said_goes_on_from_no_coordinated_subject(pipeline: Pipeline) -> None:
    text = (
        "Acme Holdings and Bellway Group signed the pay agreement on Friday. It said the deal "
        "would close in the spring."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_mention is not None and q.speaker_mention.text == "It"
    assert q.speaker_name is None


def test_it_said_after_a_countrys_regulator_is_not_the_country(pipeline: Pipeline) -> None:
    text = (
        "Peru's mining regulator raised the export quotas on Monday. It said output would rise by 5 percent."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_mention is not None and q.speaker_mention.text == "It"
    assert q.speaker_name != "Peru"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Norland Rail said it will announce the closure of two depots next week.", "Norland Rail"),
        ("Chile said it will report the catch figures to the commission in May.", "Chile"),
    ],
)
def test_it_in_the_clause_a_body_reports_is_that_body(pipeline: Pipeline, text: str, name: str) -> None:
    q = by_cue(quotes_of(pipeline, text), "announce" if "announce" in text else "report")
    assert q.speaker_mention is not None and q.speaker_mention.text == "it"
    assert q.speaker_name == name


def test_it_in_the_clause_a_person_reports_is_no_one(pipeline: Pipeline) -> None:
    text = "Maria Lopez said it will announce the closure of two depots next week."
    q = by_cue(quotes_of(pipeline, text), "announce")
    assert q.speaker_name != "Maria Lopez"
