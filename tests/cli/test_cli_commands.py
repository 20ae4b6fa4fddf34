"""The ``wiresift`` command line through click's CliRunner: output, exit codes, error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wiresift.cli import cli
from wiresift.model import Claim, Document, Entity, Place, Quote
from wiresift.store import SQLiteStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "store"
TEXT = 'Officials in Termez counted 300 trucks. "The bridge stays open," said Shavkat Mirziyoyev.'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one fully annotated article and one bare one."""
    path = tmp_path / "cli.db"
    q0 = TEXT.index('"The')
    doc = Document(
        text=TEXT, title="Border bridge stays open", site="example", published="2022-02-03",
        entities=[Entity(id="e1", name="Shavkat Mirziyoyev", type="PERSON", titles=["President"],
                         mentions=[(TEXT.index("Shavkat"), len(TEXT) - 1)])],
        quotes=[Quote(id="q1", text=TEXT[q0 : q0 + 26], start=q0, end=q0 + 26, kind="direct", speaker="e1")],
        claims=[Claim(id="c1", text="300 trucks", start=28, end=38, value=300, counted="trucks", place="p1")],
        places=[Place(id="p1", name="Termez", geonames_id=1114927, lat=37.22, lon=67.28, country="UZ",
                      kind="city", mentions=[(13, 19)])],
        stages={"entities": "1", "quotes": "1", "claims": "1", "places": "1"},
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.save(doc)
        store.save(Document(text="Grain exports resumed from Odesa.", title="Grain", published="2022-08-01"))
    return path


def test_ingest_summary_failures_and_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    files = [str(FIXTURES / n) for n in ("csto_drills.txt", "csto_drills_copy.txt", "broken.jsonl")]
    result = runner.invoke(cli, ["ingest", *files, "--db", db, "--only", "extract"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ingested 1, duplicates 0, near-duplicates 1, failed 1"
    [line] = result.stderr.strip().splitlines()  # one line per failure: `source: cause`
    assert line.startswith(f"{FIXTURES / 'broken.jsonl'}:line 1: ") and "JSON" in line
    assert "Traceback" not in result.output
    again = runner.invoke(cli, ["ingest", files[0], "--db", db, "--only", "extract"])
    assert (
        again.exit_code == 0
        and again.stdout.strip() == "ingested 0, duplicates 1, near-duplicates 0, failed 0"
    )
    failed = runner.invoke(cli, ["ingest", files[2], str(tmp_path / "missing.html"), "--db", db])
    assert failed.exit_code == 2
    assert failed.stdout.strip().endswith("failed 2")
    assert len(failed.stderr.strip().splitlines()) == 2


def test_analyze_formats(runner: CliRunner) -> None:
    one = runner.invoke(cli, ["analyze", str(FIXTURES / "baltic_patrols.txt"), "--only", "extract"])
    assert one.exit_code == 0
    record = json.loads(one.stdout)
    assert record["schema"] == "wiresift/1" and "North Atlantic Treaty Organization" in record["text"]
    files = [str(FIXTURES / n) for n in ("baltic_patrols.txt", "sidorov_warning.txt")]
    many = runner.invoke(cli, ["analyze", *files, "--only", "extract"])
    assert [json.loads(line)["source"] for line in many.stdout.splitlines()] == files
    array = runner.invoke(cli, ["analyze", *files, "--only", "extract", "--format", "json"])
    assert len(json.loads(array.stdout)) == 2
    text = runner.invoke(
        cli, ["analyze", files[0], "--only", "extract", "--format", "text", "--published", "2022-05-20"]
    )
    assert text.stdout.startswith("NATO extends Baltic air policing mission") and "2022-05-20" in text.stdout
    bad = runner.invoke(cli, ["analyze", str(FIXTURES / "broken.jsonl"), "--only", "extract"])
    assert bad.exit_code == 2 and bad.stdout == "" and "JSON" in bad.stderr
    usage = runner.invoke(cli, ["analyze", files[0], "--published", "20 May"])
    assert usage.exit_code == 1 and "YYYY-MM-DD" in usage.stderr  # a usage error; 2 means nothing stored


def test_search_show_stats_errors(runner: CliRunner, db: Path) -> None:
    hits = runner.invoke(cli, ["search", "bridge", "--db", str(db)])
    assert hits.exit_code == 0 and "Border bridge stays open" in hits.stdout and "[bridge]" in hits.stdout
    as_json = runner.invoke(cli, ["search", "grain OR bridge", "--db", str(db), "--json", "--limit", "1"])
    assert len(as_json.stdout.splitlines()) == 1 and "id" in json.loads(as_json.stdout)
    doc_id = json.loads(runner.invoke(cli, ["search", "bridge", "--db", str(db), "--json"]).stdout)["id"]
    shown = runner.invoke(cli, ["show", doc_id, "--db", str(db)])
    assert "Shavkat Mirziyoyev (direct)" in shown.stdout and "Termez (city, UZ)" in shown.stdout
    record = json.loads(runner.invoke(cli, ["show", doc_id, "--db", str(db), "--format", "json"]).stdout)
    assert record["id"] == doc_id
    missing = runner.invoke(cli, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no document with id 'nope'" in missing.stderr
    stats = json.loads(runner.invoke(cli, ["stats", "--db", str(db), "--json"]).stdout)
    assert (stats["documents"], stats["quotes"], stats["claims"]) == (2, 1, 1)
    assert "documents: 2" in runner.invoke(cli, ["stats", "--db", str(db)]).stdout
    assert runner.invoke(cli, ["errors", "--db", str(db)]).stderr.strip() == "no errors"


def test_queries(runner: CliRunner, db: Path) -> None:
    quotes = runner.invoke(
        cli, ["quotes", "--speaker", "Mirziyoyev", "--since", "2022-01-01", "--db", str(db)]
    )
    assert "Shavkat Mirziyoyev" in quotes.stdout and '"The bridge stays open,"' in quotes.stdout
    none = runner.invoke(cli, ["quotes", "--since", "2023-01-01", "--db", str(db)])
    assert none.stdout == "" and "no quotes" in none.stderr
    claims = runner.invoke(
        cli, ["claims", "--counted", "truck", "--place", "Termez", "--db", str(db), "--json"]
    )
    row = json.loads(claims.stdout)
    assert (row["value"], row["place_name"]) == (300, "Termez")
    assert runner.invoke(cli, ["claims", "--claimant", "Nobody", "--db", str(db)]).stdout == ""
    places = runner.invoke(cli, ["places", "--country", "uz", "--db", str(db)])
    assert "Termez" in places.stdout and "1 articles" in places.stdout


def test_entities_entity_merge_split(runner: CliRunner, db: Path) -> None:
    with SQLiteStore(db) as store:
        store.save(
            Document(text="Mirziyoyev spoke.", entities=[Entity(id="e1", name="Mirziyoev", type="PERSON")])
        )
    listed = runner.invoke(cli, ["entities", "--type", "person", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["name"] for r in rows) == ["Mirziyoev", "Shavkat Mirziyoyev"]
    ids = sorted(r["id"] for r in rows)
    merged = runner.invoke(cli, ["entities", "merge", *map(str, ids), "--db", str(db)])
    assert merged.exit_code == 0 and merged.stdout.strip() == f"merged into entity {ids[0]}"
    profile = runner.invoke(cli, ["entity", "Shavkat Mirziyoyev", "--db", str(db)])
    assert (
        "also: Mirziyoev" in profile.stdout
        and "merge" in profile.stdout
        and "The bridge stays open" in profile.stdout
    )
    split = runner.invoke(cli, ["entities", "split", str(ids[0]), "Mirziyoev", "--db", str(db)])
    assert split.exit_code == 0 and split.stdout.startswith("split into new entity")
    bad = runner.invoke(cli, ["entities", "split", str(ids[0]), "Nobody", "--db", str(db)])
    assert bad.exit_code == 1 and "has no member 'Nobody'" in bad.stderr
    assert runner.invoke(cli, ["entity", "Nobody", "--db", str(db)]).exit_code == 1


def test_export(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "places.geojson"
    result = runner.invoke(cli, ["export", "--format", "geojson", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0 and not (tmp_path / "places.geojson.part").exists()
    assert json.loads(out.read_text())["features"][0]["properties"]["name"] == "Termez"
    lines = runner.invoke(cli, ["export", "--format", "jsonl", "--query", "grain", "--db", str(db)]).stdout
    assert [json.loads(line)["title"] for line in lines.splitlines()] == ["Grain"]
    dump = tmp_path / "dump.jsonl"
    runner.invoke(cli, ["export", "--format", "jsonl", "--db", str(db), "-o", str(dump)])
    imported = runner.invoke(cli, ["import", str(dump), "--db", str(tmp_path / "copy.db")])
    assert imported.stdout.strip() == "ingested 2, duplicates 0, near-duplicates 0, failed 0"


def test_queries_need_an_existing_database(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(cli, ["stats", "--db", str(missing)])
    assert result.exit_code == 1 and "no such database" in result.stderr and not missing.exists()


def test_entities_subcommands_take_the_groups_db(runner: CliRunner, db: Path) -> None:
    with SQLiteStore(db) as store:
        store.save(Document(text="Another note.", entities=[Entity(id="e1", name="Termez Port", type="ORG")]))
        ids = [str(r.id) for r in store.entities()]
    result = runner.invoke(cli, ["entities", "--db", str(db), "merge", *ids[:2]])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"merged into entity {ids[0]}"


def test_serve_refuses_an_open_bind_without_a_token(runner: CliRunner, db: Path) -> None:
    pytest.importorskip("uvicorn")
    result = runner.invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "--token" in result.stderr and "Traceback" not in result.output
    assert "workbench on" not in result.output  # the refusal comes before any "serving" line


def test_serve_refuses_a_short_token(runner: CliRunner, db: Path) -> None:
    pytest.importorskip("uvicorn")
    result = runner.invoke(cli, ["serve", "--db", str(db), "--token", "abc"])
    assert result.exit_code == 1 and "at least 16" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "workbench on" not in result.output


def test_analyze_json_of_one_document_is_an_object(runner: CliRunner) -> None:
    one = runner.invoke(
        cli, ["analyze", str(FIXTURES / "baltic_patrols.txt"), "--only", "extract", "--format", "json"]
    )
    assert json.loads(one.stdout)["schema"] == "wiresift/1"
    lines = runner.invoke(
        cli, ["analyze", str(FIXTURES / "baltic_patrols.txt"), "--only", "extract", "--format", "jsonl"]
    )
    assert len(lines.stdout.splitlines()) == 1 and json.loads(lines.stdout)["schema"] == "wiresift/1"


def test_ingest_reads_stdin(runner: CliRunner, tmp_path: Path) -> None:
    text = (FIXTURES / "baltic_patrols.txt").read_text(encoding="utf-8")
    db = str(tmp_path / "w.db")
    result = runner.invoke(cli, ["ingest", "-", "--db", db, "--only", "extract"], input=text)
    assert result.exit_code == 0 and result.stdout.startswith("ingested 1,")
    hits = runner.invoke(cli, ["search", "Baltic", "--db", db, "--json"])
    assert json.loads(hits.stdout)["title"] == "NATO extends Baltic air policing mission"


def test_ingest_of_nothing_says_so(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["ingest", str(empty), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "no documents found" in result.stderr


def test_a_missing_model_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-model")
    result = runner.invoke(cli, ["analyze", str(FIXTURES / "baltic_patrols.txt"), "--model", missing])
    assert result.exit_code == 1 and "cannot load spaCy model" in result.stderr
    assert "Traceback" not in result.output


def test_claims_lists_the_sentence_and_source(tmp_path: Path) -> None:
    """`wiresift claims` shows each claim with its date, source and the sentence it sits in."""
    from click.testing import CliRunner

    from wiresift import api as ws
    from wiresift.cli import cli
    from wiresift.model import Claim, Document

    text = "Officials met on Monday. The ministry said 40 drones were shot down overnight. Talks resume soon."
    start = text.index("40 drones")
    doc = Document(
        text=text, published="2026-05-04", source="feeds/wire.xml#entry-3", site="Wire",
        claims=[Claim(id="c1", text="40 drones", start=start, end=start + 9, value=40, counted="drones")],
    ).finalize()  # fmt: skip
    db = tmp_path / "c.db"
    store = ws.open_store(db)
    store.save(doc)
    store.close()
    out = CliRunner().invoke(cli, ["claims", "--counted", "drones", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "2026-05-04" in out.output and "feeds/wire.xml#entry-3" in out.output
    assert "The ministry said 40 drones were shot down overnight." in out.output
    assert "Talks resume" not in out.output
