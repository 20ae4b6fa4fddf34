"""docs/cli.md documents every command and every option (the sqlite-utils test_docs habit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from wiresift.cli import cli

DOC = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "wiresift") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


ALL = list(commands(cli))


def test_the_command_tree_is_not_empty() -> None:
    names = {path for path, _ in ALL}
    assert {"wiresift ingest", "wiresift entities merge", "wiresift export"} <= names


def section(path: str) -> str:
    """The text of the ``## wiresift CMD`` section holding ``path`` (subcommands live in their group's)."""
    heading = "## " + " ".join(path.split()[:2])
    assert heading + "\n" in DOC, f"docs/cli.md has no section {heading!r}"
    return DOC.split(heading + "\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(("path", "command"), ALL, ids=[p for p, _ in ALL])
def test_command_and_options_are_documented(path: str, command: click.Command) -> None:
    text = section(path)
    assert path in text, f"{path} is missing from docs/cli.md"
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert opt in text, f"{path} {opt} is missing from its section of docs/cli.md"
            if isinstance(param.type, click.Choice):
                for choice in param.type.choices:
                    assert str(choice) in text, f"{path} {param.opts[0]} {choice} is missing from docs/cli.md"
