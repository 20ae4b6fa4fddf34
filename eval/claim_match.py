"""How both claims scorers (``score_claims.py``, ``score_realpages.py``) compare a counted thing.

A system counted thing is right when its head word is the gold's head word, so that "voters" and
"likely voters" agree but "ferries" and "ferry fares" do not. Before, the real-page scorer took any
shared word, which let "harbour fees" pass for "harbour"; now one rule serves both golds.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
#: Conjunctions and commas that end the first conjunct ("bases and training camps" -> "bases").
_CONJUNCTS = re.compile(r",| and | or | & ")
#: Prepositions that open a post-head modifier ("sales of tickets" -> "sales").
_PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "to", "from", "with", "by", "per", "about"})
_POSSESSIVE = re.compile(r"['’]s\b")


def head(phrase: str | None) -> str | None:
    """The head word of a counted noun phrase: the first conjunct's last word before any
    preposition, lower-cased, a plural "-s"/"-ies" made singular; None for an empty phrase."""
    if not phrase:
        return None
    first = _CONJUNCTS.split(phrase.lower())[0]
    words = _WORD.findall(_POSSESSIVE.sub("", first))
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    words = words[:cut]
    if not words:
        return None
    word = words[-1]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def same_counted(gold: str | None, system: str | None) -> bool:
    """Whether a system counted thing names the gold's (both empty agrees)."""
    return head(gold) == head(system)
