"""Which argument is the target (issue #14): a light verb's dative or aimed preposition is its noun's
target, an event noun or a land noun is none, a doer's own act is none of theirs (invented sentences)."""

from __future__ import annotations

from events_support import coded, text_of

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_a_light_verbs_dative_is_the_nouns_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Denmark will give Ghana a grant of 30 million dollars next year.")
    grant = found["grant"]
    assert text_of(grant.source) == "Denmark"
    assert text_of(grant.target) == "Ghana"


def test_a_light_verbs_to_object_is_the_nouns_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "The prime minister gave a cordial welcome on Friday to Chilean leader Marco Ruiz."
    )
    welcome = found["welcome"]
    assert welcome.target is not None and welcome.target.text.endswith("Marco Ruiz")


def test_the_object_of_a_dative_to_is_the_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Poland offered support to Lithuania after the incident.")
    assert text_of(found["offered"].target) == "Lithuania"


def test_the_doers_own_act_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Ukrainian officials said the troops completed their withdrawal on Sunday.")
    completed = found["completed"]
    assert completed.plover == "RETREAT" and text_of(completed.source) == "troops"
    assert completed.target is None


def test_an_event_the_demand_is_made_at_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "Striking miners demanded the dismissal of Energy Minister Paul Okoro at the meeting in Kitwe.",
    )
    demanded = found["demanded"]
    assert demanded.plover == "REQUEST"
    assert text_of(demanded.target) == "Energy Minister Paul Okoro"


def test_a_border_an_attack_took_place_on_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Chadian troops overran a rebel stronghold on the Sudanese border on Monday.")
    captured = found["overran"]
    assert captured.plover == "ASSAULT"
    assert captured.target is None or "border" not in captured.target.text


def test_an_event_naming_its_doer_keeps_the_doer_as_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Beijing condemned a Tarvo court ruling that struck down the ban.")
    denounced = found["condemned"]
    assert denounced.target is not None and "court" in denounced.target.text


def test_what_is_given_in_exchange_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Two aid workers were released on Friday in exchange for four Taliban fighters."
    )
    released = found["released"]
    assert released.target is not None and "aid workers" in released.target.text


def test_the_victims_of_a_killing_are_not_the_source_of_what_it_drew(pipeline: Pipeline) -> None:
    doc, _ = coded(
        pipeline, "The killing of three aid workers by gunmen in Darfur drew condemnation on Monday."
    )
    assert all(e.source is None or "killing" not in e.source.text for e in doc.events)


def test_a_strait_a_state_threatens_to_close_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Iran threatened to close the Strait of Hormuz.")
    threatened = found["threatened"]
    assert text_of(threatened.source) == "Iran"
    assert threatened.target is None


def test_the_one_a_threats_condition_names_is_its_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The union threatened to strike if the company cut wages again.")
    threatened = found["threatened"]
    assert threatened.plover == "THREATEN" and text_of(threatened.source) == "union"
    assert text_of(threatened.target) == "company"
    _, found = coded(pipeline, "The minister threatened to resign if the budget failed.")
    assert found["threatened"].target is None  # a budget is no one threatened


def test_the_sources_own_envoy_is_no_target_the_state_left_is(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Tarvia recalled its ambassador from Belmark after the expulsion of two diplomats."
    )
    recalled = found["recalled"]
    assert text_of(recalled.source) == "Tarvia" and text_of(recalled.target) == "Belmark"
    _, found = coded(pipeline, "The two captives urged their families to stay calm.")
    assert text_of(found["urged"].target) == "families"  # whom a request is made of


def test_whom_an_agreed_event_is_with_stays_the_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The rebels agreed to a ceasefire with the government after talks in Nairobi.")
    assert text_of(found["agreed"].target) == "government"


def test_the_noun_a_passive_participle_modifies_undergoes_it(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "A French aid worker kidnapped in Niger last month has been freed, officials said."
    )
    kidnapped = found["kidnapped"]
    assert kidnapped.target is not None and kidnapped.target.text.endswith("aid worker")


def test_a_named_scene_does_not_displace_the_people_an_act_is_done_to(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Militants handed over two hostages in Helmand province on Friday.")
    handed = found["handed over"]
    assert text_of(handed.target) == "two hostages"  # not the province, where it happened
