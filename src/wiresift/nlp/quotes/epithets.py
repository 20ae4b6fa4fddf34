"""Role and description mentions of a person: who "the former pollster", "the famously blunt senator"
or "the Navy veteran" is, and whom "one Welk confidant" is not.

News names a person once and then refers to them by what they are: "Ivan Dross told the host that
turnout would be low. The former pollster said …". Such a definite description (an *epithet*) is the
person the sentence before was about: the active subject of the sentence right before, when no one
else is known to hold the role and the text has not introduced someone unnamed by that noun ("a
nurse … the nurse said" is the nurse, not whoever the sentence before was about). Where several
people hold the role ("the governor" in a story about three governors), the one the last sentences
were about is meant.

A person noun whose only name is a modifier of it ("one Welk confidant", "senior Welk campaign
officials", "many Welk supporters", "the Navy veteran") is not that name: a person's confidant is
another person, a veteran of a navy is no navy. Only a spokesperson speaks for the person who employs
them, and an organisation's officials, lawyers and spokespeople for the organisation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import ORG_NOMINAL_HEADS, PARTY_MEMBERS, role_noun, words
from wiresift.nlp.entities.organisations import MEMBER_ROLES
from wiresift.nlp.entities.salience import main_subject
from wiresift.nlp.quotes.appositions import SPOKES_HEADS
from wiresift.nlp.quotes.sources import (
    DOCUMENT_HEADS,
    ORG_HEADS,
    ORG_TYPES,
    PERSON_LOOKBACK,
    POLL_HEADS,
    _entity_of,
    token_from,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wiresift.nlp.entities.coref import Speaker
    from wiresift.nlp.entities.index import EntityIndex

#: People nouns the role lexicon does not hold ("a campaign source", "party figures").
PEOPLE_NOUNS = words("source figure insider confidant")
#: Endings of agent nouns that name a person ("pollster", "strategist", "historian", "congressman");
#: "-ent", "-ant" and "-ee" also end "department", "government", "committee".
PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ess")
#: Heads of a body, a finding or a document: never a person whatever their ending.
NOT_PERSONS = ORG_HEADS | ORG_NOMINAL_HEADS | POLL_HEADS | DOCUMENT_HEADS
#: Person nouns whose holder speaks for the organisation that names them ("an Acme official said").
ORG_VOICES = (
    MEMBER_ROLES
    | SPOKES_HEADS
    | words("official source aide leader lawyer attorney officer director manager")
)
#: Dependents after a description's head that make it identify someone of its own ("the secretary of
#: the council, Ann Lee", "the man who called"): not a mention of someone named before.
IDENTIFYING_DEPS = frozenset({"prep", "appos", "relcl", "acl"})
#: Sentences back the person a role tie goes to may have been the subject ("the governor" of three).
TIE_SENTENCES = 3


def person_noun(lemma: str) -> bool:
    """Whether a common noun names a person: a role or title word, an agent noun of a person's
    ending ("pollster", "strategist"), "source"; never a body or a document ("the company", "the
    department", "the committee", "the letter": the lexicon's agents and endings hold some)."""
    if lemma in NOT_PERSONS:
        return False
    return lemma in PEOPLE_NOUNS or role_noun(lemma, by_ending=False) or lemma.endswith(PERSON_ENDINGS)


def _head_token(index: EntityIndex, speaker: Speaker) -> Token | None:
    sdoc = index.sdoc
    if sdoc is None or speaker.head_start < 0:
        return None
    span = sdoc.char_span(speaker.head_start, speaker.head_end)
    return span[0] if span is not None else None


def modifier_only(index: EntityIndex, speaker: Speaker, eid: str) -> bool:
    """Whether ``eid`` is named in the speaker phrase only as a modifier of a person noun that is not
    its voice ("one Welk confidant", "many Welk supporters", "the Navy veteran"), or is a party the
    head names one member of ("one Republican said", the tagger's ORG for the party)."""
    head = _head_token(index, speaker)
    entity = index.get(eid)
    if head is None or entity is None or head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    if any(s <= head.idx < e for s, e in entity.mentions):
        return entity.type in ORG_TYPES and head.tag_ == "NN" and lemma in PARTY_MEMBERS
    if not any(speaker.start <= s and e <= head.idx for s, e in entity.mentions):
        return False  # named elsewhere in the phrase ("Another Welk ally, Mayor Ann Lee")
    if not person_noun(lemma):
        return False
    if entity.type == "PERSON":
        return lemma not in SPOKES_HEADS
    return entity.type in ORG_TYPES and lemma not in ORG_VOICES


def subject_person(index: EntityIndex, pos: int, candidates: set[str] | None, sentences: int) -> str | None:
    """The person who is the active subject of one of the ``sentences`` sentences before the one at
    ``pos``, the nearest first; with ``candidates``, only one of them (others are passed over). A
    passive subject ("Lee was asked …") is acted on: not the one a later description means; two
    joined ("Lee and Vos examined …") are both, so neither."""
    sdoc = index.sdoc
    if sdoc is None:
        return None
    tok = token_from(sdoc, pos)
    if tok is None:
        return None
    sent = tok.sent
    for _ in range(sentences):
        if sent.start == 0:
            return None
        sent = sdoc[sent.start - 1].sent
        subject = main_subject(sent)
        if subject is not None and any(c.dep_ == "conj" for c in subject.children):
            return None  # "Dr. Lee and Dr. Vos examined …": the sentence is about both
        if subject is None or subject.dep_ != "nsubj":
            if candidates is None:
                return None
            continue
        eid = _entity_of(index, subject)
        entity = index.get(eid)
        if entity is not None and entity.type == "PERSON" and (candidates is None or entity.id in candidates):
            return entity.id
        if candidates is None:
            return None
    return None


def introduced_unnamed(text: str, pos: int, head: str) -> bool:
    """Whether the text before ``pos`` introduces someone by the noun ``head`` ("a nurse who …",
    "one man"): a later "the nurse" is most likely that person, not one named before."""
    lo = max(0, pos - PERSON_LOOKBACK)
    pattern = rf"\b(?:a|an|one|another)\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(head)}\b"
    return re.search(pattern, text[lo:pos], re.IGNORECASE) is not None


def epithet_person(index: EntityIndex, speaker: Speaker, text: str) -> str | None:
    """The person a definite singular person description that no one's titles hold stands for ("The
    former pollster said"): the active subject of the sentence right before, unless the description
    names its holder itself (a phrase or a name after its head) or the text introduced someone
    unnamed by the same noun."""
    head = _head_token(index, speaker)
    if head is None or head.pos_ != "NOUN" or head.tag_ != "NN" or not person_noun(head.lemma_.lower()):
        return None
    if any(c.i > head.i and c.dep_ in IDENTIFYING_DEPS for c in head.children):
        return None  # "The secretary general of the council, Ann Lee," says who it is itself
    if introduced_unnamed(text, speaker.start, head.lower_):
        return None
    return subject_person(index, speaker.start, None, 1)
