"""Query parameters shared by the search page and the search API."""

from __future__ import annotations

from wiresift.store.workbench import SearchFilters


def search_filters(
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: int | None = None,
    country: str | None = None,
) -> SearchFilters:
    """The facet filters of a search (empty form fields count as absent)."""
    return SearchFilters(
        site=site or None, since=since or None, until=until or None, entity=entity, country=country or None
    )
