"""A pronoun speaker is never the person named in the words it speaks (issue #11): in a quotation
people seldom name themselves, and a pronoun never means a name in the clause it governs. Invented
sentences only."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.nlp.pipeline import Pipeline


def _pronoun_quote_speaker(pipeline: Pipeline, text: str) -> str | None:
    quotes = [q for q in quotes_of(pipeline, text) if q.speaker_mention is not None]
    found = [q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text.lower() == "he"]
    assert len(found) == 1, [(q.text, q.speaker_mention) for q in quotes]
    return found[0].speaker_name


def test_person_named_in_the_quotation_is_not_its_pronoun_speaker(pipeline: Pipeline) -> None:
    text = (
        "Mayor Tomas Reyes opened the new ferry terminal on Friday. Among the guests was a retired "
        'captain who had sailed the route for forty years. "Tomas Reyes kept his word to this town," '
        "he said."
    )
    assert _pronoun_quote_speaker(pipeline, text) is None


def test_name_in_the_clause_the_pronoun_governs_is_someone_else(pipeline: Pipeline) -> None:
    text = "Mayor Tomas Reyes met union leaders on Tuesday. He said Reyes had broken his promise to them."
    assert _pronoun_quote_speaker(pipeline, text) is None


def test_name_that_only_modifies_a_noun_does_not_count(pipeline: Pipeline) -> None:
    text = 'Mayor Tomas Reyes met union leaders on Tuesday. "We will hold a Reyes rally next week," he said.'
    assert _pronoun_quote_speaker(pipeline, text) == "Tomas Reyes"


def test_in_a_mixed_quote_only_the_words_in_quotation_marks_count(pipeline: Pipeline) -> None:
    lead = "Mayor Tomas Reyes spoke at the harbour on Friday. "
    writer = (
        lead + "He said the port deal was “the best in a decade” for a town that Reyes has led since 2019."
    )
    quoted = lead + "He said the port deal was “the best in a decade” and “a win for Tomas Reyes”."
    assert _pronoun_quote_speaker(pipeline, writer) == "Tomas Reyes"
    assert _pronoun_quote_speaker(pipeline, quoted) is None
