"""Whether a verb coded as a meeting or a signing met anyone or agreed anything, read from its arguments.

- **No meeting**: joining or coming is a consultation (CAMEO 04) only when what is joined or come to
  is a meeting, the going has a meeting for its purpose, or it goes to a place or party with no other
  purpose (:func:`met`); gathering or meeting done to a thing collects it (:func:`collected`).
- **Nothing agreed**: signing is the formal agreement of CAMEO 057 only when what is signed is an
  agreement between parties (:func:`agreement_signed`).

Used by the sense checks (:mod:`~wiresift.nlp.events.senses`) and the trigger finder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.argclasses import inner, party
from wiresift.nlp.events.cameo import plover
from wiresift.nlp.events.eventive import can_act
from wiresift.nlp.events.lexicon import EVENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs of joining, moving or visiting that code a consultation: they need a meeting or a party met.
MEETING_VERBS = frozenset({"join", "come", "go", "arrive", "return", "travel", "fly", "head", "visit", "tour",
                           "rush", "hurry", "drive", "approach"})  # fmt: skip
#: Verbs of visiting whose direct object is where they go ("visited Kenya", "toured the plant").
VISITING_VERBS = frozenset({"visit", "tour"})
#: Nouns of meetings besides the event nouns coded CONSULT ("talks", "gathering").
MEETING_NOUNS = frozenset({"talk", "talks", "conference", "gathering", "session", "forum", "round",
                           "consultation", "dialogue", "dialog", "discussion", "event", "ceremony",
                           "reception", "delegation"})  # fmt: skip
#: Verbs of a clause of purpose that make going somewhere a meeting ("travelled to Oslo to meet").
PURPOSE_VERBS = frozenset({"meet", "visit", "confer", "consult", "negotiate", "talk", "discuss", "attend"})
#: CAMEO code of signing a formal agreement.
SIGNING = "057"
#: Nouns of agreements between parties, what signing one agrees to.
AGREEMENT_NOUNS = frozenset({"agreement", "treaty", "accord", "pact", "deal", "memorandum", "declaration",
                             "convention", "protocol", "ceasefire", "truce", "armistice", "charter",
                             "communique", "compact", "alliance", "partnership", "understanding"})  # fmt: skip
#: Verbs of casting a ballot.
BALLOT_VERBS = frozenset({"vote", "ballot", "reelect", "elect"})


def _meeting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in MEETING_NOUNS or tok.lower_ in MEETING_NOUNS:
        return True
    return lemma in EVENT_NOUNS and plover(EVENT_NOUNS[lemma])[0] == "CONSULT"


def met(tok: Token) -> bool:
    """A verb of :data:`MEETING_VERBS` coded CONSULT joins or goes to a meeting: its object or a
    preposition's object names one ("joined the talks", "arrived on a visit"), a clause of purpose
    meets ("travelled to Oslo to meet"), or a verb other than "join" goes to a party with no other
    purpose stated ("arrived in Algiers", "visited Kenya"; not "arrived in Aarhus for the festival");
    other verbs are not judged here. A visit is between actors: going to a building or a site meets no
    one ("visited the hospital", "arrived at the naval base"), nor does being taken somewhere ("was
    rushed to the hospital"); "came to light", "when it comes to", "joined the company" meet no one."""
    lemma = tok.lemma_.lower()
    if lemma in GATHERING_VERBS:
        return not collected(tok)
    if lemma not in MEETING_VERBS:
        return True
    place = purpose = False
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
    for child in tok.children:
        objs = [child] if child.dep_ in {"dobj", "obj"} else []
        if child.dep_ == "prep":
            objs = [o for o in child.children if o.dep_ == "pobj"]
        if any(_meeting(o) for o in objs):
            return True
        if child.dep_ in {"advcl", "xcomp"} and child.lemma_.lower() in PURPOSE_VERBS:
            return True
        purpose = purpose or (child.dep_ == "prep" and child.lower_ == "for" and bool(objs))
        visited = child.dep_ == "prep" or (child.dep_ in {"dobj", "obj"} and lemma in VISITING_VERBS)
        place = place or (visited and any(party(o) for o in objs))
    return lemma != "join" and place and not purpose and not passive


#: Verbs that meet when intransitive or done to people, and collect, assemble or satisfy something when
#: done to a thing ("gathered evidence", "information gathered from activists", "met the deadline").
GATHERING_VERBS = frozenset({"gather", "assemble", "convene", "meet", "collect"})


def collected(verb: Token) -> bool:
    """``verb`` (:data:`GATHERING_VERBS`) is done to a thing that is no party, no meeting and nothing
    that can act (``eventive.can_act``: "met his Nigerian counterpart" meets someone): its
    object, its passive subject, or the noun its participle describes ("evidence gathered at the
    scene"); "the ministers gathered", "met the envoy", "convened a summit" meet."""
    patients = [c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(verb.head)
    return any(
        not _meeting(p) and not party(p) and not can_act(p, None, None, None) for p in map(inner, patients)
    )


def agreement_signed(tok: Token) -> bool:
    """What ``tok`` (a verb of signing) signs is an agreement (:data:`AGREEMENT_NOUNS`): its object, its
    passive subject, or the noun a participle describes ("the accord signed in May"); a particle makes
    another verb ("signed off work")."""
    if any(c.dep_ == "prt" for c in tok.children):
        return False
    signed = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if tok.dep_ == "acl":
        signed.append(tok.head)
    return any(
        w.lemma_.lower() in AGREEMENT_NOUNS or w.lower_ in AGREEMENT_NOUNS
        for s in signed
        for w in (s, *[c for c in s.children if c.dep_ == "compound"])
    )
