"""Who is no party to an event and where is no scene, on invented sentences (issue #14, event
precision): an ill that kills, the country a stance prefix names, an occasion or a law named by the
tagger, a place that backs or leads a group, a participle standing for people."""

from __future__ import annotations

import pytest
from events_support import coded, place_name, text_of

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


@pytest.mark.parametrize(
    "text",
    [
        "Over the years, malaria has killed millions of farmers across the delta.",
        "Health officials said the cholera that killed forty villagers last spring has been contained.",
    ],
)
def test_an_ill_that_kills_is_no_attacker(pipeline: Pipeline, text: str) -> None:
    _, found = coded(pipeline, text)
    killed = found.get("killed")
    assert killed is None or killed.plover != "ASSAULT"


def test_an_armed_doer_still_attacks(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Over the decades, militias have killed hundreds of farmers across the delta.")
    assert found["killed"].plover == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police said an anti-Chinese attack in the market injured two traders.", "attack"),
        ("Crowds staged anti-American protests outside the consulate in Tarvo on Friday.", "protests"),
    ],
)
def test_whom_a_stance_names_is_not_the_doer(pipeline: Pipeline, text: str, trigger: str) -> None:
    _, found = coded(pipeline, text)
    source = found[trigger].source
    assert source is None or source.code not in {"CHN", "USA"}, text_of(source)


def test_a_named_doer_still_acts(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Crowds staged protests after the Chinese attack on the border post.")
    source = found["attack"].source
    assert source is not None and source.code == "CHN"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Two hikers crashed into a ravine on New Year's Eve near Dorn.", "crashed"),
        ("Protesters rallied against the Patriot Act outside the courthouse.", "rallied"),
    ],
)
def test_an_occasion_is_no_target(pipeline: Pipeline, text: str, trigger: str) -> None:
    _, found = coded(pipeline, text)
    target = text_of(found[trigger].target)
    assert target is None or ("Eve" not in target and "Act" not in target), target


def test_a_backers_place_is_not_the_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "A drone attack on a fuel depot by a Karvo-backed militia wounded two guards."
    )
    assert place_name(doc, found["attack"]) is None
    doc, found = coded(pipeline, "A drone attack on a fuel depot in Karvo wounded two guards.")
    assert place_name(doc, found["attack"]) == "Karvo"


def test_whom_the_one_asked_would_call_is_not_the_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Anyone who saw the crash is asked to call Dorn police at 555-0100.")
    asked = found.get("asked")
    assert asked is None or "police" not in (text_of(asked.target) or "")
    # a subject that acts itself keeps its infinitive's party ("threatened to strike the army")
    _, found = coded(pipeline, "The rebel network has threatened to hit the Tarvian army with heavy blows.")
    assert found["threatened"].target is not None


@pytest.mark.parametrize(
    "text",
    [
        "A grocer told the court that the accused sold him forged permits last spring.",
        "Detectives questioned the accused at length in Dorn on Friday.",
    ],
)
def test_a_participle_standing_for_people_is_no_event(pipeline: Pipeline, text: str) -> None:
    _, found = coded(pipeline, text)
    assert "accused" not in found


def test_an_accusation_made_stays(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Prosecutors accused the mayor of fraud on Monday.")
    assert found["accused"].plover == "ACCUSE"
