"""Age brackets of a group of people: "voters under 35", "those 50 and older", "adults 25 to 34";
and a person's age written in brackets after the name ("Dana Kemp (45)") or compared ("younger
than 50").

Polls and census stories describe groups by age: the number after a noun of people, with "under",
"over", "above" or "below" before it, "and older"/"and over"/"or younger" after it, or as a range,
is the age that bounds the group, not a count of anything (the guideline drops ages). The test is
written on the word order, because the parser hangs "under 35" on the verb as often as on the noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.mentions import PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: Lemmas of nouns of people that polls, censuses and health stories divide by age, beyond the
#: person nouns of the entities stage.
GROUP_NOUNS = frozenset({
    "people", "person", "voter", "adult", "child", "kid", "man", "woman", "resident", "respondent",
    "citizen", "worker", "employee", "youth", "teen", "teenager", "senior", "patient", "player",
    "user", "consumer", "customer", "member", "individual", "american", "viewer", "reader", "smoker",
    "driver", "student", "baby", "infant", "household", "participant", "applicant", "immigrant",
    "black", "white",
})  # fmt: skip
#: Pronouns that stand for a group of people ("those under 35", "anyone over 70").
GROUP_PRONOUNS = frozenset({"those", "anyone", "everyone", "someone", "all"})
#: Words that bound a group by age before the number.
_BOUND_BEFORE = frozenset({"under", "over", "above", "below"})
#: Words that close an open bracket after the number: "50 and older", "21 or over".
_BOUND_AFTER = frozenset({"older", "over", "up", "above", "younger", "under", "below"})
#: Words that make any number before them an age ("50 and older").
_OLDER = frozenset({"older", "younger"})
#: Comparatives that make the number after "than" an age ("younger than 50").
_AGE_COMPARATIVES = frozenset({"younger", "older"})
#: Words between the ends of a range of ages ("25 to 34", "25-34").
_RANGE_JOINERS = frozenset({"to", "-", "–"})
#: Ages lie in this range.
_AGE_MIN, _AGE_MAX = 1, 119


def _people(tok: Token) -> bool:
    """A noun or pronoun of people: a nationality or group ("Hispanics"), "those", or a noun of
    people by its lemma ("voters", "men")."""
    if tok.ent_type_ == "NORP" or tok.lower_ in GROUP_PRONOUNS:
        return True
    lemma = tok.lemma_.lower()
    return tok.pos_ in {"NOUN", "PROPN"} and (lemma in GROUP_NOUNS or lemma in PERSON_NOUNS)


def _whole_ages(doc: Doc, span: NumSpan) -> bool:
    if (
        span.unit is not None
        or span.vague
        or not all(t.text.isdigit() or t.lower_ in _RANGE_JOINERS for t in doc[span.first : span.last + 1])
    ):
        return False
    values = [v for v in (span.value, span.low, span.high) if v is not None]
    return bool(values) and all(_AGE_MIN <= v <= _AGE_MAX for v in values)


def _counts_noun_after(doc: Doc, span: NumSpan) -> bool:
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}


def _subject_people(verb: Token) -> bool:
    """ "rural voters were over 60", "55 percent of members were over 60": a subject of people, or a
    share of them."""
    for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if _people(subj):
            return True
        of = [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if any(g.dep_ == "pobj" and _people(g) for g in of):
            return True
    return False


def is_age_bracket(doc: Doc, span: NumSpan) -> bool:
    """True when the number bounds a group of people by age: "voters under 35", "those 50 and
    older", "people over 70", "whites 25 to 39", "(most of them) were over 60"."""
    if not _whole_ages(doc, span) or _counts_noun_after(doc, span):
        return False
    first, last, n = span.first, span.last, len(doc)
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ in _BOUND_BEFORE:
        head = doc[first - 2] if first > 1 else None
        if head is not None and _people(head):
            return True  # "voters under 35", "those over 50"
        return before.head.lemma_.lower() == "be" and _subject_people(before.head)
    bound = doc[last + 2].lower_ if last + 2 < n and doc[last + 1].lower_ in {"and", "or"} else None
    if bound in _OLDER:
        return True  # "Latinos 50 and older", "aged 16 or younger": only an age is older
    if before is None or not _people(before):
        return False
    if bound in _BOUND_AFTER:
        return True  # "those 55 and over", "adults 70 or above"
    return span.value is None and span.low is not None and span.high is not None  # "whites 25 to 39"


def is_person_age(doc: Doc, span: NumSpan) -> bool:
    """A person's age: a bare whole number in brackets right after a name ("Dana Kemp (45) and
    Ortiz (68)", the press's way of giving ages) or after "younger/older than" ("each nominee is
    younger than 55")."""
    if not _whole_ages(doc, span) or span.value is None or span.first != span.last:
        return False
    first, n = span.first, len(doc)
    prev = doc[first - 1] if first > 0 else None
    prev2 = doc[first - 2] if first > 1 else None
    if prev is None or prev2 is None:
        return False
    if prev.lower_ == "than" and prev2.lower_ in _AGE_COMPARATIVES:
        return True
    closed = span.last + 1 < n and doc[span.last + 1].text == ")"
    name = prev2.ent_type_ == "PERSON" or (prev2.pos_ == "PROPN" and prev2.text[:1].isupper())
    return prev.text == "(" and closed and name and prev2.ent_type_ not in {"ORG", "GPE", "NORP", "FAC"}
