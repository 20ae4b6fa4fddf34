"""Places a sentence names that belong to something other than the event: another event, a person, or
the dateline.

Used by :mod:`~wiresift.nlp.events.where` to pass over a place mention that locates an event noun
coordinated with the trigger's ("recalled the Tarvo bombing and the attacks of 2001": Tarvo is the
bombing's place, not the attacks') or that says where a named person is from or serves ("Ana Ruiz of
Bellmont was arrested", "the governor of Ohio said").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.actor_codes import agent_sector
from wiresift.nlp.events.lexicon import EVENT_NOUNS, verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that locate a noun: "the attacks in Paris", "the clashes near the border".
LOCATING_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside", "around", "across", "along",
                            "off", "within", "throughout", "of"})  # fmt: skip
#: Nouns of events the event lexicons do not list (they code no PLOVER event of their own) that own a
#: place all the same: "the wars in Tarvia", "the primary in Ohio", "the summit in Geneva".
OCCASION_NOUNS = frozenset({"war", "conflict", "election", "primary", "caucus", "referendum", "vote", "summit",
                            "conference", "convention", "crisis", "uprising", "revolution", "invasion",
                            "occupation", "insurgency", "massacre", "coup", "shooting", "stabbing"})  # fmt: skip
#: Sectors of a person's office: "the Senator of Ohio", "the mayor of Kabul".
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})


def _mention_head(tok: Token, end: int) -> Token:
    """The syntactic head of the place mention starting at ``tok`` and ending at offset ``end``, walked
    up over the document's arrays (heads, offsets, relations): a Token made only for the head found."""
    cache = doccache.of(tok.doc)
    heads, offsets, deps = cache.head_indices(), cache.offsets, cache.deps
    start, head = offsets[tok.i], tok.i
    for _ in range(6):
        if heads[head] == head or not (start <= offsets[heads[head]] < end):
            break
        head = heads[head]
    for _ in range(6):  # "the wars in Tarvia and Norland": a conjunct shares the first one's relation
        if deps[head] != "conj" or heads[head] == head:
            break
        head = heads[head]
    return tok if head == tok.i else tok.doc[head]


def _owner(tok: Token, end: int) -> Token | None:
    """The noun the place mention locates or names: "the Tarvo bombing" -> bombing, "the wars in Tarvia"
    -> wars, "Ana Ruiz of Bellmont" -> Ruiz."""
    head = _mention_head(tok, end)
    if head.dep_ in {"compound", "nmod", "amod", "poss"} and head.head.i != head.i:
        return head.head
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in LOCATING_PREPS
        and prep.head.i != prep.i
    ):
        return prep.head
    return None


def _path_up(low: Token, high: Token) -> list[Token] | None:
    """The tokens from ``low`` up to (not including) ``high``, or None when ``high`` is no ancestor."""
    path: list[Token] = []
    cur = low
    for _ in range(40):
        if cur.i == high.i:
            return path
        if cur.head.i == cur.i:
            return None
        path.append(cur)
        cur = cur.head
    return None


