"""The one entry point the CLI, the web app and batch jobs call.

Reading, analysing and storing live here; ``cli.py`` and the web views only parse arguments and
format what these functions return.
"""

from __future__ import annotations

import logging
import lzma
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from wiresift.corrections import (
    CorrectionRow,
    correct,
    corrections,
    reanalyze,
    reassign_speaker,
    reject_claim,
    reject_place,
    reject_quote,
    undo_correction,
)
from wiresift.model import Document, IngestError
from wiresift.queries import (
    QUOTE_MODES,
    check_query,
    claims,
    entities,
    entity,
    errors,
    events,
    export,
    export_csv,
    export_file,
    export_tables,
    get_document,
    merge_entities,
    parse_modes,
    places,
    quotes,
    search,
    split_entity,
    stats,
)
from wiresift.store.base import (
    Store,
    StoreError,
)
from wiresift.store.sqlite import SQLiteStore
from wiresift.store.url import is_postgres_url, store_exists, store_location
from wiresift.store.workbench_rows import WorkbenchStore
from wiresift.stories.compare import CompareError, compare, compare_pairs
from wiresift.stories.queries import (
    rebuild_stories,
    stories,
    story,
    story_assignments,
    tracked_claims,
    tracked_quotes,
)
from wiresift.stories.similarity import Similarity, similarity

if TYPE_CHECKING:
    from wiresift.ingest.boilerplate import BoilerplateModel
    from wiresift.ingest.dedup import Deduplicator, DedupResult
    from wiresift.nlp.pipeline import Pipeline
    from wiresift.stories.service import StoryBuilder

log = logging.getLogger(__name__)

#: The read API (:mod:`wiresift.queries`) is re-exported: callers need this one module.
__all__ = [
    "BATCH_SIZE",
    "BOILERPLATE_STATE",
    "DEFAULT_DB",
    "QUOTE_MODES",
    "RECORD_CAP",
    "CompareError",
    "CorrectionRow",
    "IngestReport",
    "Item",
    "Progress",
    "Similarity",
    "analyze",
    "build_pipeline",
    "check_query",
    "claims",
    "compare",
    "compare_pairs",
    "correct",
    "corrections",
    "entities",
    "entity",
    "errors",
    "events",
    "export",
    "export_csv",
    "export_file",
    "export_tables",
    "get_document",
    "import_jsonl",
    "ingest",
    "merge_entities",
    "open_store",
    "open_workbench",
    "parse_modes",
    "places",
    "quotes",
    "read",
    "reanalyze",
    "reassign_speaker",
    "rebuild_stories",
    "reject_claim",
    "reject_place",
    "reject_quote",
    "search",
    "similarity",
    "split_entity",
    "stats",
    "store_exists",
    "store_location",
    "stories",
    "story",
    "story_assignments",
    "tracked_claims",
    "tracked_quotes",
    "undo_correction",
]

#: Default database file of ``wiresift ingest`` and every query command.
DEFAULT_DB = "wiresift.db"
#: Documents read ahead and analysed together: spaCy's batch size, and the unit of output order.
BATCH_SIZE = 32

Item = Document | IngestError
Only = Literal["extract"] | None
Progress = Callable[[str, str], None]
"""``progress(event, message)``: a document's ``ingested``, ``near``, ``duplicate``, ``failed`` (its
source or error line); ``sources`` (how many) after the walk, ``read`` (the source) after each."""


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
            _analyse(pipeline, docs)
        yield from batch


