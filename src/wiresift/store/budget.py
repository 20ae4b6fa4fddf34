"""A time budget for the queries of one request, enforced inside SQLite.

``with TimeBudget(conn, 0.8):`` arms a deadline; a single watchdog thread calls
``conn.interrupt()`` (``sqlite3_interrupt``) when it passes, SQLite abandons the running statement
with "interrupted", and the block raises :class:`QueryTimeout` instead. SQLite checks for the
interrupt between virtual-machine steps and inside FTS5's own reads, so even a query spending its
time in ``snippet()`` stops within a few milliseconds of the deadline.

Why a watchdog and not ``set_progress_handler``: a progress handler is Python code called every N
SQLite steps, so the querying thread must take the GIL each time; while another thread runs Python
(rendering a page, serialising an export), each call waits up to the 5 ms switch interval, and a
query measured at 1.9 s took 9.6 s with a handler every 1,000 steps. The watchdog takes the GIL once
per deadline.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from collections.abc import Callable
from types import TracebackType

from wiresift.store.base import QueryTimeout, StoreError

__all__ = ["QueryTimeout", "TimeBudget", "Watchdog"]


class Watchdog:
    """One daemon thread that calls each armed callback once its deadline has passed."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._armed: dict[int, tuple[float, Callable[[], None]]] = {}
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, deadline: float, fire: Callable[[], None]) -> int:
        with self._cond:
            key = next(self._keys)
            self._armed[key] = (deadline, fire)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="wiresift-watchdog", daemon=True)
                self._thread.start()
            self._cond.notify()
        return key

    def disarm(self, key: int) -> None:
        """After this returns the callback will not run (it may have run already)."""
        with self._cond:
            self._armed.pop(key, None)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for key in [k for k, (deadline, _) in self._armed.items() if deadline <= now]:
                    _, fire = self._armed.pop(key)
                    fire()  # under the lock: a disarm cannot slip between the check and the call
                upcoming = [deadline for deadline, _ in self._armed.values()]
                self._cond.wait(min(upcoming) - now if upcoming else None)


WATCHDOG = Watchdog()


class TimeBudget:
    """Context manager: interrupt ``conn``'s queries after ``seconds``; raise :class:`QueryTimeout`.

    After an interrupt, ``healthy`` says whether the connection answers again (an interrupt stays
    in effect until every running statement of the connection has ended); a pool drops it if not.
    """

    def __init__(self, conn: sqlite3.Connection, seconds: float) -> None:
        self.conn = conn
        self.seconds = seconds
        self.expired = False
        self.healthy = True
        self._key: int | None = None

    def _fire(self) -> None:
        self.expired = True
        self.conn.interrupt()

    def __enter__(self) -> TimeBudget:
        self._key = WATCHDOG.arm(time.monotonic() + self.seconds, self._fire)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._key is not None:
            WATCHDOG.disarm(self._key)
        if not self.expired:
            return
        self.healthy = self._settle()
        if isinstance(exc, sqlite3.OperationalError | StoreError) and not isinstance(exc, QueryTimeout):
            raise QueryTimeout(
                f"stopped after the {self.seconds:g} s time budget of one request: "
                "narrow the search (more words, fewer or longer * prefixes) or add a filter"
            ) from exc

    def _settle(self) -> bool:
        for _ in range(2):  # the first statement may still see the interrupt; it ends it
            try:
                self.conn.execute("SELECT 1").fetchone()
                return True
            except sqlite3.Error:
                continue
        return False
