"""Who a nominal speaker mention names beside it: "said a second witness at the hearing, former
adviser Ann Lee", "the firm's new chair Ann Lee said", "a Halvorsen Foods spokesperson said".

The nominal itself names no one, but the text right after it does: a person named in an
apposition (after a comma, past at most one prepositional phrase of the nominal) or right after
the role word is its speaker; a spokesperson, spokesman or representative of a named organisation
("an Acme spokesperson", "a spokeswoman for Acme") speaks for the organisation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import words

if TYPE_CHECKING:
    from wiresift.nlp.entities.coref import Speaker
    from wiresift.nlp.entities.index import EntityIndex

#: Heads of a mention that speaks for the organisation it names.
SPOKES_HEADS = words("spokesperson spokesman spokeswoman representative")
#: After a nominal: an optional prepositional phrase of its own, then a comma (the apposition).
_APPOSITION = re.compile(r"(?:\s+(?:in|of|at|for|on|with|from)\s+[^,.;:\"“”()\n]{1,60}?)?\s*,\s+")
#: The end of an apposition.
_CLOSE = re.compile(r"\s*(?:[,.;:—–()\"“”\n]|\s-\s)")
#: After a spokesperson: the organisation it speaks for.
_FOR_ORG = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?")
#: How far (chars) an apposition may run before its person's name ends.
MAX_APPOSITION = 90


def apposed_person(index: EntityIndex, speaker: Speaker, text: str) -> str | None:
    """The person named right after the role word, or closing an apposition of the mention."""
    end = speaker.end
    gap = re.match(r"[ \t]+", text[end : end + 3])
    if gap is not None:
        eid = _person_starting(index, end + gap.end())
        if eid is not None:
            return eid
    m = _APPOSITION.match(text, end, end + 80)
    if m is None:
        return None
    close = _CLOSE.search(text, m.end(), m.end() + MAX_APPOSITION)
    if close is None:
        return None
    last = _last_ending(index, m.end(), close.start())
    if last is None or index.entities[last].type != "PERSON":
        return None
    return last


def spokes_org(index: EntityIndex, speaker: Speaker, text: str) -> str | None:
    """The organisation a spokesperson mention names: inside it ("an Acme spokesman") or after
    "for"/"of"/"at" ("a spokeswoman for Acme")."""
    if speaker.head not in SPOKES_HEADS:
        return None
    found = _first_mention(index, speaker.start, speaker.end)
    if found is not None and index.entities[found[2]].type == "ORG":
        return found[2]
    m = _FOR_ORG.match(text, speaker.end, speaker.end + 12)
    if m is None:
        return None
    eid = _starting(index, m.end())
    return eid if eid is not None and index.entities[eid].type == "ORG" else None


def short_org(index: EntityIndex, speaker: Speaker, mention: str) -> str | None:
    """The one organisation named before whose longer name ends with the mention's words: "the
    Chronicle" is "The Bree Chronicle", "Halvorsen" is "Acme Halvorsen" (the entities stage did not
    take the short form for a name)."""
    short = re.sub(r"^(?:the|The)\s+", "", mention.strip()).split()
    if not short or not all(w[:1].isupper() for w in short):
        return None
    tail = [w.lower() for w in short]
    found = {
        eid
        for start, _end, eid in index.mentions
        if start < speaker.start
        and index.entities[eid].type == "ORG"
        and len(name := index.entities[eid].name.lower().split()) > len(tail)
        and name[-len(tail) :] == tail
    }
    return found.pop() if len(found) == 1 else None


def _first_mention(index: EntityIndex, lo: int, hi: int) -> tuple[int, int, str] | None:
    for start, end, eid in index.mentions:
        if start >= hi:
            break
        if start >= lo:
            return start, end, eid
    return None


def _last_ending(index: EntityIndex, lo: int, hi: int) -> str | None:
    """The entity of the mention inside ``[lo, hi)`` that ends at ``hi``."""
    for start, end, eid in index.mentions:
        if start >= hi:
            break
        if start >= lo and end == hi:
            return eid
    return None


def _starting(index: EntityIndex, pos: int) -> str | None:
    found = _first_mention(index, pos, pos + 1)
    return found[2] if found is not None else None


def _person_starting(index: EntityIndex, pos: int) -> str | None:
    eid = _starting(index, pos)
    return eid if eid is not None and index.entities[eid].type == "PERSON" else None
