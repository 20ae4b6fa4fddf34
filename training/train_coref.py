"""Train the coreference model of :mod:`wiresift.nlp.entities.coref_model` on GUM: ``make train-coref``
(``python training/train_coref.py [--check] [EVAL_DIR]``).

Training code: it lives outside the runtime package; only learned numbers and the data's hash leave
it, into ``src/wiresift/nlp/entities/coref_weights.json``. Steps:

1. parse GUM train and dev (``../shared/eval/coref``) with the project's spaCy model and build each
   document's :class:`EntityIndex` with the entities stage;
2. for every anaphor, one example per candidate entity: positive when one of the candidate's
   mentions aligns to the anaphor's gold cluster. Anaphors are taken in text order and each joins
   its gold entity (teacher forcing), as the runtime joins its predicted one;
3. fit a logistic regression (scikit-learn, fixed seed) for each ``C`` of a small grid; on dev,
   resolve with each model and each threshold and keep the pair with the most right links minus
   wrong links (a wrong speaker costs what a right one gains; abstaining costs nothing); on a tie,
   the pair with fewer wrong links (a wrong speaker shown is worse than none);
4. write the weights with the sha256 of the input files and a fingerprint of the rounded numbers.

``--check`` retrains and compares the fingerprint with the shipped file instead of writing it.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

import score_coref  # noqa: E402
from coref_data import SCORED_TYPES, Parsed, load_split, parse, split_hash  # noqa: E402
from gate import shared_eval  # noqa: E402
from wiresift.nlp.entities.coref_model import FEATURES, WEIGHTS_PATH, DocCoref, Weights  # noqa: E402
from wiresift.nlp.entities.mentions import Anaphor  # noqa: E402

SEED = 13
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.1 * i, 1) for i in range(1, 9))
#: Decimals kept in the weights file, and the coarser ones the fingerprint is taken over (so that a
#: last-digit difference of another BLAS does not change it).
DECIMALS = 6
FINGERPRINT_DECIMALS = 4


def anaphor_cluster(p: Parsed, ana: Anaphor) -> int | None:
    """The gold cluster of ``ana`` when it is a person or organisation mention with an antecedent."""
    best = None
    for m in p.gold.mentions.values():
        if m.type not in SCORED_TYPES or not (m.start <= ana.head_start < m.end) or m.start != ana.start:
            continue
        if ana.pronoun and m.end != ana.end:
            continue
        if best is None or m.end - m.start < best.end - best.start:
            best = m
    if best is None:
        return None
    cluster = p.gold.cluster[best.id]
    earlier = any(p.gold.cluster[m.id] == cluster and m.start < ana.start for m in p.gold.mentions.values())
    return cluster if earlier else None


def _clusters_of(p: Parsed, spans: list[tuple[int, int]]) -> set[int]:
    out = set()
    for start, end in spans:
        mid = p.align(start, end)
        if mid is not None:
            out.add(p.gold.cluster[mid])
    return out


@dataclass
class Examples:
    """Candidate pairs of every anaphor: features, labels, and per anaphor its rows, document and kind."""

    x: np.ndarray
    y: np.ndarray
    groups: list[tuple[int, int, int, bool]]  # (first row, end row, document, pronoun)


def examples(parsed: list[Parsed]) -> Examples:
    rows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    groups: list[tuple[int, int, int, bool]] = []
    n = 0
    for d, p in enumerate(parsed):
        state = DocCoref(p.index, p.index.sdoc)  # type: ignore[arg-type]
        for ana in state.anaphors:
            gold = anaphor_cluster(p, ana)
            cands = state.candidates(ana)
            if not cands:
                continue
            y = np.array(
                [
                    gold is not None and gold in _clusters_of(p, [(m.start, m.end) for m in c.mentions])
                    for c in cands
                ],
                dtype=float,
            )
            rows.append(state.features(ana, cands))
            labels.append(y)
            groups.append((n, n + len(cands), d, ana.pronoun))
            n += len(cands)
            if y.any():
                state.join(ana, cands[int(np.argmax(y))].eid)
    return Examples(np.vstack(rows), np.concatenate(labels), groups)


def net_links(parsed: list[Parsed], weights: Weights) -> tuple[int, int]:
    """(right, wrong) links the model makes on the pronouns of ``parsed``."""
    right = wrong = 0
    for p in parsed:
        state = DocCoref(p.index, p.index.sdoc, weights)  # type: ignore[arg-type]
        for ana in state.anaphors:
            cands = {c.eid: c for c in state.candidates(ana)}
            state.advance(ana.start + 1)
            eid, _ = state.resolved[(ana.start, ana.end)]
            if eid is None or not ana.pronoun:
                continue
            gold = anaphor_cluster(p, ana)
            hit = gold is not None and gold in _clusters_of(
                p, [(m.start, m.end) for m in cands[eid].mentions]
            )
            right += hit
            wrong += not hit
    return right, wrong


def name_confidence(parsed: list[Parsed]) -> float:
    """Share of indexed person/organisation name mentions that align to their entity's main gold cluster."""
    agree = total = 0
    for p in parsed:
        per_entity: dict[str, Counter[int]] = {}
        for start, end, eid in p.index.mentions:
            if p.index.entities[eid].type not in ("PERSON", "ORG"):
                continue
            mid = p.align(start, end)
            if mid is not None:
                per_entity.setdefault(eid, Counter())[p.gold.cluster[mid]] += 1
        for counts in per_entity.values():
            agree += counts.most_common(1)[0][1]
            total += sum(counts.values())
    return agree / total if total else 0.0


