"""Learn the cue-lemma -> mode table of the quotes stage: ``make learn-modes``
(``python training/learn_modes.py [EVAL_DIR]``).

Training code: it lives outside the runtime package and writes only lemmas and mode names, to
``src/wiresift/nlp/quotes/mode_table.py``.

PolNeAR labels no modes, but its gold attributions show how each cue frames what it attributes:
speech verbs carry quotation marks and "that"-clauses, intention verbs "to"-infinitives and short
objects, belief verbs bare clauses. Each gold cue lemma seen ``MIN_COUNT`` times in PolNeAR train
gets a *frame profile* (shares of direct contents, of contents opening with "to" or "that", of
contents before the cue, of short contents). Lemmas of the hand-written core
(:data:`wiresift.nlp.quotes.modes.CORE`) are the seeds: each mode's centroid is the mean profile of
its seed lemmas, and a lemma outside the core goes to the nearest centroid (standardised Euclidean
distance) when it is nearer to it than to the runner-up by ``MIN_MARGIN``; otherwise to ``other``. A
lemma is a statement only when enough of its contents are quoted words (``MIN_DIRECT_SHARE``).
(The spaCy model's word vectors cannot do this: its 20,000 vector rows are shared by many verbs,
"stop" and "start" have the same one.) Lemmas of the stage's own lexicons that train never shows as
cues often enough stay ``other``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from wiresift.nlp.quotes.modes import CORE, MODES

#: A gold cue lemma must be seen this often in train to get a profile (fewer is noise).
MIN_COUNT = 5
#: A lemma takes the nearest mode only when the runner-up is this much farther (standardised units).
MIN_MARGIN = 0.25
#: A lemma outside the core is a statement only when this share of its contents is quoted words:
#: the frames of speech and of acts ("put", "go", "include") are too alike otherwise.
MIN_DIRECT_SHARE = 0.3
#: Contents of at most this many words are short (an object or a name: "backed Cruz").
SHORT_WORDS = 4
OUT = Path(__file__).resolve().parents[1] / "src" / "wiresift" / "nlp" / "quotes" / "mode_table.py"
_WORD = re.compile(r"\w+")
_MARKS = ('"', "\u201c", "\u201d")


def _spans(loc: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (p.split() for p in loc.split(";"))]


def frames(split_dir: Path) -> list[tuple[str, list[float]]]:
    """(cue text, frame features) of every gold attribution with a cue and content, from the
    first-sorting annotator file of each article."""
    out: list[tuple[str, list[float]]] = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{txt.stem}_????.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, list[tuple[int, int]]] = {}
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                spans[parts[0]] = _spans(parts[1].partition(" ")[2])
            elif line.startswith("E") and len(parts) >= 2:
                event = dict(a.split(":", 1) for a in parts[1].split())
                content = [p for r in ("Content", "Content2") if r in event for p in spans.get(event[r], [])]
                cue = spans.get(event.get("Cue", ""), [])
                if content and cue:
                    out.append((" ".join(text[s:e] for s, e in cue).lower(), _features(text, content, cue)))
    return out


def _features(text: str, content: list[tuple[int, int]], cue: list[tuple[int, int]]) -> list[float]:
    body = " ".join(text[s:e] for s, e in sorted(content)).strip()
    words = _WORD.findall(body.lower())
    first = words[0] if words else ""
    return [
        float(any(m in body for m in _MARKS)),  # direct or mixed
        float(first == "to"),  # an infinitive: "wants to", "plans to"
        float(first == "that"),  # a that-clause
        float(min(s for s, _ in content) < min(s for s, _ in cue)),  # content before the cue
        float(len(words) <= SHORT_WORDS),  # an object: "backed Cruz"
    ]


def lemma_profiles(items: list[tuple[str, list[float]]]) -> dict[str, tuple[int, np.ndarray]]:
    """Per cue lemma (the root of the cue's parse): count and mean frame features."""
    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    texts = sorted({cue for cue, _ in items})
    lemma_of: dict[str, str] = {}
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256), strict=True):
        root = next((t for t in doc if t.dep_ == "ROOT" and t.is_alpha), None)
        if root is not None:
            lemma_of[text] = root.lemma_.lower()
    rows: dict[str, list[list[float]]] = {}
    for cue, feats in items:
        if cue in lemma_of:
            rows.setdefault(lemma_of[cue], []).append(feats)
    return {lemma: (len(r), np.mean(r, axis=0)) for lemma, r in rows.items() if len(r) >= MIN_COUNT}


def classify(profiles: dict[str, tuple[int, np.ndarray]]) -> dict[str, str]:
    """Nearest-centroid mode of each profiled lemma outside the core (see the module docstring)."""
    matrix = np.array([p for _, p in profiles.values()])
    scale = matrix.std(axis=0) + 1e-9
    centroids = {}
    for mode in MODES:
        seeds = [p / scale for lemma, (_, p) in profiles.items() if CORE.get(lemma) == mode]
        if seeds:
            centroids[mode] = np.mean(seeds, axis=0)
    table: dict[str, str] = {}
    for lemma, (_, profile) in sorted(profiles.items()):
        if lemma in CORE or not lemma.isalpha():
            continue
        dists = sorted((float(np.linalg.norm(profile / scale - c)), m) for m, c in centroids.items())
        if profile[0] < MIN_DIRECT_SHARE:
            dists = [d for d in dists if d[1] != "statement"]
        (best, mode), (second, _) = dists[0], dists[1]
        table[lemma] = mode if second - best >= MIN_MARGIN else "other"
    return table


def write(table: dict[str, str], path: Path = OUT) -> None:
    lines = [
        '"""Generated by ``make learn-modes`` (``training/learn_modes.py``): do not edit by hand.',
        "",
        "Cue lemma -> mode for the lemmas outside the hand-written core of :mod:`modes`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "LEARNED_MODES: dict[str, str] = {",
        *(f'    "{lemma}": "{mode}",' for lemma, mode in sorted(table.items())),
        "}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    eval_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "eval"
    profiles = lemma_profiles(frames(eval_dir / "quotes" / "polnear" / "train"))
    table = classify(profiles)
    write(table)
    by_mode = Counter(table.values())
    print(
        f"{len(profiles)} profiled lemmas, {len(table)} outside the core: "
        + ", ".join(f"{m} {by_mode[m]}" for m in MODES)
    )
    for lemma, mode in sorted(table.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"  {mode:10s} {lemma} ({profiles[lemma][0]})")


if __name__ == "__main__":
    main(sys.argv[1:])
