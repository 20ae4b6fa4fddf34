"""The person a sentence-opening "he"/"she" continues: the subject of the sentences before it.

News copy keeps the person it is talking about in subject position: "Lee was the third witness to
testify. He said he was not worried." — the "he" is Lee, not the last person named ("…the call with
President Obe") nor the speaker of a quote two paragraphs up. :func:`subject_antecedent` walks back
over at most :data:`MAX_SENTENCES` sentences from a pronoun that is its sentence's main subject: a
sentence whose main subject is the same pronoun passes the chain on ("Ann Lee faces a fine. She was
arrested in May. During the call, she asked …"), a sentence naming no person is skipped, and the
first main subject that is a person of a compatible gender answers. Anything else abstains.
A sentence-opening "they" after a sentence about an unnamed group ("Analysts expect …") means that
group (:func:`unnamed_group`), no entity.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from wiresift.nlp.entities.mentions import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wiresift.nlp.entities.coref_model import DocCoref
    from wiresift.nlp.entities.index import EntityIndex

#: Sentences a subject chain may reach back over.
MAX_SENTENCES = 3
_GENDER = {"he": "m", "she": "f"}
_PLURAL = frozenset({"they"})


def main_subject(sent: Span) -> Token | None:
    """The subject of the sentence's root verb (the first, when conjoined), else None."""
    for tok in sent.root.children:
        if tok.dep_ in SUBJECT_DEPS:
            return tok
    return None


def _person_at(index: EntityIndex, tok: Token) -> str | None:
    eid = index.at(tok.idx, tok.idx + len(tok.text))
    entity = index.get(eid)
    return eid if entity is not None and entity.type == "PERSON" else None


def _names_person(index: EntityIndex, sent: Span) -> bool:
    lo = bisect_left(index.mentions, (sent.start_char, 0, ""))
    hi = bisect_left(index.mentions, (sent.end_char, 0, ""))
    return any(index.entities[eid].type == "PERSON" for _s, _e, eid in index.mentions[lo:hi])


def subject_antecedent(index: EntityIndex, state: DocCoref, head_start: int) -> str | None:
    """The person the pronoun at ``head_start`` continues as its sentence's subject, or None."""
    tok = state.geo.token(head_start, head_start + 1)
    if tok is None or tok.lower_ not in _GENDER or tok.dep_ not in SUBJECT_DEPS:
        return None
    sent = tok.sent
    first = main_subject(sent)
    if first is None or first.lower_ != tok.lower_:
        return None  # "Lee said he would …": the pronoun is not what the sentence is about
    gender = _GENDER[tok.lower_]
    sdoc = tok.doc
    for _ in range(MAX_SENTENCES):
        if sent.start == 0:
            return None
        sent = sdoc[sent.start - 1].sent
        subject = main_subject(sent)
        if subject is not None and subject.lower_ == tok.lower_:
            continue
        eid = _person_at(index, subject) if subject is not None else None
        if eid is not None:
            return eid if state.gender(eid, chains=False) in ("", gender) else None
        if _names_person(index, sent):
            return None
    return None


def unnamed_group(index: EntityIndex, state: DocCoref, head_start: int) -> bool:
    """Whether a sentence-opening "they" continues the previous sentence's subject and that subject
    is a group the text does not name ("Analysts expect a rise. They say …"): then no entity is
    meant, and the nearest organisation must not take the words."""
    tok = state.geo.token(head_start, head_start + 1)
    if tok is None or tok.lower_ not in _PLURAL or tok.dep_ not in SUBJECT_DEPS:
        return False
    first = main_subject(tok.sent)
    if first is None or first.i != tok.i or tok.sent.start == 0:
        return False
    subject = main_subject(tok.doc[tok.sent.start - 1].sent)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return False
    return index.at(subject.idx, subject.idx + len(subject.text)) is None
