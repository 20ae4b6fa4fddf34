"""Score who said what on the team's own multi-outlet gold (``eval/gold/attributions``).

Usage: ``python eval/score_attributions.py [tune|heldout|all|fresh|fresh2|persons_dev]``. Prints one JSON object of
scores per split. ``fresh`` scores the later pages of ``eval/gold/attributions_fresh`` (same format,
their own README) instead, ``fresh2`` those of ``eval/gold/attributions_fresh2`` (a blind set: read its
scores in aggregate only, like the held-out half), ``persons_dev`` the persons-and-titles pages of
``eval/gold/persons_dev`` (persons scores only: those pages have no attribution rows); ``all`` stays the tune and held-out halves. The gold is offsets and ids only, into the ``articleBody`` strings of
``../shared/eval/extraction/ground-truth.json`` exactly as ``json`` loads them (no normalisation);
the README of the gold folder says how pages were chosen, split and annotated.

Rules:
- **Quotes** follow ``score_quotes.py``: words are ``\\w+`` runs, a prediction goes to the gold
  content holding the largest share of its words (ties: the smallest gold, then the earliest) and
  is a true positive at a share >= 0.5; a gold item is recalled when the union of its true
  positives covers >= 0.5 of its words. ``r_direct`` counts the direct gold items only.
- **Canonical speaker** of a true positive is right when the gold has no speaker and the prediction
  has neither a speaker entity nor a speaker mention; or when the predicted speaker entity has a
  mention overlapping the gold entity's fullest-mention span, or its name equals that span's text
  (case, spaces, punctuation and a possessive 's ignored); or when the predicted speaker mention
  itself overlaps that span. For an unnamed gold speaker (type ``NOM``: "officials", "a doctor on
  the scene") a predicted speaker mention overlapping the gold local mention is right too, unless
  the prediction resolved it to an entity that has no mention there.
- **Modes**: ``shown_precision`` is the precision of the statement-mode predictions alone (what the
  quotes list shows by default); ``mode_accuracy`` is the share of true positives whose mode is the
  mode of their gold item. ``precision`` and the recalls count every mode.
- **End to end**: a prediction counts when it is a true positive with the right canonical speaker
  (``e2e_precision``); a gold item counts when it is recalled and a strict majority of its true
  positives have the right speaker (``e2e_recall``); ``e2e_f1`` is their harmonic mean.
- **Persons**: a gold person is found when a PERSON entity has a mention overlapping the person's
  fullest-mention span; among persons with gold titles, one is titled when such an entity's
  titles share a content word (case-folded ``\\w+``, minus a few function words) with a gold title.
  ``persons_mean`` is the mean of ``persons_found`` and ``persons_titled``.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from page_gold import by_split, gold_pages, run
from score_quotes import WORD, words

GOLD_DIR = Path(__file__).parent / "gold" / "attributions"
#: Pages annotated after the tune / held-out halves were fixed, scored on their own (split ``fresh``).
FRESH_DIR = Path(__file__).parent / "gold" / "attributions_fresh"
FRESH = "fresh"
#: A second set of later pages, kept blind (aggregate scores only, split ``fresh2``).
FRESH2_DIR = Path(__file__).parent / "gold" / "attributions_fresh2"
FRESH2 = "fresh2"
#: Persons-and-titles development pages (no attributions annotated; split ``persons_dev``).
PERSONS_DEV_DIR = Path(__file__).parent / "gold" / "persons_dev"
PERSONS_DEV = "persons_dev"
#: The folder of each split that has its own (every other split reads ``GOLD_DIR``).
LATER_DIRS = {FRESH: FRESH_DIR, FRESH2: FRESH2_DIR, PERSONS_DEV: PERSONS_DEV_DIR}
#: The scores that mean something on pages annotated for persons only.
PERSON_KEYS = ("persons_found", "persons_titled", "persons_mean", "n_pages", "n_persons", "n_titled_persons")
MODES = ("statement", "belief", "intention", "knowledge", "other")
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "at", "in", "and", "to", "on", "s"})
Span = tuple[int, int]


@dataclass(frozen=True)
class Page:
    id: str
    split: str
    text: str
    site: str | None
    html_path: Path | None
    url: str | None
    entities: dict[str, dict[str, Any]]
    rows: list[dict[str, Any]]


def load_pages(eval_dir: Path, split: str = "all") -> list[Page]:
    """Gold pages of ``split`` with their bodies; a body that changed since annotation is an error.
    ``fresh`` reads the pages of ``FRESH_DIR``, ``fresh2`` those of ``FRESH2_DIR``; every other split
    those of ``GOLD_DIR``."""
    pages = []
    for gp in gold_pages(eval_dir, LATER_DIRS.get(split, GOLD_DIR), split):
        gold = gp.gold
        html = eval_dir / "extraction" / "html" / f"{gold['id']}.html.gz"
        pages.append(
            Page(
                gold["id"],
                gold["split"],
                gp.text,
                gp.site,
                html if html.exists() else None,
                gp.url,
                gold["entities"],
                gold["attributions"],
            )
        )
    return pages


def _edge_ok(text: str, start: int, end: int) -> bool:
    """``start < end`` inside ``text``, neither end cutting a word."""
    if not 0 <= start < end <= len(text):
        return False
    left = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
    right = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return left and right


def _distance(span: Span, targets: Sequence[Span]) -> int:
    """Characters between ``span`` and the nearest target; 100000 when it overlaps one."""
    best = 10**9
    for s, e in targets:
        gap = s - span[1] if span[1] <= s else span[0] - e
        best = min(best, 100000 if span[0] < e and s < span[1] else gap)
    return best


def span_problems(entities: dict[str, Any], rows: Sequence[dict[str, Any]], text: str) -> list[str]:
    """Every gold span at word edges inside the body, cues outside their content, speaker ids defined."""
    problems = []
    for eid, ent in entities.items():
        for s, e in [ent["span"], *ent["titles"]]:
            if not _edge_ok(text, s, e):
                problems.append(f"{eid}: span {s}-{e} not at word edges")
    for i, row in enumerate(rows):
        content = [(p[0], p[1]) for p in row["content"]]
        spans = content + [(row[k][0], row[k][1]) for k in ("cue", "mention") if row[k]]
        problems += [f"row {i}: span {s}-{e} not at word edges" for s, e in spans if not _edge_ok(text, s, e)]
        if row["cue"] and _distance((row["cue"][0], row["cue"][1]), content) >= 100000:
            problems.append(f"row {i}: cue inside content")
        if row["speaker"] is not None and row["speaker"] not in entities:
            problems.append(f"row {i}: unknown speaker {row['speaker']}")
        if row["kind"] not in ("direct", "indirect", "mixed") or row["mode"] not in MODES:
            problems.append(f"row {i}: bad kind or mode")
    return problems


def _published(page: Page) -> str | None:
    """The page's publication date as ingest reads it from the HTML (None when it finds none)."""
    from wiresift.ingest.common import html_document

    if page.html_path is None:
        return None
    try:
        html = gzip.decompress(page.html_path.read_bytes()).decode("utf-8", errors="replace")
        return html_document(html, source=page.html_path.name, url=page.url).published
    except Exception:  # a page ingest cannot read simply has no date
        return None


