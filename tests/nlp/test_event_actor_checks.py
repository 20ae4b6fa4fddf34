"""Right actors and right place, on invented sentences (issue #14, event precision): a thing, a day or
a place is no actor; a country that acts, owns the target or titles a person is no scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events_support import coded, place_name

from wiresift.nlp.events.actor_codes import holiday_name
from wiresift.nlp.events.lines import same_paragraph
from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_a_thing_spoken_of_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The mayor declined to discuss the criminal charges.")
    declined = found["declined"]
    assert declined.plover == "REJECT" and declined.source is not None
    assert declined.target is None  # "criminal" gives a sector, not an actor


def test_where_an_attack_came_from_is_not_its_target(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Farmers rebuilt the school despite the shelling from Pakistan.")
    shelling = found["shelling"]
    assert shelling.plover == "ASSAULT" and shelling.target is None
    assert place_name(doc, shelling) is None


def test_the_country_that_strikes_is_not_the_scene_its_phrase_names(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "The truce followed a U.S. airstrike during which nine fighters died in Syria."
    )
    airstrike = found["airstrike"]
    assert airstrike.source is not None and airstrike.source.code == "USA"
    assert place_name(doc, airstrike) == "Syria"


def test_a_named_persons_title_is_not_the_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "Crowds gathered for a rally against US President Ned Harlan's budget outside a stadium in"
        " Brooklyn, New York.",
    )
    assert place_name(doc, found["rally"]) == "Brooklyn"


def test_a_holiday_is_neither_actor_nor_place(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "The sister of a woman hurt in an Easter attack near a chapel says she is healing.",
    )
    assert found["attack"].source is None
    doc, found = coded(
        pipeline, "Last week, police in Pune seized fireworks before Diwali, arresting 95 people."
    )
    assert place_name(doc, found["arresting"]) == "Pune"
    assert holiday_name("Christmas Eve") and holiday_name("New Year's Day") and not holiday_name("New York")


def test_the_country_owning_an_attacked_target_is_not_the_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Gunmen launched mortars in an attack on a US consulate on Sunday.")
    attack = found["attack"]
    assert attack.target is not None and attack.target.code == "USA"
    assert place_name(doc, attack) is None


def test_the_name_of_a_scene_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The soldiers intercepted the smugglers in the forest of Karvali on Monday.")
    assert getattr(found["intercepted"].target, "text", None) == "smugglers"


def test_what_a_denial_denies_is_not_its_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "A spokeswoman denied the two ministers had spoken.")
    denied = found["denied"]
    assert denied.plover == "REJECT" and denied.target is None


def test_the_agent_of_a_participle_on_an_event_noun_is_its_source(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The city was shaken by an attack carried out by gunmen on Friday.")
    assert getattr(found["attack"].source, "text", None) == "gunmen"


def test_a_relative_who_on_a_place_is_the_people_before_it(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Two displaced farmers from Moldova, who demand housing, stayed in the ministry for a week."
    )
    assert getattr(found["demand"].source, "text", None) == "Two displaced farmers"


def test_page_chrome_on_the_line_above_is_not_part_of_the_actor(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Advertisement\nPolice arrested two protesters in the capital.")
    arrested = found["arrested"]
    assert arrested.source is not None and arrested.source.text == "Police"


def test_a_dateline_line_is_not_part_of_the_actor(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "KABUL\nTaliban fighters attacked a checkpoint in Kandahar province.")
    attacked = found["attacked"]
    assert attacked.source is not None and attacked.source.text == "Taliban fighters"


def test_a_headline_passive_makes_its_subject_the_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Minister attacked over hospital closures\n\nThe health minister faced criticism on Tuesday.",
    )
    attacked = found["attacked"]
    assert attacked.source is None
    assert attacked.target is not None and attacked.target.text == "Minister"


def test_a_bare_past_in_running_text_stays_active(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Rebel fighters attacked at dawn, officials said.")
    attacked = found["attacked"]
    assert attacked.source is not None and attacked.source.text == "Rebel fighters"


def test_the_speakers_place_is_not_the_scene_of_what_they_report(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Speaking in Paris, the minister said rebels had attacked a convoy.")
    assert place_name(doc, found["attacked"]) is None
    doc, found = coded(
        pipeline, "The minister, who lives in Paris, said the army attacked a village near the border."
    )
    assert place_name(doc, found["attacked"]) is None


def test_a_clause_below_the_trigger_still_places_it(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "Twenty soldiers were killed when gunmen ambushed a convoy near Kandahar, the army said.",
    )
    assert place_name(doc, found["killed"]) == "Kandahār"


def test_a_blank_line_parts_an_argument_from_its_verb(nlp: Language) -> None:
    doc = nlp("Advertisement\n\nUpon contact, gunmen fired on the guards.\nTroops returned fire.")
    chrome, gunmen, fired, troops = doc[0], doc[5], doc[6], doc[12]
    assert not same_paragraph(chrome, fired)
    assert same_paragraph(gunmen, fired) and same_paragraph(troops, fired)
