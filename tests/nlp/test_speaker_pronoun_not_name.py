"""A pronoun speaker is never read as a name, even when a person's surname is spelled like it.

Invented text."""

from __future__ import annotations

import pytest
from quotes_support import quotes_of

from wiresift.nlp.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Vice Premier Liu He arrived in Geneva on Thursday for talks with trade envoy Tom Moss. "
        "“We want a fair deal,” Moss said. He said the two sides had made progress.",
        "Vice Premier Liu He and envoy Tom Moss met on Friday. “The talks were constructive,” Moss "
        "said.\n\nHe added that more work was needed.",
    ],
)
def test_he_is_not_the_person_surnamed_he(pipeline: Pipeline, text: str) -> None:
    names = [q.speaker_name for q in quotes_of(pipeline, text)]
    assert names == ["Tom Moss", "Tom Moss"]
