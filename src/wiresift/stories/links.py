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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
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
#: How far under ``link`` the score of a same-outlet pair without event-level evidence is held.
OUTLET_MARGIN = 0.0001

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

    @cached_property
    def order(self) -> list[tuple[str, float]]:
        """The features with a weight, the heaviest first (the cheap bound of :func:`link_score`)."""
        return sorted(((n, c) for n, c in self.coef.items() if c), key=lambda nc: (-nc[1], nc[0]))


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


def cosine(a: ArticleProfile, b: ArticleProfile) -> float:
    """Cosine of the two profiles' term vectors (norms computed once per profile; the shared words
    found by a set intersection, which is most of the speed of clustering)."""
    x, y = a.terms, b.terms
    common = x.keys() & y.keys()
    if not common:
        return 0.0
    norm = a.norm * b.norm
    return sum(x[k] * y[k] for k in common) / norm if norm else 0.0


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def claims_agree(a: ClaimKey, b: ClaimKey) -> bool:
    """Same counted thing and kind (where both are known), close values, same or unknown claimant."""
    if a.counted != b.counted or (a.kind and b.kind and a.kind != b.kind):
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


def _feature(name: str, a: ArticleProfile, b: ArticleProfile) -> float:
    if name == "text_cosine":
        return cosine(a, b)
    if name == "entity_overlap":
        smaller = min(len(a.entities), len(b.entities))
        return len(a.entities & b.entities) / smaller if smaller else 0.0
    if name == "entity_jaccard":
        return _jaccard(a.entities, b.entities)
    if name == "place_jaccard":
        return _jaccard(a.places, b.places)
    if name == "event_jaccard":
        return _jaccard(a.events, b.events)
    if name == "claim_match":
        return 1.0 if any(claims_agree(x, y) for x in a.claims for y in b.claims) else 0.0
    if name == "quote_match":
        return 1.0 if any(quotes_agree(x, y) for x in a.quotes for y in b.quotes) else 0.0
    raise KeyError(name)


def link_score(a: ArticleProfile, b: ArticleProfile, model: LinkModel) -> float:
    """The model's score of the pair, exact at or above ``model.link``. Features (each in [0, 1]) are
    computed heaviest first and the computation stops once even the rest at 1 could not reach the
    threshold; below it the value returned is the partial sum (a lower bound)."""
    total = model.intercept
    ahead = sum(c for c in model.coef.values() if c > 0)
    for name, c in model.order:
        if c > 0:
            if total + ahead < model.link:
                return max(0.0, total)
            ahead -= c
        total += c * _feature(name, a, b)
    return min(1.0, max(0.0, total))


def features(a: ArticleProfile, b: ArticleProfile) -> dict[str, float]:
    """Every feature of the pair (for fitting the model; :func:`link_score` computes only what it needs)."""
    return {name: _feature(name, a, b) for name in FEATURES}


def outlet_only(a: ArticleProfile, b: ArticleProfile) -> bool:
    """True when what two articles of one outlet share may be only the outlet's beat: same site, no
    near-duplicate link, event types known on both sides and none in common, no claim or quote in
    common. An outlet's articles share its usual vocabulary and places (a port, a region) whatever
    the event; one story shares an event type, a number or a statement as well."""
    if not a.site or a.site != b.site or near_duplicates(a, b):
        return False
    if not a.events or not b.events or a.events & b.events:
        return False
    if any(claims_agree(x, y) for x in a.claims for y in b.claims):
        return False
    return not any(quotes_agree(x, y) for x in a.quotes for y in b.quotes)


def link(
    a: ArticleProfile, b: ArticleProfile, model: LinkModel | None = None, *, evidence: bool = True
) -> Link | None:
    """The link from ``a`` to ``b``, or None when they lie further apart than the window.

    ``a`` is the fresh profile (its ``labels`` name the shared entities in the evidence); a link
    under the model's ``link`` threshold carries no evidence, nor does any link with
    ``evidence=False`` (a caller that keeps the evidence of a few links only asks
    :func:`shared_evidence` for those). A pair of one outlet that shares no event-level evidence
    (:func:`outlet_only`) links only at ``bridge`` strength: under it, its score is held just
    below ``link``.
    """
    apart = days_apart(a, b)
    if apart is not None and apart > WINDOW_DAYS:
        return None
    model = model or load_model()
    score = 1.0 if near_duplicates(a, b) else round(link_score(a, b, model), 4)
    if model.link <= score < model.bridge and outlet_only(a, b):
        score = round(model.link - OUTLET_MARGIN, 4)
    if score < model.link or not evidence:
        return Link(b.doc_id, score, {})  # no edge, or no evidence asked for: what they share is not kept
    return Link(b.doc_id, score, shared_evidence(a, b))


def shared_evidence(a: ArticleProfile, b: ArticleProfile) -> dict[str, Any]:
    """What the linked profiles ``a`` (the fresh one, see :func:`link`) and ``b`` share."""
    return {
        "with": b.doc_id,
        "near_duplicate": near_duplicates(a, b),
        "entities": sorted(a.labels.get(k, k.partition(":")[2]) for k in a.entities & b.entities),
        "places": sorted(a.places & b.places),
        "event_types": sorted(a.events & b.events),
        "claims": sorted({x.counted for x in a.claims for y in b.claims if claims_agree(x, y)}),
        "quotes": sorted({x.speaker or "?" for x in a.quotes for y in b.quotes if quotes_agree(x, y)}),
        "days_apart": days_apart(a, b),
        "text_cosine": round(cosine(a, b), 4),
    }
