"""Every module under src/ stays within the project's limit of 600 lines (STYLE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

LIMIT = 600
SRC = Path(__file__).resolve().parents[1] / "src"


def oversized(root: Path, limit: int = LIMIT) -> list[tuple[str, int]]:
    """The Python modules under ``root`` longer than ``limit`` lines, with their lengths."""
    out = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            out.append((str(path.relative_to(root)), lines))
    return out


def test_no_module_exceeds_the_limit() -> None:
    assert SRC.is_dir()
    assert oversized(SRC) == []


@pytest.mark.parametrize(("lines", "flagged"), [(LIMIT, False), (LIMIT + 1, True)])
def test_the_check_flags_a_long_module(tmp_path: Path, lines: int, flagged: bool) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("x = 1\n" * lines, encoding="utf-8")
    assert bool(oversized(tmp_path)) is flagged
