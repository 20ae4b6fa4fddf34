"""Walks of the events stage read from the document's arrays give what the walks over the tokens gave
(issue #14, speed): a hyphenated trigger word, a nominal's support verb, a place mention's head, the
word a complement is governed by, a question or a command."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from wiresift.nlp.events.lexicon import SUPPORT_VERBS
from wiresift.nlp.events.occurrence import _first_conjunct, _governor, asked_or_bidden
from wiresift.nlp.events.scenes import _mention_head
from wiresift.nlp.events.triggers import _hyphenated, _light_head
from wiresift.nlp.events.where import PLACE_PREPS, _pobj_offsets

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# Invented text: hyphenated words written together and apart, support verbs with objects and with
# "under"/"into" phrases, places in coordinations and in longer names.
TEXT = (
    "Dockworkers staged a sit-in at the port of Varnholm on Tuesday, and a build - up of police followed. "
    "The council announced a suspension of ferry crossings to Eskby and Tarvo after the stand-off.\n\n"
    "The mayor was put under investigation, and the governor of North Laddon Province gave a warm "
    "welcome to the envoy in the wars-torn towns of Orlitz and Brenn. Riot police clashed with "
    "protesters just inside the station and right at the gates."
)


@pytest.fixture(scope="module")
def sdoc(nlp: Language) -> Doc:
    return nlp(TEXT)


def _plain_hyphenated(noun: Token) -> str | None:
    doc, i = noun.doc, noun.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{noun.lemma_.lower()}"


def _plain_light_head(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in {"under", "into"}:
        head = head.head
    elif noun.dep_ not in {"dobj", "obj"}:
        return None
    return head if head.pos_ == "VERB" and head.lemma_.lower() in SUPPORT_VERBS else None


def _plain_mention_head(tok: Token, end: int) -> Token:
    head = tok
    for _ in range(6):
        if head.head.i == head.i or not (tok.idx <= head.head.idx < end):
            break
        head = head.head
    for _ in range(6):
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    return head


def test_hyphenated_word_as_the_tokens_give_it(sdoc: Doc) -> None:
    found = {tok.i: _hyphenated(tok) for tok in sdoc}
    assert found == {tok.i: _plain_hyphenated(tok) for tok in sdoc}
    assert "sit-in" in found.values()  # written together
    assert not any(w is not None and w.startswith("build") for w in found.values())  # written apart


def test_support_verb_as_the_tokens_give_it(sdoc: Doc) -> None:
    heads = {tok.i: _light_head(tok) for tok in sdoc}
    plain = {tok.i: _plain_light_head(tok) for tok in sdoc}
    assert {i: h.i if h is not None else None for i, h in heads.items()} == {
        i: h.i if h is not None else None for i, h in plain.items()
    }
    assert any(h is not None for h in heads.values())


def test_mention_head_as_the_tokens_give_it(sdoc: Doc) -> None:
    ends = sorted({tok.idx + len(tok.text) for tok in sdoc} | {len(TEXT) + 10})
    moved = 0
    for tok in sdoc:
        for end in ends:
            if end <= tok.idx:
                continue
            head = _mention_head(tok, end)
            assert head.i == _plain_mention_head(tok, end).i, (tok.text, end)
            moved += head.i != tok.i
    assert moved  # some mentions have a head of their own


# Invented text: complements of trying and wanting, embedded questions, commands.
CLAUSES = (
    "Smugglers tried to steal the ferry and to climb down the ramp. The minister asked whether the army "
    "attacked Brenn, and the envoy asked if the rebels had left. Go out and vote, the mayor said. "
    "The union wants to block the port in an attempt to force talks."
)


def _plain_governs(tok: Token) -> bool:
    first = tok.head if tok.dep_ == "conj" else tok
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children) or first.dep_ == "pcomp"


def _plain_asked_or_bidden(trigger: Token) -> bool:
    if trigger.pos_ != "VERB":
        return False
    first = _first_conjunct(trigger)
    marks = {c.lower_ for c in first.children if c.dep_ == "mark"}
    if "whether" in marks or ("if" in marks and first.dep_ == "ccomp"):
        return True
    return (
        first.tag_ == "VB"
        and first.dep_ in {"ROOT", "ccomp", "parataxis"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in first.children)
    )


def test_complements_and_questions_as_the_tokens_give_them(nlp: Language) -> None:
    doc = nlp(CLAUSES)
    asked = [asked_or_bidden(tok) for tok in doc]
    assert asked == [_plain_asked_or_bidden(tok) for tok in doc]
    assert any(asked)  # "whether the army attacked", "Go out and vote"
    for tok in doc:
        if not _plain_governs(tok):  # no "to" of its own: no governor, whatever the walk up finds
            assert _governor(tok) is None, tok.text
    assert any(_governor(tok) is not None for tok in doc)  # "tried to steal"


def test_place_objects_as_the_tokens_give_them(sdoc: Doc) -> None:
    """The offsets of the objects of a word's place prepositions, with their subtrees."""

    def plain(head: Token) -> set[int]:
        out: set[int] = set()
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                out |= {t.idx for g in child.children if g.dep_ == "pobj" for t in g.subtree}
        return out

    found = [_pobj_offsets(tok) for tok in sdoc]
    assert found == [plain(tok) for tok in sdoc]
    assert any(found)  # "at the port of Varnholm", "in the wars-torn towns of Orlitz and Brenn"
    # "just inside the station": the preposition's adverb is no object, nor where
    just = next(tok for tok in sdoc if tok.text == "just")
    assert not any(just.idx in offsets for offsets in found)
