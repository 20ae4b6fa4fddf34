"""Who a word can stand for as a party to an event: pronoun agreement ("they" for a group, "he" for a
person, "it" for a state or a thing), nouns of people and groups, and nouns that name an event
rather than someone who acts. Used by the role rules (:mod:`~wiresift.nlp.events.roles`), the
target candidates and the stage's pronoun resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.actor_codes import AGENT_EXTRA
from wiresift.nlp.events.eventive import PEOPLE_NOUNS
from wiresift.nlp.events.lexicon import CRIME_WORDS, DISASTER_WORDS, EVENT_NOUNS, actors, verbs
from wiresift.nlp.events.rolewords import KIN_AND_RIVAL_NOUNS, PATIENT_PEOPLE

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Pronouns by the referents they can have, possessives with them ("his attacks", "their forces").
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "we", "us", "our", "ours"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "i", "me", "my", "mine"})
#: Pronouns of the speaker: they refer to whoever speaks.
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me", "my", "mine"})


#: Singular nouns of bodies that news calls "they": "the government said they would".
AGENT_GROUPS = frozenset({"government", "police", "army", "military", "ministry", "administration",
                          "group", "movement", "party", "council", "committee", "team"})  # fmt: skip


def agrees(pronoun: Token, noun: Token) -> bool:
    """``pronoun`` can refer to ``noun``: "they" to a plural or a group ("the rebels said they"), "he"
    and "she" to a person, "it" to a thing, state or organisation; "we" and "I" to any speaker. A
    possessive is not resolved past a rival it could as well refer to ("Brisket criticised Ruiz for his
    remarks": whose remarks is open)."""
    if not _agrees(pronoun, noun):
        return False
    if pronoun.tag_ != "PRP$" or not noun.i < pronoun.i:
        return True
    return not any(
        t.dep_ in {"dobj", "obj", "pobj", "dative"}
        and (t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or people_noun(t))
        and _agrees(pronoun, t)
        for t in pronoun.doc[noun.i + 1 : pronoun.i]
    )


def _agrees(pronoun: Token, noun: Token) -> bool:
    word = pronoun.lower_
    plural = noun.tag_ in {"NNS", "NNPS"} or bool(noun.conjuncts)
    if word in SPEAKER_PRONOUNS:
        return True
    if word in PLURAL_PRONOUNS:  # "the government said they": a group may be "they"
        return plural or noun.ent_type_ in {"ORG", "NORP", "GPE"} or noun.lower_ in AGENT_GROUPS
    if word in PERSON_PRONOUNS:
        return not plural and (noun.ent_type_ == "PERSON" or noun.pos_ == "PROPN" or people_noun(noun))
    return not plural and noun.ent_type_ != "PERSON"  # "it": a state, a body, a thing


def event_noun(tok: Token) -> bool:
    """``tok`` names an event, not someone who acts: an event noun ("the raid"), a disaster or crime
    word ("the blast"), or a gerund of a coded verb ("a stabbing", "the shooting")."""
    lemma = tok.lemma_.lower()
    if lemma in EVENT_NOUNS or lemma in DISASTER_WORDS or lemma in CRIME_WORDS:
        return True
    word = tok.lower_
    if tok.pos_ != "NOUN" or not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    stems = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return any(s in verbs().by_lemma for s in stems)


#: The roles of a noun in its clause: a participle in one stands for people, not for an act.
_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj"})


def nominal_participle(tok: Token) -> bool:
    """``tok`` is a past participle standing as a noun for the people it describes ("the accused had
    cheated him", "arrested the accused"): "the" before it, a noun's role in its clause, and no
    subject, object or agent of its own."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in _NOUN_ROLES
        and any(c.dep_ == "det" and c.lower_ == "the" and c.i == tok.i - 1 for c in tok.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "agent", "auxpass"} for c in tok.children)
    )


def people_noun(noun: Token) -> bool:
    """A common noun of people or groups: a people noun, or one the agents dictionary gives a sector."""
    lemma = noun.lemma_.lower()
    return (
        lemma in PEOPLE_NOUNS
        or lemma in AGENT_EXTRA
        or lemma in actors().agents
        or lemma in PATIENT_PEOPLE
        or lemma in KIN_AND_RIVAL_NOUNS
        or _named_beside(noun)
    )


def _named_beside(noun: Token) -> bool:
    """A common noun with a person's name set beside it: "his older brother, Tomas"."""
    if noun.pos_ != "NOUN" or noun.i + 2 >= len(noun.doc) or noun.doc[noun.i + 1].text != ",":
        return False
    return any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == noun.i + 2 for c in noun.children
    )
