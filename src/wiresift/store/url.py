"""Telling a PostgreSQL URL from a SQLite path, and showing it without its password."""

from __future__ import annotations

from pathlib import Path
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


def store_location(value: str | Path) -> str | Path:
    """What a ``--db`` value names: a ``postgresql://`` URL (kept as text) or a SQLite file path."""
    return str(value) if is_postgres_url(str(value)) else Path(value)


def store_exists(db: str | Path) -> bool:
    """Whether a store is there to open: a SQLite file that exists; a PostgreSQL URL always (opening
    it says what is wrong: the server, the database, the rights)."""
    return is_postgres_url(str(db)) or Path(db).exists()
