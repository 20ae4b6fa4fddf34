"""Toponym recognition: spaCy's GPE/LOC/FAC entities, demonyms, and gazetteer matches spaCy missed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wiresift.gazetteer import Gazetteer
from wiresift.nlp import doccache
from wiresift.nlp.places.locative import (
    GENERIC_WORDS,
    SCAN_MIN_CHARS,
    alpha3,
    capitalised,
    capitalised_text,
    locative_names,
    plausible,
    qualified_heads,
    qualifier_mentions,
)
from wiresift.nlp.places.lookup import demonym_use

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels whose text may be a demonym ("Afghan", "Russian"; "English" is often LANGUAGE).
DEMONYM_LABELS = frozenset({"NORP", "LANGUAGE"})
#: Labels whose tokens are scanned for embedded place names ("Syrian" in "Syrian Army", "US" in "4 billion
#: US dollars"). Not PERSON: first names are too often places ("Paul", "Victoria").
EMBED_LABELS = frozenset({"ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY"})
#: Kinds trusted for gazetteer-only matches (no NER support): big, unambiguous names.
SCAN_KINDS = frozenset({"country", "admin1", "region", "feature"})
#: Kinds trusted for a one-word match inside an organisation's name: one-word province names are
#: often plain words there ("Centre" in "Medical Centre").
SCAN_KINDS_ONE_WORD = frozenset({"country", "region", "feature"})
#: Kinds trusted inside an organisation's name: not landmarks ("White House" in a staff title).
EMBED_KINDS = frozenset({"country", "admin1", "region"})
#: Labels whose whole text may really be a place that spaCy mislabelled.
WHOLE_LABELS = frozenset({"PERSON", "ORG"})
#: Labels whose whole text is a place when the article already names that place elsewhere
#: ("Kent" tagged PERSON after "in Kent", "Parkland" tagged NORP after "Parkland, Florida").
SEEN_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT"})
#: A town tagged PERSON or ORG counts only in a country the article names and from this size on.
PERSON_MIN_POPULATION = 10_000
#: A city tagged NORP counts only in a country the article names and from this size on: smaller
#: towns share names with parties and creeds ("Liberal", Kansas).
NORP_MIN_POPULATION = 100_000
#: A city named inside an organisation's name must be at least this populous ("Toronto Police").
EMBED_MIN_POPULATION = 100_000
#: A city name found without NER support must be at least this populous (avoids "Bath", "Reading").
SCAN_MIN_POPULATION = 1_000_000
#: Length of an upper-case province abbreviation read inside an organisation's name ("BC", "NSW").
ABBREV_CHARS = (2, 3)
#: Upper-case words that are postal abbreviations but in organisations' names mostly something else:
#: company forms ("Cimpress NV", "Smith & Jones PA") and the Press Association.
_NOT_ABBREVIATIONS = frozenset(
    {"NV", "PA", "SA", "AG", "PC", "AB", "AS", "SE", "BV", "CO", "DE", "PLC", "LLC"}
)
#: Longest place name, in tokens, that the gazetteer scan tries ("Democratic Republic of the Congo").
MAX_NGRAM = 5


_Add = Callable[[int, int, bool, str], None]


#: Lower-case direction words spaCy puts inside a place entity: "north London" is London.
_LOWER_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northwest",
     "northeast", "southwest", "southeast", "downtown", "suburban", "rural", "greater"}
)  # fmt: skip
#: Upper-case words that open datelines but are no place alone ("SOUTH WAZIRISTAN" is not "South").
_NOT_ALONE = frozenset(
    {
        "NORTH",
        "SOUTH",
        "EAST",
        "WEST",
        "CENTRAL",
        "NEW",
        "ST",
        "ST.",
        "SAN",
        "SANTA",
        "LOS",
        "LAS",
        "EL",
        "LA",
    }
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym span in the text; ``adjectival`` for demonyms ("Afghan camps")."""

    start: int
    end: int
    text: str
    adjectival: bool = False
    source: str = "ner"


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive: "the United States's" -> "United States"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a"} or doc[start].text in _LOWER_DIRECTIONS):
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end] if end > start else None


def _known(gaz: Gazetteer, text: str, n_tokens: int, embedded: bool, countries: set[str]) -> bool:
    """A name worth matching without NER support: a country, province, region or big city.
    Inside an organisation's name a one-word province counts only in the article's countries
    ("Kentucky" in "Kentucky Derby" in a US story, not "Centre" in "Medical Centre")."""
    if embedded:
        kinds, min_pop = EMBED_KINDS, EMBED_MIN_POPULATION
    else:
        kinds, min_pop = SCAN_KINDS, SCAN_MIN_POPULATION
    for c in gaz.candidates(text):
        e = c.entry
        if not (c.exact or not embedded):
            continue
        # one-word city inside an organisation's name: only in a country the article names
        # ("Toronto Police" in a Canadian story, not "Commonwealth" of "Commonwealth of Independent States")
        local = not embedded or n_tokens > 1 or not countries or e.cc in countries
        if e.kind == "city" and e.population >= min_pop and local:
            return True
        if e.kind in kinds and (
            n_tokens > 1 or not embedded or e.kind in SCAN_KINDS_ONE_WORD or e.cc in countries
        ):
            return True
    return False


