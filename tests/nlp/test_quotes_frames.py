"""Reports framed outside a reporting verb: "told the panel she was ...", "In the poll, ...",
"In a statement, X ...", and owned noun cues ("the governor's warning that ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.frames import framed_report
from wiresift.nlp.quotes.indirect import setting_clause, told_clause
from wiresift.nlp.quotes.nouns import noun_report

if TYPE_CHECKING:
    from spacy.language import Language


def test_clause_the_parse_hung_on_the_person_told_is_what_was_told(pipeline: Pipeline, nlp: Language) -> None:
    text = (
        "Ruiz told the forum she was firmly against the dam on the river because it would flood the valley."
    )
    told = by_cue(quotes_of(pipeline, text), "told")
    assert told.text == "she was firmly against the dam on the river because it would flood the valley"
    assert speaker(told) == "Ruiz"
    # a real relative clause of the person told is not what was told
    sdoc = nlp("She told the man who called the office about the delay.")
    assert told_clause(next(t for t in sdoc if t.lower_ == "told")) is None


def test_that_clause_hung_on_the_person_told_starts_at_that(pipeline: Pipeline) -> None:
    # the parse takes "that" for a relative pronoun of "the paper": what was told is the clause, not
    # "the paper that ..."
    text = "Cashier Rosa Imbert tells the paper that she argued with the tall courier, who kept the parcel."
    told = by_cue(quotes_of(pipeline, text), "tells")
    assert told.text == "that she argued with the tall courier"
    assert speaker(told) == "Cashier Rosa Imbert"


def test_that_clause_hung_on_the_setting_of_a_report_is_what_was_said(pipeline: Pipeline) -> None:
    # the parse hangs the clause on "interview"; the content is the clause, not "an interview that ..."
    for text, content in (
        (
            "Ada Brisket, the county's new sheriff, said in an interview that rangers by themselves are unable to halt the poaching.",
            "that rangers by themselves are unable to halt the poaching",
        ),
        (
            "The mayor said in an interview that inspectors have failed to curb the noise.",
            "that inspectors have failed to curb the noise",
        ),
    ):
        assert by_cue(quotes_of(pipeline, text), "said").text == content


def test_relative_clause_of_a_setting_is_not_what_was_said(nlp: Language) -> None:
    for text in (
        "The chief said in a statement that was released on Monday.",
        "The chief said it at the hall that the council built.",
    ):
        sdoc = nlp(text)
        verb = next(t for t in sdoc if t.pos_ == "VERB")
        assert setting_clause(verb) is None


def test_sentence_opened_by_a_poll_is_the_poll_s_report(pipeline: Pipeline) -> None:
    text = "In the latest Gallup survey, the governor leads his rival by nine points among likely voters."
    q = by_cue(quotes_of(pipeline, text), "In")
    assert q.text == "the governor leads his rival by nine points among likely voters"
    assert speaker(q) == "the latest Gallup survey"


def test_in_a_statement_the_clause_subject_speaks(pipeline: Pipeline) -> None:
    text = "In a statement issued on Tuesday, Senator Ann Lee was more cautious than her colleagues on the panel."
    q = by_cue(quotes_of(pipeline, text), "In")
    assert q.text == "Senator Ann Lee was more cautious than her colleagues on the panel"
    assert speaker(q) == "Senator Ann Lee"


def test_places_and_times_frame_nothing(nlp: Language) -> None:
    for text in (
        "In Ohio, the governor leads his rival by nine points.",
        "In 2015, the army closed the base.",
    ):
        sdoc = nlp(text)
        assert framed_report(sdoc, sdoc[0]) is None


def test_owned_noun_cue_reports_for_its_owner(pipeline: Pipeline) -> None:
    text = (
        "The minister's warning that the border would close by Friday caused panic among the truck drivers."
    )
    q = by_cue(quotes_of(pipeline, text), "warning")
    assert q.text == "that the border would close by Friday"
    assert speaker(q) == "The minister"


def test_noun_cue_without_owner_or_inside_a_report_is_left_out(pipeline: Pipeline, nlp: Language) -> None:
    sdoc = nlp("The warning that the border would close by Friday caused panic.")
    assert noun_report(sdoc, next(t for t in sdoc if t.lower_ == "warning")) is None
    # "Critics rejected his claim that ...": the critics' report holds the claim, PolNeAR counts it there
    qs = quotes_of(pipeline, "Critics rejected his claim that the border had been secure all year.")
    assert [q.cue for q in qs] == ["rejected"]


def test_passive_judgement_without_agent_is_a_sourceless_report(pipeline: Pipeline) -> None:
    text = "The former minister was accused of moving fifty million dollars into private accounts."
    q = by_cue(quotes_of(pipeline, text), "accused")
    assert q.text == "The former minister was accused of moving fifty million dollars into private accounts"
    assert q.speaker_mention is None
    # with an agent the judge is named, and this rule stays out of it
    agent = quotes_of(pipeline, "The former minister was accused by the auditors of moving money abroad.")
    assert not any(q.cue == "accused" and q.speaker_mention is None for q in agent)


def test_clause_after_comma_but_with_its_own_subject_is_not_said(pipeline: Pipeline) -> None:
    text = (
        "The dean said roughly 14 people have applied for the chair, but she refuses to name them, "
        "apart from saying she hopes for a younger field."
    )
    said = by_cue(quotes_of(pipeline, text), "said")
    assert said.text == "roughly 14 people have applied for the chair"


def test_apposition_closing_a_content_is_not_said(pipeline: Pipeline) -> None:
    text = "Critics say the grant would be wiser spent on a pact with Portugal, the small western neighbour."
    say = by_cue(quotes_of(pipeline, text), "say")
    assert say.text == "the grant would be wiser spent on a pact with Portugal"
