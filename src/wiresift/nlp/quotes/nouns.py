"""Noun cues with an owner: "Trump's claim that the border is secure", "her decision to run".

The owner (a possessive before the noun) is the source; the clause the noun governs ("that ...",
"to ...") is the content. A noun cue without an owner ("the claim that ...") is left out: its
source is somewhere else in the text, and guessing it lost more speakers than it found quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.quotes.bounds import cut_tail

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns of saying and believing whose clause is what their owner said or holds. Left out after a
#: PolNeAR train run: "plan", "decision", "proposal", "refusal", "promise", "comment", "remark"
#: (their owner named the gold source in under half of the true positives: the gold mostly counts
#: the phrase as part of an outer report, or not at all).
NOUN_CUES = words(
    "claim assertion argument suggestion warning pledge vow insistence contention prediction "
    "allegation demand threat assurance belief view hope"
)
#: Nouns whose owner's stance a copula states: "Obama's bet is that the rules will stick".
COPULA_NOUNS = NOUN_CUES | words("bet position concern fear worry message point conclusion assessment case")
#: The clause under the noun needs this many words to be a content.
MIN_NOUN_WORDS = 3
#: Possessives that name no one ("its claim" may be a poll's or a company's: kept, it is a source).
NOT_OWNERS = frozenset({"whose"})
_WORD = re.compile(r"\w+")


def noun_positions(sdoc: Doc) -> list[int]:
    """Indices of nouns whose lemma is a noun cue (from spaCy's arrays, no token objects)."""
    import numpy as np
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import NOUN

    if not len(sdoc):
        return []
    strings = sdoc.vocab.strings
    hashes = np.array([strings.add(lemma) for lemma in sorted(COPULA_NOUNS)], dtype="uint64")
    arr = sdoc.to_array([LEMMA, POS])
    hit = np.isin(arr[:, 0], hashes) & (arr[:, 1] == NOUN)
    return [int(i) for i in np.nonzero(hit)[0]]


def noun_report(sdoc: Doc, noun: Token) -> tuple[Token, Speaker] | None:
    """The clause a possessed noun cue governs and the possessor as its speaker."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if owner is None or owner.lower_ in NOT_OWNERS:
        return None
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if noun.lemma_.lower() not in NOUN_CUES:
        clause = None  # "his concern for ...": only the copula states these nouns' content
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Obama's bet is that ...": the clause the copula takes
        clause = next((c for c in noun.head.rights if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    opener = sdoc[clause.left_edge.i]
    if opener.lower_ not in ("that", "to") or opener.head.i != clause.i:
        return None  # "his plan, which ...", "the decision made by": not a content
    left, right = owner.left_edge.i, owner.i + 1
    span = sdoc[left:right]
    return clause, Speaker(
        span.start_char, span.end_char, owner.lower_, owner.idx, owner.idx + len(owner.text)
    )


def noun_reports(text: str, sdoc: Doc, found: list[tuple[int, int]]) -> list[tuple[int, int, Token, Speaker]]:
    """(start, end, noun, owner) of every owned noun cue outside the contents in ``found``: a noun
    inside another report ("critics rejected his claim that ...") is counted there by PolNeAR, and
    its owner would mostly be the wrong speaker."""
    out = []
    for i in noun_positions(sdoc):
        noun = sdoc[i]
        if any(start <= noun.idx < end for start, end in found):
            continue
        got = noun_report(sdoc, noun)
        if got is None:
            continue
        clause, speaker = got
        right = cut_tail(clause, clause, clause.right_edge, {})
        start, end = clause.left_edge.idx, right.idx + len(right)
        para_end = text.find("\n", noun.idx)
        end = min(end, para_end if para_end != -1 else len(text))
        while end > start and text[end - 1] in " ,.;:—–-":
            end -= 1
        if sum(1 for _ in _WORD.finditer(text, start, end)) >= MIN_NOUN_WORDS:
            out.append((start, end, noun, speaker))
    return out
