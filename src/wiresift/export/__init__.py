"""Exports of a store: ``jsonl`` (lossless records), ``csv``, ``parquet``, ``geojson`` (places),
``stix``, ``ftm`` and ``gdelt-events`` (one GDELT-style row per event).

Every text exporter takes ``(store, query, modes)`` and returns an iterator of text chunks,
produced while the store is read one document at a time (``store.documents`` pages through the
records), so no export holds the store in memory; ``modes`` are the quote modes kept (statements by
default, None: every mode). ``jsonl`` ignores it: its records stay lossless, every quote with its
``mode``. ``csv`` and ``parquet`` write one file per table into a directory (:data:`DIRECTORY_FORMATS`).
STIX and FollowTheMoney need the optional ``web`` extra and Parquet the ``parquet`` extra, so they are
imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from wiresift.export.gdelt import export_gdelt_events
from wiresift.export.geojson import export_geojson
from wiresift.export.jsonl import export_jsonl, import_jsonl
from wiresift.model import Document
from wiresift.store.base import DEFAULT_MODES, Store, StoreError

Exporter = Callable[[Store, str | None, Sequence[str] | None], Iterator[str]]


def with_modes(docs: Iterable[Document], modes: Sequence[str] | None) -> Iterator[Document]:
    """The documents with only the quotes of ``modes`` (None: all of them)."""
    for doc in docs:
        if modes is None or all(q.mode in modes for q in doc.quotes):
            yield doc
        else:
            yield doc.model_copy(update={"quotes": [q for q in doc.quotes if q.mode in modes]})


def _documents_stream(module: str, extra: str, stories: bool = False) -> Exporter:
    """An exporter over ``<module>.chunks(documents) -> Iterator[str]``, imported on first use; with
    ``stories``, ``chunks(documents, stories=...)`` also gets the store's stories."""

    def export(
        store: Store, query: str | None = None, modes: Sequence[str] | None = DEFAULT_MODES
    ) -> Iterator[str]:
        try:
            chunks = importlib.import_module(module).chunks
        except ImportError as exc:
            raise StoreError(
                f"{module} needs {exc.name}: install it with `pip install 'wiresift[{extra}]'`"
            ) from None
        docs = with_modes(store.documents(query), modes)
        if stories:
            from wiresift.export.stories import story_source

            return chunks(docs, stories=story_source(store))
        return chunks(docs)

    return export


#: Format name to text exporter.
EXPORTERS: dict[str, Exporter] = {
    "jsonl": export_jsonl,
    "geojson": export_geojson,
    "stix": _documents_stream("wiresift.export.stix", "web", stories=True),
    "ftm": _documents_stream("wiresift.export.ftm", "web"),
    "gdelt-events": export_gdelt_events,
}

#: Formats written as one file per table into a directory, rather than one text stream: the module
#: whose ``write_tables(documents, directory)`` writes them.
DIRECTORY_FORMATS = {"csv": "wiresift.export.csv", "parquet": "wiresift.export.parquet"}


def table_writer(format: str) -> Callable[[Iterable[Document], str | Path], list[Path]]:
    """The ``write_tables`` of a directory format, imported on first use (parquet needs pyarrow)."""
    try:
        writer: Callable[[Iterable[Document], str | Path], list[Path]]
        writer = importlib.import_module(DIRECTORY_FORMATS[format]).write_tables
    except KeyError:
        raise StoreError(f"{format!r} is not one of {', '.join(DIRECTORY_FORMATS)}") from None
    except ImportError as exc:
        raise StoreError(
            f"{format} export needs {exc.name}: install it with `pip install 'wiresift[{format}]'`"
        ) from None
    return writer


#: Every format ``wiresift export`` writes: the text exporters and the directory formats.
FORMATS = ("jsonl", "csv", "parquet", "geojson", "stix", "ftm", "gdelt-events")

__all__ = [
    "DIRECTORY_FORMATS",
    "EXPORTERS",
    "FORMATS",
    "export_geojson",
    "export_jsonl",
    "import_jsonl",
    "table_writer",
    "with_modes",
]
