"""GeoJSON: each resolved place as a Point, with the articles naming it and its mention count, then
each event with a resolved place as a Point of its own (``"layer": "event"``: category, trigger,
actors' codes, time, article).

A feature gathers every article naming its place, so the export keeps one summary per place in
memory (name, coordinates, counts and ``(id, title, date)`` of each article: no texts, no other
layers) while it reads the documents one at a time, then writes the features one by one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from wiresift.model import Document
from wiresift.store.base import Store

#: Places exported at most: far above any map's useful point count, but bounded. Once reached,
#: places already held still gather their articles; new ones are left out.
MAX_PLACES = 100_000
#: Event points exported at most (bounded like the places).
MAX_EVENTS = 100_000


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None or not math.isfinite(lat + lon):
        return None  # unresolved (JSON has no NaN or infinity either)
    return {"type": "Point", "coordinates": [lon, lat]}


def event_features(doc: Document) -> list[dict[str, Any]]:
    """One Point per event of ``doc`` whose place has coordinates."""
    places = {p.id: p for p in doc.places}
    out = []
    for event in doc.events:
        place = places.get(event.place or "")
        point = _point(place.lat, place.lon) if place is not None else None
        if place is None or point is None:
            continue
        out.append({
            "type": "Feature",
            "geometry": point,
            "properties": {
                "layer": "event", "doc_id": doc.id, "id": event.id, "text": event.text,
                "plover": event.plover, "quad": event.quad, "cameo": event.cameo, "acled": event.acled,
                "hypothetical": event.hypothetical, "negated": event.negated,
                "source": event.source.code if event.source else None,
                "target": event.target.code if event.target else None,
                "also_sources": [a.code for a in event.also_sources if a.code],
                "also_targets": [a.code for a in event.also_targets if a.code],
                "place": place.name, "time": event.time, "title": doc.title, "published": doc.published,
            },
        })  # fmt: skip
    return out


def features(docs: Iterable[Document], events: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Point features for the places with coordinates, most articles first; with ``events``, the
    event points are appended to that list as the documents go by."""
    by_key: dict[str, dict[str, Any]] = {}
    for doc in docs:
        if events is not None and len(events) < MAX_EVENTS:
            events.extend(event_features(doc)[: MAX_EVENTS - len(events)])
        for place in doc.places:
            if place.lat is None or place.lon is None or not math.isfinite(place.lat + place.lon):
                continue  # unresolved (JSON has no NaN or infinity either)
            key = str(place.geonames_id) if place.geonames_id is not None else f"name:{place.name.lower()}"
            feat = by_key.get(key)
            if feat is None:
                if len(by_key) >= MAX_PLACES:
                    continue
                feat = by_key[key] = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                    "properties": {
                        "name": place.name, "geonames_id": place.geonames_id, "country": place.country,
                        "admin1": place.admin1, "kind": place.kind, "mentions": 0, "articles": [],
                    },
                }  # fmt: skip
            props = feat["properties"]
            props["mentions"] += len(place.mentions)
            articles = props["articles"]
            if not articles or articles[-1]["id"] != doc.id:  # documents come one at a time
                articles.append({"id": doc.id, "title": doc.title, "published": doc.published})
    return sorted(by_key.values(), key=lambda f: (-len(f["properties"]["articles"]), f["properties"]["name"]))


def export_geojson(
    store: Store, query: str | None = None, modes: Sequence[str] | None = None
) -> Iterator[str]:
    """A FeatureCollection, written one feature per line: places, then events, so ``modes`` (the quote
    filter of the other exports) does not apply."""
    yield '{"type": "FeatureCollection", "features": [\n'
    sep = ""
    events: list[dict[str, Any]] = []
    for feat in [*features(store.documents(query), events), *events]:
        yield sep + json.dumps(feat, ensure_ascii=False)
        sep = ",\n"
    yield "\n]}\n"
