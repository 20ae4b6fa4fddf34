"""SQLite and PostgreSQL give the same results: the demo corpus ingested into each gives the same
documents, layers, entities, lists, search hits in the same order, stories with their tracked
claims and quotes, the same effects of the same corrections, and byte-identical exports."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

import pytest

from wiresift import api, corrections
from wiresift.store.base import CorrectionRow, EntityProfile, Store

REPO = Path(__file__).resolve().parents[2]
#: Queries over the demo corpus in every syntax the search box takes: same hits in the same order.
QUERIES = (
    "militants",
    "border guards",
    '"border guards"',
    "Aktau OR Almaty",
    "refugees NOT Tajikistan",
    "militants -Tajikistan",
    "president said",
    "kazakhstan",
)
#: Queries whose every term is in half the documents or more: FTS5's bm25 gives such a term a
#: near-zero weight (its IDF is clamped to 1e-6) and PostgreSQL's ts_rank has no IDF, so the order
#: of these hits rests on each engine's term-frequency formula: same hits, order not compared.
COMMON_QUERIES = ("border", "border NOT Tajikistan")
#: Queries whose hits include near-ties (bm25 scores within 1% of each other: "Tajik*" ranks three
#: articles within 0.3%): same hits, and the same order wherever bm25 tells them clearly apart.
CLOSE_QUERIES = ("Tajik*", "militants")
CLEARLY_APART = 0.01
TEXT_FORMATS = ("jsonl", "geojson", "gdelt-events")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, pg_cluster):  # type: ignore[no-untyped-def]
    sqlite = api.open_store(tmp_path_factory.mktemp("eq") / "demo.db")
    postgres = api.open_store(pg_cluster.createdb("equivalence"))
    for store in (sqlite, postgres):
        report = api.ingest([REPO / "examples"], db=store)
        assert report.failed == 0, report.errors
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


def _profile(profile: EntityProfile | None) -> object:
    """A profile without the evidence times (the clock moved between the two ingests)."""
    assert profile is not None
    return asdict(replace(profile, evidence=[replace(e, time="") for e in profile.evidence]))


def test_same_documents_and_layers(stores: tuple[Store, Store]) -> None:
    sqlite, postgres = stores
    docs = [d.to_record() for d in sqlite.documents()]
    assert len(docs) == 27  # the demo corpus (tests/test_demo.py)
    assert [d.to_record() for d in postgres.documents()] == docs
    left, right = sqlite.stats(), postgres.stats()
    assert {**left, "path": ""} == {**right, "path": ""}


def test_same_entities_and_lists(stores: tuple[Store, Store]) -> None:
    sqlite, postgres = stores
    canonical = sqlite.entities(limit=10_000)
    assert canonical and postgres.entities(limit=10_000) == canonical
    for row in canonical:
        assert _profile(postgres.entity(str(row.id))) == _profile(sqlite.entity(str(row.id)))
    assert postgres.quotes(limit=10_000, modes=None) == sqlite.quotes(limit=10_000, modes=None)
    assert postgres.claims(limit=10_000) == sqlite.claims(limit=10_000)
    assert postgres.places(limit=10_000) == sqlite.places(limit=10_000)
    assert postgres.events(limit=10_000) == sqlite.events(limit=10_000)
    for name in ("Tokayev", "Aktau"):
        assert postgres.quotes(speaker=name) == sqlite.quotes(speaker=name)
        assert postgres.claims(claimant=name) == sqlite.claims(claimant=name)


@pytest.mark.parametrize("query", QUERIES)
def test_same_search_hits_in_the_same_order(stores: tuple[Store, Store], query: str) -> None:
    sqlite, postgres = stores
    expected = [h.id for h in sqlite.search(query, limit=100)]
    assert [h.id for h in postgres.search(query, limit=100)] == expected
    assert [d.id for d in postgres.documents(query)] == [d.id for d in sqlite.documents(query)]


@pytest.mark.parametrize("query", ["", "militants", "Tajik*", "border"])
def test_same_workbench_facets_and_pages(stores: tuple[Store, Store], query: str) -> None:
    from wiresift import workbench

    sqlite, postgres = stores
    assert isinstance(sqlite, workbench.WorkbenchStore) and isinstance(postgres, workbench.WorkbenchStore)
    left, right = sqlite.search_page(query, sort="date"), postgres.search_page(query, sort="date")
    assert (right.total, right.facets) == (left.total, left.facets)
    assert [h.id for h in right.hits] == [h.id for h in left.hits]
    assert postgres.timeline() == sqlite.timeline()
    assert postgres.map_places() == sqlite.map_places()
    for row in sqlite.entities(limit=50):
        assert postgres.claims_by(row.id) == sqlite.claims_by(row.id)
        assert postgres.neighbours(row.id) == sqlite.neighbours(row.id)
        assert postgres.neighbours(row.id, articles=1) == sqlite.neighbours(row.id, articles=1)
        assert postgres.seen_range(row.id) == sqlite.seen_range(row.id)
    for place in sqlite.places(limit=20):
        assert postgres.place_mentions(place.name) == sqlite.place_mentions(place.name)
        if place.country:  # the map's country and province popups
            area = (None, place.country, 50, place.admin1)
            assert postgres.place_mentions(*area) == sqlite.place_mentions(*area)
    for doc in sqlite.documents():
        assert postgres.related_copies(doc.id) == sqlite.related_copies(doc.id)


@pytest.mark.parametrize("query", COMMON_QUERIES)
def test_same_search_hits_for_common_words(stores: tuple[Store, Store], query: str) -> None:
    sqlite, postgres = stores
    expected = sorted(h.id for h in sqlite.search(query, limit=100))
    assert len(expected) >= 5
    assert sorted(h.id for h in postgres.search(query, limit=100)) == expected


@pytest.mark.parametrize("query", ["NEAR(border militants)", "NEAR(militants Tajik*, 5)"])
def test_near_on_postgresql_keeps_every_sqlite_hit(stores: tuple[Store, Store], query: str) -> None:
    """PostgreSQL has no "at most N words apart" operator (its ``<N>`` is an exact distance): a NEAR
    group asks for all its words in the article, so it finds every hit of FTS5's NEAR, and more."""
    sqlite, postgres = stores
    near = {h.id for h in sqlite.search(query, limit=100)}
    assert near and near <= {h.id for h in postgres.search(query, limit=100)}


