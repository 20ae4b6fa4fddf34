"""The Python API: analyze, ingest (dedup, errors, crash safety), queries and exports."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from wiresift import api
from wiresift.model import Document, IngestError, Place
from wiresift.store import SQLiteStore, StoreError

FIXTURES = Path(__file__).parent / "fixtures" / "store"
ARTICLES = ["csto_drills.txt", "sidorov_warning.txt", "baltic_patrols.txt"]


def paths(*names: str) -> list[Path]:
    return [FIXTURES / n for n in names]


def test_analyze_extract_only_keeps_order_and_errors() -> None:
    items = list(api.analyze(paths("csto_drills.txt", "broken.jsonl", "baltic_patrols.txt"), only="extract"))
    assert [type(i) for i in items] == [Document, IngestError, Document]
    first = items[0]
    assert isinstance(first, Document) and first.entities == [] and first.stages == {}
    assert "Collective Security Treaty Organisation" in first.text and first.content_hash


def test_analyze_runs_every_stage() -> None:
    from wiresift.nlp.pipeline import DEFAULT_STAGES

    stages = list(DEFAULT_STAGES)
    [doc] = api.analyze(paths("csto_drills.txt"), published="2022-03-14")
    assert isinstance(doc, Document)
    assert set(doc.stages) == set(stages)
    assert doc.check_spans() == []
    assert doc.published == "2022-03-14"


def test_ingest_counts_duplicates_near_duplicates_and_failures(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    events: list[tuple[str, str]] = []
    inputs = paths(*ARTICLES, "csto_drills_copy.txt", "broken.jsonl")
    report = api.ingest(inputs, db=db, only="extract", progress=lambda e, m: events.append((e, m)))
    assert (report.ingested, report.duplicates, report.near_duplicates, report.failed) == (3, 0, 1, 1)
    assert report.summary() == "ingested 3, duplicates 0, near-duplicates 1, failed 1"
    [line] = report.errors
    assert line.startswith(f"{FIXTURES / 'broken.jsonl'}:line 1: ") and "JSON" in line
    assert ("failed", report.errors[0]) in events and report.exit_code == 0
    again = api.ingest(inputs, db=db, only="extract")  # idempotent: nothing new
    assert (again.ingested, again.duplicates, again.near_duplicates, again.failed) == (0, 4, 0, 1)
    assert again.exit_code == 0
    with api.open_store(db) as store:
        stats = api.stats(store)
        assert (stats["documents"], stats["near_duplicates"]) == (4, 1)
        [err] = api.errors(store)
        assert err.count == 2 and err.stage == "ingest"
        copy = next(d for d in store.documents() if d.source and d.source.endswith("copy.txt"))
        original = next(d for d in store.documents() if d.source and d.source.endswith("csto_drills.txt"))
        assert copy.duplicate_of == original.id


def test_ingest_exit_code_when_everything_fails(tmp_path: Path) -> None:
    report = api.ingest(paths("broken.jsonl"), db=tmp_path / "w.db", only="extract")
    assert report.exit_code == 2 and report.failed == 1


def test_ingest_with_nlp_resolves_entities_across_articles(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    report = api.ingest(paths(*ARTICLES), db=db)
    assert report.ingested == 3
    with api.open_store(db) as store:
        sidorov = api.entity(store, "Sidorov")
        assert sidorov.name == "Anatoly Sidorov"
        assert len({m.doc_id for m in sidorov.members}) == 2
        csto = api.entity(store, "CSTO")
        assert csto.name == "Collective Security Treaty Organisation"
        assert len({m.doc_id for m in csto.members}) == 2
        assert all(store.load(i).check_spans() == [] for i in report.ids)
        with pytest.raises(StoreError, match="no entity"):
            api.entity(store, "Nobody Atall")


def test_jsonl_export_import_round_trip(tmp_path: Path) -> None:
    first = tmp_path / "a.db"
    api.ingest(paths(*ARTICLES, "csto_drills_copy.txt"), db=first, only="extract")
    with api.open_store(first) as store:
        exported = "".join(api.export(store, "jsonl"))
        only_nato = "".join(api.export(store, "jsonl", query="NATO"))
    records = [line for line in exported.splitlines() if '"schema":"wiresift/1"' in line]
    nato = [line for line in only_nato.splitlines() if '"schema":"wiresift/1"' in line]
    assert len(records) == 4 and len(nato) == 1  # then a "wiresift-story/1" line per story (#15)
    assert len(exported.splitlines()) == 4 + len(set(api.story_assignments(first).values()))
    dump = tmp_path / "dump.jsonl"
    dump.write_text(exported, encoding="utf-8")
    second = tmp_path / "b.db"
    report = api.import_jsonl([dump], db=second)
    assert (report.ingested, report.near_duplicates, report.failed) == (3, 1, 0)
    with api.open_store(second) as store:
        assert "".join(api.export(store, "jsonl")) == exported
        # signatures are stored on import too: a near-copy ingested later is still linked (#17)
        assert len(list(store.signatures())) == 4
    copy = tmp_path / "third_copy.txt"
    copy.write_text((FIXTURES / "csto_drills.txt").read_text().replace("until Friday", "until Sunday"))
    near = api.ingest([copy], db=second, only="extract")
    assert (near.ingested, near.near_duplicates) == (0, 1)
    assert api.import_jsonl([dump], db=second).duplicates == 4


def test_import_rejects_input_records(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "1", "text": "plain input line"}\n{"schema": "wiresift/1", "text": 5}\n')
    report = api.import_jsonl([path, tmp_path / "missing.jsonl"], db=tmp_path / "w.db")
    assert report.failed == 2 and report.exit_code == 2  # an article JSONL is one error, not one per line
    assert report.errors[0].startswith(f"{path}: not a wiresift/1 JSONL export (line 1: ")


def test_geojson_export(tmp_path: Path) -> None:
    text = "Shelling hit Kharkiv. Kharkiv and Izium lost power; Atlantis was quiet."
    kharkiv = Place(id="p1", name="Kharkiv", geonames_id=706483, lat=49.98, lon=36.25, country="UA",
                    kind="city", mentions=[(13, 20), (22, 29)])  # fmt: skip
    izium = Place(
        id="p2", name="Izium", geonames_id=707292, lat=49.21, lon=37.26, country="UA", mentions=[(34, 39)]
    )
    nowhere = Place(id="p3", name="Atlantis", mentions=[(51, 59)])
    with api.open_store(tmp_path / "w.db") as store:
        a = store.save(Document(text=text, title="Strikes", places=[kharkiv, izium, nowhere])).id
        b = store.save(
            Document(
                text="Kharkiv again.",
                title="Again",
                places=[kharkiv.model_copy(update={"mentions": [(0, 7)]})],
            )
        ).id
        collection = json.loads("".join(api.export(store, "geojson")))
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]  # unresolved places have no point
    assert first["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    props = first["properties"]
    assert (props["name"], props["mentions"]) == ("Kharkiv", 3)
    assert [(x["id"], x["title"]) for x in props["articles"]] == [(a, "Strikes"), (b, "Again")]
    assert second["properties"]["name"] == "Izium"


def test_unknown_export_format(tmp_path: Path) -> None:
    with api.open_store(tmp_path / "w.db") as store, pytest.raises(StoreError, match="unknown export format"):
        api.export(store, "csv")


KILL_DOCS = 1500


def test_kill_mid_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    """SIGKILL an ingest part-way, run it again: every document is there, once."""
    source = tmp_path / "many.jsonl"
    with source.open("w") as out:
        for i in range(KILL_DOCS):
            body = (
                f"Dispatch {i}: patrol {i * 7} reported {i % 11} crossings near post {i % 13} overnight. " * 3
            )
            out.write(json.dumps({"id": f"n{i}", "text": body}) + "\n")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "wiresift.cli", "ingest", str(source), "--db", str(db), "--only", "extract"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with closing(sqlite3.connect(db)) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue  # the schema is still being created
        if stored >= 50:
            break
    assert proc.poll() is None, "ingest finished before it could be killed: raise KILL_DOCS"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with SQLiteStore(db) as store:
        at_kill = store.stats()["documents"]
        assert isinstance(at_kill, int) and 50 <= at_kill < KILL_DOCS
    report = api.ingest([source], db=db, only="extract")
    assert report.ingested == KILL_DOCS - at_kill and report.duplicates == at_kill
    with SQLiteStore(db) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
        assert sorted(ids) == sorted(f"n{i}" for i in range(KILL_DOCS))
        assert store.conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == KILL_DOCS


def test_a_document_that_cannot_be_stored_is_recorded_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.db"
    store = api.open_store(db)
    real_save = store.save

    def save(doc: Document, **kwargs: object) -> object:
        if doc.source and doc.source.endswith("sidorov_warning.txt"):
            raise RuntimeError("disk says no")
        return real_save(doc, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save", save)
    report = api.ingest(paths(*ARTICLES), db=store, only="extract")
    assert (report.ingested, report.failed) == (2, 1)
    assert report.errors == [f"{FIXTURES / 'sidorov_warning.txt'}: cannot store: RuntimeError: disk says no"]
    [err] = api.errors(store)
    assert err.stage == "store"
    store.close()


def test_two_concurrent_ingests_store_each_document_once(tmp_path: Path) -> None:
    source = tmp_path / "same.jsonl"
    with source.open("w") as out:
        for i in range(300):
            out.write(
                json.dumps({"id": f"s{i}", "text": f"Bulletin {i}: {i * 3} sorties flown from base {i % 7}."})
                + "\n"
            )
    db = tmp_path / "c.db"
    api.open_store(db).close()  # create the schema once, so both writers start on the same file
    cmd = [sys.executable, "-m", "wiresift.cli", "ingest", str(source), "--db", str(db), "--only", "extract"]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    counts = [[int(part.split()[-1]) for part in out.strip().split(", ")] for out, _ in outputs]
    assert [sum(c) for c in zip(*counts, strict=True)] == [
        300,
        300,
        0,
        0,
    ]  # ingested, duplicates, near, failed
    with SQLiteStore(db) as store:
        assert store.stats()["documents"] == 300
        ids = {r[0] for r in store.conn.execute("SELECT id FROM documents")}
        assert ids == {f"s{i}" for i in range(300)}


def test_ingest_keeps_learned_boilerplate_across_runs(tmp_path: Path) -> None:
    """Scraped pages of one site ingested over two runs: the repeated plug is learned and stored."""
    from wiresift import api as ws

    site = tmp_path / "ledger"
    site.mkdir()
    plug = "Get the Morning Brief from the Ledger desk in your inbox every weekday."
    stories = [
        ("Cargo traffic falls at the northern harbour", [
            "Port officials said on Monday that cargo traffic had fallen by a third this winter, blaming insurance costs.",
            "Shipping agents said several lines had moved their calls to the southern terminal, where fees are lower.",
        ]),
        ("Coast guard detains two fishing boats", [
            "The coast guard said two fishing boats were detained overnight near the disputed sandbank in the bay.",
            "Their crews, eleven men in all, were brought ashore for questioning and later released without charge.",
        ]),
        ("Dock workers strike over pay", [
            "Dock workers began a two-day strike over pay on Wednesday, halting the loading of grain ships.",
            "The union says wages have not kept pace with prices and wants a rise of fifteen percent.",
        ]),
        ("New ferry line to open in spring", [
            "A new ferry line between the two ports will open in the spring, the transport ministry announced.",
            "Local traders welcomed the plan but said the ticket prices announced so far were too high.",
        ]),
    ]  # fmt: skip
    for i, (title, paras) in enumerate(stories):
        text = (
            "Harbour Ledger\n\nHome | Ports | Energy\n\n"
            + title
            + "\n\n"
            + "\n\n".join(paras)
            + f"\n\n{plug}\n"
        )
        (site / f"page{i}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "b.db"
    ws.ingest([site / "page0.txt", site / "page1.txt"], db=db, only="extract")
    ws.ingest([site / "page2.txt", site / "page3.txt"], db=db, only="extract")
    store = ws.open_store(db)
    saved = store.get_state(ws.BOILERPLATE_STATE)
    assert isinstance(saved, dict) and len(saved["observed"]) == 4
    texts = {d.title: d.text for d in store.documents()}
    store.close()
    assert plug in texts["Cargo traffic falls at the northern harbour"]  # seen on 1-2 pages: not yet learned
    assert plug not in texts["New ferry line to open in spring"]  # the fourth page: learned across runs
    assert "ticket prices" in texts["New ferry line to open in spring"]
