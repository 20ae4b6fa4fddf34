"""Direct-quote spans from quotation marks, one paragraph at a time, tolerant of stray marks.

Straight and curly double quotes both count, and so do two apostrophes and, as an opening mark, two
backticks (the ``archive'' convention of wire copy). A quote still open at the end of its paragraph runs
to the paragraph end (the news convention for a quote that continues in the next paragraph); a
stray closing mark with no opening one closes a quote that began at the paragraph start, and one
that opens a paragraph opens a quote. No
paragraph is ever refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiresift.nlp.textmarks import CLOSING, OPENING, STRAIGHT

_PARAGRAPH = re.compile(r"[^\n]+")
#: Two apostrophes stand for a double quote in some newspaper archives (''like this''), and two
#: backticks for an opening one in wire archives (``like this'').
_MARKS = re.compile(r"''|``|[\"“”„«»]")


@dataclass(frozen=True)
class Marked:
    start: int  # at the opening mark (or the paragraph start for a stray closing mark)
    end: int  # after the closing mark (or at the paragraph end when unclosed)
    closed: bool
    para_start: int
    para_end: int


def marked_spans(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, marks included, in order."""
    out: list[Marked] = []
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.start(), para.end()
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        open_at: int | None = None
        for m in _MARKS.finditer(text, p_start, p_end):
            ch, pos = m.group(), m.start()
            if ch == "''":
                ch = STRAIGHT
            elif ch == "``":
                ch = OPENING[0]
            at_para_start = open_at is None and not text[p_start:pos].strip()
            if ch in OPENING or (ch == STRAIGHT and open_at is None) or (ch in CLOSING and at_para_start):
                if open_at is not None:  # a second opening: the first never closed
                    out.append(Marked(open_at, _rstrip(text, open_at, pos), False, p_start, p_end))
                open_at = pos
            elif open_at is not None:
                out.append(Marked(open_at, m.end(), True, p_start, p_end))
                open_at = None
            elif ch in CLOSING and (not out or out[-1].end <= p_start):
                out.append(Marked(p_start, m.end(), True, p_start, p_end))
        if open_at is not None:
            out.append(Marked(open_at, p_end, False, p_start, p_end))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
