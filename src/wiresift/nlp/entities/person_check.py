"""A learned check that a PERSON entity is a person, not a product, game, app or company.

spaCy's NER types many one-word brand and product names PERSON ("a Zentrix update", "the
Quorbly app"); word lists do not generalise to the next brand. A small logistic model over
features of the whole entity decides instead (weights in ``person_check_weights.json``, fitted
by ``training/train_person_check.py`` on GUM train: spaCy's PERSON entities against GUM's gold
entity types). Features:

- how person-like the last word's vector is (cosine to the mean vector of given names) and
  whether it has a vector at all (a coined brand often has none);
- the share of words that are words of known personal names, and whether the first is a known
  given name (both from the people of the PETRARCH2 actor dictionaries, MIT: notice in
  ``nlp/events/data/NOTICE-PETRARCH2.txt``);
- shape: one word, inner capital ("ZenTrix"), all capitals, a digit; a stop word first ("Will
  Ann Lee" at a sentence start: the modal glued to the name);
- context: a title, being the subject of a reporting verb (or of any verb), a determiner or
  preposition before a mention ("the Quorbly", "on Quorbly"), the name modifying a common noun ("a
  Quorbly account", "the Zentrix rocket"), and how many mentions it has.

A rejected entity is dropped, not retyped: the check only knows it is not a person, and a guessed
ORG or PRODUCT would be junk of another type (a name spaCy typed ORG elsewhere stays that ORG).
A person with a title or who is the subject of a reporting verb is never dropped.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp.entities.mentions import REPORT_LEMMAS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from wiresift.model import Entity
    from wiresift.nlp.entities.index import EntityIndex

WEIGHTS_PATH = Path(__file__).with_name("person_check_weights.json")
FEATURES = (
    "vector_cosine",
    "has_vector",
    "known_share",
    "known_given",
    "one_word",
    "inner_capital",
    "all_caps",
    "digit",
    "stop_first",
    "titled",
    "reporting_subject",
    "determiner_before",
    "preposition_before",
    "log_mentions",
    "compound_share",
    "subject_share",
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its"})


@cache
def _people_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every word of a known personal name, the given names) from the PETRARCH2 people."""
    from wiresift.nlp.events.lexicon import DATA

    raw = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    all_words: set[str] = set()
    given: set[str] = set()
    for names, _roles in raw["people"]:
        for name in names:
            parts = [p for p in name.split() if p.isalpha() and len(p) > 1]
            all_words.update(parts)
            if len(parts) >= 2:
                given.add(parts[0])
    return frozenset(all_words), frozenset(given)


_PROTOTYPES: dict[int, np.ndarray] = {}


def _prototype(vocab: Vocab) -> np.ndarray:
    """The unit mean vector of the known given names in ``vocab`` (cached per vocab)."""
    key = id(vocab)
    if key not in _PROTOTYPES:
        _, given = _people_words()
        vecs = [
            np.asarray(vocab.get_vector(g.capitalize()))
            for g in sorted(given)
            if vocab.has_vector(g.capitalize())
        ]
        mean = np.asarray(np.mean(vecs, axis=0) if vecs else np.zeros(1), dtype=np.float64)
        norm = float(np.linalg.norm(mean))
        _PROTOTYPES[key] = mean / norm if norm else mean
    return _PROTOTYPES[key]


def _cosine(vocab: Vocab, word: str) -> tuple[float, float]:
    """(cosine of ``word``'s vector to the given-name prototype, 1.0) or (0.0, 0.0) without a vector."""
    if not vocab.has_vector(word):
        return 0.0, 0.0
    proto = _prototype(vocab)
    vec = np.asarray(vocab.get_vector(word), dtype=np.float64)
    norm = float(np.linalg.norm(vec))
    if not norm or proto.shape != vec.shape:
        return 0.0, 1.0
    return float(proto @ vec) / norm, 1.0


def _spans(entity: Entity, sdoc: Doc) -> list[Span]:
    out = []
    for start, end in entity.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


def features(entity: Entity, sdoc: Doc) -> list[float]:
    """The feature vector of a PERSON ``entity`` (in :data:`FEATURES` order)."""
    known, given = _people_words()
    words = [w for w in entity.name.replace("-", " ").split() if any(c.isalpha() for c in w)] or [entity.name]
    lows = [w.lower().strip(".,'’") for w in words]
    cosine, has_vector = _cosine(sdoc.vocab, words[-1])
    spans = _spans(entity, sdoc)
    reporting = any(
        tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ in REPORT_LEMMAS for span in spans for tok in span
    )
    before = [sdoc[s.start - 1].lower_ for s in spans if s.start > 0]
    prep = [sdoc[s.start - 1].dep_ == "prep" for s in spans if s.start > 0]
    first = words[0]
    stop_first = len(words) > 1 and sdoc.vocab[first.lower()].is_stop
    return [
        cosine,
        has_vector,
        sum(w in known for w in lows) / len(lows),
        float(len(lows) > 1 and lows[0] in given),
        float(len(words) == 1),
        float(any(any(c.isupper() for c in w[1:]) and any(c.islower() for c in w) for w in words)),
        float(all(w.isupper() and len(w) > 1 for w in words)),
        float(any(c.isdigit() for c in entity.name)),
        float(stop_first),
        float(bool(entity.titles)),
        float(reporting),
        sum(b in _DETERMINERS for b in before) / len(before) if before else 0.0,
        sum(prep) / len(prep) if prep else 0.0,
        math.log1p(len(entity.mentions)),
        sum(_compound(s) for s in spans) / len(spans) if spans else 0.0,
        sum(s.root.dep_ in SUBJECT_DEPS for s in spans) / len(spans) if spans else 0.0,
    ]


def _compound(span: Span) -> bool:
    """The name modifies a common noun: "a Quorbly account", "the Zentrix rocket"."""
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= span.end


def protected(entity: Entity, feats: list[float]) -> bool:
    """A person with a title or who is the subject of a reporting verb is never dropped."""
    return bool(entity.titles) or feats[FEATURES.index("reporting_subject")] > 0


@cache
def load_weights() -> tuple[list[float], float, float] | None:
    """(coefficients, intercept, threshold) of the shipped model; None when not shipped."""
    if not WEIGHTS_PATH.exists():
        return None
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None
    return data["coef"], data["intercept"], data["threshold"]


def probability(feats: list[float], coef: list[float], intercept: float) -> float:
    z = intercept + sum(c * f for c, f in zip(coef, feats, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def drop_non_persons(index: EntityIndex, sdoc: Doc) -> list[str]:
    """Drop the PERSON entities of ``index`` the model says are not persons; their ids."""
    weights = load_weights()
    if weights is None:
        return []
    coef, intercept, threshold = weights
    dropped = []
    for eid, entity in index.entities.items():
        if entity.type != "PERSON":
            continue
        feats = features(entity, sdoc)
        if protected(entity, feats) or probability(feats, coef, intercept) >= threshold:
            continue
        dropped.append(eid)
    if dropped:
        gone = set(dropped)
        index.entities = {eid: e for eid, e in index.entities.items() if eid not in gone}
        index.mentions = [m for m in index.mentions if m[2] not in gone]
        index.nationality = {k: v for k, v in index.nationality.items() if k not in gone}
    return dropped
