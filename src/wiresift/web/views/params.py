"""Query parameters shared by the pages and the JSON API, with the bounds every value must keep.

Integers are bounded so that no value reaches SQLite beyond its 64-bit range (that was an HTTP 500),
and free text is capped in length; a value out of bounds is a 422 naming the parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Path, Query

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


_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def checked_date(name: str, value: str | None) -> str | None:
    """A ``since=``/``until=`` value as given, or None when empty; a 400 naming it when it is no date.

    Dates are compared as string prefixes, so "2025-13" or "last week" would silently match nothing.
    """
    if not value:
        return None
    if not _DATE.match(value.strip()):
        raise HTTPException(400, f"{name}={value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value.strip()


def search_filters(
    site: Text = None,
    since: Text = None,
    until: Text = None,
    entity: Annotated[int | None, Query(ge=0, le=SQLITE_MAX_INT)] = None,
    country: Text = None,
) -> SearchFilters:
    """The facet filters of a search (empty form fields count as absent)."""
    return SearchFilters(
        site=site or None,
        since=checked_date("since", since),
        until=checked_date("until", until),
        entity=entity,
        country=country or None,
    )


@dataclass(frozen=True)
class ViewFilters:
    """The filters the map and the timeline share: a search, an entity (name or id), a country, dates."""

    q: str = ""
    entity: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None

    def search(self, entity_id: int | None) -> SearchFilters:
        return SearchFilters(since=self.since, until=self.until, entity=entity_id, country=self.country)


def view_filters(
    q: Annotated[str, Query(max_length=MAX_TEXT)] = "",
    entity: Text = None,
    country: Text = None,
    since: Text = None,
    until: Text = None,
) -> ViewFilters:
    return ViewFilters(
        q=q,
        entity=entity or None,
        country=country or None,
        since=checked_date("since", since),
        until=checked_date("until", until),
    )
