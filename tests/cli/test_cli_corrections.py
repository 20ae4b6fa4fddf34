"""``wiresift correct``, ``wiresift corrections`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from test_cli_commands import db, runner  # noqa: F401 - fixtures

from wiresift.cli import cli


def test_reject_list_undo(runner: CliRunner, db: Path) -> None:  # noqa: F811
    out = runner.invoke(cli, ["quotes", "--db", str(db), "--json"])
    doc_id = json.loads(out.output.splitlines()[0])["doc_id"]
    made = runner.invoke(
        cli, ["correct", "reject-quote", doc_id, "q1", "--who", "ana", "--why", "a caption", "--db", str(db)]
    )
    assert made.exit_code == 0, made.output
    assert "#1 [active] reject_quote" in made.output and "ana" in made.output and "a caption" in made.output
    assert runner.invoke(cli, ["quotes", "--db", str(db), "--json"]).output == ""
    listed = runner.invoke(cli, ["corrections", "--db", str(db), "--json"])
    row = json.loads(listed.output)
    assert (row["kind"], row["who"], row["why"], row["undone_at"]) == (
        "reject_quote",
        "ana",
        "a caption",
        None,
    )
    undone = runner.invoke(cli, ["corrections", "--undo", "1", "--who", "bo", "--db", str(db)])
    assert undone.exit_code == 0 and "undone" in undone.output and "by bo" in undone.output
    assert runner.invoke(cli, ["quotes", "--db", str(db), "--json"]).output.count("\n") == 1


def test_reassign_and_errors(runner: CliRunner, db: Path) -> None:  # noqa: F811
    doc_id = json.loads(runner.invoke(cli, ["quotes", "--db", str(db), "--json"]).output)["doc_id"]
    made = runner.invoke(
        cli, ["correct", "reassign-speaker", doc_id, "q1", "--name", "Lola Ferreira", "--db", str(db)]
    )
    assert made.exit_code == 0 and "-> Lola Ferreira" in made.output
    quote = json.loads(runner.invoke(cli, ["quotes", "--db", str(db), "--json"]).output)
    assert quote["speaker_name"] == "Lola Ferreira"
    bad = runner.invoke(cli, ["correct", "reject-claim", doc_id, "c9", "--db", str(db)])
    assert bad.exit_code == 1 and "has no claim 'c9'" in bad.output and "Traceback" not in bad.output
    again = runner.invoke(cli, ["corrections", "--undo", "7", "--db", str(db)])
    assert again.exit_code == 1 and "no correction with id 7" in again.output
    missing = runner.invoke(cli, ["reanalyze", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no document with id 'nope'" in missing.output
