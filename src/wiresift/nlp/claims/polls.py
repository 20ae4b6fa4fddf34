"""A poll named just before a respondent share claims it: "A new Gazette poll shows support for the
plan. Fifty-one percent say it should pass." The share's poll is not in its own sentence, so no
reporting verb or preposition ties them (:func:`~wiresift.nlp.claims.attrib.poll_over` handles
those); what ties them is the shape of the share: a count of people who say, think or want
something, the finding of a poll by its very wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Nouns of a poll whose respondents a following share counts.
POLL_WORDS = frozenset({"poll", "survey"})
#: Verbs whose subject is a share of respondents ("51 percent say", "44 percent of voters want").
RESPONSE_VERBS = frozenset(
    {
        "say", "think", "believe", "support", "oppose", "want", "approve", "disapprove", "favor",
        "favour", "prefer", "agree", "disagree", "feel", "view", "consider", "expect", "back",
    }
)  # fmt: skip
#: How many sentences before the share's own a poll may be named (its findings run on).
SENTENCES_BACK = 2


def respondent_share(number: Token) -> bool:
    """Whether the number (or the share noun it modifies) is the subject of a verb of response."""
    tok = number
    while tok.dep_ in {"nummod", "quantmod", "compound", "amod"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in RESPONSE_VERBS


def poll_before(sent: Span, number: Token) -> Token | None:
    """The nearest poll named before a respondent share, in its own sentence or in the
    :data:`SENTENCES_BACK` sentences before it within the same paragraph; None otherwise."""
    if not respondent_share(number):
        return None
    doc = sent.doc
    first = sent.start
    for _ in range(SENTENCES_BACK):
        if first == 0:
            break
        prev = doc[first - 1].sent
        if "\n" in doccache.of(doc).text[prev.start_char : doc[first].idx]:
            break  # a line break: the poll belongs to another passage
        first = prev.start
    for tok in reversed(doc[first : number.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in POLL_WORDS:
            return tok
    return None
