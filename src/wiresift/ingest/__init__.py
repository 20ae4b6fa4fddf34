"""Bytes to Documents, no NLP: HTML, scraped text, feeds, WARC, JSONL, directories, stdin."""


class IngestFailure(Exception):
    """A source that cannot become a document; ``str(exc)`` is the one-line cause shown to users."""


# Re-exports, loaded lazily: the readers import IngestFailure from this module.
_EXPORTS = {
    "read_sources": "wiresift.ingest.sources",
    "detect_format": "wiresift.ingest.sources",
    "Deduplicator": "wiresift.ingest.dedup",
    "DedupResult": "wiresift.ingest.dedup",
    "dedupe": "wiresift.ingest.dedup",
    "MAX_DOCUMENT_BYTES": "wiresift.ingest.common",
}


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'wiresift.ingest' has no attribute {name!r}")
