"""Event types that generalise, on invented sentences: a dictionary pattern applies to the verb it was
written for, and block-default triggers are checked against the types of their arguments
(:mod:`wiresift.nlp.events.senses`)."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Event
from wiresift.nlp.events.lexicon import VerbBlock, pattern_size, verbs
from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == [], text
    return doc.events


def test_a_pattern_applies_first_to_its_own_verb() -> None:
    block = VerbBlock(
        "hit",
        "190",
        {"hit": "190", "split": None},
        [
            {"code": "130", "prep": "with", "by": "split"},
            {"code": None, "obj": "record", "by": "split"},
            {"code": "1712", "obj": "house", "by": "split"},
            {"code": "195", "subj": "&AIRCRAFT"},
            {"code": None, "prep": "in", "pobj": "poll", "by": "hit"},
        ],
    )
    assert [p["code"] for p in block.patterns_of("hit", own=True)] == [None]
    borrowed = [p["code"] for p in block.patterns_of("hit", own=False)]
    # another verb's non-event reading and same-category refinement apply, its threat does not
    assert borrowed == [None, "1712", "195"]
    # a verb without a code of its own takes every other verb's pattern, as PETRARCH2 does
    assert [p["code"] for p in block.patterns_of("split", own=False)] == ["195", None]
    assert pattern_size({"code": "130", "prep": "with", "by": "split"}) == 1


def test_the_dictionary_keeps_each_patterns_verb() -> None:
    table = verbs().by_lemma
    by = {p.get("by") for block in table["beat"] for p in block.patterns}
    assert "beat" in by and len(by) > 2  # the block's patterns come from several of its verbs


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # "beat ... with" is a pattern written for "break with": beating people is an assault
        ("Soldiers were filmed beating villagers with rifle butts.", "beating", "ASSAULT"),
        ("Militiamen smashed the cars of the villagers.", "smashed", "ASSAULT"),
        ("Two soldiers died in an ambush near the border post.", "died", "ASSAULT"),
    ],
)  # fmt: skip
def test_violent_readings_stay(pipeline: Pipeline, text: str, trigger: str, plover: str) -> None:
    assert any((e.text, e.plover) == (trigger, plover) for e in events(pipeline, text))


def test_a_death_after_a_named_attack_is_an_assault(pipeline: Pipeline) -> None:
    text = "The man was found after a stabbing near the bridge, officers said. The man died."
    assert any(e.text == "died" and e.plover == "ASSAULT" for e in events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # agentless deaths without violence named
        ("Nine fishermen died when their trawler sank off the cape.", "died"),
        # an accident as the doer: the collapse is the event, not an assault
        ("The footbridge collapsed, killing four pedestrians.", "killing"),
        # abstract targets: records, titles, expectations
        ("The sprinter smashed the national record on Sunday.", "smashed"),
        ("The chess champion beat all expectations this season.", "beat"),
        # a judge ruling cooperates with no one
        ("The judge ruled that the trader should remain in custody.", "ruled"),
        # nothing rejected: an amount going down
        ("Shares of the bakery chain declined 4 percent on Tuesday.", "declined"),
        ("Turnout in the northern provinces declined sharply.", "declined"),
    ],
)  # fmt: skip
def test_readings_the_arguments_rule_out(pipeline: Pipeline, text: str, trigger: str) -> None:
    found = [(e.text, e.plover) for e in events(pipeline, text) if e.text == trigger]
    assert all(
        plover not in {"ASSAULT", "THREATEN", "COERCE", "COOPERATE", "REJECT"} for _, plover in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "The ministry declined the invitation to the summit.",
        "The embassy declined to comment on the arrests.",
        "The proposal was rejected by the council on Monday.",
    ],
)
def test_a_rejection_of_something_stays(pipeline: Pipeline, text: str) -> None:
    assert any(e.plover == "REJECT" for e in events(pipeline, text)), text


def test_a_release_is_of_people_or_things(pipeline: Pipeline) -> None:
    found = [e.plover for e in events(pipeline, "The ministry released the results of the inquiry.")]
    assert "RETREAT" not in found
    kept = events(pipeline, "The rebels released the hostages on Friday.")
    assert any((e.text, e.plover) == ("released", "RETREAT") for e in kept)