def other_event(tok: Token, end: int, trigger: Token) -> bool:
    """The place mention starting at ``tok`` locates an event noun coordinated with the trigger's event,
    or with a phrase holding it: its sibling's place, not its own ("the Leeds bombing of 1996 and the
    attacks of 2004", "the riots in Tarvo and the strikes that followed"). A place of an event the
    trigger merely stands near ("protests in Bolivia ... after clashes erupted", "an assault following a
    conference in Stockholm") may still be its scene and is left to the sentence tier."""
    owner = _owner(tok, end)
    if owner is None or owner.i == trigger.i or owner.pos_ != "NOUN":
        return False
    lemma = owner.lemma_.lower()
    if lemma == trigger.lemma_.lower():
        return False  # "the Tarvo floods ... the floods receded": the same event named again
    if not (lemma in EVENT_NOUNS or lemma in verbs().by_lemma or lemma in OCCASION_NOUNS):
        return False  # "the Kabul administration", "the station in Tarvo": no event
    path = _path_up(trigger, owner)
    if path is None:
        path = _path_up(owner, trigger)
    if path is None:
        # two event nouns of one clause, neither inside the other: the parse may hang the second on the
        # verb ("recalled the Leeds bombing of 1996 and the attacks of 2004")
        return trigger.pos_ == "NOUN" and clause_head(trigger).i == clause_head(owner).i
    # coordinated nouns only: "dispersed the protest in Lagos and arrested twenty" share a scene
    return any(t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"} for t in path)


#: Prepositions that place one event before or after another: an event noun they hold takes no place
#: from the clause they time ("Since the Tarvo attack in May, police have arrested dozens in Leeds").
#: (A place of the event they name may still be the trigger's: "an assault following a conference in
#: Stockholm" happened there.)
TIME_PREPS = frozenset({"after", "before", "since", "following"})
#: Prepositions of an event going on at the same time: it often shares the place ("arrested 20 during
#: protests in Lagos"), except for harm done while others meet ("During the summit in Oslo, rebels
#: attacked a convoy": the rebels are not at the summit).
DURING_PREPS = frozenset({"during", "amid", "amidst"})
#: Occasions of meeting: harm done during them is done elsewhere unless the sentence says so.
MEETING_NOUNS = frozenset({"summit", "conference", "talk", "talks", "meeting", "negotiation", "visit",
                           "session", "ceremony", "forum", "consultation", "congress"})  # fmt: skip


def _time_adjunct(tok: Token, preps: frozenset[str]) -> Token | None:
    """The preposition of ``preps`` whose object phrase holds ``tok`` ("during the summit in Oslo"),
    else None; the search stops at a clause's verb."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return None
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in preps:
            return cur.head
        cur = cur.head
    return None


def timed_apart(tok: Token, end: int, trigger: Token, harm: bool = False) -> bool:
    """The place mention starting at ``tok`` and the trigger stand on either side of a preposition of
    time: with ``harm``, the mention locates a meeting the trigger only happens during ("During the
    summit in Oslo, rebels attacked a convoy": Oslo is the summit's), or the trigger is an event noun
    after or before which the clause's act happens and the mention stands in that clause ("Since the
    Tarvo attack in May, police have arrested dozens in Leeds")."""
    owner = _owner(tok, end)
    if harm and owner is not None and owner.i != trigger.i and owner.lemma_.lower() in MEETING_NOUNS:
        prep = _time_adjunct(owner, DURING_PREPS)
        if prep is not None and trigger.i not in {t.i for t in prep.subtree}:
            return True
    own = _time_adjunct(trigger, TIME_PREPS) if trigger.pos_ == "NOUN" else None
    return own is not None and tok.i not in {t.i for t in own.subtree}


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` stands in (``tok`` itself for a verb)."""
    head = tok
    for _ in range(30):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            return head
        head = head.head
    return head


def _of_whom(tok: Token, end: int) -> Token | None:
    """The word an "of" phrase holding the place mention starting at ``tok`` hangs on ("Ana Ruiz of
    Bellmont" -> Ruiz; "Ana Ruiz, 34, of Bellmont": past the age), else None."""
    head = _mention_head(tok, end)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    word = prep.head
    if word.pos_ == "NUM" and word.head.i != word.i:
        word = word.head
    return word


def person_origin(tok: Token, end: int) -> bool:
    """The place mention starting at ``tok`` follows a named person after "of": where they are from
    ("Ana Ruiz, 34, of Bellmont was arrested", "Senator Ana Ruiz of Ohio said"; not "residents of
    Kharkiv", "the people of Gaza": they live there)."""
    word = _of_whom(tok, end)
    return word is not None and word.ent_type_ == "PERSON"


#: A participle after a hyphen that makes a place a group's backer, leader or home: "an Iran-backed
#: militia", "the Saudi-led coalition", "a London-based charity", "a Kenyan-born runner".
_AFFILIATION = re.compile(r"[-\u2010\u2011](?:[a-z]+ed|born)\b")


def affiliation(text: str, end: int) -> bool:
    """The place mention ending at ``end`` of ``text`` is the first half of an affiliation ("Iran-backed",
    "US-led"): whose or where from, never the scene."""
    return _AFFILIATION.match(text, end) is not None


def title_of(tok: Token, end: int) -> bool:
    """The place mention starting at ``tok`` is what an office-holder's title is of: "the mayor of
    Kabul", "the governor of Ohio" (where they serve, which may be the scene of what is done to them)."""
    word = _of_whom(tok, end)
    return (
        word is not None
        and word.pos_ in {"NOUN", "PROPN"}
        and word.ent_type_ != "PERSON"
        and agent_sector([word], []) in OFFICE_SECTORS
    )


#: Characters after a dateline's place name: "ASTANA, May 3 (Reuters) --", "LEEDS – A man".
DATELINE_NEXT = (",", "(", "-", "\u2013", "\u2014")


def _place_words(cache: doccache.DocCache) -> frozenset[str]:
    """The texts of the document's tokens typed GPE or LOC, read once from its arrays: no Token made."""

    def build() -> frozenset[str]:
        types = cache.ent_types
        return frozenset(text for text, ent in zip(cache.texts, types, strict=True) if ent in {"GPE", "LOC"})

    return cache.memo(("events.scenes.place_words",), build)


def dateline_word(tok: Token) -> bool:
    """``tok`` is the place of a wire dateline that the parse made an argument: a place name in capitals
    (four letters or more) followed by a comma, a parenthesis or a dash, and not inside a headline in
    capitals ("Floods hit OSLO, Norway - Norway sent", "ASTANA, May 3 -- Four miners"). The
    parser may type it an organisation: then the text must name it as a place elsewhere ("Leeds")."""
    if len(tok.text) < 4 or not tok.text.isupper() or not tok.is_alpha:
        return False
    cache = doccache.of(tok.doc)
    if tok.ent_type_ not in {"GPE", "LOC"} and tok.text.title() not in _place_words(cache):
        return False
    after = cache.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 3].lstrip(" ")
    if not after.startswith(DATELINE_NEXT):
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is None or not (before.is_alpha and before.text.isupper())
