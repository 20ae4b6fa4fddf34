"""Who did it to whom, and where, on invented sentences (issue #14, event precision): the side that
holds off an attack, runs into a bomb or is accused of an act; allies named together; places that are
a reason's, a speaker's, an agent's or across a border."""

from __future__ import annotations

from events_support import coded, place_name

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_who_repels_an_attack_does_not_attack(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The Kenyan army said its soldiers repelled an attack on their camp in Lamu.")
    attack = found["attack"]
    assert attack.plover == "ASSAULT"
    assert attack.source is None or "soldiers" not in attack.source.text


def test_who_comes_under_attack_is_attacked_by_the_from_phrase(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The patrol came under attack from separatist fighters on Tuesday.")
    attack = found["attack"]
    assert attack.source is not None and attack.source.text == "separatist fighters"


def test_the_accused_does_what_the_accusation_says(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Armenia accused Azerbaijan of shelling the village of Tegh overnight.")
    shelling = found["shelling"]
    assert shelling.source is not None and shelling.source.code == "AZE"


def test_allies_backing_a_plan_are_not_each_others_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "France and Germany backed the plan drawn up by the Dutch presidency.")
    backed = found["backed"]
    assert backed.source is not None and backed.source.code == "FRA"
    assert backed.target is None or backed.target.code != "DEU"


def test_parties_signing_a_treaty_stay_each_others_partners(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Peru and Chile signed a treaty on their maritime border on Monday.")
    signed = found["signed"]
    assert signed.source is not None and signed.target is not None
    assert {signed.source.code, signed.target.code} == {"PER", "CHL"}


def test_a_bus_hitting_a_bomb_is_its_victim(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "A truck hit a roadside bomb in Kandahar province, killing six passengers.")
    hit = found["hit"]
    assert hit.plover == "ASSAULT" and hit.source is None
    assert hit.target is not None and hit.target.text == "truck"
    assert found["killing"].source is None  # the bomb kills, not the truck


def test_the_act_given_as_reason_is_neither_target_nor_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "Canada imposed sanctions on two Belarusian officials over the crackdown in Minsk."
    )
    imposed = found["imposed"]
    assert imposed.target is None or "crackdown" not in imposed.target.text
    assert place_name(doc, imposed) != "Minsk"


def test_the_speakers_country_is_not_the_scene_of_the_other_sides_act(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "North Korea fired a rocket into the sea, Japan's defence ministry said.")
    fired = found["fired"]
    assert fired.source is not None and fired.source.code == "PRK"
    assert place_name(doc, fired) != "Japan"


def test_the_passive_agents_country_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Ukrainian air defences shot down nine drones launched by Iran.")
    assert place_name(doc, found["shot down"]) != "Iran"


def test_the_country_across_a_border_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Six soldiers were killed near the border with Chad on Friday.")
    assert place_name(doc, found["killed"]) != "Chad"


def test_who_claims_an_attack_did_it(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "A separatist group claimed responsibility for the bombing of a bridge.")
    bombing = found["bombing"]
    assert bombing.source is not None and bombing.source.text == "separatist group"


def test_the_striking_country_of_a_noun_attack_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Kenyan forces backed by US air strikes retook the town of Badhaade.")
    strikes = found["strikes"]
    assert strikes.source is not None and strikes.source.code == "USA"
    assert place_name(doc, strikes) != "United States"


def test_a_nationality_naming_a_noun_attack_is_its_source(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Two herders were wounded in a Russian drone strike on the village.")
    strike = found["strike"]
    assert strike.source is not None and strike.source.code == "RUS"


def test_a_condemnation_is_not_placed_where_the_condemned_attack_was(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Spain and Italy condemned the attack on the consulate in Herat.")
    condemned = found["condemned"]
    assert condemned.plover == "ACCUSE"
    assert place_name(doc, condemned) is None  # no place of the condemnation is named