def predict(pages: Sequence[Page]) -> list[Any]:
    """Run the full default pipeline over each gold body (with the page's site and date)."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    docs = [Document(id=p.id, text=p.text, site=p.site, published=_published(p)) for p in pages]
    return list(Pipeline().run(docs))


def _norm(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.casefold())
    return " ".join(WORD.findall(name))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def speaker_right(page: Page, row: dict[str, Any], quote: Any, entities: dict[str, Any]) -> bool:
    """The canonical-speaker rule of the module docstring for one true positive."""
    mention = quote.speaker_mention
    mspan = (mention.start, mention.end) if mention else None
    if row["speaker"] is None:
        return quote.speaker is None and mention is None
    gold = page.entities[row["speaker"]]
    full = (gold["span"][0], gold["span"][1])
    entity = entities.get(quote.speaker) if quote.speaker else None
    if entity is not None:
        if any(_overlaps((s, e), full) for s, e in entity.mentions):
            return True
        if _norm(entity.name) == _norm(page.text[full[0] : full[1]]):
            return True
    if mspan and _overlaps(mspan, full):
        return True
    if gold["type"] == "NOM" and mspan and row["mention"] and _overlaps(mspan, tuple(row["mention"])):
        return entity is None or any(_overlaps((s, e), mspan) for s, e in entity.mentions)
    return False


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _title_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)} - FUNCTION_WORDS


def best_row(pw: frozenset[int], gwords: Sequence[frozenset[int]]) -> int | None:
    """The gold row a predicted quote (its content words ``pw``) matches: the one sharing most of its
    words, at least half (ties: the shorter row, then the earlier); None when none does."""
    if not pw or not gwords:
        return None
    shares = [len(pw & gw) / len(pw) for gw in gwords]
    best = max(range(len(shares)), key=lambda i: (shares[i], -len(gwords[i]), -i))
    return best if shares[best] >= 0.5 else None


def score(pages: Sequence[Page], docs: Sequence[Any]) -> dict[str, float]:
    """Every metric of the module docstring over ``pages`` (``docs[i]`` analysed ``pages[i]``)."""
    n_pred = n_tp = n_right = 0
    n_shown = n_shown_tp = n_mode_right = 0
    n_gold = n_direct = recalled = recalled_direct = e2e_recalled = 0
    persons = found = titled_of = titled = 0
    for page, doc in zip(pages, docs, strict=True):
        text = page.text
        entities = {e.id: e for e in doc.entities}
        gwords = [words(text, [tuple(p) for p in row["content"]]) for row in page.rows]
        assigned: list[list[tuple[frozenset[int], bool]]] = [[] for _ in page.rows]
        for quote in doc.quotes:
            n_pred += 1
            mode = getattr(quote, "mode", "statement")
            n_shown += mode == "statement"
            pw = words(text, [(quote.start, quote.end)])
            best = best_row(pw, gwords)
            if best is None:
                continue
            n_tp += 1
            n_shown_tp += mode == "statement"
            n_mode_right += mode == page.rows[best]["mode"]
            right = speaker_right(page, page.rows[best], quote, entities)
            n_right += right
            assigned[best].append((pw, right))
        for row, gw, got in zip(page.rows, gwords, assigned, strict=True):
            direct = row["kind"] == "direct"
            n_gold += 1
            n_direct += direct
            union = frozenset().union(*(pw for pw, _ in got)) if got else frozenset()
            hit = bool(gw) and len(union & gw) >= 0.5 * len(gw)
            recalled += hit
            recalled_direct += hit and direct
            e2e_recalled += hit and 2 * sum(right for _, right in got) > len(got)
        people = [e for e in doc.entities if e.type == "PERSON"]
        for ent in page.entities.values():
            if ent["type"] != "PERSON":
                continue
            persons += 1
            full = (ent["span"][0], ent["span"][1])
            hits = [e for e in people if any(_overlaps((s, t), full) for s, t in e.mentions)]
            found += bool(hits)
            if ent["titles"]:
                titled_of += 1
                gold_words = set().union(*(_title_words(text[s:t]) for s, t in ent["titles"]))
                titled += any(gold_words & _title_words(" ".join(e.titles)) for e in hits)
    p, r_all = _ratio(n_tp, n_pred), _ratio(recalled, n_gold)
    e2e_p, e2e_r = _ratio(n_right, n_pred), _ratio(e2e_recalled, n_gold)
    persons_found, persons_titled = _ratio(found, persons), _ratio(titled, titled_of)
    return {
        "precision": p,
        "r_all": r_all,
        "r_direct": _ratio(recalled_direct, n_direct),
        "f1_all": _f1(p, r_all),
        "speaker_accuracy": _ratio(n_right, n_tp),
        "shown_precision": _ratio(n_shown_tp, n_shown),
        "mode_accuracy": _ratio(n_mode_right, n_tp),
        "e2e_precision": e2e_p,
        "e2e_recall": e2e_r,
        "e2e_f1": _f1(e2e_p, e2e_r),
        "persons_found": persons_found,
        "persons_titled": persons_titled,
        "persons_mean": (persons_found + persons_titled) / 2,
        "n_pages": len(pages),
        "n_pred": n_pred,
        "n_gold": n_gold,
        "n_direct": n_direct,
        "n_persons": persons,
        "n_titled_persons": titled_of,
    }


def evaluate(eval_dir: Path, split: str = "all") -> dict[str, dict[str, float]]:
    """Scores per split (``tune``, ``heldout``, both, ``fresh`` or ``fresh2``), one pipeline run over the
    pages needed."""
    pages = load_pages(eval_dir, split)
    docs = predict(pages)
    halves = by_split([p.split for p in pages], split, with_all=True)
    scores = {name: score([pages[i] for i in idx], [docs[i] for i in idx]) for name, idx in halves.items()}
    if split == PERSONS_DEV:  # persons only: its pages have no attribution rows
        return {name: {k: s[k] for k in PERSON_KEYS} for name, s in scores.items()}
    return scores


def main(argv: list[str]) -> None:
    run(argv, "score_attributions.py", evaluate, extra=(FRESH, FRESH2, PERSONS_DEV))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
