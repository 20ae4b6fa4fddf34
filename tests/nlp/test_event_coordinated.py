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
    event = _event(pipeline, "Kenya and Uganda signed a trade pact on Tuesday.", "signed")
    assert event.target is not None and event.target.code == "UGA"  # a pact's second party is its target
    assert event.also_sources == [] and event.also_targets == []


def test_an_appositive_that_restates_the_head_adds_no_one(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Jan Novak, the defence minister, met Finnish officials in Helsinki.", "met")
    assert event.source is not None and event.source.text == "Jan Novak"
    assert event.also_sources == []  # the minister is Jan Novak


def test_a_conjunct_naming_no_one_known_is_left_out(pipeline: Pipeline) -> None:
    event = _event(pipeline, "The army and its allies attacked rebel camps near the border.", "attacked")
    assert event.source is not None and event.source.sector == "MIL"
    assert event.also_sources == []  # "its allies": no code, sector or entity


def test_a_list_through_both_roles_gives_each_actor_one_role(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Kenya, Uganda and Tanzania signed a trade pact on Tuesday.", "signed")
    assert event.target is not None and event.target.code == "UGA"
    assert _codes(event.also_sources) == ["TZA"] and event.also_targets == []  # not in both lists


def test_a_town_is_no_coordinated_actor(pipeline: Pipeline) -> None:
    doc, events = coded(pipeline, "Rebels shelled Kharkiv and Aleppo overnight.")
    assert any(p.name == "Aleppo" for p in doc.places)  # a city of the places layer
    assert events["shelled"].also_targets == []


def test_an_uncoded_actor_of_the_first_ones_sector_is_no_other(pipeline: Pipeline) -> None:
    text = "Navy frigates and military helicopters were delivering food to the cut-off hamlets."
    event = _event(pipeline, text, "delivering")
    assert event.source is not None and event.source.sector == "MIL"
    assert event.also_sources == []  # MIL twice: one actor to code
