"""Toponym resolution: choose one gazetteer entry per mention, using the whole article as context.

Each candidate gets a score from its population, whether the mention is its canonical name or only
an alternate one, its kind, whether its country is the article's country context (countries named
or implied elsewhere), whether its province is named in the article, and how close it lies to the
places the article names unambiguously. Weights were set together on the GeoWebNews articles (see
docs/places.md); do not tune one in isolation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wiresift.gazetteer import Candidate, Entry, Gazetteer

#: Score for the mention being the entry's own name rather than an alternate: "New Delhi" is the
#: city of that name, not Delhi (whose alternates include "New Delhi").
EXACT_BONUS = 2.0
#: Prior by kind, in log10-population units. Countries and named regions dominate same-named
#: towns; a province yields to a big city of the same name ("New York", "Mexico City").
KIND_BONUS = {"country": 3.0, "region": 1.5, "feature": 1.0, "admin1": 0.0, "admin2": -1.5, "city": 0.0}
#: The entry's country is named (or implied) elsewhere in the article.
CONTEXT_BONUS = 2.5
#: The entry's province is named elsewhere in the article ("Portland ... Maine").
ADMIN_BONUS = 2.0
#: The mention is followed by ", <its country or province>" ("Paris, Texas").
QUALIFIER_BONUS = 6.0
#: A national capital (news names capitals more than same-named towns or provinces: "Washington").
CAPITAL_BONUS = 2.0
#: A city inside the same-named province is what news means by the name ("New York", "Lagos"),
#: when it holds at least NAMESAKE_SHARE of the province's population (not "Oklahoma" -> Oklahoma City).
NAMESAKE_CITY_BONUS = 3.0
NAMESAKE_SHARE = 0.2
#: Kinds a name must have to beat a demonym reading ("Canadian" is the adjective, not the Texas town).
_PLACE_OVER_DEMONYM = frozenset({"country", "admin1", "region", "feature"})
#: A city named inside a longer unknown name must be this big ("Dubai" in "Dubai World Cup").
EMBEDDED_MIN_POPULATION = 100_000
#: Words that are province names somewhere but never the place inside a longer name ("West Wing").
_NOT_A_PLACE_ALONE = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "new",
        "upper",
        "lower",
        "greater",
    }
)
#: Trailing words dropped when a name is unknown as written ("Oaxaca State", "Manchester City").
_GENERIC_TAILS = ("state", "province", "region", "district", "city", "county", "governorate")
#: Within this distance of another unambiguous place of the article.
NEAR_KM = 300.0
NEAR_BONUS = 1.0
#: A candidate this much ahead of the runner-up is "sure" and anchors the context pass.
SURE_MARGIN = 3.0
EARTH_KM = 6371.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: Entry | None
    confidence: float


@dataclass
class _Context:
    countries: Counter[str]
    admins: set[str]
    anchors: list[Entry]


def demonym_use(gaz: Gazetteer, text: str) -> Entry | None:
    """The place a demonym names, unless the text is rather the name of a sizeable place itself."""
    dem = gaz.demonym(text)
    if dem is None:
        return None
    for c in gaz.candidates(text):
        # a tiny namesake (the Isle of Man parish "German") does not hide the adjective
        if c.exact and c.entry.kind in _PLACE_OVER_DEMONYM and c.entry.population * 100 >= dem.population:
            return None
    return dem


def candidates(gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    """Candidates for a name. An unknown name falls back to the place inside it: a generic tail
    dropped ("Colorado State" -> "Colorado"), a leading place or demonym ("Dubai World Cup",
    "European Commission"), or what follows "of" ("University of California")."""
    found = gaz.candidates(text)
    if found:
        return found
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAILS:
        found = gaz.candidates(" ".join(words[:-1]))
        if found:
            return found
    if len(words) > 1 and words[0].lower() in _NOT_A_PLACE_ALONE:
        words = words[1:]  # "South Venezuela", "West Surrey": the part of a known place
        found = gaz.candidates(" ".join(words))
        if found:
            return found
    parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if " of " in text:
        parts.append(text.rsplit(" of ", 1)[1])
    for part in parts:
        if part.lower() in _NOT_A_PLACE_ALONE:
            continue
        dem = gaz.demonym(part)
        if dem is not None:
            return (Candidate(dem, True),)
        named = tuple(c for c in gaz.candidates(part) if c.exact and _embeddable(c.entry))
        if named:
            return named
    return ()


def _embeddable(e: Entry) -> bool:
    return e.kind in _PLACE_OVER_DEMONYM or (e.kind == "city" and e.population >= EMBEDDED_MIN_POPULATION)


def _base(c: Candidate) -> float:
    e = c.entry
    score = math.log10(e.population + 10) + KIND_BONUS.get(e.kind, 0.0)
    if c.exact:
        score += EXACT_BONUS
    if e.capital:
        score += CAPITAL_BONUS
    return score


def _score(c: Candidate, ctx: _Context, qualifier: tuple[Candidate, ...]) -> float:
    e = c.entry
    score = _base(c)
    if e.cc and ctx.countries[e.cc] and e.kind != "country":
        score += CONTEXT_BONUS
    if e.admin1 and e.kind != "admin1" and e.admin1 in ctx.admins:
        score += ADMIN_BONUS
    for q in qualifier:
        qe = q.entry
        if (qe.kind == "country" and qe.cc == e.cc) or (qe.kind == "admin1" and qe.name == e.admin1):
            score += QUALIFIER_BONUS
            break
    if e.lat is not None and e.lon is not None and e.kind in ("city", "admin2", "feature"):
        for a in ctx.anchors:
            near = (
                a.lat is not None and a.lon is not None and haversine(e.lat, e.lon, a.lat, a.lon) <= NEAR_KM
            )
            if a.id != e.id and near:
                score += NEAR_BONUS
                break
    return score


def resolve(
    gaz: Gazetteer, texts: Sequence[str], adjectival: Sequence[bool], qualifiers: Sequence[str | None]
) -> list[Resolution]:
    """One resolution per mention; ``qualifiers[i]`` is the name after "<mention>, " if any."""
    cands = [() if adj else candidates(gaz, t) for t, adj in zip(texts, adjectival, strict=True)]
    demonyms = [gaz.demonym(t) if adj else None for t, adj in zip(texts, adjectival, strict=True)]
    # pass 1: what the article is about, from mentions that are sure without context
    ctx = _Context(Counter(), set(), [])
    for cs, dem in zip(cands, demonyms, strict=True):
        sure = dem if dem is not None else _sure(cs)
        if sure is None:
            continue
        if sure.cc:
            ctx.countries[sure.cc] += 1
        if sure.kind == "admin1":
            ctx.admins.add(sure.name)
        if sure.kind in ("city", "admin2", "admin1", "feature"):
            ctx.anchors.append(sure)
    # pass 2: every mention, in context
    out = []
    for cs, dem, q in zip(cands, demonyms, qualifiers, strict=True):
        if dem is not None:
            out.append(Resolution(dem, 0.9))
            continue
        if not cs:
            out.append(Resolution(None, 0.0))
            continue
        qual = gaz.candidates(q) if q else ()
        provinces = {c.entry.name: c.entry.population for c in cs if c.entry.kind == "admin1" and c.exact}
        scored = sorted(
            ((_score(c, ctx, qual) + _namesake(c.entry, provinces), c.entry) for c in cs), key=lambda s: -s[0]
        )
        top = scored[0]
        margin = top[0] - scored[1][0] if len(scored) > 1 else 5.0
        out.append(Resolution(top[1], round(1 / (1 + math.exp(-margin)), 3)))
    return out


def _namesake(e: Entry, provinces: dict[str, int]) -> float:
    if e.kind == "city" and e.admin1 in provinces and e.population >= NAMESAKE_SHARE * provinces[e.admin1]:
        return NAMESAKE_CITY_BONUS
    return 0.0


def _sure(cs: tuple[Candidate, ...]) -> Entry | None:
    if not cs:
        return None
    if len(cs) == 1:
        return cs[0].entry
    scores = sorted(((_base(c), c.entry) for c in cs), key=lambda s: -s[0])
    return scores[0][1] if scores[0][0] - scores[1][0] >= SURE_MARGIN else None
