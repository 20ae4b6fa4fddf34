"""Does a coded trigger have an eventive reading in its sentence?

A CAMEO verb codes an event only when someone does something to someone: many of the dictionary's
verbs have everyday readings that are no event ("the toll rose", "the relevance is increasing", "he
struck a measured tone", "riot police", "survivors came from Sudan"). The checks here read the parse:

- **Non-actor subject**: the doer of a verb (its subject, the antecedent of a relative pronoun, the
  noun after "most of" / "hundreds of") must be something that can act: a known entity, a proper
  noun, a personal pronoun, or a noun with a country, IGO or sector code ("police", "protesters").
  An abstract or inanimate doer ("fear", "the project", "the relevance") makes no event; a common
  noun outside the lexicons is judged by its word vector (closer to people than to things). Attacks
  are exempt ("the blast killed five": weapons and events do kill).
- **Quantity object**: a material verb applied to a number or a measure ("raised the number to 17",
  "struck a tone", "serving a term") is no event.
- **Modifier noun**: an event noun that modifies another noun ("riot police", "attack helicopter") is
  no event, unless the noun it modifies is an event noun itself ("protest march") or the event's
  place ("battle zone").
- **Unrealised complement**: a to-infinitive that says what was requested, offered, agreed or refused
  ("urged both sides to engage", "offered to help") or what a mission or an effort was for ("a
  mission to free", "no option but to surrender") is the content of another event, not one of its
  own. An attempt is an event ("an attempt to assassinate").
- **Place only**: a verb coded only by its dictionary block whose only coded participant is a place
  reached through a preposition ("flown to Niamey", "bound for Baku") is movement, not an event.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from wiresift.nlp import doccache
from wiresift.nlp.events.lexicon import EVENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

#: Nouns of number and measure: a verb of change applied to them is no event.
QUANTITY_NOUNS = frozenset({
    "number", "figure", "toll", "total", "tally", "count", "estimate", "rate", "level", "price", "cost",
    "share", "amount", "percentage", "percent", "proportion", "tone", "term", "sentence", "value",
    "volume", "stake", "relevance", "pressure", "temperature", "output", "supply", "demand",
})  # fmt: skip
#: Plurals of quantity nouns that name goods ("airlifted supplies"), not a quantity.
GOODS_PLURALS = frozenset({"supplies"})
#: Words that stand for a part of a group: the doer is the noun after "of" ("hundreds of protesters").
PART_WORDS = frozenset({"most", "many", "some", "all", "hundreds", "thousands", "dozens", "scores",
                        "millions", "tens", "none", "several", "few", "part", "majority", "group"})  # fmt: skip
#: Nouns a to-infinitive only gives the purpose of: "an attempt to block", "a mission to rescue".
PURPOSE_NOUNS = frozenset({"effort", "mission", "plan", "option", "way", "campaign",
                           "push", "drive", "call", "request", "offer", "chance", "opportunity", "right",
                           "power", "ability", "need"})  # fmt: skip
#: Common nouns of people and groups that the agents dictionary leaves without a sector.
PEOPLE_NOUNS = frozenset({
    "officer", "official", "crew", "family", "man", "woman", "people", "person", "member", "survivor",
    "passenger", "witness", "staff", "leader", "suspect", "side", "party", "country", "nation", "state",
    "delegation", "team", "unit", "agency", "group", "force", "guard", "gunman", "attacker", "minister",
    "neighbour", "neighbor", "ally", "partner", "investigator", "prosecutor", "agent", "resident", "crowd",
    "mob", "youth", "fighter", "militant", "assailant", "authority", "administration", "operator", "owner",
    "prisoner", "inmate", "elder", "supporter", "follower", "loyalist", "mourner", "farmer", "fisherman",
    "driver", "pilot", "sailor", "migrant", "journalist", "lawyer", "judge", "nurse", "parent", "relative",
    "organizer", "organiser", "protester", "protestor", "volunteer", "fan", "worker", "student",
})  # fmt: skip
#: Nouns an event noun may modify and still say that the event happens: another event noun ("protest
#: march") or the place of the event ("battle zone", "protest site").
EVENT_HEADS = frozenset({"march", "rally", "movement", "campaign", "action", "wave", "vigil", "sit-in",
                         "zone", "area", "site", "scene", "front", "field", "effort"})  # fmt: skip
#: Prepositions of movement: a place in their object is where someone went, not a participant.
MOTION_PREPS = frozenset({"to", "from", "for", "into", "through", "toward", "towards", "via", "across"})
#: The two poles of :func:`animacy`: words for people and groups, words for things, ideas and numbers.
PEOPLE_PROTOTYPE = ("official", "people", "soldier", "worker", "police", "protester", "government", "group",
                    "member", "leader")  # fmt: skip
THING_PROTOTYPE = ("number", "idea", "situation", "project", "plan", "trade", "peace", "fear", "relevance",
                   "estimate", "process", "thing")  # fmt: skip
#: Entity types of things that can act.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def doer(verb: Token) -> Token | None:
    """The token naming who does what ``verb`` says: its active subject, the antecedent of a relative
    pronoun, the noun an active participle modifies, the noun after a part word ("most of the
    survivors"); None when it has no subject."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # "the formula granting autonomy": the formula grants
    if subj is None:
        return None
    if subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        subj = verb.head
    if subj.lower_ in PART_WORDS or subj.pos_ == "NUM":
        inner = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
        if inner is not None:
            return inner
    return subj


@cache
def pole(vocab: Vocab, words: tuple[str, ...]) -> Any | None:
    """The unit mean word vector of a prototype word list (None when none of its words has a vector)."""
    vectors = [np.asarray(vocab[w].vector) for w in words if vocab[w].has_vector]
    if not vectors:
        return None
    mean = np.mean(vectors, axis=0)
    return mean / np.linalg.norm(mean)


@cache
def prototype_poles(vocab: Vocab, first: tuple[str, ...], second: tuple[str, ...]) -> tuple[Any, Any] | None:
    """The unit mean word vectors of two prototype word lists (None when either has no vector)."""
    one, other = pole(vocab, first), pole(vocab, second)
    return None if one is None or other is None else (one, other)


#: Distinct words whose unit vector :func:`unit_vector` keeps: the same lemmas come back in every article.
UNIT_VECTORS_KEPT = 65_536


@lru_cache(maxsize=UNIT_VECTORS_KEPT)
def unit_vector(vocab: Vocab, word: str) -> Any | None:
    """The word's vector divided by its norm (``vocab[word].vector / vocab[word].vector_norm``), read
    once per word and kept (read-only: callers must not change it); None when the word has no vector
    or a zero one."""
    lex = vocab[word]
    if not lex.has_vector or not lex.vector_norm:
        return None
    vec = lex.vector / lex.vector_norm
    vec.flags.writeable = False
    return vec


def _prototypes(vocab: Vocab) -> tuple[Any, Any] | None:
    return prototype_poles(vocab, PEOPLE_PROTOTYPE, THING_PROTOTYPE)


def animacy(tok: Token) -> float | None:
    """How much more the word's vector leans to people and groups than to things and ideas (cosine to
    the two prototypes); None when the model has no vector for it."""
    protos = _prototypes(tok.vocab)
    vec = unit_vector(tok.vocab, tok.lemma_.lower()) if protos is not None else None
    if protos is None or vec is None:
        return None
    return float(vec @ protos[0] - vec @ protos[1])


def can_act(tok: Token, code: str | None, sector: str | None, entity: str | None) -> bool:
    """Whether the phrase headed by ``tok`` (resolved to ``code``, ``sector``, ``entity``) can act: an
    entity, a coded actor, a name or pronoun, a people noun, a noun named by a name ("the APEC forum"),
    not an event noun ("talks"), else a noun whose vector leans to people rather than things (unknown
    words can act)."""
    if code or sector or entity:
        return True
    if tok.pos_ in {"PROPN", "PRON"} or tok.ent_type_ in ACTOR_ENTS or tok.tag_ in {"WDT", "WP"}:
        return True
    if tok.lemma_.lower() in PEOPLE_NOUNS:
        return True
    if tok.lemma_.lower() in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS:
        return False  # an event is no doer of another: "talks would resume"
    if any(c.dep_ in {"compound", "amod", "poss"} and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTS)
           for c in tok.children):  # fmt: skip
        return True
    lean = animacy(tok)
    return lean is None or lean > 0


