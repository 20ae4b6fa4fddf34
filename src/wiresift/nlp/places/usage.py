"""Is a recognised name used as a place here? The parse and the named entities around it decide.

Recognition (:mod:`recognize`) finds names the gazetteer knows; this module drops the ones the text
uses as something else, so they never become map pins:

- **part of a person's name**: the name lies inside a longer PERSON entity ("Dana Sutton", "Ken Ito"),
  or is a bare PERSON entity whose word is a part of a person the article names in full ("Sutton said"
  after "Ashley Sutton");
- **a street, an address or a named building**: the name is followed by a capitalised street or
  building word ("Tottenham Court Road", "Union Square", "Jubilee Hall", "the Orange Line"), or
  follows one as an address's quadrant ("SE" of "410 M Street SE"). The gazetteer resolves the whole name when it has
  it (recognition grows a name while the longer one is known); what it lacks is not the district
  or town it contains;
- **a brand, product or company**: a town's name followed by a product or company head noun
  ("Brent crude", "Atlas Motors"); a country or province keeps its place ("U.S. airlines");
- **a team**: a town's name as the subject of a plural verb ("Chelsea have signed", "Leeds are
  top"): British news writes a club so, never a town;
- **a title of a work**: a name alone inside quotation marks (the song “Dunmore”, the show “Fargo”),
  or inside a short quoted title whose words are all capitalised (the film “Ardle and Pellham”);
- **a common noun**: a word written in lower case ("metro newspapers") names no place;
- **a title**: an abbreviation right before a person's name is the person's title ("Sen." of
  "Sen. Ada Brook" is no alias of Senegal, "Gov." no town);
- **a short word read as a country code**: a mixed-case word of two or three letters that only an
  upper-case code or abbreviation names ("Pan", "Car", "Mac" are not Panama, the Central African
  Republic or Macau; "PAN" in a table would be); an upper-case word of two or three letters whose
  only readings are towns of that name is an acronym ("CIS" is no Italian town "Cis");
- **a person's kin or counsel**: a small town's name whose possessor or apposition is a word for a
  relative, a lawyer or a partner ("Farrow's attorney", "his son, Brisko"), or that follows a
  capitalised word that is no place as a two-word name ("Quenbar Taylor" where the NER split it), or
  that is the first part of a hyphenated name ("Zeta-Mae");
- **a body of the solar system**: "Earth", "the Moon", "Mars" name no town that shares the name
  ("Mars, Pennsylvania") unless a qualifier says so ("Mars, Pa.");
- **a company named like a natural feature**: a one-word name that spaCy tags an organisation, whose
  only readings are rivers, forests, seas or mountains, written without "the" ("on Amazon", "Amazon's
  speakers"): news writes the feature with its article ("the Amazon").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wiresift.gazetteer import name_key
from wiresift.nlp import doccache
from wiresift.nlp.claims.lexicon import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from wiresift.gazetteer import Gazetteer
    from wiresift.nlp.places.recognize import Mention

#: Capitalised words after a name that make it a street, a square or a building, not the place named.
STREET_WORDS = frozenset(
    {
        "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "way",
        "court", "place", "terrace", "crescent", "highway", "parkway", "square", "plaza", "hall",
        "tower", "towers", "center", "centre", "building", "station", "line", "bridge",
        "arena", "stadium", "mall", "amphitheatre", "amphitheater", "theatre", "theater", "pavilion",
        "casino",
    }
)  # fmt: skip
#: The street words of ``STREET_WORDS``: a street named after a town ("Dunmore Avenue", "S. Ripley Drive")
#: lies anywhere, seldom in that town; a building or a station named after it mostly stands there.
STREET_TYPES = frozenset(
    {
        "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "way",
        "court", "place", "terrace", "crescent", "parkway", "square", "plaza",
    }
)  # fmt: skip
#: Lower-case or capitalised head nouns after a name that make it a product or a company.
PRODUCT_WORDS = frozenset(
    {
        "crude", "motors", "brewery", "beer", "whisky", "inc", "corp", "ltd", "plc", "llc", "gmbh",
        "holdings", "bancorp",
    }
)  # fmt: skip
#: Words for the people around a person: a name they are said of ("Farrow's attorney", "his son,
#: Brisko") is that person's, not a town's.
KIN_WORDS = frozenset(
    {
        "attorney", "lawyer", "counsel", "wife", "husband", "son", "daughter", "mother", "father",
        "brother", "sister", "girlfriend", "boyfriend", "fiancé", "fiancee", "partner", "parents",
        "children", "family", "grandson", "granddaughter", "grandmother", "grandfather", "uncle",
        "aunt", "nephew", "niece", "cousin", "widow", "mom", "dad",
    }
)  # fmt: skip
#: Bodies of the solar system: as names they are never the towns that share them ("from Earth").
CELESTIAL_BODIES = frozenset(
    {"earth", "moon", "sun", "mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto"}
)
#: Entity labels whose names are not places even when a word of them is one.
PERSON_LABELS = frozenset({"PERSON"})


def _tokens(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _in_longer_person(span: Span) -> bool:
    """A one-word name inside a longer PERSON entity ("Victoria" of "Victoria Lane" the athlete); a
    longer name spaCy wrapped in a PERSON entity is more often a place it misread ("Brands Hatch GP")."""
    if len(span) > 1:
        return False
    for tok in span:
        if tok.ent_type_ in PERSON_LABELS:
            ent = next((e for e in span.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    return False


def _person_part(gaz: Gazetteer, span: Span, name_parts: set[str], surnames: set[str]) -> bool:
    """One word that is a part of a person the article names in full, tagged PERSON ("Sutton" after
    "Dana Sutton"), or that person's surname however tagged, unless a preposition or a country or
    province reading makes it a place ("in Sutton"; "Washington" after "George Washington")."""
    if len(span) != 1 or _after_place_preposition(span):
        return False
    if span[0].ent_type_ in PERSON_LABELS and span.text in name_parts:
        return True
    return span.text in surnames and not _broad(gaz, span.text)


#: A town smaller than this, named by a bare one-word PERSON entity, is read as the person.
PERSON_TOWN_MAX_POPULATION = 100_000


def _person_not_town(gaz: Gazetteer, span: Span) -> bool:
    """A one-word name in a stat line that spaCy tags PERSON ("Davis 17 points."), or the subject of a
    reporting verb however tagged ("Arroyo added"), whose only readings are small towns, with no place
    cue (a locative preposition, a country or province reading): the person."""
    if len(span) != 1 or span[0].ent_iob_ != "B":
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (nxt is not None and nxt.ent_iob_ == "I") or _after_place_preposition(span):
        return False
    tok = span[0]
    # a speaker ("Barry admitted", "said Arroyo, a physician") is a person however the NER tags it
    speaker = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORTING_VERBS
    if nxt is not None and nxt.text == "," and not (speaker and tok.head.i < tok.i):
        return False  # "Davis, Calif.": a town with its state
    stat_line = tok.ent_type_ in PERSON_LABELS and nxt is not None and nxt.like_num  # "Davis 17 points."
    if not (stat_line or speaker):
        return False  # spaCy tags many small places PERSON: its label alone is not enough
    cands = gaz.candidates(span.text)
    # a county is named with its "County", never by a bare surname; a province this small is a
    # municipality (Puerto Rico's are provinces in GeoNames)
    return bool(cands) and all(
        c.entry.kind == "admin2"
        or (c.entry.kind in ("city", "admin1") and c.entry.population < PERSON_TOWN_MAX_POPULATION)
        for c in cands
    )


#: A city this large keeps its place even after a nationality inside a name ("Chinese Taipei").
NAMED_CITY_MIN_POPULATION = 1_000_000


def _word_after_nationality(gaz: Gazetteer, span: Span) -> bool:
    """ "the American Enterprise Institute": a one-word name right after a nationality inside the
    same organisation name is a common word of that name, not a town (unless a country, province
    or large city carries it)."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or span[0].ent_iob_ != "I" or not span[0].ent_type_:
        return False
    prev = doc[span.start - 1]
    if prev.ent_type_ != span[0].ent_type_ or gaz.demonym(prev.text) is None or gaz.demonym(span.text):
        return False  # "African Americans", "Bosnian Serb": a nationality itself
    return not any(
        c.entry.kind in ("country", "admin1", "region") or c.entry.population >= NAMED_CITY_MIN_POPULATION
        for c in gaz.candidates(span.text)
    )


