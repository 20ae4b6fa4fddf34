"""Which event an article leads with, and how deep a trigger sits: the ranking the ``events`` stage
lists its events by (:mod:`~wiresift.nlp.events.stage`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wiresift.nlp.events.accept import Candidate
    from wiresift.nlp.events.triggers import Trigger

#: The sentences of an article's lead, from its first sentence with an event, among which its main
#: event is chosen (:func:`main_event`).
LEAD_SENTENCES = 3


def depth(tok: Token) -> int:
    """How many relations lie between ``tok`` and its sentence's root."""
    steps = 0
    while tok.head.i != tok.i and steps < 50:
        tok = tok.head
        steps += 1
    return steps


def rank_depth(trig: Trigger, triggers: set[int]) -> int:
    """A trigger's depth for ranking; an event noun that is the object of a verb coding no event of
    its own ("staged demonstrations", "began a hunger strike") stands for that verb's clause."""
    tok = trig.tok
    if (
        trig.kind == "noun"
        and tok.dep_ in {"dobj", "obj"}
        and tok.head.pos_ == "VERB"
        and tok.head.i not in triggers
    ):
        return depth(tok.head)
    return depth(tok)


#: The relations that keep a word on its sentence's main line: the root, what it says or does (a
#: clause complement, a coordinated verb), its subject and object. Any other relation on the way to the
#: root (a preposition's object, an adverbial, relative or participle clause, an apposition) puts the
#: word in a modifier: the background of what the sentence tells ("after a meeting with ...", "ever
#: since the takeover of ...").
MAIN_LINE_DEPS = frozenset({"ROOT", "ccomp", "conj", "xcomp", "parataxis", "nsubj", "nsubjpass", "csubj",
                            "dobj", "obj", "attr", "oprd"})  # fmt: skip


def _unmarked_clause(tok: Token) -> bool:
    """An adverbial clause with no subordinating word: a purpose ("used the truce to rearm its
    units") or an outcome ("attacked the post, killing four"), part of what the sentence tells; "after",
    "as", "while", "when" or "because" mark a clause of background."""
    return tok.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ != "to" for c in tok.children)


def main_line(tok: Token | None) -> bool:
    """``tok`` is on its sentence's main line: every relation from it up to the root is one of
    :data:`MAIN_LINE_DEPS` or an unmarked adverbial clause ("5,000 fighters are near the border, the
    ministry said" and its clause, not "after talks with the envoy")."""
    steps = 0
    while tok is not None and steps < 50:
        if tok.dep_ not in MAIN_LINE_DEPS and not _unmarked_clause(tok):
            return False
        if tok.head.i == tok.i:
            return True
        tok, steps = tok.head, steps + 1
    return False


def main_event(found: list[Candidate]) -> Candidate:
    """The article's main event among the events kept: of the lead (the first sentence with an event
    and the ``LEAD_SENTENCES`` - 1 after it), the one the check is surest of among those on their
    sentence's main line (:func:`main_line`; among all of the lead when none is), the rules' rank
    breaking ties; without the check's probabilities (a short document), the first sentence's
    best-ranked.

    Not the first sentence's best-ranked alone: with the check's out-of-fold probabilities (grouped
    cross-validation over its verdicts, the 51 articles where it keeps an event), the surest event of
    the lead's three sentences is right in type in 40 of them, the first sentence's best-ranked in 33:
    a dropped or borderline event of the first sentence no longer hands the place to whatever that
    sentence holds next. Not the surest of the lead whatever its clause: a sure event in a modifier
    ("said on Monday after talks with the envoy", "worried since the seizure of the port") is what the
    lead's news came after, not the news. On the 8 verdict articles where the two differ (out of
    fold), read by hand, the main line lists the article's main event where the surest of the lead
    lists background in 2, the reverse in 1, and 5 are ties; it lists an event right in type in 38 of
    53 articles against 39 (see docs/events-accept.md, session 10)."""
    first = found[0].sentence
    if any(c.probability is None for c in found):
        return min((c for c in found if c.sentence == first), key=lambda c: c.rank)
    lead = [c for c in found if c.sentence < first + LEAD_SENTENCES]
    told = [c for c in lead if c.main_line]
    return min(told or lead, key=lambda c: (-(c.probability or 0.0), c.rank, c.sentence))
