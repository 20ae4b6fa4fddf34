"""The one entry point the CLI, the web app and batch jobs call.

Reading, analysing and storing live here; ``cli.py`` and the web views only parse arguments and
format what these functions return.
"""

from __future__ import annotations

import logging
import lzma
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from wiresift.batch import (
    BATCH_SIZE,
    IngestReport,
    IngestRun,
    Item,
    Progress,
    analysed,
    build_pipeline,
)
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
Only = Literal["extract"] | None


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
    yield from analysed(items, pipeline)


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
        run = IngestRun(store, report, progress or (lambda event, message: None), stories)
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
            for item in analysed(run.candidates(items), pipeline):
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
        run = IngestRun(store, report, progress or (lambda event, message: None), stories)
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


def _record_lines(raw: BinaryIO, name: str, run: IngestRun) -> Iterator[str]:
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
