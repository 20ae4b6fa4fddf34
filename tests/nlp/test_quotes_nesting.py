"""Reports held inside another report's content (:mod:`wiresift.nlp.quotes.nesting`): a stance or a
supposed report there is the outer speaker's; a speech act told as a fact keeps its own speaker."""

from __future__ import annotations

import pytest
from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        (
            "Dealers blamed the worry over whether Brazil and Chile could agree to lower tariffs on "
            "copper for the drop in prices.",
            "agree",
            "Dealers",
        ),
        (
            "Marsh suggested the likely reason the villagers are refusing to return home is fear of "
            "reprisals.",
            "refusing",
            "Marsh",
        ),
    ],
)
def test_held_report_is_the_outer_speakers(pipeline: Pipeline, text: str, cue: str, mention: str) -> None:
    assert speaker(by_cue(quotes_of(pipeline, text), cue)) == mention


def test_supposed_speech_is_the_outer_speakers(pipeline: Pipeline) -> None:
    text = (
        "Harlan said the loan might be released if the province would announce an audit of the copper "
        "mine, Okafor testified."
    )
    assert speaker(by_cue(quotes_of(pipeline, text), "announce")) != "the province"


def test_told_speech_keeps_its_speaker(pipeline: Pipeline) -> None:
    text = "Okafor said the mayor told her that the port would stay closed until the spring floods end."
    assert speaker(by_cue(quotes_of(pipeline, text), "told")) == "the mayor"


def test_aside_clause_is_its_own(pipeline: Pipeline) -> None:
    text = (
        "Voters may now ask whether rivals like Ms. Duarte, who claimed last year that the port "
        "was losing money, can be trusted on trade."
    )
    quotes = quotes_of(pipeline, text)
    assert speaker(by_cue(quotes, "claimed")) in ("who", "Ms. Duarte")


def test_claim_without_a_quote_of_its_own_still_holds(pipeline: Pipeline) -> None:
    text = (
        "At a rally in Dayton, Mr. Keller went further, alleging with no proof that Governor "
        "Ames wanted to close 30 rural schools."
    )
    assert speaker(by_cue(quotes_of(pipeline, text), "wanted")) == "Mr. Keller"
