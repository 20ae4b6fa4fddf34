"""The story page's view model: articles on a time axis by outlet, tracked claims as a board.

Plain data for the template (:mod:`wiresift.web.views.stories`): every position is a percentage of
the story's time span computed here, so the page needs no script to lay itself out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wiresift.store.stories import StoryArticle, StoryDetail, TrackedClaim, TrackedQuote


@dataclass(frozen=True)
class Mark:
    """One article or mention placed on the axis (``left`` in % of the span)."""

    doc_id: str
    left: float
    day: str
    label: str
    kind: str  # seed | link | merge | split for articles; independent | copied for mentions
    first: bool = False
    detail: str = ""
    item_id: str | None = None


@dataclass(frozen=True)
class Lane:
    outlet: str
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimBoard:
    claim: TrackedClaim
    lanes: list[Lane]
    values: str  # the values in order of publication, "1,200 → 1,300"


@dataclass(frozen=True)
class StoryBoard:
    detail: StoryDetail
    days: list[tuple[str, float]]  # axis ticks: (YYYY-MM-DD, left %)
    articles: list[Lane]
    claims: list[ClaimBoard]
    quotes: list[TrackedQuote]


#: Where the axis starts and how much of the lane it spans (%): a mark starts at its day and its label
#: runs right, so the last day sits far enough left for a label to fit.
AXIS_FROM = 1.0
AXIS_SPAN = 76.0


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


class _Axis:
    def __init__(self, days: list[date]) -> None:
        self.start = min(days) if days else None
        self.width = max(1, (max(days) - min(days)).days) if days else 1

    def left(self, published: str | None) -> float:
        d = _day(published)
        if d is None or self.start is None:
            return 0.0
        return round(AXIS_FROM + AXIS_SPAN * (d - self.start).days / self.width, 2)

    def ticks(self) -> list[tuple[str, float]]:
        if self.start is None:
            return []
        out = []
        for n in range(self.width + 1):
            d = date.fromordinal(self.start.toordinal() + n)
            out.append((d.isoformat(), round(AXIS_FROM + AXIS_SPAN * n / self.width, 2)))
        step = max(1, len(out) // 10)
        return out[::step]


def number(value: float | None, qualifier: str | None = None) -> str:
    if value is None:
        return "?"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{qualifier.replace('_', ' ')} {text}" if qualifier else text


def _lanes(marks: list[tuple[str, Mark]]) -> list[Lane]:
    lanes: dict[str, list[Mark]] = {}
    for outlet, mark in marks:
        lanes.setdefault(outlet, []).append(mark)
    return [Lane(outlet, ms) for outlet, ms in lanes.items()]


def _article_mark(axis: _Axis, a: StoryArticle) -> Mark:
    return Mark(a.doc_id, axis.left(a.published), (a.published or "")[:10], a.title or a.doc_id, a.how,
                detail=f"{a.how} · score {a.score:.2f}")  # fmt: skip


def _claim_board(axis: _Axis, k: TrackedClaim) -> ClaimBoard:
    marks = []
    for n, m in enumerate(k.mentions):
        source = f" · per {m.claimant}" if m.claimant else ""
        copied = f" · copied from {m.copied_from}" if m.copied_from else ""
        marks.append(
            (m.site or m.doc_id,
             Mark(m.doc_id, axis.left(m.published), (m.published or "")[:10], number(m.value, m.qualifier),
                  m.label, first=n == 0, detail=f"{m.text}{source}{copied}", item_id=m.claim_id))
        )  # fmt: skip
    values = " → ".join(number(m.value, m.qualifier) for m in k.mentions)
    return ClaimBoard(k, _lanes(marks), values)


def board(detail: StoryDetail) -> StoryBoard:
    """The page model of one story."""
    days = [d for a in detail.articles if (d := _day(a.published))]
    axis = _Axis(days)
    articles = _lanes([(a.site or a.doc_id, _article_mark(axis, a)) for a in detail.articles])
    return StoryBoard(
        detail=detail,
        days=axis.ticks(),
        articles=articles,
        claims=[_claim_board(axis, k) for k in detail.claims],
        quotes=detail.quotes,
    )
