"""How salient an organisation is where a bare nominal ("the company", "the group") stands: named in
the sentences just before it, or the organisation the whole story is about (:mod:`sources` picks
among the candidates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.entities.index import EntityIndex


def token_from(sdoc: Doc, pos: int) -> Token | None:
    """The first token of ``sdoc`` that starts at or after the character offset ``pos``."""
    i = doccache.of(sdoc).first_from(pos)
    return sdoc[i] if i is not None else None


#: Sentences before a nominal's own in which a lone candidate organisation counts as named lately.
LATELY_SENTENCES = 2


def named_lately(index: EntityIndex, eid: str, pos: int) -> bool:
    """Whether ``eid`` is named in the sentence of ``pos`` or the :data:`LATELY_SENTENCES` before it."""
    tok = token_from(index.sdoc, pos) if index.sdoc is not None else None
    if tok is None:
        return True
    sent = tok.sent
    for _ in range(LATELY_SENTENCES):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    lo = sent.start_char
    return any(lo <= start < pos for start, _end in index.entities[eid].mentions)


#: How many times more often than any other candidate the story's own organisation is named.
TOPIC_RATIO = 2
#: ...and at least this often.
TOPIC_MIN_MENTIONS = 3


def topic_org(index: EntityIndex, candidates: list[str]) -> str | None:
    """The candidate the whole story is about: named at least :data:`TOPIC_MIN_MENTIONS` times and
    :data:`TOPIC_RATIO` times as often as every other candidate ("the company" in a story naming
    Acme a dozen times, the regulator and the wire service that reported it a few times each)."""
    counts = sorted(((len(index.entities[eid].mentions), eid) for eid in candidates), reverse=True)
    top, eid = counts[0]
    if top < TOPIC_MIN_MENTIONS or (len(counts) > 1 and top < TOPIC_RATIO * counts[1][0]):
        return None
    return eid
