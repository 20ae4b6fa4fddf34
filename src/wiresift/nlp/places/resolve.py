"""Toponym resolution: choose one gazetteer entry per mention, using the whole article as context.

Each candidate gets a score from its population, whether the mention is its canonical name or only
an alternate one, its kind, whether its country is the article's country context (countries named
or implied elsewhere), whether its province is named in the article, and how close it lies to the
places the article names unambiguously; a second round adds the first round's picks of the other
names to that context. Weights were set together on the GeoWebNews articles (see
docs/places.md); do not tune one in isolation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wiresift.gazetteer import Candidate, Entry, Gazetteer
from wiresift.nlp.places.lookup import NOT_A_PLACE_ALONE, candidates, province_codes

#: Score for the mention being the entry's own name rather than an alternate: "New Delhi" is the
#: city of that name, not Delhi (whose alternates include "New Delhi").
EXACT_BONUS = 2.0
#: Prior by kind, in log10-population units. Countries and named regions dominate same-named
#: towns; a province yields to a big city of the same name ("New York", "Mexico City").
KIND_BONUS = {"country": 3.0, "region": 1.5, "feature": 1.0, "admin1": 0.0, "admin2": -1.5, "city": 0.0}
#: The entry's country is named (or implied) elsewhere in the article.
CONTEXT_BONUS = 2.5
#: A province of the article's main country (named at least MAIN_SHARE times as often as any other) wins
#: over a same-named province of a country named in passing ("Punjab" in a story about Delhi that once
#: names Karachi, Pakistan, is India's). Towns do not get it: for them it cost GeoWebNews acc@161.
MAIN_BONUS = 1.0
MAIN_SHARE = 2
#: The entry's province is named elsewhere in the article ("Portland ... Maine").
ADMIN_BONUS = 2.0
#: The mention is followed by ", <its country or province>" ("Paris, Texas").
QUALIFIER_BONUS = 6.0
#: A national capital (news names capitals more than same-named towns or provinces: "Washington").
CAPITAL_BONUS = 2.0
#: A city inside the same-named province is what news means by the name ("New York", "Lagos"),
#: when it holds at least NAMESAKE_SHARE of the province's population (not "Oklahoma" -> Oklahoma City):
#: it scores NAMESAKE_MARGIN above its province, so it wins or loses where the province would.
NAMESAKE_MARGIN = 1.0
NAMESAKE_SHARE = 0.2
#: Within this distance of another unambiguous place of the article.
NEAR_KM = 300.0
NEAR_BONUS = 1.0
#: Closer still (a neighbouring town): among same-named villages of one country, the one next to the
#: article's other places ("Overton" in a story about Dewsbury and Middlestown).
CLOSE_KM = 50.0
CLOSE_BONUS = 0.5
#: A county or region qualifier ("Croft, Yorkshire") holds the towns this close to its point.
AREA_KM = 100.0
#: A candidate this much ahead of the runner-up is "sure" and anchors the context pass.
SURE_MARGIN = 3.0
#: A province holding another place the article names is what a same-named mention means
#: ("Seattle ... Washington" is the state, not the capital).
CONTAINS_BONUS = 2.0
#: A province named close to other names (a list or a run of places) while the article names at least
#: SIBLING_MIN other provinces of its country is what an ambiguous name means there ("California, Idaho,
#: Utah and Washington" is the state, "... Florida, Louisiana and Georgia" not the country).
SIBLING_BONUS = 2.0
SIBLING_MIN = 3
#: A town under 1/TINY_SHARE of the size of its own country's same-named province (or of the country)
#: loses TINY_PENALTY: "Wales" in a British story is the nation, not the English village, even when
#: that village's county is named too.
TINY_SHARE = 100
TINY_PENALTY = 3.0
#: In the second round a country is context when first-round picks name it at least 1/PICK_SHARE
#: as often as the article's most-named country (or a sure mention names it).
PICK_SHARE = 3
#: First-round picks below this confidence (margin over the runner-up under ~0.4) are no context: the
#: same from 0.55 to 0.65 on the dev set (0.7 left out a sure village beside an alternate-name namesake).
PICK_CONFIDENCE = 0.6
#: A town under 1/SHADOW_SHARE of the size of a same-named city of its own country is "shadowed": news
#: means the big one ("Portland", "Louisville" in a US story), so the province and nearness bonuses
#: count only SHADOW_FACTOR of their weight for it (a qualifier, "Portland, Texas", still counts in full).
#: A national capital shadows its namesakes in other countries too ("Paris" in a story that names Texas).
SHADOW_SHARE = 30
SHADOW_FACTOR = 0.5
#: A name its qualifier settles this surely ("Toronto, ON") is that place wherever the article names it bare.
SETTLED_CONFIDENCE = 0.9
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
    admins: set[tuple[str, str | None]]
    anchors: list[Entry]

    def add(self, e: Entry) -> None:
        if e.cc:
            self.countries[e.cc] += 1
        if e.kind == "admin1":
            self.admins.add((e.name, e.cc))
        # each place anchors once: a long article names the same towns hundreds of times, and every
        # mention is scored against every anchor
        if e.kind in ("city", "admin2", "admin1", "feature") and all(a.id != e.id for a in self.anchors):
            self.anchors.append(e)


def _base(c: Candidate) -> float:
    e = c.entry
    score = math.log10(e.population + 10) + KIND_BONUS.get(e.kind, 0.0)
    if c.exact:
        score += EXACT_BONUS
    if e.capital:
        score += CAPITAL_BONUS
    return score


def _score(
    c: Candidate, ctx: _Context, qualifier: tuple[Candidate, ...], local: float = 1.0, listed: bool = True
) -> float:
    """``local`` weighs the province and nearness bonuses: SHADOW_FACTOR for a shadowed town, 0 for a
    name inside an organisation's name (its home is the prominent namesake). ``listed``: the mention
    stands close to other names ("Texas, Idaho and Washington"), where a province among provinces is one."""
    e = c.entry
    score = _base(c)
    if e.cc and ctx.countries[e.cc] and e.kind != "country":
        score += CONTEXT_BONUS
        top = ctx.countries.most_common(2)
        if e.kind == "admin1" and len(top) > 1 and top[0][0] == e.cc and top[0][1] >= MAIN_SHARE * top[1][1]:
            score += MAIN_BONUS
    if e.admin1 and e.kind != "admin1" and (e.admin1, e.cc) in ctx.admins:
        score += ADMIN_BONUS * local
    if (
        listed
        and e.kind == "admin1"
        and sum(cc == e.cc and name != e.name for name, cc in ctx.admins) >= SIBLING_MIN
    ):
        score += SIBLING_BONUS
    for q in qualifier:
        # "Washington, D.C.": the qualifier names the very place ("D.C." is Washington's own alias)
        if _in_area(e, q.entry):
            score += QUALIFIER_BONUS
            break
    if e.lat is not None and e.lon is not None and e.kind in ("city", "admin2", "feature"):
        closest = _closest(e, e.lat, e.lon, ctx.anchors)
        if closest <= NEAR_KM:
            score += NEAR_BONUS * local
        if closest <= CLOSE_KM:
            score += CLOSE_BONUS * local
    return score


#: Degrees of latitude past which two places lie farther apart than NEAR_KM whatever their longitudes
#: (the great-circle distance is at least the meridian arc between their latitudes), with a margin
#: for rounding: such an anchor is not measured.
_NEAR_DEGREES = NEAR_KM / (EARTH_KM * math.pi / 180) + 0.01


def _closest(e: Entry, lat: float, lon: float, anchors: Sequence[Entry]) -> float:
    """The distance from ``e`` to its nearest other anchor when that is within NEAR_KM (an anchor
    beyond is not measured: a score counts only distances up to NEAR_KM), else at least NEAR_KM or
    infinity."""
    closest = math.inf
    for a in anchors:
        if a.id == e.id or a.lat is None or a.lon is None or abs(a.lat - lat) > _NEAR_DEGREES:
            continue
        d = haversine(lat, lon, a.lat, a.lon)
        if d < closest:
            closest = d
    return closest


def _in_area(e: Entry, qe: Entry) -> bool:
    """``e`` lies in (or is) the place its qualifier reading ``qe`` names."""
    return (
        (qe.kind == "country" and qe.cc == e.cc)
        or (qe.kind == "admin1" and qe.name == e.admin1)
        or qe.id == e.id
        or _within(e, qe)
    )


def _contradicted(cs: Sequence[Candidate], qualifier: Sequence[Candidate]) -> bool:
    """Every reading of a town's name lies outside the province or country its qualifier names
    ("Springfield, Ontario" where the gazetteer has only other Springfields): the town is a place the
    gazetteer lacks, not one of its namesakes. A name that is itself a province or country is in a
    list ("Texas, California and Florida"), not qualified."""
    areas = [q.entry for q in qualifier if q.entry.kind in ("admin1", "country")]
    if not areas or not cs or any(c.entry.kind not in ("city", "admin2") for c in cs):
        return False
    return not any(_in_area(c.entry, q.entry) for c in cs for q in qualifier)


def _within(e: Entry, area: Entry) -> bool:
    """A county or region qualifier ("Croft, Yorkshire", "Snetterton, Norfolk") holds the places near its
    point (they carry no county link)."""
    if area.kind not in ("admin2", "region") or area.cc != e.cc or e.kind != "city":
        return False
    if e.lat is None or e.lon is None or area.lat is None or area.lon is None:
        return False
    return haversine(e.lat, e.lon, area.lat, area.lon) <= AREA_KM


def resolve(
    gaz: Gazetteer,
    texts: Sequence[str],
    adjectival: Sequence[bool],
    qualifiers: Sequence[str | None],
    designated: Sequence[str | None] | None = None,
    outlet: Sequence[Entry] = (),
    embedded: Sequence[bool] | None = None,
    listed: Sequence[bool] | None = None,
) -> list[Resolution]:
    """One resolution per mention; ``qualifiers[i]`` is the name after "<mention>, " if any;
    ``designated[i]`` the kind a word next to the mention names ("province" in "Idlib province",
    "city" in "the city of Puebla"): only candidates of that kind are kept, when there are some.

    Two rounds: the first scores every mention against the context of the mentions that are sure
    without context; the second against the first round's picks of every *other* name, so places
    that were only likely (a "Florida" with a Uruguayan namesake) still tell which country or
    province is meant. ``outlet`` (the outlet's country and the places its name gives) joins the
    sure context. An ``embedded[i]`` name (inside an organisation's name: "Buffalo" of "Buffalo Sabres")
    is the organisation's home: the name's reading where the article names it on its own, else the
    most prominent namesake in the article's countries (its provinces and nearness do not count).
    ``listed[i]``: the mention stands close to other names, as in a list (all do when not given).
    """
    emb = list(embedded) if embedded is not None else [False] * len(texts)
    lists = list(listed) if listed is not None else [True] * len(texts)
    raw = [() if adj else candidates(gaz, t) for t, adj in zip(texts, adjectival, strict=True)]
    # a province code that qualifies the name before it ("Salem, MA") is that name's province
    raw = [
        cs + province_codes(gaz, t, raw[i - 1]) if i > 0 and qualifiers[i - 1] == t else cs
        for i, (t, cs) in enumerate(zip(texts, raw, strict=True))
    ]
    cands = raw
    if designated is not None:
        cands = [_designated(cs, d) for cs, d in zip(raw, designated, strict=True)]
    demonyms = [gaz.demonym(t) if adj else None for t, adj in zip(texts, adjectival, strict=True)]
    # round 1: what the article is about, from mentions that are sure without context (a designated
    # "city of Dubai" is not sure context: it would make every other "Dubai" the emirate holding it)
    ctx = _Context(Counter(), set(), [])
    for e in outlet:
        ctx.add(e)
    for cs, dem in zip(raw, demonyms, strict=True):
        sure = dem if dem is not None else _sure(cs)
        if sure is not None:
            ctx.add(sure)
    first = _pick_all(gaz, texts, cands, demonyms, qualifiers, lambda _t: ctx, emb, lists)
    # round 2: the sure context plus every other name's first-round pick
    picks = [
        (t.lower(), r.entry)
        for t, r in zip(texts, first, strict=True)
        if r.entry is not None and r.confidence >= PICK_CONFIDENCE
    ]
    # "Dallas, New York and Miami" is a list: a qualifier read as another town qualifies nothing
    # (but "Washington, D.C." names the mention's own candidate)
    qualifiers = [
        None
        if q is not None
        and i + 1 < len(first)
        and q == texts[i + 1]
        and (_other_town(first[i + 1].entry, cands[i]) or _other_country(first[i + 1].entry, cands[i]))
        else q
        for i, q in enumerate(qualifiers)
    ]
    cache: dict[str, _Context] = {}

    def others(text: str) -> _Context:
        key = text.lower()
        if key not in cache:
            c = _Context(Counter(), set(ctx.admins), list(ctx.anchors))
            c.countries.update(e.cc for e in outlet if e.cc)  # the outlet is context in both rounds
            for t, e in picks:
                if t != key:
                    c.add(e)
            top = max(c.countries.values(), default=0)
            # a stray pick ("Yorkshire" -> a US town in a British story) is no context of its own
            c.countries = Counter(
                {cc: n for cc, n in c.countries.items() if ctx.countries[cc] or n * PICK_SHARE >= top}
            )
            cache[key] = c
        return cache[key]

    final = _pick_all(gaz, texts, cands, demonyms, qualifiers, others, emb, lists)
    # where a qualifier settles a name on a bigger place than its bare mentions took ("Toronto, ON" after
    # a bare "Toronto" read as the Ohio village), they are that place too; a qualifier never demotes a bare
    # name to a small namesake ("Paris, Texas" leaves "Paris" in France)
    settled = {
        t.lower(): r
        for t, q, r in zip(texts, qualifiers, final, strict=True)
        if q is not None
        and r.entry is not None
        and r.confidence >= SETTLED_CONFIDENCE
        and _qualified(r.entry, q, gaz)
    }
    final = [
        settled[t.lower()] if q is None and dem is None and _bigger(settled.get(t.lower()), r) else r
        for t, q, r, dem in zip(texts, qualifiers, final, demonyms, strict=True)
    ]
    own = {t.lower(): r for t, r, e in zip(texts, final, emb, strict=True) if not e and r.entry is not None}
    return [own.get(t.lower(), r) if e else r for t, r, e in zip(texts, final, emb, strict=True)]


def _pick_all(
    gaz: Gazetteer,
    texts: Sequence[str],
    cands: Sequence[tuple[Candidate, ...]],
    demonyms: Sequence[Entry | None],
    qualifiers: Sequence[str | None],
    context: Callable[[str], _Context],
    embedded: Sequence[bool],
    listed: Sequence[bool],
) -> list[Resolution]:
    """The best candidate of each mention, scored in ``context(mention text)`` (without province and
    nearness bonuses for an ``embedded`` one)."""
    out = []
    # the same name with the same candidates and qualifier scores the same in the same context
    done: dict[tuple[str, str | None, tuple[str, ...], bool, bool], Resolution] = {}
    for text, cs, dem, q, emb, lst in zip(texts, cands, demonyms, qualifiers, embedded, listed, strict=True):
        key = (text, q, tuple(str(c.entry.id) for c in cs), emb, lst)
        if dem is None and key in done:
            out.append(done[key])
            continue
        if dem is not None:
            out.append(Resolution(dem, 0.9))
            continue
        if not cs:
            out.append(Resolution(None, 0.0))
            continue
        ctx = context(text)
        qual = gaz.candidates(q) + province_codes(gaz, q, cs) if q else ()
        if _contradicted(cs, qual):
            # "San Ardelo, California" where the gazetteer has San Ardelos elsewhere only: none is meant
            done[key] = Resolution(None, 0.0)
            out.append(done[key])
            continue
        lead: dict[str | None, int] = {}  # the biggest same-named city of each country
        for c in cs:
            if c.exact and c.entry.kind == "city":
                lead[c.entry.cc] = max(lead.get(c.entry.cc, 0), c.entry.population)
        # a national capital shadows its small namesakes abroad too ("Paris" in a story naming Texas)
        capital = max((c.entry.population for c in cs if c.exact and c.entry.capital), default=0)
        lead = {cc: max(n, capital) for cc, n in lead.items()}
        scores = [
            _score(c, ctx, qual, 0.0 if emb else SHADOW_FACTOR if _shadowed(c.entry, lead) else 1.0, lst)
            for c in cs
        ]
        big: dict[str | None, int] = {}
        for c in cs:
            if c.exact and c.entry.kind in ("admin1", "country"):
                big[c.entry.cc] = max(big.get(c.entry.cc, 0), c.entry.population)
        scores = [
            sc - TINY_PENALTY
            if c.entry.kind == "city" and c.entry.population * TINY_SHARE < big.get(c.entry.cc, 0)
            else sc
            for c, sc in zip(cs, scores, strict=True)
        ]
        provinces = {
            (c.entry.name, c.entry.cc): (c.entry.population, sc)
            for c, sc in zip(cs, scores, strict=True)
            if c.entry.kind == "admin1" and c.exact
        }
        namesake = [_namesake(c.entry, provinces) for c in cs]
        if any(n is not None for n in namesake):  # the big namesake city ("New York") keeps the name
            scores = [sc if n is None else max(sc, n) for sc, n in zip(scores, namesake, strict=True)]
        else:
            scores = [sc + _contains(c.entry, ctx) for c, sc in zip(cs, scores, strict=True)]
        scored = sorted(zip(scores, (c.entry for c in cs), strict=True), key=lambda s: -s[0])
        top = scored[0]
        if text.lower() in NOT_A_PLACE_ALONE and top[1].cc not in ctx.countries:
            # "the West" in a story about Russia is no Cameroonian province: a bare direction word
            # resolves only to a province or town of a country the article is about
            done[key] = Resolution(None, 0.0)
        else:
            margin = top[0] - scored[1][0] if len(scored) > 1 else 5.0
            done[key] = Resolution(top[1], round(1 / (1 + math.exp(-margin)), 3))
        out.append(done[key])
    return out


#: Kinds a designating word keeps ("Washington state", "upstate New York", "Cork city").
DESIGNATED_KINDS = {"province": frozenset({"admin1", "admin2"}), "city": frozenset({"city"})}


def _bigger(settled: Resolution | None, bare: Resolution) -> bool:
    """A settled reading of a name that is more populous than what a bare mention of it took."""
    if settled is None or settled.entry is None:
        return False
    return bare.entry is None or settled.entry.population > bare.entry.population


def _qualified(e: Entry, q: str, gaz: Gazetteer) -> bool:
    """``e`` lies in the province or country its qualifier ``q`` names (a name or a province code)."""
    areas = gaz.candidates(q) + province_codes(gaz, q, [Candidate(e, True)])
    return any(
        (a.entry.kind == "country" and a.entry.cc == e.cc)
        or (a.entry.kind == "admin1" and a.entry.cc == e.cc and a.entry.name == e.admin1)
        for a in areas
    )


def _designated(cs: tuple[Candidate, ...], designation: str | None) -> tuple[Candidate, ...]:
    kinds = DESIGNATED_KINDS.get(designation or "")
    if not kinds:
        return cs
    kept = tuple(c for c in cs if c.entry.kind in kinds)
    return kept or cs


def _shadowed(e: Entry, lead: dict[str | None, int]) -> bool:
    return e.kind == "city" and e.population * SHADOW_SHARE < lead.get(e.cc, 0)


def _other_town(e: Entry | None, cands: tuple[Candidate, ...]) -> bool:
    return e is not None and e.kind == "city" and all(c.entry.id != e.id for c in cands)


def _other_country(e: Entry | None, cands: tuple[Candidate, ...]) -> bool:
    """A country after a country's own name lists it ("Georgia, Kosovo, Belarus"): countries qualify
    no countries, so a hamlet of the second country with the first's name as an alias does not win."""
    return (
        e is not None
        and e.kind == "country"
        and any(c.exact and c.entry.kind == "country" and c.entry.cc != e.cc for c in cands)
    )


def _contains(e: Entry, ctx: _Context) -> float:
    if e.kind == "admin1" and any(a.admin1 == e.name and a.cc == e.cc and a.id != e.id for a in ctx.anchors):
        return CONTAINS_BONUS
    return 0.0


def _namesake(e: Entry, provinces: dict[tuple[str, str | None], tuple[int, float]]) -> float | None:
    """The score a city inherits from its same-named province: just above the province's own."""
    province = provinces.get((e.admin1 or "", e.cc))
    if e.kind == "city" and province is not None and e.population >= NAMESAKE_SHARE * province[0]:
        return province[1] + NAMESAKE_MARGIN
    return None


def _sure(cs: tuple[Candidate, ...]) -> Entry | None:
    if not cs:
        return None
    if len(cs) == 1:
        return cs[0].entry
    scores = sorted(((_base(c), c.entry) for c in cs), key=lambda s: -s[0])
    return scores[0][1] if scores[0][0] - scores[1][0] >= SURE_MARGIN else None
