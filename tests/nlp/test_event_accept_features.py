"""The event check's context columns (issue 14): who acts on whom around a generic trigger, how concrete
its object is, where its word lies among light verbs, violence and talks, and triggers hanging on it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from wiresift.nlp.events.accept import BASE_FEATURES
from wiresift.nlp.events.accept_features import (
    CONTEXT_FEATURES,
    arg_class,
    context_row,
    context_rows,
    object_of,
    subject_of,
)


def _token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def _col(row: list[float], name: str) -> float:
    return row[CONTEXT_FEATURES.index(name)]


def test_context_columns_are_part_of_the_check() -> None:
    assert BASE_FEATURES[-len(CONTEXT_FEATURES) :] == CONTEXT_FEATURES


@pytest.mark.parametrize(
    ("text", "word", "subj", "obj"),
    [
        ("Police caught the two suspects near the harbour on Friday.", "caught", "armed", "person"),
        ("The World Bank held a long debate on the budget.", "held", "org", "thing"),
        ("The council held a long debate on the budget.", "held", "person", "thing"),
        ("Canada gathered its ministers in Ottawa.", "gathered", "state", "person"),
        ("The rain kept falling.", "kept", "thing", "none"),
    ],
)
def test_doer_and_object_classes(nlp: Language, text: str, word: str, subj: str, obj: str) -> None:
    tok = _token(nlp, text, word)
    assert arg_class(subject_of(tok)) == subj
    assert arg_class(object_of(tok)) == obj
    row = context_row(tok, frozenset())
    assert _col(row, f"subj_{subj}") == 1.0 and _col(row, f"obj_{obj}") == 1.0
    assert sum(row[:12]) == 2.0  # one class each for the doer and the object


def test_noun_trigger_doer_is_its_possessor_or_by_phrase(nlp: Language) -> None:
    drill = _token(nlp, "The army's drill ended on Sunday.", "drill")
    assert arg_class(subject_of(drill)) == "armed"
    raid = _token(nlp, "A raid by rebels on the depot failed.", "raid")
    found = subject_of(raid)
    assert found is not None and found.lemma_ == "rebel"
    assert arg_class(found) == "armed"


def test_concrete_object_leans_above_an_abstract_one(nlp: Language) -> None:
    bridge = context_row(_token(nlp, "The rebels seized the bridge.", "seized"), frozenset())
    plan = context_row(_token(nlp, "The rebels seized the initiative.", "seized"), frozenset())
    assert _col(bridge, "obj_concrete") > 0 > _col(plan, "obj_concrete")


def test_trigger_vector_poles(nlp: Language) -> None:
    held = context_row(_token(nlp, "Officials held a briefing.", "held"), frozenset())
    bombed = context_row(_token(nlp, "Troops bombed the town.", "bombed"), frozenset())
    assert _col(held, "trigger_light") > _col(bombed, "trigger_light")
    assert _col(bombed, "trigger_violent") > _col(held, "trigger_violent")


def test_linked_triggers_are_counted(nlp: Language) -> None:
    doc = nlp("The minister urged talks with the rebels.")
    urged, talks = (next(t for t in doc if t.text == w) for w in ("urged", "talks"))
    alone, linked = context_rows([urged]), context_rows([urged, talks])
    assert _col(alone[0], "linked_events") == 0.0
    assert _col(linked[0], "linked_events") > 0 and _col(linked[1], "linked_events") > 0


def test_no_trigger_token_gives_zeros() -> None:
    assert context_rows([None]) == [[0.0] * len(CONTEXT_FEATURES)]
