"""Score the quotes layer on PolNeAR exactly as ``../shared/eval/quotes/README.md`` defines.

Usage: ``python eval/score_quotes.py [dev|train] [--limit N]``. Prints one JSON object of scores.

Rules (README "How to score a system"): words are ``\\w+`` runs inside a span, compared as sets of
start offsets. Each prediction goes to the gold content holding the largest share of its words
(ties, e.g. nested attributions: the smallest gold, then the earliest) and is a true positive at a
share >= 0.5; a gold item is recalled when the union of its true positives covers >= 0.5 of its
words, and exactly recalled when that union equals its word set. A true positive has the right speaker when its speaker words meet the gold
Source words (or both are absent). End-to-end recall needs a strict majority of a gold item's true
positives to have the right speaker. Only the first-sorting annotator file of an article is used.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"\w+")
QUOTE_CHARS = ('"', "“", "”")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Spans
    source: Spans
    direct: bool


@dataclass(frozen=True)
class Pred:
    content: Spans
    speaker: Spans


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def words(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the ``\\w+`` words inside ``spans`` (punctuation and spaces ignored)."""
    out: set[int] = set()
    for start, end in spans:
        out.update(m.start() for m in WORD.finditer(text, start, end))
    return frozenset(out)


def _spans(field_text: str) -> Spans:
    pieces = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def parse_ann(ann: str, text: str) -> list[Gold]:
    """Attribution events of one BRAT file: content (Content + Content2), source, direct flag."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            if "\t" not in line:
                continue  # a few train files hold a malformed, tab-less T line: not a span
            tid, body = line.split("\t")[:2]
            _, _, loc = body.partition(" ")
            spans[tid] = _spans(loc)
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            events.append(dict(arg.split(":", 1) for arg in args))
    gold = []
    for event in events:
        content = tuple(p for role in ("Content", "Content2") if role in event for p in spans[event[role]])
        if not content:
            continue
        source = spans.get(event.get("Source", ""), ())
        content_text = "".join(text[s:e] for s, e in content)
        gold.append(Gold(content, source, any(q in content_text for q in QUOTE_CHARS)))
    return gold


def load_split(split_dir: Path, limit: int | None = None) -> list[Article]:
    """Articles of a split with the gold of the first-sorting annotator file only."""
    articles = []
    for txt in sorted((split_dir / "text").glob("*.txt"))[:limit]:
        text = txt.read_text(encoding="utf-8")
        anns = sorted((split_dir / "attributions").glob(f"{txt.stem}_????.ann"))
        gold = parse_ann(anns[0].read_text(encoding="utf-8"), text) if anns else []
        articles.append(Article(txt.stem, text, gold))
    return articles


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(articles: Sequence[Article], preds: Sequence[Sequence[Pred]]) -> dict[str, float]:
    """All README metrics over the articles, ``preds[i]`` being the predictions of ``articles[i]``."""
    n_pred = n_tp = n_tp_speaker = 0
    n_gold = n_direct = 0
    recalled = recalled_direct = exact = e2e_recalled = e2e_recalled_direct = 0
    for article, apreds in zip(articles, preds, strict=True):
        text = article.text
        gwords = [words(text, g.content) for g in article.gold]
        gsource = [words(text, g.source) for g in article.gold]
        assigned: list[list[tuple[frozenset[int], bool]]] = [[] for _ in article.gold]
        for pred in apreds:
            n_pred += 1
            pw = words(text, pred.content)
            if not pw or not gwords:
                continue
            shares = [len(pw & gw) / len(pw) for gw in gwords]
            best = max(range(len(shares)), key=lambda i: (shares[i], -len(gwords[i]), -i))
            if shares[best] < 0.5:
                continue
            n_tp += 1
            gold = article.gold[best]
            sw = words(text, pred.speaker)
            right = bool(sw & gsource[best]) if gold.source else not pred.speaker
            n_tp_speaker += right
            assigned[best].append((pw, right))
        for gold, gw, got in zip(article.gold, gwords, assigned, strict=True):
            n_gold += 1
            n_direct += gold.direct
            union = frozenset().union(*(pw for pw, _ in got)) if got else frozenset()
            hit = bool(gw) and len(union & gw) >= 0.5 * len(gw)
            recalled += hit
            recalled_direct += hit and gold.direct
            exact += bool(got) and union == gw
            e2e = hit and 2 * sum(right for _, right in got) > len(got)
            e2e_recalled += e2e
            e2e_recalled_direct += e2e and gold.direct
    p, r_all = _ratio(n_tp, n_pred), _ratio(recalled, n_gold)
    e2e_p, e2e_r = _ratio(n_tp_speaker, n_pred), _ratio(e2e_recalled, n_gold)
    return {
        "precision": p,
        "r_all": r_all,
        "f1_all": _f1(p, r_all),
        "r_direct": _ratio(recalled_direct, n_direct),
        "strict_r_all": _ratio(exact, n_gold),
        "speaker_accuracy": _ratio(n_tp_speaker, n_tp),
        "e2e_precision": e2e_p,
        "e2e_r_all": e2e_r,
        "e2e_f1_all": _f1(e2e_p, e2e_r),
        "e2e_r_direct": _ratio(e2e_recalled_direct, n_direct),
        "n_pred": n_pred,
        "n_gold": n_gold,
        "n_direct": n_direct,
    }


def predict(articles: Sequence[Article]) -> list[list[Pred]]:
    """Run the entities + quotes stages (one ``nlp.pipe`` pass) and keep content + speaker spans of
    every quote, whatever its mode (PolNeAR counts beliefs, intentions and stances too)."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    pipeline = Pipeline(stages=("entities", "quotes"))
    docs = pipeline.run(Document(id=a.name, text=a.text) for a in articles)
    out = []
    for doc in docs:
        out.append(
            [
                Pred(
                    ((q.start, q.end),),
                    ((q.speaker_mention.start, q.speaker_mention.end),) if q.speaker_mention else (),
                )
                for q in doc.quotes
            ]
        )
    return out


def evaluate(eval_dir: Path, split: str = "dev", limit: int | None = None) -> dict[str, float]:
    articles = load_split(eval_dir / "quotes" / "polnear" / split, limit)
    return score(articles, predict(articles))


def main(argv: list[str]) -> None:
    from gate import shared_eval

    split = argv[0] if argv and not argv[0].startswith("-") else "dev"
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("../shared/eval is absent: set WIRESIFT_SHARED_EVAL to the eval folder")
    started = time.perf_counter()
    scores = evaluate(eval_dir, split, limit)
    scores["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
