"""Dedup: exact copies skipped, syndicated near-copies linked, signatures survive a round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.ingest.dedup import NEAR_THRESHOLD, Deduplicator, DedupResult, dedupe, shingles
from wiresift.model import Document, IngestError

STORY = """Tanker loading at the oil terminal in Aktau was suspended on Thursday after a fire destroyed a
pumping unit late on Wednesday, and investigators said they had not ruled out sabotage. The fire broke out
shortly before midnight and was put out about four hours later, according to the regional emergencies
department. No one was hurt. Two storage tanks holding some 1.2 million barrels of crude were not damaged.
Energy Minister Yerlan Sadykov said repairs could take up to ten days. "The terminal will not load a single
tanker until we are sure the equipment is safe," he told a briefing on Thursday. Sadykov said exports would
be shifted temporarily to the pipeline through Atyrau, but he acknowledged that the route had very little
spare capacity. Gulnara Abenova, who runs the port authority, said at least three tankers bound for Baku
were waiting at anchor. She said each day of delay cost shippers about $250,000 in demurrage. Police said
they were examining footage from security cameras after a guard reported seeing two men near the unit."""

# The same event in another outlet's own words: shared names and numbers, different sentences.
REWRITE = """A blaze at a pumping unit has stopped tankers from loading at Kazakhstan's Caspian port of Aktau,
officials said, adding that sabotage could not be excluded. Firefighters needed roughly four hours to bring
the fire under control overnight. The energy minister, Yerlan Sadykov, expects repairs to last as long as ten
days, and some crude will be diverted to the Atyrau pipeline in the meantime. Three tankers heading for Baku
are stuck at anchor, according to the head of the port authority, Gulnara Abenova, who put the daily cost of
the delay at around $250,000. Police are studying camera footage after a guard saw two men near the site."""


def doc(text: str, ident: str | None = None) -> Document:
    return Document(text=text, id=ident or "").finalize()


def syndicated(text: str) -> str:
    return (
        "Caspian exports hit as blaze shuts Aktau terminal\n\n"
        + text
        + "\n\nThis article was first published by Steppe Courier and is republished under a content-sharing agreement."
    )


def test_shingles() -> None:
    assert shingles("One two three four five six") == {"one two three four five", "two three four five six"}
    assert shingles("Too short") == {"too short"}
    assert shingles("  ,. ") == set()


def test_exact_duplicate_ignores_whitespace() -> None:
    d = Deduplicator()
    first = doc(STORY, "a")
    assert d.check(first) == DedupResult("new")
    d.add(first)
    assert d.check(doc("  " + STORY.replace("\n", " ") + "\n", "b")) == DedupResult("exact", "a")


def test_syndicated_copy_is_near() -> None:
    d = Deduplicator()
    d.add(doc(STORY, "orig"))
    assert d.check(doc(syndicated(STORY), "copy")) == DedupResult("near", "orig")


def test_trimmed_copy_is_near() -> None:
    d = Deduplicator()
    d.add(doc(STORY, "orig"))
    trimmed = STORY.rsplit("Police said", 1)[0]  # the last sentence dropped by the republisher
    assert d.check(doc(trimmed, "trim")).kind == "near"


def test_same_event_in_other_words_is_new() -> None:
    d = Deduplicator()
    d.add(doc(STORY, "orig"))
    assert d.check(doc(REWRITE, "rewrite")) == DedupResult("new")


def test_threshold_separates_light_and_heavy_edits() -> None:
    words = STORY.split()
    light = " ".join(w if i % 60 else w.upper() + "x" for i, w in enumerate(words))  # about 1 word in 60
    heavy = " ".join(w if i % 4 else "changed" for i, w in enumerate(words))  # every 4th word replaced
    d = Deduplicator()
    d.add(doc(STORY, "orig"))
    assert d.check(doc(light)).kind == "near"
    assert d.check(doc(heavy)).kind == "new"


def test_near_copies_link_to_the_first_document() -> None:
    items = list(
        dedupe(
            [
                doc(STORY, "first"),
                doc(syndicated(STORY), "second"),
                doc(syndicated(STORY) + " Extra line.", "third"),
            ]
        )
    )
    assert [(i.id, i.duplicate_of) for i in items if isinstance(i, Document)] == [
        ("first", None),
        ("second", "first"),
        ("third", "first"),
    ]


def test_dedupe_skips_exact_and_passes_errors_through() -> None:
    err = IngestError(source="x.html", cause="empty file (0 bytes)")
    items = list(dedupe([doc(STORY, "a"), err, doc(STORY + "  ", "b"), doc(REWRITE, "c")]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]


def test_empty_body_only_matches_exactly() -> None:
    d = Deduplicator()
    d.add(doc("", "empty"))
    assert d.check(doc("", "again")) == DedupResult("exact", "empty")
    assert d.check(doc(STORY)) == DedupResult("new")


def test_signatures_rebuild_the_index() -> None:
    d = Deduplicator()
    originals = [doc(STORY, "orig"), doc(REWRITE, "other"), doc("", "blank")]
    stored = [(o.id, d.signature(o)) for o in originals]
    assert all(isinstance(sig, bytes) for _, sig in stored)
    rebuilt = Deduplicator.from_signatures(stored)
    assert len(rebuilt) == 3
    assert rebuilt.check(doc(STORY + " ")) == DedupResult("exact", "orig")
    assert rebuilt.check(doc(syndicated(STORY))) == DedupResult("near", "orig")
    assert rebuilt.check(doc(syndicated(REWRITE))) == DedupResult("near", "other")
    assert rebuilt.check(doc("")) == DedupResult("exact", "blank")
    assert rebuilt.threshold == NEAR_THRESHOLD


def test_from_signatures_keeps_roots() -> None:
    d = Deduplicator()
    copy = doc(syndicated(STORY), "copy")
    rebuilt = Deduplicator.from_signatures([("copy", d.signature(copy))], roots={"copy": "orig"})
    assert rebuilt.check(doc(syndicated(STORY) + " More.")) == DedupResult("near", "orig")


def test_signature_is_stable_across_instances() -> None:
    assert Deduplicator().signature(doc(STORY)) == Deduplicator().signature(doc(STORY))


@pytest.mark.parametrize("bad", [b"", b"nope" + b"\x00" * 40, Deduplicator().signature(doc(STORY))[:-3]])
def test_bad_signatures_raise(bad: bytes) -> None:
    with pytest.raises(ValueError):
        Deduplicator.from_signatures([("x", bad)])


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.characters(categories=["L", "Nd", "Zs", "P"]), max_size=400))
def test_signature_round_trip_property(text: str) -> None:
    original = doc(text, "orig")
    rebuilt = Deduplicator.from_signatures([("orig", Deduplicator().signature(original))])
    assert rebuilt.check(doc(text + " ")) == DedupResult("exact", "orig")
    if shingles(text):
        assert rebuilt._minhashes["orig"].jaccard(Deduplicator()._minhash(original)) == 1.0  # type: ignore[union-attr]


def test_a_remembered_signature_spares_hashing_the_body_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from wiresift.ingest import dedup as module

    body = "The ferry to Tamsin left at noon with 40 passengers and a cargo of grain for the mill."
    first = Document(text=body + " It returned at dusk.").finalize()
    near = Document(text=body + " It returned at dawn.").finalize()
    made_elsewhere = Deduplicator().signature(near)
    index = Deduplicator()
    index.add(first)
    monkeypatch.setattr(module, "minhash", lambda *args, **kwargs: pytest.fail("the body was hashed again"))
    index.remember(made_elsewhere)
    assert index.signature(near) == made_elsewhere
    assert index.check(near).kind == "near"
