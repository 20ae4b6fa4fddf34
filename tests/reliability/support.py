"""Helpers of the crash and concurrency tests: tiny invented corpora, subprocesses, store invariants."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[2] / "src"

#: Words for invented dispatches. Random 120-word sequences of them share almost no 5-word shingles,
#: so two stories are never near-duplicates; copies with a short sign-off each are (Jaccard over 0.9).
WORDS = [
    "army",
    "convoy",
    "border",
    "bridge",
    "river",
    "harbour",
    "ferry",
    "patrol",
    "village",
    "district",
    "council",
    "minister",
    "envoy",
    "talks",
    "ceasefire",
    "shelling",
    "drone",
    "airport",
    "railway",
    "depot",
    "fuel",
    "grain",
    "wheat",
    "storm",
    "flood",
    "rescue",
    "police",
    "court",
    "judge",
    "verdict",
    "protest",
    "strike",
    "union",
    "wages",
    "prices",
    "market",
    "bank",
    "loan",
    "budget",
    "tax",
    "customs",
    "cargo",
    "ship",
    "port",
    "coast",
    "island",
    "mountain",
    "pass",
    "road",
    "tunnel",
    "power",
    "plant",
    "grid",
    "outage",
    "water",
    "supply",
    "hospital",
    "school",
    "teacher",
    "election",
    "ballot",
    "party",
    "mayor",
    "governor",
    "region",
    "capital",
    "north",
    "south",
    "east",
    "west",
    "morning",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "weekend",
    "week",
    "month",
    "spring",
    "autumn",
    "winter",
    "summer",
    "officials",
    "said",
    "reported",
    "confirmed",
    "denied",
    "announced",
    "warned",
    "promised",
    "agreed",
    "rejected",
]

#: The layer tables whose rows belong to one document (``doc_id``): none may outlive its document.
LAYER_TABLES = ("entities", "mentions", "quotes", "claims", "timexes", "places", "signatures")


def story(rng: random.Random, words: int = 120) -> str:
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 14))
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        left -= n
    return " ".join(sentences)


def clustered_records(seed: int, clusters: int, copies: int, singles: int) -> list[dict[str, Any]]:
    """JSONL input records: ``clusters`` stories with ``copies`` near-copies each, and ``singles``."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    for c in range(clusters):
        base = story(rng)
        for m in range(copies):
            tail = f" Filed by desk {m}." if m else ""
            records.append({"id": f"c{c}-{m}", "title": f"Story {c}", "text": base + tail, "cluster": c})
    for s in range(singles):
        records.append({"id": f"s{s}", "title": f"Single {s}", "text": story(rng), "cluster": None})
    return records


#: Invented names for the layered records: few, so that entities resolve across documents.
PEOPLE = ("Mirela Dobre", "Petar Ivanov", "Anna Kovalenko", "Elena Rusu")
ORGS = ("Harbour Authority", "Customs Service", "Emergencies Ministry")
PLACES = (("Varna", "BG", 43.21, 27.91), ("Constanta", "RO", 44.18, 28.63), ("Odesa", "UA", 46.48, 30.72))


