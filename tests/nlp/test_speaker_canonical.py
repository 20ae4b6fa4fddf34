"""Canonical speakers (issue #11): a lone surname speaks for the full name it belongs to, a report in
an adjunct clause with its own subject keeps it, a reporter's adjunct climbs over the passive clause
it reports, and a two-subject parse slip takes the name.
Invented sentences only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import by_cue, quotes_of
from spacy.tokens import Doc

from wiresift.model import Entity
from wiresift.nlp.entities.coref_rules import Speaker, full_person, named_at
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.speaker import own_subject

if TYPE_CHECKING:
    from spacy.language import Language


def _index(*people: tuple[str, str, list[tuple[int, int]]]) -> EntityIndex:
    index = EntityIndex()
    for eid, name, mentions in people:
        index.entities[eid] = Entity(id=eid, name=name, type="PERSON")
        for start, end in mentions:
            index.add(start, end, eid)
    return index


def test_lone_surname_is_the_one_full_name() -> None:
    index = _index(("e1", "Ann Roe", [(0, 7)]), ("e2", "Roe", [(50, 53)]), ("e3", "Bo Lind", [(20, 27)]))
    assert full_person(index, "e2", 50) == "e1"
    assert named_at(index, Speaker(50, 53, "roe", 50, 53)) == "e1"
    assert full_person(index, "e3", 20) == "e3"  # a full name stays itself


def test_namesakes_give_the_surname_to_the_one_mentioned_last() -> None:
    index = _index(
        ("e1", "Ann Roe", [(0, 7)]), ("e2", "Bo Roe", [(30, 36)]), ("e3", "Roe", [(80, 83), (200, 203)])
    )
    assert full_person(index, "e3", 80) == "e2"
    index.add(120, 127, "e1")
    assert full_person(index, "e3", 200) == "e1"
    assert full_person(index, "e3", 0) is None  # none named before: no guess (abstain)


def test_report_in_an_adjunct_keeps_its_own_named_source(pipeline: Pipeline) -> None:
    text = (
        "Wendell Pruitt said he first raised the delay with the ministry in August, after the Harbor "
        "Ledger reported the grant had been frozen."
    )
    reported = by_cue(quotes_of(pipeline, text), "reported")
    assert reported.speaker_name == "Harbor Ledger"


def test_reporters_adjunct_climbs_over_the_passive_clause_it_reports(pipeline: Pipeline) -> None:
    text = (
        "Orsolya Brandt said that the reserve battalion could be moved to the capital, warning: "
        "“They are already waiting at the depot and ready to move.”"
    )
    warned = by_cue(quotes_of(pipeline, text), "warning")
    assert warned.speaker_mention is not None and warned.speaker_mention.text == "Orsolya Brandt"


def test_surname_after_two_namesakes_speaks_for_the_one_named_last(pipeline: Pipeline) -> None:
    text = (
        "Doreen Vasquez and her son, Mateo Vasquez, run the bakery on Elm Street.\n\n"
        "Mateo Vasquez took over the ovens last year.\n\n"
        "Vasquez said the flour price had doubled since spring."
    )
    said = by_cue(quotes_of(pipeline, text), "said")
    assert said.speaker_name == "Mateo Vasquez"


def test_two_subjects_take_the_name_next_to_the_verb(nlp: Language) -> None:
    # "City parks chief Ann Roe has cited a survey" parsed with "parks" and "Roe" both subjects
    words = ["City", "parks", "chief", "Ann", "Roe", "has", "cited", "a", "survey"]
    heads = [1, 6, 4, 4, 6, 6, 6, 8, 6]
    deps = ["compound", "nsubj", "compound", "compound", "nsubj", "aux", "ROOT", "det", "dobj"]
    pos = ["PROPN", "NOUN", "NOUN", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject = own_subject(doc[6], None)
    assert subject is not None and subject.text == "Roe"
