"""One ingest run over a store, shared by the single-process ingest (:mod:`wiresift.api`) and the Dask
ingest (:mod:`wiresift.cluster`): the pipeline in batches, a failure kept with its document, exact and
near-duplicates found, every stored document filed in its story, and the run's counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wiresift.model import Document, IngestError
from wiresift.store.base import Store

if TYPE_CHECKING:
    from wiresift.ingest.dedup import Deduplicator, DedupResult
    from wiresift.nlp.pipeline import Pipeline
    from wiresift.stories.service import StoryBuilder, Tracker

log = logging.getLogger(__name__)

#: Documents read ahead and analysed together: spaCy's batch size, and the unit of output order.
BATCH_SIZE = 32

Item = Document | IngestError
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


def analysed(items: Iterable[Item], pipeline: Pipeline | None) -> Iterator[Item]:
    """Run the pipeline over the documents of ``items`` in batches, keeping input order."""
    if pipeline is None:
        yield from items
        return
    for batch in _batches(items):
        docs = [item for item in batch if isinstance(item, Document)]
        if docs:
            analyse(pipeline, docs)
        yield from batch


def analyse(pipeline: Pipeline, docs: list[Document]) -> None:
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


class IngestRun:
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
                self.fail(ingest_error(item, f"cannot check the store: {type(exc).__name__}: {exc}", "store"))
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
            self.fail(ingest_error(doc, f"cannot store: {type(exc).__name__}: {exc}", "store"), doc.id)
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
            error = ingest_error(doc, f"cannot file in a story: {type(exc).__name__}: {exc}", "stories")
            log.warning("%s", error.line())
            try:
                self.store.record_error(error.source, error.cause, error.stage, doc.id)
            except Exception as again:
                log.warning("%s: cannot record the error in the store: %s", error.source, again)

    def finish(self, track: Tracker | None = None) -> None:
        """Write the pending story changes and track claims and quotes in the stories that changed
        (with ``track``, see :meth:`StoryBuilder.finish`: here by default)."""
        if self.stories is None:
            return
        try:
            self.stories.finish(track=track)
        except Exception as exc:  # the documents are stored; ``wiresift stories --rebuild`` redoes this
            log.warning(
                "cannot update stories: %s: %s (run `wiresift stories --rebuild`)", type(exc).__name__, exc
            )


def ingest_error(doc: Document, cause: str, stage: str) -> IngestError:
    """The one-line error of a document that a stage of the run could not take."""
    return IngestError(source=doc.source or doc.id, cause=" ".join(cause.split()), stage=stage)
