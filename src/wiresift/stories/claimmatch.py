"""What the claim tracker compares of one claim mention: its counted thing, kinds, claimant, context.

The claims layer gives each number a counted thing, a count type and a claimant, each of which
may be missing or off ("has risen to 12" counts nothing; "nine people" and "nine bodies" name one
toll; "the coast guard" and "a coast guard spokesman" are one claimant; an outlet or a dateline
stands in for an unnamed source). :class:`Mention` folds these so that two mentions of one claim
compare equal where they can:

- the counted thing is the head noun, singular; time words ("week") are no counted thing;
  "people" and "person" are generic and fit any counted thing; two things of one class of the
  count lexicon (fighter and militant: TROOPS; body and dead: KILL) are one thing;
- the kinds are the count type plus those of the counted word and, when the thing is unknown or
  generic, of the words next to the number ("the bodies of nine people": KILL) or, for a revision
  ("has risen to 12", "raised ... to 17, from 12"), of its whole sentence;
- the claimant is its core words, without determiners and role words ("spokesman", "official");
  it is unknown when it is an outlet of the story, a pronoun or relative word, a dateline
  (one upper-case word) or a document ("a transcript released by his office"), and when the number
  is named as a known figure ("the estimate of 5,000", "that toll of 30"): whoever speaks of it then
  comments on someone else's number. Two claimants agree when one's core words hold the other's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from wiresift.model import Claim, Document
from wiresift.nlp.claims.lexicon import COUNT_TYPES
from wiresift.nlp.claims.lexicon import DOCUMENT_NOUNS as _DOCUMENTS
from wiresift.store.workbench import sentence_around
from wiresift.stories.similarity import content_words, normal_name, words

#: Words either side of the number read for its kind.
KIND_WINDOW = 3
#: Counted "things" that are spans of time: "12 this week" counts no thing.
TIME_WORDS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "time"})
#: Counted things that fit any other: "nine people" is the toll of "nine bodies".
GENERIC_THINGS = frozenset({"people", "person", "individual"})
#: Kinds that say what is counted (a force's size), not what happened to it: no conflict with KILL.
NOUN_KINDS = frozenset({"TROOPS"})
#: Armed men who are not a state's forces: one TROOPS class for the count lexicon, but "7,000 troops"
#: at a base and "7,000 militants" across a border are two claims.
IRREGULARS = frozenset({
    "militant", "fighter", "insurgent", "rebel", "jihadist", "gunman", "guerrilla", "attacker",
    "terrorist", "assailant", "extremist", "separatist", "mercenary",
})  # fmt: skip
#: Words after a number that make it a difference between two counts ("two more than the coast guard
#: has confirmed"), not a count of its own.
DIFFERENCE = (("more", "than"), ("fewer", "than"), ("less", "than"), ("higher", "than"), ("lower", "than"))
#: Claimants that name nobody.
PRONOUNS = frozenset({"he", "she", "they", "it", "which", "who", "that", "we", "i", "this", "these"})
#: Words of a claimant that are not who it is.
ROLE_WORDS = frozenset({
    "a", "an", "the", "his", "her", "its", "their", "and", "of", "senior", "spokesman", "spokeswoman",
    "spokesperson", "official", "officials", "source", "sources",
})  # fmt: skip
#: Claimants that are documents (a transcript, a statement), standing for whoever released them.
DOCUMENT_NOUNS = _DOCUMENTS | {"transcript", "statement", "release", "communique", "bulletin"}
#: Words of a sentence that revise a number: a later value by the same claimant for the same thing.
VAGUE_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens"})
#: Nouns that name a number as a figure already given: "the estimate of 5,000" refers back to it.
FIGURE_NOUNS = frozenset({"estimate", "figure", "number", "toll", "tally", "count", "total", "claim"})
REFERRING = frozenset({"the", "that", "this", "those", "these"})
REVISION_WORDS = frozenset({
    "rose", "risen", "rises", "raised", "revised", "climbed", "increased", "updated", "lowered",
    "reduced", "corrected",
})  # fmt: skip


def stem(word: str) -> str:
    """A light stem for comparing contexts: "rescued", "rescue" and "rescues" -> "rescu"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def kind_of(word: str) -> str | None:
    """The count type of a word or of its base form ("bodies", "killed", "detained")."""
    w = word.lower()
    for form in (w, singular(w), w[:-2] if w.endswith("ed") else w, w[:-1] if w.endswith("d") else w,
                 w[:-3] if w.endswith("ing") else w):  # fmt: skip
        if form in COUNT_TYPES:
            return COUNT_TYPES[form]
    return None


