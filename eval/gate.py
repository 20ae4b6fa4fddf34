"""Quality gates: floors per layer in ``eval/gates/<layer>.json``, enforced by ``make test``.

A gate file maps metric names to floors, e.g. ``{"f1": 0.970}``. ``check`` lists every metric
below its floor. Raising a floor is ``python eval/gate.py LAYER METRIC VALUE``; lowering one needs
``--allow-lower`` and a CHANGELOG line saying why (trafilatura's eval_gate habit).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

GATES_DIR = Path(__file__).parent / "gates"
REPO = Path(__file__).resolve().parents[1]


def shared_eval() -> Path | None:
    """``../shared/eval`` beside the clone (or ``$WIRESIFT_SHARED_EVAL``); None when absent."""
    configured = os.environ.get("WIRESIFT_SHARED_EVAL")
    path = Path(configured) if configured else REPO.parent / "shared" / "eval"
    return path if path.is_dir() else None


def load(layer: str) -> dict[str, float]:
    data: dict[str, float] = json.loads((GATES_DIR / f"{layer}.json").read_text(encoding="utf-8"))
    return data


def check(layer: str, scores: dict[str, float]) -> list[str]:
    """Every floor of ``layer`` that ``scores`` falls below (missing metrics count as failures)."""
    failures = []
    for metric, floor in load(layer).items():
        got = scores.get(metric)
        if got is None:
            failures.append(f"{layer}.{metric}: not measured (floor {floor})")
        elif got + 1e-9 < floor:
            failures.append(f"{layer}.{metric}: {got:.4f} < floor {floor:.4f}")
    return failures


def set_floor(layer: str, metric: str, value: float, *, allow_lower: bool = False) -> None:
    path = GATES_DIR / f"{layer}.json"
    floors = load(layer) if path.exists() else {}
    old = floors.get(metric)
    if old is not None and value < old and not allow_lower:
        raise SystemExit(
            f"{layer}.{metric}: lowering {old} -> {value} needs --allow-lower and a CHANGELOG line"
        )
    floors[metric] = value
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--allow-lower"]
    if len(args) != 3:
        raise SystemExit("usage: python eval/gate.py LAYER METRIC VALUE [--allow-lower]")
    set_floor(args[0], args[1], float(args[2]), allow_lower="--allow-lower" in sys.argv)
