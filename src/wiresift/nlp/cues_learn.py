"""Learn reporting-verb lemmas from PolNeAR train: ``python -m wiresift.nlp.cues_learn [EVAL_DIR]``.

For every verb with a subject and a complement (clausal ``ccomp`` or nominal ``dobj``/``xcomp``),
count how often the verb lies inside a gold Cue span and the complement covers at least half of
that attribution's content words. Lemmas that reach ``MIN_HITS`` with precision ``MIN_PRECISION``
are printed as Python sets to paste into :mod:`wiresift.nlp.cues`. Only lemmas leave the data.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

#: A lemma must be a cue this often in train to be trusted (one-off cues are noise).
MIN_HITS = 3
#: ...and a cue at least this share of the times it has a subject and that complement.
MIN_PRECISION = 0.5
COMPLEMENTS = ("ccomp", "dobj", "xcomp")
_WORD = re.compile(r"\w+")


def _spans(loc: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (p.split() for p in loc.split(";"))]


def _cue_spans(ann: str) -> list[tuple[int, int]]:
    """Character spans of the gold Cues of attributions that have content."""
    spans: dict[str, list[tuple[int, int]]] = {}
    cues: list[tuple[int, int]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, body = line.split("\t")[:2]
            spans[tid] = _spans(body.partition(" ")[2])
        elif line.startswith("E"):
            event = dict(a.split(":", 1) for a in line.split("\t")[1].split())
            if "Cue" in event and "Content" in event:
                cues.extend(spans[event["Cue"]])
    return cues


def learn(split_dir: Path, limit: int | None = None) -> dict[str, Counter[str]]:
    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    totals: dict[str, Counter[str]] = {c: Counter() for c in COMPLEMENTS}
    hits: dict[str, Counter[str]] = {c: Counter() for c in COMPLEMENTS}
    items = []
    for txt in sorted((split_dir / "text").glob("*.txt"))[:limit]:
        anns = sorted((split_dir / "attributions").glob(f"{txt.stem}_????.ann"))
        if anns:
            items.append((txt.read_text(encoding="utf-8"), anns[0].read_text(encoding="utf-8")))
    for sdoc, ann in nlp.pipe(items, as_tuples=True, batch_size=32):
        text = sdoc.text
        cues = _cue_spans(ann)
        content_pieces = []
        for line in ann.splitlines():
            if line.startswith("T") and "\tContent " in line:
                for s, e in _spans(line.split("\t")[1].partition(" ")[2]):
                    content_pieces.append({m.start() for m in _WORD.finditer(text, s, e)})
        for tok in sdoc:
            if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_.startswith("nsubj") for c in tok.children):
                continue
            is_cue = any(s <= tok.idx < e for s, e in cues)
            for child in tok.children:
                if child.dep_ not in COMPLEMENTS:
                    continue
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                words = {m.start() for m in _WORD.finditer(text, start, end)}
                totals[child.dep_][tok.lemma_.lower()] += 1
                covered = is_cue and words and any(len(words & c) >= 0.5 * len(words) for c in content_pieces)
                if covered:
                    hits[child.dep_][tok.lemma_.lower()] += 1
    learned: dict[str, Counter[str]] = {}
    for comp in COMPLEMENTS:
        learned[comp] = Counter(
            {
                lemma: n
                for lemma, n in hits[comp].items()
                if n >= MIN_HITS and n / totals[comp][lemma] >= MIN_PRECISION
            }
        )
    return learned


def main(argv: list[str]) -> None:
    eval_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[4] / "shared" / "eval"
    limit = int(argv[1]) if len(argv) > 1 else None
    learned = learn(eval_dir / "quotes" / "polnear" / "train", limit)
    for comp, lemmas in learned.items():
        print(f"# {comp}: {len(lemmas)} lemmas")
        print(f"{comp.upper()}_VERBS = frozenset({sorted(lemmas)!r})")


if __name__ == "__main__":
    main(sys.argv[1:])