def thing_of(counted: str | None) -> str | None:
    head = normal_name(counted or "").split()
    thing = singular(head[-1]) if head else None
    return None if thing is None or thing in TIME_WORDS else thing


def claimant_core(name: str | None, outlets: Collection[str]) -> frozenset[str] | None:
    """The claimant's core words, None when it names nobody (see the module docstring)."""
    if not name:
        return None
    if len(name.split()) == 1 and name.isupper() and len(name) > 2:
        return None  # a dateline
    norm = normal_name(name)
    if not norm or norm in PRONOUNS or norm in outlets:
        return None
    core = frozenset(w for w in norm.split() if w not in ROLE_WORDS)
    if core & DOCUMENT_NOUNS:
        return None  # "a transcript released by his office": whoever released it
    return core or None


def is_difference(after: list[str]) -> bool:
    """The number is a difference between two counts ("two more than …"), by the words after it."""
    return tuple(after[:2]) in DIFFERENCE


def refers_back(before: list[str]) -> bool:
    """The number is named as a figure already given ("the estimate of 5,000"), by the words before it."""
    return len(before) >= 3 and before[-1] == "of" and before[-2] in FIGURE_NOUNS and before[-3] in REFERRING


def claimants_agree(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or a <= b or b <= a


def _kinds(tokens: list[str]) -> set[str]:
    return {k for w in tokens if (k := kind_of(w))}


@dataclass
class Mention:
    """One claim of one article as the tracker compares it."""

    doc: Document
    claim: Claim
    value: float
    thing: str | None
    kinds: frozenset[str]
    claimant: frozenset[str] | None
    context: frozenset[str]
    sentence_things: frozenset[str]
    #: The value is the new one of a revision: "has risen to 12", "raised ... to 17, from 12".
    revision: bool
    #: The other values its sentence states (the old value of a revision).
    sentence_values: frozenset[float]
    unit: str | None
    #: A round plural ("dozens", "thousands"): it matches only another vague number.
    vague: bool

    @property
    def event_kinds(self) -> frozenset[str]:
        return self.kinds - NOUN_KINDS


def mention_of(doc: Document, k: Claim, value: float, outlets: Collection[str]) -> Mention:
    sentence = sentence_around(doc.text, k.start, k.end)
    before = words(doc.text[max(0, k.start - 80) : k.start])[-KIND_WINDOW:]
    after = words(doc.text[k.end : k.end + 80])[:KIND_WINDOW]
    sentence_words = words(sentence)
    revision = bool(REVISION_WORDS & set(sentence_words)) and before[-1:] == ["to"]
    where = doc.text.find(sentence) if sentence else -1
    others = frozenset(
        float(o.value) for o in doc.claims
        if o.id != k.id and o.value is not None and where >= 0 and where <= o.start < where + len(sentence)
    )  # fmt: skip
    thing = thing_of(k.counted)
    kinds = {k.count_type} if k.count_type else set()
    kinds |= _kinds(words(k.counted or ""))
    if thing is None or thing in GENERIC_THINGS:  # a named thing says what is counted; else the context
        kinds |= _kinds(sentence_words) if revision else _kinds(before + after)
    return Mention(
        doc=doc, claim=k, value=value, thing=thing, kinds=frozenset(kinds),
        claimant=None if refers_back(before) else claimant_core(k.claimant_name, outlets),
        context=frozenset(stem(w) for w in content_words(sentence) if not any(c.isdigit() for c in w)),
        sentence_things=frozenset(singular(w) for w in sentence_words), revision=revision,
        sentence_values=others, unit=k.unit, vague=bool(VAGUE_WORDS & set(words(k.text))),
    )  # fmt: skip


def things_agree(a: str, b: str, kinds_a: frozenset[str], kinds_b: frozenset[str]) -> bool:
    """One counted thing: equal, generic, one class of the count lexicon, or two unlisted things of
    one event kind ("40 attackers" and "40 terrorists" killed)."""
    if a == b or a in GENERIC_THINGS or b in GENERIC_THINGS:
        return True
    class_a, class_b = kind_of(a), kind_of(b)
    if class_a or class_b:
        return class_a == class_b and (singular(a) in IRREGULARS) == (singular(b) in IRREGULARS)
    return bool(kinds_a & kinds_b)


def kinds_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not a & b)
