"""Clause tests the quote rules share: polls that report their respondents, placeholder "it",
restrictive clauses, the report a clause sits in, "I" inside a quote, the reader's "you", "according to X"
scopes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.quotes.common import _WORD, FIRST_PERSON, Found
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.marks import Marked
from wiresift.nlp.quotes.modes import STATEMENT
from wiresift.nlp.quotes.speaker import (
    MAX_CLIMB,
    SUBJECTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Head words of a share of the people polled ("61 percent of voters", "a majority", "three in four"):
#: what they say is reported by the poll that found it.
POLLED_SHARES = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter", "three"})
#: Verbs by which a poll, survey or study reports what its respondents said.
POLL_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "say"})


def polled_by(verb: Token) -> Token | None:
    """The verb a few heads up by which a poll reports ``verb``'s share of respondents: "The poll
    shows Lee ahead, with 9 percent backing a third candidate"."""
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_ in POLL_VERBS and tok.pos_ == "VERB" and tok.i < verb.i:
            subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
            # ("60 percent said …, while 30 percent said …": no poll above)
            return tok if subjects and subjects[0].lower_ not in POLLED_SHARES else None
    return None


#: How many heads up from a relative clause the report holding it may be.
MAX_ENCLOSING = 6


#: Verbs whose subject "it" is a placeholder ("it seems that …").
RAISING_VERBS = frozenset({"seem", "appear"})
#: Verbs whose "it" lends no source to the infinitive or participle below ("it is hard to predict …",
#: "it means admitting …").
PLACEHOLDER_HEADS = RAISING_VERBS | frozenset({"be", "mean"})


def expletive(verb: Token) -> bool:
    """Whether a subject "it" of ``verb`` stands for no one: the verb is passive ("it was reported
    that …"), a raising verb ("it seems …") or borrows the "it" of a verb above ("it is hard to
    predict …")."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None:  # ("it declined, citing …": a participle's "it" is the one that declined)
        return verb.head.lemma_ in PLACEHOLDER_HEADS
    return subj.dep_ == "nsubjpass" or verb.lemma_ in RAISING_VERBS


def restrictive(sdoc: Doc, verb: Token) -> bool:
    """Whether ``verb`` heads a restrictive relative clause on a common noun ("donors who asked",
    not "Ann Lee, who asked" nor "12 percent who say")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.lower_ in POLLED_SHARES:
        return False
    first = verb.left_edge
    return first.i > 0 and not sdoc[first.i - 1].is_punct


def enclosing_report(verb: Token) -> Token | None:
    """The reporting verb whose clausal complement holds the relative clause of ``verb``: "Lee said
    she met no donors who asked …" (PolNeAR counts what the donors asked as Lee's)."""
    tok = verb
    for _ in range(MAX_ENCLOSING):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "ccomp" and head.lemma_ in CUE_VERBS and head.pos_ == "VERB":
            return head
        tok = head
    return None


def quoted_first_person(found: list[Found]) -> None:
    """ "I"/"we" reporting inside a direct quote is the quote's speaker: in '“I think the plan will
    fail,” Ruiz said' the gold Source of "the plan will fail" is Ruiz."""
    direct = [f for f in found if f.kind == "direct" and f.speaker is not None]
    for f in found:
        if f.kind == "direct" or f.speaker is None or f.speaker.head not in FIRST_PERSON or f.cue is None:
            continue
        at = f.cue.idx
        d = next((d for d in direct if d.start <= at < d.end), None)
        if d is not None:
            f.speaker = d.speaker


#: The head of a speaker that is the page's reader, not a source.
READER = frozenset({"you"})


def reader_addressed(found: list[Found], marks: list[Marked]) -> list[Found]:
    """``found`` without the reports whose speaker is the reader "you" outside quotation marks: "you
    can call it a bargain", "you will find that the battery lasts" are the page speaking to its
    reader, not a source. Inside quoted speech ('“You said the plan would work,” Lee told him') the
    "you" is the speaker's words, and stays."""

    def quoted(at: int) -> bool:
        return any(m.start <= at < m.end for m in marks)

    return [f for f in found if f.speaker is None or f.speaker.head not in READER or quoted(f.speaker.start)]


def attribute_to_according(text: str, found: list[Found], according: list[Found]) -> None:
    """A report inside the content of "according to X" is X's: in "the minister ordered a
    recount, according to two aides" the aides are the source (PolNeAR's one Source). A speech act
    with its own subject keeps it (:func:`own_speech`)."""
    for a in according:
        if a.speaker is None or a.cue is None:
            continue
        for f in found:
            if f is not a and within_according(text, f, a, a.cue.idx) and not own_speech(f):
                f.speaker = a.speaker


#: Pronouns that stand for one person speaking (or "we", a speaker with others) as a verb's subject.
PERSON_SUBJECTS = frozenset({"he", "she", "i", "we"})


def own_speech(f: Found) -> bool:
    """Whether ``f`` holds quoted words told by a speech verb whose own subject, a person (a name the
    tagger calls a person, or "he", "she", "I", "we"), is its speaker: in '"…," Lee said, according to
    the Gazette' the words in quotation marks are Lee's and the paper is only where they were
    reported, as a nested speech act keeps its own speaker ("X said …, Y testified"); the "according
    to" report itself, whose content holds "Lee said", stays the paper's. A report in the writer's
    words ("the general ordered a delay, according to two officials") is the named source's account,
    and a poll's share or a document ("51 percent said …") is not a person."""
    cue, speaker = f.cue, f.speaker
    if f.kind == "indirect" or cue is None or speaker is None:
        return False
    if cue.pos_ != "VERB" or cue.lemma_ not in STATEMENT:
        return False
    return any(
        c.dep_ == "nsubj"
        and c.idx == speaker.head_start
        and (c.ent_type_ == "PERSON" or c.lower_ in PERSON_SUBJECTS)
        for c in cue.children
    )


def within_according(text: str, f: Found, a: Found, cue_at: int) -> bool:
    """Whether ``f`` lies in the content of the "according to" report ``a`` (cue at ``cue_at``),
    in the cue's paragraph (the parse can run a sentence over a paragraph break)."""
    first = _WORD.search(text, f.start, f.end)  # (the content starts after an opening mark)
    if first is None or first.start() < a.start:
        return False
    lo, hi = sorted((cue_at, f.start))
    if "\n" in text[lo:hi]:
        return False
    # a quote with no speaker of its own may run past the sentence: 'According to X, “…. …”'
    return f.end <= a.end or (f.speaker is None and cue_at < f.start < a.end)


def text_is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "\"“'‘"
