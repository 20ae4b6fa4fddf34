"""Query parameters shared by the pages and the JSON API, with the bounds every value must keep.

Integers are bounded so that no value reaches SQLite beyond its 64-bit range (that was an HTTP 500),
and free text is capped in length; a value out of bounds is a 422 naming the parameter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from wiresift.workbench import SearchFilters

#: The largest integer SQLite stores (entity ids are SQLite rowids).
SQLITE_MAX_INT = 2**63 - 1
#: Deepest offset of a paged list: far past what anyone pages through; filters narrow the rest.
MAX_OFFSET = 1_000_000
#: Free-text filters (a name, an outlet, a date): long enough for any real value.
MAX_TEXT = 500
#: Document ids may be file paths or URLs: as long as a request line may carry.
MAX_KEY = 4096

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
#: A document id or an entity name/id in the path: it may hold "/" (the route uses ``:path``).
PathKey = Annotated[str, Path(min_length=1, max_length=MAX_KEY)]


def search_filters(
    site: Text = None,
    since: Text = None,
    until: Text = None,
    entity: Annotated[int | None, Query(ge=0, le=SQLITE_MAX_INT)] = None,
    country: Text = None,
) -> SearchFilters:
    """The facet filters of a search (empty form fields count as absent)."""
    return SearchFilters(
        site=site or None, since=since or None, until=until or None, entity=entity, country=country or None
    )
