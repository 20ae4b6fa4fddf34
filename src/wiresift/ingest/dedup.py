"""Exact and near-duplicate detection: content hashes, then MinHash + LSH over word 5-shingles.

Exact duplicates (same whitespace-normalised body, ``Document.content_hash``) are skipped.
Near-duplicates (syndicated copies: the same article under another headline, with a tagline or a
trimmed paragraph) are kept and linked with ``duplicate_of`` to the first document seen.

Signatures (:meth:`Deduplicator.signature`) are bytes a store can keep beside each document and
hand back to :meth:`Deduplicator.from_signatures`, so the index survives across runs.
"""

from __future__ import annotations

import functools
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from wiresift.model import Document, IngestError

#: Estimated Jaccard similarity of shingle sets at or above which two bodies are one story.
#: Syndicated copies with a new headline, a tagline and a trimmed paragraph score 0.85-0.97;
#: different outlets' own write-ups of the same event share phrases but score under 0.3.
NEAR_THRESHOLD = 0.8

#: MinHash permutations: 128 gives a Jaccard estimate with a standard error of about 0.04
#: (1/sqrt(128)*sqrt(J(1-J))), enough to separate 0.8 from the 0.3 of related stories.
NUM_PERM = 128

#: Words per shingle. 5 is the usual choice for news: short enough that an edit touches few
#: shingles, long enough that common phrases ("the ministry said on Thursday") rarely collide.
SHINGLE_WORDS = 5

#: Fixed seed and hashing scheme so signatures from different runs and processes are comparable.
SEED = 1
SCHEME = "affine32"  # datasketch 2.x default; signature version 1 means this scheme

_MAGIC = b"wsmh"
_VERSION = 1
_HEADER = struct.Struct("<4sBH")  # magic, version, num_perm
_DIGEST_BYTES = 32  # sha256 of the normalised body
_WORD = re.compile(r"\w+")

DedupKind = Literal["new", "exact", "near"]


