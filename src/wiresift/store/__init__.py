"""Storage: the :class:`Store` protocol and its SQLite backend."""

from wiresift.store.base import SaveResult, Store, StoreError
from wiresift.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "SaveResult", "Store", "StoreError"]
