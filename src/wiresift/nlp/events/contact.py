"""Contact with a weapon: "the convoy hit a roadside bomb", "a patrol stepped on a mine" name the victim
as the verb's subject, not the attacker (moved out of :mod:`~wiresift.nlp.events.stage` unchanged)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.roles import weapon

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs of running into something: with a weapon as object ("the convoy hit a roadside bomb", "a
#: patrol stepped on a mine") their subject is the victim, not the attacker.
CONTACT_VERBS = frozenset({"hit", "strike", "step", "run", "drive"})


def on_weapon(verb: Token) -> bool:
    """``verb`` is a :data:`CONTACT_VERBS` verb whose object, or "on"/"over" object, is a weapon."""
    if verb.lemma_.lower() not in CONTACT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in {"on", "over", "into"}
        for o in p.children
    ]
    return any(o.dep_ in {"dobj", "obj", "pobj"} and weapon(o) for o in objects)
