"""Read-only queries on the gazetteer index, cached per process."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from wiresift.gazetteer.names import name_key

#: Lookups kept per process: a news corpus repeats a few thousand names, each costing one query.
_CACHE_SIZE = 100_000
#: Candidates kept per name, most populous first ("San Jose" has hundreds; the tail never wins).
MAX_CANDIDATES = 60
_COLUMNS = "p.id, p.geonames_id, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.population, p.capital"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: int
    geonames_id: int | None
    name: str
    kind: str
    cc: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``exact`` when the name is its canonical name, not an alias."""

    entry: Entry
    exact: bool


def _entry(row: tuple[Any, ...]) -> Entry:
    gid, name, kind, cc, admin1, lat, lon, population = row[1:9]
    return Entry(row[0], gid, name, kind, cc, admin1, lat, lon, population, capital=bool(row[9]))


class Gazetteer:
    """Name, demonym, country and GeoNames-id lookups on one SQLite index (opened read-only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.candidates = lru_cache(maxsize=_CACHE_SIZE)(self._candidates)
        self.demonym = lru_cache(maxsize=_CACHE_SIZE)(self._demonym)
        self.country = lru_cache(maxsize=512)(self._country)
        self.subdivision = lru_cache(maxsize=4096)(self._subdivision)

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place called ``name`` (any spelling the index knows), most populous first."""
        key = name_key(name)
        if not key:
            return ()
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, max(n.exact) FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ? GROUP BY p.id ORDER BY p.population DESC LIMIT ?",
            (key, MAX_CANDIDATES),
        ).fetchall()
        return tuple(Candidate(_entry(r), bool(r[10])) for r in rows)

    def _demonym(self, word: str) -> Entry | None:
        """The place a demonym names: "Afghan" -> Afghanistan, "Kurdish" -> Kurdistan."""
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM demonyms d JOIN places p ON p.id = d.place WHERE d.key = ?",
            (name_key(word),),
        ).fetchone()
        return _entry(row) if row else None

    def _subdivision(self, code: str) -> Entry | None:
        """The subdivision of an ISO 3166-2 code: "US-MA" -> Massachusetts, "CA-ON" -> Ontario."""
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM codes c JOIN places p ON p.id = c.place WHERE c.code = ? "
            "ORDER BY p.population DESC",
            (code.upper(),),
        ).fetchone()
        return _entry(row) if row else None

    def _country(self, cc: str) -> Entry | None:
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.cc = ? AND p.kind = 'country'", (cc,)
        ).fetchone()
        return _entry(row) if row else None

    def by_geonames_id(self, geonames_id: int) -> Entry | None:
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.geonames_id = ? ORDER BY p.population DESC",
            (geonames_id,),
        ).fetchone()
        return _entry(row) if row else None

    def count(self) -> int:
        n: int = self._con.execute("SELECT count(*) FROM places").fetchone()[0]
        return n
