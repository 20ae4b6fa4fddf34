"""``wiresift compare``: the similarity of two articles, or of every pair of a JSONL file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from wiresift import api
from wiresift.cli.commands import EXIT_ALL_FAILED, cli, store_errors
from wiresift.cli.render import echo
from wiresift.escape import one_line
from wiresift.model import IngestError

_LISTED = ("entities", "places", "countries", "event_types")


def _text(result: dict[str, Any]) -> str:
    verdict = "same story" if result["same_story"] else "different stories"
    lines = [f"similarity {result['similarity']:.2f}: {verdict}"]
    evidence = result["evidence"]
    for key in _LISTED:
        if evidence.get(key):
            lines.append(f"  shared {key.replace('_', ' ')}: {', '.join(evidence[key])}")
    for claim in evidence.get("claims", []):
        lines.append(f"  same count ({claim['counted']}): {claim['a']!r} / {claim['b']!r}")
    if evidence.get("days_apart") is not None:
        lines.append(f"  published {evidence['days_apart']} day(s) apart")
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--pairs",
    type=click.Path(dir_okay=False, path_type=Path),
    help='JSONL file of pairs, one {"id", "a": {"text", ...}, "b": {"text", ...}} per line.',
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    help="text (default for two articles), json (one object), jsonl (one line per pair; default with --pairs).",
)
@click.option("--model", help="spaCy model package or directory.")
@store_errors
def compare(paths: tuple[str, ...], pairs: Path | None, fmt: str | None, model: str | None) -> None:
    """How likely two articles (files or one-record JSONL) tell the same story; or every pair of --pairs."""
    if pairs is not None:
        if paths:
            raise click.UsageError("give either two articles or --pairs, not both")
        _compare_pairs(pairs, fmt or "jsonl", model)
        return
    if len(paths) != 2:
        raise click.UsageError("compare needs two articles A B (or --pairs PAIRS.jsonl)")
    try:
        result = api.compare(paths[0], paths[1], model=model).as_dict()
    except api.CompareError as exc:
        echo(one_line(str(exc)), err=True)
        sys.exit(EXIT_ALL_FAILED)
    if fmt in ("json", "jsonl"):
        echo(json.dumps(result, ensure_ascii=False, indent=2 if fmt == "json" else None))
    else:
        echo(_text(result))


def _compare_pairs(path: Path, fmt: str, model: str | None) -> None:
    if fmt == "text":
        raise click.UsageError("--pairs prints json or jsonl")
    done = failed = 0
    rows = []
    try:
        for item in api.compare_pairs(path, model=model):
            if isinstance(item, IngestError):
                failed += 1
                echo(item.line(), err=True)
                continue
            done += 1
            if fmt == "jsonl":
                echo(json.dumps(item, ensure_ascii=False))
            else:
                rows.append(item)
    except OSError as exc:
        raise click.ClickException(one_line(f"{path}: {exc.strerror or exc}")) from None
    if fmt == "json":
        echo(json.dumps(rows, ensure_ascii=False, indent=2))
    echo(f"{done} pair(s) compared, {failed} failed", err=True)
    if failed and not done:
        sys.exit(EXIT_ALL_FAILED)
