"""Whom a protest is aimed at (issue #14): the party of its purpose clause, its "against" phrase or its
"in protest against" phrase, before a scene (invented sentences)."""

from __future__ import annotations

from events_support import coded, text_of

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_the_party_of_a_protests_purpose_is_its_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Several thousand farmers demonstrated in Kisumu on Friday to demand fair grain prices from the "
        "Kenyan government.",
    )
    demonstrated = found["demonstrated"]
    assert demonstrated.plover == "PROTEST"
    assert text_of(demonstrated.target) == "Kenyan government"  # not Kisumu, where they marched


def test_an_against_phrase_names_the_owner_not_the_thing(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Hundreds of students marched through Dakar against new fees set by Senegal's education ministry.",
    )
    marched = found["marched"]
    assert marched.plover == "PROTEST"
    assert text_of(marched.target) == "Senegal's education ministry"


def test_a_possessor_is_the_target_when_it_owns_a_thing(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Protesters in Tarvo blocked a highway on Sunday to show their anger at Britain's trade policies.",
    )
    blocked = found["blocked"]
    assert blocked.plover == "PROTEST"
    assert text_of(blocked.target) == "Britain"


def test_a_protest_with_no_purpose_keeps_its_scene(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Up to 300 teachers demonstrated in Bamako on Thursday.")
    assert text_of(found["demonstrated"].target) == "Bamako"
