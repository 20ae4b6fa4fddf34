"""Attributions the rules used to miss (#11): a fronted report when the parse runs over the paragraph
break after it, a subject the parse hung on the line above, framed short quotes, passive reports and
hearsay adverbs with no source, settings before a verb's own argument, and newswire-archive marks."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.marks import marked_spans


def test_a_fronted_report_keeps_its_clause_when_the_next_paragraph_is_a_quote(pipeline: Pipeline) -> None:
    text = (
        "While the yen was helped by recent data, the currency may be in for some weakness, said "
        "John Smith, a trader at Acme Inc.\n\n“Central banks cannot provide that much help,” he said."
    )
    quotes = quotes_of(pipeline, text)
    fronted = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in fronted] == [
        "While the yen was helped by recent data, the currency may be in for some weakness"
    ]
    assert "John Smith" in (speaker(fronted[0]) or "")
    assert any(q.kind == "direct" and q.text.startswith("“Central banks") for q in quotes)


def test_a_subject_hung_on_an_unstopped_line_above_still_speaks(pipeline: Pipeline) -> None:
    text = (
        "“… keep the people of the valley away from the border”\n\n"
        "A reporter's source inside the camp, a farmer who asked not to be named, said that the "
        "ministry's claim is “plainly not true.”"
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.kind == "mixed" and q.text.startswith("that the ministry's claim is")
    assert "source" in (speaker(q) or "")


def test_a_short_quote_after_as_closes_a_framed_object(pipeline: Pipeline) -> None:
    text = 'Senator Ann Brown further described the plan to close the plant as "plainly reckless."'
    (q,) = quotes_of(pipeline, text)
    assert q.kind == "mixed" and q.text.startswith("the plan to close the plant as")
    assert speaker(q) == "Senator Ann Brown"


def test_a_short_sentence_quote_after_a_report_verb_stays_direct(pipeline: Pipeline) -> None:
    (q,) = quotes_of(pipeline, 'He told reporters "We will win."')
    assert q.kind == "direct" and q.text == '"We will win."'


def test_passive_reports_with_no_agent_are_attributions_of_no_one(pipeline: Pipeline) -> None:
    text = (
        "Some 300 soldiers are believed to remain at the base.\n\n"
        "The move has been seen as a blow to the mayor's authority.\n\n"
        "The general is said to be in poor health after the crash.\n\n"
        "The man was seen leaving the building at noon.\n\n"
        "He was reported to the police by his neighbour."
    )
    quotes = quotes_of(pipeline, text)
    assert [q.cue for q in quotes] == ["believed", "seen", "said"], [(q.cue, q.text) for q in quotes]
    assert all(q.speaker_mention is None and q.speaker is None for q in quotes)
    assert quotes[0].text == "Some 300 soldiers are believed to remain at the base"
    assert [q.mode for q in quotes] == ["belief", "belief", "statement"]


def test_hearsay_adverbs_attribute_their_clause_to_no_one(pipeline: Pipeline) -> None:
    text = (
        "The army in the north reportedly has been training local militias to fight the rebels.\n\n"
        '"We reportedly have the best team," she said.'
    )
    quotes = quotes_of(pipeline, text)
    q = by_cue(quotes, "reportedly")
    assert q.text == "The army in the north reportedly has been training local militias to fight the rebels"
    assert q.speaker_mention is None and q.mode == "belief"  # (the learned table's mode of "reportedly")
    assert by_cue(quotes, "said").kind == "direct"


def test_an_object_content_walks_over_a_setting_to_the_verbs_own_argument(pipeline: Pipeline) -> None:
    text = (
        "The ministries accused the forces in southern Ruritania of controlling armed gangs.\n\n"
        "He thanked the staff at the hospital for their care during the storm.\n\n"
        "She praised the workers in Ohio."
    )
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "accused").text == "the forces in southern Ruritania of controlling armed gangs"
    assert by_cue(quotes, "thanked").text == "the staff at the hospital for their care"
    assert by_cue(quotes, "praised").text == "the workers"


def test_backticks_open_a_quote_that_two_apostrophes_close() -> None:
    text = "``It allows us to find him,'' said Inspector Dave Brown. He warned against ``haste'' too."
    spans = [(text[m.start : m.end], m.closed) for m in marked_spans(text)]
    assert spans == [("``It allows us to find him,''", True), ("``haste''", True)]


def test_a_newswire_archive_quote_is_one_direct_quote(pipeline: Pipeline) -> None:
    text = (
        "``Stop the fighting now,'' the protesters chanted. Meanwhile a few hundred people marched to "
        "the embassy. Police say they are trying to restore order."
    )
    quotes = quotes_of(pipeline, text)
    chanted = by_cue(quotes, "chanted")
    assert chanted.kind == "direct" and chanted.text == "``Stop the fighting now,''"
    assert speaker(chanted) == "the protesters"
    assert by_cue(quotes, "say").text == "they are trying to restore order"
