"""Exports of a store: ``jsonl`` (lossless records), ``geojson`` (places), ``stix``, ``ftm`` and
``gdelt-events`` (one GDELT-style row per event).

Every exporter takes ``(store, query)`` and yields text chunks to write one after another.
STIX and FollowTheMoney need the optional ``web`` extra, so they are imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from wiresift.export.gdelt import export_gdelt_events
from wiresift.export.geojson import export_geojson
from wiresift.export.jsonl import export_jsonl, import_jsonl
from wiresift.store.base import Store, StoreError

Exporter = Callable[[Store, str | None], Iterator[str]]


def _documents_dump(module: str, extra: str) -> Exporter:
    """An exporter over ``<module>.dumps(documents) -> str``, imported on first use."""

    def export(store: Store, query: str | None = None) -> Iterator[str]:
        try:
            dumps = importlib.import_module(module).dumps
        except ImportError as exc:
            raise StoreError(
                f"{module} needs {exc.name}: install it with `pip install 'wiresift[{extra}]'`"
            ) from None
        text = dumps(store.documents(query))
        yield text if text.endswith("\n") else text + "\n"

    return export


#: Format name to exporter.
EXPORTERS: dict[str, Exporter] = {
    "jsonl": export_jsonl,
    "geojson": export_geojson,
    "stix": _documents_dump("wiresift.export.stix", "web"),
    "ftm": _documents_dump("wiresift.export.ftm", "web"),
    "gdelt-events": export_gdelt_events,
}

__all__ = ["EXPORTERS", "export_geojson", "export_jsonl", "import_jsonl"]
