"""Question-and-answer interviews: "Q: When will the tram open?" / "A: We expect the first trains …".

An interview printed as questions and answers names its interviewee in the lines before the first
question ("Mayor Ann Castell spoke with the Herald about …") and marks each turn with "Q:" or "A:"
instead of a name. Each turn is one direct report of the whole line whose local speaker mention is its tag ("A"); an
answer is spoken by the person the introduction names most often by a full name (strictly more often
than anyone else: with two guests no answer is given to either), a question by the interviewer, whom
the text does not name. Reports found inside a turn ("We expect …" read as a report of "we") give
way to it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.quotes.common import Found

if TYPE_CHECKING:
    from wiresift.nlp.entities.index import EntityIndex

#: A turn of a printed interview: "Q: …", "A. …", "Question: …", "Answer: …".
_TURN = re.compile(
    r"^[ \t]*(?P<tag>Q|A|Question|Answer)[ \t]*[:.][ \t]+(?P<body>[^\n]*\w[^\n]*?)[ \t]*$", re.MULTILINE
)


def interviewee(index: EntityIndex, before: int) -> tuple[int, int, str] | None:
    """(start, end, id) of the fullest mention, before ``before``, of the person with a full name named
    there most often (strictly more often than any other); None when there is no such person."""
    counts: Counter[str] = Counter()
    for start, _end, eid in index.mentions:
        if start >= before:
            break
        entity = index.entities[eid]
        if entity.type == "PERSON" and len(entity.name.split()) > 1:
            counts[eid] += 1  # (a one-word PERSON is as often a place or thing the tagger mistyped)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    eid = ranked[0][0]
    spans = [(s, e) for s, e in index.entities[eid].mentions if e <= before]
    start, end = max(spans, key=lambda span: (span[1] - span[0], -span[0]))
    return start, end, eid


def answer_turns(text: str, index: EntityIndex | None, found: list[Found]) -> list[Found]:
    """``found`` with each turn of a question-and-answer interview as one direct report under its tag,
    an answer's tag standing for the interviewee, replacing the reports found inside it; ``found``
    unchanged when the text has no "Q:" and "A:" lines or the introduction names no one interviewee."""
    if index is None:
        return found
    turns = list(_TURN.finditer(text))
    answers = [m for m in turns if m.group("tag")[0] == "A"]
    if not answers or not any(m.group("tag")[0] == "Q" for m in turns):
        return found
    person = interviewee(index, turns[0].start())
    if person is None:
        return found
    eid = person[2]
    out = [f for f in found if not any(t.start() <= f.start < t.end() for t in turns)]
    for m in turns:
        tag = Speaker(m.start("tag"), m.end("tag"), m.group("tag").lower(), m.start("tag"), m.end("tag"))
        answer = m.group("tag")[0] == "A"
        out.append(
            Found(
                m.start("body"),
                m.end("body"),
                "direct",
                None,
                None,
                tag,
                m.start(),
                entity=eid if answer else None,
            )
        )
    return out
