"""How strongly two article profiles belong to one story: a link score with its evidence.

The score is a linear model over what two profiles share (capped-term cosine, entities, places,
event types, claims, quotes), clipped to [0, 1]; a near-duplicate link scores 1. Its weights and
the two thresholds — ``link`` (an article joins a story) and ``bridge`` (an article merges two
stories, and an edge holds a story together without support) — are chosen by
``training/tune_story_links.py`` on the dev half of the SemEval-2022 Task 8 English pairs and
shipped in ``story_links.json``. Articles further apart than ``WINDOW_DAYS`` never link.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from wiresift.stories.profile import ArticleProfile, ClaimKey, QuoteKey

#: Publication days two articles of one story may lie apart: wire follow-ups and weekly
#: round-ups come within a week; an older article needs a newer one in between to join.
WINDOW_DAYS = 7
#: Claims count the same thing with close values when they differ by at most this share
#: (the similarity model's tolerance: "about 6,000" vs "more than 5,000").
CLAIM_TOLERANCE = 0.25
#: Quotes are one statement when their content words overlap this much (Jaccard): a trimmed or
#: reworded quote keeps well over half its words, two statements by one speaker rarely do.
QUOTE_OVERLAP = 0.5
LINKS_FILE = "story_links.json"

FEATURES = (
    "text_cosine", "entity_overlap", "entity_jaccard", "place_jaccard", "event_jaccard",
    "claim_match", "quote_match",
)  # fmt: skip


@dataclass(frozen=True)
class LinkModel:
    """Weights of the link score and the two thresholds (see the module docstring)."""

    intercept: float
    coef: dict[str, float]
    link: float
    bridge: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinkModel:
        return cls(
            intercept=float(data["intercept"]),
            coef={str(k): float(v) for k, v in data["coef"].items()},
            link=float(data["link"]),
            bridge=float(data["bridge"]),
        )

    def score(self, values: Mapping[str, float]) -> float:
        raw = self.intercept + sum(c * values.get(name, 0.0) for name, c in self.coef.items())
        return min(1.0, max(0.0, raw))


@cache
def load_model() -> LinkModel:
    text = resources.files("wiresift.stories").joinpath(LINKS_FILE).read_text(encoding="utf-8")
    return LinkModel.from_dict(json.loads(text))


@dataclass(frozen=True)
class Link:
    """A scored link from one article to another, with what they share."""

    other: str
    score: float
    evidence: dict[str, Any]


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def claims_agree(a: ClaimKey, b: ClaimKey) -> bool:
    """Same counted thing, close values, same or unknown claimant."""
    if a.counted != b.counted:
        return False
    if a.claimant and b.claimant and a.claimant != b.claimant:
        return False
    top = max(abs(a.value), abs(b.value))
    return top == 0 or abs(a.value - b.value) <= CLAIM_TOLERANCE * top


def quotes_agree(a: QuoteKey, b: QuoteKey) -> bool:
    """Same or unknown speaker, overlapping wording."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    return _jaccard(a.words, b.words) >= QUOTE_OVERLAP


def days_apart(a: ArticleProfile, b: ArticleProfile) -> int | None:
    return None if a.day is None or b.day is None else abs(a.day - b.day)


def near_duplicates(a: ArticleProfile, b: ArticleProfile) -> bool:
    return (
        a.duplicate_of == b.doc_id
        or b.duplicate_of == a.doc_id
        or (a.duplicate_of is not None and a.duplicate_of == b.duplicate_of)
    )


def features(a: ArticleProfile, b: ArticleProfile) -> dict[str, float]:
    shared = len(a.entities & b.entities)
    smaller = min(len(a.entities), len(b.entities))
    return {
        "text_cosine": cosine(a.terms, b.terms),
        "entity_overlap": shared / smaller if smaller else 0.0,
        "entity_jaccard": _jaccard(a.entities, b.entities),
        "place_jaccard": _jaccard(a.places, b.places),
        "event_jaccard": _jaccard(a.events, b.events),
        "claim_match": 1.0 if any(claims_agree(x, y) for x in a.claims for y in b.claims) else 0.0,
        "quote_match": 1.0 if any(quotes_agree(x, y) for x in a.quotes for y in b.quotes) else 0.0,
    }


def link(a: ArticleProfile, b: ArticleProfile, model: LinkModel | None = None) -> Link | None:
    """The link from ``a`` to ``b``, or None when they lie further apart than the window.

    ``a`` is the fresh profile (its ``labels`` name the shared entities in the evidence).
    """
    apart = days_apart(a, b)
    if apart is not None and apart > WINDOW_DAYS:
        return None
    model = model or load_model()
    values = features(a, b)
    duplicate = near_duplicates(a, b)
    score = 1.0 if duplicate else round(model.score(values), 4)
    evidence: dict[str, Any] = {
        "with": b.doc_id,
        "near_duplicate": duplicate,
        "entities": sorted(a.labels.get(k, k.partition(":")[2]) for k in a.entities & b.entities),
        "places": sorted(a.places & b.places),
        "event_types": sorted(a.events & b.events),
        "claims": sorted({x.counted for x in a.claims for y in b.claims if claims_agree(x, y)}),
        "quotes": sorted({x.speaker or "?" for x in a.quotes for y in b.quotes if quotes_agree(x, y)}),
        "days_apart": apart,
        "text_cosine": round(values["text_cosine"], 4),
    }
    return Link(b.doc_id, score, evidence)
