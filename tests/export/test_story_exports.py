"""Stories and tracked claims in the JSONL, CSV and STIX exports (invented multi-outlet articles)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.stories.story_corpus import documents

from wiresift import api
from wiresift.store.sqlite import SQLiteStore
from wiresift.stories.service import StoryBuilder


@pytest.fixture()
def store() -> SQLiteStore:
    s = SQLiteStore(":memory:")
    builder = StoryBuilder(s)
    for d in documents():
        s.save(d)
        builder.add(d)
    builder.finish()
    return s


def test_jsonl_has_story_lines_after_documents_and_import_skips_them(
    store: SQLiteStore, tmp_path: Path
) -> None:
    lines = [json.loads(x) for x in "".join(api.export(store, "jsonl")).splitlines()]
    schemas = [x["schema"] for x in lines]
    assert schemas == ["wiresift/1"] * 9 + ["wiresift-story/1"] * 3
    flood = next(x for x in lines if x["schema"] == "wiresift-story/1" and x["story"]["articles"] == 4)
    people = next(k for k in flood["claims"] if k["counted"] == "people")
    assert [m["label"] for m in people["mentions"]] == ["independent", "copied", "independent"]
    only = [json.loads(x) for x in "".join(api.export(store, "jsonl", query="Brellin")).splitlines()]
    assert [x["story"]["articles"] for x in only if x["schema"] == "wiresift-story/1"] == [3]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(api.export(store, "jsonl")), encoding="utf-8")
    report = api.import_jsonl([path], db=tmp_path / "copy.db")
    assert report.ingested + report.near_duplicates == 9 and report.failed == 0
    assert len(set(api.story_assignments(tmp_path / "copy.db").values())) == 3


def test_csv_writes_story_tables(store: SQLiteStore, tmp_path: Path) -> None:
    paths = api.export_tables(store, tmp_path / "out")
    names = {p.name for p in paths}
    assert {"stories.csv", "story_articles.csv", "tracked_claims.csv", "tracked_quotes.csv"} <= names
    with open(tmp_path / "out" / "tracked_claims.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    people = [r for r in rows if r["counted"] == "people"]
    assert [(r["site"], r["label"], r["first_seen"]) for r in people] == [
        ("valdoria-herald.example", "independent", "True"),
        ("coastline-post.example", "copied", "False"),
        ("daily-ledger.example", "independent", "False"),
    ]
    with open(tmp_path / "out" / "story_articles.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 9


def test_stix_groups_articles_in_story_reports(store: SQLiteStore) -> None:
    stix2 = pytest.importorskip("stix2")
    bundle = stix2.parse("".join(api.export(store, "stix")), allow_custom=True)
    reports = [o for o in bundle.objects if o.type == "report" and "x_wiresift_story_id" in o]
    assert sorted(len([r for r in o.object_refs if r.startswith("report--")]) for o in reports) == [2, 3, 4]
    ids = {o.id for o in bundle.objects}
    assert all(ref in ids for o in reports for ref in o.object_refs)
    tracked = [o for o in bundle.objects if o.type == "note" and "x_wiresift_tracked_claim" in o]
    assert {n.abstract for n in tracked} == {"tracked claim: people", "tracked claim: miners"}