def _extend(gaz: Gazetteer, doc: Doc, start: int, end: int) -> int:
    """Grow a span rightwards while the longer name is in the gazetteer ("Panjshir" + "valley")."""
    best = end
    for stop in range(end + 1, min(len(doc), end + 3) + 1):
        tail = doc[stop - 1]
        if tail.text == "." and stop - 1 == start + 1:
            continue  # "ST. LOUIS": an abbreviation's full stop
        if not tail.is_alpha or tail.is_stop:
            break
        if gaz.candidates(doc[start:stop].text):
            best = stop
    return best


def _article_countries(gaz: Gazetteer, found: list[Mention]) -> set[str]:
    """Countries of the mentions found so far (demonyms included), from their likeliest reading."""
    out: set[str] = set()
    for m in found:
        entry = gaz.demonym(m.text) if m.adjectival else None
        if entry is None:
            entry = next((c.entry for c in gaz.candidates(m.text) if c.exact), None)
        if entry is not None and entry.cc:
            out.add(entry.cc)
    return out


def _embedded_demonym_countries(doc: Doc, gaz: Gazetteer) -> set[str]:
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in EMBED_LABELS:
            for tok in ent:
                dem = gaz.demonym(tok.text) if capitalised(tok) else None
                if dem is not None and dem.cc:
                    out.add(dem.cc)
    return out


def _context_areas(gaz: Gazetteer, found: list[Mention], countries: set[str]) -> set[str]:
    """The article's countries plus "CC/Province" for every province holding some reading of a place
    found so far ("Nelson" may be in British Columbia, so "BC" there is that province)."""
    out = set(countries)
    for m in found:
        if not m.adjectival:
            out.update(f"{c.entry.cc}/{c.entry.admin1}" for c in gaz.candidates(m.text) if c.exact)
    return out


def _seen(gaz: Gazetteer, found: list[Mention]) -> set[str]:
    """Texts of the places found so far (not demonyms, not plain words): one name keeps one sense
    in an article, so the same text elsewhere (inside an organisation's name, or mislabelled) is
    that place too ("FrontCounter BC" after "Nelson, BC", "Kent" tagged PERSON after "in Kent")."""
    return {
        m.text
        for m in found
        if not m.adjectival and m.text.lower() not in GENERIC_WORDS and gaz.candidates(m.text)
    }


def _was_seen(text: str, seen: frozenset[str] | set[str]) -> bool:
    """``text`` names a place found elsewhere, also in capitals ("WALES" in a headline after "Wales")."""
    return text in seen or (len(text) >= SCAN_MIN_CHARS and text.isupper() and text.title() in seen)


def _entity_is_place(gaz: Gazetteer, text: str, countries: set[str]) -> bool:
    """spaCy tags some places PERSON or ORG ("Togo", "Gao", "Dewsbury"): keep a country or region,
    or a town or province of a country the article names."""
    if text.lower() in GENERIC_WORDS or alpha3(text):
        return False
    for c in gaz.candidates(text):
        e = c.entry
        if c.exact and (
            e.kind in SCAN_KINDS_ONE_WORD
            or (e.cc in countries and e.kind != "admin2" and e.population >= PERSON_MIN_POPULATION)
        ):
            return True
    return False


def _norp_is_city(gaz: Gazetteer, text: str, countries: set[str]) -> bool:
    """spaCy tags some cities NORP ("authorities in Tunis"): a big city of a country the article names,
    when the text is no demonym ("Liberal" is a Kansas town, too small to count here)."""
    if gaz.demonym(text) is not None:
        return False
    return any(
        c.exact
        and c.entry.kind == "city"
        and c.entry.cc in countries
        and c.entry.population >= NORP_MIN_POPULATION
        for c in gaz.candidates(text)
    )


