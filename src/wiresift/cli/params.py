"""Option types of the CLI: a date, and a ``--db`` value (a SQLite path or a PostgreSQL URL)."""

from __future__ import annotations

from typing import Any

import click

from wiresift.store.url import store_location


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


class StoreParam(click.ParamType):
    """A ``--db`` value: a SQLite file path, or a ``postgresql://user@host/dbname`` URL kept as text."""

    name = "db"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return store_location(value)
