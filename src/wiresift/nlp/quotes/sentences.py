"""The sentence a reported content may not leave.

An indirect or mixed content comes from the parse: the subtree of the cue's complement. When the
parser merges two sentences (a closing quotation mark, a line break it does not treat as a break, an
abbreviation it misreads), that subtree runs on into the next sentence, and every number or name of
that sentence is then handed to the speaker (the claims stage reads its claimants from these spans).
The bounds here come from the text, not the parse: a paragraph break always ends a sentence, and so
does a ``.``, ``!`` or ``?`` (with any closing marks after it) followed by white space and a capital, a
digit or an opening mark, unless it lies inside quotation marks ("he called it “a mess. A total
mess.”" is one sentence of the reporter's) or ends a short abbreviation ("Mr.", "U.S.", "p.m.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from wiresift.nlp.quotes.marks import Marked

#: A sentence end and the white space after it; the next sentence starts at ``m.end()``.
_END = re.compile(r"[.!?][\"”’')\]]*[^\S\n]+(?=[\"“‘(\[]?[A-Z0-9])")
#: What before a full stop makes it an abbreviation: a capital and up to three letters ("Mr", "Sen",
#: "Gov"), a single letter, or dotted letters ("U.S", "p.m").
_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,3}|[A-Za-z](?:\.[A-Za-z])+|[a-z]")
#: The word before a full stop: from the last space, opening mark, bracket or hyphen ("then-Sen.").
_LAST_WORD = re.compile(r"[^\s(\[“\"'-]*$")


def sentence_unit(text: str, at: int, marks: Sequence[Marked] = ()) -> tuple[int, int]:
    """The ``[start, end)`` of the sentence holding character ``at`` (``marks``: the quoted stretches of
    ``text`` in order, whose inner sentence ends do not count)."""
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    if para_end == -1:
        para_end = len(text)
    starts = [m.start for m in marks]
    lo, hi = para_start, para_end
    for m in _END.finditer(text, para_start, para_end):
        stop = m.start()
        if text[stop] == "." and _abbreviation(text, max(para_start, stop - 12), stop):
            continue
        nxt = m.end()
        i = bisect_right(starts, nxt) - 1
        if i >= 0 and marks[i].start < nxt < marks[i].end:
            continue
        if nxt <= at:
            lo = nxt
        else:
            hi = nxt
            break
    return lo, hi


def _abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the word that ends at the full stop at ``stop`` is an abbreviation."""
    word = _LAST_WORD.search(text, start, stop)
    return word is not None and _ABBREVIATION.fullmatch(word.group()) is not None


def clip_to_sentence(
    text: str, start: int, end: int, cue_at: int, marks: Sequence[Marked] = ()
) -> tuple[int, int] | None:
    """``[start, end)`` cut to the sentence of the cue at ``cue_at``, without the white space and the
    sentence's final stop at an edge it cuts. Unchanged when it lies inside that sentence, and when it
    does not touch that sentence (a content after a colon, or one the rules took from another sentence
    on purpose). None when nothing with a word is left."""
    lo, hi = sentence_unit(text, cue_at, marks)
    if end <= lo or start >= hi or (lo <= start and end <= hi):
        return start, end
    cut_start, cut_end = start < lo, end > hi
    start, end = max(start, lo), min(end, hi)
    while end > start and text[end - 1].isspace():
        end -= 1
    if cut_end and end > start and text[end - 1] in ".!?":
        end -= 1  # the stop that ends the sentence stays out, as it does for any indirect content
    while cut_start and start < end and text[start].isspace():
        start += 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end