def _outside_container(gaz: Gazetteer, span: Span) -> bool:
    """ "the Western District of New York": a name followed by "of" and a country or province that
    holds none of its readings names a part of that area, not the town or district it matches."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    k = span.end + 1
    while k < min(len(doc), span.end + 4) and doc[k].text[:1].isupper():
        k += 1  # the capitalised name after "of" ("New York"), however the NER labelled it
    if k == span.end + 1:
        return False
    areas = [c.entry for c in gaz.candidates(doc[span.end + 1 : k].text)]
    areas = [a for a in areas if a.kind in ("country", "admin1")]
    if not areas:
        return False
    for c in gaz.candidates(span.text):
        e = c.entry
        for a in areas:
            if e.cc == a.cc and (a.kind == "country" or e.admin1 == a.name or e.id == a.id):
                return False
    return True


def _small_towns_only(gaz: Gazetteer, text: str) -> bool:
    """Every reading of the name is a county or a town under ``PERSON_TOWN_MAX_POPULATION``."""
    cands = gaz.candidates(text)
    return bool(cands) and all(
        c.entry.kind == "admin2"
        or (c.entry.kind == "city" and c.entry.population < PERSON_TOWN_MAX_POPULATION)
        for c in cands
    )


def _kin(gaz: Gazetteer, span: Span) -> bool:
    """A small town's name said of a relative or a lawyer, written as a person's given name or surname:
    their possessor ("Farrow's attorney") or apposition ("his son, Brisko"), or a split two-word name
    ("Quenbar Taylor", the first word no place and outside any entity), or the first part of a
    hyphenated name ("Zeta-Mae")."""
    if len(span) != 1 or _after_place_preposition(span) or not _small_towns_only(gaz, span.text):
        return False
    tok, doc = span[0], span.doc
    if tok.dep_ in ("poss", "appos") and tok.head.lower_ in KIN_WORDS:
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if (
        prev is not None
        and tok.ent_type_ in PERSON_LABELS
        and prev.is_alpha
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and not prev.ent_type_
        and prev.head == tok
        and not gaz.candidates(prev.text)
    ):
        return True
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        second = doc[tok.i + 2]
        return (
            not doc[tok.i + 1].whitespace_
            and second.is_alpha
            and second.text[:1].isupper()
            and not gaz.candidates(second.text)
            and not gaz.candidates(f"{tok.text}-{second.text}")
        )
    return False


def _qualified(span: Span) -> bool:
    """The name is followed by ", <capitalised word>" ("Mars, Pa."): a qualifier makes it a town."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].text[:1].isupper()


