"""Fractions in words that give a share of something named after "of" (issue #12): "half of the
cars", "a third of its staff", "two-thirds of voters", "three quarters of the homes" are shares
(50 %, 33.3 %, 66.7 %, 75 %) counting the "of" object, as the guideline reads "three-quarters" = 75 %.
Not "up by a third" (no "of"), "a third nation", "half-brother", a part named as such ("the
lower half of a door"), nor a part of a time ("half of the year", "a quarter of an hour").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.claims.times import TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Denominator words -> the share one part of them is, in percent.
PARTS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_PLURAL_PARTS = {"thirds": "third", "quarters": "quarter", "fifths": "fifth", "tenths": "tenth"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
#: The lower-cased words a fraction can start with: :func:`fraction_at` is None at any other token.
FRACTION_STARTS = frozenset({"half", *_COUNTS})
#: How far after "of" the object's noun may lie ("half of all the new cars").
_OBJECT_WINDOW = 5


def fraction_at(doc: Doc, i: int) -> tuple[float, int] | None:
    """The share in percent and the index of the part word when a fraction starts at token ``i``
    and is followed by "of" and a noun that is no time word; None otherwise."""
    n = len(doc)
    low = doc[i].lower_
    if low == "half":
        if i > 0 and doc[i - 1].lower_ in {"a", "one", "and"}:
            return None  # "one and a half", "a half": a count or a duration, read elsewhere
        if i > 0 and (doc[i - 1].pos_ in {"ADJ", "DET"} or doc[i - 1].tag_ == "PRP$"):
            return None  # "the lower half of a door", "the first half of": a part, not a share
        count, part, word = 1, i, low
    elif low in _COUNTS and i + 1 < n:
        part = i + 2 if doc[i + 1].text in {"-", "‐"} and i + 2 < n else i + 1
        count = _COUNTS[low]
        plural = doc[part].lower_ in _PLURAL_PARTS
        word = _PLURAL_PARTS.get(doc[part].lower_, doc[part].lower_)
        if word not in PARTS or word == "half" or (count > 1) != plural:
            return None  # "two third", "a thirds", "one half" (read as a number)
    else:
        return None
    share = count * PARTS[word]
    if part + 1 >= n or doc[part + 1].lower_ != "of" or share >= 100:
        return None
    for tok in doc[part + 2 : min(n, part + 2 + _OBJECT_WINDOW)]:
        if tok.like_num:
            return None  # "half of 1 percent": a value, read with its number
        if tok.pos_ in {"NOUN", "PROPN", "PRON"}:
            return None if tok.lower_ in TIME_UNITS or tok.ent_type_ in {"DATE", "TIME"} else (share, part)
    return None
