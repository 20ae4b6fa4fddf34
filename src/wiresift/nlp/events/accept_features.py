"""The context columns of the event check (:mod:`wiresift.nlp.events.accept`): what a reader sees
around a trigger when deciding whether a generic word tells an event here.

A generic verb or noun ("held", "carried", "gathered", "a drill") is an event with some arguments and
none with others: "the army held three villages" against "the council held a vote"; "police caught
the suspects" against "the fans caught the last train". The rules cannot list every such word, so
the check is given the reading's context from the parse and the vectors already computed:

- the classes of the trigger's doer and of its object (a person, an organisation, a state, an armed
  group, a thing, none): who acts on whom;
- how concrete the object is (its vector nearer to buildings and vehicles than to ideas and numbers);
- the trigger's own word: how near its vector lies to light verbs ("have", "take", "hold"), to
  violence and to talks;
- whether another candidate trigger hangs on it or it on another (an event told inside another:
  "urged talks", "the vote to hold a drill").

Each function reads one trigger token; no second parse, no loop over the document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from wiresift.nlp.events.argclasses import ARMED_WORDS, PHYSICAL_PROTOTYPE, inner
from wiresift.nlp.events.eventive import (
    PEOPLE_NOUNS,
    THING_PROTOTYPE,
    animacy,
    doer,
    pole,
    prototype_poles,
    unit_vector,
)

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

#: The classes of a trigger's doer and object, in column order ("none": no such argument).
ARG_CLASSES = ("person", "org", "state", "armed", "thing", "none")
#: Common nouns of states and their governments.
STATE_NOUNS = frozenset({"government", "country", "state", "nation", "ministry", "administration",
                         "cabinet", "parliament", "regime", "kingdom", "republic"})  # fmt: skip
#: Light verbs: their vector pole stands for words whose reading the arguments decide.
LIGHT_VERBS = ("have", "take", "make", "get", "hold", "give", "keep", "bring", "put", "carry")
#: The poles of violence and of talks, against which the trigger's vector is also measured.
VIOLENCE_WORDS = ("attack", "kill", "shoot", "bomb", "fight", "wound", "raid", "clash")
TALK_WORDS = ("meet", "talk", "negotiate", "discuss", "visit", "agree", "sign", "consult")

CONTEXT_FEATURES: tuple[str, ...] = (
    *(f"subj_{c}" for c in ARG_CLASSES),
    *(f"obj_{c}" for c in ARG_CLASSES),
    "obj_concrete",
    "trigger_light",
    "trigger_violent",
    "trigger_talk",
    "linked_events",
)


def arg_class(tok: Token | None) -> str:
    """The class of the phrase headed by ``tok`` (one of ``ARG_CLASSES``)."""
    if tok is None:
        return "none"
    tok = inner(tok)
    lemma = tok.lemma_.lower()
    if lemma in ARMED_WORDS:
        return "armed"
    if tok.ent_type_ in {"GPE", "NORP"} or lemma in STATE_NOUNS:
        return "state"
    if tok.ent_type_ == "ORG":
        return "org"
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" or lemma in PEOPLE_NOUNS:
        return "person"
    if tok.pos_ == "PROPN":
        return "org"
    lean = animacy(tok)
    return "person" if lean is not None and lean > 0 else "thing"


def subject_of(tok: Token) -> Token | None:
    """Who does what the trigger says: a verb's doer (:func:`eventive.doer`), a noun's possessor or
    its "by" phrase ("the army's drill", "a raid by police")."""
    if tok.pos_ in {"VERB", "AUX"}:
        return doer(tok)
    for c in tok.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def object_of(tok: Token) -> Token | None:
    """What the trigger acts on: a verb's direct object (or passive subject), else the object of its
    first preposition; a noun's "of", "on" or "against" phrase."""
    kids = list(tok.children)
    direct = next((c for c in kids if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    if direct is not None:
        return direct
    for c in kids:
        if c.dep_ == "prep" and (tok.pos_ in {"VERB", "AUX"} or c.lower_ in {"of", "on", "against"}):
            found = next((g for g in c.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=20_000)
def _lean(vocab: Vocab, lemma: str, first: tuple[str, ...], second: tuple[str, ...]) -> float:
    """Cosine to ``first``'s pole minus cosine to ``second``'s; 0 without vectors."""
    poles = prototype_poles(vocab, first, second)
    vec = unit_vector(vocab, lemma)
    if poles is None or vec is None:
        return 0.0
    return float(vec @ poles[0] - vec @ poles[1])


@lru_cache(maxsize=20_000)
def _cosine(vocab: Vocab, lemma: str, words: tuple[str, ...]) -> float:
    unit_pole = pole(vocab, words)
    lex = vocab[lemma]
    if unit_pole is None or not lex.has_vector or not lex.vector_norm:
        return 0.0
    return float(lex.vector @ unit_pole / lex.vector_norm)


def context_row(tok: Token | None, triggers: frozenset[int]) -> list[float]:
    """``CONTEXT_FEATURES`` of one trigger; ``triggers``: the token indices of every candidate's trigger
    in the document."""
    if tok is None:
        return [0.0] * len(CONTEXT_FEATURES)
    subj, obj = arg_class(subject_of(tok)), arg_class(obj_tok := object_of(tok))
    vocab = tok.vocab
    lemma = tok.lemma_.lower()
    concrete = 0.0
    if obj_tok is not None:
        concrete = _lean(vocab, inner(obj_tok).lemma_.lower(), PHYSICAL_PROTOTYPE, THING_PROTOTYPE)
    linked = sum(1 for c in tok.children if c.i in triggers)
    if tok.head.i != tok.i and tok.head.i in triggers:
        linked += 1
    return [
        *(float(subj == c) for c in ARG_CLASSES),
        *(float(obj == c) for c in ARG_CLASSES),
        concrete,
        _cosine(vocab, lemma, LIGHT_VERBS),
        _cosine(vocab, lemma, VIOLENCE_WORDS),
        _cosine(vocab, lemma, TALK_WORDS),
        math.log1p(linked),
    ]


def context_rows(toks: Sequence[Token | None]) -> list[list[float]]:
    """``CONTEXT_FEATURES`` of each candidate's trigger token."""
    triggers = frozenset(t.i for t in toks if t is not None)
    return [context_row(tok, triggers) for tok in toks]
