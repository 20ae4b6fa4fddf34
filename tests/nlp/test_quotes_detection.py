"""Attributions the rules used to miss (#11): a fronted report when the parse runs over the paragraph
break after it, a subject the parse hung on the line above, framed short quotes, passive reports and
hearsay adverbs with no source, settings before a verb's own argument, and newswire-archive marks."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.marks import marked_spans


def test_a_fronted_report_keeps_its_clause_when_the_next_paragraph_is_a_quote(pipeline: Pipeline) -> None:
    text = (
        "Now that the harvest is in, bakers should see flour prices ease before spring, said Marta "
        "Quell, a buyer for Dunlin Inc.\n\n“Farmers are holding back their grain for now,” she said."
    )
    quotes = quotes_of(pipeline, text)
    fronted = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in fronted] == [
        "Now that the harvest is in, bakers should see flour prices ease before spring"
    ]
    assert "Marta Quell" in (speaker(fronted[0]) or "")
    assert any(q.kind == "direct" and q.text.startswith("“Farmers") for q in quotes)


def test_a_subject_hung_on_an_unstopped_line_above_still_speaks(pipeline: Pipeline) -> None:
    text = (
        "“… no ferry for the fishermen until May”\n\n"
        "The harbour master, who has kept the quay for thirty years, said that the council had "
        "“made the whole story up.”"
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.kind == "mixed" and q.text.startswith("that the council had")
    assert "harbour master" in (speaker(q) or "")


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
        "Roughly forty trawlers are thought to be stuck behind the ice.\n\n"
        "The closure of the pool is seen as a mistake.\n\n"
        "The general is said to be in poor health after the crash.\n\n"
        "The man was seen leaving the building at noon.\n\n"
        "He was reported to the police by his neighbour."
    )
    quotes = quotes_of(pipeline, text)
    assert [q.cue for q in quotes] == ["thought", "seen", "said"], [(q.cue, q.text) for q in quotes]
    assert all(q.speaker_mention is None and q.speaker is None for q in quotes)
    assert quotes[0].text == "Roughly forty trawlers are thought to be stuck behind the ice"
    assert [q.mode for q in quotes] == ["belief", "belief", "statement"]


def test_hearsay_adverbs_attribute_their_clause_to_no_one(pipeline: Pipeline) -> None:
    text = (
        "The ferry company reportedly cut its winter timetable to save fuel.\n\n"
        '"We reportedly have the best team," she said.'
    )
    quotes = quotes_of(pipeline, text)
    q = by_cue(quotes, "reportedly")
    assert q.text == "The ferry company reportedly cut its winter timetable to save fuel"
    assert q.speaker_mention is None and q.mode == "belief"  # (the learned table's mode of "reportedly")
    assert by_cue(quotes, "said").kind == "direct"


def test_an_object_content_walks_over_a_setting_to_the_verbs_own_argument(pipeline: Pipeline) -> None:
    text = (
        "The ministries accused the forces in southern Ruritania of controlling armed gangs.\n\n"
        "He thanked the nurses at the clinic for their care during the storm.\n\n"
        "She praised the workers in Ohio."
    )
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "accused").text == "the forces in southern Ruritania of controlling armed gangs"
    assert by_cue(quotes, "thanked").text == "the nurses at the clinic for their care"
    assert by_cue(quotes, "praised").text == "the workers"


def test_backticks_open_a_quote_that_two_apostrophes_close() -> None:
    text = "``It allows us to find him,'' said Inspector Dave Brown. He warned against ``haste'' too."
    spans = [(text[m.start : m.end], m.closed) for m in marked_spans(text)]
    assert spans == [("``It allows us to find him,''", True), ("``haste''", True)]


def test_a_newswire_archive_quote_is_one_direct_quote(pipeline: Pipeline) -> None:
    text = (
        "``Open the gates,'' the dock workers chanted. Later some eighty of them walked to the town hall. "
        "The mayor's office says it will meet them on Friday."
    )
    quotes = quotes_of(pipeline, text)
    chanted = by_cue(quotes, "chanted")
    assert chanted.kind == "direct" and chanted.text == "``Open the gates,''"
    assert speaker(chanted) == "the dock workers"
    assert by_cue(quotes, "says").text == "it will meet them on Friday"