def fingerprint(data: dict[str, object]) -> str:
    coarse = {
        "features": data["features"],
        "coef": [round(float(c), FINGERPRINT_DECIMALS) for c in data["coef"]],  # type: ignore[attr-defined]
        **{
            k: round(float(data[k]), FINGERPRINT_DECIMALS)
            for k in ("intercept", "threshold", "nominal_threshold", "name_confidence")
        },  # type: ignore[arg-type]
    }
    return hashlib.sha256(json.dumps(coarse, sort_keys=True).encode()).hexdigest()


def train(coref_dir: Path, log: bool = True) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression

    t0 = time.perf_counter()
    train_docs, dev_docs = parse(load_split(coref_dir, "train")), parse(load_split(coref_dir, "dev"))
    ex = examples(train_docs)
    x, y = ex.x, ex.y
    if log:
        print(
            f"parsed in {time.perf_counter() - t0:.1f}s; {len(y)} pairs, {int(y.sum())} positive",
            file=sys.stderr,
        )
    conf = round(name_confidence(train_docs), DECIMALS)
    best: tuple[tuple[int, int], float, float, np.ndarray, float] | None = None
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=2000, random_state=SEED).fit(x, y)
        coef = np.round(model.coef_[0], DECIMALS)
        intercept = round(float(model.intercept_[0]), DECIMALS)
        for t in THRESHOLDS:
            right, wrong = net_links(dev_docs, Weights(coef, intercept, t, conf, t))
            if log:
                print(f"C={c} t={t}: dev pronouns right {right} wrong {wrong}", file=sys.stderr)
            if best is None or (right - wrong, -wrong) > best[0]:
                best = ((right - wrong, -wrong), c, t, coef, intercept)
    assert best is not None
    _, c, t, coef, intercept = best
    # Nominals apart, chosen on dev by the CoNLL F1 they make (too few of them, about 15, to count
    # right and wrong links as the pronouns do); ties: the higher threshold (fewer links).
    nominal_best: tuple[tuple[float, float], float] | None = None
    for nt in THRESHOLDS:
        conll = score_coref.score(dev_docs, "model", Weights(coef, intercept, t, conf, nt))["model_conll_f1"]
        if log:
            print(f"nominal t={nt}: dev CoNLL F1 {conll}", file=sys.stderr)
        if nominal_best is None or (conll, nt) > nominal_best[0]:
            nominal_best = ((conll, nt), nt)
    assert nominal_best is not None
    nominal_t = nominal_best[1]
    data: dict[str, object] = {
        "model": "mention-ranking logistic regression (training/train_coref.py)",
        "features": list(FEATURES),
        "coef": [float(v) for v in coef],
        "intercept": intercept,
        "threshold": t,
        "nominal_threshold": nominal_t,
        "name_confidence": conf,
        "C": c,
        "seed": SEED,
        "train_sha256": split_hash(coref_dir, "train"),
        "dev_sha256": split_hash(coref_dir, "dev"),
        "train_pairs": len(y),
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    data["fingerprint"] = fingerprint(data)
    return data


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else shared_eval()
    if shared is None:
        raise SystemExit("train_coref: ../shared/eval is absent; pass the eval directory")
    data = train(shared / "coref")
    if "--check" in argv:
        shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        same = shipped["fingerprint"] == data["fingerprint"]
        print(f"fingerprint {'matches' if same else 'DIFFERS'}: {data['fingerprint']}")
        raise SystemExit(0 if same else 1)
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH} (C={data['C']}, threshold {data['threshold']}, {data['train_seconds']}s)")


if __name__ == "__main__":
    main(sys.argv[1:])
