"""Whom a protest is aimed at when the protest verb or noun has no object: the party named in what it
is for or against.

PLOVER (and CAMEO 14) codes a protest's target as the one it addresses, which news wording puts not in
the object of "demonstrated" or "staged a strike" but in the protest's purpose clause ("rallied to
demand wage talks from the Tarvian government"), in an "against" phrase ("marched against police
abuses by the interior ministry") or in "in protest against/at/of ..." and "in defiance of ...". The
first party of such a phrase, in text order, is the target: a name the actor dictionaries code (a
country, an IGO), a state's sector (government, police, army, court, ...) or a named person or
organisation. A place reached by a preposition of location is where, not whom ("to demand jobs in
Karvo"); the protesters themselves and pronouns are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.actors import resolve
from wiresift.nlp.events.referents import people_noun

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from wiresift.model import EventActor
    from wiresift.nlp.entities.index import EntityIndex

#: Nouns after "in" that turn the phrase into what a protest opposes: "in protest against the
#: levy", "in defiance of the ban".
OPPOSING_NOUNS = frozenset({"protest", "defiance", "opposition", "outrage", "anger", "response"})
#: Sectors of those a protest can be aimed at: the state's bodies (a crowd of students or workers is
#: who protests, not whom).
ADDRESSED_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "BUS", "PTY", "ELI"})
#: Entity types of a named party.
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Prepositions whose object is where something is, never whom a demand addresses.
LOCATION_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"}
)


def _phrases(trigger: Token) -> Iterator[Token]:
    """Heads of the phrases saying what the protest at ``trigger`` is for or against: on the trigger,
    and for a noun the verb it is the object of ("staged a strike to demand ...")."""
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "obj"} and trigger.head.pos_ == "VERB":
        heads.append(trigger.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in {"advcl", "xcomp"} and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children
            ):
                yield child  # "to demand ...": the purpose
            elif child.dep_ == "acl" and head is trigger and child.tag_ == "VBG":
                yield child  # "a rally calling for ..."
            elif child.dep_ == "prep" and child.lower_ == "against":
                yield child
            elif child.dep_ == "prep" and child.lower_ == "in":
                yield from (
                    o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in OPPOSING_NOUNS
                )


def _located(tok: Token) -> bool:
    """``tok`` is the object of a preposition of location: where, not whom."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS


def _party(
    tok: Token, source: EventActor | None, index: EntityIndex | None, date: str | None
) -> EventActor | None:
    """The actor of ``tok`` when it is a party a protest can address (see the module's doc)."""
    if (
        tok.pos_ not in {"NOUN", "PROPN"}
        or tok.dep_ in {"compound", "amod", "nmod"}
        or _located(tok)
        or (tok.pos_ == "NOUN" and not people_noun(tok))  # "the army's curfew": the army, not its curfew
        or (source is not None and source.start is not None and source.end is not None
            and source.start <= tok.idx < source.end)
    ):  # fmt: skip
        return None
    actor = resolve(tok, index, date)
    if actor.code or actor.sector in ADDRESSED_SECTORS or tok.ent_type_ in PARTY_ENTS:
        return actor
    return None


def protest_addressee(
    trigger: Token, source: EventActor | None, index: EntityIndex | None, date: str | None
) -> EventActor | None:
    """The party a protest at ``trigger`` is aimed at (see the module's doc), or None. A possessor
    gives way to what it owns when that is a party too ("Senegal's education ministry")."""
    for phrase in _phrases(trigger):
        for tok in phrase.subtree:
            owned = _party(tok.head, source, index, date) if tok.dep_ == "poss" else None
            actor = owned or _party(tok, source, index, date)
            if actor is not None:
                return actor
    return None


def replaceable(target: EventActor | None, trigger: Token) -> bool:
    """A protest's ``target`` may give way to its addressee: none, one no dictionary codes ("a strike
    in jail"), or a place reached by a preposition of location ("demonstrated in Kisumu to demand ...
    from the government": where they marched, not whom they addressed)."""
    if target is None or not target.code:
        return True
    if target.start is None or target.end is None:
        return False
    span = trigger.doc.char_span(target.start, target.end, alignment_mode="expand")
    return span is not None and _located(span.root)
