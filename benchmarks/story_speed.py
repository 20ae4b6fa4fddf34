"""Speed and memory of story clustering, and what clustering costs an ingest.

1. Clustering: N synthetic article profiles (layer rows made up here, no spaCy: entities, places,
   claims, quotes and content words drawn per story from invented vocabularies, stories of 1-12
   articles spread over two years, outlets copying each other) filed one at a time into a
   :class:`~wiresift.stories.cluster.Clusterer`. Prints the time, the peak memory of the process and
   the B³ F1 of the stories against the generated ones. Goals (issue 15): 100,000 articles in
   ≤ 10 minutes, ≤ 2 GB.
2. Ingest: M synthetic analysed documents written to a ``wiresift/1`` JSONL export and stored with
   ``api.import_jsonl`` (the storing half of ``ingest``: transaction per document, near-duplicate
   signatures, entity resolution) with clustering off, then on, each into a fresh database in the
   same process. Prints documents per second and the drop. Goal: ≤ 10 % drop. Without the NLP stages
   this is the worst case: a real ingest spends most of its time in spaCy, which clustering leaves
   alone.

    python benchmarks/story_speed.py [--articles 100000] [--docs 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from score_story_clusters import b_cubed
from wiresift import api
from wiresift.export.jsonl import dumps
from wiresift.model import Claim, Document, Entity, Place, Quote
from wiresift.stories.cluster import Clusterer
from wiresift.stories.profile import ArticleProfile, ClaimKey, QuoteKey, capped_terms

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vos",
    "dar",
    "quel",
    "bri",
    "sun",
    "mor",
    "ela",
    "pax",
    "tir",
    "zon",
]
SITES = [f"outlet-{n}.example" for n in range(40)]
COUNTED = ["people", "troops", "refugees", "drones", "protesters", "vehicles", "villages", "miners"]
START_DAY = 739_000  # a day number in 2024; stories spread over the next two years


def word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


class Topic:
    """One generated story: its names, place, counted thing, words and first day."""

    def __init__(self, n: int, rng: random.Random, general: list[str]) -> None:
        self.n = n
        self.names = [f"{word(rng).title()} {word(rng).title()}" for _ in range(4)]
        self.place = 10_000 + rng.randrange(3000)  # places repeat across stories, as capitals do
        self.counted = rng.choice(COUNTED)
        self.value = float(rng.randrange(10, 20_000))
        self.words = [word(rng, 4) for _ in range(30)]  # 50,000 possible: topics share few words
        self.general = general
        self.day = START_DAY + rng.randrange(730)
        self.size = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 12])
        self.quote = frozenset(rng.sample(self.words, 8))


def _article_words(topic: Topic, rng: random.Random) -> list[str]:
    own = rng.sample(topic.words, 18)
    return own * 2 + rng.sample(topic.general, 60)


def profile(topic: Topic, k: int, rng: random.Random) -> ArticleProfile:
    value = topic.value * rng.uniform(0.9, 1.15)
    return ArticleProfile(
        doc_id=f"t{topic.n}-a{k}",
        day=topic.day + rng.randrange(4),
        site=rng.choice(SITES),
        title=" ".join(rng.sample(topic.words, 6)),
        terms=capped_terms(_article_words(topic, rng)),
        entities=frozenset(f"n:{name.lower()}" for name in rng.sample(topic.names, 3)),
        places=frozenset({topic.place}),
        events=frozenset({rng.choice(["ASSAULT", "PROTEST", "ACCIDENT", "AID"])}),
        claims=(ClaimKey(topic.counted, round(value), None),),
        quotes=(QuoteKey(topic.names[0].lower(), topic.quote),) if rng.random() < 0.5 else (),
        duplicate_of=f"t{topic.n}-a0" if k and rng.random() < 0.15 else None,
    )


def topics(count: int, rng: random.Random) -> list[Topic]:
    general = [word(rng, 3) for _ in range(3000)]
    return [Topic(n, rng, general) for n in range(count)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def bench_clustering(articles: int, seed: int) -> None:
    rng = random.Random(seed)
    made: list[ArticleProfile] = []
    gold: dict[str, str] = {}
    for topic in topics(articles, rng):
        for k in range(topic.size):
            p = profile(topic, k, rng)
            made.append(p)
            gold[p.doc_id] = str(topic.n)
            if len(made) >= articles:
                break
        if len(made) >= articles:
            break
    made.sort(key=lambda p: (p.day or 0, p.doc_id))  # articles arrive roughly in publication order
    before = peak_mb()
    clusterer = Clusterer()
    start = time.perf_counter()
    for n, p in enumerate(made, start=1):
        clusterer.add(p)
        if n % 20_000 == 0:
            print(f"  {n:,} articles filed, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - start
    f1 = b_cubed(clusterer.assignments(), gold)["f1"]
    print(
        f"clustering: {len(made):,} articles into {len(clusterer.stories):,} stories "
        f"({len(set(gold.values())):,} generated) in {elapsed:.1f} s ({len(made) / elapsed:,.0f}/s); "
        f"peak memory {peak_mb():,.0f} MB (before filing {before:,.0f} MB); B³ F1 {f1:.3f}"
    )


def document(topic: Topic, k: int, rng: random.Random) -> Document:
    """An analysed article of ``topic`` with valid spans (names, place, claim and quote in the text)."""
    names = rng.sample(topic.names, 3)
    value = round(topic.value * rng.uniform(0.9, 1.15))
    quote = " ".join(sorted(topic.quote))
    lead = f"{names[0]} met {names[1]} in Placeville {topic.place} as {value} {topic.counted} gathered. "
    said = f'"{quote}", said {names[0]}. '
    body = " ".join(_article_words(topic, rng)) + f". {names[2]} was there."
    text = lead + said + body
    ents = [Entity(id=f"e{i}", name=n, type="PERSON", mentions=[(text.index(n), text.index(n) + len(n))])
            for i, n in enumerate(names)]  # fmt: skip
    pl = f"Placeville {topic.place}"
    claim_text = f"{value} {topic.counted}"
    cs = text.index(claim_text)
    qs = text.index(quote)
    day = topic.day + rng.randrange(4)
    from datetime import date

    return Document(
        id=f"t{topic.n}-a{k}", site=rng.choice(SITES), title=" ".join(rng.sample(topic.words, 6)),
        published=date.fromordinal(day).isoformat(), text=text, entities=ents,
        places=[Place(id="p0", name=pl, geonames_id=topic.place, country="VD",
                      mentions=[(text.index(pl), text.index(pl) + len(pl))])],
        claims=[Claim(id="k0", text=claim_text, start=cs, end=cs + len(claim_text), value=value,
                      counted=topic.counted)],
        quotes=[Quote(id="q0", text=quote, start=qs, end=qs + len(quote), kind="direct", speaker_name=names[0])],
    ).finalize()  # fmt: skip


def bench_ingest(docs: int, seed: int) -> None:
    rng = random.Random(seed)
    made: list[Document] = []
    for topic in topics(docs, rng):
        made += [document(topic, k, rng) for k in range(topic.size)]
        if len(made) >= docs:
            break
    made = sorted(made[:docs], key=lambda d: (d.published or "", d.id))
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "docs.jsonl"
        export.write_text("".join(dumps(d) + "\n" for d in made), encoding="utf-8")
        warm = Path(tmp) / "warm.jsonl"  # imports and caches warmed before either run is timed
        warm.write_text("".join(dumps(d) + "\n" for d in made[:20]), encoding="utf-8")
        api.import_jsonl([warm], db=Path(tmp) / "warm.db", stories=True)
        rates = {}
        for label, on in (("off", False), ("on", True)):
            start = time.perf_counter()
            report = api.import_jsonl([export], db=Path(tmp) / f"{label}.db", stories=on)
            elapsed = time.perf_counter() - start
            rates[label] = (report.ingested + report.near_duplicates) / elapsed
            print(f"ingest (import_jsonl, no NLP), clustering {label}: {len(made):,} documents in {elapsed:.1f} s "
                  f"({rates[label]:,.1f}/s)")  # fmt: skip
        drop = 1 - rates["on"] / rates["off"]
        print(f"ingest throughput drop with clustering on: {drop:.1%} (goal <= 10 %, measured without NLP)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles to cluster")
    parser.add_argument("--docs", type=int, default=2000, help="documents to ingest, clustering off and on")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    bench_clustering(args.articles, args.seed)
    if args.docs:
        bench_ingest(args.docs, args.seed)


if __name__ == "__main__":
    main()
