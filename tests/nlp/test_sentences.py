"""The sentence guard before the parser: no sentence ends at a bracket whose sentence goes on."""

from __future__ import annotations

from spacy.language import Language

from wiresift.nlp import sentences


def test_the_model_carries_the_guard_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(sentences.COMPONENT) < names.index("parser")


def test_a_sentence_goes_on_after_an_acronym_in_brackets(nlp: Language) -> None:
    text = (
        "More than 900 fighters are in the hills near the border with Ostrava, Chief of the Southern "
        "Defence Treaty Organisation (SDTO) Joint Staff said on Monday after a meeting with envoys of the "
        "member states. The talks ended late."
    )
    sdoc = nlp(text)
    assert [s.text.split()[0] for s in sdoc.sents] == ["More", "The"]  # the parser alone cuts at "(SDTO)"
    are = next(t for t in sdoc if t.text == "are")
    assert are.head.text == "said"  # the build-up is what the chief said, not a sentence of its own


def test_brackets_that_end_a_sentence_or_a_line_are_left_alone(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    closed = tokenizer("The port reopened. (He declined to comment.) The ferries sailed.")
    assert sentences.continuations(closed) == []
    listed = tokenizer("Three steps were agreed: 1) Police will patrol the market.")
    assert sentences.continuations(listed) == []  # a list's number opens no aside
    credited = tokenizer("A convoy near Varna (Photo: Lindqvist)\nTroops moved north on Monday.")
    assert sentences.continuations(credited) == []
    aside = tokenizer("The Northern Defence Pact (NDP) Joint Staff met.")
    assert [aside[i].text for i in sentences.continuations(aside)] == ["Joint"]
