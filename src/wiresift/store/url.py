"""Telling a PostgreSQL URL from a SQLite path, and showing it without its password."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

#: The environment variable naming the store when ``--db`` is not given.
ENV_DB = "WIRESIFT_DB"


def is_postgres_url(db: object) -> bool:
    return isinstance(db, str) and db.startswith(("postgres://", "postgresql://"))


def shown_url(url: str) -> str:
    """The URL without its password, for messages and ``stats``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}@{host}"))
