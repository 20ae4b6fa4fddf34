"""Score map pins on the team's own real-page gold (``eval/gold/pins``): is every pin a place, and right?

Usage: ``python eval/score_pins.py [tune|heldout|all]``. Prints one JSON object of scores per split.
The gold is offsets and coordinates only, into the ``articleBody`` strings of
``../shared/eval/extraction/ground-truth.json`` exactly as ``json`` loads them; ``eval/gold/pins/README.md``
says how the pages were chosen, split and annotated.

Rules:
- A **pin** is a recognised mention whose place has coordinates (adjectival demonyms included), run
  through the ``places`` stage on a ``Document`` carrying the page's URL, as ingest gives it.
- Each pin is paired with the first gold mention it overlaps that no earlier pin took (pins in text
  order). It is **right** when that gold mention is a place (``use`` ``place``, ``embedded`` or
  ``street``) and the pin lies within 161 km of the gold point; it is wrong when the gold says "not a
  place" (a person, company, product, work or team that only looks like one), when the point is
  farther, or when it overlaps no gold mention at all. ``precision161`` = right / pins.
- ``recall161``: the share of gold mentions used as places (``use`` ``place``: not a place name inside
  an organisation's name, not a street) that some pin overlapping them puts within 161 km.
- ``false_pins`` counts pins on "not a place" spans or on no gold span.
- ``map_precision161`` / ``map_recall161`` / ``map_pins``: the same for the pins a map shows, i.e. without adjectival places
  (demonyms, and place names inside an organisation's name, which the stage links as modifiers).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from page_gold import by_split, gold_pages, run
from wiresift.nlp.places.resolve import haversine

GOLD_DIR = Path(__file__).parent / "gold" / "pins"
ACC_KM = 161.0


@dataclass(frozen=True)
class Page:
    id: str
    split: str
    text: str
    url: str | None
    mentions: list[dict[str, Any]]


def load_pages(eval_dir: Path, split: str = "all") -> list[Page]:
    """Gold pages of ``split`` with their bodies; a body that changed since annotation is an error."""
    return [
        Page(gp.gold["id"], gp.gold["split"], gp.text, gp.url, gp.gold["mentions"])
        for gp in gold_pages(eval_dir, GOLD_DIR, split)
    ]


def page_counts(page: Page, pins: Sequence[tuple[int, int, float, float]]) -> dict[str, int]:
    """Right/false pins and recalled gold places of one page; ``pins`` are (start, end, lat, lon)."""
    taken: set[int] = set()
    right = false = 0
    best: dict[int, bool] = {}
    for start, end, lat, lon in sorted(pins):
        gi = next(
            (
                i
                for i, m in enumerate(page.mentions)
                if i not in taken and m["span"][0] < end and start < m["span"][1]
            ),
            None,
        )
        if gi is None:
            false += 1
            continue
        taken.add(gi)
        gold = page.mentions[gi]
        ok = bool(gold["place"]) and haversine(lat, lon, gold["lat"], gold["lon"]) <= ACC_KM
        right += ok
        false += not gold["place"]
        best[gi] = ok
    literal = [i for i, m in enumerate(page.mentions) if m["place"] and m.get("use", "place") == "place"]
    return {
        "pins": len(pins),
        "right": right,
        "false_pins": false,
        "gold_places": len(literal),
        "recalled": sum(best.get(i, False) for i in literal),
    }


def score(pages: Sequence[Page], pins: Sequence[Sequence[tuple[int, int, float, float]]]) -> dict[str, float]:
    total = {"pins": 0, "right": 0, "false_pins": 0, "gold_places": 0, "recalled": 0}
    for page, page_pins in zip(pages, pins, strict=True):
        for k, v in page_counts(page, page_pins).items():
            total[k] += v
    out: dict[str, float] = {k: float(v) for k, v in total.items()}
    out["pages"] = len(pages)
    out["precision161"] = total["right"] / total["pins"] if total["pins"] else 0.0
    out["recall161"] = total["recalled"] / total["gold_places"] if total["gold_places"] else 0.0
    return out


def predict(pages: Sequence[Page], map_only: bool = False) -> list[list[tuple[int, int, float, float]]]:
    """Pins of each page from the ``places`` stage, the page's URL on its Document (``map_only``: not
    the adjectival ones)."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Context, load_model
    from wiresift.nlp.places import make_stage

    nlp = load_model()
    stage = make_stage()
    out = []
    for page, sdoc in zip(pages, nlp.pipe(p.text for p in pages), strict=True):
        doc = Document(text=page.text, url=page.url)
        stage(doc, sdoc, Context())
        out.append(
            [
                (s, e, p.lat, p.lon)
                for p in doc.places
                if p.lat is not None and p.lon is not None and not (map_only and p.adjectival)
                for s, e in p.mentions
            ]
        )
    return out


def evaluate(eval_dir: Path, split: str = "all") -> dict[str, dict[str, float]]:
    pages = load_pages(eval_dir, split)
    pins = predict(pages)
    shown = predict(pages, map_only=True)
    out = {}
    for half, idx in by_split([p.split for p in pages], split, with_all=True).items():
        out[half] = score([pages[i] for i in idx], [pins[i] for i in idx])
        on_map = score([pages[i] for i in idx], [shown[i] for i in idx])
        out[half]["map_pins"] = on_map["pins"]
        out[half]["map_precision161"] = on_map["precision161"]
        out[half]["map_recall161"] = on_map["recall161"]
    return out


def main() -> None:
    run(sys.argv[1:], "score_pins.py", evaluate)


if __name__ == "__main__":
    main()
