"""Nouns that stand for something a verb would say: a nominalisation coded as its verb ("the
suspension of crossings" as "suspend"), and a rally that is a campaign's gathering rather than a
protest. Used by the trigger finder (:mod:`~wiresift.nlp.events.triggers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.eventive import PEOPLE_NOUNS
from wiresift.nlp.events.lexicon import PATTERN_ONLY, VERB_CODES, actors, verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Gatherings that are a protest unless a candidate or a campaign holds them.
CAMPAIGN_NOUNS = frozenset({"rally"})
#: Modifiers of a gathering that make it a campaign's: "a campaign rally", "a re-election rally".
CAMPAIGN_WORDS = frozenset({"campaign", "election", "re-election", "reelection", "victory", "fundraising",
                            "primary", "caucus"})  # fmt: skip


def campaign_gathering(noun: Token) -> bool:
    """A gathering of :data:`CAMPAIGN_NOUNS` held by one person or a campaign: a person's name or a personal pronoun owns or
    qualifies it ("Mendez's rally", "his rally", "a Mendez rally"), or a word of campaigns does
    ("a campaign rally"). A group's ("an opposition rally", "a farmers' rally") stays a protest."""
    if noun.lemma_.lower() not in CAMPAIGN_NOUNS:
        return False
    for child in noun.children:
        if child.dep_ not in {"poss", "compound", "amod", "nmod"}:
            continue
        if child.lemma_.lower() in CAMPAIGN_WORDS or child.lower_ in CAMPAIGN_WORDS:
            return True
        if child.ent_type_ == "PERSON" or child.lower_ in {"his", "her"}:
            return True
    return False


#: Noun endings of English nominalisations and the verb endings they come from, tried in order
#: ("suspension" -> "suspend", "withdrawal" -> "withdraw", "denial" -> "deny", "closure" -> "close").
NOMINAL_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ication", ("y",)), ("ation", ("ate", "e", "")), ("ension", ("end",)), ("ission", ("it",)),
    ("ulsion", ("el",)), ("sion", ("de", "d")), ("tion", ("te", "t")), ("ion", ("", "e")),
    ("ment", ("",)), ("ial", ("y",)), ("al", ("", "e")), ("ance", ("", "e")), ("ence", ("e",)),
    ("ure", ("e",)), ("ery", ("er",)), ("ing", ("", "e")), ("", ("",)),
)  # fmt: skip


def nominal_verb(noun: Token) -> str | None:
    """The CAMEO verb a noun nominalises ("suspension" -> "suspend"), else None."""
    lemma = noun.lemma_.lower()
    if lemma in actors().agents or lemma in PEOPLE_NOUNS or noun.lower_ in actors().agents:
        return None  # a doer, not a deed: "monitors", "the government"
    table = verbs().by_lemma
    for ending, verb_endings in NOMINAL_SUFFIXES:
        if not lemma.endswith(ending) or len(lemma) - len(ending) < 3:
            continue
        stem = lemma[: len(lemma) - len(ending)] if ending else lemma
        for verb_ending in verb_endings:
            verb = stem + verb_ending
            if (verb in table or verb in VERB_CODES) and verb not in PATTERN_ONLY:
                return verb
    return None
