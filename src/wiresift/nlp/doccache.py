"""Values of a parsed document that several stages read, computed once per spaCy ``Doc``.

Reading a token's attribute creates a ``Token`` object; a stage that walks every sentence of a
document for its lemmas, and then again in the next module, pays for that each time. :func:`of` gives
the document's :class:`DocCache`, which reads such per-token values once, as plain Python lists, and
keeps per-sentence values that a module computes (``memo``). The cache lives as long as its ``Doc``
(a weak reference: nothing is kept once the document is gone) and holds only what the parse gives, so
it never changes what a stage finds; a stage must not store its own results in it. Nothing in it
may hold the ``Doc`` itself, its tokens or spans (they would keep the document alive): it keeps
strings, numbers and arrays, and makes spans anew from their bounds.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

T = TypeVar("T")


class DocCache:
    """Per-token and per-sentence values of one parsed document, read on first use."""

    def __init__(self, sdoc: Doc) -> None:
        self._doc = weakref.ref(sdoc)
        self._lemmas: list[str] | None = None
        self._pos: list[str] | None = None
        self._deps: list[str] | None = None
        #: (every child index grouped by head, where head i's group starts): see :meth:`children`
        self._children: list[list[int]] | None = None
        self._texts: list[str] | None = None
        self._lowers: list[str] | None = None
        self._ent_types: list[str] | None = None
        self._bounds: list[tuple[int, int]] | None = None
        self._sent_starts: list[int] | None = None
        self._text: str | None = None
        self._starts: dict[int, int] | None = None
        self._offsets: list[int] | None = None
        self._coordinated: frozenset[int] | None = None
        self._memo: dict[Hashable, Any] = {}

    @property
    def doc(self) -> Doc:
        sdoc = self._doc()
        assert sdoc is not None  # the cache is only reached through its live Doc
        return sdoc

    @property
    def lemmas(self) -> list[str]:
        """Every token's lemma, lower-cased (``tok.lemma_.lower()``), by token index."""
        if self._lemmas is None:
            self._lemmas = self._read("LEMMA", str.lower)
        return self._lemmas

    @property
    def texts(self) -> list[str]:
        """Every token's text (``tok.text``), by token index."""
        if self._texts is None:
            self._texts = self._read("ORTH")
        return self._texts

    @property
    def lowers(self) -> list[str]:
        """Every token's lower-cased text (``tok.lower_``), by token index."""
        if self._lowers is None:
            self._lowers = self._read("LOWER")
        return self._lowers

    @property
    def ent_types(self) -> list[str]:
        """Every token's entity type (``tok.ent_type_``, "" outside an entity), by token index."""
        if self._ent_types is None:
            self._ent_types = self._read("ENT_TYPE")
        return self._ent_types

    @property
    def pos(self) -> list[str]:
        """Every token's coarse part of speech (``tok.pos_``), by token index."""
        if self._pos is None:
            self._pos = self._read("POS")
        return self._pos

    @property
    def sents(self) -> list[Span]:
        """The document's sentences (``list(doc.sents)``), their bounds found once."""
        sdoc = self.doc
        if self._bounds is None:
            self._bounds = self._sent_bounds(sdoc)
        return [sdoc[start:end] for start, end in self._bounds]

    @property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """The token bounds of the document's sentences (``[(s.start, s.end) for s in doc.sents]``):
        no ``Span`` made. Callers must not change the list."""
        if self._bounds is None:
            self._bounds = self._sent_bounds(self.doc)
        return self._bounds

    @property
    def sent_chars(self) -> list[tuple[int, int]]:
        """The character bounds of the document's sentences (``[(s.start_char, s.end_char) for s in
        doc.sents]``), read from the arrays: no ``Span`` made."""
        if self._bounds is None:
            self._bounds = self._sent_bounds(self.doc)
        offsets, texts = self.offsets, self.texts
        return [(offsets[start], offsets[end - 1] + len(texts[end - 1])) for start, end in self._bounds]

    def sent_index(self, i: int) -> int:
        """The position, among the document's sentences, of the one holding token ``i`` (two tokens
        share a sentence when ``doc[i].sent == doc[j].sent``), found by bisection: no ``Span`` made."""
        if self._sent_starts is None:
            if self._bounds is None:
                self._bounds = self._sent_bounds(self.doc)
            self._sent_starts = [start for start, _ in self._bounds]
        return bisect.bisect_right(self._sent_starts, i) - 1

    def sent_at(self, at: int) -> Span:
        """The sentence at position ``at`` among the document's sentences (``list(doc.sents)[at]``;
        ``doc[i].sent`` is ``sent_at(sent_index(i))``), made from its bounds: no other ``Span`` made."""
        if self._bounds is None:
            self._bounds = self._sent_bounds(self.doc)
        start, end = self._bounds[at]
        return self.doc[start:end]

    @staticmethod
    def _sent_bounds(sdoc: Doc) -> list[tuple[int, int]]:
        """The bounds of ``sdoc.sents``, read from the sentence starts array as spaCy's ``Doc.sents``
        does (a sentence begins at each token whose ``sent_start`` is 1), with no ``Span`` made."""
        if "sents" in sdoc.user_hooks or not sdoc.has_annotation("SENT_START") or not len(sdoc):
            return [(sent.start, sent.end) for sent in sdoc.sents]
        from spacy.attrs import SENT_START

        starts = [0, *(np.nonzero(sdoc.to_array(SENT_START)[1:] == 1)[0] + 1).tolist(), len(sdoc)]
        return list(pairwise(starts))

    def children(self, i: int) -> list[int]:
        """The indices of token ``i``'s children in text order (``[c.i for c in doc[i].children]``)."""
        if self._children is None:
            # every child index grouped by its head (text order kept within a head) and where each
            # head's group begins: sorted once by numpy, not a Python loop over the tokens
            heads = self._heads()
            dependents = np.nonzero(heads != np.arange(len(heads)))[0]
            by_head = dependents[np.argsort(heads[dependents], kind="stable")]
            counts = np.bincount(heads[dependents], minlength=len(heads))
            self._children = [by_head.tolist(), [0, *np.cumsum(counts).tolist()]]
        flat, starts = self._children
        return flat[starts[i] : starts[i + 1]]

    def subtree(self, i: int) -> list[int]:
        """The indices of token ``i`` and all its descendants (``[t.i for t in doc[i].subtree]``, in no
        set order), walked over :meth:`children`: no Token made."""
        out, todo = [i], [i]
        while todo:
            kids = self.children(todo.pop())
            out += kids
            todo += kids
        return out

    @property
    def deps(self) -> list[str]:
        """Every token's dependency relation (``tok.dep_``), by token index."""
        if self._deps is None:
            self._deps = self._read("DEP")
        return self._deps

    @property
    def text(self) -> str:
        """The document's text (``doc.text``, which spaCy rebuilds from the tokens on every read): the
        tokens' texts, each followed by the space it had (``tok.text_with_ws``)."""
        if self._text is None:
            from spacy.attrs import SPACY

            spaces = self.doc.to_array(SPACY).tolist()
            self._text = "".join(t + " " if sp else t for t, sp in zip(self.texts, spaces, strict=True))
        return self._text

    def _heads(self) -> np.ndarray:
        """Every token's head index (``tok.head.i``; a root is its own head), read once. Callers must
        not change the array."""

        def read() -> np.ndarray:
            from spacy.attrs import HEAD

            offsets = self.doc.to_array(HEAD).astype(np.int64)  # relative to the token, stored unsigned
            heads = offsets + np.arange(len(offsets), dtype=np.int64)
            heads.flags.writeable = False
            return heads

        return self.memo(("doccache.heads",), read)

    def head_indices(self) -> list[int]:
        """Every token's head index (``tok.head.i``; a root is its own head), as a list."""
        return self.memo(("doccache.head_indices",), lambda: self._heads().tolist())

    def lemma_forms(self) -> list[str]:
        """Every token's lemma as spaCy gives it (``tok.lemma_``, case kept), by token index."""
        return self.memo(("doccache.lemma_forms",), lambda: self._read("LEMMA"))

    def edges(self) -> tuple[list[int], list[int]]:
        """Every token's left and right edge (``tok.left_edge.i``, ``tok.right_edge.i``: the first and
        last token of its subtree), by token index: each head takes its children's edges, one tree
        level per round of numpy, no Token made."""

        def build() -> tuple[list[int], list[int]]:
            heads = self._heads()
            lefts = np.arange(len(heads), dtype=np.int64)
            rights = lefts.copy()
            while True:
                new_lefts, new_rights = lefts.copy(), rights.copy()
                np.minimum.at(new_lefts, heads, lefts)
                np.maximum.at(new_rights, heads, rights)
                if np.array_equal(new_lefts, lefts) and np.array_equal(new_rights, rights):
                    return lefts.tolist(), rights.tolist()
                lefts, rights = new_lefts, new_rights

        return self.memo(("doccache.edges",), build)

    def _ids(self, attr: str) -> np.ndarray:
        """Every token's string id of ``attr``, read once. Callers must not change the array."""

        def read() -> np.ndarray:
            from spacy.attrs import IDS

            ids: np.ndarray = self.doc.to_array(IDS[attr])
            ids.flags.writeable = False
            return ids

        return self.memo(("doccache.ids", attr), read)

    @property
    def coordinated(self) -> frozenset[int]:
        """The indices of the tokens in a coordination: a ``conj`` and the head it hangs on. Any other
        token has no ``tok.conjuncts``."""
        if self._coordinated is None:
            conj = np.nonzero(self._ids("DEP") == self.doc.vocab.strings["conj"])[0]
            self._coordinated = frozenset(conj.tolist()) | frozenset(self._heads()[conj].tolist())
        return self._coordinated

    def heads_of(self, dep: str, lower: str) -> frozenset[int]:
        """The indices of the tokens with a child of relation ``dep`` whose lower-cased text is
        ``lower`` (``any(c.dep_ == dep and c.lower_ == lower for c in tok.children)``)."""

        def build() -> frozenset[int]:
            strings = self.doc.vocab.strings
            heads = self._heads()
            hit = (self._ids("DEP") == strings[dep]) & (self._ids("LOWER") == strings[lower])
            hit &= heads != np.arange(len(heads))  # a root is no child of itself
            return frozenset(heads[hit].tolist())

        return self.memo(("doccache.heads_of", dep, lower), build)

    def lower_in(self, words: frozenset[str]) -> list[int]:
        """The indices of the tokens whose lower-cased text is one of ``words`` (``[t.i for t in doc if
        t.lower_ in words]``), found over the array of lower-case forms: no ``Token`` is made."""
        if not words or not len(self.doc):
            return []
        strings = self.doc.vocab.strings
        keys = np.array([strings[w] for w in words], dtype=np.uint64)
        return np.nonzero(np.isin(self._ids("LOWER"), keys))[0].tolist()

    @property
    def starts(self) -> dict[int, int]:
        """Token index by the character offset where the token starts (``{t.idx: t.i}``)."""
        if self._starts is None:
            from spacy.attrs import IDX

            self._starts = {idx: i for i, idx in enumerate(self.doc.to_array(IDX).tolist())}
        return self._starts

    def tokens_between(self, sent: Span, start: int, end: int) -> range:
        """The indices of the tokens of ``sent`` that start at a character offset in ``[start, end)``
        (``[t.i for t in sent if start <= t.idx < end]``), found by bisection."""
        offsets = self.offsets
        lo = bisect.bisect_left(offsets, start, sent.start, sent.end)
        return range(lo, max(lo, bisect.bisect_left(offsets, end, lo, sent.end)))

    def first_from(self, pos: int) -> int | None:
        """The index of the first token that starts at or after the character offset ``pos``
        (``next((t.i for t in doc if t.idx >= pos), None)``), found by bisection."""
        offsets = self.offsets
        i = bisect.bisect_left(offsets, pos)
        return i if i < len(offsets) else None

    @property
    def offsets(self) -> list[int]:
        """Every token's character offset (``tok.idx``), by token index."""
        if self._offsets is None:
            from spacy.attrs import IDX

            self._offsets = self.doc.to_array(IDX).tolist()
        return self._offsets

    def span_text(self, start: int, end: int) -> str:
        """The text of the tokens ``start`` to ``end`` (``doc[start:end].text``), cut from the
        document's text: no ``Span`` made."""
        if end <= start:
            return ""
        return self.text[self.offsets[start] : self.offsets[end - 1] + len(self.texts[end - 1])]

    def sent_lemmas(self, sent: Span) -> set[str]:
        """The lower-cased lemmas of the words of ``sent`` (a span of this document)."""
        return set(self.lemmas[sent.start : sent.end])

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value stored under ``key`` (a module's own key: its name and, say, a sentence's
        bounds), made by ``build`` on first use. ``build`` must depend on the parse alone, and its
        value must hold no token or span of the document (see the module's note)."""
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
        return value

    def _read(self, attr: str, convert: Callable[[str], str] | None = None) -> list[str]:
        """The string of ``attr`` of every token (each distinct value looked up, and converted, once)."""
        strings = self.doc.vocab.strings
        keys, inverse = np.unique(self._ids(attr), return_inverse=True)
        # a string id is the hash of its string, the same in any vocabulary: each id's (converted)
        # string is looked up once per process, not once per document
        known = _NAMES.setdefault((attr, convert), {})
        if len(known) > NAMES_KEPT:
            known.clear()  # a long run's rare strings (numbers, names) are not kept for ever
        names = []
        for key in keys.tolist():
            name = known.get(key)
            if name is None:
                name = strings[key]
                name = known[key] = convert(name) if convert is not None else name
            names.append(name)
        # each token's string picked by numpy from the distinct ones, not by a Python loop
        picked: list[str] = np.array(names, dtype=object)[inverse].tolist()
        return picked


#: (attribute, conversion) -> string id -> its (converted) string: see :meth:`DocCache._read`.
#: At most about ``NAMES_KEPT`` strings are kept an attribute; the table starts anew past that.
NAMES_KEPT = 200_000
_NAMES: dict[tuple[str, Callable[[str], str] | None], dict[int, str]] = {}


_CACHES: weakref.WeakKeyDictionary[Doc, DocCache] = weakref.WeakKeyDictionary()
#: The cache last asked for: a stage asks for its document's cache tens of thousands of times in a
#: row, and a weak dictionary's look-up makes a new weak reference each time. It holds the ``Doc``
#: weakly, as every cache does, so it keeps nothing alive.
_last: list[DocCache | None] = [None]


def of(sdoc: Doc) -> DocCache:
    """The cache of ``sdoc``, made on first use and dropped with the ``Doc``."""
    last = _last[0]
    if last is not None and last._doc() is sdoc:
        return last
    found = _CACHES.get(sdoc)
    if found is None:
        found = _CACHES[sdoc] = DocCache(sdoc)
    _last[0] = found
    return found
