"""STIX 2.1 and FollowTheMoney exports parse back with their own libraries."""

from __future__ import annotations

import json

import stix2
from followthemoney import model

from wiresift.export import ftm, stix
from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef

TEXT = (
    "Defence Minister Arman Duisen said on Thursday that nearly 6,000 fighters had gathered near the "
    'border. "We are ready," he said in Astana.'
)


def make_doc() -> Document:
    def span(s: str) -> tuple[int, int]:
        i = TEXT.index(s)
        return i, i + len(s)

    q_start, q_end = span('"We are ready,"')
    c_start, c_end = span("nearly 6,000 fighters")
    h_start, h_end = span("he")
    doc = Document(
        text=TEXT,
        title="Fighters mass near the border",
        site="Steppe Courier",
        url="https://steppe.example/border",
        published="2026-03-12",
        entities=[
            Entity(
                id="e1",
                name="Arman Duisen",
                type="PERSON",
                titles=["Defence Minister"],
                mentions=[span("Arman Duisen")],
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text=TEXT[q_start:q_end],
                start=q_start,
                end=q_end,
                kind="direct",
                cue="said",
                speaker_mention=SpanRef(start=h_start, end=h_end, text="he"),
                speaker="e1",
                speaker_name="Arman Duisen",
            )
        ],
        claims=[
            Claim(
                id="c1",
                text=TEXT[c_start:c_end],
                start=c_start,
                end=c_end,
                value=6000,
                qualifier="nearly",
                counted="fighters",
                claimant="e1",
                claimant_name="Arman Duisen",
            ),
        ],
        places=[
            Place(
                id="p1",
                name="Astana",
                geonames_id=1526273,
                lat=51.18,
                lon=71.45,
                country="KZ",
                kind="city",
                mentions=[span("Astana")],
            )
        ],
    ).finalize()
    assert doc.check_spans() == []
    return doc


def test_stix_bundle_parses_with_stix2() -> None:
    text = stix.dumps([make_doc()])
    bundle = stix2.parse(text, allow_custom=True)
    types = sorted(o.type for o in bundle.objects)
    assert types.count("note") == 2
    assert {"report", "identity", "location", "extension-definition"} <= set(types)
    report = next(o for o in bundle.objects if o.type == "report")
    assert str(report.published).startswith("2026-03-12")
    quote_note = next(o for o in bundle.objects if o.type == "note" and o.content.startswith('"We'))
    assert quote_note.authors == ["Arman Duisen"]
    claim_note = next(o for o in bundle.objects if o.type == "note" and o.content.startswith("nearly"))
    ext = claim_note.extensions[stix.CLAIM_EXTENSION_ID]
    assert ext["value"] == 6000 and ext["counted"] == "fighters"


def test_stix_ids_are_stable() -> None:
    def ids() -> list[str]:
        bundle = stix2.parse(stix.dumps([make_doc()]), allow_custom=True)
        return [bundle.id, *(o.id for o in bundle.objects)]

    assert ids() == ids()


def test_ftm_entities_validate() -> None:
    rows = [json.loads(line) for line in ftm.dumps([make_doc()]).splitlines()]
    schemata = [r["schema"] for r in rows]
    assert schemata.count("Article") == 1 and "Person" in schemata and "Mention" in schemata
    assert schemata.count("Note") == 2
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)
        assert proxy.id == row["id"]
    person = next(r for r in rows if r["schema"] == "Person")
    assert person["properties"]["position"] == ["Defence Minister"]


def test_csv_tables_round_trip_with_csv_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv as csvmod

    from wiresift.export.csv import TABLES, write_tables

    doc = make_doc()
    paths = write_tables([doc], tmp_path)
    assert sorted(p.stem for p in paths) == sorted(TABLES)
    read = {p.stem: list(csvmod.DictReader(p.open(encoding="utf-8"))) for p in paths}
    assert read["documents"][0]["id"] == doc.id
    quote = read["quotes"][0]
    assert doc.text[int(quote["start"]) : int(quote["end"])] == quote["text"]
    assert quote["speaker_mention"] == "he"
    claim = read["claims"][0]
    assert float(claim["value"]) == 6000 and claim["counted"] == "fighters"
    assert read["places"][0]["country"] == "KZ"
    assert read["entities"][0]["titles"] == "Defence Minister"


def test_cli_exports_every_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import stix2 as stix2mod
    from click.testing import CliRunner

    from wiresift import api
    from wiresift.cli import cli

    db = tmp_path / "x.db"
    store = api.open_store(db)
    store.save(make_doc())
    store.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["export", "--format", "csv", "--db", str(db), "-o", str(tmp_path / "tables")])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "tables" / "quotes.csv").read_text(encoding="utf-8").count("\n") == 2
    out = runner.invoke(cli, ["export", "--format", "csv", "--db", str(db)])
    assert out.exit_code != 0 and "-o DIR" in out.output
    out = runner.invoke(cli, ["export", "--format", "stix", "--db", str(db)])
    assert out.exit_code == 0
    assert stix2mod.parse(out.output, allow_custom=True).type == "bundle"
    out = runner.invoke(cli, ["export", "--format", "ftm", "--db", str(db)])
    assert out.exit_code == 0
    assert {json.loads(line)["schema"] for line in out.output.splitlines()} >= {"Article", "Person", "Note"}
