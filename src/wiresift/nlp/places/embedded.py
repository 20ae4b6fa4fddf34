"""Place names inside the names of organisations, works, products and events.

"New York" of "the New York Times", "Buffalo" of "the Buffalo Sabres", "Hong Kong" of "the Hong Kong
Jockey Club": the text talks about the organisation, not the place. The convention here (issue
12): such a name stays a mention of its place, linked and searchable as GeoWebNews counts it (its
``Embedded_*`` toponyms), but as a **modifier**: its Place is flagged ``adjectival`` like a demonym's,
so the map, the country filters and "places visited" leave it out. Its place is the organisation's
home as the world knows it: the most prominent namesake in the article's countries (the Buffalo of
the Sabres, whatever Minnesota town a Minnesota paper names), unless the article names the same
place on its own ("Owensboro Public Schools" after "Owensboro, Kentucky").

A name is embedded when spaCy's ORG, WORK_OF_ART, PRODUCT or EVENT entity holding it is longer than
the name by more than a determiner or punctuation, or when a capitalised organisation head noun
follows it ("Hong Kong Polytechnic", "Florida Atlantic University" is an ORG), or ends a name the NER
took whole for a place ("Miami Herald" tagged GPE). A small town's name
that is a whole ORG entity with a possessive ("Bloomingdale's", a store) is a brand, not a place:
:func:`brand` drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from wiresift.gazetteer import Gazetteer
    from wiresift.nlp.places.recognize import Mention

#: spaCy entity labels of names that are not places although a word of them names one.
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "EVENT"})
#: Capitalised words after a place name that make it an organisation's name.
ORG_HEADS = frozenset(
    {
        "times", "post", "herald", "tribune", "gazette", "journal", "chronicle", "star", "bee", "courant",
        "register", "inquirer", "examiner", "observer", "sentinel", "dispatch", "university", "college",
        "polytechnic", "institute", "airlines", "airways", "exchange", "bank", "fc", "united",
        "rovers", "wanderers", "monkeys", "symphony", "philharmonic", "orchestra", "hospital",
    }
)  # fmt: skip
#: A town this big named with a possessive as a whole ORG entity is still a place ("Chicago's").
BRAND_MAX_POPULATION = 100_000
_FILLER = frozenset({"the", "'s", "’s", "'", "’", ".", ",", "-"})


def _span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _entity(span: Span) -> Span | None:
    """The ORG/WORK_OF_ART/PRODUCT/EVENT entity holding a token of ``span`` (walked from the token's
    IOB tags, not searched among all of the document's entities)."""
    doc = span.doc
    for tok in span:
        if tok.ent_type_ in NAME_LABELS:
            start = tok.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = tok.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end]
    return None


def embedded(doc: Doc, m: Mention) -> bool:
    """Is ``m`` a place name inside an organisation's, work's, product's or event's name?"""
    if m.adjectival:
        return False
    span = _span(doc, m)
    if span is None:
        return False
    ent = _entity(span)
    if ent is not None:
        extra = [t for t in ent if t.i < span.start or t.i >= span.end]
        if any(t.lower_ not in _FILLER for t in extra):
            return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in ORG_HEADS:
        return True
    # the head noun inside a name the NER took whole as a place ("Miami Herald" tagged GPE)
    last = span[-1]
    return len(span) > 1 and last.text[:1].isupper() and last.lower_ in ORG_HEADS


def brand(doc: Doc, gaz: Gazetteer, m: Mention) -> bool:
    """A small town's name that is a whole ORG entity with a possessive: a store or brand ("Bloomingdale's")."""
    span = _span(doc, m)
    if span is None or m.adjectival:
        return False
    ent = _entity(span)
    if ent is None or ent.label_ != "ORG" or ent.start != span.start:
        return False
    rest = [t.lower_ for t in ent if t.i >= span.end]
    if rest not in (["'s"], ["’s"]):
        return False
    cands = gaz.candidates(m.text)
    return bool(cands) and all(
        c.entry.kind == "city" and c.entry.population < BRAND_MAX_POPULATION for c in cands
    )
