"""Shared by the tests of the team's page-gold folders: a folder's files by page id, and the check that
a file holds offsets and ids only (no text of any corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def golds(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def assert_offsets_and_ids_only(folder: Path) -> None:
    for gold in golds(folder).values():
        assert set(gold) == {"id", "split", "body_sha256", "body_chars", "entities", "attributions"}
        for ent in gold["entities"].values():
            assert set(ent) == {"type", "span", "titles"}
        for row in gold["attributions"]:
            assert set(row) == {"content", "cue", "mention", "speaker", "kind", "mode"}
