"""Storage: the :class:`Store` protocol and its backends, SQLite (the default) and PostgreSQL."""

from typing import TYPE_CHECKING

from wiresift.store.base import SaveResult, Store, StoreError
from wiresift.store.sqlite import SQLiteStore
from wiresift.store.workbench_rows import WorkbenchStore

__all__ = ["SQLiteStore", "SaveResult", "Store", "StoreError", "WorkbenchStore"]

if TYPE_CHECKING:  # mypy checks that both backends implement the whole read and write contract
    from wiresift.store.postgres import PostgresStore

    def _sqlite_is_complete(store: SQLiteStore) -> WorkbenchStore:
        return store

    def _postgres_is_complete(store: PostgresStore) -> WorkbenchStore:
        return store
