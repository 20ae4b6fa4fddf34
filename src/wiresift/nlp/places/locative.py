"""Names recognised from the words around them: after a locative preposition ("rescuers from Dingle"),
as the province or country after "<place>, " ("Nelson, BC"), or before one ("Croft, Yorkshire")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.places.lookup import candidates
from wiresift.nlp.places.resolve import AREA_KM, haversine

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.gazetteer import Entry, Gazetteer
    from wiresift.nlp.places.recognize import Mention

_Add = Callable[[int, int, bool, str], None]

#: Words that name a province somewhere (Cameroon's "Centre", Uganda's "Western") but in English
#: news are plain words: never matched alone without NER support.
GENERIC_WORDS = frozenset(
    {"centre", "center", "central", "north", "south", "east", "west", "northern", "southern", "eastern",
     "western", "coast", "capital", "islands", "lakes", "upper", "lower", "plateau", "littoral", "delta",
     "interior", "federal", "gulf", "mountain", "sud", "nord", "est", "ouest", "centro", "sur", "norte", "island"}
)  # fmt: skip
#: Shortest one-word name matched without NER support: shorter ones are mostly abbreviations.
SCAN_MIN_CHARS = 4
#: Three-letter country abbreviations that English prose writes (most ISO alpha-3 codes it does not).
_COUNTRY_ABBREVIATIONS = frozenset({"USA", "UAE", "DRC", "PRC", "KSA", "ROK", "ROC", "RSA", "GDR", "FRG"})


def plausible(gaz: Gazetteer, text: str, n_tokens: int) -> bool:
    """A one-word match without NER support must look like a name, not an abbreviation ("La", "GRU"),
    unless it is a country's or a region's ("US", "EU")."""
    if n_tokens == 1 and text.lower() in GENERIC_WORDS:
        return False
    if n_tokens > 1 or (len(text) >= SCAN_MIN_CHARS and not text.isupper() and "." not in text):
        return True
    if alpha3(text):
        return any(c.exact and c.entry.kind == "region" for c in gaz.candidates(text))
    return any(c.exact and c.entry.kind in ("country", "region") for c in gaz.candidates(text))


def alpha3(text: str) -> bool:
    """An upper-case three-letter word that is no everyday country abbreviation: ISO alpha-3 codes are
    country aliases, but in prose "GTM", "PAN" and "VAT" are something else."""
    return len(text) == 3 and text.isalpha() and text.isupper() and text not in _COUNTRY_ABBREVIATIONS


def capitalised(tok: Token) -> bool:
    """A capitalised word, abbreviations included ("U.S.")."""
    return capitalised_text(tok.text)


def capitalised_text(text: str) -> bool:
    """:func:`capitalised` of a token's text (read from the document's arrays without a Token)."""
    return text[:1].isupper() and text.replace(".", "").isalpha()


#: Longest qualifier tried after "<place>, " ("Brooklyn, New York").
_QUALIFIER_MAX_TOKENS = 2


def qualifier_mentions(doc: Doc, gaz: Gazetteer, found: list[Mention], taken: list[bool], add: _Add) -> None:
    """The province or country right after "<place>, " when the place lies in it, abbreviations
    included: "Nelson, BC", "Springfield, Ill.", "Gao, Mali"."""
    for m in found:
        head = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.adjectival or head is None or head.end + 1 >= len(doc) or doc[head.end].text != ",":
            continue
        inside = {(c.entry.cc, c.entry.admin1) for c in gaz.candidates(m.text)}
        start = head.end + 1
        for n in range(min(_QUALIFIER_MAX_TOKENS, len(doc) - start), 0, -1):
            stop = start + n
            if any(taken[start:stop]) or not all(capitalised(t) for t in doc[start:stop]):
                continue
            qual = [
                c.entry for c in gaz.candidates(doc[start:stop].text) if c.entry.kind in ("country", "admin1")
            ]
            if any(
                (q.kind == "country" and q.cc in {cc for cc, _ in inside}) or (q.cc, q.name) in inside
                for q in qual
            ):
                add(start, stop, False, "qualifier")
                break


def qualified_heads(doc: Doc, gaz: Gazetteer, found: list[Mention], taken: list[bool], add: _Add) -> None:
    """A name spaCy missed or tagged PERSON/ORG right before ", <province or country found>", when some
    reading of it lies there: "in Juchitan, Oaxaca State" (GeoNames' Juchitán de Zaragoza),
    "Croft, Yorkshire" (a county or region holds the towns near its point)."""
    for m in list(found):
        if m.adjectival:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].text != ",":
            continue
        if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
            continue  # "Liu He, China's top negotiator": an apposition, no qualifier
        areas = [c.entry for c in candidates(gaz, m.text) if c.exact and c.entry.kind in _AREA_KINDS]
        if not areas:
            continue
        end = span.start - 1
        for n in range(min(_LOCATIVE_MAX_TOKENS, end), 0, -1):
            head = doc[end - n : end]
            if any(taken[head.start : head.end]) or not all(
                t.pos_ == "PROPN" and capitalised(t) for t in head
            ):
                continue
            if not _whole_entity(head, set()) or not plausible(gaz, head.text, n):
                continue
            if any(_lies_in(c.entry, a) for c in gaz.candidates(head.text) for a in areas):
                add(head.start, head.end, False, "qualified")
                break


def _lies_in(e: Entry, area: Entry) -> bool:
    if e.kind not in ("city", "admin2") or e.population < LOCATIVE_MIN_POPULATION or e.cc != area.cc:
        return False
    if area.kind == "country":
        return True
    if area.kind == "admin1":
        return e.admin1 == area.name
    if None in (e.lat, e.lon, area.lat, area.lon):
        return False
    return haversine(e.lat, e.lon, area.lat, area.lon) <= AREA_KM  # type: ignore[arg-type]


#: Prepositions after which a capitalised name is most often a place ("rescuers from Dingle").
_LOCATIVE = frozenset({"in", "near", "outside", "at", "from", "to", "between", "around", "towards", "toward"})
#: The words a name of :func:`locative_names` may follow: a locative preposition, or "and".
_AFTER_WORDS = _LOCATIVE | {"and"}
#: Entity labels a locative name may carry: spaCy often tags a small town PERSON, ORG or PRODUCT
#: ("from Dingle"), but never a date, number or event.
_LOCATIVE_LABELS = frozenset({"", "GPE", "LOC", "FAC", "PERSON", "ORG", "PRODUCT"})
#: A town named after a locative preposition must lie in a country the article names and be at
#: least this populous (a village elsewhere shares most surnames).
LOCATIVE_MIN_POPULATION = 1_000
#: A city known by another spelling ("from Misrata", GeoNames' Misratah) counts from this size on.
LOCATIVE_ALTERNATE_POPULATION = 100_000
#: Kinds of a found name that make the name before ", " a place in it ("Matias Romero, Oaxaca State").
_AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})
#: Longest town name tried after a locative preposition ("Saint Croix County", a Wisconsin county).
_LOCATIVE_MAX_TOKENS = 3
#: Institutions and events written with a capital after "in"/"at"/"to" ("in Congress", "at the
#: Summit"): some share a name with a small town (Congress, Arizona) but are never places here.
_INSTITUTIONS = frozenset(
    {"congress", "parliament", "senate", "assembly", "council", "court", "cabinet", "government",
     "church", "army", "navy", "police", "summit", "office", "house", "ministry", "state", "union",
     "embassy", "consulate", "campus", "headquarters", "mass", "christmas", "easter", "ramadan"}
)  # fmt: skip


def locative_names(
    doc: Doc, gaz: Gazetteer, taken: list[bool], add: _Add, countries: set[str], surnames: set[str]
) -> None:
    """A capitalised name right after a locative preposition, or after "and" following a name that
    is ("rescuers from Dingle", "between Dingle and Tralee"), that is a town or province of a country
    the article names. spaCy misses many small towns or tags them PERSON."""
    if not countries:
        return
    # only a word after a locative preposition or "and" can be one: those words found on the arrays
    after = [j + 1 for j in doccache.of(doc).lower_in(_AFTER_WORDS) if j + 1 < len(doc)]
    for i in after:
        prev = doc[i - 1].lower_
        coordinated = prev == "and" and i >= 2 and taken[i - 2] and _after_locative(doc, i - 2)
        if prev not in _LOCATIVE and not coordinated:
            continue
        for n in range(min(_LOCATIVE_MAX_TOKENS, len(doc) - i), 0, -1):
            stop = i + n
            span = doc[i:stop]
            if any(taken[i:stop]) or not all(t.pos_ == "PROPN" and capitalised(t) for t in span):
                continue
            if n == 1 and span.text.lower() in _INSTITUTIONS:
                continue
            if not _whole_entity(span, surnames) or not plausible(gaz, span.text, n):
                continue
            # a name the NER calls a person or an organisation is a place by its own name only: "at Google"
            # is no alias of a Kansas city
            named = span[0].ent_type_ in ("PERSON", "ORG")
            if any(
                (c.exact or (c.entry.population >= LOCATIVE_ALTERNATE_POPULATION and not named))
                and c.entry.cc in countries
                and c.entry.kind in ("city", "admin1", "admin2")
                and c.entry.population >= LOCATIVE_MIN_POPULATION
                for c in gaz.candidates(span.text)
            ):
                add(i, stop, False, "locative")
                break


def _whole_entity(span: Span, surnames: set[str]) -> bool:
    """A name that is no entity, or exactly one GPE/LOC/FAC, PERSON or ORG entity, not a surname
    of someone named in full ("Donald" of "Donald Trump", "Moody" of "Moody's Analytics", "Bolton")."""
    labels = {t.ent_type_ for t in span}
    if labels == {""}:
        return True
    if len(labels) > 1 or not labels <= _LOCATIVE_LABELS or span.text in surnames:
        return False
    doc = span.doc
    opens = span[0].ent_iob_ == "B"
    closes = span.end == len(doc) or doc[span.end].ent_iob_ != "I"
    return opens and closes


def _after_locative(doc: Doc, i: int) -> bool:
    """Whether the name ending at token ``i`` opens after a locative preposition."""
    j = i
    while j > 0 and doc[j - 1].pos_ == "PROPN":
        j -= 1
    return j > 0 and doc[j - 1].lower_ in _LOCATIVE
