"""The one entry point the CLI, the web app and batch jobs call.

Reading, analysing and storing live here; ``cli.py`` and the web views only parse arguments and
format what these functions return.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from wiresift.model import Document, IngestError
from wiresift.store.base import (
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
from wiresift.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from wiresift.ingest.boilerplate import BoilerplateModel
    from wiresift.ingest.dedup import Deduplicator
    from wiresift.nlp.pipeline import Pipeline

log = logging.getLogger(__name__)

#: Default database file of ``wiresift ingest`` and every query command.
DEFAULT_DB = "wiresift.db"
#: Documents read ahead and analysed together: spaCy's batch size, and the unit of output order.
BATCH_SIZE = 32

Item = Document | IngestError
Only = Literal["extract"] | None


# -- analysis (no storing) -------------------------------------------------------------------------
def build_pipeline(model: str | None = None, stages: Sequence[str] | None = None) -> Pipeline:
    """The NLP pipeline: every stage of ``DEFAULT_STAGES`` unless ``stages`` names others."""
    from wiresift.nlp.pipeline import DEFAULT_STAGES, Pipeline

    return Pipeline(
        list(stages) if stages is not None else DEFAULT_STAGES, model=model, batch_size=BATCH_SIZE
    )


def _batches(items: Iterable[Item], size: int = BATCH_SIZE) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analysed(items: Iterable[Item], pipeline: Pipeline | None) -> Iterator[Item]:
    """Run the pipeline over the documents of ``items`` in batches, keeping input order."""
    if pipeline is None:
        yield from items
        return
    for batch in _batches(items):
        docs = [item for item in batch if isinstance(item, Document)]
        if docs:
            for _ in pipeline.run(docs):  # fills each document in place
                pass
        yield from batch


#: Store state key of the boilerplate learned from scraped text (see docs/ingest.md).
BOILERPLATE_STATE = "ingest.boilerplate"


def read(
    paths: Sequence[str | Path],
    *,
    published: str | None = None,
    url: str | None = None,
    stdin: BinaryIO | None = None,
    boilerplate: BoilerplateModel | None = None,
    observed: set[str] | None = None,
) -> Iterator[Item]:
    """Documents and errors from the inputs, no NLP (``read_sources`` of ``wiresift.ingest``).

    ``boilerplate`` and ``observed`` carry the per-site boilerplate learned from scraped text
    across calls (``ingest`` keeps them in the store).
    """
    from wiresift.ingest.sources import read_sources

    items = read_sources(
        list(paths), published=published, url=url, stdin=stdin, boilerplate=boilerplate, observed=observed
    )
    for item in items:
        if isinstance(item, Document):
            item.finalize()
        yield item


def analyze(
    paths: Sequence[str | Path],
    *,
    published: str | None = None,
    url: str | None = None,
    only: Only = None,
    model: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Analysed documents (or one-line errors) for every input, in order; nothing is stored.

    ``only="extract"`` stops after text extraction (no NLP, no model loaded).
    """
    items = read(paths, published=published, url=url, stdin=stdin)
    pipeline = None if only == "extract" else build_pipeline(model)
    yield from _analysed(items, pipeline)


# -- storing ---------------------------------------------------------------------------------------
def open_store(db: str | Path | Store = DEFAULT_DB) -> Store:
    """The store at ``db`` (a SQLite file path), created and migrated as needed."""
    if not isinstance(db, str | Path):
        return db
    if str(db).startswith(("postgres://", "postgresql://")):
        raise StoreError(f"{db}: the PostgreSQL store is not available yet; use a SQLite file path")
    return SQLiteStore(db)


@dataclass
class IngestReport:
    """Counts of one ingest run; ``errors`` are one-line ``source: cause`` messages."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when a document was stored or everything was already there; 2 when all failed."""
        if self.ingested or self.near_duplicates or self.duplicates:
            return 0
        return 2

    def summary(self) -> str:
        return (
            f"ingested {self.ingested}, duplicates {self.duplicates}, "
            f"near-duplicates {self.near_duplicates}, failed {self.failed}"
        )


Progress = Callable[[str, str], None]
"""``progress(event, message)``: event is ``ingested``, ``near``, ``duplicate`` or ``failed``."""


