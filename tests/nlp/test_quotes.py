"""Quotes stage on hand-written text: kinds, marks, cues, local speakers and resolved speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.model import Document, Quote
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.marks import marked_spans

FIXTURE = Path(__file__).parents[1] / "fixtures" / "quotes" / "border_pact.txt"


@pytest.fixture(scope="module")
def fixture_doc(pipeline: Pipeline) -> Document:
    return pipeline(Document(text=FIXTURE.read_text(encoding="utf-8")))


def quote_with(doc: Document, words: str) -> Quote:
    found = [q for q in doc.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in doc.quotes]
    return found[0]


def speaker_of(doc: Document, quote: Quote) -> str | None:
    return quote.speaker_name


def test_spans_hold_and_nothing_failed(fixture_doc: Document) -> None:
    assert fixture_doc.errors == []
    assert fixture_doc.check_spans() == []
    assert all(q.stage == "quotes" for q in fixture_doc.quotes)


def test_direct_quote_with_inverted_cue(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "thirty camps")
    assert q.kind == "direct" and q.cue == "said"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Orlov"
    assert q.speaker_name == "Viktor Orlov"
    assert q.text.startswith('"') and q.text.endswith('"')
    assert q.cue_span is not None and fixture_doc.text[slice(*q.cue_span)] == "said"


def test_indirect_quotes_with_that_clause(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "two more battalions")
    assert q.kind == "indirect" and q.cue == "said" and q.speaker_name == "Viktor Orlov"
    q = quote_with(fixture_doc, "most serious challenge")
    assert q.kind == "indirect" and q.cue == "noted" and q.speaker_name == "Ilona Marsh"


def test_nominal_speaker_resolves_to_the_general(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "air patrols")
    assert q.speaker_mention is not None and q.speaker_mention.text == "The Georgian general"
    assert q.speaker_name == "Viktor Orlov"


def test_split_quote_second_half_inherits_the_speaker(fixture_doc: Document) -> None:
    first = quote_with(fixture_doc, "full invasion")
    second = quote_with(fixture_doc, "smuggling routes")
    assert first.speaker_name == second.speaker_name == "Ilona Marsh"
    assert second.speaker_mention == first.speaker_mention


def test_pronoun_speaker_resolves_to_the_previous_speaker(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "first attack")
    assert q.speaker_mention is not None and q.speaker_mention.text == "she"
    assert q.speaker_name == "Ilona Marsh" and q.cue == "added"


def test_curly_quote_with_told(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "every scenario")
    assert q.kind == "direct" and q.cue == "told" and q.speaker_name == "Jussi Laine"


def test_according_to(fixture_doc: Document) -> None:
    q = quote_with(fixture_doc, "4,000 troops")
    assert q.cue == "According to" and q.speaker_name == "Northern Defence Pact"
    assert not q.text.startswith("According")


def test_mixed_quote(pipeline: Pipeline) -> None:
    text = (
        "The minister Anna Berg said that the border talks were “a waste of everybody's time” and would end."
    )
    doc = pipeline(Document(text=text))
    assert [q.kind for q in doc.quotes] == ["mixed"]
    assert doc.quotes[0].speaker_name == "Anna Berg"


def test_multi_paragraph_quote_and_stray_marks_are_tolerated(pipeline: Pipeline) -> None:
    text = (
        'Colonel Petra Ilves said: "The convoy left at dawn and reached the bridge by noon.\n\n'
        '"Then the shelling started and we turned back," she said.\n\n'
        'A stray mark here " does not stop the paragraph from being read.\n\n'
        "Another ” stray closing mark, and an unclosed “opening one that runs on to the end"
    )
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    first = quote_with(doc, "convoy left")
    assert first.speaker_name == "Petra Ilves"
    second = quote_with(doc, "shelling started")
    assert second.speaker_name == "Petra Ilves"


def test_marked_spans_never_refuse_a_paragraph() -> None:
    text = 'He said "one two three.\nA closing” only.\n“Open and “open again” end.'
    spans = marked_spans(text)
    assert [(s.closed, text[s.start : s.end]) for s in spans] == [
        (False, '"one two three.'),
        (True, "A closing”"),
        (False, "“Open and"),
        (True, "“open again”"),
    ]


def test_no_quotes_in_plain_reporting(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="Troops crossed the river on Monday. The bridge was closed for repairs."))
    assert doc.quotes == []


def test_prepositional_and_stance_cues(pipeline: Pipeline) -> None:
    text = (
        "Senator Maria Olsen called for an immediate ceasefire along the northern border.\n\n"
        "Olsen wants a new inquiry into the supply contracts."
    )
    doc = pipeline(Document(text=text))
    ceasefire = quote_with(doc, "immediate ceasefire")
    assert ceasefire.kind == "indirect" and ceasefire.speaker_name == "Maria Olsen"
    inquiry = quote_with(doc, "new inquiry")
    assert inquiry.speaker_mention is not None and inquiry.speaker_mention.text == "Olsen"


def test_colon_line_names_its_speaker(pipeline: Pipeline) -> None:
    text = "Olsen: Border talks must resume before the winter sets in\n\nRelated: Five things to know about the pact"
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "Border talks")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Olsen"
    assert not [q for q in doc.quotes if "Five things" in q.text]


def test_a_field_label_before_a_colon_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Lentil stew\n\nServes: four hungry people with some bread on the side\n"
        "Method: Soften the onions, add the lentils and simmer for forty minutes.\n"
        "Fabric: soft cotton with a brushed finish on the inside"
    )
    assert pipeline(Document(text=text)).quotes == []


def test_a_charge_list_after_a_name_is_no_quote(pipeline: Pipeline) -> None:
    text = (
        "Deputies booked the three into the Marlow County Jail on the following charges:\n\n"
        "Dana R. Moss: Theft, resisting law enforcement, possession of a syringe, held on a $5,000 bond.\n\n"
        "Peter J. Lund: Two county warrants, driving while suspended, held without bond.\n\n"
        "Olsen: Border talks must resume before the winter sets in."
    )
    doc = pipeline(Document(text=text))
    assert not [q for q in doc.quotes if "bond" in q.text], [q.text for q in doc.quotes]
    q = quote_with(doc, "Border talks")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Olsen"


_PIECES = [
    '"',
    "“",
    "”",
    "''",
    "\n\n",
    "\n",
    ", he said",
    " Sidorov said that",
    " according to NATO",
    ": ",
    " the",
    " war",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=30))
def test_any_text_gives_spans_in_bounds(pipeline: Pipeline, pieces: list[str]) -> None:
    doc = pipeline(Document(text="".join(pieces)))
    assert doc.errors == []
    assert doc.check_spans() == []
    for q in doc.quotes:
        if q.cue_span is not None:
            assert 0 <= q.cue_span[0] < q.cue_span[1] <= len(doc.text)


def test_parenthetical_report_keeps_its_speaker(pipeline: Pipeline) -> None:
    text = "The new checkpoints, Colonel Anna Berg said, would stay open until the spring thaw."
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "checkpoints")
    assert q.kind == "indirect" and q.cue == "said"
    assert q.speaker_mention is not None and "Berg" in q.speaker_mention.text
    assert "stay open until the spring thaw" in q.text


def test_short_quote_after_the_cue_of_the_first_goes_on_with_it(pipeline: Pipeline) -> None:
    text = '"We will not move the convoy tonight," Mayor Tomas Rudd said. "Not yet."'
    doc = pipeline(Document(text=text))
    second = quote_with(doc, "Not yet")
    assert second.kind == "direct"
    assert second.speaker_mention is not None and second.speaker_mention.text == "Mayor Tomas Rudd"


def test_name_before_a_colon_speaks_the_quote(pipeline: Pipeline) -> None:
    text = "The analysts were divided. Defence researcher Petra Lind: “The drills are a signal to the north.”"
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "drills are a signal")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Petra Lind"


def test_dash_byline_after_a_no_break_space(pipeline: Pipeline) -> None:
    text = "“The border should stay open for the harvest.” ―\u00a0Olga Marin\n“Nobody asked the farmers.” ―\u00a0Ivo Petrov"
    doc = pipeline(Document(text=text))
    assert quote_with(doc, "harvest").speaker_mention.text == "Olga Marin"  # type: ignore[union-attr]
    assert quote_with(doc, "farmers").speaker_mention.text == "Ivo Petrov"  # type: ignore[union-attr]


def test_what_he_called_belongs_to_the_governing_speaker(pipeline: Pipeline) -> None:
    text = "Defence Minister Karl Veld criticised what he called a “reckless provocation” near the border."
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "reckless provocation")
    assert q.speaker_mention is not None and "Veld" in q.speaker_mention.text


def test_quoted_phrase_in_the_object_is_a_mixed_quote(pipeline: Pipeline) -> None:
    text = "General Sara Holm called the new patrol plan a “paper shield” and an “empty gesture.”"
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "paper shield")
    assert q.kind == "mixed" and "patrol plan" in q.text and "empty gesture" in q.text
    assert q.speaker_mention is not None and "Holm" in q.speaker_mention.text


def test_mixed_quote_stops_before_an_adverbial_clause_of_the_quote(pipeline: Pipeline) -> None:
    text = (
        "Governor Lena Ots says she is “proud of where we stand” as she faces a recall petition in the north."
    )
    doc = pipeline(Document(text=text))
    q = quote_with(doc, "proud of where we stand")
    assert q.kind == "mixed" and "she" in q.text
    assert "recall" not in q.text


def test_short_objects_and_group_stances(pipeline: Pipeline) -> None:
    text = (
        "Former defence minister Arvo Kask endorsed Tamm on Sunday.\n\n"
        "Kask defended his decision at a rally in Tartu.\n\n"
        "Most border residents want a permanent checkpoint near the crossing."
    )
    doc = pipeline(Document(text=text))
    endorsed = quote_with(doc, "Tamm")
    assert endorsed.kind == "indirect" and endorsed.speaker_mention is not None
    assert "Kask" in endorsed.speaker_mention.text
    defended = quote_with(doc, "his decision")
    assert defended.speaker_mention is not None and defended.speaker_mention.text == "Kask"
    checkpoint = quote_with(doc, "permanent checkpoint")
    assert checkpoint.speaker_mention is not None and "residents" in checkpoint.speaker_mention.text


def test_a_demonstrative_subject_reports_nothing(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="That shows the ministry never planned to reopen the northern depot."))
    assert doc.quotes == []
