"""TempEval-3 Task A scorer for the ``timexes`` layer over ``../shared/eval/time``.

Each ``.tml`` file gives its plain text (``<TEXT>`` with every tag stripped, offsets kept) and its
DCT; the tagger sees only that text and the DCT date. System and gold timexes are aligned one to
one by token overlap: relaxed = at least one shared token, strict = the same tokens. Value and
type are judged on relaxed matches; value F1 = relaxed F1 x value accuracy. Counts are pooled
(micro-average) per corpus (TimeBank, AQUAINT) and over both.

Usage: ``python eval/score_time.py [EVAL_DIR] [--errors]``.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wiresift.model import Timex
from wiresift.nlp.time.stage import find_timexes

CORPORA = ("TimeBank", "AQUAINT")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TOKEN = re.compile(r"\w+|[^\w\s]")

Tagger = Callable[[str, str | None], list[Timex]]


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    path: Path
    text: str
    dct: str | None
    timexes: list[GoldTimex]


def parse_tml(path: Path) -> GoldDoc:
    """Plain text of ``<TEXT>`` plus its TIMEX3 spans (offsets into the stripped text) and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    src = body.group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(src):
        chunk = html.unescape(src[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(src[pos:]))
    return GoldDoc(path, "".join(parts), dct_match.group(1) if dct_match else None, timexes)


def iter_docs(time_dir: Path, corpus: str) -> Iterator[GoldDoc]:
    for path in sorted((time_dir / "tbaq-cleaned" / corpus).glob("*.tml")):
        yield parse_tml(path)


def _token_ids(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _tokens_in(spans: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(spans) if s < end and e > start)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.relaxed += other.relaxed
        self.strict += other.strict
        self.value_ok += other.value_ok
        self.type_ok += other.type_ok
        self.errors.extend(other.errors)

    def scores(self) -> dict[str, float]:
        def f1(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        rp, rr, rf = f1(self.relaxed)
        _, _, sf = f1(self.strict)
        vacc = self.value_ok / self.relaxed if self.relaxed else 0.0
        tacc = self.type_ok / self.relaxed if self.relaxed else 0.0
        return {
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "strict_f1": sf,
            "value_accuracy": vacc,
            "value_f1": rf * vacc,
            "type_accuracy": tacc,
            "type_f1": rf * tacc,
            "gold": float(self.gold),
            "system": float(self.system),
        }


def score_doc(doc: GoldDoc, tagger: Tagger) -> Counts:
    """Align system to gold one to one (gold order, first overlapping unused system timex)."""
    system = tagger(doc.text, doc.dct)
    tokens = _token_ids(doc.text)
    counts = Counts(gold=len(doc.timexes), system=len(system))
    sys_toks = [_tokens_in(tokens, t.start, t.end) for t in system]
    used: set[int] = set()
    name = doc.path.name
    for g in doc.timexes:
        gt = _tokens_in(tokens, g.start, g.end)
        best = None
        for i, st in enumerate(sys_toks):
            if i in used or not (st & gt):
                continue
            if best is None or st == gt:
                best = i
            if st == gt:
                break
        gtext = doc.text[g.start : g.end]
        if best is None:
            counts.errors.append(f"MISS {name} {gtext!r} {g.type} {g.value}")
            continue
        used.add(best)
        s = system[best]
        counts.relaxed += 1
        if sys_toks[best] == gt:
            counts.strict += 1
        else:
            counts.errors.append(f"SPAN {name} gold={gtext!r} sys={s.text!r}")
        if s.value == g.value:
            counts.value_ok += 1
        else:
            counts.errors.append(f"VALUE {name} {gtext!r} gold={g.value} sys={s.value} ({s.text!r})")
        if s.type == g.type:
            counts.type_ok += 1
        else:
            counts.errors.append(f"TYPE {name} {gtext!r} gold={g.type} sys={s.type}")
    for i, s in enumerate(system):
        if i not in used:
            ctx = doc.text[max(0, s.start - 40) : s.end + 20].replace("\n", " ")
            counts.errors.append(f"FP {name} {s.text!r} {s.type} {s.value} | {ctx}")
    return counts


def parsed_tagger() -> Tagger:
    """The tagger as the ``timexes`` stage runs it: with the spaCy parse of the text (``--parse``)."""
    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    return lambda text, dct: find_timexes(text, dct, nlp(text))


def evaluate(time_dir: Path, tagger: Tagger | None = None) -> tuple[dict[str, float], Counts]:
    """Scores per corpus (``timebank.relaxed_f1`` ...) and combined (``relaxed_f1`` ...)."""
    run: Tagger = tagger or (lambda text, dct: find_timexes(text, dct))
    total = Counts()
    out: dict[str, float] = {}
    for corpus in CORPORA:
        counts = Counts()
        for doc in iter_docs(time_dir, corpus):
            counts.add(score_doc(doc, run))
        out.update({f"{corpus.lower()}.{k}": v for k, v in counts.scores().items()})
        total.add(counts)
    out.update(total.scores())
    return out, total


def main(argv: list[str]) -> int:
    from gate import shared_eval

    args = [a for a in argv if not a.startswith("--")]
    base = Path(args[0]) if args else shared_eval()
    if base is None:
        print("no eval data: pass EVAL_DIR or set WIRESIFT_SHARED_EVAL", file=sys.stderr)
        return 2
    time_dir = base / "time" if (base / "time").is_dir() else base
    scores, total = evaluate(time_dir, parsed_tagger() if "--parse" in argv else None)
    if "--errors" in argv:
        print("\n".join(total.errors))
    for prefix in ("timebank.", "aquaint.", ""):
        keys = ("relaxed_p", "relaxed_r", "relaxed_f1", "strict_f1", "value_accuracy", "value_f1", "type_f1")
        row = " ".join(f"{k}={scores[prefix + k]:.4f}" for k in keys)
        print(f"{prefix.rstrip('.') or 'combined':9} gold={int(scores[prefix + 'gold'])} {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
