"""Each command opens the store, forwards its flags to one :mod:`wiresift.api` call, prints."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from wiresift import api
from wiresift.cli.on_cluster import ingest_on_cluster
from wiresift.cli.params import StoreParam, _date
from wiresift.cli.progress import BatchProgress
from wiresift.cli.render import (
    HIGHLIGHT,
    as_json,
    claim_what,
    cut,
    document_text,
    echo,
    entity_text,
    log_to_stderr,
)
from wiresift.escape import one_line
from wiresift.model import Document, IngestError
from wiresift.nlp.pipeline import PipelineError
from wiresift.store.base import Store, StoreError
from wiresift.store.url import ENV_DB

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 when the inputs' documents are stored, 2 when none is, 1 only for a usage error
#: (click's own usage errors exit 2; ``_Cli`` moves them to 1 so that 2 always means "nothing stored").
EXIT_ALL_FAILED = 2
EXIT_USAGE = 1


def db_option(f: F) -> F:
    return click.option(
        "--db",
        type=StoreParam(),
        default=api.DEFAULT_DB,
        envvar=ENV_DB,
        show_default=True,
        help=f"SQLite database file or postgresql://user@host/dbname URL (env {ENV_DB}).",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json_", is_flag=True, help="One JSON object per line.")(f)


def limit_option(f: F) -> F:
    return click.option(
        "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Rows at most."
    )(f)


def store_errors(f: F) -> F:
    """Turn store and pipeline errors into a one-line message and exit 1, never a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (StoreError, PipelineError) as exc:
            raise click.ClickException(one_line(str(exc))) from None

    return wrapper  # type: ignore[return-value]


def _open(db: str | Path) -> Store:
    """The existing store at ``db`` (queries never create an empty database by mistake)."""
    if not api.store_exists(db):
        raise StoreError(f"{db}: no such database; create it with `wiresift ingest PATH --db {db}`")
    return api.open_store(db)


def _rows(
    rows: list[Any], as_json_: bool, line: Callable[[Any], str], empty: str, bold: bool = False
) -> None:
    if as_json_:
        for row in rows:
            echo(as_json(row))
    elif not rows:
        echo(empty, err=True)
    else:
        for row in rows:
            echo(line(row), bold=bold)


