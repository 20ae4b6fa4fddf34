"""GeoJSON: each resolved place as a Point, with the articles naming it and its mention count."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from wiresift.store.base import Store

#: Places exported at most: far above any map's useful point count, but bounded.
MAX_PLACES = 100_000


def features(store: Store, query: str | None = None) -> list[dict[str, Any]]:
    """Point features for places with coordinates, from all documents or those matching ``query``."""
    by_key: dict[str, dict[str, Any]] = {}
    for doc in store.documents(query):
        for place in doc.places:
            if place.lat is None or place.lon is None:
                continue
            key = str(place.geonames_id) if place.geonames_id is not None else f"name:{place.name.lower()}"
            feat = by_key.setdefault(
                key,
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                    "properties": {
                        "name": place.name, "geonames_id": place.geonames_id, "country": place.country,
                        "admin1": place.admin1, "kind": place.kind, "mentions": 0, "articles": [],
                    },
                },
            )  # fmt: skip
            props = feat["properties"]
            props["mentions"] += len(place.mentions)
            if not any(a["id"] == doc.id for a in props["articles"]):
                props["articles"].append({"id": doc.id, "title": doc.title, "published": doc.published})
            if len(by_key) >= MAX_PLACES:
                break
    return sorted(by_key.values(), key=lambda f: (-len(f["properties"]["articles"]), f["properties"]["name"]))


def export_geojson(
    store: Store, query: str | None = None, modes: Sequence[str] | None = None
) -> Iterator[str]:
    """Places only: ``modes`` (the quote filter of the other exports) does not apply."""
    collection = {"type": "FeatureCollection", "features": features(store, query)}
    yield json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
