"""Senses of joining, coming, signing and voting, on invented sentences (:mod:`wiresift.nlp.events.senses`):
joining or coming is a consultation only with a meeting or a place met at, signing codes the formal
agreement (CAMEO 057) only of an agreement, and a vote is no AGREE."""

from __future__ import annotations

import pytest
from events_support import types

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


@pytest.mark.parametrize(
    "text",
    [
        "When it comes to fishing quotas, the ministers remain far apart.",
        "The bribery scheme came to light after an audit in March.",
        "The engineer joined the shipping firm in 2021.",
        "Four more suppliers joined the lunar cargo programme this year.",
        "The royal family arrived in Aarhus for the annual harbour festival.",
    ],
)
def test_coming_or_joining_without_a_meeting_is_no_consultation(pipeline: Pipeline, text: str) -> None:
    assert "CONSULT" not in types(pipeline, text, "c") + types(pipeline, text, "j")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Norway joined the peace talks in Oslo on Monday.", "joined"),
        ("The Kenyan foreign minister came to Addis Ababa on Monday for talks.", "came"),
        ("The Kenyan foreign minister travelled to Addis Ababa to meet the prime minister.", "travelled"),
        ("The Kenyan president arrived in Addis Ababa on a two-day visit.", "arrived"),
        ("The delegation came to the summit in Lisbon.", "came"),
    ],
)
def test_joining_or_coming_to_a_meeting_or_a_place_stays_a_consultation(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert "CONSULT" in types(pipeline, text, trigger)


def test_signing_an_agreement_is_the_formal_agreement(pipeline: Pipeline) -> None:
    assert types(pipeline, "Chile and Peru signed a fisheries treaty in Lima.", "signed") == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "The open letter was signed by forty nurses.",
        "The clerk was signed off work for two weeks.",
        "The mayor signed the parking ordinance on Friday.",
    ],
)
def test_signing_no_agreement_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert types(pipeline, text, "sign") == []


@pytest.mark.parametrize(
    "text",
    ["Councillors voted to approve the harbour budget.", "Residents of the valley voted for a new mayor."],
)
def test_a_vote_is_no_agreement(pipeline: Pipeline, text: str) -> None:
    assert "AGREE" not in types(pipeline, text, "vot")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("I think voters connect with the new harbour park, said the organiser.", "think"),
        ("Analysts expect the central bank to hold rates in June.", "expect"),
    ],
)
def test_a_thought_is_no_event(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert types(pipeline, text, trigger) == []
