"""How likely two analysed articles tell the same story: one score from evidence the layers hold.

:func:`features` measures what two :class:`~wiresift.model.Document` objects share — their words
(sublinear term-frequency cosines over content words, all words, content bigrams and the lead),
their entities (PERSON, ORG, GPE and the other named kinds, by normalised name), their places
(GeoNames ids, countries), their event types, their claims (same counted thing, close values) —
and :func:`similarity` combines them with a linear model fitted on human judgements of news pairs
(``training/train_similarity.py``, weights in ``similarity_weights.json``). Publication dates
are reported in the evidence but take no part in the score: the training pairs carry none.

Nothing here parses text: the documents must come out of the pipeline (``wiresift.analyze``).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, TypeVar

from wiresift.model import Claim, Document

#: Entity types compared by name (the kinds a story is about; dates and numbers are not).
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
#: Characters of the start of the text (title and lead) compared on their own.
LEAD_CHARS = 300
#: Two claims count the same thing with close values when they differ by at most this share.
CLAIM_TOLERANCE = 0.25
#: The weights file shipped beside this module.
WEIGHTS_FILE = "similarity_weights.json"

K = TypeVar("K", bound=Hashable)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


@dataclass(frozen=True)
class Similarity:
    """The score of a pair: ``similarity`` in [0, 1] (higher = same story), the ``same_story``
    decision (``similarity`` at or above the model's threshold) and the shared ``evidence``."""

    similarity: float
    same_story: bool
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"similarity": self.similarity, "same_story": self.same_story, "evidence": self.evidence}


@dataclass(frozen=True)
class Weights:
    """A fitted linear model: ``score = intercept + sum(coef[f] * feature[f])``, clipped to [0, 1]."""

    intercept: float
    coef: dict[str, float]
    threshold: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Weights:
        return cls(
            intercept=float(data["intercept"]),
            coef={str(k): float(v) for k, v in data["coef"].items()},
            threshold=float(data["threshold"]),
        )

    def score(self, values: Mapping[str, float]) -> float:
        raw = self.intercept + sum(c * values.get(name, 0.0) for name, c in self.coef.items())
        return min(1.0, max(0.0, raw))


@cache
def load_weights() -> Weights:
    """The shipped model (``similarity_weights.json``)."""
    text = resources.files("wiresift.stories").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return Weights.from_dict(json.loads(text))


# -- words -----------------------------------------------------------------------------------------
def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text``."""
    return [w.lower() for w in _WORD.findall(text)]


@cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported on first use: spaCy is slow to import)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> list[str]:
    """The words of ``text`` without stop words and one-letter tokens."""
    stop = stop_words()
    return [w for w in words(text) if len(w) > 1 and w not in stop]


def sublinear(items: Iterable[K]) -> dict[K, float]:
    """Term weights ``1 + log(count)``."""
    return {k: 1.0 + math.log(n) for k, n in Counter(items).items()}


def cosine(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def jaccard(a: set[Any], b: set[Any]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def overlap(a: set[Any], b: set[Any]) -> float:
    """Shared items over the smaller set (a short article inside a long one scores 1)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# -- layers ----------------------------------------------------------------------------------------
