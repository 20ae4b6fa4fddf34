"""Quotation marks, known to every stage: which characters open and close a quotation, and whether a
position lies inside one.

The quotes stage finds direct quotes by these marks (:mod:`wiresift.nlp.quotes.marks`); the entities
stage asks whether a mention lies inside quoted words (:func:`inside_marks`). Kept here, below both
stages, so that neither imports the other for them.
"""

from __future__ import annotations

#: Curly and guillemet opening marks (a low double quote opens in some European styles).
OPENING = "“„«"
#: Curly and guillemet closing marks.
CLOSING = "”»"
#: The straight double quote, which opens and closes alike.
STRAIGHT = '"'


def inside_marks(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside quotation marks opened after ``start`` (a straight mark toggles)."""
    inside = False
    for ch in text[start:pos]:
        if ch in OPENING:
            inside = True
        elif ch in CLOSING:
            inside = False
        elif ch == STRAIGHT:
            inside = not inside
    return inside
