"""``wiresift stories``, ``story ID`` and ``claims --tracked`` over a store of invented articles."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from story_corpus import documents

from wiresift.cli import cli
from wiresift.store.sqlite import SQLiteStore
from wiresift.stories.service import StoryBuilder


def _db(tmp_path: Path, cluster: bool = True) -> Path:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        builder = StoryBuilder(store)
        for d in documents():
            store.save(d)
            if cluster:
                builder.add(d)
        builder.finish()
    return path


def test_stories_list_and_one_story(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["stories", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert sorted(r["articles"] for r in rows) == [2, 3, 4]
    flood = next(r for r in rows if r["articles"] == 4)
    text = runner.invoke(cli, ["story", flood["id"], "--db", str(db)])
    assert text.exit_code == 0, text.output
    assert "Tracked claims" in text.output and "copied (of herald-flood)" in text.output
    assert "Tracked quotes" in text.output and "Petra Lindqvist" in text.output
    missing = runner.invoke(cli, ["story", "st-nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no story with id 'st-nope'" in missing.output


def test_claims_tracked_and_rebuild(tmp_path: Path) -> None:
    db = _db(tmp_path, cluster=False)
    runner = CliRunner()
    assert "no stories" in runner.invoke(cli, ["stories", "--db", str(db)]).output
    rebuilt = runner.invoke(cli, ["stories", "--rebuild", "--db", str(db)])
    assert rebuilt.exit_code == 0 and "rebuilt 3 stories" in rebuilt.output
    out = runner.invoke(cli, ["claims", "--tracked", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "people — first seen 2026-03-03 at valdoria-herald.example" in out.output
    assert "miners" in out.output and "independent" in out.output
