"""Scorer for the ``claims`` layer against ``eval/gold/claims.jsonl`` (see ``eval/gold/README.md``).

The gold stores document paths under ``../shared/eval`` and character offsets, never text. Plain
text is rebuilt the way each corpus is read: TimeML ``<TEXT>`` with its tags stripped (as in
``score_time.py``), PolNeAR ``.txt`` files as they are. The scored documents are every AQUAINT
file (annotated exhaustively, also where it has no claim) plus the PolNeAR files the gold names.

System and gold claims are paired one to one by character overlap (largest overlap first).
- value F1: a pair counts when the values agree (``value``, or ``low``/``high`` for ranges);
- value+counted F1: the counted nouns also agree by head word (``claim_match.head``: first
  conjunct, last word before a preposition, lower case, plural ``s`` removed; both empty agrees),
  the same rule as ``score_realpages.py``;
- qualifier, unit and claimant accuracy: over all overlapping pairs. A gold ``claimant`` of null
  is the outlet: right when the system gives no claimant mention. Otherwise right when a content
  word is shared with the system's ``claimant_name`` or its ``claimant_mention``.

Usage: ``python eval/score_claims.py [EVAL_DIR] [--errors]``.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claim_match import same_counted
from score_time import parse_tml
from wiresift.model import Claim, Document

GOLD = Path(__file__).parent / "gold" / "claims.jsonl"
#: Every file of this folder is annotated, including the ones without claims.
EXHAUSTIVE = "time/tbaq-cleaned/AQUAINT"
#: Gold documents under this folder were annotated after the rules were written and are never used
#: to tune them: their scores are reported with the prefix ``heldout_``.
HELDOUT = "time/tbaq-cleaned/TimeBank/"
#: Stages run before ``claims``, when their module exists (the others may still be in progress).
UPSTREAM = ("entities", "quotes", "timexes", "places")
_WORD = re.compile(r"\w+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "s",
    ]
)
#: Two values are equal when they agree to this relative precision ("98.33" vs 98.33).
REL_TOL = 1e-6


@dataclass
class GoldClaim:
    doc: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    counted: str | None
    claimant: str | None


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    overlap: int = 0
    value: int = 0
    value_counted: int = 0
    qualifier: int = 0
    unit: int = 0
    claimant: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        def f1(hits: int) -> float:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0

        def acc(hits: int) -> float:
            return hits / self.overlap if self.overlap else 0.0

        return {
            "value_f1": round(f1(self.value), 4),
            "value_precision": round(self.value / self.system if self.system else 0.0, 4),
            "value_recall": round(self.value / self.gold if self.gold else 0.0, 4),
            "value_counted_f1": round(f1(self.value_counted), 4),
            "qualifier_accuracy": round(acc(self.qualifier), 4),
            "unit_accuracy": round(acc(self.unit), 4),
            "claimant_accuracy": round(acc(self.claimant), 4),
            "gold": self.gold,
            "system": self.system,
        }


def load_gold(path: Path = GOLD) -> list[GoldClaim]:
    with path.open(encoding="utf-8") as fh:
        return [GoldClaim(**json.loads(line)) for line in fh if line.strip()]


def polnear_dates(eval_dir: Path) -> dict[str, str]:
    meta = eval_dir / "quotes" / "polnear" / "metadata.tsv"
    if not meta.is_file():
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(fh, delimiter="\t")}


def load_document(eval_dir: Path, rel: str, dates: dict[str, str]) -> Document:
    path = eval_dir / rel
    if rel.endswith(".tml"):
        tml = parse_tml(path)
        text, published = tml.text, tml.dct
        site = re.match(r"[A-Za-z]+", path.stem)
        return Document(id=rel, text=text, published=published, site=site.group(0) if site else None)
    text = path.read_text(encoding="utf-8")
    return Document(id=rel, text=text, published=dates.get(path.stem), site=path.stem.split("_")[0])


def documents(eval_dir: Path, gold: list[GoldClaim]) -> list[str]:
    exhaustive = sorted(f"{EXHAUSTIVE}/{p.name}" for p in (eval_dir / EXHAUSTIVE).glob("*.tml"))
    return sorted(set(exhaustive) | {g.doc for g in gold})


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=REL_TOL)


def value_ok(g: GoldClaim, s: Claim) -> bool:
    if g.value is not None:
        return _same(g.value, s.value)
    return _same(g.low, s.low) and _same(g.high, s.high)


def _content(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _STOP}


def claimant_ok(g: GoldClaim, s: Claim) -> bool:
    said_by_outlet = s.claimant is None and s.claimant_mention is None
    if g.claimant is None:
        return said_by_outlet
    if said_by_outlet:
        return False
    system = _content(s.claimant_name) | _content(s.claimant_mention.text if s.claimant_mention else None)
    return bool(_content(g.claimant) & system)


def pair(gold: list[GoldClaim], system: list[Claim]) -> list[tuple[GoldClaim, Claim]]:
    """One-to-one pairs by character overlap, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                cands.append((ov, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, gi, si in sorted(cands, key=lambda c: -c[0]):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gold[gi], system[si]))
    return out


