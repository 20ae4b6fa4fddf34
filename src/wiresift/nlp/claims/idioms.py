"""Numbers inside set phrases that name no amount: "at one point" (a moment), "one such plume"
(one of a kind the text already named), "an app or two" (a vague few), "the 2-yard line" (a
place on a field), a street block ("the 1200 block of Elm Street") and a US postal code ("San
Francisco, CA 94107").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.claims.spans import NumSpan

#: A US state's two-letter code and the five digits of a postal code after it.
_US_STATE = re.compile(r"[A-Z]{2}")
_ZIP = re.compile(r"\d{5}")
#: Nouns a hyphenated measure names a place by ("the 35-yard line", "the 10-metre mark").
PLACE_NOUNS = frozenset({"line", "mark"})


def is_idiom(doc: Doc, span: NumSpan) -> bool:
    """Whether the number sits in one of the set phrases above."""
    first = doc[span.first]
    prev = doc[span.first - 1] if span.first > 0 else None
    prev2 = doc[span.first - 2] if span.first > 1 else None
    end = span.unit_tok if span.unit_tok is not None else span.last
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    low = first.lower_
    if prev is not None and prev.lower_ == "at" and low == "one" and span.unit == "point":
        return True
    if low == "one" and nxt is not None and nxt.lower_ == "such":
        return True
    if low == "two" and prev is not None and prev.lower_ == "or" and prev2 is not None:
        # "an app or two": a singular noun with its article before "or two"
        return prev2.tag_ == "NN" and any(c.lower_ in {"a", "an"} for c in prev2.children)
    if span.unit is None and nxt is not None and nxt.lower_ == "block" and _next_is(doc, nxt.i, "of"):
        return True  # "the 1200 block of Elm Street": a street address
    if span.unit_tok is not None and nxt is not None and nxt.lower_ in PLACE_NOUNS:
        return "-" in doc.text[span.start : span.end]  # "the 2-yard line", not "a 2 yard line"
    return prev is not None and bool(_US_STATE.fullmatch(prev.text) and _ZIP.fullmatch(first.text))


def _next_is(doc: Doc, i: int, word: str) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ == word