def _analyse(pipeline: Pipeline, docs: list[Document]) -> None:
    """Fill ``docs`` in place; a failure stays with the one document that caused it.

    Stages already record their own failures on the document. If the batch itself fails (the
    parser raising on one text), the documents not yet analysed are run again one at a time; a
    document that still fails keeps its text, gets the cause in ``errors`` (stage ``nlp``) and is
    stored without layers. Only a pipeline that cannot run at all (no model) stops the run.
    """
    from wiresift.nlp.pipeline import PipelineError

    done = 0
    try:
        for _ in pipeline.run(docs):
            done += 1
        return
    except PipelineError:
        raise
    except Exception as exc:
        log.debug("a batch of %d documents failed: %s; analysing them one by one", len(docs), exc)
    for doc in docs[done:]:
        try:
            for _ in pipeline.run([doc]):
                pass
        except PipelineError:
            raise
        except Exception as exc:  # whatever breaks one document is that document's error
            cause = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            log.warning("%s: analysis failed, stored without layers: %s", doc.source or doc.id, cause)
            log.debug("analysis of %s failed", doc.source or doc.id, exc_info=exc)
            doc.errors.append(f"nlp: {cause}")


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
    progress: Progress | None = None,
) -> Iterator[Item]:
    """Documents and errors from the inputs, no NLP (``read_sources`` of ``wiresift.ingest``).

    ``boilerplate`` and ``observed`` carry the per-site boilerplate learned from scraped text
    across calls (``ingest`` keeps them in the store); ``progress`` hears ``sources`` and ``read``.
    """
    from wiresift.ingest.sources import read_sources

    items = read_sources(
        list(paths), published=published, url=url, stdin=stdin, boilerplate=boilerplate, observed=observed,
        progress=progress,
    )  # fmt: skip
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
    progress: Progress | None = None,
) -> Iterator[Item]:
    """Analysed documents (or one-line errors) for every input, in order; nothing is stored.

    ``only="extract"`` stops after text extraction (no NLP, no model loaded). ``progress`` hears
    the ``sources`` and ``read`` events of :func:`read`.
    """
    items = read(paths, published=published, url=url, stdin=stdin, progress=progress)
    pipeline = None if only == "extract" else build_pipeline(model)
    yield from _analysed(items, pipeline)


# -- storing ---------------------------------------------------------------------------------------
def open_store(db: str | Path | Store = DEFAULT_DB) -> Store:
    """The store at ``db`` (a SQLite file path or a ``postgresql://user@host/dbname`` URL), created
    and migrated as needed. This is the one place stores are opened."""
    if not isinstance(db, str | Path):
        return db
    if is_postgres_url(str(db)):
        from wiresift.store.postgres import PostgresStore

        return PostgresStore(str(db))
    return SQLiteStore(db)


def open_workbench(db: str | Path | Store) -> WorkbenchStore:
    """The store at ``db`` with the workbench's queries (both backends have them)."""
    store = open_store(db)
    if not isinstance(store, WorkbenchStore):
        store.close()
        raise StoreError(f"{db}: this store has no workbench queries")
    return store


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
        """0 when the inputs' documents are in the store (stored now or already there); 2 when none is.

        1 stays for usage errors (bad options, a database that cannot be opened).
        """
        if self.ingested or self.near_duplicates or self.duplicates:
            return 0
        return 2

    def summary(self) -> str:
        return (
            f"ingested {self.ingested}, duplicates {self.duplicates}, "
            f"near-duplicates {self.near_duplicates}, failed {self.failed}"
        )


def _deduplicator(store: Store) -> tuple[Deduplicator, int] | None:
    """The near-duplicate index of the stored documents, and the store position it has read up to."""
    try:
        from wiresift.ingest.dedup import Deduplicator
    except ImportError:  # near-duplicate detection is optional; exact duplicates use the hash
        return None
    dedup, position = Deduplicator(), 0
    for row in store.signatures():
        dedup.absorb(row.doc_id, row.signature, row.duplicate_of)
        position = row.position
    return dedup, position


class _NearLinks:
    """Links a document to the story it copies, inside the store's write transaction.

    Other ingests may have stored documents since this one started; their signatures are read
    under the same lock that orders the commits, so the first stored copy of a story is its root
    whichever process stored it, and two processes still link their near-copies.
    """

    def __init__(self, store: Store, dedup: Deduplicator, position: int) -> None:
        self.store, self.dedup, self.position = store, dedup, position
        self.result: DedupResult | None = None

    def __call__(self, doc: Document) -> None:
        for row in self.store.signatures(after=self.position):
            self.dedup.absorb(row.doc_id, row.signature, row.duplicate_of)
            self.position = row.position
        if doc.duplicate_of:  # an imported record keeps the link it was exported with
            from wiresift.ingest.dedup import DedupResult

            self.result = DedupResult("near", doc.duplicate_of)
            return
        self.result = self.dedup.check(doc)
        if self.result.kind == "near":
            doc.duplicate_of = self.result.of


