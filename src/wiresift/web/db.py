"""Store connections for the workbench: a small pool, one connection per request, each time-boxed.

The views are plain ``def`` functions, so FastAPI runs them in its worker threads and the event
loop stays free while SQLite works. Each request borrows one connection from the pool for its
whole duration (SQLite connections must not be used by two threads at once; the temporary table
of a search belongs to its connection) and gets a time budget: SQLite stops its queries when the
budget runs out and the request answers 503 (see :mod:`wiresift.store.budget`).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from fastapi import Request

from wiresift.store.base import QueryTimeout
from wiresift.workbench import WorkbenchStore

#: Connections kept open. Two cores gain nothing from more concurrent SQLite readers, but a few
#: spare connections let pages answer while one or two requests use up their budget.
POOL_SIZE = 8
#: Seconds of database time one request may use: a search answers within a second (the goal on
#: 10,000 documents) even when SQLite has to stop it; the slowest benchmark page needs 0.04 s.
TIME_BUDGET_S = 0.8
#: Exports streaming at once; each holds a worker thread, a core and a connection while it runs.
MAX_EXPORTS = 2


class ServerBusy(QueryTimeout):
    """Every pooled connection stayed busy for a whole time budget."""


class StorePool:
    def __init__(
        self, opener: Callable[[], WorkbenchStore], *, size: int = POOL_SIZE, budget: float = TIME_BUDGET_S
    ) -> None:
        self.opener = opener
        self.size = size
        self.budget = budget
        self._idle: queue.LifoQueue[WorkbenchStore] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()

    def _acquire(self) -> WorkbenchStore:
        with suppress(queue.Empty):
            return self._idle.get_nowait()
        with self._lock:
            if self._opened < self.size:
                store = self.opener()
                self._opened += 1
                return store
        try:
            return self._idle.get(timeout=self.budget)
        except queue.Empty:
            raise ServerBusy(
                f"the server is busy: all {self.size} database connections stayed in use for "
                f"{self.budget:g} s; try again"
            ) from None

    def _discard(self, store: WorkbenchStore) -> None:
        with self._lock:
            self._opened -= 1
        with suppress(Exception):
            store.close()

    @contextmanager
    def session(self) -> Iterator[WorkbenchStore]:
        """A store for one request; its queries stop after ``budget`` seconds (QueryTimeout)."""
        store = self._acquire()
        budget = store.time_budget(self.budget)
        try:
            with budget:
                yield store
        finally:
            if budget.healthy:
                self._idle.put(store)
            else:
                self._discard(store)

    def close(self) -> None:
        while True:
            try:
                store = self._idle.get_nowait()
            except queue.Empty:
                return
            self._discard(store)


def store_session(request: Request) -> Iterator[WorkbenchStore]:
    """FastAPI dependency: a pooled, time-boxed store for the request."""
    with request.app.state.pool.session() as store:
        yield store
