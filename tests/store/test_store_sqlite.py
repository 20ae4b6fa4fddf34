"""The SQLite store: idempotent saves, atomic documents, migrations, search and queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef, Timex
from wiresift.store import SQLiteStore, Store, StoreError
from wiresift.store.migrations import MIGRATIONS, migrate
from wiresift.store.postgres import PostgresStore
from wiresift.store.query import QueryTooCostly, fts_query

BackendStore = SQLiteStore | PostgresStore

TEXT = (
    "Kazakhstan's president said on Monday that 2,000 peacekeepers would leave Almaty by Thursday. "
    '"The mission is complete," Kassym-Jomart Tokayev told parliament in Astana.'
)


def span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def sample(text: str = TEXT, **fields: object) -> Document:
    qs, qe = span(TEXT, '"The mission is complete,"')
    ms, me = span(TEXT, "Kassym-Jomart Tokayev")
    cs, ce = span(TEXT, "2,000 peacekeepers")
    ts, te = span(TEXT, "Monday")
    ps, pe = span(TEXT, "Almaty")
    doc = Document(
        text=text, site="example", published="2022-01-11",
        entities=[Entity(id="e1", name="Kassym-Jomart Tokayev", type="PERSON", titles=["president"],
                         mentions=[(ms, me)])],
        quotes=[Quote(id="q1", text=TEXT[qs:qe], start=qs, end=qe, kind="direct", speaker="e1",
                      speaker_mention=SpanRef(start=ms, end=me, text=TEXT[ms:me]))],
        claims=[Claim(id="c1", text=TEXT[cs:ce], start=cs, end=ce, value=2000, counted="peacekeepers",
                      claimant="e1", place="p1")],
        timexes=[Timex(text="Monday", start=ts, end=te, type="DATE", value="2022-01-10")],
        places=[Place(id="p1", name="Almaty", geonames_id=1526384, lat=43.25, lon=76.91, country="KZ",
                      kind="city", mentions=[(ps, pe)])],
        stages={"entities": "1", "quotes": "3", "claims": "1", "timexes": "2", "places": "1"},
        **{"title": "Peacekeepers to leave Almaty", **fields},
    )  # fmt: skip
    return doc.finalize()


@pytest.fixture
def store(any_store: Store) -> Store:
    """Each test below runs against the SQLite and the PostgreSQL store."""
    return any_store


def test_save_load_and_idempotence(store: BackendStore) -> None:
    doc = sample()
    first = store.save(doc.model_copy(deep=True))
    assert first.status == "new"
    assert store.load(first.id) == doc
    # The same text again (even with other metadata) adds nothing.
    again = store.save(sample(title="Another headline"))
    assert again == first.__class__(first.id, "exact")
    assert store.stats()["documents"] == 1
    assert store.sql.rows("SELECT count(*) FROM quotes")[0][0] == 1


def test_whitespace_only_change_is_an_exact_duplicate(store: BackendStore) -> None:
    store.save(sample())
    assert store.save(Document(text=TEXT.replace(" ", "  ", 3))).status == "exact"


def test_every_fact_row_has_document_span_and_stage_version(store: BackendStore) -> None:
    doc_id = store.save(sample()).id
    for table, version in [
        ("quotes", "3"),
        ("claims", "1"),
        ("timexes", "2"),
        ("places", "1"),
        ("entities", "1"),
    ]:
        rows = store.sql.rows(f"SELECT doc_id, stage_version FROM {table}")
        assert rows == [(doc_id, version)], table
    for text, start, end, quoted in store.sql.rows(
        'SELECT d.text, m.start, m."end", m.text FROM mentions m JOIN documents d ON d.id = m.doc_id'
    ):
        assert text[start:end] == quoted
    row = store.sql.rows("SELECT speaker_start, speaker_end, speaker_text FROM quotes")[0]
    assert TEXT[row[0] : row[1]] == row[2] == "Kassym-Jomart Tokayev"


def test_same_id_other_text_gets_a_distinct_id(store: BackendStore) -> None:
    a = store.save(Document(id="7", text="First story about Herat.")).id
    b = store.save(Document(id="7", text="Second story about Kandahar.")).id
    assert a == "7" and b.startswith("7~") and a != b
    assert store.load(b).text == "Second story about Kandahar."


def test_a_failing_save_leaves_nothing(store: BackendStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(doc: Document) -> None:
        raise RuntimeError("resolver crashed")

    monkeypatch.setattr(store.resolver, "resolve_document", boom)
    with pytest.raises(RuntimeError):
        store.save(sample())
    tables = ["documents", "entities", "quotes", "claims", "timexes", "places", "mentions", "signatures"]
    if isinstance(store, SQLiteStore):
        tables.append("documents_fts")
    for table in tables:
        assert store.sql.rows(f"SELECT count(*) FROM {table}")[0][0] == 0, table
    monkeypatch.undo()
    assert store.save(sample()).status == "new"


def test_migrations_from_empty_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with SQLiteStore(path) as s:
        assert s.version == len(MIGRATIONS)
        s.save(sample())
    with SQLiteStore(path) as s:  # re-open: no step runs twice, data is there
        assert s.version == len(MIGRATIONS)
        assert s.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        assert s.stats()["documents"] == 1
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_apply_in_order_and_roll_back_a_bad_step() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    steps = ["CREATE TABLE a (x);", "CREATE TABLE b (y); INSERT INTO a VALUES (1);"]
    assert migrate(conn, steps) == 2
    assert migrate(conn, steps) == 2  # idempotent
    with pytest.raises(sqlite3.Error):
        migrate(conn, [*steps, "CREATE TABLE c (z); CREATE TABLE a (again);"])
    assert migrate(conn, steps) == 2
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'c'").fetchone() is None
    with pytest.raises(RuntimeError, match="newer"):
        migrate(conn, steps[:1])


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("plain text, not SQLite " * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        SQLiteStore(bad)


def test_search_ranks_and_highlights(store: BackendStore) -> None:
    store.save(sample())
    store.save(Document(text="Peacekeeping talks stalled again. Peacekeepers waited.", title="Talks"))
    store.save(Document(text="Wheat prices rose in Odesa.", title="Markets"))
    hits = store.search("peacekeepers")
    assert [h.title for h in hits] == ["Peacekeepers to leave Almaty", "Talks"]  # title words weigh more
    assert "[peacekeepers]" in hits[0].snippet
    assert store.search("peacekeeper")  # porter stemming
    assert store.search("almaty", limit=1, offset=1) == []
    assert store.search("Kassym-Jomart")[0].title == "Peacekeepers to leave Almaty"
    assert store.search("U.S. (") == []  # punctuation never becomes FTS syntax


def test_fts_query_quotes_punctuation() -> None:
    assert fts_query("nato OR csto") == "nato OR csto"
    assert fts_query('"joint staff" Russia-led') == '"joint staff" "Russia-led"'
    assert fts_query("") == '""'


def test_queries(store: BackendStore) -> None:
    doc_id = store.save(sample()).id
    store.save(Document(text="Nothing quoted here at all.", published="2021-05-01"))
    [q] = store.quotes(speaker="Tokayev")
    assert (q.doc_id, q.speaker_name) == (doc_id, "Kassym-Jomart Tokayev")
    assert store.quotes(speaker="Tokayev", since="2022-02-01") == []
    [c] = store.claims(counted="peacekeep", place="KZ", claimant="Tokayev")
    assert (c.value, c.place_name, c.claimant_name) == (2000, "Almaty", "Kassym-Jomart Tokayev")
    assert store.claims(place="Kabul") == []
    [p] = store.places(country="kz")
    assert (p.name, p.articles, p.mentions, p.doc_ids) == ("Almaty", 1, 1, [doc_id])
    assert store.places(country="AF") == []


def test_errors_are_counted_once_per_cause(store: BackendStore) -> None:
    store.record_error("a.html", "no article text found", "ingest")
    store.record_error("a.html", "no article text found", "ingest")
    store.save(sample(errors=["claims: ValueError: bad number"]))
    rows = {(e.source, e.stage): e for e in store.errors()}
    assert rows[("a.html", "ingest")].count == 2
    assert rows[(rows[("a.html", "ingest")].source, "ingest")].line() == "a.html: no article text found"
    nlp = [e for e in store.errors() if e.stage == "claims"]
    assert nlp and nlp[0].cause == "ValueError: bad number" and nlp[0].doc_id is not None


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40)
    | st.lists(
        st.sampled_from(["AND", "OR", "NOT", "NEAR", "NEAR(", '"', "*", "(", ")", "a", "b*", "-", ":", "^"]),
        max_size=6,
    ).map(" ".join)
)
def test_any_user_query_is_valid_fts(query: str) -> None:
    with SQLiteStore(":memory:") as store:
        store.save(Document(text="a b c NEAR and NOT"))
        try:
            store.search(query)  # never a syntax error
        except QueryTooCostly as exc:  # refused by the cost limits, with a message saying which
            assert "search query" in str(exc)


def test_sqlite_store_satisfies_the_protocol() -> None:
    from wiresift.store import Store

    with SQLiteStore(":memory:") as store:
        assert isinstance(store, Store)


def test_documents_stream_in_pages_in_storage_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.store.documents as backend

    monkeypatch.setattr(backend, "PAGE_ROWS", 2)
    with SQLiteStore(":memory:") as store:
        texts = [f"Convoy {i} crossed the {'river' if i % 2 else 'pass'} at dawn." for i in range(5)]
        for text in texts:
            store.save(Document(text=text))
        assert [d.text for d in store.documents()] == texts
        assert [d.text for d in store.documents("river")] == texts[1::2]
