"""Where the outlet is: the country and places its address and name give, a prior for the article's places.

A story in a Canadian paper means London, Ontario more often than a British one does; a story on
``floridatoday.com`` names Florida's towns. Two sources, both small and general:

- **the country-code top-level domain** of the page's host: ``.ca`` is Canada, ``.uk`` the United
  Kingdom (ISO ``GB``), ``.ie`` Ireland, any ISO 3166 code its country. Codes sold as generic
  domains (``.io``, ``.co``, ``.tv``, ``.me``, ``.fm`` …, :data:`GENERIC_CCTLDS`) and generic
  domains (``.com``, ``.net``, ``.org``) say nothing;
- **a place in the outlet's name**: the site name (``Document.site``: "The Oregon Gazette") or the
  host's registrable label (``floridatoday``, ``nj``, ``irishtimes``) that starts or ends with a
  country, a province (abbreviations included when they are the whole label: ``nj.com``), a named
  region, a demonym or a city of :data:`CITY_MIN_POPULATION` people. Only these broad readings
  count: a label that merely contains a small town's name ("barrons" has "Barr") does not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from wiresift.gazetteer import Entry, Gazetteer

#: ccTLDs that are sold and used as generic domains: they say nothing about the outlet's country.
GENERIC_CCTLDS = frozenset(
    {
        "io",
        "co",
        "tv",
        "me",
        "fm",
        "ai",
        "ly",
        "to",
        "ws",
        "cc",
        "nu",
        "sh",
        "st",
        "la",
        "gg",
        "im",
        "ac",
        "am",
    }
)
#: ccTLDs whose country code differs from ISO 3166 alpha-2.
CCTLD_COUNTRY = {"uk": "GB", "eu": ""}
#: Second-level labels under a ccTLD ("bbc.co.uk", "smh.com.au"): the registrable label is the one before.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "news", "ltd", "plc", "or", "ne"})
#: A city named in an outlet's name or address must be this big ("cleveland", not "barr" of "barrons").
CITY_MIN_POPULATION = 100_000
#: A reading in another country must be under 1/FOREIGN_SHARE of the biggest one to be ignored
#: ("florida": the US state, not Uruguay's department; "georgia" is both the country and the state).
FOREIGN_SHARE = 10
#: Shortest prefix or suffix of a host label tried as a place name ("nj" only as the whole label).
MIN_PART = 4
_BROAD = frozenset({"country", "admin1", "region"})
_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")


def cctld_country(gaz: Gazetteer, host: str) -> Entry | None:
    """The country of the host's country-code domain, if it is one and not sold as generic."""
    tld = host.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in GENERIC_CCTLDS:
        return None
    cc = CCTLD_COUNTRY.get(tld, tld.upper())
    return gaz.country(cc) if cc else None


def _registrable_label(host: str) -> str:
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def _broad_reading(gaz: Gazetteer, name: str, abbreviation_ok: bool = False) -> Entry | None:
    """The country, province, region or big city a name is, or a demonym's country. A name with broad
    readings that disagree ("washington": the state and the capital in another province) gives only
    their common country; readings in two countries give nothing."""
    found = []
    for c in gaz.candidates(name):
        e = c.entry
        if not (c.exact or abbreviation_ok) and e.kind != "country":
            continue
        if e.kind in _BROAD or (e.kind == "city" and e.population >= CITY_MIN_POPULATION):
            found.append(e)
    if not found:
        return gaz.demonym(name) if len(name) >= MIN_PART else None
    best = max(found, key=lambda e: e.population)
    others = [e.population for e in found if e.cc != best.cc]
    if others and max(others) * FOREIGN_SHARE > best.population:  # "georgia": the country or the state
        return None
    found = [e for e in found if e.cc == best.cc]
    if any(e.id != best.id and not _inside(e, best) and not _inside(best, e) for e in found):
        return gaz.country(best.cc) if best.cc else None
    return best


def _inside(e: Entry, area: Entry) -> bool:
    return area.kind == "country" or (area.kind == "admin1" and e.admin1 == area.name)


@lru_cache(maxsize=4096)
def _host_places(gaz: Gazetteer, label: str) -> tuple[Entry, ...]:
    if len(label) <= 3:  # the whole label as an abbreviation: "nj.com"
        whole = _broad_reading(gaz, label, abbreviation_ok=True)
        return (whole,) if whole is not None and whole.kind in _BROAD else ()
    for n in range(len(label), MIN_PART - 1, -1):
        for part in dict.fromkeys((label[:n], label[len(label) - n :])):
            # the part as one word, or as two ("kansascity" is "kansas city")
            for name in [part] + [f"{part[:i]} {part[i:]}" for i in range(3, len(part) - 2)]:
                found = _broad_reading(gaz, name)
                if found is not None:
                    return (found,)
    return ()


def host_places(gaz: Gazetteer, host: str) -> list[Entry]:
    """Places the host's registrable label starts or ends with ("floridatoday" -> Florida, "nj" -> New Jersey)."""
    label = _registrable_label(host).replace("-", "")
    return list(_host_places(gaz, label)) if label.isalpha() else []


def site_places(gaz: Gazetteer, site: str) -> list[Entry]:
    """Places a site's name holds ("The Oregon Gazette" -> Oregon), longest word runs first."""
    words = _WORD.findall(site)
    out: list[Entry] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            run = " ".join(words[i:j])
            if not run[:1].isupper() or (j - i == 1 and len(run) < MIN_PART):
                continue
            found = _broad_reading(gaz, run)
            if found is not None:
                out.append(found)
                i = j - 1
                break
        i += 1
    return out


def outlet_places(gaz: Gazetteer, url: str | None, site: str | None) -> list[Entry]:
    """The outlet's country (ccTLD) and the places its name or address gives, without repeats."""
    found: list[Entry] = []
    host = urlsplit(url).hostname or "" if url else ""
    if host:
        country = cctld_country(gaz, host)
        if country is not None:
            found.append(country)
        found += host_places(gaz, host)
    if site:
        found += site_places(gaz, site)
    out: list[Entry] = []
    for e in found:
        if all(o.id != e.id for o in out):
            out.append(e)
    return out


def is_outlet_name(text: str, url: str | None, site: str | None) -> bool:
    """A mention in capitals that spells the outlet's own name: the host's registrable label ("SWE" on
    ``swe.com``) or the whole site name. Such a name is the outlet's brand, not a place; a place name
    written as a word ("Boston" on ``boston.com``) is still the place."""
    if len(text) < 2 or not text.isupper() or not text.replace(" ", "").isalpha():
        return False
    key = text.replace(" ", "").lower()
    host = (urlsplit(url).hostname or "") if url else ""
    if host and _registrable_label(host).replace("-", "") == key:
        return True
    return bool(site) and re.sub(r"[^a-z]", "", (site or "").lower()) == key
