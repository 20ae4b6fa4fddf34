"""What the team's real-page gold sets share (``eval/gold/attributions``, ``pins``, ``realpages``):
the fixed tune / held-out split and the gold bodies they point into.

Each gold file names a page of ``../shared/eval/extraction`` by id and stores the sha256 of its
``articleBody`` (as ``json`` loads it, no normalisation): offsets are into that string, and a body
that changed since annotation stops the scorer instead of scoring shifted spans.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

SPLITS = ("tune", "heldout")


def split_of(page_ids: Sequence[str]) -> dict[str, str]:
    """The fixed split: pages ranked by sha256 of their id; even ranks tune, odd ranks held out."""
    ranked = sorted(page_ids, key=lambda p: hashlib.sha256(p.encode("utf-8")).hexdigest())
    return {p: SPLITS[i % 2] for i, p in enumerate(ranked)}


def by_split(splits: Sequence[str], split: str, with_all: bool = False) -> dict[str, list[int]]:
    """Indices of the pages (whose splits are ``splits``) in each half asked for by ``split`` (a half
    or "all"), plus an "all" entry of every page when ``split`` is "all" and ``with_all``."""
    wanted = SPLITS if split == "all" else (split,)
    out = {name: [i for i, s in enumerate(splits) if s == name] for name in wanted}
    if split == "all" and with_all:
        out["all"] = list(range(len(splits)))
    return out


@dataclass(frozen=True)
class GoldPage:
    """One gold file with the body it annotates."""

    path: Path
    gold: dict[str, Any]
    text: str
    url: str | None

    @property
    def site(self) -> str | None:
        return urlparse(self.url).netloc.removeprefix("www.") if self.url else None


def gold_pages(eval_dir: Path, gold_dir: Path, split: str = "all") -> Iterator[GoldPage]:
    """The gold files of ``split`` in ``gold_dir``, in id order, each with its verified body."""
    truth = json.loads((eval_dir / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split != "all" and gold["split"] != split:
            continue
        record = truth[gold["id"]]
        text = record["articleBody"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["body_sha256"]:
            raise SystemExit(f"{path.name}: the gold body changed since annotation (sha256 differs)")
        yield GoldPage(path, gold, text, record.get("url"))


def run(
    argv: Sequence[str],
    script: str,
    evaluate: Callable[[Path, str], dict[str, dict[str, float]]],
    extra: Sequence[str] = (),
) -> None:
    """The command line of a page-gold scorer: ``python eval/SCRIPT [tune|heldout|all]``, JSON out
    (``extra`` names further splits the scorer knows, such as ``fresh``)."""
    from gate import shared_eval

    split = argv[0] if argv else "all"
    if split not in (*SPLITS, "all", *extra):
        raise SystemExit(f"usage: python eval/{script} [{'|'.join((*SPLITS, 'all', *extra))}]")
    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("../shared/eval is absent: set WIRESIFT_SHARED_EVAL to the eval folder")
    started = time.perf_counter()
    scores: dict[str, Any] = {
        name: {k: round(v, 4) for k, v in s.items()} for name, s in evaluate(eval_dir, split).items()
    }
    scores["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(scores, indent=2))
