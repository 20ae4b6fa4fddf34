"""Scraped-text documents of one ``read_sources`` call, cleaned with boilerplate learned from all of them.

Two passes. ``add`` cleans each raw text once without a model (to learn the site name the cleaner
detects), picks its site key and ``observe``s the raw text under that key. ``take`` then cleans it again
with the learned model, so a line that repeats across a site's pages is dropped even where its shape
alone looks like a sentence ("Follow us on Telegram for live updates."). The raw texts of the batch are
held in memory between the passes: one batch is what the caller chose to read together, and the reader
already caps each document at ``max_bytes``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableSet
from dataclasses import dataclass
from pathlib import Path

from wiresift.ingest import IngestFailure
from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.common import text_document
from wiresift.model import Document

# Keep the single-document body when learned lines would remove more than half of it. Chrome inside an
# article is a line or two; losing half the body means the "site" is several versions of one story
# (their shared sentences look like template lines), not a template.
MIN_KEPT_SHARE = 0.5

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOMAIN_TAIL = re.compile(r"\.[a-z]{2,6}(?:\.[a-z]{2})?$")


def site_key(explicit: str | None, detected: str | None, directory: Path | None) -> str | None:
    """The name a document's boilerplate is learned under: the caller's site, else the site the cleaner
    detected, else ``dir:`` and the resolved parent directory; ``None`` when there is none (stdin).

    Site names are folded so that a header "Harbour Ledger" and a domain "www.harbourledger.com" share a key.
    """
    for name in (explicit, detected):
        if name and name.strip():
            folded = _DOMAIN_TAIL.sub("", name.strip().lower().removeprefix("www."))
            key = _NON_ALNUM.sub("", folded)
            if key:
                return key
    if directory is not None:
        return f"dir:{directory.resolve()}"
    return None


def raw_digest(raw: str) -> str:
    """Digest of a raw text, so one page is observed once even when it is read twice."""
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class _Pending:
    source: str
    raw: str
    first: Document | None  # cleaned without the model
    error: str | None
    key: str | None


class TextBatch:
    """Scraped texts waiting for the second pass, keyed by their position among the sources."""

    def __init__(
        self, model: BoilerplateModel, *, site: str | None = None, observed: MutableSet[str] | None = None
    ) -> None:
        self.model = model
        self.site = site
        # Digests of raw texts already counted, shared with the caller to span runs (see docs/ingest.md).
        self.observed: MutableSet[str] = observed if observed is not None else set()
        self._pending: dict[int, _Pending] = {}

    def __contains__(self, index: int) -> bool:
        return index in self._pending

    def add(self, index: int, raw: str, *, source: str, directory: Path | None) -> None:
        """First pass: clean without the model, choose the site key, count the raw text's lines."""
        try:
            first = text_document(raw, source=source)
        except IngestFailure as exc:
            self._pending[index] = _Pending(source, raw, None, str(exc), None)
            return
        key = site_key(self.site, first.site, directory)
        self._pending[index] = _Pending(source, raw, first, None, key)
        if key is None:
            return
        digest = raw_digest(raw)
        if digest not in self.observed:
            self.observed.add(digest)
            self.model.observe(key, raw)

    def take(self, index: int) -> Document:
        """Second pass: the document cleaned with what the batch (and any loaded model) learned."""
        item = self._pending.pop(index)
        if item.first is None:
            raise IngestFailure(item.error or "no article body found")
        if item.key is None or not self._may_know(item.key):
            return item.first
        try:
            doc = text_document(item.raw, source=item.source, boilerplate=self.model, site=item.key)
        except IngestFailure:
            return item.first
        if len(doc.text) < MIN_KEPT_SHARE * len(item.first.text):
            return item.first
        doc.site = item.first.site  # from_text names the document after the key it was given
        return doc

    def _may_know(self, key: str) -> bool:
        stats = self.model.sites.get(key.lower())
        return stats is not None and stats.docs >= self.model.min_docs
