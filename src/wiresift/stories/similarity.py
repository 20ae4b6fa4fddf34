"""How likely two analysed articles tell the same story: one score from evidence the layers hold.

:func:`features` measures what two :class:`~wiresift.model.Document` objects share — their words
(square roots of sublinear term-frequency cosines over content words, plain and weighted by inverse
document frequency in a background set, content bigrams and the lead; stop words of each text's own
language), their entities (by normalised name, plain and weighted by rarity: a shared "NASA" weighs
less than a shared rare name), their places (GeoNames ids, countries), their event types (and one
event type at one shared place), their claims (same counted thing, close values) — and
:func:`similarity` combines them with a linear model fitted on human judgements of news pairs
(``training/train_similarity.py``, weights in ``similarity_weights.json``). Every coefficient is at
least 0: more shared evidence never lowers the score. Publication dates take no part in the fitted
model (the training pairs carry none); dated articles more than ``DATE_WINDOW`` days apart see their
score scaled down (:func:`date_factor`).

Nothing here parses text: the documents must come out of the pipeline (``wiresift.analyze``).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module, resources
from itertools import pairwise
from typing import Any, TypeVar

from wiresift.model import Claim, Document

#: Entity types compared by name (the kinds a story is about; dates and numbers are not).
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
#: Characters of the start of the text (title and lead) compared on their own.
LEAD_CHARS = 300
#: Two claims count the same thing with close values when they differ by at most this share.
CLAIM_TOLERANCE = 0.25
#: Languages whose stop words are tried when a page's declared language does not fit its words.
GUESSED_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "id", "sv", "da", "pl", "tr", "ru")
#: Characters of the text read to check its language.
GUESS_CHARS = 2000
#: The least share of stop words among the words of a text for its language to be guessed by them.
GUESS_MIN_SHARE = 0.15
#: Two dated articles further apart than this many days see their score scaled by window / days.
DATE_WINDOW = 30
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
class Background:
    """Document frequencies of words and names in a background set of texts, keyed by
    :func:`term_key` (a hash: the table holds no text), for inverse-document-frequency weights.
    Terms absent from the table (``df`` below 2) count as seen in one document."""

    documents: int
    df: dict[str, int]

    @classmethod
    def from_texts(cls, docs: Iterable[Document]) -> Background:
        counts: Counter[str] = Counter()
        n = 0
        for doc in docs:
            n += 1
            text = headed_text(doc)
            counts.update({term_key(t) for t in content_words(text, text_language(text, doc.language))})
            counts.update({term_key(t) for t in _names(doc)})
        return cls(documents=n, df={k: c for k, c in sorted(counts.items()) if c >= 2})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Background:
        return cls(documents=int(data["documents"]), df={str(k): int(v) for k, v in data["df"].items()})

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "df": dict(self.df)}

    def idf(self, term: str) -> float:
        """Smoothed ``log((1 + N) / (1 + df))``, scaled to [0, 1] (1 = a term of one document)."""
        top = math.log((1 + self.documents) / 2)
        df = self.df.get(term_key(term), 1)
        return math.log((1 + self.documents) / (1 + df)) / top if top > 0 else 1.0


def term_key(term: str) -> str:
    """The key of a term in a :class:`Background` table (CRC-32 of its UTF-8 bytes, hexadecimal)."""
    return format(zlib.crc32(term.encode("utf-8")), "08x")


@dataclass(frozen=True)
class Weights:
    """A fitted linear model: ``score = intercept + sum(coef[f] * feature[f])``, clipped to [0, 1]."""

    intercept: float
    coef: dict[str, float]
    threshold: float
    background: Background | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Weights:
        back = data.get("background")
        return cls(
            intercept=float(data["intercept"]),
            coef={str(k): float(v) for k, v in data["coef"].items()},
            threshold=float(data["threshold"]),
            background=Background.from_dict(back) if back else None,
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
def stop_words(language: str | None = "en") -> frozenset[str]:
    """spaCy's stop words of ``language`` (an ISO 639-1 code; None = English), empty when spaCy has
    none for it (imported on first use: spaCy is slow to import)."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    if not code.isalpha():
        return frozenset()
    try:
        module = import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


def content_words(text: str, language: str | None = "en") -> list[str]:
    """The words of ``text`` without the stop words of its ``language`` and one-letter tokens."""
    stop = stop_words(language)
    return [w for w in words(text) if len(w) > 1 and w not in stop]


def text_language(text: str, declared: str | None = None) -> str:
    """The language of ``text``: ``declared`` (None = English) unless the stop words of one of
    ``GUESSED_LANGUAGES`` cover at least twice as many of its words (pages often declare a wrong
    ``lang``, and a German page compared with English stop words keeps its "der", "und", "die")."""
    tokens = words(text[:GUESS_CHARS])
    own = (declared or "en").split("-")[0].split("_")[0].lower()
    if not tokens:
        return own

    def share(code: str) -> float:
        stop = stop_words(code)
        return sum(1 for t in tokens if t in stop) / len(tokens)

    best = max(GUESSED_LANGUAGES, key=share)
    top = share(best)
    return best if best != own and top >= GUESS_MIN_SHARE and top >= 2 * share(own) else own


