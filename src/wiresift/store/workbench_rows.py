"""The typed read contract of the workbench: its rows, and :class:`WorkbenchStore`, the protocol both
backends implement (the web app and :mod:`wiresift.workbench` see nothing else of a store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Protocol, runtime_checkable

from wiresift.store.base import PlaceRow, SearchHit, Store
from wiresift.store.timeline import TimelineItem

__all__ = [
    "Budget",
    "MarkedHit",
    "MentionRow",
    "Neighbour",
    "SearchFilters",
    "SearchPage",
    "Sort",
    "TimelineItem",
    "WorkbenchStore",
    "place_condition",
]

Sort = Literal["relevance", "date"]


@dataclass(frozen=True)
class SearchFilters:
    site: str | None = None
    since: str | None = None  # YYYY[-MM[-DD]], compared as a string prefix range
    until: str | None = None
    entity: int | None = None  # canonical entity id
    country: str | None = None  # ISO alpha-2 of a place named (not adjectivally) in the article


@dataclass(frozen=True)
class MarkedHit(SearchHit):
    """A search hit whose ``snippet`` is plain text, with the ``[start, end)`` of each highlight in it."""

    highlights: tuple[tuple[int, int], ...] = ()


@dataclass
class SearchPage:
    hits: list[MarkedHit]
    #: the articles the search selects; with ``total_capped``, "more than" this many
    total: int
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # name -> (value, label, n)
    #: how many of the ``total`` articles the facets count (the most recently stored), and for a
    #: search with words, also the ones ranked and paged through: ``total`` when all of them
    scope: int = 0
    #: whether the order covers only ``scope`` articles (a search with words matching more)
    ranked_in_scope: bool = False
    #: whether more than ``total`` articles match: a search with words counts its matches up to its
    #: window (``scope``) and says "more than" past it, instead of visiting every match
    total_capped: bool = False


@dataclass(frozen=True)
class MentionRow:
    doc_id: str
    title: str | None
    published: str | None
    sentence: str
    place_id: str | None = None  # the place's id in that document (its permalink anchor)


@dataclass(frozen=True)
class Neighbour:
    id: int
    name: str
    type: str
    shared_articles: int


class Budget(Protocol):
    """``with store.time_budget(s):`` the store's queries stop after ``s`` seconds (QueryTimeout).
    ``healthy`` is False afterwards when the connection could not be brought back (drop it)."""

    healthy: bool

    def __enter__(self) -> Budget: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


@runtime_checkable
class WorkbenchStore(Store, Protocol):
    """A :class:`~wiresift.store.base.Store` with the workbench's queries."""

    def time_budget(self, seconds: float) -> Budget: ...

    def search_page(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        sort: Sort = "relevance",
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchPage: ...

    def term_spans(self, doc_id: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]: ...

    def search_facets(self) -> dict[str, list[tuple[str, str, int]]]: ...

    def map_places(
        self,
        country: str | None = None,
        limit: int = 2000,
        query: str = "",
        filters: SearchFilters | None = None,
    ) -> list[PlaceRow]: ...

    def timeline(
        self, limit: int = 500, query: str = "", filters: SearchFilters | None = None
    ) -> list[TimelineItem]: ...

    def place_mentions(
        self, name: str | None, country: str | None = None, limit: int = 50, admin1: str | None = None
    ) -> list[MentionRow]: ...

    def neighbours(
        self, canonical_id: int, limit: int = 25, articles: int | None = None
    ) -> list[Neighbour]: ...

    def seen_range(self, canonical_id: int) -> tuple[str | None, str | None, int]: ...

    def claims_by(self, canonical_id: int, limit: int = 200) -> list[dict[str, object]]: ...

    def related_copies(self, doc_id: str) -> list[tuple[str, str | None, str | None]]: ...


def place_condition(name: str | None, country: str | None, admin1: str | None) -> tuple[str, list[object]]:
    """``WHERE`` (``?`` placeholders) for the places of a popup: one place by name, or every place of a
    country or of a province (``admin1`` within ``country``). Raises ValueError when nothing is given."""
    parts: list[str] = []
    args: list[object] = []
    for column, value in (("p.name", name), ("p.country", country), ("p.admin1", admin1)):
        if value:
            parts.append(f"{column} = ?")
            args.append(value)
    if not name and not country:
        raise ValueError("give a place name or a country")
    if not name:  # a country's or province's places as the map counts them: not "French", "Ukrainian"
        parts.append("p.adjectival = 0")
    return " AND ".join(parts), args
