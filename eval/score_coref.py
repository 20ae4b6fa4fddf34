"""Score in-document coreference of persons and organisations on GUM (``../shared/eval/coref``).

Usage: ``python eval/score_coref.py [test|dev|train]``. Prints one JSON object: for the learned model
(``model_*``) and for the rules it replaced (``rules_*``, :func:`resolve_rules` as it was before
issue 11) on the same parse and the same entities stage.

What is scored. Both systems start from the entities stage's index (names, their partial forms,
titles and appositions); each then resolves every anaphor (third-person pronoun or definite person
or organisation nominal, :mod:`wiresift.nlp.entities.mentions`) to an entity or abstains. A system
cluster is a PERSON or ORG entity: its indexed mentions that are not anaphors plus the anaphors
resolved to it. System mentions align to the smallest gold person/organisation mention holding
them (else the one holding their last word); unaligned ones stay as spurious mentions. Gold
clusters are GUM's identity chains (coref, ana, cata, appos) of persons and organisations.
Singletons are dropped on both sides, as in the CoNLL-2012 scorer for OntoNotes.

- MUC (links), B³ (mentions), CEAF-e (entities, optimal one-to-one alignment with
  ``scipy.optimize.linear_sum_assignment``) and their F1 mean, the CoNLL F1;
- ``pronoun_accuracy``: gold person pronouns (he/she/they and their forms) with an antecedent whose
  system entity's main gold cluster (over its mentions before the pronoun) is the pronoun's own;
  abstaining counts as wrong; ``subject_pronoun_accuracy`` the same for he/she/they only, the
  pronouns that speak.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from coref_data import SCORED_TYPES, Parsed, load_split, parse

if TYPE_CHECKING:
    from wiresift.nlp.entities.coref_model import Weights

Cluster = frozenset[Hashable]
Links = dict[tuple[int, int], str | None]
PERSON_PRONOUNS = frozenset(
    [
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
    ]
)
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
SYSTEM_TYPES = ("PERSON", "ORG")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    def side(a: Sequence[Cluster], b: Sequence[Cluster]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = side(key, response), side(response, key)
    return p, r, _f1(p, r)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    def side(a: Sequence[Cluster], b: Sequence[Cluster]) -> float:
        total = sum(len(c) for c in a)
        where = {m: c for c in b for m in c}
        num = sum(len(c & where[m]) / len(c) for c in a for m in c if m in where)
        return num / total if total else 0.0

    r, p = side(key, response), side(response, key)
    return p, r, _f1(p, r)


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    p, r = total / len(response), total / len(key)
    return p, r, _f1(p, r)


def gold_clusters(p: Parsed) -> list[Cluster]:
    return [frozenset(mids) for mids in p.gold.clusters(SCORED_TYPES).values() if len(mids) > 1]


def system_clusters(p: Parsed, links: Links) -> dict[str, list[tuple[int, Hashable]]]:
    """Entity id -> (start, key) of its mentions; a key is the aligned gold mention id, else the span."""
    out: dict[str, list[tuple[int, Hashable]]] = {}
    seen: set[Hashable] = set()
    spans = sorted(links)
    mentions = [(s, e, i) for s, e, i in p.index.mentions if not any(a < e and s < b for a, b in spans)]
    mentions += [(s, e, eid) for (s, e), eid in links.items() if eid is not None]
    for start, end, eid in sorted(mentions):
        if p.index.entities[eid].type not in SYSTEM_TYPES:
            continue
        mid = p.align(start, end)
        key: Hashable = mid if mid is not None else ("system", start, end)
        if key in seen:
            continue
        seen.add(key)
        out.setdefault(eid, []).append((start, key))
    return out


def pronoun_hits(p: Parsed, links: Links, clusters: dict[str, list[tuple[int, Hashable]]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    text = p.gold.text
    for m in p.gold.mentions.values():
        word = text[m.start : m.end].lower()
        if m.type != "person" or word not in PERSON_PRONOUNS:
            continue
        cid = p.gold.cluster[m.id]
        if not any(p.gold.cluster[o.id] == cid and o.start < m.start for o in p.gold.mentions.values()):
            continue
        eid = links.get((m.start, m.end))
        before = [key for start, key in clusters.get(eid, []) if start < m.start] if eid else []
        found = Counter(p.gold.cluster[k] for k in before if isinstance(k, int)).most_common(1)
        hit = bool(found) and found[0][0] == cid
        counts["pronouns"] += 1
        counts["hits"] += hit
        if word in SUBJECT_PRONOUNS:
            counts["subject_pronouns"] += 1
            counts["subject_hits"] += hit
    return counts


def model_links(p: Parsed, weights: Weights | None = None) -> Links:
    from wiresift.nlp.entities.coref_model import DocCoref, load_weights

    state = DocCoref(p.index, p.index.sdoc, weights or load_weights())  # type: ignore[arg-type]
    return {span: eid for span, (eid, _) in state.resolve_all().items()}


def rules_links(p: Parsed) -> Links:
    from wiresift.nlp.entities.coref_rules import Speaker, resolve_rules
    from wiresift.nlp.entities.mentions import anaphors

    links: Links = {}
    for a in anaphors(p.index.sdoc):  # type: ignore[arg-type]
        speaker = Speaker(a.start, a.end, a.head, a.head_start, a.head_start + len(a.head))
        links[(a.start, a.end)] = resolve_rules(p.index, speaker, None, -1, p.gold.text[a.start : a.end])
    return links


def score(parsed: Sequence[Parsed], system: str, weights: Weights | None = None) -> dict[str, float]:
    """The scores of ``system`` ("model", with the shipped ``weights`` unless given, or "rules")."""
    links = [model_links(p, weights) if system == "model" else rules_links(p) for p in parsed]
    return score_links(parsed, links, system)


def score_links(parsed: Sequence[Parsed], links: Sequence[Links], system: str) -> dict[str, float]:
    """The scores of the anaphor ``links`` of each document of ``parsed``, keys prefixed ``system``."""
    keys: list[list[Cluster]] = []
    responses: list[list[Cluster]] = []
    counts: Counter[str] = Counter()
    for p, doc_links in zip(parsed, links, strict=True):
        clusters = system_clusters(p, doc_links)
        keys.append(gold_clusters(p))
        responses.append([frozenset(k for _, k in ms) for ms in clusters.values() if len(ms) > 1])
        counts += pronoun_hits(p, doc_links, clusters)
    out: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceaf_e", ceaf_e)):
        # Micro-average over documents: MUC and B³ pool counts, CEAF-e pools similarities.
        p_num = r_num = p_den = r_den = 0.0
        for key, resp in zip(keys, responses, strict=True):
            p, r, _ = metric(key, resp)
            wp, wr = _weights(name, key, resp)
            p_num, p_den, r_num, r_den = p_num + p * wp, p_den + wp, r_num + r * wr, r_den + wr
        prec, rec = (p_num / p_den if p_den else 0.0), (r_num / r_den if r_den else 0.0)
        out[f"{system}_{name}_p"], out[f"{system}_{name}_r"] = round(prec, 4), round(rec, 4)
        out[f"{system}_{name}_f1"] = round(_f1(prec, rec), 4)
    out[f"{system}_conll_f1"] = round(sum(out[f"{system}_{n}_f1"] for n in ("muc", "b3", "ceaf_e")) / 3, 4)
    out[f"{system}_pronoun_accuracy"] = round(counts["hits"] / max(counts["pronouns"], 1), 4)
    out[f"{system}_subject_pronoun_accuracy"] = round(
        counts["subject_hits"] / max(counts["subject_pronouns"], 1), 4
    )
    out["n_pronouns"], out["n_subject_pronouns"] = counts["pronouns"], counts["subject_pronouns"]
    return out


def _weights(name: str, key: Sequence[Cluster], resp: Sequence[Cluster]) -> tuple[float, float]:
    """The denominators that make the per-document scores pool into one corpus score."""
    if name == "muc":
        return float(sum(len(c) - 1 for c in resp)), float(sum(len(c) - 1 for c in key))
    if name == "b3":
        return float(sum(len(c) for c in resp)), float(sum(len(c) for c in key))
    return float(len(resp)), float(len(key))


def evaluate(eval_dir: Path, split: str = "test") -> dict[str, float]:
    parsed = parse(load_split(eval_dir / "coref", split))
    out: dict[str, float] = {"n_docs": len(parsed)}
    out["n_gold_clusters"] = sum(len(gold_clusters(p)) for p in parsed)
    out |= score(parsed, "model")
    out |= score(parsed, "rules")
    return out


def main(argv: list[str]) -> None:
    from gate import shared_eval

    shared = shared_eval()
    if shared is None:
        raise SystemExit("score_coref: ../shared/eval is absent")
    split = argv[0] if argv else "test"
    print(json.dumps(evaluate(shared, split), indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])
