"""Bytes to Documents, no NLP: HTML, scraped text, feeds, WARC, JSONL, directories, stdin."""


class IngestFailure(Exception):
    """A source that cannot become a document; ``str(exc)`` is the one-line cause shown to users."""
