"""PETRARCH2's discards: a sentence naming a sport, a show, a prize or a figure of the past ("the
rugby side defeated Wales", "seized the lead at the Dubai tournament") codes no PLOVER event, as
PETRARCH2 codes none there. The phrases are the dictionary's (``data/discards.json``, built by
``training/build_event_discards.py``; MIT, ``data/NOTICE-PETRARCH2.txt``); the security words of
wiresift's own (a disaster, a crime) still trigger in such a sentence.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.lexicon import EVENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span

DATA = Path(__file__).parent / "data" / "discards.json"


@cache
def _index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the discard phrases (as word tuples) starting with it; a phrase's last word also
    in its plural ("tournaments", "wrestlers")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in json.loads(DATA.read_text(encoding="utf-8"))["phrases"]:
        words = tuple(phrase.split())
        for last in {words[-1], words[-1] + "s", words[-1] + "es"}:
            form = (*words[:-1], last)
            out.setdefault(form[0], []).append(form)
    return {first: tuple(forms) for first, forms in out.items()}


#: Relations of a word that describes the noun it modifies.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def discarded(sent: Span) -> bool:
    """The sentence names one of the discard phrases, as whole lower-case words. A word describing
    an event noun of the coder's says how that event went ("after marathon talks"), not that the
    sentence is about sport."""
    index = _index()
    lowers = doccache.of(sent.doc).lowers[sent.start : sent.end]
    for i, word in enumerate(lowers):
        forms = index.get(word)
        if forms is None or not any(tuple(lowers[i : i + len(f)]) == f for f in forms):
            continue
        tok = sent.doc[sent.start + i]
        if tok.dep_ in _MODIFIER_DEPS and tok.head.lemma_.lower() in EVENT_NOUNS:
            continue  # "after marathon talks": the talks were long
        return True
    return False
