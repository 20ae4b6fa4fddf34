"""Event types on invented sentences: how the CAMEO patterns read the parse, nominalisations after
support verbs, relaxed measures, demands in reported speech, refusals, strikes and gatherings."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Event
from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def main_event(pipeline: Pipeline, text: str) -> Event:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == [] and doc.events, text
    return doc.events[0]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo"),
    [
        # a coordinated object is an object: "equipment" codes "returned" as a return of property
        ("The militia returned the trucks and the equipment it had seized.", "returned", "RETREAT", "0842"),
        # a generic object is read by its noun modifier: a mediation effort is a mediation
        ("The Qatari emir launched a mediation effort between the two governments.", "launched",
         "CONSULT", "045"),
        # armed groups are CAMEO's &MILITARY subjects: their surrender is a military retreat
        ("Two hundred rebels surrendered to the army on Friday.", "surrendered", "RETREAT", "0874"),
        # a passive subject is what the verb acts on
        ("Sanctions on the country were lifted by the council on Monday.", "lifted", "RETREAT", "085"),
        # a bare preposition pattern ("attack ... for": criticise) must hang on the verb
        ("A camp for displaced families was attacked by gunmen.", "attacked", "ASSAULT", "190"),
        # CAMEO's own code where the dictionary files the verb under a generic block code
        ("Norwegian diplomats mediated between the rival factions.", "mediated", "CONSULT", "045"),
    ],
)  # fmt: skip
def test_patterns_read_the_parse(
    pipeline: Pipeline, text: str, trigger: str, plover: str, cameo: str
) -> None:
    event = main_event(pipeline, text)
    assert (event.text, event.plover, event.cameo) == (trigger, plover, cameo)


def test_nominalisation_after_a_support_verb(pipeline: Pipeline) -> None:
    event = main_event(pipeline, "The magistrate put the mayor under investigation.")
    assert (event.text, event.plover, event.mode) == ("investigation", "ACCUSE", "investigate")
    # after a verb that does not perform it, the act is faced or avoided: no event of its own
    doc = pipeline(Document(text="The mayor faced an investigation last year.", published="2023-05-02"))
    assert not any(e.text == "investigation" for e in doc.events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The governor shortened the nightly curfew by two hours.", "0813"),
        ("The junta eased emergency measures in the province.", "0814"),
    ],
)
def test_relaxing_a_coercive_measure_is_a_concession(pipeline: Pipeline, text: str, cameo: str) -> None:
    event = main_event(pipeline, text)
    assert (event.plover, event.cameo) == ("CONCEDE", cameo)


def test_what_another_must_do_is_a_demand(pipeline: Pipeline) -> None:
    event = main_event(pipeline, "The foreign minister said Ruritania must hand over the suspects.")
    assert (event.text, event.plover) == ("hand over", "REQUEST")
    assert event.source is not None and event.source.text == "foreign minister"


def test_refusal_under_a_condition(pipeline: Pipeline) -> None:
    event = main_event(pipeline, "Jordan said it will not accept more refugees if the war spreads.")
    assert (event.text, event.plover) == ("accept", "REJECT")
    # failing to agree is no refusal
    event = main_event(pipeline, "The two delegations could not agree on the border line.")
    assert event.plover != "REJECT"


def test_strikes_and_gatherings_are_protests(pipeline: Pipeline) -> None:
    strike = main_event(pipeline, "Dock workers went on strike at the port on Monday.")
    assert (strike.text, strike.plover, strike.cameo) == ("strike", "PROTEST", "143")
    crowd = main_event(pipeline, "Hundreds of protesters gathered outside the ministry.")
    assert (crowd.text, crowd.plover) == ("gathered", "PROTEST")


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        # a pattern's two prepositional phrases must both be there: "arrive (in) (for consultation)"
        ("The French minister arrived in Algiers for consultations on Monday.", "arrived", "046"),
        ("The French minister arrived in Algiers on Monday.", "arrived", "040"),
        # "ties" and "relations" are the same word to the patterns ("upgrade relations")
        ("Two neighbouring states upgraded their diplomatic ties on Tuesday.", "upgraded", "050"),
        # a dictionary verb phrase whose preposition the parse hangs on the verb ("side with")
        ("Syria sided with Iran in the dispute over the pipeline.", "sided with", "050"),
        # a pattern's particle and object read by the parse as a preposition and its object
        ("The French president embarked on a trip across Asia.", "embarked", "042"),
        # a phrase object ("{NO &EVIDENCE}") needs its modifiers; its head alone is another pattern's
        ("The inspectors found no evidence of weapons.", "found", "080"),
        ("The inspectors found evidence of chemical weapons.", "found", "090"),
        # a phrase object's head still matches where no pattern matches in full
        ("Police thwarted an attempt to kill the governor.", "thwarted", "185"),
        # a disaster word as the object leaves the verb its own code
        ("The army imposed an information blackout on the northern region.", "imposed", "170"),
    ],
)  # fmt: skip
def test_dictionary_patterns_as_written(pipeline: Pipeline, text: str, trigger: str, cameo: str) -> None:
    event = main_event(pipeline, text)
    assert (event.text, event.cameo) == (trigger, cameo)


def test_verb_phrase_object_follows_its_preposition(pipeline: Pipeline) -> None:
    # "go to" + "poll" is the dictionary's non-event: voting is no visit
    doc = pipeline(
        Document(text="Voters in the province went to the polls on Sunday.", published="2023-05-02")
    )
    assert doc.events == []
    # a particle word with an object of its own is a preposition: "given in support" is no "give in"
    text = "The statement given in support of the plan was read out."
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert not any(e.plover == "CONCEDE" for e in doc.events)
    assert main_event(pipeline, "The government finally gave in to the strikers.").plover == "CONCEDE"


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # the patterns' object is what a quantity counts: "dozens of prisoners" are prisoners
        ("The rebels released dozens of prisoners on Sunday.", "RETREAT", "0841"),
        ("The government expelled hundreds of diplomats.", "SANCTION", "161"),
    ],
)  # fmt: skip
def test_pattern_object_inside_a_quantity(pipeline: Pipeline, text: str, plover: str, cameo: str) -> None:
    event = main_event(pipeline, text)
    assert (event.plover, event.cameo) == (plover, cameo)


def test_disaster_harm_is_no_assault_even_through_a_pattern(pipeline: Pipeline) -> None:
    for text in ("Floods swept through villages in the north.", "A cyclone destroyed thousands of homes."):
        doc = pipeline(Document(text=text, published="2023-05-02"))
        assert not any(e.plover == "ASSAULT" for e in doc.events), text