def layered_records(seed: int, count: int) -> list[dict[str, Any]]:
    """Full ``wiresift/1`` records with every layer (valid spans), as ``export --format jsonl`` writes them."""
    from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef, Timex

    rng = random.Random(seed)
    records = []
    for n in range(count):
        person, org, (place, country, lat, lon) = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
        said = f'"We counted {n + 12} vessels this week," said {person} of the {org}.'
        when = f" The checks in {place} began on 3 May 2024."
        text = story(rng, 40) + " " + said + when
        q0 = text.index(said)
        p0, o0 = text.index(person, q0), text.index(org, q0)
        c0 = text.index(f"{n + 12} vessels")
        t0 = text.index("3 May 2024")
        l0 = text.index(place, q0)
        doc = Document(
            id=f"r{n}", title=f"Record {n}", published="2024-05-04", text=text,
            entities=[
                Entity(id="e1", name=person, type="PERSON", mentions=[(p0, p0 + len(person))]),
                Entity(id="e2", name=org, type="ORG", mentions=[(o0, o0 + len(org))]),
            ],
            quotes=[Quote(id="q1", text=said[1:said.index(",")], start=q0 + 1, end=q0 + said.index(","),
                          kind="direct", cue="said", speaker="e1", speaker_name=person,
                          speaker_mention=SpanRef(start=p0, end=p0 + len(person), text=person))],
            claims=[Claim(id="k1", text=text[c0:c0 + len(f"{n + 12} vessels")], start=c0,
                          end=c0 + len(f"{n + 12} vessels"), value=n + 12, counted="vessels", claimant="e1")],
            timexes=[Timex(text="3 May 2024", start=t0, end=t0 + 10, type="DATE", value="2024-05-03")],
            places=[Place(id="p1", name=place, country=country, lat=lat, lon=lon, kind="city",
                          mentions=[(l0, l0 + len(place))])],
            stages={"entities": "1", "quotes": "1", "claims": "1", "timexes": "1", "places": "1"},
        ).finalize()  # fmt: skip
        assert doc.check_spans() == []
        records.append(doc.to_record())
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps({k: v for k, v in record.items() if k != "cluster"}) + "\n")
    return path


def env() -> dict[str, str]:
    values = {**os.environ, "PYTHONPATH": str(SRC)}
    values.pop("WIRESIFT_DEBUG", None)
    return values


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "wiresift.cli", *map(str, args)]


#: Runs ``wiresift`` (argv after the start time) once the wall clock reaches the start time, so that
#: processes started one by one begin their work at the same instant.
AT_ONCE = """
import sys, time
start = float(sys.argv.pop(1))
from wiresift.cli import main
while time.time() < start:
    time.sleep(0.001)
sys.argv[0] = "wiresift"
main()
"""


def at_once(start: float, *args: str | Path) -> list[str]:
    return [sys.executable, "-c", AT_ONCE, str(start), *map(str, args)]


def spawn(argv: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())


def check_store(db: Path) -> dict[str, int]:
    """The invariants that must hold after any crash: integrity, FTS in step, no orphans, links to roots.

    Returns the row count of each table it checked.
    """
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")  # raises if not
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", *LAYER_TABLES)
        }
        indexed = conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]
        assert indexed == counts["documents"], f"FTS rows {indexed} != documents {counts['documents']}"
        for table in LAYER_TABLES:
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} orphan rows in {table}"
        for table in ("canonical_names", "canonical_titles", "canonical_keys", "canonical_evidence"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE canonical_id NOT IN (SELECT id FROM canonical_entities)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} orphan rows in {table}"
        unresolved = conn.execute(
            "SELECT count(*) FROM entities WHERE canonical_id IS NULL OR canonical_id NOT IN "
            "(SELECT id FROM canonical_entities)"
        ).fetchone()[0]
        assert unresolved == 0, f"{unresolved} entities without their canonical record"
        bad_links = conn.execute(
            "SELECT count(*) FROM documents d LEFT JOIN documents r ON r.id = d.duplicate_of "
            "WHERE d.duplicate_of IS NOT NULL AND (r.id IS NULL OR r.duplicate_of IS NOT NULL)"
        ).fetchone()[0]
        assert bad_links == 0, f"{bad_links} near-duplicate links to a missing or non-root document"
        for doc_id, record in conn.execute("SELECT id, record FROM documents"):  # every layer whole
            layers = json.loads(record)
            for table, key in (("quotes", "quotes"), ("claims", "claims"), ("timexes", "timexes")):
                rows = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
                assert rows == len(layers[key]), (
                    f"{doc_id}: {rows} {table} rows, record has {len(layers[key])}"
                )
        return counts
