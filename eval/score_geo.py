"""Score the ``places`` layer on GeoWebNews (``../shared/eval/geo``) as its README defines.

Recognition (strict and lenient P/R/F1, recall per type), resolution with oracle (gold) spans
(exact GeoNames id, acc@161 km, mean/median km, AUC) and end to end (raw text, strict and lenient
span matching). Run: ``python eval/score_geo.py [EVAL_DIR]``.

Beyond the README: **pin precision@161** (``pins_precision161``), the share of predicted map pins
(recognised mentions that resolved to coordinates) that lie within 161 km of the gold place of the
same span (lenient, one-to-one overlap). A pin on a span that is no gold toponym (a person, a brand,
a street, or an excluded ``Non_Toponym``) is wrong; a pin on a gold toponym without coordinates is
not counted. ``pins_nonadj_precision161`` leaves out adjectival pins (demonyms), as a map would.
Every figure is also given for the two fixed halves of the set (``half_a_*``: even article ids,
``half_b_*``: odd), so a rule written while reading one half's errors is checked on the other.
"""

from __future__ import annotations

import functools
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wiresift.nlp.places.resolve import haversine

#: Annotation types that are not toponyms (added by the authors for NER augmentation).
EXCLUDED = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
#: Types dropped for the "without demonyms" recognition variant.
ADJECTIVAL = frozenset({"Demonym", "Non_Literal_Modifier"})
REPORT_TYPES = (
    "Literal",
    "Mixed",
    "Metonymic",
    "Non_Literal_Modifier",
    "Demonym",
    "Embedded_Non_Lit",
    "Coercion",
)
LITERAL_GROUP = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
MISS_KM = 20039.0
ACC_KM = 161.0


@dataclass
class Gold:
    start: int
    end: int
    type: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass
class Article:
    id: str
    text: str
    gold: list[Gold] = field(default_factory=list)
    mismatched: int = 0


