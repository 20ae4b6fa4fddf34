"""Speed of ``SQLiteStore.save`` against a bare insert of the JSON record, in the same process.

Run: ``python benchmarks/store_save.py [N]``. Prints documents per second for both and the ratio
(how many times slower a full save is than the cheapest possible write of the same record).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from wiresift.model import Claim, Document, Entity, Place, Quote, Timex
from wiresift.store import SQLiteStore

#: Documents per run: enough for a stable rate, a few seconds in all.
DEFAULT_N = 2000
SURNAMES = ["Sidorov", "Zas", "Lavrov", "Tokayev", "Rahmon", "Japarov", "Stoltenberg", "Borrell"]


def make(i: int) -> Document:
    """A synthetic article with entities, a quote, a claim, a time and a place, all valid spans."""
    who = SURNAMES[i % len(SURNAMES)]
    text = (
        f"General Anton {who} said on Monday that {i + 100} militants had gathered near post {i}. "
        f'"We are watching the border," {who} told reporters in Dushanbe. ' * 3
    )
    n, q = text.index(f"Anton {who}"), text.index('"We')
    c, d, p = text.index(f"{i + 100} militants"), text.index("Monday"), text.index("Dushanbe")
    return Document(
        text=text, title=f"Report {i}",
        entities=[Entity(id="e1", name=f"Anton {who}", type="PERSON", titles=["General"],
                         mentions=[(n, n + len(f"Anton {who}"))]),
                  Entity(id="e2", name="Collective Security Treaty Organisation", type="ORG")],
        quotes=[Quote(id="q1", text=text[q : q + 29], start=q, end=q + 29, kind="direct", speaker="e1")],
        claims=[Claim(id="c1", text=text[c : c + len(f"{i + 100} militants")], start=c,
                      end=c + len(f"{i + 100} militants"), value=i + 100, counted="militants")],
        timexes=[Timex(text="Monday", start=d, end=d + 6, type="DATE")],
        places=[Place(id="p1", name="Dushanbe", geonames_id=1221874, lat=38.5, lon=68.8, mentions=[(p, p + 8)])],
        stages={"entities": "1", "quotes": "1", "claims": "1", "timexes": "1", "places": "1"},
    ).finalize()  # fmt: skip


def baseline(docs: list[Document], path: Path) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, record TEXT)")
    start = time.perf_counter()
    for doc in docs:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO docs VALUES (?, ?)", (doc.id, json.dumps(doc.to_record())))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def full(docs: list[Document], path: Path) -> float:
    with SQLiteStore(path) as store:
        start = time.perf_counter()
        for doc in docs:
            store.save(doc)
        return time.perf_counter() - start


def main(n: int = DEFAULT_N) -> None:
    docs = [make(i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline([d.model_copy(deep=True) for d in docs], Path(tmp) / "base.db")
        ours = full([d.model_copy(deep=True) for d in docs], Path(tmp) / "full.db")
    print(f"baseline (bare JSON insert): {n / base:8.0f} docs/s")
    print(f"SQLiteStore.save:            {n / ours:8.0f} docs/s")
    print(f"ratio full/baseline time:    {ours / base:8.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N)