class _Cli(click.Group):
    """The command group, with usage errors (bad options, arguments, commands) exiting 1, not 2."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            setattr(exc, "exit_code", EXIT_USAGE)  # noqa: B010 - an instance value over click's class default
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            setattr(exc, "exit_code", EXIT_USAGE)  # noqa: B010 - an instance value over click's class default
            raise


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wiresift")
def cli() -> None:
    """wiresift: who said what, which numbers, when and where — each fact linked to its characters."""
    log_to_stderr()


# -- analyze / ingest ------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) of a single article.")
@click.option("--url", help="Source URL of a single article.")
@click.option("--only", type=click.Choice(["extract"]), help="Stop after text extraction (no NLP).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    help="json (one document; an array for many), jsonl, text. Default: json for one document, jsonl for many.",
)
@click.option("--model", help="spaCy model package or directory.")
@store_errors
def analyze(
    paths: tuple[str, ...], published: str | None, url: str | None, only: str | None, fmt: str | None,
    model: str | None,
) -> None:  # fmt: skip
    """Analyse articles (files, directories, feeds, WARC, JSONL, - for stdin) and print records."""
    # A bar only when the records go elsewhere than the terminal (the records show progress there).
    progress = BatchProgress("analyze", bar=sys.stderr.isatty() and not sys.stdout.isatty())
    try:
        items = api.analyze(
            list(paths), published=published, url=url, only="extract" if only else None, model=model,
            progress=progress,
        )  # fmt: skip
        docs, failed = _print_analysis(items, fmt, progress)
    finally:
        summary = progress.close()
    if not progress.shown:
        echo(summary, err=True)
    if failed and not docs:
        sys.exit(EXIT_ALL_FAILED)


def _print_analysis(
    items: Iterator[Document | IngestError], fmt: str | None, progress: BatchProgress
) -> tuple[int, int]:
    """Print documents as they come (errors to stderr); return (documents, failures).

    ``json`` prints one pretty object for one document and an array for many; without a format
    the first document waits to see whether a second follows (then everything is JSONL).
    """
    docs = failed = 0
    held: list[Document] = []

    def line(doc: Document) -> str:
        return json.dumps(doc.to_record(), ensure_ascii=False)

    for item in items:
        if isinstance(item, IngestError):
            failed += 1
            progress("failed", item.line())
            continue
        docs += 1
        progress("analyzed", item.source or item.id)
        if fmt == "text":
            echo(document_text(item) + "\n")
        elif fmt == "jsonl" or (fmt is None and docs > 1):
            for doc in [*held, item]:
                echo(line(doc))
            held = []
        else:
            held.append(item)
    if len(held) == 1:
        echo(json.dumps(held[0].to_record(), ensure_ascii=False, indent=2))
    elif held or (fmt == "json" and docs == 0 and failed == 0):
        echo(json.dumps([d.to_record() for d in held], ensure_ascii=False, indent=2))
    return docs, failed


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) of a single article.")
@click.option("--url", help="Source URL of a single article.")
@click.option("--only", type=click.Choice(["extract"]), help="Store extracted text only (no NLP).")
@click.option("--model", help="spaCy model package or directory.")
@click.option(
    "--no-stories", is_flag=True, help="Do not file the articles into stories (`stories --rebuild` later)."
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Analyse on a local Dask cluster of N worker processes."
)
@click.option("--scheduler", help="Analyse on a running Dask cluster (tcp://HOST:8786).")
@click.option(
    "--shard-size", type=click.IntRange(min=1), default=32, show_default=True,
    help="Documents per Dask task (with --workers or --scheduler).",
)  # fmt: skip
@store_errors
def ingest(
    paths: tuple[str, ...],
    db: str | Path,
    published: str | None,
    url: str | None,
    only: str | None,
    model: str | None,
    no_stories: bool,
    workers: int | None,
    scheduler: str | None,
    shard_size: int,
) -> None:
    """Analyse articles and store them in the database, skipping exact duplicates."""
    if (workers or scheduler) and only:
        raise click.UsageError("--only extract runs no analysis: there is nothing to distribute")
    if workers and scheduler:
        raise click.UsageError("--workers starts a local cluster, --scheduler joins one: give one of them")
    progress = BatchProgress("ingest", bar=sys.stderr.isatty())  # else the summary below is the line
    try:
        if workers or scheduler:
            report = ingest_on_cluster(
                paths, db, published, url, model, workers, scheduler, shard_size, progress, not no_stories
            )
        else:
            report = api.ingest(
                list(paths), db=db, progress=progress, published=published, url=url,
                only="extract" if only else None, model=model, stories=not no_stories,
            )  # fmt: skip
    finally:
        progress.close()
    echo(report.summary())
    if not (report.ingested or report.duplicates or report.near_duplicates or report.failed):
        _stderr(one_line(f"{' '.join(paths)}: no documents found (empty directory or only hidden files?)"))
    sys.exit(report.exit_code)


def _stderr(message: str) -> None:
    """One message line on stderr (a path or cause with a newline in it stays on its line)."""
    echo(one_line(message), err=True)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@store_errors
def import_(paths: tuple[Path, ...], db: str | Path) -> None:
    """Load full records from `wiresift export --format jsonl` as they are (no NLP)."""
    report = api.import_jsonl(list(paths), db=db, progress=lambda e, m: _stderr(m) if e == "failed" else None)
    echo(report.summary())
    sys.exit(report.exit_code)


# -- queries ---------------------------------------------------------------------------------------
@cli.command()
@click.argument("query")
@db_option
@limit_option
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits first.")
@json_option
@store_errors
def search(query: str, db: str | Path, limit: int, offset: int, as_json_: bool) -> None:
    """Full-text search (title and body), best first, with highlighted snippets."""
    bold = sys.stdout.isatty() and not as_json_
    with _open(db) as store:
        hits = api.search(
            store, query, limit=limit, offset=offset, highlight=HIGHLIGHT if bold else ("[", "]")
        )

    def line(h: Any) -> str:
        snippet = h.snippet.replace("\n", " ")
        meta = " · ".join(x for x in (h.published, h.site) if x)
        return f"{h.id}  {h.title or '(untitled)'}" + (f"  ({meta})" if meta else "") + f"\n    {snippet}"

    _rows(hits, as_json_, line, f"no match for {query!r}", bold=bold)


@cli.command()
@click.argument("doc_id")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable summary, or the JSON record.",
)
@store_errors
def show(doc_id: str, db: str | Path, fmt: str) -> None:
    """Show one stored document."""
    with _open(db) as store:
        doc = api.get_document(store, doc_id)
    echo(document_text(doc) if fmt == "text" else json.dumps(doc.to_record(), ensure_ascii=False, indent=2))


@cli.command()
@db_option
@json_option
@store_errors
def stats(db: str | Path, as_json_: bool) -> None:
    """Counts of documents, layers, entities and errors."""
    with _open(db) as store:
        data = api.stats(store)
    if as_json_:
        echo(json.dumps(data, ensure_ascii=False))
        return
    for key, value in data.items():
        if key == "top_sites":
            value = ", ".join(f"{s['site']} ({s['documents']})" for s in value)  # type: ignore[attr-defined]
        echo(f"{key.replace('_', ' ')}: {one_line(str(value))}")


@cli.command()
@db_option
@limit_option
@json_option
@store_errors
def errors(db: str | Path, limit: int, as_json_: bool) -> None:
    """Inputs and stages that failed, newest first."""
    with _open(db) as store:
        rows = api.errors(store, limit=limit)
    _rows(rows, as_json_, lambda r: f"{r.time} [{r.stage}] {r.line()}" + (f" (×{r.count})" if r.count > 1 else ""),
          "no errors")  # fmt: skip


@cli.command()
@click.option("--speaker", help="Speaker name, alias or entity id.")
@click.option("--since", callback=_date, help="Articles published on or after YYYY-MM-DD.")
@click.option("--all-modes", is_flag=True, help="Also beliefs, intentions, knowledge and other stances.")
@db_option
@limit_option
@json_option
@store_errors
def quotes(
    speaker: str | None, since: str | None, all_modes: bool, db: str | Path, limit: int, as_json_: bool
) -> None:
    """Quotes across articles (statements; --all-modes for every attribution)."""
    with _open(db) as store:
        rows = api.quotes(store, speaker=speaker, since=since, limit=limit, all_modes=all_modes)
    _rows(rows, as_json_, lambda q: f"{q.published or '????-??-??'} {q.doc_id} [{q.start}:{q.end}] "
          + (f"({q.mode}) " if q.mode != "statement" else "")
          + f"{q.speaker_name or '?'}: {cut(q.text)}", "no quotes")  # fmt: skip


@cli.command()
@click.option("--counted", help="What is counted (a word, e.g. militants).")
@click.option("--place", help="Place name or ISO country code.")
@click.option("--claimant", help="Who makes the claim: name, alias or entity id.")
@click.option(
    "--tracked", is_flag=True, help="Claims followed across a story's articles, with every mention."
)
@db_option
@limit_option
@json_option
@store_errors
def claims(
    counted: str | None,
    place: str | None,
    claimant: str | None,
    tracked: bool,
    db: str | Path,
    limit: int,
    as_json_: bool,
) -> None:
    """Numeric claims across articles."""
    if tracked:
        from wiresift.cli.stories import tracked_claims

        tracked_claims(db, limit, as_json_)
        return
    with _open(db) as store:
        rows = api.claims(store, counted=counted, place=place, claimant=claimant, limit=limit)

    def line(c: Any) -> str:
        what = claim_what(c.qualifier, c.value, c.unit, c.counted)
        extra = "".join(f" {k} {v}" for k, v in (("in", c.place_name), ("per", c.claimant_name)) if v)
        head = f"{c.published or '????-??-??'} {c.doc_id} [{c.start}:{c.end}] {what}{extra}: {cut(c.text)}"
        return f"{head}\n    {cut(c.sentence, 200)}  ({c.source or c.title or c.doc_id})"

    _rows(rows, as_json_, line, "no claims")


@cli.command()
@click.option("--plover", help="Only this PLOVER category (ASSAULT, CONSULT, MOBILIZE, ...).")
@click.option("--acled", help="Only ACLED-style categories containing this (e.g. 'Armed clash').")
@click.option("--actor", help="Only events with this actor: a country or IGO code, or words of its name.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@db_option
@limit_option
@json_option
@store_errors
def events(
    plover: str | None,
    acled: str | None,
    actor: str | None,
    since: str | None,
    db: str | Path,
    limit: int,
    as_json_: bool,
) -> None:
    """Events across articles: which actor acted on which, where and when."""
    with _open(db) as store:
        rows = api.events(store, plover=plover, acled=acled, actor=actor, since=since, limit=limit)

    def line(v: Any) -> str:
        roles = (
            [(v.source_text, v.source_code)] + [(a["text"], a["code"]) for a in v.also_sources],
            [(v.target_text, v.target_code)] + [(a["text"], a["code"]) for a in v.also_targets],
        )  # each role's first actor, then the coordinated ones: "Ruritania (RUR) + Bree (BRE)"
        who = " -> ".join(
            " + ".join(f"{a[0]} ({a[1] or '?'})" for a in role if a[0]) for role in roles if role[0][0]
        )
        flags = "".join(f" [{f}]" for f in ("negated" if v.negated else None, v.hypothetical) if f)
        where = f" in {v.place_name}" if v.place_name else ""
        head = f"{v.published or '????-??-??'} {v.doc_id} [{v.start}:{v.end}] {v.plover or '-'}"
        return f"{head} {v.acled or ''} '{v.text}'{flags}{where}: {who}  ({v.url or v.title or v.doc_id})"

    _rows(rows, as_json_, line, "no events")


@cli.command()
@click.option("--country", help="ISO 3166-1 alpha-2 country code.")
@db_option
@limit_option
@json_option
@store_errors
def places(country: str | None, db: str | Path, limit: int, as_json_: bool) -> None:
    """Places named across articles, with article and mention counts."""
    with _open(db) as store:
        rows = api.places(store, country=country, limit=limit)
    _rows(rows, as_json_, lambda p: f"{p.articles:>5} articles {p.mentions:>5} mentions  {p.name} "
          f"({p.kind or '?'}, {p.country or '??'})", "no places")  # fmt: skip


@cli.group(invoke_without_command=True)
@click.option("--type", "type_", help="Only this type (PERSON, ORG, GPE, ...).")
@db_option
@limit_option
@json_option
@click.pass_context
@store_errors
def entities(ctx: click.Context, type_: str | None, db: str | Path, limit: int, as_json_: bool) -> None:
    """Canonical entities across articles (subcommands: merge, split)."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        return
    with _open(db) as store:
        rows = api.entities(store, type=type_, limit=limit)
    _rows(
        rows, as_json_, lambda e: f"{e.id:>6} {e.type:<8} {e.articles:>4} articles  {e.name}", "no entities"
    )