def score_doc(doc: Document, gold: list[GoldClaim], counts: Counts) -> None:
    system = doc.claims
    counts.gold += len(gold)
    counts.system += len(system)
    pairs = pair(gold, system)
    paired_g = {id(g) for g, _ in pairs}
    paired_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        counts.overlap += 1
        v_ok = value_ok(g, s)
        c_ok = same_counted(g.counted, s.counted)
        counts.value += v_ok
        counts.value_counted += v_ok and c_ok
        counts.qualifier += g.qualifier == s.qualifier
        counts.unit += g.unit == s.unit
        counts.claimant += claimant_ok(g, s)
        wrong = [
            f"value {g.value or (g.low, g.high)}!={s.value or (s.low, s.high)}" * (not v_ok),
            f"counted {g.counted}!={s.counted}" * (not c_ok),
            f"qual {g.qualifier}!={s.qualifier}" * (g.qualifier != s.qualifier),
            f"unit {g.unit}!={s.unit}" * (g.unit != s.unit),
            f"claimant {g.claimant}!={s.claimant_name}" * (not claimant_ok(g, s)),
        ]
        if any(wrong):
            counts.errors.append(f"{doc.id}:{g.start} {s.text!r}: " + "; ".join(w for w in wrong if w))
    for g in gold:
        if id(g) not in paired_g:
            counts.errors.append(f"{doc.id}:{g.start} MISSED {doc.text[g.start : g.end]!r}")
    for s in system:
        if id(s) not in paired_s:
            counts.errors.append(f"{doc.id}:{s.start} SPURIOUS {s.text!r} ({s.counted})")


def upstream_stages() -> list[str]:
    """The upstream stage modules that exist and build (others are skipped, not faked)."""
    from wiresift.nlp.pipeline import PipelineError, make_stage

    names = []
    for name in UPSTREAM:
        try:
            make_stage(name)
        except (PipelineError, AttributeError):
            continue
        names.append(name)
    return names


def iter_analysed(eval_dir: Path, rels: list[str]) -> Iterator[Document]:
    from wiresift.nlp.pipeline import Pipeline

    # one pipeline run, so that the claims stage sees the entities stage's index (pronoun claimants)
    pipe = Pipeline(stages=[*upstream_stages(), "claims"])
    dates = polnear_dates(eval_dir)
    docs = [load_document(eval_dir, rel, dates) for rel in rels]
    for doc, sdoc in zip(docs, pipe.nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        pipe.apply(doc, sdoc)
        yield doc


def evaluate(eval_dir: Path) -> tuple[dict[str, float], Counts]:
    """Dev scores (AQUAINT + PolNeAR) under plain names, held-out (TimeBank) ones as ``heldout_*``."""
    gold = load_gold()
    by_doc: dict[str, list[GoldClaim]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    dev, held = Counts(), Counts()
    for doc in iter_analysed(eval_dir, documents(eval_dir, gold)):
        score_doc(doc, by_doc.get(doc.id, []), held if doc.id.startswith(HELDOUT) else dev)
    scores = dev.scores()
    scores.update({f"heldout_{k}": v for k, v in held.scores().items()})
    dev.errors.extend(held.errors)
    return scores, dev


def main(argv: list[str]) -> int:
    from gate import shared_eval

    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else shared_eval()
    if eval_dir is None:
        print("no ../shared/eval: pass EVAL_DIR or set WIRESIFT_SHARED_EVAL", file=sys.stderr)
        return 2
    scores, counts = evaluate(eval_dir)
    if "--errors" in argv:
        print("\n".join(counts.errors))
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
