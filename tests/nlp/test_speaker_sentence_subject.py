"""A he/she speaker goes to the one person of its gender who is the subject of a clause of its own
sentence (issue #11), not to the previous quote's speaker; a person named only as an object, or as
the subject of someone else's reported words, does not count. Invented sentences only."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.nlp.pipeline import Pipeline

_OPENING = 'Senator Paul Brandt said the vote would be close. "We have the numbers," he said.\n\n'


def _speaker_of(pipeline: Pipeline, text: str, content_start: str) -> str | None:
    quotes = quotes_of(pipeline, text)
    return next(q.speaker_name for q in quotes if q.text.startswith(content_start))


def test_subject_of_the_pronouns_sentence_beats_previous_speaker(pipeline: Pipeline) -> None:
    text = _OPENING + (
        "John Okafor is trailing Brandt but has campaigned hard in the north, where he says turnout "
        "will decide the race."
    )
    assert _speaker_of(pipeline, text, "turnout will decide") == "John Okafor"


def test_subject_of_a_fronted_clause_beats_earlier_sentence(pipeline: Pipeline) -> None:
    text = (
        'Maria Lopez, the mayor, said the bridge would reopen in May. "We are on schedule," she said.\n\n'
        "Though Ms. Ana Reyes has lived in Arden all her life, rents have doubled since the bridge "
        "closed, she said."
    )
    assert _speaker_of(pipeline, text, "Though Ms. Ana Reyes") == "Ana Reyes"


def test_person_in_someone_elses_reported_clause_does_not_count(pipeline: Pipeline) -> None:
    text = _OPENING + (
        "On Monday he said that John Okafor had misled voters, and he warned that the rival plan "
        "would raise taxes."
    )
    assert _speaker_of(pipeline, text, "that the rival plan") == "Paul Brandt"


def test_person_inside_quotation_marks_does_not_count(pipeline: Pipeline) -> None:
    text = _OPENING + '"Voters know John Okafor will raise taxes," he said.'
    assert _speaker_of(pipeline, text, '"Voters know') == "Paul Brandt"
