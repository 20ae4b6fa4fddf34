"""Train the coreference model of :mod:`wiresift.nlp.entities.coref_model` on GUM: ``make train-coref``
(``python training/train_coref.py [--check] [EVAL_DIR]``).

Training code: it lives outside the runtime package; only learned numbers and the data's hash leave
it, into ``src/wiresift/nlp/entities/coref_weights.json``. Steps:

1. parse GUM train and dev (``../shared/eval/coref``) with the project's spaCy model and build each
   document's :class:`EntityIndex` with the entities stage;
2. for every anaphor, one example per candidate entity: positive when one of the candidate's
   mentions aligns to the anaphor's gold cluster. Anaphors are taken in text order and each joins
   its gold entity (teacher forcing), as the runtime joins its predicted one;
3. choose ``C`` and the two thresholds by cross-validation grouped by document over train and dev
   together, leaving one document out at a time (39 folds): GUM dev alone, four documents, moved
   the choice from one refit to the next, and five folds dealt by a seeded shuffle still moved it
   from one seed to the next. Each document is scored by a model fitted on all the others. ``C``: the least held-out log loss of the candidate pairs (with their gold
   chains; smooth in ``C``, where a count of links jumps from one ``C`` to the next). Thresholds: the held-out documents are resolved as at run time
   (each anaphor joins its predicted entity) at every threshold, and the pronoun and the nominal
   threshold are each the one with most right minus wrong links of their kind (a wrong speaker
   costs what a right one gains; abstaining costs nothing); on a tie, the higher (a wrong speaker
   shown is worse than none);
4. fit the chosen ``C`` on train and dev and write the weights with the sha256 of the input files
   and a fingerprint of the rounded numbers.

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
from score_coref import Links  # noqa: E402
from wiresift.nlp.entities.coref_model import FEATURES, WEIGHTS_PATH, DocCoref, Weights  # noqa: E402
from wiresift.nlp.entities.mentions import Anaphor  # noqa: E402

SEED = 13
C_GRID = (0.3, 1.0, 3.0, 10.0)
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
    #: Rows the runtime rules out whatever their probability ("she" for a man called "he" so far).
    clash: np.ndarray


def examples(parsed: list[Parsed]) -> Examples:
    rows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    clashes: list[np.ndarray] = []
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
            clashes.append(
                np.array(
                    [bool(ana.gender) and state.sure_gender(c.eid) not in ("", ana.gender) for c in cands]
                )
            )
            groups.append((n, n + len(cands), d, ana.pronoun))
            n += len(cands)
            if y.any():
                state.join(ana, cands[int(np.argmax(y))].eid)
    return Examples(np.vstack(rows), np.concatenate(labels), groups, np.concatenate(clashes))


def net_links(p: Parsed, weights: Weights) -> tuple[dict[bool, list[int]], Links]:
    """Resolve ``p`` as at run time (each anaphor joins its predicted entity): for pronoun (True) and
    nominal (False) anaphors the [right, wrong] links made, and every anaphor's link."""
    counts = {True: [0, 0], False: [0, 0]}
    state = DocCoref(p.index, p.index.sdoc, weights)  # type: ignore[arg-type]
    links = {span: eid for span, (eid, _) in state.resolve_all().items()}
    for ana in state.anaphors:
        eid = links[(ana.start, ana.end)]
        if eid is None:
            continue
        # the entity's mentions before the anaphor: its names and the anaphors joined to it
        spans = [(s, e) for s, e in p.index.entities[eid].mentions if e <= ana.start]
        spans += [(m.start, m.end) for m in state.chains.get(eid, ()) if m.end <= ana.start]
        gold = anaphor_cluster(p, ana)
        counts[ana.pronoun][0 if gold is not None and gold in _clusters_of(p, spans) else 1] += 1
    return counts, links


def _rows(ex: Examples, docs: set[int]) -> np.ndarray:
    return np.concatenate([np.arange(a, b) for a, b, d, _ in ex.groups if d in docs])


