"""Exports of what a list or search page shows, with its filters: CSV or JSON lines, as a download.

``GET /api/export/{view}?format=csv&<the page's filters>`` streams every row the page's filters
select (all its pages), read in chunks from a connection of the export's own, so memory stays
bounded. The generator runs in Starlette's thread pool, never on the event loop, and at most
:data:`~wiresift.web.db.MAX_EXPORTS` exports run at once: pages keep answering meanwhile.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from threading import Semaphore
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from wiresift import api, workbench
from wiresift.store.base import StoreError
from wiresift.store.workbench_rows import SearchFilters
from wiresift.web.db import MAX_EXPORTS
from wiresift.web.permalink import link_for
from wiresift.web.views.params import Text, checked_date, search_filters

router = APIRouter(tags=["api"])
#: Rows read per query while an export streams.
CHUNK_ROWS = 2000


View = Literal["search", "quotes", "claims", "entities", "events"]
Fetch = Callable[[Any, int, int], list[Any]]


def filename(view: str, format: str) -> str:
    """``wiresift-quotes-20261206-0712.csv``: the view, the UTC time, the format."""
    return f"wiresift-{view}-{datetime.now(UTC):%Y%m%d-%H%M}.{format}"


def disposition(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _record(row: Any, q: str | None) -> dict[str, Any]:
    record = asdict(row) if is_dataclass(row) and not isinstance(row, type) else dict(row)
    record["link"] = link_for(row, q)
    return record


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _lines(rows: Iterator[dict[str, Any]], format: str) -> Iterator[str]:
    """CSV (header from the first row) or JSON lines."""
    if format == "jsonl":
        for record in rows:
            yield json.dumps(record, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for record in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in record.items()})
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _chunks(db: Path, fetch: Fetch, q: str | None, format: str, slots: Semaphore) -> Iterator[str]:
    """The export's text, from its own connection (no time budget: an export takes its time).

    Starts with an empty chunk so that the caller can start it at once: from then on closing the
    generator (end of stream, client gone) runs its ``finally`` and frees the export slot.
    """
    try:
        yield ""
        store = api.open_store(db)
        try:

            def rows() -> Iterator[dict[str, Any]]:
                offset = 0
                while True:
                    page = fetch(store, CHUNK_ROWS, offset)
                    yield from (_record(r, q) for r in page)
                    if len(page) < CHUNK_ROWS:
                        return
                    offset += CHUNK_ROWS

            yield from _lines(rows(), format)
        finally:
            store.close()
    finally:
        slots.release()


def _search_fetch(q: str, filters: SearchFilters) -> Fetch:
    def fetch(store: Any, limit: int, offset: int) -> list[Any]:
        page = workbench.search(store, q, filters, sort="date", limit=limit, offset=offset, facets=False)
        return list(page.hits)

    return fetch


@router.get("/export/{view}")
def export_view(
    request: Request,
    view: View,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    format: Literal["csv", "jsonl"] = "csv",
    q: Annotated[str, Query(max_length=500)] = "",
    speaker: Text = None,
    modes: Text = None,
    counted: Text = None,
    place: Text = None,
    claimant: Text = None,
    type: Text = None,
    plover: Text = None,
    acled: Text = None,
    actor: Text = None,
) -> StreamingResponse:
    """Every row of a list or search page with the page's filters, as CSV or JSON lines (a download)."""
    since = checked_date("since", filters.since)
    fetch: Fetch
    if view == "search":
        if q:
            api.check_query(q)  # a refused query is a 400 before anything streams
        fetch = _search_fetch(q, filters)
    elif view == "quotes":
        try:
            chosen = api.parse_modes(modes)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None

        def fetch(store: Any, limit: int, offset: int) -> list[Any]:
            return api.quotes(store, speaker=speaker, since=since, limit=limit, modes=chosen, offset=offset)

    elif view == "claims":

        def fetch(store: Any, limit: int, offset: int) -> list[Any]:
            return api.claims(
                store, counted=counted, place=place, claimant=claimant, limit=limit, offset=offset
            )

    elif view == "entities":

        def fetch(store: Any, limit: int, offset: int) -> list[Any]:
            return api.entities(store, type=type or None, limit=limit, offset=offset)

    else:

        def fetch(store: Any, limit: int, offset: int) -> list[Any]:
            return api.events(
                store, plover=plover, acled=acled, actor=actor, since=since, limit=limit, offset=offset
            )

    slots = request.app.state.export_slots
    if not slots.acquire(blocking=False):
        raise HTTPException(503, f"{MAX_EXPORTS} exports are already running: try again when one ends")
    chunks = _chunks(request.app.state.db, fetch, q or None, format, slots)
    next(chunks)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return StreamingResponse(chunks, media_type=media, headers=disposition(filename(view, format)))
