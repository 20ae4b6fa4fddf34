"""The typed read API of a store: search, documents, the layers' lists, entity profiles and merges,
and exports. :mod:`wiresift.api` re-exports every name here, so callers keep one entry point; the
functions live apart so that neither module outgrows a reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from wiresift.model import Document
from wiresift.store.base import (
    DEFAULT_MODES,
    CanonicalRow,
    ClaimRow,
    EntityProfile,
    ErrorRow,
    PlaceRow,
    QuoteRow,
    SearchHit,
    Store,
    StoreError,
)
from wiresift.store.events import EventRow


def search(
    store: Store, query: str, limit: int = 20, offset: int = 0, highlight: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """Documents matching ``query`` (FTS5 syntax; stray punctuation is quoted), best first.

    ``highlight`` wraps each matched word in the snippet.
    """
    return store.search(query, limit=limit, offset=offset, highlight=highlight)


def check_query(query: str) -> None:
    """Raise :class:`~wiresift.store.base.QueryTooCostly` (a StoreError) for a search query over the
    cost limits, before anything is run; both backends refuse the same queries."""
    from wiresift.store.query import parse_query

    parse_query(query)


def get_document(store: Store, doc_id: str) -> Document:
    """The stored document; raises :class:`StoreError` naming the id when there is none."""
    try:
        return store.load(doc_id)
    except KeyError:
        raise StoreError(f"no document with id {doc_id!r}: `wiresift search` lists ids") from None


def stats(store: Store) -> dict[str, object]:
    return store.stats()


def errors(store: Store, limit: int = 100) -> list[ErrorRow]:
    return store.errors(limit=limit)


#: Every quote mode (:data:`wiresift.model.QuoteMode`).
QUOTE_MODES = ("statement", "belief", "intention", "knowledge", "other")


def parse_modes(value: str | None) -> tuple[str, ...] | None:
    """The quote modes of a ``modes=`` parameter: comma-separated names, ``all`` for every mode (None),
    empty for the default (statements)."""
    if value is None or not value.strip():
        return DEFAULT_MODES
    names = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    if "all" in names:
        return None
    unknown = [n for n in names if n not in QUOTE_MODES]
    if unknown:
        raise StoreError(f"unknown quote mode {unknown[0]!r}: choose from {', '.join(QUOTE_MODES)} or all")
    return names


def quotes(
    store: Store,
    speaker: str | None = None,
    since: str | None = None,
    limit: int = 100,
    modes: Sequence[str] | None = DEFAULT_MODES,
    all_modes: bool = False,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes, newest first: statements only unless ``modes`` names others (belief, intention,
    knowledge, other) or ``all_modes`` asks for every attribution."""
    chosen = None if all_modes else modes
    return store.quotes(speaker=speaker, since=since, limit=limit, modes=chosen, offset=offset)


def claims(
    store: Store,
    counted: str | None = None,
    place: str | None = None,
    claimant: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ClaimRow]:
    return store.claims(counted=counted, place=place, claimant=claimant, limit=limit, offset=offset)


def events(
    store: Store,
    plover: str | None = None,
    acled: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[EventRow]:
    """Events across articles; ``plover`` must be one of the 16 PLOVER categories."""
    from wiresift.nlp.events.cameo import PLOVER_CATEGORIES

    if plover and plover.upper() not in PLOVER_CATEGORIES:
        raise StoreError(f"unknown PLOVER category {plover!r}: one of {', '.join(PLOVER_CATEGORIES)}")
    return store.events(plover=plover, acled=acled, actor=actor, since=since, limit=limit, offset=offset)


def places(store: Store, country: str | None = None, limit: int = 100) -> list[PlaceRow]:
    return store.places(country=country, limit=limit)


def entities(store: Store, type: str | None = None, limit: int = 100, offset: int = 0) -> list[CanonicalRow]:
    return store.entities(type=type, limit=limit, offset=offset)


def entity(store: Store, name: str) -> EntityProfile:
    """One canonical entity by id or name; raises :class:`StoreError` when nothing matches."""
    profile = store.entity(name)
    if profile is None:
        raise StoreError(f"no entity named {name!r}: `wiresift entities` lists them")
    return profile


def merge_entities(store: Store, ids: Sequence[int], *, who: str | None = None, why: str = "") -> int:
    """Fold the canonical entities ``ids`` into the first (a recorded, undoable correction); returns its id."""
    from wiresift import corrections

    return corrections.merge_entities(store, ids, who=who, why=why)


def split_entity(
    store: Store, canonical_id: int, members: Iterable[str], *, who: str | None = None, why: str = ""
) -> int:
    """Move members (``DOC_ID:ENTITY_ID``, or a name: every member so named) to a new entity (a recorded,
    undoable correction); returns the new entity's id."""
    from wiresift import corrections

    return corrections.split_entity(store, canonical_id, members, who=who, why=why)


def export_tables(
    store: Store, directory: str | Path, query: str | None = None, all_modes: bool = False, fmt: str = "csv"
) -> list[Path]:
    """A ``fmt`` file (csv; parquet needs its extra) per table; quotes: statements unless ``all_modes``."""
    from wiresift.export import table_writer, with_modes

    docs = with_modes(store.documents(query), None if all_modes else DEFAULT_MODES)
    if fmt == "csv":  # the story tables too (parquet: the document tables only)
        from wiresift.export.csv import write_tables
        from wiresift.export.stories import story_source

        return write_tables(docs, directory, stories=story_source(store))
    return table_writer(fmt)(docs, directory)


export_csv = export_tables  # the name of the CSV-only first version


def export(store: Store, format: str, query: str | None = None, all_modes: bool = False) -> Iterator[str]:
    """Text chunks of the export (``jsonl`` lossless records, ``geojson`` places); ``stix`` and ``ftm``
    hold statements only unless ``all_modes`` (``jsonl`` keeps every quote with its ``mode``)."""
    from wiresift.export import EXPORTERS

    try:
        exporter = EXPORTERS[format]
    except KeyError:
        raise StoreError(f"unknown export format {format!r}: choose from {', '.join(EXPORTERS)}") from None
    return exporter(store, query, None if all_modes else DEFAULT_MODES)


def export_file(
    store: Store, format: str, output: str | Path, query: str | None = None, all_modes: bool = False
) -> list[Path]:
    """Write the export to ``output`` (a directory for ``csv`` and ``parquet``); returns the files written.

    Regular files only, replaced through a temporary file once complete (docs/exports.md); a
    special file or a symbolic link is refused with :class:`StoreError`.
    """
    from wiresift.export import DIRECTORY_FORMATS
    from wiresift.export.output import atomic_files

    if format in DIRECTORY_FORMATS:
        return export_tables(store, output, query=query, all_modes=all_modes, fmt=format)
    target = Path(output)
    chunks = export(store, format, query=query, all_modes=all_modes)
    with atomic_files([target]) as (handle,):
        handle.writelines(chunks)
    return [target]
