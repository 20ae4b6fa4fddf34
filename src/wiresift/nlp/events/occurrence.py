"""Does a coded trigger report something that happened (or is flagged as planned, threatened, ...)?

The triggers and their eventive checks (:mod:`~wiresift.nlp.events.eventive`) say whether a word can
be an event; the checks here say whether the sentence asserts one. A trigger is no event when:

- **it sits in a question**: "What charges does he face?" asks, it reports nothing;
- **it is only attempted, wanted or out of reach**: the to-infinitive (or "-ing" complement) of a
  verb or adjective of trying, failing, wanting or being able ("tried to steal", "failed to contain",
  "wants the UK to extradite", "not able to end", "in an attempt to shut down") did not happen. An
  attempted attack is still an attack (ACLED codes it): ASSAULT survives "tried to" and "attempt";
- **it is that frame itself**: "failed to do so", "struggled to contain" code nothing of their own;
- **it names a kind, not an occurrence**: "as a form of protest", "a kind of blockade".

The stage also drops an intention that nobody intends: an event in the future or the conditional is
coded as PLOVER's AGREE or THREATEN of its source ("Moscow was prepared to supply"); with no source
("talks would resume", "peace would allow the withdrawal") no one expresses it. A to-infinitive of
purpose ("launched a mission to free the hostages", "sent experts to investigate") is kept as a
``planned`` event (:func:`purpose`): what an act was for has not happened by being named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Verbs, adjectives and nouns whose complement is only attempted, wished or out of reach.
UNREALISED_HEADS = frozenset({
    "try", "attempt", "fail", "struggle", "want", "wish", "hope", "seek", "able", "unable", "pray",
    "unlikely", "bid", "effort", "aim", "strive", "endeavour", "endeavor", "desire", "dream", "option",
    "chance",
})  # fmt: skip
#: Of those, the heads of an attempt: an attempted attack is an attack.
ATTEMPT_HEADS = frozenset({"try", "attempt", "bid", "effort", "strive"})
#: Frame verbs that code nothing of their own when they govern a complement.
FRAME_VERBS = frozenset({"try", "attempt", "fail", "struggle", "want", "wish", "hope", "seek", "strive"})
#: Nouns of kind: an event noun in their "of" phrase names a kind of event ("a form of protest").
KIND_NOUNS = frozenset({"form", "kind", "type", "sort", "means", "method", "matter", "brand", "style"})
#: Dependencies that lead from a complement up to what governs it.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "pobj", "acomp", "conj"})


def _governor(tok: Token) -> Token | None:
    """The word of trying, wanting or ability that ``tok`` is the complement of, within three steps
    ("tried to steal", "in an attempt to shut down", "not able to end"), else None."""
    first = tok.head if tok.dep_ == "conj" else tok  # "to come out and surrender"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children) and first.dep_ != "pcomp":
        return None
    cur = first
    for _ in range(3):
        if cur.dep_ not in _COMPLEMENT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "conj":
            return None
        cur = cur.head
        if cur.lemma_.lower() in UNREALISED_HEADS:
            return cur
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"xcomp", "acl", "pcomp"}:
            return None
    return None


def question(trigger: Token, sent: Span) -> bool:
    """The stretch of the sentence from the trigger to its first stop ends in a question mark."""
    rest = sent.text[trigger.idx - sent.start_char :]  # not doc.text: spaCy rebuilds it on every read
    stops = [i for i in (rest.find(c) for c in ".?!") if i >= 0]
    return bool(stops) and rest[min(stops)] == "?"


def purpose(tok: Token) -> bool:
    """``tok`` is a to-infinitive of purpose, on a verb or a noun ("sent experts to investigate", "in
    order to reduce the violence", "a mission to free the hostages"): what an act is for, not what
    happened."""
    return (
        tok.dep_ in {"advcl", "acl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
    )


def occurred(trigger: Token, sent: Span, category: str | None) -> bool:
    """Whether the sentence asserts the event of ``trigger`` (see the module's cases)."""
    if question(trigger, sent):
        return False
    lemma = trigger.lemma_.lower()
    if lemma in FRAME_VERBS and any(c.dep_ in {"xcomp", "ccomp"} for c in trigger.children):
        return False
    head = _governor(trigger)
    if head is not None and not (category == "ASSAULT" and head.lemma_.lower() in ATTEMPT_HEADS):
        return False
    return not (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_.lower() in KIND_NOUNS
    )