def _celestial(span: Span) -> bool:
    """ "Earth", "the Moon", "Mars": a body of the solar system, unless qualified as a town."""
    return span.text.lower().removeprefix("the ") in CELESTIAL_BODIES and not _qualified(span)


def _org_feature(gaz: Gazetteer, span: Span) -> bool:
    """A one-word ORG entity whose only readings are natural features, without "the" before it: the
    company ("Amazon said", "on Amazon"), not the river or forest ("the Amazon")."""
    if len(span) != 1 or span[0].ent_type_ != "ORG" or span[0].ent_iob_ != "B":
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].ent_iob_ == "I":
        return False  # a longer organisation name: embedded.py decides
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        return False
    cands = gaz.candidates(span.text)
    return bool(cands) and all(c.entry.kind == "feature" for c in cands)


def _after_place_preposition(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"in", "near", "at", "from", "outside"}


def _street_or_building(span: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in STREET_WORDS:
        return True
    # the quadrant or district word of an address: "SE" of "410 M Street SE"
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.text[:1].isupper() and prev.lower_.rstrip(".") in STREET_WORDS


def _broad(gaz: Gazetteer, text: str) -> bool:
    """A country, province or region reading: "U.S. airlines", "Malaysia Airlines" name the country."""
    return any(c.entry.kind in ("country", "admin1", "region") for c in gaz.candidates(text))


def _product(gaz: Gazetteer, span: Span) -> bool:
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_.rstrip(".") in PRODUCT_WORDS
        and not _broad(gaz, span.text)
    )


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "„", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})


