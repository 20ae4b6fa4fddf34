"""One small way to run SQL on either backend, so code shared by both (the identity repository)
writes its statements once, with ``?`` placeholders, and each backend adapts them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

Row = tuple[Any, ...]
_MARK = re.compile(r"\?")


class Result:
    """The rows of one statement, read whole (as a cursor would give them), and how many it changed."""

    def __init__(self, rows: list[Row], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    def fetchone(self) -> Any:  # Row | None, typed as loosely as a DB-API cursor's
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return self._rows

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


class Sql(Protocol):
    """Statements with ``?`` placeholders, run inside the caller's transaction."""

    dialect: Dialect

    def execute(self, sql: str, params: Sequence[object] = ()) -> Result: ...

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]: ...

    def run(self, sql: str, params: Sequence[object] = ()) -> None: ...

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """The few spellings where SQLite and PostgreSQL differ in the shared statements."""

    name: str
    least: str  # the two-argument minimum: SQLite's scalar min(), PostgreSQL's LEAST()
    entity_order: str  # the insertion position of an ``entities`` row
    like: str  # case-insensitive LIKE
    true: str  # an always-true condition
    desc: str  # descending with NULLs last, as SQLite orders them
    asc: str  # ascending with NULLs first, as SQLite orders them
    cross_join: str  # a join whose left table drives (SQLite's CROSS JOIN ... ON; a plain JOIN elsewhere)
    id_list: str  # the distinct values of ``{}`` joined with commas (an aggregate)
    unindexed: str  # before a column: keep it out of the index choice (SQLite's unary +)


SQLITE = Dialect(
    "sqlite",
    least="min",
    entity_order="rowid",
    like="LIKE",
    true="1",
    desc="DESC",
    asc="",
    cross_join="CROSS JOIN",
    id_list="group_concat(DISTINCT {})",
    unindexed="+",
)
POSTGRES = Dialect(
    "postgres",
    least="LEAST",
    entity_order="num",
    like="ILIKE",
    true="TRUE",
    desc="DESC NULLS LAST",
    asc="NULLS FIRST",
    cross_join="JOIN",
    id_list="string_agg(DISTINCT {}, ',')",
    unindexed="",
)


class SQLiteSql:
    dialect = SQLITE

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> Result:
        cur = self.conn.execute(sql, params)
        return Result(cur.fetchall() if cur.description else [], cur.rowcount)

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def run(self, sql: str, params: Sequence[object] = ()) -> None:
        self.conn.execute(sql, params)

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None:
        self.conn.executemany(sql, params)


def pg_value(value: object) -> object:
    """A parameter PostgreSQL can hold: its text columns refuse NUL, so a NUL in a document's text or a
    layer's span becomes U+FFFD (one character for one: every stored offset stays right). ``load`` is
    still exact, as the JSON record escapes it."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def pg_params(params: Sequence[object]) -> list[object]:
    return [pg_value(v) for v in params]


def pg_marks(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled first)."""
    return _MARK.sub("%s", sql.replace("%", "%%"))


class PostgresSql:
    dialect = POSTGRES

    def __init__(self, conn: Any) -> None:  # a psycopg.Connection (psycopg is an optional extra)
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> Result:
        with self.conn.cursor() as cur:
            cur.execute(pg_marks(sql), pg_params(params))
            return Result(cur.fetchall() if cur.description else [], cur.rowcount)

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self.conn.cursor() as cur:
            cur.execute(pg_marks(sql), pg_params(params))
            return cur.fetchall() if cur.description else []

    def run(self, sql: str, params: Sequence[object] = ()) -> None:
        self.conn.execute(pg_marks(sql), pg_params(params))

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None:
        batch = [pg_params(p) for p in params]
        if batch:
            with self.conn.cursor() as cur:
                cur.executemany(pg_marks(sql), batch)