def load(eval_dir: Path) -> list[Article]:
    root = ET.parse(eval_dir / "geo" / "GeoWebNews.xml").getroot()
    out = []
    for node in root.iter("article"):
        art = Article(node.get("file", ""), node.findtext("text") or "")
        for t in node.iter("toponym"):
            d = {c.tag: (c.text or "") for c in t}
            if d["type"] in EXCLUDED:
                continue
            start, end = int(d["start"]), int(d["end"])
            if art.text[start:end] != d["extractedName"]:
                art.mismatched += 1  # README: a few offsets do not slice to their name; keep, report
            gid = d.get("geonamesID") or ""
            art.gold.append(
                Gold(
                    start,
                    end,
                    d["type"],
                    int(gid) if gid else None,
                    float(d["latitude"]) if d.get("latitude") else None,
                    float(d["longitude"]) if d.get("longitude") else None,
                )
            )
        out.append(art)
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], lenient: bool) -> dict[int, int]:
    """gold index -> pred index, one-to-one: exact spans first, then (lenient) any overlap."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_span = {span: i for i, span in enumerate(pred)}
    for gi, span in enumerate(gold):
        pi = by_span.get(span)
        if pi is not None and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    if lenient:
        for gi, (gs, ge) in enumerate(gold):
            if gi in pairs:
                continue
            for pi, (ps, pe) in enumerate(pred):
                if pi not in used and ps < ge and gs < pe:
                    pairs[gi] = pi
                    used.add(pi)
                    break
    return pairs


def recognition(
    arts: list[Article], preds: list[list[tuple[int, int]]], drop: frozenset[str] = frozenset()
) -> dict[str, float]:
    scores: dict[str, float] = {}
    for mode in ("strict", "lenient"):
        tp = fp = fn = 0
        hit_types: Counter[str] = Counter()
        all_types: Counter[str] = Counter()
        for art, pred in zip(arts, preds, strict=True):
            gold = [g for g in art.gold if g.type not in drop]
            spans = [(g.start, g.end) for g in gold]
            pairs = match(pred, spans, mode == "lenient")
            dropped = [(g.start, g.end) for g in art.gold if g.type in drop]
            # a prediction on a dropped gold span is neither right nor wrong in that variant
            unmatched = [p for i, p in enumerate(pred) if i not in pairs.values()]
            extra = [p for p in unmatched if not any(p[0] < e and s < p[1] for s, e in dropped)]
            tp += len(pairs)
            fn += len(gold) - len(pairs)
            fp += len(extra)
            for gi, g in enumerate(gold):
                all_types[g.type] += 1
                hit_types[g.type] += gi in pairs
        for k, v in prf(tp, fp, fn).items():
            scores[f"{mode}_{k}"] = v
        scores[f"{mode}_n_gold"] = tp + fn
        scores[f"{mode}_n_pred"] = tp + fp
        if mode == "strict":
            lit = sum(all_types[t] for t in LITERAL_GROUP)
            scores["strict_recall_literal_group"] = sum(hit_types[t] for t in LITERAL_GROUP) / max(lit, 1)
            for t in REPORT_TYPES:
                if all_types[t]:
                    scores[f"strict_recall_{t}"] = hit_types[t] / all_types[t]
    return scores


def distance_summary(dists: list[float], exact: list[bool], prefix: str) -> dict[str, float]:
    n = len(dists)
    d = sorted(dists)
    xs = [math.log(x + 1) for x in d]
    trapz = sum((xs[i] + xs[i + 1]) / 2 for i in range(n - 1))
    return {
        f"{prefix}_n": n,
        f"{prefix}_accuracy": sum(exact) / n,
        f"{prefix}_acc161": sum(x <= ACC_KM for x in d) / n,
        f"{prefix}_mean_km": statistics.fmean(d),
        f"{prefix}_median_km": statistics.median(d),
        f"{prefix}_auc": trapz / (math.log(MISS_KM) * (n - 1)),
    }


def _error(place, g: Gold) -> tuple[float, bool]:  # type: ignore[no-untyped-def]
    if place is None or place.lat is None or g.lat is None or g.lon is None:
        return MISS_KM, False
    return haversine(place.lat, place.lon, g.lat, g.lon), place.geonames_id == g.geonames_id


def oracle(arts: list[Article]) -> dict[str, float]:
    from wiresift.nlp.places.stage import resolve_spans

    dists, exact, abstain = [], [], 0
    for art in arts:
        places = resolve_spans(art.text, [(g.start, g.end) for g in art.gold])
        for g, place in zip(art.gold, places, strict=True):
            if g.geonames_id is None:
                continue
            d, ok = _error(place, g)
            abstain += place is None
            dists.append(d)
            exact.append(ok)
    out = distance_summary(dists, exact, "oracle")
    out["oracle_abstention"] = abstain / len(dists)
    # diagnostic, not a README metric: a right GeoNames id counts as 0 km, which isolates the cost of
    # the gazetteer's coordinate conventions (countryinfo country points, city-mean province points)
    out["diag_oracle_acc161_right_id_at_0km"] = sum(
        ok or d <= ACC_KM for d, ok in zip(dists, exact, strict=True)
    ) / len(dists)
    return out


def end_to_end(arts: list[Article], found: list[list[tuple[tuple[int, int], object]]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for mode in ("strict", "lenient"):
        dists, exact, abstain = [], [], 0
        for art, pairs in zip(arts, found, strict=True):
            spans = [s for s, _ in pairs]
            gold = [g for g in art.gold if g.geonames_id is not None]
            m = match(spans, [(g.start, g.end) for g in gold], mode == "lenient")
            for gi, g in enumerate(gold):
                place = pairs[m[gi]][1] if gi in m else None
                abstain += gi in m and getattr(place, "lat", None) is None
                d, ok = _error(place, g)
                dists.append(d)
                exact.append(ok)
        s = distance_summary(dists, exact, f"e2e_{mode}")
        s[f"e2e_{mode}_abstention"] = abstain / len(dists)
        out.update(s)
    return out


def pin_precision(arts: list[Article], found: list[list[tuple[tuple[int, int], object]]]) -> dict[str, float]:
    """Share of predicted pins within 161 km of the gold place they overlap (see the module doc)."""
    out: dict[str, float] = {}
    for name, keep_adjectival in (("pins", True), ("pins_nonadj", False)):
        right = total = 0
        for art, pairs in zip(arts, found, strict=True):
            pins = [
                (s, p)
                for s, p in pairs
                if getattr(p, "lat", None) is not None
                and (keep_adjectival or not getattr(p, "adjectival", False))
            ]
            m = match([s for s, _ in pins], [(g.start, g.end) for g in art.gold], lenient=True)
            by_pred = {pi: art.gold[gi] for gi, pi in m.items()}
            for pi, (_, place) in enumerate(pins):
                g = by_pred.get(pi)
                if g is not None and g.lat is None:
                    continue  # a toponym the gold does not place: neither right nor wrong
                total += 1
                right += g is not None and _error(place, g)[0] <= ACC_KM
        out[f"{name}_n"] = total
        out[f"{name}_precision161"] = right / total if total else 0.0
    return out


def half_of(article_id: str) -> str:
    """The fixed dev halves: even article ids are half a, odd ones half b."""
    return "a" if int(article_id) % 2 == 0 else "b"


def score(arts: list[Article], found: list[list[tuple[tuple[int, int], object]]]) -> dict[str, float]:
    preds = [[span for span, _ in f] for f in found]
    scores = {f"recognition_{k}": v for k, v in recognition(arts, preds).items()}
    scores.update(
        {
            f"recognition_nodemonym_{k}": v
            for k, v in recognition(arts, preds, ADJECTIVAL).items()
            if "recall_" not in k
        }
    )
    scores.update(oracle(arts))
    scores.update(end_to_end(arts, found))
    scores.update(pin_precision(arts, found))
    return scores


#: The figures repeated for each half (the full set has all of them).
HALF_METRICS = (
    "recognition_lenient_f1",
    "recognition_strict_f1",
    "oracle_acc161",
    "e2e_lenient_acc161",
    "e2e_strict_acc161",
    "pins_precision161",
    "pins_nonadj_precision161",
    "pins_n",
)


@functools.lru_cache(maxsize=1)
def parsed(eval_dir: Path) -> tuple[list[Article], list[Any], float]:
    """The articles, their spaCy Docs and the seconds spaCy took, once per process (the gate test and
    the pin check's reproducibility test share them)."""
    from wiresift.nlp.pipeline import load_model

    arts = load(eval_dir)
    nlp = load_model()
    t0 = time.perf_counter()
    sdocs = list(nlp.pipe((a.text for a in arts), batch_size=16))
    return arts, sdocs, time.perf_counter() - t0


def run(eval_dir: Path, limit: int | None = None) -> dict[str, float]:
    from wiresift.nlp.places.stage import geoparse_doc

    all_arts, all_docs, spacy_s = parsed(eval_dir)
    arts, sdocs = all_arts[:limit], all_docs[:limit]
    t1 = time.perf_counter()
    found = []
    for sdoc in sdocs:
        places = geoparse_doc(sdoc)
        found.append(sorted(((s, e), p) for p in places for s, e in p.mentions))
    t2 = time.perf_counter()
    scores = score(arts, found)
    for half in ("a", "b"):
        idx = [i for i, a in enumerate(arts) if half_of(a.id) == half]
        part = score([arts[i] for i in idx], [found[i] for i in idx])
        scores.update({f"half_{half}_{k}": part[k] for k in HALF_METRICS})
    scores["articles"] = len(arts)
    scores["mismatched_offsets"] = sum(a.mismatched for a in arts)
    scores["spacy_s"] = spacy_s
    scores["geoparse_s"] = t2 - t1
    return scores


def main() -> None:
    from gate import shared_eval

    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_eval()
    if eval_dir is None:
        raise SystemExit("no eval data: pass EVAL_DIR or set WIRESIFT_SHARED_EVAL")
    scores = run(eval_dir)
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=2))


if __name__ == "__main__":
    main()
