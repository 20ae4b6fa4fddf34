"""``wiresift correct ...``, ``wiresift corrections`` and ``wiresift reanalyze``: thin over
:mod:`wiresift.corrections` (docs/corrections.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from wiresift import api, corrections
from wiresift.cli.commands import _open, cli, db_option, json_option, store_errors
from wiresift.cli.render import as_json, echo
from wiresift.escape import one_line
from wiresift.store.base import CorrectionRow

F = TypeVar("F", bound=Callable[..., Any])


def _who_why(f: F) -> F:
    f = click.option("--why", default="", help="Why: kept with the correction for the audit list.")(f)
    return click.option("--who", help="Who makes it (default: your login name).")(f)


def describe(row: CorrectionRow) -> str:
    """One line: id, state, kind, target, payload, who, when, why (every value made one line)."""
    if row.doc_id is not None:
        target = f"{row.doc_id}:{row.item_id}"
    else:
        target = "entities " + ",".join(str(i) for i in row.canonical_ids)
    extra = ""
    if row.kind == "reassign_speaker":
        extra = f" -> {row.payload.get('speaker_name')}"
    elif row.kind == "split_entity":
        extra = f" -> new entity {row.payload.get('new_id')}"
    state = "active" if row.active else f"undone {row.undone_at} by {row.undone_by}"
    why = f" — {row.why}" if row.why else ""
    return one_line(f"#{row.id} [{state}] {row.kind} {target}{extra} · {row.who} {row.made_at}{why}")


def _done(row: CorrectionRow) -> None:
    echo(describe(row))


@cli.group()
def correct() -> None:
    """Record a correction: it is applied to every list, page and export, and kept over re-analysis."""


@correct.command("reject-quote")
@click.argument("doc_id")
@click.argument("quote_id")
@_who_why
@db_option
@store_errors
def reject_quote(doc_id: str, quote_id: str, who: str | None, why: str, db: str | Path) -> None:
    """Reject quote QUOTE_ID of document DOC_ID."""
    with _open(db) as store:
        _done(api.reject_quote(store, doc_id, quote_id, who=who, why=why))


@correct.command("reassign-speaker")
@click.argument("doc_id")
@click.argument("quote_id")
@click.option("--speaker", help="An entity id of the document (see `wiresift show DOC_ID`).")
@click.option("--name", "speaker_name", help="The speaker's name, when no entity of the document fits.")
@_who_why
@db_option
@store_errors
def reassign_speaker(
    doc_id: str,
    quote_id: str,
    speaker: str | None,
    speaker_name: str | None,
    who: str | None,
    why: str,
    db: str | Path,
) -> None:
    """Give quote QUOTE_ID of DOC_ID to another speaker (--speaker ENTITY_ID or --name NAME)."""
    with _open(db) as store:
        row = api.reassign_speaker(
            store, doc_id, quote_id, speaker=speaker, speaker_name=speaker_name, who=who, why=why
        )
        _done(row)


@correct.command("reject-claim")
@click.argument("doc_id")
@click.argument("claim_id")
@_who_why
@db_option
@store_errors
def reject_claim(doc_id: str, claim_id: str, who: str | None, why: str, db: str | Path) -> None:
    """Reject claim CLAIM_ID of document DOC_ID."""
    with _open(db) as store:
        _done(api.reject_claim(store, doc_id, claim_id, who=who, why=why))


@correct.command("reject-place")
@click.argument("doc_id")
@click.argument("place_id")
@_who_why
@db_option
@store_errors
def reject_place(doc_id: str, place_id: str, who: str | None, why: str, db: str | Path) -> None:
    """Reject place PLACE_ID of document DOC_ID (its claims and events lose it too)."""
    with _open(db) as store:
        _done(api.reject_place(store, doc_id, place_id, who=who, why=why))


@correct.command("merge")
@click.argument("ids", nargs=-1, required=True, type=int)
@_who_why
@db_option
@store_errors
def merge(ids: tuple[int, ...], who: str | None, why: str, db: str | Path) -> None:
    """Merge the canonical entities IDS into the first."""
    with _open(db) as store:
        api.merge_entities(store, list(ids), who=who, why=why)
        _done(api.corrections(store, limit=1)[0])


@correct.command("split")
@click.argument("entity_id", type=int)
@click.argument("members", nargs=-1, required=True)
@_who_why
@db_option
@store_errors
def split(entity_id: int, members: tuple[str, ...], who: str | None, why: str, db: str | Path) -> None:
    """Move MEMBERS (DOC_ID:ENTITY_ID, or a name or alias) of ENTITY_ID to a new entity."""
    with _open(db) as store:
        api.split_entity(store, entity_id, members, who=who, why=why)
        _done(api.corrections(store, limit=1)[0])


@cli.command("corrections")
@click.option("--undo", "undo_id", type=int, help="Undo the correction with this id.")
@click.option("--doc", "doc_id", help="Only the corrections of this document.")
@click.option("--who", help="Who undoes (with --undo; default: your login name).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=500, show_default=True, help="Corrections at most."
)
@db_option
@json_option
@store_errors
def list_corrections(
    undo_id: int | None, doc_id: str | None, who: str | None, limit: int, db: str | Path, as_json_: bool
) -> None:
    """List the recorded corrections, newest first, or undo one (--undo ID)."""
    with _open(db) as store:
        if undo_id is not None:
            row = corrections.undo_correction(store, undo_id, who=who)
            echo(as_json(row) if as_json_ else describe(row))
            return
        rows = corrections.corrections(store, doc_id=doc_id, limit=limit)
    if not rows and not as_json_:
        echo("no corrections", err=True)
    for row in rows:
        echo(as_json(row) if as_json_ else describe(row))


@cli.command()
@click.argument("doc_ids", nargs=-1)
@click.option("--model", help="spaCy model package or directory.")
@db_option
@store_errors
def reanalyze(doc_ids: tuple[str, ...], model: str | None, db: str | Path) -> None:
    """Analyse stored documents again (all, or DOC_IDS); every correction is applied again."""
    with _open(db) as store:
        done = api.reanalyze(store, list(doc_ids) or None, model=model)
    echo(f"re-analysed {done} documents", err=True)