#: Longest quoted title, in tokens, read as a work's title when all its words are capitalised.
TITLE_MAX_TOKENS = 6
#: Short words a title leaves in lower case ("Ardle and Pellham", "Attack on Titan").
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def _quoted_title(span: Span) -> bool:
    """The name lies inside a short quotation whose words are all capitalised (or short title words) and
    that holds another capitalised word: the title of a work (the film “Ardle and Pellham”)."""
    doc = span.doc
    texts = doccache.of(doc).texts  # the marks looked for in the cached texts: no Token made
    lo = next(
        (
            k
            for k in range(span.start - 1, max(-1, span.start - TITLE_MAX_TOKENS), -1)
            if texts[k] in _OPENING_QUOTES
        ),
        None,
    )
    hi = next(
        (
            k
            for k in range(span.end, min(len(doc), span.end + TITLE_MAX_TOKENS))
            if texts[k] in _CLOSING_QUOTES
        ),
        None,
    )
    if lo is None or hi is None or hi - lo - 1 > TITLE_MAX_TOKENS:
        return False
    inside = [t for t in doc[lo + 1 : hi] if not (span.start <= t.i < span.end)]
    return any(t.is_alpha and t.text[:1].isupper() for t in inside) and all(
        t.is_alpha and (t.text[:1].isupper() or t.lower_ in _TITLE_SMALL_WORDS) for t in inside
    )


def _quoted(span: Span) -> bool:
    """A name alone inside quotation marks (a closing one may follow a comma or a full stop): a work's title."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in _OPENING_QUOTES:
        return False
    k = span.end
    while k < len(doc) and doc[k].text in {",", ".", "!", "?"}:
        k += 1
    return k < len(doc) and doc[k].text in _CLOSING_QUOTES and k - span.end <= 1


def _team(gaz: Gazetteer, span: Span) -> bool:
    """A town's name (no country or province) that is the subject of a plural present-tense verb:
    a club ("Chelsea have", "Leeds are")."""
    head, doc = span.root, span.doc
    if head.dep_ != "nsubj" or head.tag_ != "NNP" or span.text.isupper() or _broad(gaz, span.text):
        return False
    # the verb (or its auxiliary) right after the name, in lower case: "Chelsea have", not a heading
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.tag_ != "VBP" or not nxt.is_lower:
        return False
    return nxt == head.head or (nxt.dep_ == "aux" and nxt.head == head.head)


def _title(span: Span) -> bool:
    """An abbreviation ("Sen.", "Rep.") right before a PERSON entity is that person's title."""
    doc = span.doc
    if not span.text.endswith(".") or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.ent_type_ in PERSON_LABELS and nxt.ent_iob_ == "B"


#: A place named by a mixed-case word of 2-3 letters must have this many people ("Car" is no Chinese hamlet).
CODE_WORD_MIN_POPULATION = 1_000


def _code_word(gaz: Gazetteer, text: str) -> bool:
    """A mixed-case word of 2-3 letters that no place of some size has as its own name, written so:
    the other readings come from upper-case codes ("CAR") and the word is a common one ("Car")."""
    if not (2 <= len(text) <= 3) or text.isupper() or not text.isalpha():
        return False
    return not any(
        c.entry.name == text and (c.entry.population >= CODE_WORD_MIN_POPULATION or c.entry.kind != "city")
        for c in gaz.candidates(text)
    )


#: A town that only carries a short upper-case word as a code must be this big to be named by it ("NYC").
ACRONYM_TOWN_MAX_POPULATION = 100_000


