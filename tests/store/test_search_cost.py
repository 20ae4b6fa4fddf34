"""Search limits, the per-request time budget and snippet highlights, at the store level (#17)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.model import Document
from wiresift.store.budget import QueryTimeout
from wiresift.store.query import (
    MAX_PREFIX_TERMS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    MIN_PREFIX_CHARS,
    QueryTooCostly,
    fts_query,
)
from wiresift.store.sqlite import SQLiteStore
from wiresift.store.workbench import unmark

#: A statement that runs for minutes unless something stops it.
ENDLESS = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 4000000000) SELECT count(*) FROM r"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        (" ".join(["a*"] * 200), "too long"),  # the query of the report: 599 characters
        (" ".join(["a*"] * 100), "words"),
        (" ".join(["sanc*"] * (MAX_PREFIX_TERMS + 1)), "prefix terms"),
        (" ".join(f"word{i}" for i in range(MAX_TERMS + 1)), "words"),
        ('"' + " ".join(f"w{i}" for i in range(MAX_TERMS + 1)) + '"', "words"),
        ("x" * (MAX_QUERY_CHARS + 1), "too long"),
        ("ab*", "too short"),
    ],
)
def test_queries_over_a_limit_are_refused_with_the_reason(query: str, names: str) -> None:
    with pytest.raises(QueryTooCostly, match=names):
        fts_query(query)


def test_queries_at_the_limits_pass() -> None:
    words = " ".join(f"word{i}" for i in range(MAX_TERMS - MAX_PREFIX_TERMS))
    prefixes = " ".join("x" * MIN_PREFIX_CHARS + str(i) + "*" for i in range(MAX_PREFIX_TERMS))
    assert fts_query(f"{words} {prefixes}").count("*") == MAX_PREFIX_TERMS
    assert fts_query("nato OR csto") == "nato OR csto"  # operators are not words


def test_a_refused_query_is_a_one_line_store_error() -> None:
    with SQLiteStore(":memory:") as store, pytest.raises(QueryTooCostly) as info:
        store.search_page("a* border")
    assert "\n" not in str(info.value)
    assert "'a*' is too short (at least 3 letters before the *)" in str(info.value)


def test_time_budget_stops_a_query_inside_sqlite() -> None:
    with SQLiteStore(":memory:") as store:
        t0 = time.perf_counter()
        with pytest.raises(QueryTimeout, match="time budget"), store.time_budget(0.2) as budget:
            store.conn.execute(ENDLESS).fetchall()
        assert time.perf_counter() - t0 < 2.0
        assert budget.expired and budget.healthy
        assert store.conn.execute("SELECT 1").fetchone() == (1,)  # the connection serves the next request


def test_time_budget_leaves_fast_work_alone() -> None:
    with SQLiteStore(":memory:") as store:
        with store.time_budget(0.3) as budget:
            store.save(Document(text="Patrols resumed along the river on Monday.").finalize())
            assert store.search_page("patrols").total == 1
        time.sleep(0.5)  # past the deadline: a disarmed budget must not interrupt later work
        assert not budget.expired
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_unmark_splits_byte_markers() -> None:
    raw = b"Ferry \x02near\x03 the \xfeport\xff" + " é…".encode()
    text, spans = unmark(raw)
    assert text == "Ferry \x02near\x03 the port é…"
    assert [text[s:e] for s, e in spans] == ["port"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\x02", "\x03", "\x02\x03", "<mark>", "þÿ", "Ω", "harbour", "levy", "talks", "\n"]),
        max_size=12,
    )
)
def test_only_matches_are_highlighted_whatever_the_text_holds(noise: list[str]) -> None:
    text = " ".join([*noise, "The", "zebrafinch", "count", *noise, "fell."])
    with SQLiteStore(":memory:") as store:
        store.save(Document(text=text, title="Bird survey").finalize())
        (hit,) = store.search_page("zebrafinch").hits
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["zebrafinch"]
    assert hit.snippet.replace("…", "") in text
