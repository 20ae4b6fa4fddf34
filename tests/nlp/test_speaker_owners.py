"""Speakers that are not the name next to them (issue #11): a name that only owns or places a
common-noun speaker ("Roe's advisers", "friends of Tom Vale", "Bree lawyers") is not the speaker,
and "we" after a reported (indirect) quote is the writer, not that quote's speaker.
Invented sentences only."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline


def test_possessor_of_the_speaker_is_not_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "Governor Ann Roe met farmers in Bree on Monday.\n\n"
        "Governor Ann Roe's advisers suggested that the new levy should wait until spring."
    )
    quote = by_cue(quotes_of(pipeline, text), "suggested")
    assert quote.speaker_name != "Ann Roe"


def test_friends_of_a_person_are_not_that_person(pipeline: Pipeline) -> None:
    text = "Several close friends of Tom Vale told reporters that the old mill had been sold in May."
    quote = by_cue(quotes_of(pipeline, text), "told")
    assert quote.speaker_name != "Tom Vale"


def test_writer_we_after_a_reported_quote(pipeline: Pipeline) -> None:
    text = (
        "Acme Corp says that every key of the new keyboard can be replaced. "
        "We compared the new keyboard with the old one, and we found that the new one was quieter."
    )
    quotes = quotes_of(pipeline, text)
    assert any(q.speaker_name == "Acme Corp" for q in quotes)
    for q in quotes:
        if q.speaker_mention is not None and q.speaker_mention.text.lower() == "we":
            assert q.speaker is None, q
