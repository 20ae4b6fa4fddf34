"""A person's actor code from the post the text gives them (issue #14): a title, an apposition or an
"of" phrase naming a country or an organisation outweighs the dictionary's office-holder dates for a
person of that name; a place the person is in does not. A group filed under a region takes its country."""

from __future__ import annotations

from events_support import coded

from wiresift.nlp.pipeline import Pipeline

PIPELINE_STAGES = "all"


def test_an_of_phrase_gives_a_prince_his_country(pipeline: Pipeline) -> None:
    # the dictionary's "Prince Abdullah" is Saudi Arabia's; the text says which one
    _, events = coded(
        pipeline, "Prince Abdullah of Kuwait said on Tuesday that he would host talks in Kuwait City."
    )
    assert events["host"].source is not None and events["host"].source.code == "KWT"


def test_an_apposition_naming_an_igo_post_codes_the_igo(pipeline: Pipeline) -> None:
    _, events = coded(
        pipeline, "Mark Rutte, the NATO secretary-general, warned Moscow against any new offensive."
    )
    assert events["warned"].source is not None and events["warned"].source.code == "IGO"


def test_a_place_the_person_is_in_is_no_post(pipeline: Pipeline) -> None:
    _, events = coded(pipeline, "Mark Rutte in Kyiv promised more air defence systems to Ukraine.")
    assert events["promised"].source is not None and events["promised"].source.code == "NLD"


def test_a_former_post_gives_no_code(pipeline: Pipeline) -> None:
    _, events = coded(
        pipeline, "Former NATO secretary-general Mark Rutte praised the grain agreement on Friday."
    )
    assert events["praised"].source is not None and events["praised"].source.code == "NLD"


def test_an_ambassador_to_an_organisation_is_no_post_in_it(pipeline: Pipeline) -> None:
    _, events = coded(
        pipeline, "Carl Bildt, the UN ambassador, condemned the shelling of the port on Sunday."
    )
    assert events["condemned"].source is not None and events["condemned"].source.code == "SWE"


def test_a_post_through_another_person_is_not_theirs(pipeline: Pipeline) -> None:
    # "an ally of Carl Bildt of Sweden" names Bildt's country, not a post of Rutte's
    _, events = coded(
        pipeline, "Mark Rutte, an ally of Carl Bildt of Sweden, criticised the tariffs on Monday."
    )
    assert events["criticised"].source is not None and events["criticised"].source.code == "NLD"


def test_a_region_coded_group_takes_the_country_its_name_gives(pipeline: Pipeline) -> None:
    # the dictionary files the movement under East Africa ("EAF"), no country
    _, events = coded(
        pipeline, "Fighters of the Eritrean Islamic Jihad movement attacked a border post near Tesseney."
    )
    assert events["attacked"].source is not None and events["attacked"].source.code == "ERI"
