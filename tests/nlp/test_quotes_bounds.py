"""Where an indirect content ends: asides after a dash or semicolon and relative clauses after a
stretched object are the writer's, not the speaker's."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.nlp.pipeline import Pipeline


def contents(pipeline: Pipeline, text: str) -> dict[str, str]:
    return {q.cue: q.text for q in quotes_of(pipeline, text) if q.cue}


def test_an_aside_after_a_dash_closing_the_content_is_not_said(pipeline: Pipeline) -> None:
    text = "The governor said the new levy would fall hardest on farmers — a burden they cannot carry."
    assert contents(pipeline, text)["said"] == "the new levy would fall hardest on farmers"


def test_a_pair_of_dashes_inside_the_content_stays(pipeline: Pipeline) -> None:
    text = "The governor said the levy — a tax on diesel — would fall hardest on farmers."
    assert contents(pipeline, text)["said"] == "the levy — a tax on diesel — would fall hardest on farmers"


def test_a_relative_clause_after_a_stretched_object_is_not_said(pipeline: Pipeline) -> None:
    text = "The senator likened the ceasefire to a pause in a boxing match, which ends when the bell rings."
    assert contents(pipeline, text)["likened"] == "the ceasefire to a pause in a boxing match"


def test_a_clause_before_a_semicolon_is_not_the_next_verbs_content(pipeline: Pipeline) -> None:
    text = "The envoy said the blockade had cut off food supplies; aid agencies warned of famine by spring."
    found = contents(pipeline, text)
    assert found["said"] == "the blockade had cut off food supplies"
    assert "blockade" not in found.get("warned", "")


def test_a_clause_after_a_semicolon_is_not_the_verbs_content(pipeline: Pipeline) -> None:
    text = "Officials said the delay was not deliberate; they only learned of the fault on Monday."
    assert contents(pipeline, text)["said"] == "the delay was not deliberate"


def test_a_semicolon_inside_quotation_marks_stays(pipeline: Pipeline) -> None:
    text = 'Officials said the delay was "not deliberate; a fault nobody saw coming" at the plant.'
    assert "nobody saw coming" in contents(pipeline, text)["said"]


def test_a_clause_before_comma_he_said_and_is_said(pipeline: Pipeline) -> None:
    text = (
        "It could take up to nine days to rebuild the pier for the summer season, he said, "
        "and intense quarrelling could be ruinous."
    )
    said = contents(pipeline, text)["said"]
    assert said == "It could take up to nine days to rebuild the pier for the summer season"


def test_a_relative_word_hung_on_the_content_leaves_the_speaker_out(pipeline: Pipeline) -> None:
    text = "The army kept the northern depot, which Colonel Bako says he will defend even though it is hard to supply."
    (q,) = quotes_of(pipeline, text)
    assert q.text == "he will defend even though it is hard to supply"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Colonel Bako"


def test_how_often_it_was_said_is_not_its_content(pipeline: Pipeline) -> None:
    text = "The fees will stay, as the chairman has said time and time again."
    assert "said" not in contents(pipeline, text)
    text = "The chairman has said time and time again that the fees will stay."
    assert contents(pipeline, text)["said"] == "that the fees will stay"