def weighted(terms: Mapping[str, float], background: Background | None) -> dict[str, float]:
    """``terms`` times their inverse document frequency in ``background`` (unchanged without one)."""
    if background is None:
        return dict(terms)
    return {t: w * background.idf(t) for t, w in terms.items()}


def sublinear(items: Iterable[K]) -> dict[K, float]:
    """Term weights ``1 + log(count)``."""
    return {k: 1.0 + math.log(n) for k, n in Counter(items).items()}


def cosine(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def root_cosine(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    """The square root of :func:`cosine`: the first shared terms count most, as in human judgements
    (the fitted model is linear in it; a plain cosine under-rates moderate overlap)."""
    return math.sqrt(cosine(a, b))


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


def _idf_overlap(a: Mapping[str, float], b: Mapping[str, float], background: Background | None) -> float:
    """Inverse-document-frequency mass of the shared names over that of the smaller side's names:
    a shared rare name weighs more than a shared common one ("NASA", "Apple")."""
    if not a or not b:
        return 0.0
    idf = background.idf if background is not None else (lambda _t: 1.0)
    shared = sum(idf(t) for t in set(a) & set(b))
    return shared / min(sum(idf(t) for t in a), sum(idf(t) for t in b)) if shared else 0.0


def _place_keys(doc: Document) -> set[str]:
    """Places by GeoNames id, else by normalised name."""
    return {str(p.geonames_id) if p.geonames_id else normal_name(p.name) for p in doc.places}


def features(a: Document, b: Document, background: Background | None = None) -> dict[str, float]:
    """Every feature of the model, each in [0, 1] and none lower when the pair shares more.

    Words are compared without the stop words of each document's language and, in the ``idf_*``
    features, weighted by their rarity in ``background`` (default: the shipped model's)."""
    back = background if background is not None else load_weights().background
    text_a, text_b = headed_text(a), headed_text(b)
    lang_a, lang_b = text_language(text_a, a.language), text_language(text_b, b.language)
    ca, cb = content_words(text_a, lang_a), content_words(text_b, lang_b)
    lead_a, lead_b = content_words(text_a[:LEAD_CHARS], lang_a), content_words(text_b[:LEAD_CHARS], lang_b)
    names_a, names_b = _names(a), _names(b)
    places_a = {p.geonames_id for p in a.places if p.geonames_id}
    places_b = {p.geonames_id for p in b.places if p.geonames_id}
    events_a = {e.plover for e in a.events if e.plover and not e.negated}
    events_b = {e.plover for e in b.events if e.plover and not e.negated}
    tf_a, tf_b = sublinear(ca), sublinear(cb)
    return {
        "text_cosine": root_cosine(tf_a, tf_b),
        "idf_cosine": root_cosine(weighted(tf_a, back), weighted(tf_b, back)),
        "bigram_cosine": root_cosine(sublinear(pairwise(ca)), sublinear(pairwise(cb))),
        "lead_cosine": root_cosine(weighted(sublinear(lead_a), back), weighted(sublinear(lead_b), back)),
        "entity_jaccard": jaccard(set(names_a), set(names_b)),
        "entity_cosine": root_cosine(weighted(names_a, back), weighted(names_b, back)),
        "rare_entity_overlap": _idf_overlap(names_a, names_b, back),
        "person_jaccard": jaccard(set(_names(a, ["PERSON"])), set(_names(b, ["PERSON"]))),
        "org_jaccard": jaccard(set(_names(a, ["ORG"])), set(_names(b, ["ORG"]))),
        "gpe_jaccard": jaccard(set(_names(a, ["GPE"])), set(_names(b, ["GPE"]))),
        "place_jaccard": jaccard(places_a, places_b),
        "country_jaccard": jaccard(
            {p.country for p in a.places if p.country}, {p.country for p in b.places if p.country}
        ),
        "event_jaccard": jaccard(events_a, events_b),
        "event_place": 1.0 if events_a & events_b and _place_keys(a) & _place_keys(b) else 0.0,
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


def date_factor(days: int | None) -> float:
    """1 for articles at most ``DATE_WINDOW`` days apart (or undated), else ``DATE_WINDOW / days``:
    one story's reports and direct follow-ups come close together; the same topic a year later is
    another story."""
    return 1.0 if days is None or days <= DATE_WINDOW else DATE_WINDOW / days


def similarity(a: Document, b: Document, weights: Weights | None = None) -> Similarity:
    """How likely ``a`` and ``b`` report the same story (both analysed by the pipeline)."""
    model = weights or load_weights()
    values = features(a, b, model.background)
    score = round(model.score(values) * date_factor(days_apart(a, b)), 4)
    return Similarity(similarity=score, same_story=score >= model.threshold, evidence=evidence(a, b, values))
