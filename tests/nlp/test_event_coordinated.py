"""Coordinated actors of an event role (#14): ``also_sources`` / ``also_targets`` hold the actors
coordinated with the first one of the role, resolved and coded like it; never a place, a repeat of the
first, the other role's actor, or an actor of another clause. Invented sentences."""

from __future__ import annotations

from events_support import coded

from wiresift.model import Event
from wiresift.nlp.pipeline import Pipeline

PIPELINE_STAGES = "all"


def _codes(actors: list) -> list[str | None]:  # type: ignore[type-arg]
    return [a.code for a in actors]


def _event(pipeline: Pipeline, text: str, trigger: str) -> Event:
    _, events = coded(pipeline, text)
    return events[trigger]


def test_a_list_of_sources_keeps_every_country(pipeline: Pipeline) -> None:
    event = _event(
        pipeline, "Kenya, Tanzania and Uganda condemned the attack on the embassy on Sunday.", "condemned"
    )
    assert event.source is not None and event.source.code == "KEN"  # the first stays the source
    assert _codes(event.also_sources) == ["TZA", "UGA"]
    assert [a.text for a in event.also_sources] == ["Tanzania", "Uganda"]


def test_coordinated_targets(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Canada imposed new sanctions on Belarus and Myanmar on Thursday.", "imposed")
    assert event.target is not None and event.target.code == "BLR"
    assert _codes(event.also_targets) == ["MMR"] and event.also_sources == []


def test_coordinated_nationalities_of_one_noun_share_its_sector(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Chilean and Peruvian troops shelled rebel camps near the border.", "shelled")
    assert event.source is not None and (event.source.code, event.source.sector) == ("CHL", "MIL")
    assert [(a.text, a.code, a.sector) for a in event.also_sources] == [("Peruvian", "PER", "MIL")]


def test_an_appositive_list(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Two neighbours, Kenya and Uganda, condemned the attack on Monday.", "condemned")
    assert event.source is not None and event.source.code == "KEN"
    assert _codes(event.also_sources) == ["UGA"]  # Kenya repeats the first actor's code


def test_people_named_together_are_both_targets(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Police arrested Ana Ruiz and Pablo Ortega in Lima on Friday.", "arrested")
    assert event.target is not None and event.target.text == "Ana Ruiz"
    assert [a.text for a in event.also_targets] == ["Pablo Ortega"]
    assert event.also_targets[0].entity is not None  # resolved like the first


def test_the_other_role_is_not_repeated(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Chile and Peru held talks with Bolivia in Santiago on Monday.", "held")
    assert _codes(event.also_sources) == ["PER"] and event.also_targets == []
    assert event.target is not None and event.target.code == "BOL"


def test_no_actor_from_another_clause(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Kenya struck rebel positions on Monday and Uganda closed its border.", "struck")
    assert event.also_sources == [] and event.also_targets == []


def test_an_appositive_that_restates_the_head_adds_no_one(pipeline: Pipeline) -> None:
    event = _event(pipeline, "The minister, Jan Novak, met Finnish officials in Helsinki.", "met")
    assert event.also_sources == []
