"""``gdelt-events``: one tab-separated row per event, in the column names of GDELT 2.0's event table
(the subset wiresift can fill), so GDELT users can load it as they are used to.

``Actor1Code`` is the country (ISO alpha-3 or IGO) followed by the sector ("RUSGOV"); ``EventCode``
is the CAMEO code, ``EventRootCode`` its two-digit root, ``QuadClass`` GDELT's 1-4 and
``GoldsteinScale`` the Goldstein weight of the CAMEO code (:data:`wiresift.nlp.events.cameo.GOLDSTEIN`).
``SQLDATE`` is the event's own date when it resolved to a day, else the article's publication date.
wiresift adds ``PLOVER``, ``ACLED``, ``Hypothetical``, ``Negated``, ``DocId`` and the trigger span.

GDELT's table has one Actor1 and one Actor2 per row: an event with coordinated actors ("Ruritania and
Bree struck rebel positions", ``also_sources``/``also_targets``) gives one row per source-target pair,
as PETRARCH, GDELT's coder, writes one event per actor of a compound actor; a dyad count (Actor1Code by
Actor2Code) then counts each pair. The first pair's row has the event's id (``GLOBALEVENTID``
``<doc>-<event>``), the others ``<doc>-<event>-2``, ``-3``...; ``DocId`` and the trigger span are the
same on every row of one event, so a count of events is one of distinct ``(DocId, TriggerStart)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from wiresift.model import Document, Event, EventActor, Place
from wiresift.nlp.events.cameo import goldstein, quad_class
from wiresift.store.base import Store

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "SOURCEURL",
    "PLOVER", "ACLED", "Hypothetical", "Negated", "DocId", "TriggerStart", "TriggerEnd", "TriggerText",
)  # fmt: skip
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tab or line break may reach a cell


def _actor(actor: EventActor | None) -> list[object]:
    if actor is None:
        return ["", "", "", ""]
    code = (actor.code or "") + (actor.sector or "")
    return [code, actor.text, actor.code, actor.sector]


def _date(doc: Document, event: Event) -> str:
    for value in (event.time, doc.published):
        if value and _DAY.match(value):
            return value[:10].replace("-", "")
    return ""


def pairs(event: Event) -> list[tuple[EventActor | None, EventActor | None]]:
    """Every (source, target) pair of the event, the first actors' first; one pair when it has no
    coordinated actor."""
    return [(s, t) for s in (event.source, *event.also_sources) for t in (event.target, *event.also_targets)]


def event_rows(doc: Document) -> Iterator[list[object]]:
    places = {p.id: p for p in doc.places}
    for n, event in enumerate(doc.events):
        place = places.get(event.place or "")
        for k, (source, target) in enumerate(pairs(event), 1):
            row_id = f"{doc.id}-{event.id}" + (f"-{k}" if k > 1 else "")
            yield _row(doc, event, n, row_id, source, target, place)


def _row(
    doc: Document,
    event: Event,
    n: int,
    row_id: str,
    source: EventActor | None,
    target: EventActor | None,
    place: Place | None,
) -> list[object]:
    """One row: the event ``n`` of the document (0: its main event) with one pair of its actors."""
    code = event.cameo
    return [
        row_id, _date(doc, event), *_actor(source), *_actor(target),
        int(n == 0), code, code[:3] if code else None, code[:2] if code else None,
        quad_class(event.plover), goldstein(code),
        place.name if place else None, place.country if place else None,
        place.lat if place else None, place.lon if place else None,
        place.geonames_id if place else None, doc.url or doc.source,
        event.plover, event.acled, event.hypothetical, int(event.negated), doc.id,
        event.start, event.end, event.text,
    ]  # fmt: skip


def export_gdelt_events(
    store: Store, query: str | None = None, modes: Sequence[str] | None = None
) -> Iterator[str]:
    """The header, then one row per event of every document, one per pair of its actors when it has
    coordinated ones (``modes``, the quote filter, is unused)."""
    yield "\t".join(COLUMNS) + "\n"
    for doc in store.documents(query):
        for row in event_rows(doc):
            yield "\t".join(_cell(v) for v in row) + "\n"