def _datelines(doc: Doc, gaz: Gazetteer, taken: list[bool], add: _Add) -> None:
    """Wire datelines: an upper-case place name opening a line ("BEIRUT (AP) —", "KOLKATA:")."""
    texts = doccache.of(doc).texts  # the tokens' texts, read once: no Token made for most words
    for i, text in enumerate(texts):
        line_start = i == 0 or "\n" in texts[i - 1] or texts[i - 1].isspace()
        if not line_start or taken[i] or not _upper_text(text):
            continue
        tok = doc[i]
        j = i
        while j < len(doc) and j - i < MAX_NGRAM and _upper_text(texts[j]) and not taken[j]:
            j += 1
        # the whole upper-case run is the place, and punctuation closes it ("BEIRUT (AP) —"): a run that
        # goes on in words is a headline or a table heading ("POINT GUARDS BEHAVE", "CAN THEY ...")
        if j < len(doc) and doc[j].is_alpha:
            continue
        if j - i == 1 and tok.text in _NOT_ALONE:
            continue
        if any(c.exact for c in gaz.candidates(doc[i:j].text)):
            add(i, j, False, "dateline")


def _upper_text(text: str) -> bool:
    """An upper-case word of two letters or more, abbreviations included ("U.S.")."""
    return len(text) >= 2 and text.isupper() and text.replace(".", "").isalpha()


def _province_abbreviation(gaz: Gazetteer, tok: Token, countries: frozenset[str] | set[str]) -> bool:
    """An upper-case province abbreviation inside an organisation's name ("FrontCounter BC", "NSW
    Police"), no English word, of a province in a country the article names or holding a place it
    names (``countries`` holds both, see :func:`_context_areas`), or in an article naming neither."""
    text = tok.text
    if not (ABBREV_CHARS[0] <= len(text) <= ABBREV_CHARS[1] and text.isupper() and text.isalpha()):
        return False
    if tok.vocab[text.lower()].is_stop or text in _NOT_ABBREVIATIONS:
        return False
    exact = [c.entry for c in gaz.candidates(text) if c.exact]
    if not exact or exact[0].kind != "admin1":
        return False
    return not countries or exact[0].cc in countries or f"{exact[0].cc}/{exact[0].name}" in countries


def _hyphen_pair(gaz: Gazetteer, span: Span) -> list[Span]:
    """ "Amsterdam-London", "Nelson-Creston": places joined by hyphens, when the whole is no name
    ("Guinea-Bissau" is) and every part is a place's own name."""
    if "-" not in [t.text for t in span] or gaz.candidates(span.text):
        return []
    parts, start = [], span.start
    for tok in span:
        if tok.text == "-":
            parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    parts.append(span.doc[start : span.end])
    if all(len(p) and any(c.exact for c in gaz.candidates(p.text)) for p in parts):
        return parts
    return []


def _comma_parts(span: Span) -> list[Span]:
    """ "Dakar, Senegal" as one entity -> "Dakar" and "Senegal"."""
    parts, start = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > start:
                parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    if span.end > start:
        parts.append(span.doc[start : span.end])
    return parts


