"""Score story clustering and claim tracking on the demo corpus against ``eval/gold/stories/demo.json``.

Usage: ``python eval/score_demo_stories.py``. Prints one JSON object.

``examples/`` is ingested into a temporary store (stories on, as ``make demo`` does); documents are
named in the gold by their source path under ``examples/corpus/``.

- **Clustering**: B³ precision, recall and F1 of ``wiresift.api.story_assignments`` against the
  gold stories (:func:`score_story_clusters.b_cubed`).
- **Tracked claims**: each gold tracked claim (one claimant's number for one counted thing, across a
  story's articles), in the gold's order, is matched to the system's tracked claim not matched yet
  that holds most of its mentions, a mention being an article and a value (values within 10 %
  match, for "dozens" and the like); of two system claims that hold as many, the one whose values
  lie closer to the gold's.
  ``claims_found`` is the share of gold tracked claims whose match holds at least two of its
  mentions; ``mention_precision`` and ``mention_recall`` compare the matched claims' mentions with
  the gold's; ``labels`` is the share of matched mentions whose ``copied``/``independent`` label is
  the gold's; ``first_seen`` the share of matched claims whose first article is the gold's first.
  ``spurious_claims`` counts the system's tracked claims in the gold stories that match no gold one.
- **Tracked quotes**: a gold tracked quote is found when one system tracked quote holds all its
  articles; ``quote_labels`` is the share of those articles labelled as in the gold.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from score_story_clusters import b_cubed

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).parent / "gold" / "stories" / "demo.json"
VALUE_TOLERANCE = 0.10

Mention = tuple[str, float]


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b), 1.0)


def _gap(a: float | None, b: float) -> float:
    """How far a matched system value lies from the gold one (ties between matches go to the closer)."""
    return abs((a or 0.0) - b) / max(abs(a or 0.0), abs(b), 1.0)


def _overlap(system: Sequence[tuple[str, float | None]], gold: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs (system index, gold index) of matching mentions, each used once, in order."""
    used: set[int] = set()
    pairs = []
    for gi, (gdoc, gvalue) in enumerate(gold):
        for si, (sdoc, svalue) in enumerate(system):
            if si not in used and sdoc == gdoc and _close(svalue, gvalue):
                used.add(si)
                pairs.append((si, gi))
                break
    return pairs


def score(
    assignments: Mapping[str, str],
    tracked: Sequence[Any],
    quotes: Sequence[Any],
    doc_of: Mapping[str, str],
    gold: Mapping[str, Any],
) -> dict[str, float]:
    """The scores of one run: ``doc_of`` maps a gold source to its document id."""
    gold_story = {doc_of[src]: key for key, sources in gold["stories"].items() for src in sources}
    out: dict[str, float] = {f"b3_{k}": v for k, v in b_cubed(assignments, gold_story).items()}
    gold_docs = set(gold_story)
    candidates = [t for t in tracked if any(m.doc_id in gold_docs for m in t.mentions)]
    matched_ids: set[str] = set()
    found = tp = n_system = n_gold = right_labels = labelled = first_right = 0
    for claim in gold["tracked_claims"]:
        want = [(doc_of[m["source"]], float(m["value"])) for m in claim["mentions"]]
        labels = [m["label"] for m in claim["mentions"]]
        n_gold += len(want)
        best, best_pairs, best_gap = None, [], 0.0
        for t in candidates:
            if t.id in matched_ids:
                continue  # one system claim answers one gold claim
            pairs = _overlap([(m.doc_id, m.value) for m in t.mentions], want)
            gap = sum(_gap(t.mentions[si].value, want[gi][1]) for si, gi in pairs)
            if len(pairs) > len(best_pairs) or (pairs and len(pairs) == len(best_pairs) and gap < best_gap):
                best, best_pairs, best_gap = t, pairs, gap
        if best is None or len(best_pairs) < 2:
            continue
        found += 1
        matched_ids.add(best.id)
        tp += len(best_pairs)
        n_system += len(best.mentions)
        for si, gi in best_pairs:
            labelled += 1
            right_labels += best.mentions[si].label == labels[gi]
        first_right += best.first_doc_id == want[0][0]
    out["claims_found"] = round(found / len(gold["tracked_claims"]), 4)
    out["mention_precision"] = round(tp / n_system, 4) if n_system else 0.0
    out["mention_recall"] = round(tp / n_gold, 4) if n_gold else 0.0
    out["labels"] = round(right_labels / labelled, 4) if labelled else 0.0
    out["first_seen"] = round(first_right / found, 4) if found else 0.0
    out["spurious_claims"] = sum(1 for t in candidates if t.id not in matched_ids)
    q_found = q_right = q_total = 0
    for quote in gold["tracked_quotes"]:
        docs = [doc_of[s] for s in quote["sources"]]
        for t in quotes:
            by_doc = {m.doc_id: m.label for m in t.mentions}
            if all(d in by_doc for d in docs):
                q_found += 1
                q_total += len(docs)
                q_right += sum(by_doc[d] == label for d, label in zip(docs, quote["labels"], strict=True))
                break
    out["quotes_found"] = round(q_found / len(gold["tracked_quotes"]), 4)
    out["quote_labels"] = round(q_right / q_total, 4) if q_total else 0.0
    return out


def evaluate(examples: Path = REPO / "examples") -> dict[str, float]:
    from wiresift import api

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        report = api.ingest([examples], db=db)
        if report.failed:
            raise SystemExit(f"the demo corpus did not ingest cleanly: {report.errors}")
        store = api.open_store(db)
        try:
            prefix = "corpus/"
            doc_of: dict[str, str] = {}
            for doc in store.documents():
                source = doc.source or ""
                doc_of[source[source.index(prefix) + len(prefix) :] if prefix in source else source] = doc.id
            missing = sorted({s for ss in gold["stories"].values() for s in ss} - set(doc_of))
            if missing:
                raise SystemExit(f"gold sources not in the demo store: {missing}")
            return score(
                store.story_assignments(), store.tracked_claims(limit=10_000), store.tracked_quotes(limit=10_000),
                doc_of, gold,
            )  # fmt: skip
        finally:
            store.close()


def counts(gold: Mapping[str, Any]) -> Counter[str]:
    """How many stories, tracked claims and labels the gold holds (for the docs)."""
    labels = Counter(m["label"] for c in gold["tracked_claims"] for m in c["mentions"])
    return Counter(stories=len(gold["stories"]), tracked_claims=len(gold["tracked_claims"]), **labels)


if __name__ == "__main__":
    print(json.dumps(evaluate()))
