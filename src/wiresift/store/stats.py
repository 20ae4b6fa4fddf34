"""The store summary both backends give (``wiresift stats``), from one set of statements."""

from __future__ import annotations

from wiresift.store.sql import Sql

#: Rows counted in the summary, by the key it shows them under.
COUNTED = (
    "entities", "canonical_entities", "quotes", "claims", "timexes", "places", "errors",
)  # fmt: skip


def store_stats(sql: Sql, path: object, schema_version: int) -> dict[str, object]:
    """Documents and layer rows, the publication span and the five sites with most documents."""

    def one(query: str) -> int:
        return int(sql.rows(query)[0][0])

    first, last = sql.rows("SELECT min(published), max(published) FROM documents")[0]
    sites = sql.rows(
        "SELECT site, count(*) FROM documents WHERE site IS NOT NULL GROUP BY site ORDER BY 2 DESC, 1 LIMIT 5"
    )
    return {
        "path": path,
        "schema_version": schema_version,
        "documents": one("SELECT count(*) FROM documents"),
        "near_duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        **{table: one(f"SELECT count(*) FROM {table}") for table in COUNTED},
        "published_first": first,
        "published_last": last,
        "top_sites": [{"site": s, "documents": n} for s, n in sites],
    }
