"""wiresift: offline news intelligence with every fact linked to the characters it came from.

The public API: :func:`analyze` (read and analyse without storing), :func:`ingest` and
:func:`open_store` (the embedded SQLite store), :func:`similarity` (do two analysed articles tell
the same story?), and the :class:`Document` model. Everything else
is in :mod:`wiresift.api`.
"""

from typing import Any

from wiresift.model import SCHEMA, Claim, Document, Entity, Place, Quote, Timex

__version__ = "0.1.0"

_API = ("analyze", "ingest", "open_store", "similarity", "Similarity")

__all__ = ["SCHEMA", "Claim", "Document", "Entity", "Place", "Quote", "Timex", "__version__", *_API]


def __getattr__(name: str) -> Any:
    # Imported on first use: the store and the pipeline are heavier than the model.
    if name in _API:
        from wiresift import api

        return getattr(api, name)
    raise AttributeError(f"module 'wiresift' has no attribute {name!r}")