def sub_db_option(f: F) -> F:
    return click.option(
        "--db",
        type=StoreParam(),
        envvar=ENV_DB,
        help=f"SQLite database file or PostgreSQL URL (default: the one given to `entities`, else {api.DEFAULT_DB}).",
    )(f)


def _group_db(db: str | Path | None) -> str | Path:
    ctx = click.get_current_context()
    return db or (ctx.obj or {}).get("db") or Path(api.DEFAULT_DB)


@entities.command()
@click.argument("ids", nargs=-1, required=True, type=int)
@sub_db_option
@store_errors
def merge(ids: tuple[int, ...], db: str | Path | None) -> None:
    """Merge entities IDS into the first one."""
    with _open(_group_db(db)) as store:
        target = api.merge_entities(store, list(ids))
    echo(f"merged into entity {target}")


@entities.command()
@click.argument("entity_id", type=int)
@click.argument("members", nargs=-1, required=True)
@sub_db_option
@store_errors
def split(entity_id: int, members: tuple[str, ...], db: str | Path | None) -> None:
    """Move MEMBERS (DOC_ID:ENTITY_ID, or a name) of ENTITY_ID to a new entity."""
    with _open(_group_db(db)) as store:
        new = api.split_entity(store, entity_id, members)
    echo(f"split into new entity {new}")


