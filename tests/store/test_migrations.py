"""Upgrades lose nothing: a store written by an older release opens, migrates in place after a backup,
and keeps every document and layer; a migration cut short (an error, a kill) leaves the file at the
previous version, and the next open completes it.

``tests/fixtures/store/v2-store.db`` was written by the release whose schema is version 2 (see
``make_v2_store.py``); ``v2-store.json`` lists what it holds. Each later release must pass these tests
unchanged: a new schema step is exercised here by the real ``MIGRATIONS`` and by ``FUTURE_STEP``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from wiresift.store import SQLiteStore, StoreError
from wiresift.store import migrations as migrations_module
from wiresift.store.migrations import MIGRATIONS, migrate, statements

FIXTURE = Path(__file__).parents[1] / "fixtures" / "store" / "v2-store.db"
MANIFEST = json.loads(FIXTURE.with_suffix(".json").read_text(encoding="utf-8"))
SRC = Path(__file__).resolve().parents[2] / "src"

#: A wave-2-like step: new tables tied to documents, an index, a trigger, a column added to a layer.
FUTURE_STEP = """
CREATE TABLE dossiers (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE dossier_members (
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (dossier_id, doc_id)
);
CREATE INDEX dossier_members_doc ON dossier_members(doc_id);
ALTER TABLE quotes ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER dossiers_title_not_empty BEFORE INSERT ON dossiers WHEN new.title = '' BEGIN
    SELECT RAISE(ABORT, 'a dossier needs a title');
END;
"""


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A copy of the v2 fixture (the committed file is never opened for writing)."""
    path = tmp_path / "news.db"
    shutil.copyfile(FIXTURE, path)
    return path


def check_nothing_lost(path: Path) -> None:
    """Every document of the manifest with its text and layers; every table at least as full as it was."""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, rows in MANIFEST["rows"].items():
            if table != "schema_version":
                assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == rows, table
        hits = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'barge'").fetchall()
        assert len(hits) == 2  # the FTS index came through with its rows
    with SQLiteStore(path) as store:
        for expected in MANIFEST["documents"]:
            doc = store.load(expected["id"])
            assert doc.content_hash == expected["content_hash"]
            assert hashlib.sha256(doc.text.encode()).hexdigest() == expected["text_sha256"]
            assert doc.duplicate_of == expected["duplicate_of"]
            layers = {name: len(getattr(doc, name)) for name in expected["layers"]}
            assert layers == expected["layers"], expected["id"]
            assert doc.check_spans() == []


def test_fixture_is_what_its_manifest_says() -> None:
    assert FIXTURE.stat().st_size < 1024 * 1024
    assert MANIFEST["schema_version"] == 2 and len(MANIFEST["documents"]) == 4
    with closing(sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2


def test_todays_store_opens_in_this_release_and_loses_nothing(old_store: Path) -> None:
    with SQLiteStore(old_store) as store:
        assert store.version == len(MIGRATIONS)
        backup = store.backup_path(MANIFEST["schema_version"])
    check_nothing_lost(old_store)
    if len(MIGRATIONS) > MANIFEST["schema_version"]:  # this release migrated it: the backup is the old file
        with closing(sqlite3.connect(backup)) as conn:  # before the check below opens (and migrates) it
            assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2
        check_nothing_lost(backup)
    else:
        assert not backup.exists()  # nothing to migrate, nothing copied


def test_a_new_step_migrates_in_place_after_a_backup(
    old_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = [*MIGRATIONS, FUTURE_STEP]
    monkeypatch.setattr(migrations_module, "MIGRATIONS", steps)
    with SQLiteStore(old_store) as store:
        assert store.version == len(steps)
        backup = store.backup_path(MANIFEST["schema_version"])  # taken once, at the version opened
        store.conn.execute("INSERT INTO dossiers(title, created) VALUES ('Barge seized', '2024-03-15')")
        store.conn.execute("INSERT INTO dossier_members VALUES (1, ?)", (MANIFEST["documents"][0]["id"],))
    check_nothing_lost(old_store)
    assert backup.exists() and not backup.with_name(backup.name + ".part").exists()
    with closing(sqlite3.connect(backup)) as conn:  # the backup is the store as it was, before the step
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        assert version == MANIFEST["schema_version"]
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'dossiers'").fetchone()[0] == 0
    check_nothing_lost(backup)  # the v2 file itself, copied: a user can go back to it
    with SQLiteStore(old_store) as store:  # opening again: nothing to do, no second backup
        assert store.version == len(steps)
        assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(steps)


def test_a_step_that_fails_midway_rolls_back_and_the_next_open_completes(
    old_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = FUTURE_STEP + "INSERT INTO no_such_table VALUES (1);\n"
    monkeypatch.setattr(migrations_module, "MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(StoreError, match=r"news\.db: cannot open database: no such table: no_such_table"):
        SQLiteStore(old_store)
    with closing(sqlite3.connect(old_store)) as conn:  # still at the released version, whole
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        assert (
            conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'dossier%'").fetchone()[0] == 0
        )
        columns = [r[1] for r in conn.execute("PRAGMA table_info(quotes)")]
        assert "corrected" not in columns
    monkeypatch.setattr(migrations_module, "MIGRATIONS", MIGRATIONS)  # this release reads it as it was
    check_nothing_lost(old_store)
    monkeypatch.setattr(migrations_module, "MIGRATIONS", [*MIGRATIONS, FUTURE_STEP])
    with SQLiteStore(old_store) as store:
        assert store.version == len(MIGRATIONS) + 1
    check_nothing_lost(old_store)


_KILLED_MID_STEP = """
import os, signal, sys
from wiresift.store import migrations, sqlite
step = sys.argv[2]
migrations.MIGRATIONS = [*migrations.MIGRATIONS, step]
real_connect = sqlite.sqlite3.connect
def connect(*args, **kwargs):  # every connection of the store gets crash(): SIGKILL, mid-statement
    conn = real_connect(*args, **kwargs)
    conn.create_function("crash", 0, lambda: os.kill(os.getpid(), signal.SIGKILL))
    return conn
sqlite.sqlite3.connect = connect
sqlite.SQLiteStore(sys.argv[1])
"""


def test_a_process_killed_mid_migration_leaves_the_old_version_and_the_next_open_completes(
    old_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, rest = FUTURE_STEP.split("CREATE INDEX", 1)
    killed_step = f"{first}SELECT crash();\nCREATE INDEX{rest}"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_STEP, str(old_store), killed_step],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with closing(sqlite3.connect(old_store)) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        assert (
            conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'dossier%'").fetchone()[0] == 0
        )
    check_nothing_lost(old_store)
    monkeypatch.setattr(migrations_module, "MIGRATIONS", [*MIGRATIONS, FUTURE_STEP])
    with SQLiteStore(old_store) as store:
        assert store.version == len(MIGRATIONS) + 1
        assert store.backup_path(len(MIGRATIONS)).exists()
    check_nothing_lost(old_store)


def test_statements_keep_trigger_bodies_and_comments_whole() -> None:
    found = statements(
        FUTURE_STEP + "-- a comment; with a semicolon\nINSERT INTO dossiers VALUES (1, 'a;b', 'x');"
    )
    assert len(found) == 6
    assert found[4].startswith("CREATE TRIGGER") and found[4].endswith("END;")
    assert found[5].endswith("VALUES (1, 'a;b', 'x');")
    assert all(sqlite3.complete_statement(s) for s in found)
    with pytest.raises(ValueError, match="incomplete"):
        statements("CREATE TABLE a (x); CREATE TABLE b (y")


def test_every_released_step_splits_into_complete_statements() -> None:
    for step in MIGRATIONS:
        assert statements(step)


def test_a_newer_database_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with SQLiteStore(path):
        pass
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (len(MIGRATIONS) + 5,))
        conn.commit()
    with pytest.raises(StoreError, match=r"future\.db: database schema version \d+ is newer"):
        SQLiteStore(path)


def test_migrate_rereads_the_version_under_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that saw version 0 before another migrated finds the work done once it holds the lock."""
    path = tmp_path / "race.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as a:
        assert migrate(a) == len(MIGRATIONS)
    real = migrations_module.current_version
    reads: list[int] = []

    def stale_first(conn: sqlite3.Connection) -> int:  # the look before the lock: taken before a migrated
        reads.append(1)
        return 0 if len(reads) == 1 else real(conn)

    monkeypatch.setattr(migrations_module, "current_version", stale_first)
    with closing(sqlite3.connect(path, isolation_level=None)) as b:
        assert migrate(b) == len(MIGRATIONS)  # without the re-read: "table canonical_entities already exists"
        assert b.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    assert len(reads) == 2
