"""An event noun as the object of a coded verb, on invented sentences (:mod:`wiresift.nlp.events.triggers`):
a verb of doing performs the noun's act and gives way to it, a hostile verb acts on it and stays an event,
and a meeting refused or halted did not happen."""

from __future__ import annotations

from events_support import types

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_an_attack_on_a_rally_is_an_event_of_its_own(pipeline: Pipeline) -> None:
    # "attack" codes by its block's default; the rally is what it is done to, not what it does
    text = "Masked men attacked the rally outside the town hall in Tarnow on Sunday."
    assert types(pipeline, text, "attacked") == ["ASSAULT"]


def test_a_boycott_of_talks_is_coded_not_the_talks(pipeline: Pipeline) -> None:
    text = "The fishermen's union boycotted the harbour negotiations in Tromso."
    assert types(pipeline, text, "boycotted") != []
    assert types(pipeline, text, "negotiations") == []


def test_a_postponed_summit_did_not_happen(pipeline: Pipeline) -> None:
    text = "Bogota postponed the summit with Caracas until March."
    assert types(pipeline, text, "postponed") in (["REJECT"], ["SANCTION"])
    assert types(pipeline, text, "summit") == []


def test_a_denied_accusation_stays_flagged_not_dropped(pipeline: Pipeline) -> None:
    from wiresift.model import Document

    doc = pipeline(Document(text="The city's police deny accusations of torture.", published="2023-05-02"))
    assert any(e.text == "accusations" and e.hypothetical == "denied" for e in doc.events)


def test_a_verb_of_doing_still_gives_way_to_its_event_noun(pipeline: Pipeline) -> None:
    text = "The dockers' union organized a general strike in Durban on Monday."
    assert types(pipeline, text, "organized") == []
    assert types(pipeline, text, "strike") == ["PROTEST"]


def test_a_rejected_ultimatum_was_still_issued(pipeline: Pipeline) -> None:
    text = "Montenegro on Friday rejected a Croatian ultimatum to hand over the ferry captain."
    assert types(pipeline, text, "ultimatum") == ["THREATEN"]


def test_a_hostile_verb_of_the_noun_s_own_kind_gives_way_to_it(pipeline: Pipeline) -> None:
    # reimposing blockades is the blockade: one event, the noun's
    text = "Turkey reimposed blockades on three Kurdish towns on Tuesday."
    assert types(pipeline, text, "reimposed") == []
    assert len(types(pipeline, text, "blockades")) == 1
