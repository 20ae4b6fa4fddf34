"""What is PostgreSQL's own: its schema steps track SQLite's, reopening migrates nothing twice, any
typed query is a valid tsquery, the search syntax, and two ingest processes writing at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift import api
from wiresift.model import Document, Entity
from wiresift.store.base import StoreError
from wiresift.store.migrations import MIGRATIONS
from wiresift.store.pg_migrations import PG_MIGRATIONS
from wiresift.store.postgres import PostgresStore
from wiresift.store.query import QueryTooCostly
from wiresift.store.sqlite import SQLiteStore


def test_every_sqlite_step_has_its_postgres_port() -> None:
    """A SQLite schema step added without its PostgreSQL form fails here, loudly."""
    assert len(PG_MIGRATIONS) == len(MIGRATIONS), (
        f"store/migrations.py has {len(MIGRATIONS)} steps but store/pg_migrations.py {len(PG_MIGRATIONS)}: "
        "port the new step to PostgreSQL"
    )


def test_reopen_applies_no_step_twice(pg_url: str) -> None:
    with PostgresStore(pg_url) as s:
        assert s.version == len(PG_MIGRATIONS)
        s.save(Document(text="A convoy crossed the pass at dawn."))
    with PostgresStore(pg_url) as s:
        assert s.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(PG_MIGRATIONS)
        assert s.stats()["documents"] == 1
        assert s.stats()["schema_version"] == len(MIGRATIONS)


def test_a_store_newer_than_the_code_is_refused(pg_url: str) -> None:
    with PostgresStore(pg_url) as s:
        s.conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (len(PG_MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer than this wiresift"):
        PostgresStore(pg_url)


def test_unreachable_server_is_a_one_line_error(tmp_path: Path) -> None:
    url = f"postgresql://nobody:secret@/none?host={tmp_path}&port=1"
    with pytest.raises(StoreError) as err:
        api.open_store(url)
    assert (
        "\n" not in str(err.value) and "secret" not in str(err.value) and "cannot connect" in str(err.value)
    )


SEARCH_DOCS = (
    ("Border guards", "Border guards closed the crossing near the river after the clashes."),
    ("Grain", "Grain exports rose as the guards at the port were replaced."),
    ("Talks", "Peace talks resumed; negotiators guarded their words about the border."),
)


@pytest.mark.parametrize(
    "query",
    ['"border guards"', "guards OR grain", "guards NOT grain", "guard*", "negot* border", "border -river"],
)
def test_search_syntax_matches_sqlite(pg_url: str, query: str) -> None:
    with SQLiteStore(":memory:") as sqlite, PostgresStore(pg_url) as postgres:
        for title, text in SEARCH_DOCS:
            for store in (sqlite, postgres):
                store.save(Document(title=title, text=text))
        expected = [h.title for h in sqlite.search(query)]
        assert expected, query
        assert [h.title for h in postgres.search(query)] == expected


def test_any_user_query_is_a_valid_tsquery(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.save(Document(text="a b c NEAR and NOT"))

        @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(
            st.text(max_size=40)
            | st.lists(
                st.sampled_from(
                    ["AND", "OR", "NOT", "NEAR(", '"', "*", "(", ")", "a", "b*", "-", ":", "!", "&"]
                ),
                max_size=6,
            ).map(" ".join)
        )
        def check(query: str) -> None:
            try:
                store.search(query)  # never a syntax error, whatever the user typed
            except QueryTooCostly as exc:
                assert "search query" in str(exc)

        check()


# -- two ingest processes into one store ----------------------------------------------------------
def _records(tag: str, count: int) -> list[str]:
    people = ["Anatoly Sidorov", "Dana Okonkwo", "Marat Tulegenov", "Ilse Brandt"]
    lines = []
    for i in range(count):
        name = people[i % len(people)]
        text = f"Report {tag} {i}: {name} inspected depot number {i * 7919 % 1000} in district {tag}{i}."
        start = text.index(name)
        ent = Entity(id="e1", name=name, type="PERSON", mentions=[(start, start + len(name))])
        doc = Document(text=text, title=f"{tag} {i}", entities=[ent]).finalize()
        lines.append(json.dumps(doc.to_record()))
    return lines


def test_two_ingest_processes_lose_and_duplicate_nothing(pg_url: str, tmp_path: Path) -> None:
    shared = _records("shared", 60)
    files = []
    for who in ("a", "b"):
        path = tmp_path / f"{who}.jsonl"
        path.write_text("\n".join([*shared, *_records(who, 20)]) + "\n")
        files.append(path)
    api.open_store(pg_url).close()  # the schema exists before both start (they would also race safely)
    code = "import sys; from wiresift.cli import main; sys.argv = ['wiresift', *sys.argv[1:]]; main()"
    env = {**os.environ, "WIRESIFT_DB": pg_url}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, "import", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in files
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()[-2000:]
    with PostgresStore(pg_url) as store:
        q = store.sql.rows
        assert q("SELECT count(*) FROM documents")[0][0] == 100  # 60 shared + 20 + 20: none lost
        assert q("SELECT count(*) - count(DISTINCT content_hash) FROM documents")[0][0] == 0
        assert q("SELECT count(*) FROM entities WHERE canonical_id IS NULL")[0][0] == 0
        # one canonical record per person, whichever process saw the name first
        assert q("SELECT count(*) FROM canonical_entities")[0][0] == 4
        assert q("SELECT sum(members) FROM canonical_entities")[0][0] == 100
        assert q("SELECT count(*) FROM signatures")[0][0] == 100
        assert q("SELECT count(*) FROM errors")[0][0] == 0
        # every constraint holds (PostgreSQL enforced them on write; a re-validation finds nothing)
        for name, table in q(
            "SELECT conname, conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' "
            "AND connamespace = 'public'::regnamespace"
        ):
            store.conn.execute(f'ALTER TABLE "{table}" VALIDATE CONSTRAINT "{name}"')
    reports = b"".join(out for out, _ in outputs).decode() + b"".join(err for _, err in outputs).decode()
    assert "locked" not in reports and "deadlock" not in reports


def test_cli_takes_a_url_or_wiresift_db(pg_url: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wiresift.cli.commands import cli

    record = json.loads(_records("cli", 1)[0])
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(path), "--db", pg_url]).exit_code == 0
    by_env = runner.invoke(cli, ["stats", "--json"], env={"WIRESIFT_DB": pg_url})
    assert by_env.exit_code == 0 and json.loads(by_env.output)["documents"] == 1
    found = runner.invoke(cli, ["search", "depot", "--db", pg_url])
    assert found.exit_code == 0 and record["id"] in found.output
    assert runner.invoke(cli, ["stats", "--db", str(tmp_path / "absent.db")]).exit_code == 1
