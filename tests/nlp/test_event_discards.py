"""PETRARCH2's discards on invented sentences (:mod:`wiresift.nlp.events.discards`): a sentence of sport or
show business codes no PLOVER event, while its disaster and crime words still trigger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from events_support import types

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The rugby side defeated Fiji in Suva on Saturday to reach the final.", "defeated"),
        ("The golfer fired a 66 to seize the lead at the Muscat tournament.", "seize"),
    ],
)
def test_a_sports_sentence_codes_no_event(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert types(pipeline, text, trigger) == []


def test_the_same_verbs_outside_sport_still_code(pipeline: Pipeline) -> None:
    assert types(pipeline, "Government troops defeated the rebels near Bunia on Saturday.", "defeated") == [
        "ASSAULT"
    ]


def test_the_phrases_are_read_as_whole_words() -> None:
    from wiresift.nlp.events.discards import _index

    index = _index()
    assert ("tournament",) in index["tournament"] and ("tournaments",) in index["tournaments"]
    assert "weeks" not in index  # "two weeks ago" dates an event, it discards none


def test_a_war_named_as_a_time_reference_discards_nothing(pipeline: Pipeline) -> None:
    text = "Parliament demanded that Vienna apologise for the massacres of the Second World War."
    assert types(pipeline, text, "demanded") == ["REQUEST"]


def test_a_discard_word_describing_an_event_noun_discards_nothing(pipeline: Pipeline) -> None:
    # "marathon" is a discard of the dictionary's; "marathon talks" were long talks, no sport
    text = "After marathon talks in Geneva, the two ministers agreed to lift the fishing quotas."
    assert types(pipeline, text, "agreed") == ["AGREE"]


PETRARCH2 = Path(__file__).resolve().parents[2].parent / "shared" / "resources" / "petrarch2"


@pytest.mark.skipif(
    not (PETRARCH2 / "Phoenix.discards.txt").exists(),
    reason="../shared/resources/petrarch2 is absent: the shipped discards cannot be rebuilt here",
)
def test_shipped_discards_are_what_the_builder_makes_of_the_dictionary() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
    import build_event_discards

    text = (PETRARCH2 / "Phoenix.discards.txt").read_text(encoding="utf-8", errors="replace")
    shipped = json.loads(build_event_discards.OUT.read_text(encoding="utf-8"))["phrases"]
    assert shipped == build_event_discards.phrases(text)
