"""Cross-document entity resolution: the rules, their evidence, merge and split."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.identity.names import (
    acronym_of,
    given_compatible,
    is_acronym,
    matching_orgs,
    normalise,
    person_parts,
)
from wiresift.model import Document, Entity
from wiresift.store import SQLiteStore, StoreError
from wiresift.store.postgres import PostgresStore


def doc(text: str, *entities: Entity) -> Document:
    return Document(text=text, entities=list(entities)).finalize()


def person(eid: str, name: str, *titles: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=eid, name=name, type="PERSON", titles=list(titles), aliases=list(aliases))


def org(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, name=name, type="ORG", aliases=list(aliases))


def test_names() -> None:
    assert (
        normalise("The Collective Security Treaty Organisation's")
        == "collective security treaty organization"
    )
    assert normalise("Kassym-Jomart  Tokáyev") == "kassym jomart tokayev"
    assert acronym_of("Collective Security Treaty Organisation") == "CSTO"
    assert acronym_of("the Shanghai Cooperation Organisation") == "SCO"
    assert acronym_of("United States") == "US" and acronym_of("Joint Staff", min_letters=3) is None
    assert normalise("U.S.") == normalise("US") == "us"
    assert is_acronym("CSTO") and is_acronym("U.N.") and not is_acronym("Nato") and not is_acronym("A")
    assert person_parts("Gen. Anatoly Sidorov Jr.") == (["anatoly"], "sidorov")
    assert given_compatible(["anatoly"], ["a"]) and not given_compatible(["anatoly"], ["sergei"])
    assert matching_orgs(
        ["head of the CSTO Joint Staff"], ["Chief of the Collective Security Treaty Organisation"]
    ) == ["CSTO"]


BackendStore = SQLiteStore | PostgresStore


@pytest.fixture
def store(any_store: BackendStore) -> BackendStore:
    """The resolution tests run against the SQLite and the PostgreSQL store."""
    return any_store


def canonical_of(store: BackendStore, doc_id: str, entity_id: str) -> int:
    rows = store.sql.rows(
        "SELECT canonical_id FROM entities WHERE doc_id = ? AND id = ?", (doc_id, entity_id)
    )
    return int(rows[0][0])


def test_acronym_and_long_form_meet(store: BackendStore) -> None:
    a = store.save(doc("one", org("o1", "Collective Security Treaty Organisation"))).id
    b = store.save(doc("two", org("o1", "CSTO"))).id
    c = store.save(doc("three", org("o1", "the Collective Security Treaty Organization"))).id
    assert canonical_of(store, a, "o1") == canonical_of(store, b, "o1") == canonical_of(store, c, "o1")
    profile = store.entity("CSTO")
    assert profile is not None and profile.name == "Collective Security Treaty Organisation"
    assert [e.rule for e in profile.evidence] == ["new", "acronym", "name"]
    assert profile.evidence[1].matched_names == ["CSTO"]


def test_acronyms_of_two_long_forms_do_not_merge(store: BackendStore) -> None:
    a = store.save(doc("one", org("o1", "Security Treaty Council"))).id
    b = store.save(doc("two", org("o1", "Southern Trade Coalition"))).id
    assert canonical_of(store, a, "o1") != canonical_of(store, b, "o1")
    # Nor through an acronym: "DHS" joins the first department, the second long form stays apart.
    c = store.save(doc("three", org("o1", "Department of Health Services"))).id
    d = store.save(doc("four", org("o1", "DHS"))).id
    e = store.save(doc("five", org("o1", "Department of Homeland Security"))).id
    assert canonical_of(store, c, "o1") == canonical_of(store, d, "o1") != canonical_of(store, e, "o1")


def test_dotted_and_plain_acronyms_and_two_letter_long_forms(store: BackendStore) -> None:
    us = Entity(id="g", name="U.S.", type="GPE")
    a = store.save(doc("one", us)).id
    b = store.save(doc("two", us.model_copy(update={"name": "US"}))).id
    c = store.save(doc("three", us.model_copy(update={"name": "the United States"}))).id
    assert canonical_of(store, a, "g") == canonical_of(store, b, "g") == canonical_of(store, c, "g")
    assert store.entity("US").name == "United States"  # type: ignore[union-attr]


def test_display_name_drops_possessives(store: BackendStore) -> None:
    store.save(doc("one", person("p", "Mason Rudolph's")))
    store.save(doc("two", person("p", "Mason Rudolph’s")))
    assert [r.name for r in store.entities()] == ["Mason Rudolph"]


def test_surname_needs_a_matching_title_or_organisation(store: BackendStore) -> None:
    full = store.save(
        doc("a", person("p1", "Anatoly Sidorov", "Colonel-General", "Chief of the Joint Staff of the CSTO"))
    )
    by_title = store.save(doc("b", person("p1", "Sidorov", "General")))
    by_org = store.save(
        doc("c", person("p1", "Sidorov", "head of the Collective Security Treaty Organisation staff"))
    )
    unbacked = store.save(doc("d", person("p1", "Sidorov", "goalkeeper")))
    other_first = store.save(doc("e", person("p1", "Sergei Sidorov", "General")))
    anatoly = canonical_of(store, full.id, "p1")
    assert canonical_of(store, by_title.id, "p1") == anatoly
    assert canonical_of(store, by_org.id, "p1") == anatoly
    assert canonical_of(store, unbacked.id, "p1") != anatoly
    assert canonical_of(store, other_first.id, "p1") != anatoly
    profile = store.entity(str(anatoly))
    assert profile is not None
    rules = {e.doc_id: (e.rule, e.matched_titles) for e in profile.evidence}
    assert rules[by_title.id] == ("surname+title", ["General"])
    assert rules[by_org.id][0] == "surname+org"
    assert profile.name == "Anatoly Sidorov" and "Sidorov" in profile.aliases


def test_same_full_name_merges_without_titles(store: BackendStore) -> None:
    a = store.save(doc("a", person("p1", "Jens Stoltenberg"))).id
    b = store.save(doc("b", person("p9", "Jens Stoltenberg's"))).id
    assert canonical_of(store, a, "p1") == canonical_of(store, b, "p9")


def test_types_do_not_mix_and_values_are_not_resolved(store: BackendStore) -> None:
    store.save(
        doc("a", Entity(id="x", name="Georgia", type="GPE"), Entity(id="n", name="5,000", type="CARDINAL"))
    )
    store.save(doc("b", person("x", "Georgia Meloni")))
    assert sorted(r.type for r in store.entities()) == ["GPE", "PERSON"]


def test_merge_and_split(store: BackendStore) -> None:
    a = store.save(doc("a", person("p1", "Sergei Shoigu", "defence minister"))).id
    b = store.save(doc("b", person("p1", "Sergey Shoygu", "defence minister"))).id  # transliteration
    one, two = canonical_of(store, a, "p1"), canonical_of(store, b, "p1")
    assert one != two
    assert store.merge_entities([one, two]) == one
    profile = store.entity("Sergey Shoygu")
    assert profile is not None and profile.id == one and {m.doc_id for m in profile.members} == {a, b}
    assert profile.evidence[-1].rule == "merge" and profile.evidence[-1].matched_names == ["Sergey Shoygu"]
    new = store.split_entity(one, [(b, "p1")])
    assert canonical_of(store, b, "p1") == new and canonical_of(store, a, "p1") == one
    assert store.entity("Sergey Shoygu").id == new  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="nothing would remain"):
        store.split_entity(new, [(b, "p1")])
    with pytest.raises(StoreError, match="no entity"):
        store.merge_entities([one, 999])


NAMES = ["Anatoly Sidorov", "Sidorov", "A. Sidorov", "Sergei Sidorov", "CSTO", "C.S.T.O.",
         "Collective Security Treaty Organisation", "the Collective Security Treaty Organization's", "NATO"]  # fmt: skip
TITLES = ["General", "Colonel-General", "head of the CSTO Joint Staff", "spokesman"]


@st.composite
def entity_docs(draw: st.DrawFn) -> Document:
    ents = [
        Entity(
            id=f"e{i}", name=draw(st.sampled_from(NAMES)), type=draw(st.sampled_from(["PERSON", "ORG"])),
            titles=draw(st.lists(st.sampled_from(TITLES), max_size=2, unique=True)),
            aliases=draw(st.lists(st.sampled_from(NAMES), max_size=1)),
        )
        for i in range(draw(st.integers(1, 4)))
    ]  # fmt: skip
    return doc(draw(st.text(min_size=1, max_size=30)), *ents)


def snapshot(store: BackendStore, cid: int) -> tuple[object, ...]:
    q = store.sql.rows
    return (
        q("SELECT name, members FROM canonical_entities WHERE id = ?", (cid,))[0],
        sorted(q("SELECT name, count, first_seen FROM canonical_names WHERE canonical_id = ?", (cid,))),
        sorted(q("SELECT title FROM canonical_titles WHERE canonical_id = ?", (cid,))),
        sorted(q("SELECT key FROM canonical_keys WHERE canonical_id = ?", (cid,))),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entity_docs(), min_size=1, max_size=6))
def test_incremental_summaries_equal_a_rebuild(docs: list[Document]) -> None:
    """What ``save`` maintains step by step is what recomputing from the members gives."""
    with SQLiteStore(":memory:") as store:
        check_summaries(store, docs)


def check_summaries(store: BackendStore, docs: list[Document]) -> None:
    for d in docs:
        store.save(d)
    unattached = store.sql.rows("SELECT count(*) FROM entities WHERE canonical_id IS NULL")[0]
    assert unattached == (0,)
    for (cid,) in store.sql.rows("SELECT id FROM canonical_entities"):
        before = snapshot(store, cid)
        store.resolver.rebuild(cid)
        assert snapshot(store, cid) == before
    members = store.sql.rows("SELECT sum(members) FROM canonical_entities")[0][0]
    assert members == store.sql.rows("SELECT count(*) FROM entities")[0][0]


def test_incremental_summaries_equal_a_rebuild_on_postgres(pg_url: str) -> None:
    """The same property on PostgreSQL: one database, emptied between examples (fewer, as each is slower)."""
    with PostgresStore(pg_url) as store:

        @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(st.lists(entity_docs(), min_size=1, max_size=6))
        def check(docs: list[Document]) -> None:
            store.conn.execute("TRUNCATE documents, canonical_entities RESTART IDENTITY CASCADE")
            check_summaries(store, [d.model_copy(deep=True) for d in docs])

        check()
