"""Who a clause's subject is when the parse offers more than one, and who takes part in an event noun
that a clause's adjunct names.

- :func:`first_subject`: a time the parse also made a subject ("The next year retired general Ana
  Ruiz visited Jordan": both "year" and "Ruiz") gives way to the other one, and alone names no actor.
- :func:`partaker`: an event of taking part ("a meeting", "a visit", "talks") named in a clause's
  adjunct ("In a meeting with the Pope, the president said", "During a visit to Lima, the minister
  signed") is the clause subject's own: they met, they visited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.transfers import TRANSFER_VERBS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

#: Entity types of a time: "The following year", "Last month".
TIME_TYPES = frozenset({"DATE", "TIME"})
#: Nouns of an event the subject of the clause takes part in when the clause's adjunct names it: one
#: meets, visits, calls or talks oneself (not "After the attack on the base, the army said": who
#: speaks after an attack did not make it).
PARTAKING_NOUNS = frozenset({"meeting", "visit", "talk", "talks", "trip", "tour", "call", "conversation",
                             "interview", "negotiation", "consultation", "discussion", "meet"})  # fmt: skip
#: Prepositions of an adjunct of circumstance: "In a meeting with", "During a visit to", "On a trip to"
#: (not "After talks in Geneva, the rebels attacked": who acts after talks need not have held them).
ADJUNCT_PREPS = frozenset({"in", "during", "at", "on"})
#: Verbs of giving or sending something for a purpose: "sent material to help".
SENDING_VERBS = frozenset({*TRANSFER_VERBS, "provide", "give", "offer", "deploy", "move", "lend"})


def first_subject(verb: Token, deps: frozenset[str]) -> Token | None:
    """The first child of ``verb`` whose dependency is in ``deps`` and that is not a time (a pronoun
    always counts)."""
    for child in verb.children:
        if child.dep_ in deps and (child.ent_type_ not in TIME_TYPES or child.pos_ == "PRON"):
            return child
    return None


def partaker(noun: Token, subject_of: Callable[[Token], Token | None]) -> Token | None:
    """The subject of the clause whose adjunct names the event noun ``noun`` of taking part, else None
    ("In a meeting with the Pope, the president said" -> president)."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or noun.lemma_.lower() not in PARTAKING_NOUNS
        or prep.dep_ != "prep"
        or prep.lower_ not in ADJUNCT_PREPS
        or prep.head.pos_ not in {"VERB", "AUX"}
        or any(c.dep_ == "poss" for c in noun.children)
    ):
        return None
    return subject_of(prep.head)


def purpose_of_object(verb: Token) -> Token | None:
    """The verb of giving or sending whose object ``verb`` is an infinitive of purpose on, when the
    parse made it a relative clause of the object ("sent material to help the flood victims",
    "deployed troops to defend the border": the sender helps, the one deploying defends), else None.
    Not a relative with a subject or a relative word of its own ("a man to whom she spoke"), nor the
    object of another verb ("launched an operation to rescue the crew": what the operation was for)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} or c.tag_ in {"WDT", "WP", "WRB"} for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ not in {"dobj", "obj"} or noun.head.lemma_.lower() not in SENDING_VERBS:
        return None
    return noun.head
