"""Type readings from the arguments' classes, on invented sentences (:mod:`wiresift.nlp.events.senses`):
a visit is a consultation only between actors, fighting a hazard or an ill is no assault, and harm done
by a disaster named through a relative clause is no one's act."""

from __future__ import annotations

import pytest
from events_support import types

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("An injured climber was rushed to the hospital in Bozeman on Friday.", "rushed"),
        ("The labour minister visited the hospital where the miners are treated.", "visited"),
    ],
)
def test_going_to_a_building_or_being_taken_there_is_no_visit(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert "CONSULT" not in types(pipeline, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Chilean foreign minister visited Peru on Monday.", "visited"),
        ("The labour minister visited flood victims in the south on Friday.", "visited"),
        ("The Danish prime minister arrived at the White House on Tuesday.", "arrived"),
    ],
)
def test_a_visit_to_a_country_people_or_a_coded_seat_of_power_stays(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert "CONSULT" in types(pipeline, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Firefighters battled the blaze at the paper mill for six hours.", "battled"),
        ("Nurses in the valley are fighting the virus with few masks.", "fighting"),
        ("Aid workers battled an outbreak of measles in the camps.", "battled"),
        ("The navy deployed ships to fight the fires.", "fight"),
    ],
)
def test_fighting_a_hazard_or_an_ill_is_no_assault(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" not in types(pipeline, text, trigger)


def test_returning_fire_stays_an_assault(pipeline: Pipeline) -> None:
    assert types(pipeline, "Soldiers returned fire and killed two attackers.", "returned") == ["ASSAULT"]


def test_fighting_people_stays_an_assault(pipeline: Pipeline) -> None:
    text = "Riot police fought the strikers in the streets of Quito."
    assert types(pipeline, text, "fought") == ["ASSAULT"]


def test_harm_done_by_a_disaster_through_a_relative_clause_is_no_act(pipeline: Pipeline) -> None:
    text = "Storms that destroyed hundreds of homes left six people dead in Bicol."
    assert "ASSAULT" not in types(pipeline, text, "destroyed")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The mayor launched an attack on the parking bill on Monday.", "launched"),
        ("The councillor's attack on the housing plan drew applause.", "attack"),
    ],
)
def test_an_attack_on_a_law_or_a_plan_is_criticism(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert types(pipeline, text, trigger) == ["ACCUSE"]


def test_an_attack_on_a_building_stays_an_assault(pipeline: Pipeline) -> None:
    text = "Gunmen carried out an attack on a police post in Maiduguri."
    assert types(pipeline, text, "carried") == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The senator conceded that the recount had been slow.", "conceded"),
        ("The governor admitted that mistakes were made in the rollout.", "admitted"),
    ],
)
def test_conceding_or_admitting_what_is_so_is_a_statement(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert types(pipeline, text, trigger) == []


def test_conceding_the_race_stays_a_concession(pipeline: Pipeline) -> None:
    assert types(pipeline, "The senator conceded the race to his rival on Wednesday.", "conceded") == [
        "CONCEDE"
    ]


def test_welcoming_a_new_year_praises_no_one(pipeline: Pipeline) -> None:
    text = "Protesters welcomed the new year with chants outside the assembly."
    assert "SUPPORT" not in types(pipeline, text, "welcomed")


def test_welcoming_a_ruling_stays_praise(pipeline: Pipeline) -> None:
    text = "The dockers union welcomed the court ruling on Monday."
    assert types(pipeline, text, "welcomed") == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police gathered evidence from the flat in Leeds on Sunday.", "gathered"),
        ("The builders met the deadline for the new runway at Gatwick.", "met"),
    ],
)
def test_gathering_or_meeting_a_thing_meets_no_one(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "CONSULT" not in types(pipeline, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The foreign minister met the Bolivian ambassador on Tuesday.", "met"),
        ("The Arab League convened an emergency summit in Cairo.", "convened"),
    ],
)
def test_meeting_a_party_or_convening_a_summit_stays(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert types(pipeline, text, trigger) == ["CONSULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Leeds crushed Burnley 4-1 at Elland Road on Friday, with Costa scoring twice.", "crushed"),
        ("Porto crushed Braga 3-0 at home on Saturday night.", "crushed"),
    ],
)
def test_a_result_with_a_score_is_sport_not_violence(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" not in types(pipeline, text, trigger)


def test_a_range_that_counts_victims_is_no_score(pipeline: Pipeline) -> None:
    assert types(pipeline, "Gunmen killed 10-15 villagers in Zamfara on Monday.", "killed") == ["ASSAULT"]


def test_needing_to_do_something_oneself_asks_nothing(pipeline: Pipeline) -> None:
    text = "The cabinet needs to decide how to answer the dockers' strike."
    assert "REQUEST" not in types(pipeline, text, "needs")


def test_needing_aid_stays_a_request(pipeline: Pipeline) -> None:
    assert types(pipeline, "The province needs food aid and tents after the floods.", "needs") == ["REQUEST"]


def test_meaning_that_something_follows_is_no_intention(pipeline: Pipeline) -> None:
    text = (
        "The winger scored twice before the break, which meant Galway's side needed to hold on for the win."
    )
    assert "AGREE" not in types(pipeline, text, "meant")


def test_meeting_a_counterpart_named_by_nationality_stays(pipeline: Pipeline) -> None:
    text = "The Chilean president met his Peruvian counterpart in Lima on Monday."
    assert types(pipeline, text, "met") == ["CONSULT"]


def test_releasing_videos_publishes_them(pipeline: Pipeline) -> None:
    text = "The militia released three videos of the captured pilots on Friday."
    assert "RETREAT" not in types(pipeline, text, "released")


def test_releasing_journalists_stays_a_release(pipeline: Pipeline) -> None:
    text = "The junta released the detained journalists after a week."
    assert types(pipeline, text, "released") == ["RETREAT"]
