"""A US lawmaker's party and state after the name: "Sen. Ann Lee (D-Md.)", "Rep. Tom Ode, R-Texas,".

spaCy often makes the tag itself an organisation, a place or a group ("D-Md.", "D-NY"), which then
competes with the person for speaker, claimant and the article's places; and now and then it types
the name before the tag a place ("Ostrander (R-Ky.) said"). The tag tells both: it is no entity of its
own (a state spelled after the party letter, "Texas" of "R-Texas", stays the place it names), and the
name right before it is a person, everywhere the article writes that name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: A party letter, a hyphen and a state (abbreviated or not), closed by ")" or "," or a space:
#: "D-Md.", "R-Texas", "I-Vt.", "D-N.Y.", "R-SC", "D-New York".
PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?(?=[),]|\s|$)")
#: What opens a tag after a name: a parenthesis or a comma.
_OPENER = re.compile(r"\s*(?:\(|,\s*)")
#: Labels of a name before a tag that spaCy got wrong (the tag says it is a person).
_MISTYPED = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def tag_after(text: str, end: int) -> re.Match[str] | None:
    """The party-and-state tag that opens right after offset ``end`` (" (D-Md.)", ", R-Texas,"), else None."""
    opener = _OPENER.match(text, end)
    return PARTY_TAG.match(text, opener.end()) if opener else None


def is_tag(text: str, span: Span) -> bool:
    """``span`` is a party-and-state tag, or opens on one, right after "(" or ", " ("D-Calif.")."""
    start = span.start_char
    return bool(PARTY_TAG.match(text, start)) and text[:start].rstrip(" ").endswith(("(", ","))


def apply(sdoc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` without party-and-state tags, and with the name before a tag, and each entity of the
    same text, a PERSON."""
    from spacy.tokens import Span

    text = sdoc.text
    kept = [e for e in ents if not is_tag(text, e)]
    people = {
        e.text
        for e in kept
        if e.label_ in _MISTYPED
        and len(e) <= 3
        and all(t.pos_ == "PROPN" or t.is_title for t in e)
        and tag_after(text, e.end_char) is not None
    }
    if not people:
        return kept
    return [
        Span(sdoc, e.start, e.end, label="PERSON") if e.text in people and e.label_ in _MISTYPED else e
        for e in kept
    ]