@dataclass(frozen=True)
class DedupResult:
    """``new``, ``exact`` (skip it) or ``near`` (keep it, linked ``of`` the first document)."""

    kind: DedupKind
    of: str | None = None


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``k``-shingles; a text shorter than ``k`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


@functools.cache
def _permutations(num_perm: int) -> Any:
    """The seed's permutations, made once: generating them is a third of a MinHash's cost."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def minhash(text: str, num_perm: int = NUM_PERM, grams: set[str] | None = None) -> MinHash:
    """MinHash of the text's shingles (``grams`` when the caller already has them)."""
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    m.update_batch([s.encode("utf-8") for s in (grams if grams is not None else shingles(text))])
    return m


class Deduplicator:
    """An in-memory index of documents seen so far: ``check`` a document, then ``add`` it."""

    def __init__(self, threshold: float = NEAR_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, str] = {}  # content hash -> first doc id
        self._minhashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # doc id -> insertion rank (earliest wins)
        self._root: dict[str, str] = {}  # doc id -> the first document of its story
        self._last: tuple[str, MinHash | None] | None = None  # (content hash, MinHash) of the last body seen

    def __len__(self) -> int:
        return len(self._order)

    # -- checking ----------------------------------------------------------------------------------

    def check(self, doc: Document) -> DedupResult:
        """Whether ``doc`` is new, an exact copy, or a near copy of a document already added."""
        digest = doc.content_hash or doc.model_copy().finalize().content_hash
        if digest in self._hashes:
            return DedupResult("exact", self._hashes[digest])
        m = self._minhash(doc)
        if m is None:
            return DedupResult("new")
        best: str | None = None
        for key in self._lsh.query(m):
            if m.jaccard(self._minhashes[key]) >= self.threshold and (
                best is None or self._order[key] < self._order[best]
            ):
                best = key
        if best is None:
            return DedupResult("new")
        return DedupResult("near", self._root.get(best, best))

    def add(self, doc: Document, result: DedupResult | None = None) -> None:
        """Index ``doc`` (by ``doc.id``); ``result`` from ``check`` links near copies to their root."""
        doc.finalize()
        m = self._minhash(doc)
        self._insert(doc.id, bytes.fromhex(doc.content_hash), m)
        if result is not None and result.kind == "near" and result.of:
            self._root[doc.id] = result.of

    def _insert(self, doc_id: str, digest: bytes, m: MinHash | None) -> None:
        if doc_id in self._order:
            return
        self._order[doc_id] = len(self._order)
        self._hashes.setdefault(digest.hex(), doc_id)
        if m is not None:
            self._minhashes[doc_id] = m
            self._lsh.insert(doc_id, m)

    def _minhash(self, doc: Document) -> MinHash | None:
        digest = doc.content_hash or doc.model_copy().finalize().content_hash
        if self._last is not None and self._last[0] == digest:
            return self._last[1]  # check() then add() of the same body: hash it once
        grams = shingles(doc.text)
        m = minhash(doc.text, self.num_perm, grams) if grams else None
        self._last = (digest, m)
        return m

    # -- persistence -------------------------------------------------------------------------------

    def signature(self, doc: Document) -> bytes:
        """Bytes to store beside ``doc``: header, sha256 of the body, and the MinHash values."""
        doc.finalize()
        cached = self._minhashes.get(doc.id) if self._hashes.get(doc.content_hash) == doc.id else None
        m = cached or self._minhash(doc)  # reuse what add() computed for this very body
        # No body words: no MinHash values, only exact matching applies.
        values = np.asarray(m.hashvalues, dtype="<u8") if m is not None else np.zeros(0, dtype="<u8")
        header = _HEADER.pack(_MAGIC, _VERSION, self.num_perm)
        return header + bytes.fromhex(doc.content_hash) + values.tobytes()

    def absorb(self, doc_id: str, sig: bytes, duplicate_of: str | None = None) -> None:
        """Index a stored document from its signature (``duplicate_of``: the root of its story, if any).

        Documents are absorbed in the order they were stored, so the earliest copy stays the root.
        A document already indexed is left as it is.
        """
        if doc_id in self._order:
            return
        num_perm, digest, values = _unpack(sig)
        if num_perm != self.num_perm:
            raise ValueError(f"signature of {doc_id} has num_perm {num_perm}, expected {self.num_perm}")
        self._insert(doc_id, digest, _minhash_of(num_perm, values))
        if duplicate_of:
            self._root[doc_id] = duplicate_of

    def remember(self, sig: bytes) -> None:
        """Take the MinHash of the next body to check from its ``signature``, made elsewhere (a Dask
        worker hashes the bodies it analyses), so that ``check``, ``add`` and ``signature`` of that body
        do not hash it again. Nothing is indexed."""
        num_perm, digest, values = _unpack(sig)
        if num_perm == self.num_perm:
            self._last = (digest.hex(), _minhash_of(num_perm, values))

    @classmethod
    def from_signatures(
        cls,
        signatures: Iterable[tuple[str, bytes]],
        threshold: float = NEAR_THRESHOLD,
        roots: dict[str, str] | None = None,
    ) -> Deduplicator:
        """Rebuild the index from stored ``(doc_id, signature)`` pairs, oldest first.

        ``roots`` (doc id -> ``duplicate_of``) keeps links pointing at the first document of a story.
        """
        dedup: Deduplicator | None = None
        for doc_id, sig in signatures:
            if dedup is None:
                dedup = cls(threshold=threshold, num_perm=_unpack(sig)[0])
            dedup.absorb(doc_id, sig)
        dedup = dedup or cls(threshold=threshold)
        dedup._root.update(roots or {})
        return dedup


def _minhash_of(num_perm: int, values: np.ndarray | None) -> MinHash | None:
    if values is None:
        return None
    return MinHash(
        num_perm=num_perm, seed=SEED, hashvalues=values, scheme=SCHEME, permutations=_permutations(num_perm)
    )


def _unpack(sig: bytes) -> tuple[int, bytes, np.ndarray | None]:
    if len(sig) < _HEADER.size + _DIGEST_BYTES:
        raise ValueError("dedup signature too short")
    magic, version, num_perm = _HEADER.unpack_from(sig)
    if magic != _MAGIC or version != _VERSION:
        raise ValueError(f"not a wiresift dedup signature (magic {magic!r}, version {version})")
    digest = sig[_HEADER.size : _HEADER.size + _DIGEST_BYTES]
    raw = sig[_HEADER.size + _DIGEST_BYTES :]
    if not raw:
        return num_perm, digest, None
    if len(raw) != 8 * num_perm:
        raise ValueError(f"dedup signature has {len(raw)} value bytes, expected {8 * num_perm}")
    return num_perm, digest, np.frombuffer(raw, dtype="<u8").astype(np.uint64)


def dedupe(
    items: Iterable[Document | IngestError], dedup: Deduplicator | None = None
) -> Iterator[Document | IngestError]:
    """Drop exact duplicates and link near ones (``duplicate_of``) in a stream from ``read_sources``."""
    dedup = dedup if dedup is not None else Deduplicator()
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        result = dedup.check(item)
        if result.kind == "exact":
            continue
        if result.kind == "near":
            item.duplicate_of = result.of
        dedup.add(item, result)
        yield item
