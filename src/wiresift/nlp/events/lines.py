"""Line-level shapes of an event's actors: a line break bounds a phrase, and a headline's bare past
form is a passive.

A news page puts page chrome ("Advertisement", a photo credit, a dateline) on a line of its own, and
the parser may hang it on the first noun of the next line ("Advertisement\\nPolice arrested"): an
actor's phrase never reaches across a line break (:func:`on_line`). A headline writes the active in
the present ("Minister attacks plan") and leaves out the auxiliary of a passive ("Minister attacked
over plan"): the bare past form of a verb that takes an object, with a subject and no object, on a
headline line (:func:`headline_line`), makes its subject the one the act is done to, and no one its
source unless a "by" phrase names them (:func:`headline_passive`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp import doccache

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs that take the one they are done to as object and read as a headline's passive in their bare
#: past form ("Minister attacked over cuts", "Journalist threatened after report", "Club fined").
HEADLINE_PASSIVE_VERBS = frozenset({
    "attack", "assault", "ambush", "target", "raid", "bomb", "shell", "beat", "rob", "harass",
    "torture", "criticize", "criticise", "slam", "blast", "condemn", "denounce", "accuse", "blame",
    "threaten", "warn", "sanction", "fine", "punish", "ban", "sack", "oust", "suspend", "summon",
    "question", "interrogate", "rebuke", "censure", "reprimand", "impeach", "evict", "expel", "bar",
})  # fmt: skip
#: Words of a headline line at most.
HEADLINE_WORDS = 20
_STOPS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")")
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr"})
#: A blank line: a line break, spaces or tabs only, and another line break (each start found, so that
#: the runs of "\n\n\n" overlap as the text's own do).
_BLANK_LINE = re.compile(r"(?=(\n[ \t]*\n))")


def _breaks(tok: Token) -> bool:
    return "\n" in tok.text or "\n" in tok.whitespace_


def _line_marks(cache: doccache.DocCache) -> list[int]:
    """The indices of the tokens :func:`on_line` reads apart, in order: those whose text holds a line
    break, and those of spaces only (``tok.is_space``). A token's trailing space (``tok.whitespace_``)
    is one space or none, never a line break."""

    def build() -> list[int]:
        from spacy.attrs import IS_SPACE

        spaces = np.nonzero(cache.doc.to_array(IS_SPACE))[0].tolist()
        # every line break of the text is inside a token (a trailing space is never one): the token
        # starting last at or before it
        offsets = cache.offsets
        breaks = [bisect.bisect_right(offsets, m.start()) - 1 for m in re.finditer("\n", cache.text)]
        return sorted({*spaces, *breaks})

    return cache.memo(("events.lines.marks",), build)


def on_line(toks: list[Token], head: Token) -> list[Token]:
    """The tokens of ``toks`` on ``head``'s line: none before a line break that precedes the head, none
    after one that follows it ("Advertisement\\nPolice" -> "Police")."""
    ids = [t.i for t in toks]
    lo, hi = min(head.i, *ids), max(head.i, *ids)
    marks = _line_marks(doccache.of(head.doc))
    k = bisect.bisect_left(marks, lo)
    if k == len(marks) or marks[k] > hi:  # no line break and no space among them: all on the line
        return [t for t in toks if t.i <= head.i] + [t for t in toks if t.i > head.i]
    out = [t for t in toks if t.i <= head.i]
    for k in range(len(out) - 1, -1, -1):
        if out[k].i < head.i and _breaks(out[k]):
            out = out[k + 1 :]
            break
    after: list[Token] = []
    if not _breaks(head):
        for t in (t for t in toks if t.i > head.i):
            if "\n" in t.text:
                break
            after.append(t)
            if "\n" in t.whitespace_:
                break
    kept = [t for t in out if not t.is_space] + [t for t in after if not t.is_space]
    return kept or [head]


def headline_line(tok: Token) -> bool:
    """``tok`` stands on a line of its own that reads as a headline or subhead: it starts with a capital,
    holds at most :data:`HEADLINE_WORDS` words, ends without a stop, and the next line (if any) does not
    carry on its sentence in lower case (a hard-wrapped paragraph's line)."""
    text = doccache.of(tok.doc).text
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or not line[0].isupper() or line.endswith(_STOPS) or len(line.split()) > HEADLINE_WORDS:
        return False
    rest = text[end:].lstrip()
    return not rest or not rest[0].islower()


def _line_of(tok: Token) -> tuple[int, int]:
    text = doccache.of(tok.doc).text
    end = text.find("\n", tok.idx)
    return text.rfind("\n", 0, tok.idx) + 1, len(text) if end < 0 else end


def headline_passive(verb: Token) -> bool:
    """``verb`` is a headline's passive: the bare past form of a :data:`HEADLINE_PASSIVE_VERBS` verb
    with a subject, no object and no auxiliary on its line, the line a headline ("Minister attacked
    over cuts"; the parser may hang the next paragraph on it)."""
    if verb.lemma_.lower() not in HEADLINE_PASSIVE_VERBS or verb.tag_ not in {"VBN", "VBD"}:
        return False
    start, end = _line_of(verb)
    kids = [c for c in verb.children if start <= c.idx < end]
    return (
        any(c.dep_ in _SUBJECT_DEPS for c in kids)
        and not any(c.dep_ in _OBJECT_DEPS or c.dep_ in {"aux", "auxpass", "ccomp", "xcomp"} for c in kids)
        and headline_line(verb)
    )


def same_paragraph(a: Token, b: Token) -> bool:
    """No blank line stands between ``a`` and ``b``: the parser may hang a line of page chrome on the
    next paragraph's verb ("Advertisement\\n\\nUpon interception, gunmen fired"), never an argument."""
    lo, hi = sorted((a.idx, b.idx))
    cache = doccache.of(a.doc)
    starts, ends = cache.memo(("events.lines.blank_lines",), lambda: _blank_lines(cache.text))
    k = bisect.bisect_left(starts, lo)
    return k == len(starts) or ends[k] > hi


def _blank_lines(text: str) -> tuple[list[int], list[int]]:
    """Where each blank line of ``text`` starts and ends (both rising: each run ends at the next line
    break after its start)."""
    found = [(m.start(), m.start() + len(m.group(1))) for m in _BLANK_LINE.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]
