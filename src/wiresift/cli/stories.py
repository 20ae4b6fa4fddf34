"""``wiresift stories``, ``wiresift story ID`` and ``wiresift claims --tracked``: thin over the story API."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wiresift import api
from wiresift.cli.commands import _open, _rows, cli, db_option, json_option, limit_option, store_errors
from wiresift.cli.render import as_json, cut, echo
from wiresift.escape import one_line
from wiresift.store.stories import StoryRow, TrackedClaim, TrackedQuote
from wiresift.stories.board import number


def story_line(s: StoryRow) -> str:
    span = f"{s.first_published or '?'} … {s.last_published or '?'}"
    return f"{s.id}  {span}  {s.articles} articles, {s.outlets} outlets  {one_line(cut(s.title or '', 90))}"


def claim_lines(k: TrackedClaim) -> str:
    unit = f" ({k.unit})" if k.unit else ""
    lines = [
        f"{k.id}  {k.counted}{unit} — first seen {k.first_published or '?'} at {k.first_site or k.first_doc_id}"
    ]
    for m in k.mentions:
        who = f" per {m.claimant}" if m.claimant else ""
        lines.append(
            f"    {m.published or '????-??-??'} {one_line(m.site or '-'):<28} {number(m.value, m.qualifier):>14}"
            f"{who}  {m.label}{f' (of {m.copied_from})' if m.copied_from else ''}  {m.doc_id}"
        )
    return "\n".join(lines)


def quote_lines(q: TrackedQuote) -> str:
    lines = [f"{q.id}  {one_line(q.speaker or 'unknown speaker')}: “{one_line(cut(q.text, 100))}”"]
    for m in q.mentions:
        lines.append(
            f"    {m.published or '????-??-??'} {one_line(m.site or '-'):<28} drift {m.drift:.2f}  {m.label}  "
            f"“{one_line(cut(m.text, 70))}”"
        )
    return "\n".join(lines)


@cli.command()
@click.option("--rebuild", is_flag=True, help="Cluster every stored article into stories again first.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many stories first.")
@db_option
@limit_option
@json_option
@store_errors
def stories(rebuild: bool, offset: int, db: str | Path, limit: int, as_json_: bool) -> None:
    """Stories: articles from many outlets about one thing, latest first."""
    with _open(db) as store:
        if rebuild:
            count = api.rebuild_stories(store)
            echo(f"rebuilt {count} stories", err=True)
        rows = api.stories(store, limit=limit, offset=offset)
    _rows(rows, as_json_, story_line, "no stories (ingest articles, or run `wiresift stories --rebuild`)")


@cli.command()
@click.argument("story_id")
@db_option
@json_option
@store_errors
def story(story_id: str, db: str | Path, as_json_: bool) -> None:
    """One story: its articles and how each joined, its tracked claims and quotes."""
    with _open(db) as store:
        detail = api.story(store, story_id)
    if as_json_:
        echo(as_json(detail))
        return
    echo(story_line(detail.story), bold=True)
    echo("\nArticles")
    for a in detail.articles:
        shared = a.evidence[0] if a.evidence else {}
        why = ", ".join(
            f"{key} {', '.join(map(str, shared[key]))}"
            for key in ("entities", "claims", "quotes")
            if shared.get(key)
        )
        near = " near-duplicate" if shared.get("near_duplicate") else ""
        echo(
            f"  {a.published or '????-??-??'} {one_line(a.site or '-'):<28} {a.how:<6} {a.score:.2f}{near}  "
            f"{a.doc_id}  {one_line(cut(a.title or '', 60))}"
            + (f"\n      shares {one_line(cut(why, 120))}" if why else "")
        )
    if detail.claims:
        echo("\nTracked claims")
        for k in detail.claims:
            echo("  " + claim_lines(k))
    if detail.quotes:
        echo("\nTracked quotes")
        for q in detail.quotes:
            echo("  " + quote_lines(q))


def tracked_claims(db: str | Path, limit: int, as_json_: bool) -> None:
    """``wiresift claims --tracked``: claims followed across the articles of a story."""
    with _open(db) as store:
        rows = api.tracked_claims(store, limit=limit)
    _rows(
        rows,
        as_json_,
        claim_lines,
        "no tracked claims (a claim is tracked once two articles of a story make it)",
    )
    sys.stdout.flush()
