"""A named body speaks through its unnamed people ("officials at X", "prosecutors" before the office is
named) and its documents ("a report published by X"). Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Officials at the Harbor Authority said the pier would reopen in May after repairs.",
            "Harbor Authority",
        ),
        (
            "Analysts at Bree Capital said the merger would cut about 400 jobs across the region.",
            "Bree Capital",
        ),
    ],
)
def test_people_of_a_body_speak_for_it(pipeline: Pipeline, text: str, name: str) -> None:
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == name


def test_critics_speak_for_themselves(pipeline: Pipeline) -> None:
    text = "Critics of Norvik Airlines said the new baggage fees would hurt families the most."
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name != "Norvik Airlines"


def test_prosecutors_speak_for_the_office_named_further_down(pipeline: Pipeline) -> None:
    text = (
        "A Bree man pleaded guilty on Monday to setting fire to a warehouse in March, prosecutors said.\n\n"
        "Tomas Rell, 44, admitted in court that he had poured fuel on the loading dock.\n\n"
        "The Bree County Attorney's Office said the fire caused $2 million in damage."
    )
    first = next(q for q in quotes_of(pipeline, text) if "pleaded guilty" in q.text)
    assert first.speaker_name is not None and "Attorney" in first.speaker_name


def test_a_report_published_by_a_body_is_its(pipeline: Pipeline) -> None:
    text = "A report published on Tuesday by the Lorne Institute found that rents rose 12 percent in the capital."
    assert by_cue(quotes_of(pipeline, text), "found").speaker_name == "Lorne Institute"
