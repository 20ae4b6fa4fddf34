"""Numbers inside set phrases that name no amount: "at one point" (a moment), "one such plume"
(one of a kind the text already named), "an app or two" (a vague few), "the 2-yard line" (a
place on a field), a street block ("the 1200 block of Elm Street"), a US postal code ("San
Francisco, CA 94107", "Brill, OR, 97999"), a clock time or a ratio written with a colon ("10:45",
"at 10: 52 a.m.") and a day after a month name ("September 28-October 3", "until July 19").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp import doccache

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: A US state's two-letter code and the five digits of a postal code after it.
_US_STATE = re.compile(r"[A-Z]{2}")
_ZIP = re.compile(r"\d{5}")
#: Two digits after a colon: the minutes of a clock time or the other side of a ratio.
_MINUTES = re.compile(r"\d\d")
#: Full month names: a day number after one is a date the time layer missed ("September 28-October 3").
#: "May" is also a verb, so it counts only where spaCy calls it a date.
MONTHS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
})  # fmt: skip
_DAYS = 31
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
        return "-" in doccache.of(doc).text[span.start : span.end]  # "the 2-yard line", not "a 2 yard line"
    if (span.unit is None and _clock(doc, span)) or _day_after_month(doc, span, prev):
        return True
    if prev is not None and prev.text == "," and prev2 is not None:
        prev = prev2  # "Brill, OR, 97999"
    return prev is not None and bool(_US_STATE.fullmatch(prev.text) and _ZIP.fullmatch(first.text))


def _clock(doc: Doc, span: NumSpan) -> bool:
    """ "10: 52 a.m.", "a 5:2 ratio": digits before a colon and two digits (also when a stray space
    split them)."""
    last = span.last
    if last + 2 >= len(doc) or doc[last + 1].text != ":" or not doc[span.first].text.isdigit():
        return False
    return bool(_MINUTES.fullmatch(doc[last + 2].text)) and not doc[last].whitespace_


def _day_after_month(doc: Doc, span: NumSpan, prev: Token | None) -> bool:
    """ "from September 28-October 3", "until July 19": a whole number 1-31 right after a capitalised
    month name is its day, when the time layer missed the date; "In April 15 families ..." counts
    families."""
    if prev is None or span.unit is not None or span.value is None or not doc[span.first].text.isdigit():
        return False
    month = prev.lower_ in MONTHS or (prev.lower_ == "may" and prev.ent_type_ == "DATE")
    if not month or not prev.text[:1].isupper() or not 1 <= span.value <= _DAYS:
        return False
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in {"NOUN", "PROPN"} or nxt.ent_type_ == "DATE"


def _next_is(doc: Doc, i: int, word: str) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ == word
