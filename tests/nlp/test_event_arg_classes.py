"""Event types read from the classes of an event's arguments (issue #14, invented sentences): a harm
whose named cause is an accident, a disaster or an illness is no assault."""

from __future__ import annotations

import pytest
from events_support import types

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Five people were killed in a bus crash in the Andes on Monday.", "killed"),
        ("Police said the cyclist was killed in a head-on collision on the ring road.", "killed"),
        # violence named the sentence before does not make an accident an assault
        ("Rebels shelled the port last week. Nine fishermen drowned when their trawler sank off the cape.",
         "drowned"),
        ("Gunmen attacked a checkpoint on Monday. A guard later died of pneumonia in a clinic.", "died"),
        # "when" parsed as the clause's adverb
        ("Gunmen raided the port. The captain and six other sailors died when their ferry sank on the way "
         "from Crete to Rhodes.", "died"),
    ],
)  # fmt: skip
def test_a_harm_from_an_accident_or_an_illness_is_no_assault(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert "ASSAULT" not in types(pipeline, text, trigger), text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen opened fire on a bus on Monday. Two passengers died of their wounds in hospital.", "died"),
        ("Four soldiers were killed when a roadside bomb exploded near the convoy.", "killed"),
        ("Three soldiers died in an ambush near the border post.", "died"),
        ("Eleven people were killed in an explosion at a market in Kano.", "killed"),
    ],
)  # fmt: skip
def test_a_harm_from_violence_stays_an_assault(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" in types(pipeline, text, trigger), text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a company bought is no territory taken
        ("Vantoro Group completed its takeover of the Danish shipping firm Nordlys last week.", "takeover"),
        ("Shareholders approved the takeover of the regional airline by a Gulf investor.", "takeover"),
        # a fight for a place in a race or for pay fights no one
        ("The Dutch rider will fight for the lead in the final stage on Sunday.", "fight"),
        ("Nurses fought for higher wages for a decade.", "fought"),
        # a fight noun against an ill or an idea
        ("The central bank stepped up its fight against inflation on Thursday, raising rates again.", "stepped"),
    ],
)  # fmt: skip
def test_no_conflict_with_a_company_a_prize_or_an_ill(pipeline: Pipeline, text: str, trigger: str) -> None:
    found = types(pipeline, text, trigger)
    assert not {"ASSAULT", "THREATEN", "COERCE"} & set(found), (text, found)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Taliban takeover of Kunduz was swift.", "takeover"),
        ("Rebels fought for control of the town.", "fought"),
        ("Government troops stepped up their offensive against the rebels.", "stepped"),
        ("Villagers fought for their lives as gunmen stormed the market.", "stormed"),
    ],
)  # fmt: skip
def test_a_fight_or_a_takeover_by_armed_men_stays(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" in types(pipeline, text, trigger), text


@pytest.mark.parametrize(
    "text",
    [
        "He said the rhetoric had fuelled violent attacks against reproductive health services.",
        "Police tied the suspect to four sniper attacks on vaccination programmes.",
    ],
)
def test_an_attack_noun_a_weapon_or_violence_qualifies_is_violence(pipeline: Pipeline, text: str) -> None:
    assert types(pipeline, text, "attacks") == ["ASSAULT"], text


def test_an_attack_noun_named_by_an_idea_is_no_violence(pipeline: Pipeline) -> None:
    assert types(pipeline, "The budget battle in Congress dragged on for weeks.", "battle") == []


def test_a_protest_is_no_diplomatic_event() -> None:
    from wiresift.nlp.events import acled

    assert not acled.fits("PROTEST", "Diplomatic event")
    assert acled.fits("PROTEST", "Looting/property destruction")  # its sentence may tell a looting


def test_a_person_sought_is_no_intent_to_cooperate(pipeline: Pipeline) -> None:
    text = "The former accountant is being sought by the police as a witness in the fraud case."
    assert types(pipeline, text, "sought") == []
    # an event sought stays what it is
    assert types(pipeline, "The rebels are seeking a ceasefire before the harvest.", "ceasefire") == [
        "RETREAT"
    ]


def test_a_scene_caught_on_video_is_filmed(pipeline: Pipeline) -> None:
    text = "The lawyer described the June scuffle, which a neighbour captured on video."
    assert types(pipeline, text, "captured") == []
    assert types(pipeline, "Rebels captured the town on Tuesday.", "captured") == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister welcomed the Finnish president in Lisbon on Tuesday.",
        "President Ana Ruiz gave a warm welcome on Monday to Kenyan leader Paul Odera.",
    ],
)
def test_a_guest_welcomed_is_a_visit_hosted(pipeline: Pipeline, text: str) -> None:
    assert types(pipeline, text, "welcome") == ["CONSULT"], text


def test_an_idea_welcomed_is_praised(pipeline: Pipeline) -> None:
    assert types(pipeline, "The minister welcomed the court's decision on Friday.", "welcome") == ["SUPPORT"]


def test_a_fight_a_group_noun_names_stays_violence(pipeline: Pipeline) -> None:
    text = "Aid groups counted the civilian casualties inflicted by the coalition fighting in the north."
    assert types(pipeline, text, "fighting") == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The banker is battling extradition to Portugal.", "battling"),
        ("The senator fought the charges in court for two years.", "fought"),
    ],
)
def test_fighting_an_act_that_is_no_violence_opposes_it(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" not in types(pipeline, text, trigger), text