def quantity_object(verb: Token) -> bool:
    """``verb`` is applied to a number or a measure ("raised the number", "struck a measured tone")."""
    sdoc = verb.doc
    cache = doccache.of(sdoc)  # the children's relations and lemmas read from the document's arrays
    deps, lemmas, kids = cache.deps, cache.lemmas, cache.children(verb.i)
    for j in kids:
        quantity = lemmas[j] in QUANTITY_NOUNS and deps[j] in {"dobj", "obj", "nsubjpass"}
        if quantity and sdoc[j].lower_ not in GOODS_PLURALS:
            return True
    subj = next((j for j in kids if deps[j] == "nsubj"), None)
    return subj is not None and lemmas[subj] in QUANTITY_NOUNS and verb.pos_ == "VERB"


def modifier_noun(noun: Token) -> bool:
    """``noun`` modifies another noun ("riot police") that is not an event noun itself."""
    return (
        noun.dep_ in {"compound", "amod", "nmod"}
        and noun.head.pos_ in {"NOUN", "PROPN"}
        and noun.head.lemma_.lower() not in EVENT_HEADS
    )


def _infinitive(verb: Token) -> bool:
    """``verb`` has a "to" of its own ("to free"), found among the document's arrays."""
    return verb.i in doccache.of(verb.doc).heads_of("aux", "to")


def purpose_of_noun(verb: Token) -> bool:
    """``verb`` is the to-infinitive of a purpose noun ("an attempt to block", "no option but to")."""
    if not _infinitive(verb):
        return False
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        return head.lemma_.lower() in PURPOSE_NOUNS
    if head.pos_ == "ADP" and head.head.pos_ == "NOUN":  # "no option but to surrender"
        return head.head.lemma_.lower() in PURPOSE_NOUNS
    return False


def complement_of(verb: Token) -> Token | None:
    """The verb whose to-infinitive complement ``verb`` is ("urged them to engage": urged), else None."""
    if not _infinitive(verb) or verb.dep_ not in {"xcomp", "ccomp", "advcl", "dobj", "oprd"}:
        return None
    return verb.head if verb.head.pos_ in {"VERB", "AUX"} else None


def place_only(tok: Token, places: set[int] | frozenset[int] = frozenset()) -> bool:
    """``tok`` is a place reached through a preposition of movement by a verb with no object of its own
    ("came from Sudan", "flown to Niamey", "bound for Baku"; not "withdrew its troops from Lebanon").
    ``places``: start offsets of the document's place mentions, known places the parser left untyped."""
    if tok.ent_type_ not in PLACE_ENTS and tok.idx not in places:
        return False
    if tok.dep_ != "pobj" or tok.head.lower_ not in MOTION_PREPS:
        return False
    verb = tok.head.head
    return not any(c.dep_ in {"dobj", "obj"} for c in verb.children)
