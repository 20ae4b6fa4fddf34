"""Whether the doer of a cue can hold or report a view: "the experts praised the plan" attributes,
"the design shows its strength" and "lines of evidence point to plumes" do not.

A noun doer is judged by its word vector: the mean of its three nearest cosines to a list of words
for people and groups (:data:`PEOPLE`) minus the same to a list of words for things, ideas and
measures (:data:`THINGS`). Nearest neighbours rather than the lists' means, because the shipped
vectors are pruned (several words share one vector) and a mean blurs the groups. Names, pronouns,
entities, the people and organisation nouns of the entities stage, and sources that report by their
contents (:data:`SOURCE_NOUNS`: "the poll shows …") always count as doers.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.entities.mentions import ORG_NOUNS, PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

PEOPLE = words(
    """
    official people soldier worker police protester government group member leader expert critic
    adviser analyst researcher scientist company firm voter resident citizen student teacher lawyer
    doctor man woman child family party campaign committee agency union organization administration
    ministry army team manager executive investor supporter opponent regulator user fan player
    customer consumer patient viewer reader audience
    """
)
THINGS = words(
    """
    number idea situation project plan trade peace fear estimate process thing flexibility evidence
    app device design car building water air price market index system technology product feature
    data result change effect problem issue law policy light game
    """
)
#: Things that report by what they hold, though they cannot act: "the poll shows …", "the paper found
#: …", "the ad mentions …", "the bill bans …".
SOURCE_NOUNS = words(
    """
    poll survey study report data research paper analysis document website statement letter record
    filing finding review audit census memo email tweet post article book column editorial interview
    transcript complaint lawsuit indictment ruling order release announcement note message video
    footage photo chart list source account estimate forecast projection model ad advert
    advertisement spot commercial average submission section speech remark testimony bill law
    legislation resolution proposal measure platform policy rule regulation guideline plan agreement
    deal treaty constitution amendment
    """
)
#: Words for a part or count of a group: the doer is the noun after "of" ("a number of members").
PART_WORDS = words(
    "number group majority minority lot couple handful dozen dozens hundreds thousands millions"
)
#: A doer leaning to things by more than this is no doer (conservative: unknown words and words near
#: both lists stay doers).
THING_LEAN = -0.1


def _unit(vocab: Vocab, word: str) -> Any:
    lex = vocab[word]
    return lex.vector / lex.vector_norm if lex.has_vector and lex.vector_norm else None


@cache
def _poles(vocab: Vocab) -> tuple[Any, Any] | None:
    poles = []
    for group in (PEOPLE, THINGS):
        vectors = [v for v in (_unit(vocab, w) for w in sorted(group)) if v is not None]
        if not vectors:
            return None
        poles.append(np.array(vectors))
    return poles[0], poles[1]


def lean(tok: Token) -> float | None:
    """How much nearer the word's vector lies to people than to things (None: no vector)."""
    poles = _poles(tok.vocab)
    vec = _unit(tok.vocab, tok.lemma_.lower())
    if poles is None or vec is None:
        return None
    people, things = (float(np.sort(m @ vec)[-3:].mean()) for m in poles)
    return people - things


def agent(cue: Token) -> Token | None:
    """Who does what ``cue`` says: its active subject, borrowed from the verb it is conjoined to or is
    the open complement of ("X paused and said", "X plans to release …"); the noun a relative clause
    hangs on for a relative word; the noun after a part word ("a number of members"). None: a passive,
    no subject, or a participle ("…, citing a report": the parse often hangs it on the wrong verb)."""
    tok = cue
    subj = None
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is not None:
            break
        if tok.dep_ not in ("conj", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    if any(
        "\n" in t.whitespace_ or "\n" in t.text for t in subj.doc[min(subj.i, cue.i) : max(subj.i, cue.i)]
    ):
        return None  # a subhead the parse ran into the next line ("Efficiency\n\nThe firm wants …")
    if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        subj = tok.head
    if subj.lemma_.lower() in PART_WORDS:
        inner = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), None)  # fmt: skip
        return inner if inner is not None else subj
    return subj


def inanimate_doer(cue: Token) -> bool:
    """Whether the doer of ``cue`` is a common noun for a thing that cannot hold or report a view."""
    doer = agent(cue)
    if doer is None or doer.pos_ != "NOUN" or not doer.is_lower or doer.ent_type_ or doer.lower_ == "one":
        return False  # a name, a pronoun, an entity (a capitalised "Trump" tagged as a noun is a name)
    if any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_) for c in doer.children):
        return False  # "his running mate, Governor X, …"
    lemma = doer.lemma_.lower()
    if lemma in SOURCE_NOUNS or lemma in PERSON_NOUNS or lemma in ORG_NOUNS or doer.lower_ in SOURCE_NOUNS:
        return False
    value = lean(doer)
    return value is not None and value < THING_LEAN
