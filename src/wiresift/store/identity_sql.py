"""The identity repository (:class:`wiresift.identity.IdentityRepository`) over the canonical_* tables,
one set of statements for both backends (:mod:`wiresift.store.sql` adapts them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from wiresift.identity.repository import Member
from wiresift.store.sql import Sql

_SUMMARIES = ("canonical_keys", "canonical_names", "canonical_titles")


class SqlIdentityRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql
        self.d = sql.dialect

    def _ids(self, query: str, params: Sequence[object]) -> list[int]:
        return [int(r[0]) for r in self.sql.rows(query, params)]

    # -- canonical records
    def canonical(self, canonical_id: int) -> tuple[str, str] | None:
        rows = self.sql.rows("SELECT name, type FROM canonical_entities WHERE id = ?", (canonical_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def create(self, name: str, type_: str, time: str) -> int:
        rows = self.sql.rows(
            "INSERT INTO canonical_entities(name, type, created) VALUES (?, ?, ?) RETURNING id",
            (name, type_, time),
        )
        return int(rows[0][0])

    def delete(self, canonical_id: int) -> None:
        for table in _SUMMARIES:
            self.sql.run(f"DELETE FROM {table} WHERE canonical_id = ?", (canonical_id,))
        self.sql.run("DELETE FROM canonical_entities WHERE id = ?", (canonical_id,))

    def set_name(self, canonical_id: int, name: str) -> None:
        self.sql.run("UPDATE canonical_entities SET name = ? WHERE id = ?", (name, canonical_id))

    def size(self, canonical_id: int) -> int:
        rows = self.sql.rows("SELECT members FROM canonical_entities WHERE id = ?", (canonical_id,))
        return int(rows[0][0]) if rows else 0

    # -- keys and summaries
    def with_key(self, key: str, type_: str | None = None) -> list[int]:
        if type_ is None:
            return self._ids("SELECT canonical_id FROM canonical_keys WHERE key = ?", (key,))
        return self._ids(
            "SELECT k.canonical_id FROM canonical_keys k JOIN canonical_entities c ON c.id = k.canonical_id "
            "WHERE k.key = ? AND c.type = ? ORDER BY k.canonical_id",
            (key, type_),
        )

    def add_keys(self, canonical_id: int, keys: Iterable[str]) -> None:
        self.sql.many(
            "INSERT INTO canonical_keys(canonical_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(canonical_id, k) for k in keys],
        )

    def names(self, canonical_id: int) -> list[str]:
        rows = self.sql.rows(
            "SELECT name FROM canonical_names WHERE canonical_id = ? ORDER BY first_seen", (canonical_id,)
        )
        return [r[0] for r in rows]

    def name_counts(self, canonical_id: int) -> list[tuple[str, int, int]]:
        rows = self.sql.rows(
            "SELECT name, count, first_seen FROM canonical_names WHERE canonical_id = ?", (canonical_id,)
        )
        return [(r[0], int(r[1]), int(r[2])) for r in rows]

    def titles(self, canonical_id: int) -> list[str]:
        rows = self.sql.rows(
            "SELECT title FROM canonical_titles WHERE canonical_id = ? ORDER BY title", (canonical_id,)
        )
        return [r[0] for r in rows]

    def summarise(self, canonical_id: int, members: Sequence[tuple[str, Sequence[str], int]]) -> None:
        self.sql.many(
            "INSERT INTO canonical_names AS n (canonical_id, name, count, first_seen) VALUES (?, ?, 1, ?) "
            "ON CONFLICT(canonical_id, name) DO UPDATE SET count = n.count + 1, "
            f"first_seen = {self.d.least}(n.first_seen, excluded.first_seen)",
            [(canonical_id, name, order) for name, _, order in members],
        )
        self.sql.many(
            "INSERT INTO canonical_titles(canonical_id, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(canonical_id, t) for _, titles, _ in members for t in titles],
        )
        self.sql.run(
            "UPDATE canonical_entities SET members = members + ? WHERE id = ?", (len(members), canonical_id)
        )

    def clear_summaries(self, canonical_id: int) -> None:
        for table in _SUMMARIES:
            self.sql.run(f"DELETE FROM {table} WHERE canonical_id = ?", (canonical_id,))
        self.sql.run("UPDATE canonical_entities SET members = 0 WHERE id = ?", (canonical_id,))

    def add_evidence(
        self,
        canonical_id: int,
        rule: str,
        names: Sequence[str],
        titles: Sequence[str],
        doc_id: str | None,
        entity_id: str | None,
        time: str,
    ) -> None:
        self.sql.run(
            "INSERT INTO canonical_evidence(canonical_id, doc_id, entity_id, rule, matched_names, matched_titles, time) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (canonical_id, doc_id, entity_id, rule, json.dumps(list(names)), json.dumps(list(titles)), time),
        )

    def move_evidence(self, source: int, target: int) -> None:
        self.sql.run(
            "UPDATE canonical_evidence SET canonical_id = ? WHERE canonical_id = ?", (target, source)
        )

    # -- document entities
    def attach(self, doc_id: str, entity_id: str, canonical_id: int) -> int:
        rows = self.sql.rows(
            f"UPDATE entities SET canonical_id = ? WHERE doc_id = ? AND id = ? RETURNING {self.d.entity_order}",
            (canonical_id, doc_id, entity_id),
        )
        return int(rows[0][0])

    def move_members(self, source: int, target: int) -> None:
        self.sql.run("UPDATE entities SET canonical_id = ? WHERE canonical_id = ?", (target, source))

    def members(self, canonical_id: int) -> list[Member]:
        order = self.d.entity_order
        rows = self.sql.rows(
            f"SELECT name, aliases, type, titles, {order} FROM entities WHERE canonical_id = ? ORDER BY {order}",
            (canonical_id,),
        )
        return [Member(r[0], json.loads(r[1]), r[2], json.loads(r[3]), int(r[4])) for r in rows]

    def is_member(self, doc_id: str, entity_id: str, canonical_id: int) -> bool:
        return bool(
            self.sql.rows(
                "SELECT 1 FROM entities WHERE doc_id = ? AND id = ? AND canonical_id = ?",
                (doc_id, entity_id, canonical_id),
            )
        )

    def name_like(self, text: str) -> list[int]:
        return self._ids(
            f"SELECT id FROM canonical_entities WHERE name {self.d.like} ? ORDER BY id", (f"%{text}%",)
        )
