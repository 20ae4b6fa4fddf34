"""Indirect reports: content boundaries, learned patterns, passive asking, colons, expectations, nesting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import by_cue, quotes_of, speaker

from wiresift.model import Document
from wiresift.nlp.entities import build
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.cues import PATTERNS, complements, subject_group
from wiresift.nlp.quotes.extractor import Extractor
from wiresift.nlp.quotes.indirect import HAND_CUES

if TYPE_CHECKING:
    from spacy.language import Language


def test_conjoined_reporting_verb_is_cut_off_and_keeps_the_outer_speaker(pipeline: Pipeline) -> None:
    text = "Smith said he would launch a review of the defenses and warned against hackers from abroad."
    qs = quotes_of(pipeline, text)
    said, warned = by_cue(qs, "said"), by_cue(qs, "warned")
    assert said.text == "he would launch a review of the defenses"
    assert warned.text == "hackers from abroad" and speaker(warned) == "Smith"


def test_citing_participle_is_its_own_report(pipeline: Pipeline) -> None:
    qs = quotes_of(
        pipeline, "Jones said rising fuel prices have hurt the farmers of the valley, citing a new report."
    )
    assert by_cue(qs, "said").text == "rising fuel prices have hurt the farmers of the valley"
    citing = by_cue(qs, "citing")
    assert citing.text == "a new report" and speaker(citing) == "Jones"


def test_non_restrictive_relative_clause_is_not_said(pipeline: Pipeline) -> None:
    qs = quotes_of(
        pipeline, "The experts praised the mayor's budget proposals, which include a new tax on vacant homes."
    )
    assert by_cue(qs, "praised").text == "the mayor's budget proposals"


def test_concession_after_a_comma_is_not_said(pipeline: Pipeline) -> None:
    text = "The governor said that the bridge was safe, although engineers had found cracks in two piers."
    assert by_cue(quotes_of(pipeline, text), "said").text == "that the bridge was safe"


def test_second_report_with_its_own_subject_is_split_off(pipeline: Pipeline) -> None:
    text = "Officials said the port would reopen on Monday, and the coast guard warned that more storms were coming."
    qs = quotes_of(pipeline, text)
    said, warned = by_cue(qs, "said"), by_cue(qs, "warned")
    assert said.text == "the port would reopen on Monday" and speaker(said) == "Officials"
    assert warned.text == "that more storms were coming" and speaker(warned) == "the coast guard"


def test_object_takes_what_the_blame_is_for_but_not_when(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "Senator Alvarez blamed the agency for delaying the flood warnings.")
    assert by_cue(qs, "blamed").text == "the agency for delaying the flood warnings"
    qs = quotes_of(pipeline, "Senator Alvarez criticized the new budget on Tuesday.")
    assert by_cue(qs, "criticized").text == "the new budget"


def test_infinitive_takes_the_bare_verbs_the_parse_hung_elsewhere(pipeline: Pipeline) -> None:
    qs = quotes_of(
        pipeline, "The mayor wants to expand the bus network, hire more drivers and build a new depot."
    )
    assert by_cue(qs, "wants").text == "to expand the bus network, hire more drivers and build a new depot"


def test_passive_asking_has_the_asker_or_no_speaker(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "The general was asked whether the troops would stay in the region.")
    asked = by_cue(qs, "asked")
    assert asked.text == "whether the troops would stay in the region" and asked.speaker_mention is None
    qs = quotes_of(pipeline, "The envoy was asked by a reporter whether the talks had failed.")
    assert speaker(by_cue(qs, "asked")) == "a reporter"


def test_what_follows_a_colon_is_said(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "The governor added: It is typical of her. She knows nothing about the border.")
    added = by_cue(qs, "added")
    assert added.text == "It is typical of her. She knows nothing about the border."
    assert speaker(added) == "The governor"


def test_expectation_is_a_report_without_source(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "The new border rules are expected to take effect before the election.")
    q = by_cue(qs, "expected")
    assert q.text == "The new border rules are expected to take effect before the election"
    assert q.speaker_mention is None


def test_learned_pattern_reports_an_object(pipeline: Pipeline) -> None:
    assert "welcome" not in HAND_CUES and "welcome:dobj" in PATTERNS["pers"]
    qs = quotes_of(pipeline, "Senator Ruiz welcomed the decision to reopen the harbor.")
    q = by_cue(qs, "welcomed")
    assert q.text == "the decision to reopen the harbor" and speaker(q) == "Senator Ruiz"


def test_without_patterns_the_learned_report_is_gone(pipeline: Pipeline) -> None:
    text = "Senator Ruiz welcomed the decision to reopen the harbor."
    doc = pipeline(Document(text=text))
    sdoc = pipeline.nlp(text)
    index = build(doc, sdoc)
    learned = Extractor(doc, sdoc, index).run()
    assert [f for f in learned if f.cue is not None and f.cue.text == "welcomed"]
    none = Extractor(doc, sdoc, index, patterns={"pers": frozenset(), "noun": frozenset()}).run()
    assert [f for f in none if f.cue is not None and f.cue.text == "welcomed"] == []


def test_learned_report_inside_a_quote_is_dropped(pipeline: Pipeline) -> None:
    text = "\u201cThe council will welcome the decision to reopen the harbor next spring,\u201d Ortiz said."
    qs = quotes_of(pipeline, text)
    assert [q.kind for q in qs] == ["direct"] and speaker(qs[0]) == "Ortiz"


def test_speech_inside_a_report_is_its_own_but_a_stance_is_not(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "The aide said the minister told the committee that the plan was dead.")
    told = by_cue(qs, "told")
    assert told.text == "that the plan was dead" and speaker(told) == "the minister"
    qs = quotes_of(pipeline, "The aide said she believes the plan is dead.")
    assert [q.cue for q in qs] == ["said"]


def test_transcript_turn_owns_what_is_quoted_in_it(pipeline: Pipeline) -> None:
    text = "KERR: Well, look, the minister apparently thinks this drill is a \u201croutine exercise\u201d and nothing more."
    qs = quotes_of(pipeline, text)
    assert qs and all(speaker(q) == "KERR" for q in qs)


def test_subject_groups_and_complements(nlp: Language) -> None:
    doc = nlp("Senator Ruiz welcomed the plan. The report backed the ban. A ban was backed by voters.")
    welcomed, backed, passive = (t for t in doc if t.lemma_ in ("welcome", "back"))
    assert subject_group(welcomed) == "pers" and subject_group(backed) == "noun"
    assert subject_group(passive) is None
    assert [name for name, _ in complements(welcomed)] == ["dobj"]
    assert complements(passive) == []  # the "by" phrase is an agent, not a complement


def test_expectation_in_a_relative_clause_is_an_aside(pipeline: Pipeline) -> None:
    text = "The ferry company, which is expected to cut hundreds of jobs this winter, confirmed the sale."
    assert [q.cue for q in quotes_of(pipeline, text) if q.cue == "expected"] == []


def test_named_thing_reports_clauses_not_its_sales(nlp: Language, pipeline: Pipeline) -> None:
    doc = nlp("Google is offering a discount on its tablets. Senator Ruiz offered a compromise.")
    offers, offered = (t for t in doc if t.lemma_ == "offer")
    assert subject_group(offers, by_type=True) == "thing" and subject_group(offers) == "pers"
    assert subject_group(offered, by_type=True) == "pers"
    shop = "Google is offering a discount of forty dollars on its newest tablet this week."
    assert [q.cue for q in quotes_of(pipeline, shop)] == []
    deal = "Senator Ruiz offered a compromise on the school budget late on Monday night."
    assert [q.cue for q in quotes_of(pipeline, deal)] == ["offered"]


def test_focusing_on_a_topic_is_no_report(pipeline: Pipeline) -> None:
    text = "The nurses on the night shift focused on the older patients in the eastern ward."
    assert [q.cue for q in quotes_of(pipeline, text)] == []
    text = "The senator talked about the new tax on vacant homes at the town hall on Monday."
    assert [q.cue for q in quotes_of(pipeline, text)] == ["talked"]
