"""What the story clusterer keeps of one article: a small, JSON-able profile built from its layers.

A profile holds the evidence two articles can share — canonical entities (or normalised names when
the store has not resolved them), places (GeoNames ids), event types, claims (counted thing and
value), quotes (speaker and content words), the near-duplicate link — plus a capped term vector of
content words for text similarity, and the publication day for the time window. Nothing here
parses text: the document must come out of the pipeline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wiresift.model import Document
from wiresift.stories.similarity import NAMED_TYPES, content_words, headed_text, normal_name

#: Content words kept per article (the heaviest by ``1 + log(count)``, ties by the word): the
#: cosine of capped vectors stays within a few hundredths of the full one on news-length texts,
#: and 100,000 profiles fit in a few hundred MB.
TERMS_KEPT = 48
#: Content words of each quote kept to compare wordings (a long quote is identified by its start).
QUOTE_WORDS = 24


@dataclass(frozen=True)
class ClaimKey:
    """A claim as the clusterer compares it: normalised counted thing, value, claimant and kind
    (``count_type``: KILL, WOUND, TROOPS...)."""

    counted: str
    value: float
    claimant: str | None
    kind: str | None = None


@dataclass(frozen=True)
class QuoteKey:
    """A quote as the clusterer compares it: normalised speaker and its content words."""

    speaker: str | None
    words: frozenset[str]


@dataclass
class ArticleProfile:
    """One article's evidence for story clustering (see the module docstring)."""

    doc_id: str
    day: int | None  # proleptic ordinal of the publication date, None when unknown
    published: str | None = None
    site: str | None = None
    title: str | None = None
    terms: dict[str, float] = field(default_factory=dict)
    entities: frozenset[str] = frozenset()
    places: frozenset[int] = frozenset()
    events: frozenset[str] = frozenset()
    claims: tuple[ClaimKey, ...] = ()
    quotes: tuple[QuoteKey, ...] = ()
    duplicate_of: str | None = None
    #: Display names of the entity keys; dropped once the clusterer has filed the article (memory).
    labels: dict[str, str] = field(default_factory=dict)
    #: Euclidean norm of ``terms``, computed once (every comparison needs it).
    norm: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self.norm = math.sqrt(sum(v * v for v in self.terms.values()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "day": self.day, "published": self.published, "site": self.site,
            "title": self.title, "terms": self.terms, "entities": sorted(self.entities),
            "places": sorted(self.places), "events": sorted(self.events),
            "claims": [[c.counted, c.value, c.claimant, c.kind] for c in self.claims],
            "quotes": [[q.speaker, sorted(q.words)] for q in self.quotes],
            "duplicate_of": self.duplicate_of,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleProfile:
        return cls(
            doc_id=str(data["doc_id"]),
            day=data.get("day"),
            published=data.get("published"),
            site=data.get("site"),
            title=data.get("title"),
            terms={str(k): float(v) for k, v in (data.get("terms") or {}).items()},
            entities=frozenset(data.get("entities") or ()),
            places=frozenset(int(p) for p in data.get("places") or ()),
            events=frozenset(data.get("events") or ()),
            claims=tuple(ClaimKey(str(c[0]), float(c[1]), *c[2:4]) for c in data.get("claims") or ()),
            quotes=tuple(QuoteKey(q[0], frozenset(q[1])) for q in data.get("quotes") or ()),
            duplicate_of=data.get("duplicate_of"),
        )


def day_of(published: str | None) -> int | None:
    """The publication date as a day number, None when missing or unreadable."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def capped_terms(words: list[str], keep: int = TERMS_KEPT) -> dict[str, float]:
    """The ``keep`` heaviest words by ``1 + log(count)`` (ties broken by the word, so deterministic)."""
    weights = {w: 1.0 + math.log(n) for w, n in Counter(words).items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    return {w: round(v, 4) for w, v in top}


def profile_of(doc: Document, canonical: Mapping[str, int] | None = None) -> ArticleProfile:
    """The profile of an analysed document; ``canonical`` maps its entity ids to canonical ids (the
    store's resolution), so that "Ms Okafor" and "Adaeze Okafor" count as one entity."""
    canonical = canonical or {}
    entities: set[str] = set()
    names: dict[str, str] = {}
    for ent in doc.entities:
        if ent.type not in NAMED_TYPES:
            continue
        key = f"c:{canonical[ent.id]}" if ent.id in canonical else f"n:{normal_name(ent.name)}"
        if key != "n:":
            entities.add(key)
            names.setdefault(key, ent.name)
    claims = tuple(
        ClaimKey(
            normal_name(k.counted), float(k.value), normal_name(k.claimant_name) if k.claimant_name else None
        )
        for k in doc.claims
        if k.counted and k.value is not None and normal_name(k.counted)
    )
    quotes = []
    for q in doc.quotes:
        if q.mode != "statement":
            continue
        words = content_words(q.text)[:QUOTE_WORDS]
        if len(words) >= 3:
            speaker = normal_name(q.speaker_name) if q.speaker_name else None
            quotes.append(QuoteKey(speaker, frozenset(words)))
    return ArticleProfile(
        doc_id=doc.id,
        day=day_of(doc.published),
        published=doc.published,
        site=doc.site,
        title=doc.title,
        terms=capped_terms(content_words(headed_text(doc))),
        entities=frozenset(entities),
        places=frozenset(p.geonames_id for p in doc.places if p.geonames_id and not p.adjectival),
        events=frozenset(e.plover for e in doc.events if e.plover and not e.negated),
        claims=claims,
        quotes=tuple(quotes),
        duplicate_of=doc.duplicate_of,
        labels=names,
    )