class _Ingest:
    """One ingest run: every failure stays with its source or document, and is reported once."""

    def __init__(self, store: Store, report: IngestReport, notify: Progress, stories: bool = True) -> None:
        self.store, self.report, self.notify = store, report, notify
        self.stories: StoryBuilder | None = None
        if stories:
            from wiresift.stories.service import StoryBuilder

            self.stories = StoryBuilder(store)
        found = _deduplicator(store)
        self.links = _NearLinks(store, *found) if found else None
        self.pending_hashes: set[str] = set()
        self.pending_ids: set[str] = set()

    def fail(self, error: IngestError, doc_id: str | None = None) -> None:
        """Report one failure; remember it in the store when the store can take it."""
        try:
            self.store.record_error(error.source, error.cause, error.stage, doc_id)
        except Exception as exc:  # the report below still names it
            log.warning("%s: cannot record the error in the store: %s", error.source, exc)
        self.report.failed += 1
        self.report.errors.append(error.line())
        self.notify("failed", error.line())

    def candidates(self, items: Iterable[Item]) -> Iterator[Document]:
        """The new documents of ``items``: errors reported, exact duplicates counted and skipped."""
        for item in items:
            if isinstance(item, IngestError):
                self.fail(item)
                continue
            try:
                if item.content_hash in self.pending_hashes or self.store.find_hash(item.content_hash):
                    self.report.duplicates += 1
                    self.notify("duplicate", item.source or item.id)
                    continue
                item.id = self.store.free_id(item)
            except Exception as exc:
                self.fail(_error(item, f"cannot check the store: {type(exc).__name__}: {exc}", "store"))
                continue
            if item.id in self.pending_ids:
                item.id = f"{item.id}~{item.content_hash[:8]}"
            self.pending_hashes.add(item.content_hash)
            self.pending_ids.add(item.id)
            yield item

    def save(self, doc: Document) -> None:
        """Store one analysed document in its own transaction; a failure is that document's error."""
        links = self.links
        try:
            if links is not None:
                links.result = None
            signature = links.dedup.signature(doc) if links is not None else None
            result = self.store.save(doc, signature=signature, link=links)
            if links is not None and result.status == "new" and links.result is not None:
                links.dedup.add(doc, links.result)
        except Exception as exc:  # one document that cannot be stored never stops the batch
            log.debug("cannot store %s", doc.source or doc.id, exc_info=exc)
            self.fail(_error(doc, f"cannot store: {type(exc).__name__}: {exc}", "store"), doc.id)
            return
        if result.status == "exact":
            self.report.duplicates += 1
            self.notify("duplicate", doc.source or doc.id)
            return
        self.report.ids.append(result.id)
        self.file_story(doc)
        if doc.duplicate_of:
            self.report.near_duplicates += 1
            self.notify("near", doc.source or result.id)
        else:
            self.report.ingested += 1
            self.notify("ingested", doc.source or result.id)

    def file_story(self, doc: Document) -> None:
        """Put a stored document in its story; a failure is recorded and the document stays stored."""
        if self.stories is None:
            return
        try:
            self.stories.add(doc)
        except Exception as exc:  # the document is stored; ``wiresift stories --rebuild`` files it later
            error = _error(doc, f"cannot file in a story: {type(exc).__name__}: {exc}", "stories")
            log.warning("%s", error.line())
            try:
                self.store.record_error(error.source, error.cause, error.stage, doc.id)
            except Exception as again:
                log.warning("%s: cannot record the error in the store: %s", error.source, again)

    def finish(self) -> None:
        """Write the pending story changes and track claims and quotes in the stories that changed."""
        if self.stories is None:
            return
        try:
            self.stories.finish()
        except Exception as exc:  # the documents are stored; ``wiresift stories --rebuild`` redoes this
            log.warning(
                "cannot update stories: %s: %s (run `wiresift stories --rebuild`)", type(exc).__name__, exc
            )


