"""Counts whose noun is elided in a parallel clause: "Whitfield has 40 wards. Okafor has 9, Brandt
has 3" counts wards three times.

A plain count that stands alone as the subject or object of a verb, with no noun of its own,
repeats the noun of the last plain count that the same verb (by lemma) took in the same sentence or
the one before it, within the paragraph: the writer dropped the noun because the parallel clause
had just named it. Another verb ("Guards stopped 20 hikers. Five were fined") or another kind
of figure (an amount, a share) copies nothing, nor does a count under a fronted partitive ("Of
those hurt, 7 were ...", which the guideline reads as naming no noun).

A share set off right after the share it restates ("A fifth of renters, 20 %, say ...") counts
the same noun (:func:`fill_restated_shares`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wiresift.model import Claim

#: Clause roles of a count that stands for its noun phrase.
_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


def _verb_of(top: Token) -> Token | None:
    """The verb whose subject or object the count (or the noun it modifies) is."""
    tok = top.head if top.dep_ in {"nummod", "quantmod"} else top
    if tok.dep_ not in _ROLES or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    return tok.head


def _alone(top: Token) -> bool:
    """The count heads its phrase with no noun, "of" or clause of its own ("Okafor has 9")."""
    return (
        top.dep_ in _ROLES
        and top.pos_ == "NUM"
        and not any(c.dep_ in {"prep", "relcl", "acl", "compound", "amod"} for c in top.children)
    )


def _near(earlier: Token, later: Token, text: str) -> bool:
    """Same sentence, or the sentence right before, with no line break between."""
    sent, prev = later.sent, earlier.sent
    if sent.start != prev.start and prev.end != sent.start:
        return False
    return "\n" not in text[earlier.idx : later.idx]


def fill_elided(claims: list[Claim], tops: list[Token], owned: list[bool], text: str) -> None:
    """Give each count of an elided noun the noun of its parallel count (see the module text)."""
    for k, (claim, top) in enumerate(zip(claims, tops, strict=True)):
        if claim.counted is not None or claim.unit is not None or owned[k] or not _alone(top):
            continue
        verb = _verb_of(top)
        if verb is None or any(c.dep_ == "prep" and c.lower_ == "of" and c.i < top.i for c in verb.children):
            continue  # "Of those hurt, 7 were ...": a fronted partitive names the set (the gold reads null)
        for j in range(k - 1, -1, -1):
            other, other_top = claims[j], tops[j]
            if not _near(other_top, top, text):
                break
            if other.unit is not None or other.counted is None:
                continue
            other_verb = _verb_of(other_top)
            if other_verb is not None and other_verb.lemma_.lower() == verb.lemma_.lower():
                claim.counted = other.counted
                break


#: A restated share rounds the words before it ("three in 10 — 31 percent", "a fifth, 20 %"):
#: within this many points it is the same share.
_RESTATED_POINTS = 2.0
#: Marks that set off a restated share: "A fifth of renters, 20 %, ...", "three in 10 owners — 31 percent —".
_SET_OFF = frozenset({",", "—", "–", "--", "-", "("})


def fill_restated_shares(claims: list[Claim], tops: list[Token]) -> None:
    """A share set off right after the noun of the share before it restates that share in other
    words ("A fifth of renters, 20 %, say ...", "three in 10 shop owners — 31 percent —",
    the same value within a rounding): it counts the same noun. The parser reads such a share as the subject or an apposition of
    something else as often as of the noun."""
    for k in range(1, len(claims)):
        claim, prev = claims[k], claims[k - 1]
        # the parser's apposition may have given it the fraction word ("A quarter of X, 25 %" -> quarter)
        own = claim.counted is None or claim.counted.lower() in prev.text.lower().split()
        if claim.unit != "%" or not own or prev.unit != "%" or prev.counted is None:
            continue
        if claim.value is None or prev.value is None or abs(claim.value - prev.value) > _RESTATED_POINTS:
            continue  # "48 percent of members, 4 percent more than ...": a change, not the same share
        doc = tops[k].doc
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start - 1
        while i >= 0 and doc[i].text in _SET_OFF:
            i -= 1
        noun = doc[i] if 0 <= i < span.start - 1 else None
        if noun is not None and noun.idx >= prev.end and noun.text == prev.counted.split()[-1]:
            claim.counted = prev.counted
