"""Question-and-answer interviews (#11): each "A:" line is the words of the interviewee the
introduction names; with two guests named alike no answer is given to either. Invented text only."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.nlp.pipeline import Pipeline

INTERVIEW = """Bree mayor on the tram delay

Mayor Ann Castell has led Bree since 2019. The tram line she promised is now two years late. Castell spoke with the Herald about the delay, the budget and her plans for a second term.

Q: When will the tram open?

A: We expect the first trains to run next spring, once the safety tests are done.

Q: Who is to blame for the delay?

A: The contractor missed three deadlines, and we have now fined them twice.

This interview has been edited for length.
"""


def test_answers_are_the_interviewee(pipeline: Pipeline) -> None:
    answers = [
        q for q in quotes_of(pipeline, INTERVIEW) if q.text.startswith(("We expect", "The contractor"))
    ]
    assert [q.text[:10] for q in answers] == ["We expect ", "The contra"]
    assert all(q.speaker_name == "Ann Castell" and q.kind == "direct" for q in answers)
    assert all(q.speaker_mention is not None and q.speaker_mention.text == "A" for q in answers)
    questions = [q for q in quotes_of(pipeline, INTERVIEW) if q.text.startswith(("When will", "Who is"))]
    assert len(questions) == 2 and all(q.speaker_name is None for q in questions)


def test_two_guests_leave_answers_open(pipeline: Pipeline) -> None:
    text = INTERVIEW.replace(
        "Castell spoke with the Herald", "Castell and her rival Tom Velde spoke with the Herald"
    ).replace(
        "Mayor Ann Castell has led Bree since 2019.",
        "Mayor Ann Castell has led Bree since 2019, and Tom Velde wants her job.",
    )
    answers = [q for q in quotes_of(pipeline, text) if q.text.startswith("The contractor")]
    assert all(q.speaker_name is None for q in answers)