def _deduplicator(store: Store) -> Deduplicator | None:
    try:
        from wiresift.ingest.dedup import Deduplicator
    except ImportError:  # near-duplicate detection is optional; exact duplicates use the hash
        return None
    return Deduplicator.from_signatures(store.signatures(), roots=store.duplicate_roots())


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path | Store = DEFAULT_DB,
    progress: Progress | None = None,
    published: str | None = None,
    url: str | None = None,
    only: Only = None,
    model: str | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read, deduplicate, analyse and store every input; one transaction per document.

    Exact duplicates (of stored documents or earlier inputs) are skipped; near-duplicates are
    stored with ``duplicate_of``. Failures go to the errors table and ``report.errors``.
    """
    from wiresift.ingest.boilerplate import BoilerplateModel

    store = open_store(db)
    report = IngestReport()
    notify: Progress = progress or (lambda event, message: None)
    dedup = _deduplicator(store)
    saved = store.get_state(BOILERPLATE_STATE)
    boilerplate = (
        BoilerplateModel.from_dict(saved["model"]) if isinstance(saved, dict) else BoilerplateModel()
    )
    observed: set[str] = set(saved["observed"]) if isinstance(saved, dict) else set()
    pending_hashes: set[str] = set()
    pending_ids: set[str] = set()

    def candidates() -> Iterator[Item]:
        items = read(
            paths, published=published, url=url, stdin=stdin, boilerplate=boilerplate, observed=observed
        )
        for item in items:
            if isinstance(item, IngestError):
                store.record_error(item.source, item.cause, item.stage)
                report.failed += 1
                report.errors.append(item.line())
                notify("failed", item.line())
                continue
            if item.content_hash in pending_hashes or store.find_hash(item.content_hash):
                report.duplicates += 1
                notify("duplicate", item.source or item.id)
                continue
            item.id = store.free_id(item)
            if item.id in pending_ids:
                item.id = f"{item.id}~{item.content_hash[:8]}"
            if dedup is not None:
                result = dedup.check(item)
                if result.kind == "exact":
                    report.duplicates += 1
                    notify("duplicate", item.source or item.id)
                    continue
                if result.kind == "near":
                    item.duplicate_of = result.of
                dedup.add(item, result)
            pending_hashes.add(item.content_hash)
            pending_ids.add(item.id)
            yield item

    pipeline = None if only == "extract" else build_pipeline(model)
    try:
        for item in _analysed(candidates(), pipeline):
            assert isinstance(item, Document)  # candidates() yields documents only
            try:
                signature = dedup.signature(item) if dedup is not None else None
                result = store.save(item, signature=signature)
            except Exception as exc:  # one document that cannot be stored never stops the batch
                source = item.source or item.id
                cause = f"cannot store: {type(exc).__name__}: {exc}"
                log.debug("%s: %s", source, cause, exc_info=True)  # stderr gets the one line only
                store.record_error(source, cause, "store", item.id)
                report.failed += 1
                report.errors.append(f"{source}: {cause}")
                notify("failed", f"{source}: {cause}")
                continue
            if result.status == "exact":
                report.duplicates += 1
                notify("duplicate", item.source or item.id)
                continue
            report.ids.append(result.id)
            if item.duplicate_of:
                report.near_duplicates += 1
                notify("near", item.source or result.id)
            else:
                report.ingested += 1
                notify("ingested", item.source or result.id)
    finally:
        store.set_state(BOILERPLATE_STATE, {"model": boilerplate.to_dict(), "observed": sorted(observed)})
        if isinstance(db, str | Path):
            store.close()
    return report


def import_jsonl(
    paths: Sequence[str | Path], *, db: str | Path | Store = DEFAULT_DB, progress: Progress | None = None
) -> IngestReport:
    """Store full ``wiresift/1`` records (from ``export --format jsonl``) as they are: no NLP."""
    from wiresift.export.jsonl import import_jsonl as import_lines

    store = open_store(db)
    report = IngestReport()
    notify: Progress = progress or (lambda event, message: None)
    try:
        for path in paths:
            try:
                handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below, per path
            except OSError as exc:
                cause = exc.strerror or type(exc).__name__
                store.record_error(str(path), cause, "import")
                report.failed += 1
                report.errors.append(f"{path}: {cause}")
                notify("failed", f"{path}: {cause}")
                continue
            with handle:
                for status, item in import_lines(store, handle, str(path)):
                    if isinstance(item, IngestError):
                        store.record_error(item.source, item.cause, "import")
                        report.failed += 1
                        report.errors.append(item.line())
                        notify("failed", item.line())
                    elif status == "exact":
                        report.duplicates += 1
                    else:
                        report.ids.append(item.id)
                        report.ingested += 1
                        notify("ingested", item.id)
    finally:
        if isinstance(db, str | Path):
            store.close()
    return report


# -- queries ---------------------------------------------------------------------------------------
def search(
    store: Store, query: str, limit: int = 20, offset: int = 0, highlight: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """Documents matching ``query`` (FTS5 syntax; stray punctuation is quoted), best first.

    ``highlight`` wraps each matched word in the snippet.
    """
    return store.search(query, limit=limit, offset=offset, highlight=highlight)


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


def quotes(
    store: Store, speaker: str | None = None, since: str | None = None, limit: int = 100
) -> list[QuoteRow]:
    return store.quotes(speaker=speaker, since=since, limit=limit)


def claims(
    store: Store,
    counted: str | None = None,
    place: str | None = None,
    claimant: str | None = None,
    limit: int = 100,
) -> list[ClaimRow]:
    return store.claims(counted=counted, place=place, claimant=claimant, limit=limit)


def events(
    store: Store,
    plover: str | None = None,
    acled: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    limit: int = 100,
) -> list[EventRow]:
    """Events across articles; ``plover`` must be one of the 16 PLOVER categories."""
    from wiresift.nlp.events.cameo import PLOVER_CATEGORIES

    if plover and plover.upper() not in PLOVER_CATEGORIES:
        raise StoreError(f"unknown PLOVER category {plover!r}: one of {', '.join(PLOVER_CATEGORIES)}")
    return store.events(plover=plover, acled=acled, actor=actor, since=since, limit=limit)


def places(store: Store, country: str | None = None, limit: int = 100) -> list[PlaceRow]:
    return store.places(country=country, limit=limit)


def entities(store: Store, type: str | None = None, limit: int = 100) -> list[CanonicalRow]:
    return store.entities(type=type, limit=limit)


def entity(store: Store, name: str) -> EntityProfile:
    """One canonical entity by id or name; raises :class:`StoreError` when nothing matches."""
    profile = store.entity(name)
    if profile is None:
        raise StoreError(f"no entity named {name!r}: `wiresift entities` lists them")
    return profile


def merge_entities(store: Store, ids: Sequence[int]) -> int:
    """Fold the canonical entities ``ids`` into the first; returns its id."""
    return store.merge_entities(ids)


def split_entity(store: Store, canonical_id: int, members: Iterable[str]) -> int:
    """Move members (``DOC_ID:ENTITY_ID``, or a name: every member so named) to a new entity."""
    profile = store.entity(str(canonical_id))
    if profile is None or profile.id != canonical_id:
        raise StoreError(f"no entity with id {canonical_id}")
    chosen: list[tuple[str, str]] = []
    for ref in members:
        doc_id, sep, ent_id = ref.rpartition(":")
        if sep and any(m.doc_id == doc_id and m.entity_id == ent_id for m in profile.members):
            chosen.append((doc_id, ent_id))
            continue
        named = [(m.doc_id, m.entity_id) for m in profile.members if m.name.casefold() == ref.casefold()]
        if not named:
            raise StoreError(f"entity {canonical_id} has no member {ref!r} (use DOC_ID:ENTITY_ID or a name)")
        chosen += named
    return store.split_entity(canonical_id, chosen)


def export_csv(store: Store, directory: str | Path, query: str | None = None) -> list[Path]:
    """One CSV file per table (documents, entities, quotes, claims, timexes, places) in ``directory``."""
    from wiresift.export.csv import write_tables

    return write_tables(store.documents(query), directory)


def export(store: Store, format: str, query: str | None = None) -> Iterator[str]:
    """Text chunks of the export (``jsonl`` lossless records, ``geojson`` places)."""
    from wiresift.export import EXPORTERS

    try:
        exporter = EXPORTERS[format]
    except KeyError:
        raise StoreError(f"unknown export format {format!r}: choose from {', '.join(EXPORTERS)}") from None
    return exporter(store, query)