def normal_name(name: str) -> str:
    """Case, accents, punctuation and a leading "the" folded away: "the U.N." -> "un"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^\w\s]", "", folded)
    tokens = folded.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def _names(doc: Document, types: Iterable[str] = NAMED_TYPES) -> dict[str, float]:
    """Normalised entity names of ``types`` weighted by ``1 + log(mentions)``."""
    kinds = frozenset(types)
    weights: dict[str, float] = {}
    for ent in doc.entities:
        key = normal_name(ent.name)
        if ent.type in kinds and key:
            weights[key] = weights.get(key, 0.0) + 1.0 + math.log(max(1, len(ent.mentions)))
    return weights


def _close(a: Claim, b: Claim) -> bool:
    if not (a.counted and b.counted and a.value is not None and b.value is not None):
        return False
    if normal_name(a.counted) != normal_name(b.counted):
        return False
    top = max(abs(a.value), abs(b.value))
    return top == 0 or abs(a.value - b.value) <= CLAIM_TOLERANCE * top


def shared_claims(a: Document, b: Document) -> list[dict[str, Any]]:
    """Claims of ``a`` and ``b`` that count the same thing with close values (one row per pair)."""
    rows = []
    for ca in a.claims:
        for cb in b.claims:
            if _close(ca, cb):
                rows.append({"counted": ca.counted, "a": ca.text, "b": cb.text})
    return rows


def days_apart(a: Document, b: Document) -> int | None:
    """Days between the publication dates, None when either is missing or unreadable."""
    try:
        da = date.fromisoformat((a.published or "")[:10])
        db = date.fromisoformat((b.published or "")[:10])
    except ValueError:
        return None
    return abs((da - db).days)


# -- features and score ----------------------------------------------------------------------------
def headed_text(doc: Document) -> str:
    """The title and the text, as the model was fitted on (the title once, first)."""
    title = (doc.title or "").strip()
    if not title or doc.text.lstrip().startswith(title):
        return doc.text
    return f"{title}\n\n{doc.text}"


def features(a: Document, b: Document) -> dict[str, float]:
    """Every feature of the model, each in [0, 1]."""
    text_a, text_b = headed_text(a), headed_text(b)
    ca, cb = content_words(text_a), content_words(text_b)
    names_a, names_b = _names(a), _names(b)
    places_a = {p.geonames_id for p in a.places if p.geonames_id}
    places_b = {p.geonames_id for p in b.places if p.geonames_id}
    events_a = {e.plover for e in a.events if e.plover and not e.negated}
    events_b = {e.plover for e in b.events if e.plover and not e.negated}
    return {
        "text_cosine": cosine(sublinear(ca), sublinear(cb)),
        "all_words_cosine": cosine(sublinear(words(text_a)), sublinear(words(text_b))),
        "bigram_cosine": cosine(sublinear(pairwise(ca)), sublinear(pairwise(cb))),
        "lead_cosine": cosine(
            sublinear(content_words(text_a[:LEAD_CHARS])), sublinear(content_words(text_b[:LEAD_CHARS]))
        ),
        "entity_jaccard": jaccard(set(names_a), set(names_b)),
        "entity_overlap": overlap(set(names_a), set(names_b)),
        "entity_cosine": cosine(names_a, names_b),
        "person_jaccard": jaccard(set(_names(a, ["PERSON"])), set(_names(b, ["PERSON"]))),
        "org_jaccard": jaccard(set(_names(a, ["ORG"])), set(_names(b, ["ORG"]))),
        "gpe_jaccard": jaccard(set(_names(a, ["GPE"])), set(_names(b, ["GPE"]))),
        "place_jaccard": jaccard(places_a, places_b),
        "place_overlap": overlap(places_a, places_b),
        "country_jaccard": jaccard(
            {p.country for p in a.places if p.country}, {p.country for p in b.places if p.country}
        ),
        "event_jaccard": jaccard(events_a, events_b),
        "claim_match": 1.0 if shared_claims(a, b) else 0.0,
    }


def evidence(a: Document, b: Document, values: Mapping[str, float]) -> dict[str, Any]:
    """What the pair shares, readable: names, places, event types, claims, dates and the features."""
    names_a, names_b = _names(a), _names(b)
    display = {normal_name(e.name): e.name for e in a.entities}
    places_b = {p.geonames_id for p in b.places if p.geonames_id}
    shared_places = sorted({p.name for p in a.places if p.geonames_id and p.geonames_id in places_b})
    events_b = {e.plover for e in b.events if e.plover and not e.negated}
    return {
        "entities": sorted(display.get(k, k) for k in set(names_a) & set(names_b)),
        "places": shared_places,
        "countries": sorted(
            {p.country for p in a.places if p.country} & {p.country for p in b.places if p.country}
        ),
        "event_types": sorted({e.plover for e in a.events if e.plover and not e.negated} & events_b),
        "claims": shared_claims(a, b),
        "days_apart": days_apart(a, b),
        "features": {k: round(v, 4) for k, v in values.items()},
    }


def similarity(a: Document, b: Document, weights: Weights | None = None) -> Similarity:
    """How likely ``a`` and ``b`` report the same story (both analysed by the pipeline)."""
    model = weights or load_weights()
    values = features(a, b)
    score = round(model.score(values), 4)
    return Similarity(similarity=score, same_story=score >= model.threshold, evidence=evidence(a, b, values))
