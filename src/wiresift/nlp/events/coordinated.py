"""Coordinated actors of an event role: "Ruritania and Bree struck rebel positions" has two sources.

An event keeps its first actor of each role in ``source``/``target``; the other heads coordinated with
that actor's head fill ``also_sources``/``also_targets``. They are read from the parse of the role's
own phrase only: the conjuncts of its head ("Ruritania, Bree and Lisk"), an appositive list
("two neighbours, Ruritania and Bree") with its conjuncts, and the nationalities coordinated in its
modifiers ("Turkish and Iraqi forces": Iraq's forces too, of the first actor's sector). A conjunct that is not a noun (a verb's
conjunct starts a clause of its own) is never one. Each is resolved like the first actor (entity, code,
sector) by the caller's resolver; kept are those that name an actor the dictionaries or the entities
know, that are no place smaller than a country ("shelled Tarvo and Lisk": where, not whom), that do
not repeat the first actor or an earlier one (the same country code and sector, or the same entity),
and that are not the event's actor of the other role ("Ruritania and Bree signed a pact": one source,
one target).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.targets import PLACE_TYPES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Span, Token

    from wiresift.model import EventActor

#: Parts of speech of a coordinated actor's head: nouns and names (not a verb's clause).
NOMINAL = frozenset({"NOUN", "PROPN"})
#: Dependencies of a head's modifiers that name whose it is ("Turkish and Iraqi forces", "U.S. and
#: Russian negotiators"), and the entity types of a nationality or a country among them.
MODIFIERS = frozenset({"amod", "compound", "nmod"})
NATIONS = frozenset({"NORP", "GPE"})
#: At most this many actors beyond the first in a role: a long list is a roll of names, not parties.
MOST = 6


def head_of(sent: Span, actor: EventActor) -> Token | None:
    """The token heading ``actor``'s mention in ``sent``: the one whose head lies outside the mention."""
    if actor.start is None or actor.end is None:
        return None
    doc = sent.doc
    ids = doccache.of(doc).tokens_between(sent, actor.start, actor.end)
    for i in ids:
        if doc[i].head.i not in ids or doc[i].head.i == i:
            return doc[i]
    return None


def coordinated_heads(head: Token) -> list[Token]:
    """The nouns coordinated with ``head`` inside its phrase, in text order: its conjuncts, with theirs
    ("A, B and C": B is A's, C is B's), and an appositive list with its conjuncts ("two neighbours,
    Ruritania and Bree")."""
    if head.pos_ not in NOMINAL and head.pos_ != "PRON":
        return []
    out: list[Token] = []
    # an appositive that is no list restates the head ("Jan Novak, the defence minister"): not another
    todo = [
        c
        for c in head.children
        if c.dep_ == "conj" or (c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children))
    ]
    while todo:
        tok = todo.pop()
        if tok.pos_ not in NOMINAL or tok in out:
            continue
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def modifier_conjuncts(head: Token) -> list[Token]:
    """The nationalities or countries coordinated with one that modifies ``head``: "Iraqi" in "Turkish
    and Iraqi forces" (the forces of two states), in text order."""
    out: list[Token] = []
    todo = [c for m in head.children if m.dep_ in MODIFIERS and m.ent_type_ in NATIONS for c in m.children]
    while todo:
        tok = todo.pop()
        if tok.dep_ != "conj" or tok.ent_type_ not in NATIONS or tok in out:
            continue
        out.append(tok)
        todo.extend(tok.children)
    return sorted(out, key=lambda t: t.i)


def _within(actor: EventActor | None, start: int | None, end: int | None) -> bool:
    """``actor``'s mention overlaps ``[start, end)``."""
    if actor is None or actor.start is None or actor.end is None or start is None or end is None:
        return False
    return actor.start < end and start < actor.end


def _same(a: EventActor, b: EventActor) -> bool:
    """Two actors that count as one: the same entity, or the same code and sector (CAMEO's actor code:
    "RURGOV" twice; "RURCOP" and "RURMIL" are two); when neither is coded nor both are entities, the
    same sector ("navy frigates and military helicopters": MIL twice), else the same words."""
    if a.entity is not None and a.entity == b.entity:
        return True
    if a.code or b.code:
        return (a.code, a.sector) == (b.code, b.sector)
    if a.entity is not None and b.entity is not None:
        return False  # two people or bodies the entities tell apart ("Ana Ruiz and Pablo Ortega")
    if a.sector or b.sector:
        return a.sector == b.sector
    return a.text.lower() == b.text.lower()


def also_actors(
    sent: Span,
    first: EventActor | None,
    other: EventActor | None,
    resolver: Callable[[Token], EventActor | None],
    towns: Iterable[tuple[int, int]],
    taken: Iterable[EventActor] = (),
) -> list[EventActor]:
    """The actors coordinated with ``first`` in its role (see the module's docstring); ``other``: the
    event's actor of the other role, ``taken``: the other role's coordinated actors found before (one
    list that runs through both roles' heads gives each actor to the first role only), ``towns``: the
    spans of the document's places smaller than a country, ``resolver``: how the stage makes an actor
    of a head (or None: no actor)."""
    if first is None:
        return []
    head = head_of(sent, first)
    if head is None:
        return []
    spans = set(towns)
    others = [other] if other is not None else []
    taken = list(taken)
    out: list[EventActor] = []
    for tok in modifier_conjuncts(head):
        actor = resolver(tok)
        if actor is None or not actor.code or any(_same(actor, seen) for seen in (first, *out)):
            continue
        if any(_within(actor, o.start, o.end) or _same(actor, o) for o in (*others, *taken)):
            continue
        # the modifier's own words, of the first actor's kind: "Iraqi" of "Turkish and Iraqi forces"
        actor.sector = actor.sector or first.sector
        actor.text, actor.start, actor.end = tok.text, tok.idx, tok.idx + len(tok.text)
        out.append(actor)
    for tok in coordinated_heads(head):
        actor = resolver(tok)
        if actor is None or not (actor.code or actor.sector or actor.entity):
            continue  # "the army and its allies": no one the dictionaries or the entities know
        if (actor.start, actor.end) in spans or (not actor.code and tok.ent_type_ in PLACE_TYPES):
            continue  # "shelled Tarvo and Lisk": places, not parties
        if _within(actor, first.start, first.end) or any(
            _within(actor, o.start, o.end) or _same(actor, o) for o in (*others, *taken)
        ):
            continue  # the first actor's own words, or an actor of the other role
        if any(_same(actor, seen) for seen in (first, *out)):
            continue
        out.append(actor)
        if len(out) == MOST:
            break
    return out
