"""Stories filed during ``ingest`` (text only, no NLP model) and the ``--no-stories`` switch, on
both backends."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wiresift import api
from wiresift.cli import cli

FERRY = (
    "The Lindmoor ferry ran aground on the sandbar outside Port Arvale early on Monday, and coastguard "
    "crews spent the morning taking passengers off by lifeboat. The harbour master said the tide had "
    "fallen faster than the ferry captain expected and that the hull showed no sign of a breach."
)
FERRY_FOLLOW = (
    "Coastguard crews finished taking passengers off the Lindmoor ferry, aground on the Port Arvale "
    "sandbar since Monday morning. Divers checked the hull and found no breach, the harbour master said, "
    "and tugs will try to refloat the ferry on the evening tide."
)
ORCHARD = (
    "Apple growers in the Tessel valley expect their smallest harvest in a decade after a late frost "
    "killed most of the blossom in April, the regional growers' cooperative said on Thursday."
)


def records() -> list[dict[str, str]]:
    return [
        {"id": "ferry-1", "site": "arvale-tribune.example", "published": "2026-04-06", "title": "Ferry aground",
         "text": FERRY},
        {"id": "ferry-2", "site": "coast-wire.example", "published": "2026-04-07", "title": "Ferry to be refloated",
         "text": FERRY_FOLLOW},
        {"id": "orchard", "site": "valley-news.example", "published": "2026-04-09", "title": "Poor apple harvest",
         "text": ORCHARD},
    ]  # fmt: skip


def _input(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    return path


def test_ingest_files_articles_into_stories(tmp_path: Path, store_url: str) -> None:
    db = store_url
    report = api.ingest([_input(tmp_path)], db=db, only="extract")
    assert report.ingested == 3
    stories = api.story_assignments(db)
    assert stories["ferry-1"] == stories["ferry-2"] != stories["orchard"]
    ferry = api.story(db, stories["ferry-1"])
    joined = next(a for a in ferry.articles if a.doc_id == "ferry-2")
    assert (
        joined.how == "link"
        and joined.evidence[0]["with"] == "ferry-1"
        and joined.evidence[0]["days_apart"] == 1
    )


def test_no_stories_switch_then_rebuild(tmp_path: Path, store_url: str) -> None:
    db = store_url
    runner = CliRunner()
    out = runner.invoke(
        cli, ["ingest", str(_input(tmp_path)), "--db", str(db), "--only", "extract", "--no-stories"]
    )
    assert out.exit_code == 0, out.output
    assert api.story_assignments(db) == {}
    assert api.rebuild_stories(db) == 2
    assert len(set(api.story_assignments(db).values())) == 2