@pytest.mark.parametrize("query", CLOSE_QUERIES)
def test_same_order_where_the_scores_differ(stores: tuple[Store, Store], query: str) -> None:
    sqlite, postgres = stores
    hits = sqlite.search(query, limit=100)
    order = [h.id for h in postgres.search(query, limit=100)]
    assert len(hits) >= 3 and sorted(order) == sorted(h.id for h in hits)
    compared = 0
    for i, a in enumerate(hits):
        for b in hits[i + 1 :]:
            if abs(a.score - b.score) > CLEARLY_APART * abs(a.score):
                assert order.index(a.id) < order.index(b.id), (a.id, b.id)
                compared += 1
    assert compared > 0


def test_same_exports(stores: tuple[Store, Store], tmp_path: Path) -> None:
    sqlite, postgres = stores
    for fmt in TEXT_FORMATS:
        assert "".join(api.export(postgres, fmt)) == "".join(api.export(sqlite, fmt)), fmt
    left = api.export_file(sqlite, "csv", tmp_path / "sqlite")
    right = api.export_file(postgres, "csv", tmp_path / "postgres")
    assert [p.name for p in left] == [p.name for p in right]
    for a, b in zip(left, right, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_same_stories_and_tracking(stores: tuple[Store, Store]) -> None:
    sqlite, postgres = stores
    rows = sqlite.stories(limit=1000)
    assert rows, "the demo corpus files stories"
    assert postgres.stories(limit=1000) == rows
    assert postgres.story_assignments() == sqlite.story_assignments()
    for row in rows:
        assert postgres.story(row.id) == sqlite.story(row.id)
    assert postgres.tracked_claims() == sqlite.tracked_claims()
    assert postgres.tracked_quotes() == sqlite.tracked_quotes()
    assert list(postgres.story_profiles()) == list(sqlite.story_profiles())


def _same_correction(left: CorrectionRow, right: CorrectionRow) -> None:
    assert replace(right, made_at="", undone_at=None) == replace(left, made_at="", undone_at=None)
    assert (right.undone_at is None) == (left.undone_at is None)


def test_same_corrections_give_the_same_store(stores: tuple[Store, Store]) -> None:
    """Run last (it changes both stores): the same corrections, undone the same way, leave both
    stores with the same rows, entities and lists."""
    sqlite, postgres = stores
    quoted = sqlite.quotes(limit=2, modes=None)
    claimed = sqlite.claims(limit=1)
    assert len(quoted) == 2 and claimed
    people = [r.id for r in sqlite.entities(type="PERSON", limit=2)]
    assert len(people) == 2
    for store in (sqlite, postgres):
        corrections.reject_quote(store, quoted[0].doc_id, quoted[0].id, who="eq", why="not a quote")
        corrections.reassign_speaker(
            store, quoted[1].doc_id, quoted[1].id, speaker_name="A. Nother", who="eq"
        )
        rejected = corrections.reject_claim(store, claimed[0].doc_id, claimed[0].id, who="eq")
        corrections.merge_entities(store, people, who="eq", why="same person")
        corrections.undo_correction(store, rejected.id, who="eq")
    left, right = sqlite.corrections(), postgres.corrections()
    assert len(left) == 4
    for a, b in zip(left, right, strict=True):
        _same_correction(a, b)
    assert [d.to_record() for d in postgres.documents()] == [d.to_record() for d in sqlite.documents()]
    assert postgres.quotes(limit=10_000, modes=None) == sqlite.quotes(limit=10_000, modes=None)
    assert postgres.claims(limit=10_000) == sqlite.claims(limit=10_000)
    assert postgres.entities(limit=10_000) == sqlite.entities(limit=10_000)
    assert _profile(postgres.entity(str(people[0]))) == _profile(sqlite.entity(str(people[0])))
    assert postgres.count_quotes(modes=None) == sqlite.count_quotes(modes=None)
