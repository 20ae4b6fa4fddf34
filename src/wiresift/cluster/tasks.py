"""What runs on a Dask worker: the pipeline, loaded once per worker process, and one shard's analysis.

Tasks are pure: a shard of documents in, the same documents analysed out, nothing else touched
(the worker-writes variant only saves through the store's own duplicate-safe ``save``). So the
scheduler may run a shard again anywhere -- after a worker is killed, or as a retry -- and the
result is the same; the client stores each document once whatever ran it how often.
"""

from __future__ import annotations

import resource
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wiresift.model import Document

if TYPE_CHECKING:
    from wiresift.batch import IngestReport, IngestRun
    from wiresift.ingest.dedup import Deduplicator
    from wiresift.nlp.pipeline import Pipeline
    from wiresift.stories.service import Tracked

#: One pipeline per (model, stages) in each worker process, built on first use (or by the plugin).
_PIPELINES: dict[tuple[str | None, tuple[str, ...] | None], Pipeline] = {}
#: One ingest run (its open store and near-duplicate index) per store address in each worker process,
#: for worker-written stores only: the index is read from the store once, then caught up at each save.
_RUNS: dict[str, IngestRun] = {}
_LOCK = threading.Lock()
#: Hashes the bodies of this process's shards for near-duplicate detection (see ``analyse_shard``).
_HASHER: Deduplicator | None = None


def pipeline(model: str | None, stages: Sequence[str] | None = None) -> Pipeline:
    """This process's pipeline for ``model`` and ``stages``: the spaCy model is loaded once per worker."""
    from wiresift.batch import build_pipeline

    key = (model, tuple(stages) if stages is not None else None)
    with _LOCK:  # two threads of one worker must not load the model twice
        found = _PIPELINES.get(key)
        if found is None:
            found = _PIPELINES[key] = build_pipeline(model, stages)
            found.nlp  # noqa: B018  (loads the spaCy model now, not inside the first shard)
        return found


def analyse_shard(
    docs: list[Document], model: str | None, stages: Sequence[str] | None
) -> list[tuple[Document, bytes | None]]:
    """The shard's documents with their layers, each with its near-duplicate signature (None when the
    near-duplicate extra is missing): hashing the body here spares the one writer that work. A
    document the pipeline cannot analyse keeps its cause in ``errors`` (as in single-process
    ingest) and the shard goes on."""
    from wiresift.batch import analyse

    # Copies: the stages fill documents in place, and a task must leave its inputs as it found them
    # for a rerun (after a worker died half-way, or a retry) to start from the same documents.
    analysed = [doc.model_copy(deep=True) for doc in docs]
    if analysed:
        analyse(pipeline(model, stages), analysed)
    return [(doc, _signature(doc)) for doc in analysed]


def _signature(doc: Document) -> bytes | None:
    global _HASHER
    if _HASHER is None:
        try:
            from wiresift.ingest.dedup import Deduplicator
        except ImportError:  # near-duplicate detection is optional (as in wiresift.api)
            return None
        _HASHER = Deduplicator()  # an empty index: only its hashing is used
    return _HASHER.signature(doc)


def analyse_and_store(
    docs: list[Document], model: str | None, stages: Sequence[str] | None, db: str
) -> tuple[IngestReport, list[tuple[str, str]]]:
    """Analyse the shard and save it into the store at ``db`` from this worker (stores that take
    concurrent writers only); return the counts and the ``(event, message)`` progress of the saves."""
    from wiresift.batch import IngestReport

    analysed = analyse_shard(docs, model, stages)
    events: list[tuple[str, str]] = []
    with _LOCK:  # one writer per worker process: the cached run is not shared between threads
        run = _run(db)
        run.report = IngestReport()
        run.notify = lambda event, message: events.append((event, message))
        for doc, signature in analysed:
            if run.links is not None and signature is not None:
                run.links.dedup.remember(signature)
            run.save(doc)
        return run.report, events


def track_story(story_id: str, docs: list[Document]) -> Tracked:
    """The claims and quotes tracked across one story's documents (pure: the client writes them)."""
    from wiresift.stories.tracking import track_claims, track_quotes

    return track_claims(story_id, docs), track_quotes(story_id, docs)


def _run(db: str) -> IngestRun:
    from wiresift.api import open_store
    from wiresift.batch import IngestReport, IngestRun

    found = _RUNS.get(db)
    if found is None:
        found = _RUNS[db] = IngestRun(open_store(db), IngestReport(), lambda event, message: None)
    return found


def peak_rss() -> int:
    """This process's peak resident memory in bytes (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)
