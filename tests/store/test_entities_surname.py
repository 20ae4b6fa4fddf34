"""Cross-document rule ``surname-only``: "Biden" joins "Joe Biden" when no other Biden is stored."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Entity
from wiresift.store import SQLiteStore
from wiresift.store.postgres import PostgresStore

BackendStore = SQLiteStore | PostgresStore


def save(store: BackendStore, text: str, name: str, *titles: str) -> str:
    ent = Entity(id="p1", name=name, type="PERSON", titles=list(titles))
    return store.save(Document(text=text, entities=[ent]).finalize()).id


def canonical(store: BackendStore, doc_id: str) -> int:
    rows = store.sql.rows("SELECT canonical_id FROM entities WHERE doc_id = ? AND id = 'p1'", (doc_id,))
    return int(rows[0][0])


@pytest.fixture
def store(any_store: BackendStore) -> BackendStore:
    """These run against the SQLite and the PostgreSQL store."""
    return any_store


def test_lone_surname_joins_the_only_namesake(store: BackendStore) -> None:
    full = save(store, "one", "Joe Okonkwo")
    lone = save(store, "two", "Okonkwo")
    honorific = save(store, "three", "Mr Okonkwo")
    assert canonical(store, full) == canonical(store, lone) == canonical(store, honorific)
    profile = store.entity(str(canonical(store, full)))
    assert profile is not None and profile.name == "Joe Okonkwo"
    assert [e.rule for e in profile.evidence] == ["new", "surname-only", "surname-only"]


def test_full_name_joins_a_record_known_by_its_surname_only(store: BackendStore) -> None:
    lone = save(store, "one", "Okonkwo")
    full = save(store, "two", "Joe Okonkwo")
    assert canonical(store, lone) == canonical(store, full)


def test_two_namesakes_make_the_lone_surname_abstain(store: BackendStore) -> None:
    joe = save(store, "one", "Joe Okonkwo")
    ada = save(store, "two", "Ada Okonkwo")
    lone = save(store, "three", "Okonkwo")
    assert canonical(store, joe) != canonical(store, ada)
    assert canonical(store, lone) not in (canonical(store, joe), canonical(store, ada))


def test_conflicting_titles_and_first_names_keep_people_apart(store: BackendStore) -> None:
    joe = save(store, "one", "Joe Okonkwo", "finance minister")
    keeper = save(store, "two", "Okonkwo", "goalkeeper")
    assert canonical(store, joe) != canonical(store, keeper)
    other = save(store, "three", "Uche Nnamdi")
    ada = save(store, "four", "Ada Nnamdi")
    assert canonical(store, other) != canonical(store, ada)  # two full names: rule 3 only
