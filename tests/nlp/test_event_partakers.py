"""Who acts and where, on invented sentences (issue #14, session 12): a time the parse makes a subject,
who backs an act, who takes part in a meeting a clause's adjunct names, a speaker's own "must", and the
place of a meeting harm happens during (:mod:`~wiresift.nlp.events.subjects`,
:mod:`~wiresift.nlp.events.scenes`)."""

from __future__ import annotations

from events_support import coded, place_name, text_of

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_a_time_the_parse_makes_a_subject_gives_way_to_the_person(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The following year retired general Omar Sese visited Jordan.")
    assert text_of(found["visited"].source) == "retired general Omar Sese"


def test_who_endorses_an_attack_does_not_make_it(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "In 2011 Norland endorsed the invasion of Tarvia by its neighbour.")
    invasion = found["invasion"]
    assert invasion.source is None or "Norland" not in invasion.source.text


def test_a_meeting_in_a_clauses_adjunct_is_held_by_its_subject(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "During talks with Turkish envoy Ali Demir on Tuesday, Ghanaian President Kofi Mensah said Turkey would help.",
    )
    assert text_of(found["talks"].source) == "Ghanaian President Kofi Mensah"


def test_talks_before_an_attack_are_not_held_by_the_attackers(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "After talks in Geneva, the rebels attacked a checkpoint.")
    assert found["talks"].source is None


def test_a_speakers_own_must_is_no_demand(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The farmers' union said it must cut imports of rice this year.")
    assert "cut" not in found
    _, other = coded(pipeline, "Russia said Sudan must return the helicopter.")
    demand = other["return"]
    assert (
        demand.plover == "REQUEST"
        and text_of(demand.source) == "Russia"
        and text_of(demand.target) == "Sudan"
    )


def test_harm_during_a_meeting_is_not_placed_at_the_meeting(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "During the summit in Oslo, rebels attacked an army convoy.")
    assert place_name(doc, found["attacked"]) is None
    assert place_name(doc, found["summit"]) == "Oslo"
    doc, found = coded(pipeline, "Police arrested 20 people during protests in Lagos on Friday.")
    assert place_name(doc, found["arrested"]) == "Lagos"  # arrests during protests share their place


def test_an_event_noun_of_since_takes_no_place_of_the_clause_it_times(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "Since the bomb attack in May, police have arrested dozens of suspects in Leeds."
    )
    assert place_name(doc, found["arrested"]) == "Leeds"
    assert place_name(doc, found["attack"]) is None


def test_an_untyped_name_undergoing_an_arrest_is_its_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Trazzoni, 29, was arrested Wednesday at Pinecrest Elementary School in Dunmore."
    )
    assert text_of(found["arrested"].target) == "Trazzoni"


def test_the_attackers_country_is_not_where_the_attack_struck(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Russia's army shelled the town on Monday.")
    assert place_name(doc, found["shelled"]) is None
    doc, found = coded(pipeline, "UK drone strikes killed six fighters on Sunday.")
    assert text_of(found["strikes"].source) == "UK"
    assert place_name(doc, found["strikes"]) is None and place_name(doc, found["killed"]) is None
    doc, found = coded(pipeline, "Nigerian troops killed ten militants on Friday.")
    assert place_name(doc, found["killed"]) is None  # the troops' nationality says who, not where


def test_the_country_owning_a_title_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "Ghana's first elected president, Ama Boateng, was detained in June soon after judges of the "
        "country's High Court removed her from office.",
    )
    assert place_name(doc, found["removed"]) is None


def test_a_nationality_on_a_building_or_a_ship_says_whose_not_where(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Protesters gathered outside the French embassy and burned flags.")
    assert place_name(doc, found["gathered"]) is None
    doc, found = coded(pipeline, "Troops massed near the Syrian border on Monday.")
    assert place_name(doc, found["massed"]) == "Syria"  # on land, a nationality says where


def test_an_infinitive_of_purpose_on_the_object_is_done_by_the_sender(pipeline: Pipeline) -> None:
    # the parse hangs "to help" on "material" as a relative clause: the sender still helps
    _, found = coded(
        pipeline,
        "Norway is ready to ship equipment to help protect Estonia if it is invaded, Norway's "
        "defence minister said.",
    )
    assert text_of(found["help"].source) == "Norway"