@cli.command()
@click.argument("name")
@db_option
@json_option
@store_errors
def entity(name: str, db: str | Path, as_json_: bool) -> None:
    """One entity by name or id: aliases, roles, articles, merge evidence and quotes."""
    with _open(db) as store:
        profile = api.entity(store, name)
    echo(as_json(profile) if as_json_ else entity_text(profile))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "geojson", "stix", "ftm", "gdelt-events"]),
    required=True,
    help="jsonl (lossless records), csv or parquet (one file per table into -o DIR), geojson (places), "
    "stix (STIX 2.1 bundle), ftm (FollowTheMoney), gdelt-events (one GDELT-style row per event).",
)
@click.option("--query", help="Only documents matching this full-text query.")
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write this regular file (a directory for csv and parquet) instead of stdout; replaced only when "
    "complete.",
)
@click.option(
    "--all-modes", is_flag=True, help="Quotes of every mode, not statements only (csv, parquet, stix, ftm)."
)
@store_errors
def export(fmt: str, query: str | None, db: str | Path, output: Path | None, all_modes: bool) -> None:
    """Export documents (jsonl, csv, parquet, stix, ftm), places (geojson) or events (gdelt-events)."""
    if fmt in ("csv", "parquet") and output is None:
        raise click.UsageError(f"--format {fmt} writes one file per table: give a directory with -o DIR")
    with _open(db) as store:
        if output is None:
            for chunk in api.export(store, fmt, query=query, all_modes=all_modes):
                click.echo(chunk, nl=False)
            return
        written = api.export_file(store, fmt, output, query=query, all_modes=all_modes)
    if fmt in ("csv", "parquet"):
        for path in written:
            click.echo(str(path))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=8765, show_default=True, help="Port to listen on.")
@click.option("--token", help="Bearer token required by every request (needed off loopback).")
@click.option("--insecure", is_flag=True, help="Allow a non-loopback bind without a token.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this Host name (repeatable; '*' for any). "
    "Loopback names and --host are always answered.",
)
@store_errors
def serve(
    db: str | Path, host: str, port: int, token: str | None, insecure: bool, allow_hosts: tuple[str, ...]
) -> None:
    """Run the web workbench over the database."""
    from wiresift.web.security import BindError
    from wiresift.web.server import serve as run

    _open(db).close()

    def announce(address: str) -> None:
        echo(one_line(f"wiresift workbench on {address} (database {db}); Ctrl-C stops it"), err=True)

    try:
        run(
            db, host=host, port=port, token=token, insecure=insecure, allow_hosts=allow_hosts,
            announce=announce,
        )  # fmt: skip
    except BindError as exc:
        raise click.ClickException(str(exc)) from None


def main() -> None:
    cli()
