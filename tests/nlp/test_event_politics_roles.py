"""Who acts and where, on invented sentences in the register of political news (issue #14, the events'
arguments): possessive pronouns, a person's office, a town naming an event, the venue of an attack."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from events_support import coded, place_name, text_of

from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_a_possessive_pronoun_refers_to_the_subject_above(pipeline: Pipeline) -> None:
    # "his" is a person's pronoun: it refers to the speaker, not to the meeting that holds it
    _, found = coded(
        pipeline, "Halvard told reporters that his lunch meeting with Cardinal Oduya changed nothing."
    )
    meeting = found["meeting"]
    assert text_of(meeting.source) == "Halvard" and text_of(meeting.target) == "Cardinal Oduya"


def test_a_possessive_pronoun_is_left_unresolved_past_a_rival(pipeline: Pipeline) -> None:
    # "his attacks": Kessler's or Tolliver's; the subject is not taken for it
    _, found = coded(pipeline, "Idaho governor Ray Kessler rebuked Tolliver for his repeated attacks.")
    attacks = found["attacks"]
    assert attacks.source is None or text_of(attacks.source) == "his"


def test_a_place_naming_a_persons_office_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Idaho governor Ray Kessler rebuked Tolliver for his repeated attacks.")
    assert found["attacks"].place is None  # Idaho is Kessler's office, not where the attacks were
    # a force's seat may be the scene
    doc, found = coded(pipeline, "The Kabul police chief said gunmen attacked a checkpoint.")
    assert place_name(doc, found["attacked"]) == "Kabul"


def test_a_town_naming_an_event_noun_is_its_place_not_its_doer(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "Speaking at the Lisbon rally on Friday, Moreno promised cheaper rail fares."
    )
    rally = found["rally"]
    assert rally.source is None and place_name(doc, rally) == "Lisbon"


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("Idaho Sen. Ana Ruiz opened the hearing.", "Idaho", True),
        ("Voters in the north cooled on the Idaho senator.", "Idaho", True),
        ("The Kabul police chief said gunmen attacked a checkpoint.", "Kabul", False),
        ("Moreno spoke in the Utah legislature on Monday.", "Utah", False),
    ],
)
def test_office_tells_a_title_from_a_seat(nlp: Language, text: str, place: str, expected: bool) -> None:
    from wiresift.nlp.events.where import office

    doc = nlp(text)
    tok = next(t for t in doc if t.text == place)
    assert office(tok, tok.idx + len(place)) is expected


def test_a_relative_who_after_a_title_belongs_to_the_named_person(pipeline: Pipeline) -> None:
    # not the region the title names
    _, found = coded(
        pipeline,
        "The plan was mocked by Karl Brenner, chairman of the opposition in Lower Saxony, "
        "who suggested that the minister resign.",
    )
    assert text_of(found["suggested"].source) == "Karl Brenner"


def test_kin_and_a_name_beside_a_noun_make_it_people(pipeline: Pipeline) -> None:
    # the sister is met, not the lunch
    _, found = coded(
        pipeline, "On Sunday Marco Pellegrini met his twin sister, Lucia, for lunch at a harbour cafe."
    )
    assert text_of(found["met"].target) == "twin sister"


def test_whose_remarks_are_condemned_is_the_target_not_their_topic(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Senator Ruiz, who has condemned Moreno's remarks on Cuba, will speak on Friday."
    )
    condemned = found["condemned"]
    assert text_of(condemned.target) == "Moreno"
    assert condemned.place is None  # Cuba is what the remarks are about, not where they were condemned


def test_a_relative_who_after_a_named_person_in_an_of_phrase_is_that_person(pipeline: Pipeline) -> None:
    # the nephew was shot, not his aunt the "of" phrase depends on
    _, found = coded(
        pipeline,
        "Among the speakers was Ana Ruiz, the aunt of Tomas Ruiz, who was shot dead last year by a guard in Idaho.",
    )
    assert text_of(found["shot"].target) == "Tomas Ruiz"


def test_a_time_is_no_target(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "Dana Moreno accepted the award on the closing evening of the Oslo festival.",
    )
    accept = found["accepted"]
    assert accept.target is None and place_name(doc, accept) == "Oslo"


def test_a_participle_or_infinitive_on_a_thing_sent_is_done_by_the_sender(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline,
        "An alliance of twelve unions mailed a petition on Friday asking parliament to freeze rents.",
    )
    assert text_of(found["asking"].source) == "alliance"
    _, found = coded(pipeline, "The ministry issued a statement condemning the attack on the convoy.")
    assert text_of(found["condemning"].source) == "ministry"
    _, found = coded(pipeline, "Only four deputies expressed a readiness to hold talks with the envoy.")
    assert text_of(found["hold"].source) == "Only four deputies"


def test_the_country_of_an_attack_noun_is_its_place_not_its_target(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "The vote comes days after a knife attack in Norway.")
    attack = found["attack"]
    assert attack.target is None and place_name(doc, attack) == "Norway"
