"""Gazetteer look-up for toponym resolution: the readings a name may have before any scoring.

A name the gazetteer knows as written gives its own readings; an unknown one falls back to the place
inside it (a generic tail dropped, a leading or trailing place, what follows "of"), never to the town
a street is named after. Also the demonym reading of an adjective and the provinces an upper-case code
names. Scoring and picking are in :mod:`wiresift.nlp.places.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wiresift.gazetteer import Candidate, Entry, Gazetteer, name_key
from wiresift.nlp.places.usage import STREET_TYPES

#: Kinds a name must have to beat a demonym reading ("Canadian" is the adjective, not the Texas town).
_PLACE_OVER_DEMONYM = frozenset({"country", "admin1", "region", "feature"})
#: A city named inside a longer unknown name must be this big ("Dubai" in "Dubai World Cup").
EMBEDDED_MIN_POPULATION = 100_000
#: A county named alone inside a longer unknown name must be this big ("Wexcombe Air Ambulance"): smaller
#: ones share their names with towns and surnames.
EMBEDDED_COUNTY_POPULATION = 500_000
#: Words that are province names somewhere but never the place inside a longer name ("West Wing").
NOT_A_PLACE_ALONE = frozenset(
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
#: Trailing words dropped (repeatedly) when a name is unknown as written: "Oaxaca State", "Manchester
#: City", "Farrowby Municipal District", "Ardle Local Government Area", "Pellham Estate".
_GENERIC_TAILS = (
    "local government area",
    "municipal district",
    "state",
    "province",
    "region",
    "district",
    "city",
    "county",
    "governorate",
    "municipality",
    "borough",
    "estate",
    "lga",
    "mdc",
    "office",
)
#: Words never taken alone as the place inside a longer unknown name ("Convention Centre", "Gulf Oil",
#: "Vienna Metro"): they name a province or town somewhere but are plain words there.
_NOT_EMBEDDED = frozenset(
    {"centre", "center", "metro", "gulf", "coast", "capital", "island", "islands", "republic"}
)
#: Arabic article prefixes: "Hasaka" is GeoNames' "Al Hasaka", "al-Raqqa" is "Raqqa".
_ARABIC_ARTICLE = re.compile(r"^(?:(?:al|el)[- ]|(?:ar|as|ash|ad|an|at|az)-)(?=\w)", re.IGNORECASE)


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
    "European Commission"), or what follows "of" ("University of California"). A name with no Latin
    letters has none (its "Al " variant would be the key of "Ål")."""
    if not name_key(text):
        return ()
    found = gaz.candidates(text) or _article_variant(gaz, text)
    words = text.split()
    if found:
        return found + _namesakes_of_stem(gaz, words, found)
    if len(words) > 1 and words[-1].lower().rstrip(".") in STREET_TYPES:
        return ()  # a street the gazetteer lacks is not the town it is named after ("Dunmore Avenue")
    stem = _strip_tails(words)
    if len(stem) < len(words):
        found = gaz.candidates(" ".join(stem))
        if found:
            return found
    for core in (words, stem):
        # "New" makes a new name ("New Tarrow" is a rocket, not Tarrow): no part of a known place
        if len(core) > 1 and core[0].lower() in NOT_A_PLACE_ALONE and core[0].lower() != "new":
            # "North Peru", "East Kent", "South Pellham Estate": the part of a known place
            found = gaz.candidates(" ".join(core[1:]))
            if found:
                return found
    parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if len(words) > 2 and words[0].lower() in NOT_A_PLACE_ALONE:  # "Greater Lagos Auto Fair"
        parts += [" ".join(words[1:n]) for n in range(len(words) - 1, 1, -1)]
    if " of " in text:
        parts.append(text.rsplit(" of ", 1)[1])
    # a trailing place ("Growing Ireland", "Better Ireland"), after the leading ones
    parts += [" ".join(words[n:]) for n in range(1, len(words))]
    # then one inside ("Digital Dubai Bureau")
    parts += [" ".join(words[i:j]) for i in range(1, len(words) - 1) for j in range(len(words) - 1, i, -1)]
    for part in parts:
        # a lower-case word is no name ("and" is Andorra's ISO code "AND")
        if not part[:1].isupper() or part.lower() in NOT_A_PLACE_ALONE or part.lower() in _NOT_EMBEDDED:
            continue
        dem = gaz.demonym(part)
        if dem is not None:
            return (Candidate(dem, True),)
        named = tuple(c for c in gaz.candidates(part) if c.exact and _embeddable(c.entry, part))
        if named:
            return named
    return ()


def _namesakes_of_stem(
    gaz: Gazetteer, words: list[str], found: tuple[Candidate, ...]
) -> tuple[Candidate, ...]:
    """A name with a generic tail known only as an alternate name of one area ("Punjab province", an
    alias of Pakistan's Punjab) also reads as the same-kind areas its stem names ("Punjab" of India):
    the article's context chooses between them, as for the bare name."""
    stem = _strip_tails(words)
    if len(stem) == len(words) or any(c.exact for c in found):
        return ()
    kinds = {c.entry.kind for c in found}
    ids = {c.entry.id for c in found}
    return tuple(
        c
        for c in gaz.candidates(" ".join(stem))
        if c.exact and c.entry.kind in kinds and c.entry.id not in ids
    )


def province_codes(gaz: Gazetteer, code: str, places: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """The provinces that an upper-case code after a name ("MA" of "Salem, MA", "ON" of "Toronto, ON")
    names in the countries of that name's readings: ISO 3166-2 codes are the postal abbreviations of US
    states and Canadian provinces, and more such elsewhere."""
    if not (2 <= len(code) <= 3 and code.isalpha() and code.isupper()):
        return ()
    found = {gaz.subdivision(f"{cc}-{code}") for cc in {c.entry.cc for c in places if c.entry.cc}}
    return tuple(Candidate(e, True) for e in sorted((e for e in found if e), key=lambda e: -e.population))


def _strip_tails(words: list[str]) -> list[str]:
    """``words`` without trailing generic words, repeatedly: "Ardle Local Government Area" -> "Ardle"."""
    out = list(words)
    stripped = True
    while stripped:
        stripped = False
        for tail in _GENERIC_TAILS:
            n = tail.count(" ") + 1
            if len(out) > n and " ".join(out[-n:]).lower() == tail:
                out, stripped = out[:-n], True
                break
    return out


def _article_variant(gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    """An Arabic name with or without its article: "Hasaka" -> "Al Hasaka", "al-Raqqa" -> "Raqqa"."""
    bare = _ARABIC_ARTICLE.sub("", text)
    if bare != text:
        return gaz.candidates(bare)
    if " " not in text and text[:1].isupper():
        return gaz.candidates("Al " + text)
    return ()


def _embeddable(e: Entry, part: str) -> bool:
    """A place that may stand for a longer unknown name: a country, province, region or feature, a
    big city, or a county named in full ("Farrowby County Sheriff")."""
    if e.kind == "admin2":  # a county named in full, or a big one ("Wexcombe Air Ambulance")
        return part.split()[-1].lower() in _GENERIC_TAILS or e.population >= EMBEDDED_COUNTY_POPULATION
    return e.kind in _PLACE_OVER_DEMONYM or (e.kind == "city" and e.population >= EMBEDDED_MIN_POPULATION)
