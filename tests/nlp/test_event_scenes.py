"""Whose place and whose deed, on invented sentences (issue #14, the events' arguments, second round):
a place that belongs to another event or to a person, a dateline taken for an actor, the doer of a
deed someone is judged for (:mod:`~wiresift.nlp.events.scenes`, :mod:`~wiresift.nlp.events.where`,
:mod:`~wiresift.nlp.events.roles`, :mod:`~wiresift.nlp.events.targets`)."""

from __future__ import annotations

from events_support import coded, place_name, text_of

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_a_place_naming_a_sibling_event_is_not_this_ones(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "The speaker recalled the Leeds bombing of 1996 and the later attacks of 2004."
    )
    assert place_name(doc, found["bombing"]) == "Leeds"
    assert found["attacks"].place is None
    # an event noun the trigger only stands near may share its scene
    doc, found = coded(pipeline, "Police arrested twenty people during protests in Lagos on Friday.")
    assert place_name(doc, found["arrested"]) == "Lagos"


def test_a_named_persons_home_town_after_of_is_no_scene_nor_the_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Raj Verma of Leeds was arrested on Tuesday after a long inquiry.")
    arrested = found["arrested"]
    assert text_of(arrested.target) is not None and "Verma" in (text_of(arrested.target) or "")
    assert arrested.place is None


def test_a_verbal_event_aimed_at_a_country_is_not_placed_there(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The minister lashed out at Norway on Friday for seizing a Danish trawler.")
    lashed = found["lashed out"]
    assert text_of(lashed.target) == "Norway" and lashed.place is None
    # a building "at" which something is said is where it is said
    doc, found = coded(pipeline, "The governor is presenting her reform plan at the White House this week.")
    assert place_name(doc, found["presenting"]) == "White House"


def test_the_one_judged_for_a_deed_did_it(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The minister lashed out at Norway on Friday for seizing a Danish trawler.")
    assert text_of(found["seizing"].source) == "Norway"
    _, found = coded(pipeline, "The governor thanked the police for freeing the hostages on Sunday.")
    assert text_of(found["freeing"].source) == "police"


def test_a_dateline_is_no_actor(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Man hurt after shooting on Leeds's east side LEEDS – A man was taken to hospital on Monday "
        "after a shooting, police said.",
    )
    first = found["shooting"]
    assert first.target is None or "LEEDS" not in first.target.text


def test_a_person_an_event_noun_comes_from_is_its_doer(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "He shrugged off fresh attacks from his main rival for the nomination, Ana Ruiz."
    )
    assert text_of(found["attacks"].source) == "main rival"


def test_the_force_a_build_up_moves_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Belgium deployed troops along the border on Monday.")
    deployed = found["deployed"]
    assert text_of(deployed.source) == "Belgium" and deployed.target is None


def test_a_date_line_the_parse_runs_into_an_actor_is_not_part_of_it(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Farmers camp in ministry 02 May 2023, 07:51 Two farmers from Tarvo, who demand compensation, "
        "stayed in the ministry on Monday.",
    )
    assert text_of(found["demand"].source) == "Two farmers"
