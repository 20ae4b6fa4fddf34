""" "According to X" as an aside between commas: the sentence around it is what X says."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline


def test_aside_after_a_fronted_phrase_reports_the_whole_sentence(pipeline: Pipeline) -> None:
    text = (
        "Since last spring, according to the Harbor Watch group, port police have detained more than "
        "300 dock workers in the eastern district."
    )
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text.startswith("Since last spring") and q.text.endswith("in the eastern district")
    assert speaker(q) == "the Harbor Watch group"


def test_aside_after_the_subject_reports_the_whole_sentence(pipeline: Pipeline) -> None:
    text = "The dam, according to engineers at the ministry, will be finished by 2031."
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text == "The dam, according to engineers at the ministry, will be finished by 2031"


def test_aside_after_a_whole_clause_reports_that_clause(pipeline: Pipeline) -> None:
    text = (
        "The harbour board is reviewing the ferry operator's licence, according to three officials "
        "briefed on the review, raising fresh doubts about the company's future."
    )
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text == "The harbour board is reviewing the ferry operator's licence"


def test_a_speech_verb_keeps_its_own_subject_before_a_trailing_according_to(pipeline: Pipeline) -> None:
    text = (
        "Senator Dana Whitfield spoke at the county fair on Saturday. "
        '"We have to fix the roads before the winter comes," Whitfield said, according to the Ridgeway Courier.'
    )
    quotes = quotes_of(pipeline, text)
    assert speaker(by_cue(quotes, "said")) == "Whitfield"
    # the "according to" report, whose content holds "Whitfield said", stays the paper's
    assert speaker(by_cue(quotes, "according to")) == "the Ridgeway Courier"


def test_only_a_person_keeps_the_speech_before_a_trailing_according_to(pipeline: Pipeline) -> None:
    # a share of respondents is no person: the finding stays the pollster's
    text = '"The levy is too high," 61 percent of respondents said, according to the Harlow Institute.'
    assert speaker(by_cue(quotes_of(pipeline, text), "said")) == "the Harlow Institute"
