"""The map's place counts are kept at write time and always equal grouping the places (#13), on
both backends (SQLite triggers; PostgreSQL row triggers that see a statement's earlier rows)."""

from __future__ import annotations

from wiresift import api
from wiresift.model import Document, Place

GROUPED = (
    "SELECT name, coalesce(country, ''), lat, lon, count(DISTINCT doc_id), count(*) FROM places "
    "WHERE lat IS NOT NULL AND lon IS NOT NULL AND adjectival = 0 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2"
)
KEPT = "SELECT name, country, lat, lon, articles, mentions FROM place_counts ORDER BY 1, 2"


def _doc(i: int, names: list[tuple[str, str | None, bool]]) -> Document:
    text = f"Report {i}: " + " and ".join(n for n, _, _ in names) + "."
    places = []
    for k, (name, country, adjectival) in enumerate(names):
        at = text.index(name)
        places.append(
            Place(id=f"p{k}", name=name, lat=10.0 + len(name), lon=170.0, country=country,
                  adjectival=adjectival, mentions=[(at, at + len(name))])
        )  # fmt: skip
    return Document(text=text, title=f"r{i}", places=places).finalize()


def test_counts_follow_inserts_updates_and_deletes(store_url: str) -> None:
    store = api.open_store(store_url)
    docs = [
        _doc(1, [("Aden", "YE", False), ("Aden ", "YE", False), ("Mosul", "IQ", False)]),
        _doc(2, [("Aden", "YE", False), ("Atlantis", None, False), ("Yemeni", "YE", True)]),
        _doc(3, [("Mosul", "IQ", False)]),
    ]
    for doc in docs:
        store.save(doc)
    conn = store.sql  # type: ignore[attr-defined]  # both stores' ``?`` adapter (not on the protocol)
    assert conn.execute(KEPT).fetchall() == conn.execute(GROUPED).fetchall()
    conn.execute("UPDATE places SET name = 'Mosul' WHERE name = 'Atlantis'")
    conn.execute("UPDATE places SET adjectival = 0 WHERE name = 'Yemeni'")
    assert conn.execute(KEPT).fetchall() == conn.execute(GROUPED).fetchall()
    conn.execute("DELETE FROM documents WHERE id = ?", (docs[0].id,))
    assert conn.execute(KEPT).fetchall() == conn.execute(GROUPED).fetchall()
    store.close()
