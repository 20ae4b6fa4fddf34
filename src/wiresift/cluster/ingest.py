"""``ingest`` on a Dask cluster: the client reads, the workers analyse, one writer stores.

The work is split where it can be parallel and kept whole where it must be ordered:

- **Reading** (no NLP) stays on the client, lazily: the paths are walked as reading goes, ``READ_CHUNK``
  sources at a time, so the list of a million files is never held. Each document gets its content
  hash here, and the exact duplicates -- of stored documents and of earlier inputs -- are dropped
  *before* anything is sent: a restarted run sends only what is not stored yet.
- **Analysis** runs on the workers, a shard of ``shard_size`` documents per task, at most ``window``
  shards in flight. Tasks are pure (documents in, analysed documents out), so the scheduler may run a
  shard again after a worker dies; the retried shard gives the same documents.
- **Storing**: for SQLite, the client is the one writer. It takes the shards back in the order it
  sent them and saves each document through the normal ingest path (one transaction per document,
  exact-duplicate check, near-duplicate links), so a cluster run stores what a single-process run
  stores. A store that declares ``concurrent_writers`` (a server database) is written by the workers
  themselves, each through the same save path, and the client only counts.
- **Story tracking**, the last step of a run, is a pure function of each changed story's documents:
  the workers compute it, one task per story, and the client writes the results in story order.

Nothing is committed but by that save path, document by document: a client killed mid-run leaves
whole documents, and the next run skips them by their hash.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from wiresift.api import BOILERPLATE_STATE, DEFAULT_DB, open_store
from wiresift.batch import BATCH_SIZE, IngestReport, IngestRun, Item, Progress, ingest_error
from wiresift.cluster.tasks import analyse_and_store, analyse_shard, track_story
from wiresift.model import Document
from wiresift.store.base import Store

if TYPE_CHECKING:
    from distributed import Client, Future

    from wiresift.ingest.boilerplate import BoilerplateModel
    from wiresift.stories.service import Tracked

log = logging.getLogger(__name__)

__all__ = ["READ_CHUNK", "SHARD_SIZE", "Writer", "ingest", "workers_write"]

#: Documents per task: spaCy's batch size, so a worker parses a shard as single-process ingest
#: parses a batch; large enough that the per-task overhead of Dask (a few ms) stays under 1 %.
SHARD_SIZE = BATCH_SIZE
#: Sources read together on the client: scraped texts learn their site boilerplate from their chunk
#: (and the chunks before it), and the client holds at most one chunk of raw texts.
READ_CHUNK = 1000
#: Shards in flight per worker thread: one running, one waiting in the worker's queue so it never
#: idles between tasks, and the client's memory stays bounded by ``window * shard_size`` documents.
SHARDS_PER_THREAD = 2
#: Who saves the analysed documents (see the module docstring).
Writer = Literal["auto", "client", "workers"]


def ingest(
    paths: Sequence[str | Path],
    *,
    client: Client,
    db: str | Path | Store = DEFAULT_DB,
    progress: Progress | None = None,
    published: str | None = None,
    url: str | None = None,
    model: str | None = None,
    stages: Sequence[str] | None = None,
    stdin: BinaryIO | None = None,
    shard_size: int = SHARD_SIZE,
    window: int | None = None,
    writer: Writer = "auto",
    stories: bool = True,
) -> IngestReport:
    """Read, deduplicate and store every input like :func:`wiresift.api.ingest`, analysing on ``client``'s
    cluster (see :func:`wiresift.cluster.connect`, which loads ``model``/``stages`` into every worker as
    it joins; others would load at a worker's first shard).

    ``window`` bounds the shards in flight (default: two per worker thread); ``writer`` chooses who
    saves (``auto``: the workers when the store takes concurrent writers, else the client).
    ``stories`` files every stored document in a story on the client, as a single-process ingest does.
    """
    if shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, got {shard_size}")
    from wiresift.ingest.boilerplate import BoilerplateModel
    from wiresift.ingest.sources import count_sources

    store = open_store(db)
    report = IngestReport()
    notify: Progress = progress or (lambda event, message: None)
    try:
        address = workers_write(store, db, writer)
        run = IngestRun(store, report, notify, stories)
        saved = store.get_state(BOILERPLATE_STATE)
        boilerplate = (
            BoilerplateModel.from_dict(saved["model"]) if isinstance(saved, dict) else BoilerplateModel()
        )
        observed: set[str] = set(saved["observed"]) if isinstance(saved, dict) else set()
        notify("sources", str(count_sources(paths)))
        items = _read(paths, published, url, stdin, boilerplate, observed, notify)
        slots = window or max(2, SHARDS_PER_THREAD * sum(client.nthreads().values()))
        try:
            for shard, result in _analysed(client, _shards(run.candidates(items), shard_size), model,
                                           stages, address, slots):  # fmt: skip
                _take(run, shard, result)
        finally:
            run.finish(track=_tracker(client, slots))
            try:
                store.set_state(
                    BOILERPLATE_STATE, {"model": boilerplate.to_dict(), "observed": sorted(observed)}
                )
            except Exception as exc:  # the documents are stored; only the learning is lost
                log.warning("cannot save the learned boilerplate in the store: %s", exc)
    finally:
        if isinstance(db, str | Path):
            store.close()
    return report


def workers_write(store: Store, db: str | Path | Store, writer: Writer) -> str | None:
    """The address the workers open to save (None: the client saves).

    SQLite takes one writer at a time, so by default its documents stream back to the client; a store
    with ``concurrent_writers = True`` (PostgreSQL: row locks and unique keys, no file lock) is written
    by the workers, which spares the client every document's round trip.
    """
    if writer == "client" or not isinstance(db, str | Path):
        if writer == "workers":
            raise ValueError("writer='workers' needs the store's address (a path or URL), not an open store")
        return None
    if writer == "auto" and not getattr(store, "concurrent_writers", False):
        return None
    text = str(db)
    return text if "://" in text else str(Path(text).resolve())


def _read(
    paths: Sequence[str | Path],
    published: str | None,
    url: str | None,
    stdin: BinaryIO | None,
    boilerplate: BoilerplateModel,
    observed: set[str],
    notify: Progress,
) -> Iterator[Item]:
    from wiresift.ingest.sources import read_sources

    def on_read(event: str, message: str) -> None:
        if event == "read":
            notify(event, message)

    for item in read_sources(
        list(paths), published=published, url=url, stdin=stdin, boilerplate=boilerplate,
        observed=observed, progress=on_read, chunk=READ_CHUNK,
    ):  # fmt: skip
        if isinstance(item, Document):
            item.finalize()
        yield item


def _shards(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    shard: list[Document] = []
    for doc in docs:
        shard.append(doc)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


#: Resubmissions of a shard whose task raised (a worker that died is the scheduler's business: it
#: reruns the shard elsewhere up to ``distributed.scheduler.allowed-failures`` times on its own).
RETRIES = 2
_Result = list[tuple[Document, bytes | None]] | tuple[IngestReport, list[tuple[str, str]]] | BaseException


def _analysed(
    client: Client,
    shards: Iterable[list[Document]],
    model: str | None,
    stages: Sequence[str] | None,
    address: str | None,
    window: int,
) -> Iterator[tuple[list[Document], _Result]]:
    """Each shard with what its task returned (or raised), in the order the shards were sent.

    At most ``window`` shards are in flight; taking them back in order costs little (the next shards
    keep running meanwhile) and keeps near-duplicate roots and ids as a single-process run sets them.
    """
    run = uuid.uuid4().hex[:12]  # keys unique to this run: a restarted client never meets stale ones
    pending: deque[tuple[list[Document], Future]] = deque()
    task: Callable[..., _Result] = analyse_shard if address is None else analyse_and_store
    extra = () if address is None else (address,)
    try:
        for n, shard in enumerate(shards):
            key = f"wiresift-shard-{run}-{n}"
            future = client.submit(task, shard, model, stages, *extra, key=key, retries=RETRIES)
            pending.append((shard, future))
            while len(pending) >= window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        if pending:
            client.cancel([future for _, future in pending])


def _result(shard: list[Document], future: Future) -> tuple[list[Document], _Result]:
    from wiresift.nlp.pipeline import PipelineError

    try:
        result: _Result = future.result()
    except PipelineError:
        raise  # no model on the workers: no shard can be analysed, stop as single-process ingest does
    except Exception as exc:
        result = exc
    finally:
        future.release()
    return shard, result


def _tracker(
    client: Client, window: int
) -> Callable[[Iterable[tuple[str, list[Document]]]], Iterator[Tracked]]:
    """Track the changed stories' claims and quotes on the workers, ``window`` stories in flight, in
    order. The writer's last step is this tracking; spread over the workers, it no longer waits for
    one core. A story the cluster cannot track is tracked here."""

    def track(stories: Iterable[tuple[str, list[Document]]]) -> Iterator[Tracked]:
        run = uuid.uuid4().hex[:12]
        pending: deque[tuple[str, list[Document], Future]] = deque()
        try:
            for n, (sid, docs) in enumerate(stories):
                future = client.submit(
                    track_story, sid, docs, key=f"wiresift-track-{run}-{n}", retries=RETRIES
                )
                pending.append((sid, docs, future))
                while len(pending) >= window:
                    yield _tracked(*pending.popleft())
            while pending:
                yield _tracked(*pending.popleft())
        finally:
            if pending:
                client.cancel([future for _, _, future in pending])

    return track


def _tracked(sid: str, docs: list[Document], future: Future) -> Tracked:
    try:
        result: Tracked = future.result()
    except Exception as exc:
        log.warning("story %s: tracking failed on the cluster (%s: %s); tracking it here", sid,
                    type(exc).__name__, exc)  # fmt: skip
        result = track_story(sid, docs)
    finally:
        future.release()
    return result


def _take(run: IngestRun, shard: list[Document], result: _Result) -> None:
    """Save (or count) one shard's documents; a shard the cluster could not analyse is one error per
    document, not stored, so the next run analyses it again."""
    if isinstance(result, BaseException):
        cause = f"analysis failed on the cluster: {type(result).__name__}: {result}"
        for doc in shard:
            run.fail(ingest_error(doc, cause, "nlp"))
    elif isinstance(result, list):
        for doc, signature in result:
            if run.links is not None and signature is not None:
                run.links.dedup.remember(signature)  # the worker hashed the body: the writer need not
            run.save(doc)
    else:
        done, events = result
        report = run.report
        report.ingested += done.ingested
        report.duplicates += done.duplicates
        report.near_duplicates += done.near_duplicates
        report.failed += done.failed
        report.errors.extend(done.errors)
        report.ids.extend(done.ids)
        for event, message in events:
            run.notify(event, message)
        if run.stories is not None:  # the workers stored them: file them in their stories here
            for doc_id in done.ids:
                run.file_story(run.store.load(doc_id))