def forced_net(ex: Examples, probs: np.ndarray, docs: set[int], threshold: float) -> int:
    """Right minus wrong links over the anaphors of ``docs`` with their gold chains (teacher forcing),
    ``probs`` the held-out probabilities of every row."""
    net = 0
    for a, b, d, _ in ex.groups:
        if d not in docs:
            continue
        p = np.where(ex.clash[a:b], 0.0, probs[a:b])
        best = int(np.argmax(p))
        if p[best] >= threshold:
            net += 1 if ex.y[a + best] else -1
    return net


def log_loss(y: np.ndarray, probs: np.ndarray) -> float:
    """Mean held-out log loss of the candidate pairs: smooth in ``C``, where counting links jumps."""
    p = np.clip(probs, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    # one BLAS thread: on a busy machine two threads fighting over the cores made each fit 30x slower
    with threadpool_limits(1):
        model = LogisticRegression(C=c, max_iter=2000, random_state=SEED).fit(x, y)
    return np.round(model.coef_[0], DECIMALS), round(float(model.intercept_[0]), DECIMALS)


def choose(parsed: list[Parsed], ex: Examples, conf: float, log: bool) -> tuple[float, float, float]:
    """(C, pronoun threshold, nominal threshold) by grouped cross-validation (module docstring)."""
    held = [{d} for d in range(len(parsed))]  # leave one document out: no shuffle to draw
    fits: dict[float, list[tuple[np.ndarray, float]]] = {}
    best_c: tuple[float, float] | None = None
    for c in C_GRID:
        probs = np.zeros(len(ex.y))
        fits[c] = []
        for docs in held:
            train_rows = _rows(ex, set(range(len(parsed))) - docs)
            coef, intercept = _fit(ex.x[train_rows], ex.y[train_rows], c)
            fits[c].append((coef, intercept))
            rows = _rows(ex, docs)
            probs[rows] = Weights(coef, intercept, 0.5, conf).prob(ex.x[rows])
        loss = log_loss(ex.y, probs)
        if log:
            net = max(forced_net(ex, probs, set(range(len(parsed))), t) for t in THRESHOLDS)
            print(
                f"C={c}: cross-validated log loss {loss:.5f}, right - wrong links (gold chains) {net}",
                file=sys.stderr,
            )
        if best_c is None or loss < best_c[0]:
            best_c = (loss, c)
    assert best_c is not None
    c = best_c[1]
    scores: dict[bool, list[tuple[int, int, float]]] = {True: [], False: []}
    for t in THRESHOLDS:
        total = {True: [0, 0], False: [0, 0]}
        links: list[Links] = [{} for _ in parsed]
        for docs, (coef, intercept) in zip(held, fits[c], strict=True):
            for d in docs:
                counts, links[d] = net_links(parsed[d], Weights(coef, intercept, t, conf, t))
                for kind, (right, wrong) in counts.items():
                    total[kind][0] += right
                    total[kind][1] += wrong
        scores_t = score_coref.score_links(parsed, links, "cv")
        if log:
            print(
                f"C={c} t={t}: cross-validated CoNLL F1 {scores_t['cv_conll_f1']} "
                f"pronoun accuracy {scores_t['cv_pronoun_accuracy']}",
                file=sys.stderr,
            )
        for kind, (right, wrong) in total.items():
            scores[kind].append((right - wrong, -wrong, t))
            if log:
                what = "pronouns" if kind else "nominals"
                print(f"C={c} t={t}: cross-validated {what} right {right} wrong {wrong}", file=sys.stderr)
    return c, max(scores[True])[2], max(scores[False])[2]


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
    t0 = time.perf_counter()
    train_docs, dev_docs = parse(load_split(coref_dir, "train")), parse(load_split(coref_dir, "dev"))
    docs = train_docs + dev_docs
    ex = examples(docs)
    if log:
        print(
            f"parsed in {time.perf_counter() - t0:.1f}s; {len(ex.y)} pairs, {int(ex.y.sum())} positive",
            file=sys.stderr,
        )
    conf = round(name_confidence(train_docs), DECIMALS)
    c, t, nominal_t = choose(docs, ex, conf, log)
    coef, intercept = _fit(ex.x, ex.y, c)
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
        "cross_validation": "leave one document out, train and dev",
        "train_sha256": split_hash(coref_dir, "train"),
        "dev_sha256": split_hash(coref_dir, "dev"),
        "train_pairs": len(ex.y),
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
