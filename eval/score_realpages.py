"""Score claims and dates on the team's own real-page gold (``eval/gold/realpages``).

Usage: ``python eval/score_realpages.py [tune|heldout|all]``. Prints one JSON object of scores per
split. The gold is offsets only, into the ``articleBody`` strings of
``../shared/eval/extraction/ground-truth.json`` exactly as ``json`` loads them; the folder's README
says how the 20 pages were chosen, split and annotated. Each page runs through the full default
pipeline with the gold's publication date and the page's site (the outlet's host).

Rules:
- **Claims** pair one-to-one, in text order, with the first unpaired system claim whose span
  overlaps the gold number span. A pair is *value right* when the value agrees to a relative 1e-6
  (a gold range, stored with ``value`` null, needs a null system value). ``value_f1`` counts
  value-right pairs against all system claims (precision) and all gold claims (recall).
  ``value_counted_f1`` also needs the counted thing: a null gold needs a null system counted; a
  gold span needs a system counted with the same head word (``claim_match.head``, the rule of
  ``score_claims.py``: "likely voters" names "voters", "ferry fares" does not name "ferries").
  ``claimant_accuracy`` is over value-right pairs: a null gold (the outlet) needs no system
  claimant mention; otherwise the system mention overlaps the gold mention, or the system's
  claimant name shares a capitalised word with the gold mention or with ``claimant_ref`` (the
  name a pronoun mention stands for).
- **Dates**: a gold date is *right* when a system timex overlaps it with exactly its value;
  ``date_value_accuracy`` is right / gold dates. ``forward_in_past`` counts gold dates marked
  ``forward`` (after the publication date) whose overlapping system timex has a calendar value
  before the publication date: the error this check exists to catch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claim_match import same_counted
from page_gold import by_split, gold_pages, run

GOLD_DIR = Path(__file__).parent / "gold" / "realpages"
WORD = re.compile(r"\w+")
#: Relative tolerance when comparing a system value with the gold value.
VALUE_TOLERANCE = 1e-6
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Page:
    id: str
    split: str
    text: str
    published: str
    site: str | None
    url: str | None
    claims: list[dict[str, Any]]
    dates: list[dict[str, Any]]


def load_pages(eval_dir: Path, split: str = "all") -> list[Page]:
    """Gold pages of ``split`` with their bodies; a body that changed since annotation is an error."""
    return [
        Page(
            gp.gold["id"],
            gp.gold["split"],
            gp.text,
            gp.gold["published"],
            gp.site,
            gp.url,
            gp.gold["claims"],
            gp.gold["dates"],
        )
        for gp in gold_pages(eval_dir, GOLD_DIR, split)
    ]


def predict(pages: Sequence[Page]) -> list[Any]:
    """Run the full default pipeline over each gold body (with the page's date, site and URL)."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    docs = [Document(id=p.id, text=p.text, site=p.site, url=p.url, published=p.published) for p in pages]
    return list(Pipeline().run(docs))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _value_right(gold: dict[str, Any], claim: Any) -> bool:
    want = gold["value"]
    if want is None:
        return claim.value is None
    if claim.value is None:
        return False
    return bool(abs(claim.value - want) <= VALUE_TOLERANCE * max(1.0, abs(want)))


def _counted_right(text: str, gold: dict[str, Any], claim: Any) -> bool:
    if gold["counted"] is None:
        return claim.counted is None
    s, e = gold["counted"]
    return claim.counted is not None and same_counted(text[s:e], claim.counted)


def _claimant_right(text: str, gold: dict[str, Any], claim: Any) -> bool:
    if gold["claimant"] is None:
        return claim.claimant_mention is None
    mention = claim.claimant_mention
    if mention is not None and _overlaps((mention.start, mention.end), tuple(gold["claimant"])):
        return True
    if not claim.claimant_name:
        return False
    names = {w for w in WORD.findall(claim.claimant_name) if w[:1].isupper()}
    for key in ("claimant", "claimant_ref"):
        if gold.get(key):
            s, e = gold[key]
            if names & {w for w in WORD.findall(text[s:e]) if w[:1].isupper()}:
                return True
    return False


def _calendar_day(value: str | None) -> tuple[int, int, int] | None:
    m = _CALENDAR.match(value or "")
    if m is None or len(m.group(1)) != 4:
        return None
    return int(m.group(1)), int(m.group(2) or 12), int(m.group(3) or 28)


def _put_in_past(value: str | None, published: str) -> bool:
    """Whether a system value ends before the publication date (a month counts to its end)."""
    day = _calendar_day(value)
    pub = _calendar_day(published)
    return day is not None and pub is not None and day < pub


def score(pages: Sequence[Page], docs: Sequence[Any]) -> dict[str, float]:
    n_gold = n_sys = value_tp = counted_tp = claimant_ok = 0
    n_dates = dates_right = forward = forward_past = 0
    for page, doc in zip(pages, docs, strict=True):
        n_gold += len(page.claims)
        n_sys += len(doc.claims)
        used: set[int] = set()
        for gold in page.claims:
            span = (gold["span"][0], gold["span"][1])
            for k, claim in enumerate(doc.claims):
                if k in used or not _overlaps((claim.start, claim.end), span):
                    continue
                used.add(k)
                if _value_right(gold, claim):
                    value_tp += 1
                    counted_tp += _counted_right(page.text, gold, claim)
                    claimant_ok += _claimant_right(page.text, gold, claim)
                break
        for gold in page.dates:
            n_dates += 1
            forward += gold["forward"]
            span = (gold["span"][0], gold["span"][1])
            hits = [t for t in doc.timexes if _overlaps((t.start, t.end), span)]
            dates_right += any(t.value == gold["value"] for t in hits)
            if gold["forward"] and any(_put_in_past(t.value, page.published) for t in hits):
                forward_past += 1

    def f1(tp: int) -> float:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "value_f1": f1(value_tp),
        "value_counted_f1": f1(counted_tp),
        "claimant_accuracy": claimant_ok / value_tp if value_tp else 0.0,
        "date_value_accuracy": dates_right / n_dates if n_dates else 0.0,
        "forward_in_past": float(forward_past),
        "n_pages": float(len(pages)),
        "n_gold_claims": float(n_gold),
        "n_system_claims": float(n_sys),
        "n_dates": float(n_dates),
        "n_forward": float(forward),
    }


def evaluate(eval_dir: Path, split: str = "all") -> dict[str, dict[str, float]]:
    """Scores per split (``tune``, ``heldout`` or both), one pipeline run over the pages needed."""
    pages = load_pages(eval_dir, split)
    docs = predict(pages)
    halves = by_split([p.split for p in pages], split)
    return {name: score([pages[i] for i in idx], [docs[i] for i in idx]) for name, idx in halves.items()}


def main(argv: list[str]) -> None:
    run(argv, "score_realpages.py", evaluate)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