def _acronym(gaz: Gazetteer, text: str) -> bool:
    """An upper-case word of 2-3 letters whose only readings are towns of that name ("CIS" is no Italian
    "Cis", "AS" no Czech "Aš") or small towns that carry it as a code ("MBC"): news writes towns in
    capitals only in datelines and headlines, and a short one is an acronym."""
    if not (2 <= len(text) <= 3) or not text.isupper() or not text.isalpha():
        return False
    cands = gaz.candidates(text)
    return bool(cands) and all(
        c.entry.kind == "city"
        and (name_key(c.entry.name) == name_key(text) or c.entry.population < ACRONYM_TOWN_MAX_POPULATION)
        for c in cands
    )


#: Words that, after "the" and alone, are a plain noun naming an institution ("the Centre", the Indian
#: central government; "the Capital"; "the Republic"), not the province or town some country calls so.
_INSTITUTION_NOUNS = frozenset({"centre", "center", "capital", "republic", "metro"})


def _common_noun(span: Span) -> bool:
    """One word that is a plain noun, written after "the" ("the Centre asked the states")."""
    if len(span) != 1 or span.start == 0:
        return False
    return span[0].lower_ in _INSTITUTION_NOUNS and span.doc[span.start - 1].lower_ == "the"


def _surname_after_place(gaz: Gazetteer, span: Span) -> bool:
    """A two-word name the gazetteer lacks (or a one-word name and a PERSON word right after it), a
    place's name and then a capitalised word that is no place and that the article also writes alone inside a sentence, without "the" ("Victoria Pellham
    ... said Pellham"): a person's first name and surname, not the place inside an organisation's
    name ("Houston Rockets ... the Rockets") nor a street ("River Avenue")."""
    doc = span.doc
    if len(span) == 2 and not gaz.candidates(span.text):
        first, last = span[0], span[1]
    elif (
        len(span) == 1
        and span.end < len(doc)
        and doc[span.end].idx == span.end_char + 1
        and doc[span.end].ent_type_ in PERSON_LABELS
    ):
        first, last = span[0], doc[span.end]  # the NER split the name: "Georgia" + PERSON "Hallworth"
    else:
        return False
    if not (last.text[:1].isupper() and last.text[1:].islower()) or last.lower_ in STREET_TYPES:
        return False
    if gaz.candidates(last.text):
        return False
    if not gaz.candidates(first.text) or (first.ent_type_ == "ORG" and first.ent_iob_ == "I"):
        return False  # "Ministry of Kazakhstan Arystan ...": the place ends an organisation's name
    cache = doccache.of(doc)  # the word's other uses found in the cached texts: a Token only for those
    texts, lowers = cache.texts, cache.lowers
    return any(
        not doc[k].is_sent_start
        and texts[k - 1] != first.text
        and lowers[k - 1] != "the"  # "the Rockets": a team, as in "Houston Rockets"
        and not texts[k - 1][:1].isupper()  # part of another name ("Gorge Amphitheatre")
        for k, text in enumerate(texts)
        if text == last.text and k != last.i
    )


def used_as_places(doc: Doc, gaz: Gazetteer, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions the text uses as places (see the module doc), in their order."""
    ents = doc.ents  # spaCy builds the tuple anew, walking every token, on each read
    name_parts = {t.text for e in ents if e.label_ in PERSON_LABELS and len(e) > 1 for t in e}
    surnames = {e[-1].text for e in ents if e.label_ in PERSON_LABELS and len(e) > 1}
    kept = []
    for m in mentions:
        span = _tokens(doc, m)
        if span is None:
            kept.append(m)
            continue
        if _outside_container(gaz, span) or _word_after_nationality(gaz, span):
            continue
        if m.adjectival:
            kept.append(m)
            continue
        if (
            _in_longer_person(span)
            or _person_part(gaz, span, name_parts, surnames)
            or _person_not_town(gaz, span)
            or _street_or_building(span)
            or _title(span)
            or _quoted(span)
            or m.text.islower()
            or _team(gaz, span)
            or _product(gaz, span)
            or _code_word(gaz, m.text)
            or _acronym(gaz, m.text)
            or _celestial(span)
            or _kin(gaz, span)
            or _quoted_title(span)
            or _org_feature(gaz, span)
            or _common_noun(span)
            or _surname_after_place(gaz, span)
        ):
            continue
        kept.append(m)
    return kept
