"""Coordinated event actors in the store (#14): kept as JSON lists, read back in each event row, matched
by ``actor`` on both backends; a store of the step before opens and upgrades. Invented document."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from wiresift.model import Document, Event, EventActor
from wiresift.store import pg_migrations
from wiresift.store.migrations import _V9_EVENT_ACTORS, MIGRATIONS, migrate
from wiresift.store.postgres import PostgresStore

#: The steps before the one that added the lists.
BEFORE = MIGRATIONS.index(_V9_EVENT_ACTORS)

TEXT = "Ruritanian gunboats and Brean patrol boats shelled rebel positions near Port Ysolde on Monday."


def _actor(text: str, **codes: str) -> EventActor:
    start = TEXT.index(text)
    return EventActor(text=text, start=start, end=start + len(text), **codes)


def document() -> Document:
    return Document(
        text=TEXT,
        published="2025-06-02",
        events=[
            Event(
                id="v1", text="shelled", start=43, end=50, plover="ASSAULT", quad="MATERIAL_CONFLICT",
                cameo="195", source=_actor("Ruritanian gunboats", code="RUR", sector="MIL"),
                also_sources=[_actor("Brean patrol boats", code="BRE", sector="MIL")],
                target=_actor("rebel positions", sector="REB"), stage="events",
            )
        ],
    ).finalize()  # fmt: skip


def test_coordinated_actors_are_stored_read_and_matched(any_store: Any) -> None:
    any_store.save(document())
    assert document().check_spans() == []
    for actor in ("BRE", "bre", "Brean"):  # the code, the code in lower case, a word of the text
        rows = any_store.events(actor=actor)
        assert [r.id for r in rows] == ["v1"], actor
        assert any_store.count_events(actor=actor) == 1
    assert any_store.events(actor="Lisk") == [] and any_store.count_events(actor="Lisk") == 0
    row = any_store.events()[0]
    assert [(a["text"], a["code"], a["sector"]) for a in row.also_sources] == [
        ("Brean patrol boats", "BRE", "MIL")
    ]
    assert row.also_targets == []
    assert any_store.load(row.doc_id).events[0].also_sources[0].code == "BRE"  # the record keeps them


def test_a_sqlite_store_of_the_step_before_gets_empty_lists(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, steps=MIGRATIONS[:BEFORE])
        conn.execute(
            "INSERT INTO documents(id, content_hash, text, record, ingested_at) VALUES ('d', 'h', 't', '{}', 'now')"
        )
        conn.execute("INSERT INTO events(doc_id, id, text, start, \"end\") VALUES ('d', 'v1', 't', 0, 1)")
        assert migrate(conn) == len(MIGRATIONS)
        row = conn.execute("SELECT also_sources, also_targets FROM events").fetchone()
    assert row == ("[]", "[]")


def test_a_postgres_store_of_the_step_before_gets_empty_lists(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        pg_migrations.migrate(conn, steps=pg_migrations.PG_MIGRATIONS[:BEFORE])
        conn.execute(
            "INSERT INTO documents(id, content_hash, text, record, ingested_at) VALUES ('d', 'h', 't', '{}', 'now')"
        )
        conn.execute("INSERT INTO events(doc_id, id, text, start, \"end\") VALUES ('d', 'v1', 't', 0, 1)")
    with PostgresStore(pg_url) as store:
        assert store.version == len(MIGRATIONS)
        row = store.conn.execute("SELECT also_sources, also_targets FROM events").fetchone()
    assert tuple(row) == ("[]", "[]")


def test_the_events_command_lists_every_actor(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wiresift import api
    from wiresift.cli import cli

    db = tmp_path / "store.db"
    with api.open_store(db) as store:
        store.save(document())
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--actor", "BRE"])
    assert result.exit_code == 0, result.output
    assert "Ruritanian gunboats (RUR) + Brean patrol boats (BRE) -> rebel positions (?)" in result.output
