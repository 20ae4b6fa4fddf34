"""Speed of the STIX export against the JSONL export of the same store, in the same process.

Fills a fresh SQLite store with N synthetic articles shaped like the demo corpus (about 1,500
characters, ten people, ten quotes, five claims, ten places and five dates each; every span valid),
then times ``api.export(store, "stix")`` and ``api.export(store, "jsonl")`` read to the end. JSONL is
the baseline: it only reads and re-serialises the stored records, so the ratio is what building and
validating the STIX objects adds. Goal (issue 17): STIX export of 1,000 documents in ≤ 30 s.

    python benchmarks/export_speed.py [--docs 1000] [--db FILE]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from wiresift import api
from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef, Timex

#: Invented names and places (none from an evaluation corpus).
PEOPLE = ["Arman Duisen", "Lena Sorokina", "Tomas Varga", "Nadia Haddad", "Omar Qadiri", "Irina Petrenko",
          "Samuel Okoye", "Ji-woo Park", "Karim Benali", "Ana Moreau", "Pavel Ilic", "Ruth Mensah"]  # fmt: skip
PLACES = [("Khorog", 37.49, 71.55, "TJ"), ("Almaty", 43.25, 76.92, "KZ"), ("Bishkek", 42.87, 74.59, "KG"),
          ("Odesa", 46.48, 30.73, "UA"), ("Gao", 16.27, -0.04, "ML"), ("Aden", 12.78, 45.04, "YE"),
          ("Herat", 34.35, 62.20, "AF"), ("Mosul", 36.34, 43.13, "IQ")]  # fmt: skip
SITES = ["Steppe Courier", "Harbour Ledger", "Northline Wire", "Meridian Post"]
COUNTED = ["militants", "troops", "refugees", "drones", "protesters", "vehicles"]
#: Sentences per article: each adds a person, a quote and a place; every other one a claim and a date.
SENTENCES = 10


def synthetic(i: int, rng: random.Random) -> Document:
    parts: list[str] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    claims: list[Claim] = []
    timexes: list[Timex] = []
    places: list[Place] = []
    pos = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal pos
        parts.append(piece)
        pos += len(piece)
        return pos - len(piece), pos

    for k in range(1, SENTENCES + 1):
        person = rng.choice(PEOPLE)
        place, lat, lon, cc = rng.choice(PLACES)
        ps = add(person)
        add(" said ")
        if k % 2:
            ts = add("on Monday")
            timexes.append(Timex(text="on Monday", start=ts[0], end=ts[1], type="DATE", value="2025-03-03"))
            add(" that ")
            claim = f"more than {rng.randrange(10, 9000)} {rng.choice(COUNTED)}"
            cs = add(claim)
            claims.append(Claim(id=f"c{k}", text=claim, start=cs[0], end=cs[1], value=float(claim.split()[2]),
                                qualifier="more_than", counted=claim.split()[3], claimant=f"e{k}",
                                claimant_name=person))  # fmt: skip
            add(" had gathered near ")
        else:
            add("the situation near ")
        pl = add(place)
        add('. "')
        qs = add(f"We are watching {place} closely and will report again")
        add('," ')
        he = add("he")
        add(" added. ")
        entities.append(
            Entity(id=f"e{k}", name=person, type="PERSON", titles=["spokesperson"], mentions=[ps])
        )
        quotes.append(Quote(id=f"q{k}", text="".join(parts)[qs[0] : qs[1]], start=qs[0], end=qs[1],
                            kind="direct", cue="added", speaker_mention=SpanRef(start=he[0], end=he[1], text="he"),
                            speaker=f"e{k}", speaker_name=person))  # fmt: skip
        places.append(Place(id=f"p{k}", name=place, lat=lat, lon=lon, country=cc, kind="city", mentions=[pl]))
    add(f"Report {i} ends here.")
    return Document(
        text="".join(parts), title=f"Report {i}", site=rng.choice(SITES), url=f"https://news.invalid/{i}",
        published=f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", entities=entities,
        quotes=quotes, claims=claims, timexes=timexes, places=places,
    ).finalize()  # fmt: skip


def fill(db: Path, count: int) -> float:
    rng = random.Random(17)
    start = time.perf_counter()
    with api.open_store(db) as store:
        for i in range(count):
            store.save(synthetic(i, rng))
    return time.perf_counter() - start


def timed(db: Path, fmt: str) -> tuple[float, float, int]:
    """Wall and CPU seconds to produce the whole export, and its size in characters.

    CPU time is printed too: on a machine shared with other jobs the wall time swings by several times.
    """
    with api.open_store(db) as store:
        start, cpu = time.perf_counter(), time.process_time()
        size = sum(len(chunk) for chunk in api.export(store, fmt))
        return time.perf_counter() - start, time.process_time() - cpu, size


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents (default 1,000)")
    parser.add_argument("--db", type=Path, help="keep the store here; reused when it exists")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="wiresift-export-bench-")) / "bench.db"
    if db.exists():
        print(f"reusing {db}")
    else:
        print(f"filled {args.docs:,} documents in {fill(db, args.docs):.1f}s ({db})")
    with api.open_store(db) as store:
        docs = int(store.stats()["documents"])  # type: ignore[call-overload]
    base, base_cpu, base_size = timed(db, "jsonl")
    stix, stix_cpu, stix_size = timed(db, "stix")
    print(
        f"jsonl export: {base:7.2f}s wall {base_cpu:7.2f}s cpu {docs / base:8.0f} docs/s ({base_size / 1e6:.1f} MB)"
    )
    print(
        f"stix export:  {stix:7.2f}s wall {stix_cpu:7.2f}s cpu {docs / stix:8.0f} docs/s ({stix_size / 1e6:.1f} MB)"
    )
    print(
        f"ratio stix/jsonl time: {stix / base:.1f}x wall, {stix_cpu / base_cpu:.1f}x cpu (goal: 1,000 documents in <= 30 s)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