def recognise(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Toponym mentions of ``doc``, non-overlapping, in text order."""
    found: list[Mention] = []
    taken = [False] * len(doc)
    ents = doc.ents  # spaCy builds the tuple anew, walking every token, on each read

    def add(start: int, end: int, adjectival: bool, source: str) -> None:
        span = doc[start:end]
        found.append(Mention(span.start_char, span.end_char, span.text, adjectival, source))
        for i in range(start, end):
            taken[i] = True

    trimmed = [_trim(ent) for ent in ents]  # each entity without "the" and "'s", made once for both passes
    for ent, span in zip(ents, trimmed, strict=True):
        if span is None or any(taken[ent.start : ent.end]):
            continue
        if ent.label_ in PLACE_LABELS and "," in span.text and not gaz.candidates(span.text):
            for part in _comma_parts(span):
                add(part.start, part.end, False, "ner")
        elif ent.label_ in PLACE_LABELS and (pair := _hyphen_pair(gaz, span)):
            for part in pair:
                add(part.start, part.end, False, "ner")
        elif (
            ent.label_ in DEMONYM_LABELS
            and gaz.demonym(span.text)
            and (stop := _extend(gaz, doc, span.start, span.end)) > span.end
        ):
            add(span.start, stop, False, "ner")  # "Korean" + "Peninsula"
        elif ent.label_ in PLACE_LABELS:
            if demonym_use(gaz, span.text) is not None:
                add(span.start, span.end, True, "ner")
            else:
                add(span.start, _extend(gaz, doc, span.start, span.end), False, "ner")
        elif ent.label_ in DEMONYM_LABELS and gaz.demonym(span.text):
            add(span.start, span.end, True, "ner")
    qualifier_mentions(doc, gaz, list(found), taken, add)
    _datelines(doc, gaz, taken, add)
    countries = _article_countries(gaz, found)
    # "Barry said" after "Mark Barry": a surname, not the Welsh town
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    # nor is a part of a person's full name a place the article names elsewhere ("Park" of "Park
    # Geun-hye", "Sutton" of "Ashley Sutton"), though the model once tagged it a place
    name_parts = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    seen = _seen(gaz, found) - name_parts
    for ent, span in zip(ents, trimmed, strict=True):
        free = span is not None and not any(taken[ent.start : ent.end])
        free = free and not (ent.label_ == "PERSON" and ent.text in surnames)
        if not free or span is None:
            continue
        if (
            (ent.label_ in WHOLE_LABELS and _entity_is_place(gaz, span.text, countries))
            or (ent.label_ == "NORP" and _norp_is_city(gaz, span.text, countries))
        ) or (ent.label_ in SEEN_LABELS and _was_seen(span.text, seen)):
            add(span.start, span.end, False, "gazetteer")
    seen = _seen(gaz, found) - name_parts
    # demonyms inside organisations' names tell the article's countries too ("American League")
    countries = countries | _embedded_demonym_countries(doc, gaz)
    areas = _context_areas(gaz, found, countries)
    for ent in ents:
        if ent.label_ in EMBED_LABELS and not any(taken[ent.start : ent.end]):
            _scan(
                doc,
                gaz,
                ent.start,
                ent.end,
                taken,
                add,
                embedded=True,
                countries=countries,
                seen=seen,
                areas=areas,
            )
    _scan(doc, gaz, 0, len(doc), taken, add, embedded=False, countries=countries, seen=seen)
    qualified_heads(doc, gaz, found, taken, add)
    locative_names(doc, gaz, taken, add, countries, surnames)
    found.sort(key=lambda m: m.start)
    return _joined(gaz, doccache.of(doc).text, found)  # spaCy rebuilds ``doc.text`` on every read


def _scan(
    doc: Doc,
    gaz: Gazetteer,
    lo: int,
    hi: int,
    taken: list[bool],
    add: _Add,
    *,
    embedded: bool,
    countries: set[str],
    seen: frozenset[str] | set[str] = frozenset(),
    areas: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Longest-first gazetteer matching of capitalised token runs in ``doc[lo:hi]``; a run that is
    the text of a place found elsewhere in the article (``seen``) is that place too."""
    cache = doccache.of(doc)
    texts, pos = cache.texts, cache.pos  # read once: no Token made for lower-case words
    caps = cache.memo(("places.capitalised",), lambda: _capitalised_flags(texts))
    i = lo
    while i < hi:
        if taken[i] or not caps[i]:
            i += 1
            continue
        tok = doc[i]
        if (
            tok.lower_ == "the"  # "The Korean Peninsula" is the peninsula, not "The Korean"
            or (not embedded and tok.ent_type_ and tok.ent_type_ not in PLACE_LABELS)
        ):
            i += 1
            continue
        matched = False
        for n in range(min(MAX_NGRAM, hi - i), 0, -1):
            stop = i + n
            if any(taken[i:stop]) or not caps[stop - 1]:
                continue
            text = cache.span_text(i, stop)
            if gaz.demonym(text) and (n > 1 or not doc[i].is_sent_start or embedded):
                add(i, stop, True, "gazetteer")
            elif (
                _was_seen(text, seen)
                or (
                    all(p == "PROPN" for p in pos[i:stop])
                    and plausible(gaz, text, n)
                    and _known(gaz, text, n, embedded, countries)
                )
                or (embedded and n == 1 and _province_abbreviation(gaz, doc[i], areas))
            ):
                add(i, stop, False, "gazetteer")
            else:
                continue
            i, matched = stop, True
            break
        if not matched:
            i += 1


def _capitalised_flags(texts: list[str]) -> list[bool]:
    """:func:`capitalised_text` of every token's text, each distinct text judged once."""
    judged = {text: capitalised_text(text) for text in set(texts)}
    return [judged[text] for text in texts]


#: "and" (or "&") and one to three capitalised words after a mention: the rest of a name such as
#: "Bosnia and Herzegovina" when the NER tagged only its first part.
_AND_REST = re.compile(r"(?: and | & )([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})")


def _joined(gaz: Gazetteer, text: str, found: list[Mention]) -> list[Mention]:
    """A mention, "and" or "&", and the words after it that the gazetteer knows whole as one name
    ("Trinidad and Tobago", "Bosnia and Herzegovina": the NER tags the parts, or only the first)
    become that one mention, taking in any mention inside the rest."""
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue  # inside the name just joined
        rest = None if m.adjectival else _AND_REST.match(text, m.end)
        if rest is not None:
            words = rest.group(1).split(" ")
            for n in range(len(words), 0, -1):
                end = rest.start(1) + len(" ".join(words[:n]))
                whole = text[m.start : end]
                if any(c.exact for c in gaz.candidates(whole)):
                    m = Mention(m.start, end, whole, False, m.source)
                    break
        out.append(m)
    return out