def _error(doc: Document, cause: str, stage: str) -> IngestError:
    return IngestError(source=doc.source or doc.id, cause=" ".join(cause.split()), stage=stage)


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
    stories: bool = True,
) -> IngestReport:
    """Read, deduplicate, analyse and store every input; one transaction per document.

    Exact duplicates (of stored documents or earlier inputs) are skipped; near-duplicates are
    stored with ``duplicate_of``. Failures go to the errors table and ``report.errors``: a bad
    source, a document the analysis or the store cannot take, each is one error and the run
    goes on with the next; documents already stored are never undone. ``stories`` files each stored
    document in a story (:mod:`wiresift.stories.service`) and tracks claims and quotes at the end.
    """
    from wiresift.ingest.boilerplate import BoilerplateModel

    store = open_store(db)
    report = IngestReport()
    try:
        run = _Ingest(store, report, progress or (lambda event, message: None), stories)
        saved = store.get_state(BOILERPLATE_STATE)
        boilerplate = (
            BoilerplateModel.from_dict(saved["model"]) if isinstance(saved, dict) else BoilerplateModel()
        )
        observed: set[str] = set(saved["observed"]) if isinstance(saved, dict) else set()
        pipeline = None if only == "extract" else build_pipeline(model)
        items = read(
            paths, published=published, url=url, stdin=stdin, boilerplate=boilerplate, observed=observed,
            progress=progress,
        )  # fmt: skip
        try:
            for item in _analysed(run.candidates(items), pipeline):
                assert isinstance(item, Document)  # candidates() yields documents only
                run.save(item)
        finally:
            run.finish()
            try:
                state = {"model": boilerplate.to_dict(), "observed": sorted(observed)}
                store.set_state(BOILERPLATE_STATE, state)
            except Exception as exc:  # the documents are stored; only the learning is lost
                log.warning("cannot save the learned boilerplate in the store: %s", exc)
    finally:
        if isinstance(db, str | Path):
            store.close()
    return report


#: Longest export record line read by ``import``: a record is its text (at most the 20 MB document
#: cap) plus every layer with its spans, which can double or treble it.
RECORD_CAP = 4 * 20 * 1024 * 1024


def import_jsonl(
    paths: Sequence[str | Path],
    *,
    db: str | Path | Store = DEFAULT_DB,
    progress: Progress | None = None,
    stories: bool = True,
) -> IngestReport:
    """Store full ``wiresift/1`` records (from ``export --format jsonl``, gzipped or not) as they are: no NLP.

    Each record is saved like an ingested document (its own transaction, its near-duplicate
    signature); a bad line or a record that cannot be stored is one error and the file goes on.
    """
    from wiresift.export.jsonl import read_records
    from wiresift.ingest.sources import source_name

    store = open_store(db)
    report = IngestReport()
    try:
        run = _Ingest(store, report, progress or (lambda event, message: None), stories)
        for path in paths:
            name = source_name(path)
            try:
                with open(path, "rb") as raw:
                    for item in read_records(_record_lines(raw, name, run), name):
                        if isinstance(item, IngestError):
                            run.fail(item.model_copy(update={"stage": "import"}))
                        else:
                            run.save(item)
            except OSError as exc:
                run.fail(
                    IngestError(source=name, cause=f"cannot read: {exc.strerror or exc}", stage="import")
                )
        run.finish()
    finally:
        if isinstance(db, str | Path):
            store.close()
    return report


def _record_lines(raw: BinaryIO, name: str, run: _Ingest) -> Iterator[str]:
    """Decoded lines of an export file, read with a bounded ``readline``.

    A line that cannot be a record (over ``RECORD_CAP``, not UTF-8) is reported here and passed on as
    a blank line, which ``read_records`` skips while keeping the line numbers of the others.
    """
    from wiresift.ingest.encoding import sniff_binary
    from wiresift.ingest.streams import (
        Overlong,
        capped_lines,
        compression_of,
        decompressing,
        prefixed,
        read_up_to,
    )

    head = read_up_to(raw, 64)
    compression = compression_of(head)
    stream = prefixed(head, raw)
    if compression:
        stream = decompressing(stream, compression)
    elif (kind := sniff_binary(head)) is not None:
        run.fail(
            IngestError(source=name, cause=f"binary file ({kind}), not a wiresift export", stage="import")
        )
        return
    try:
        for n, line in enumerate(capped_lines(stream, RECORD_CAP), start=1):
            cause = None
            if isinstance(line, Overlong):
                cause = (
                    f"line too large: {line.size:,} bytes, over the {RECORD_CAP:,}-byte record cap (skipped)"
                )
            else:
                try:
                    yield line.decode("utf-8-sig")
                    continue
                except UnicodeDecodeError as exc:
                    cause = f"not UTF-8 (byte {exc.start}): an export record must be UTF-8"
            run.fail(IngestError(source=f"{name}:line {n}", cause=cause, stage="import"))
            yield ""
    except (EOFError, zlib.error, lzma.LZMAError, OSError) as exc:
        run.fail(
            IngestError(
                source=name, cause=f"read failed part-way ({type(exc).__name__}: {exc})", stage="import"
            )
        )
