"""The ``places`` stage: find the toponyms of an article and put each on the map.

Recognition (:mod:`wiresift.nlp.places.recognize`) takes spaCy's GPE/LOC/FAC entities, demonyms and
gazetteer matches; resolution (:mod:`wiresift.nlp.places.resolve`) picks one gazetteer entry per
mention from the whole article's context. Demonyms ("Afghan camps") link to their country as
separate places flagged ``adjectival``; names the gazetteer lacks stay unresolved (no coordinates).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wiresift import gazetteer
from wiresift.gazetteer import Entry
from wiresift.model import Document, Place
from wiresift.nlp.places.accept import load_model as load_pin_model
from wiresift.nlp.places.accept import pin_features
from wiresift.nlp.places.embedded import brand, embedded
from wiresift.nlp.places.lookup import demonym_use
from wiresift.nlp.places.outlet import is_outlet_name, outlet_places
from wiresift.nlp.places.recognize import Mention, recognise
from wiresift.nlp.places.resolve import Resolution, resolve
from wiresift.nlp.places.usage import used_as_places

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.pipeline import Context

VERSION = "places/11"
#: Characters that may separate a place from its qualifier: "Paris, Texas", "Kabul (Afghanistan)".
_QUALIFIER_GAPS = (", ", " (", ",")


#: A province's postal code right after "<town>, " ("Salem, MA", "Toronto, ON"), read as a qualifier
#: even where recognition took no name there (a code alone is no place).
_CODE_QUALIFIER = re.compile(r", ?([A-Z]{2})(?![\w.'’-])")


def _qualifiers(text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
    """For each span, the text of the next span when it directly qualifies it ("Paris, Texas"), or the
    province code right after it ("Salem, MA")."""
    out: list[str | None] = []
    for i, (_, end) in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        gap = text[end : nxt[0]] if nxt else None
        if nxt and gap in _QUALIFIER_GAPS:
            out.append(text[nxt[0] : nxt[1]])
        else:
            code = _CODE_QUALIFIER.match(text, end)
            out.append(code.group(1) if code else None)
    return out


#: A lower-case word right after a name that says it is a province ("Idlib province", "Washington
#: state", "Rivers state") or a city ("Cork city"); capitalised, it is part of another name ("Ohio State").
_DESIGNATOR_AFTER = re.compile(
    r"\s+(?:(?P<province>state|province|governorate|oblast|county|prefecture)|(?P<city>city))\b"
)
#: Words right before a name that say the same: "the state of Roraima", "upstate New York", "the city of Puebla",
#: "the Southern District of New York" (a federal court's district lies in a state).
_DESIGNATOR_BEFORE = re.compile(
    r"\b(?:(?P<province>upstate|(?:state|province|county|district) of)|(?P<city>city of))\s+$", re.IGNORECASE
)


#: Longest gap between two names of one run of places ("California, Idaho, Oregon and Utah drifted over
#: Washington"): a province among its country's provinces there is one of them.
_RUN_GAP_CHARS = 40


def _listed(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each span, whether another name stands close by in the same sentence (a list or a run of places)."""

    def close(gap: str) -> bool:
        return len(gap) <= _RUN_GAP_CHARS and "\n" not in gap and ". " not in gap

    gaps = [close(text[a[1] : b[0]]) for a, b in itertools.pairwise(spans)]
    return [(i > 0 and gaps[i - 1]) or (i < len(gaps) and gaps[i]) for i in range(len(spans))]


#: A plural designator after the last name of a list names the kind of every name of the list ("Ionia,
#: Allegan and Gratiot counties", "Kano and Kaduna states").
_PLURAL_DESIGNATOR_AFTER = re.compile(
    r"\s+(?:(?P<province>states|provinces|governorates|oblasts|counties|prefectures)|(?P<city>cities))\b"
)
#: What separates the names of one list: "A, B and C", "A, B, or C", "A and B".
_LIST_GAP = re.compile(r"(?:,|,? (?:and|or)) ")


def _designations(text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
    """For each span, "province" or "city" when a word next to it says which it is, or when a plural
    one ("counties") follows the list it ends."""
    out: list[str | None] = []
    for start, end in spans:
        m = _DESIGNATOR_AFTER.match(text, end) or _DESIGNATOR_BEFORE.search(text, max(0, start - 20), start)
        out.append(m.lastgroup if m else None)
    for i in range(len(spans) - 1, 0, -1):
        plural = _PLURAL_DESIGNATOR_AFTER.match(text, spans[i][1])
        if plural is None:
            continue
        j = i
        while j > 0 and _LIST_GAP.fullmatch(text[spans[j - 1][1] : spans[j][0]]):
            j -= 1
        if j < i:  # a list, not one name ("Gulf states")
            for k in range(j, i + 1):
                out[k] = out[k] or plural.lastgroup
    return out


def _place(mention_text: str, res: Resolution, adjectival: bool) -> Place:
    e = res.entry
    if e is None:
        return Place(
            id=f"unresolved:{mention_text}",
            name=mention_text,
            adjectival=adjectival,
            confidence=0.0,
            stage=VERSION,
        )
    key = f"gn:{e.geonames_id}" if e.geonames_id else f"gz:{e.id}"
    return Place(
        id=key + (":adj" if adjectival else ""),
        name=e.name,
        geonames_id=e.geonames_id,
        lat=e.lat,
        lon=e.lon,
        country=e.cc,
        admin1=e.admin1 if e.kind != "admin1" else None,
        kind=e.kind,  # type: ignore[arg-type]
        adjectival=adjectival,
        confidence=res.confidence,
        stage=VERSION,
    )


def _resolve(
    text: str,
    spans: Sequence[tuple[int, int]],
    adjectival: Sequence[bool],
    outlet: Sequence[Entry] = (),
    embedded: Sequence[bool] | None = None,
    datelines: Sequence[bool] | None = None,
) -> list[Place]:
    """``datelines[i]``: the mention opens a wire dateline, which names a city ("WASHINGTON (AP) —")."""
    gaz = gazetteer.load()
    names = [text[s:e] for s, e in spans]
    designations = _designations(text, spans)
    if datelines is not None:
        designations = [d or ("city" if dl else None) for d, dl in zip(designations, datelines, strict=True)]
    results = resolve(
        gaz,
        names,
        adjectival,
        _qualifiers(text, spans),
        designations,
        outlet=outlet,
        embedded=embedded,
        listed=_listed(text, spans),
    )
    # a name inside an organisation's name is a modifier, like a demonym: no map pin (embedded.py)
    modifier = [a or e for a, e in zip(adjectival, embedded or [False] * len(names), strict=True)]
    return [_place(n, r, a) for n, r, a in zip(names, results, modifier, strict=True)]


def resolve_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
    """Resolve given toponym spans (oracle spans) in the context of each other and of ``text``.

    A span whose text is a demonym and not a place name ("Syrian") resolves to its country,
    adjectival. Returns one Place per span (with that span as its only mention), None when the
    name is unknown to the gazetteer.
    """
    gaz = gazetteer.load()
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    ordered = [spans[i] for i in order]
    adjectival = [demonym_use(gaz, text[s:e]) is not None for s, e in ordered]
    places = _resolve(text, ordered, adjectival)
    out: list[Place | None] = [None] * len(spans)
    for i, span, place in zip(order, ordered, places, strict=True):
        if place.lat is not None:
            out[i] = place.model_copy(update={"mentions": [span]})
    return out


def _merge(spans: Sequence[tuple[int, int]], resolved: Sequence[Place]) -> list[Place]:
    """One Place per (entry, adjectival), holding the spans of its mentions."""
    merged: dict[str, Place] = {}
    for span, place in zip(spans, resolved, strict=True):
        kept = merged.setdefault(place.id, place)
        kept.mentions.append(span)
    return list(merged.values())


def places_from_mentions(
    text: str,
    mentions: Sequence[Mention],
    outlet: Sequence[Entry] = (),
    embedded: Sequence[bool] | None = None,
) -> list[Place]:
    """Resolve recognised mentions and merge them into one Place per (entry, adjectival); ``outlet``
    are the places the outlet's address and name give (:mod:`outlet`), a prior like the article's own;
    ``embedded[i]`` marks a name inside an organisation's name (:mod:`embedded`)."""
    spans = [(m.start, m.end) for m in mentions]
    return _merge(spans, _resolve(text, spans, [m.adjectival for m in mentions], outlet, embedded))


@dataclass(frozen=True)
class Resolved:
    """The mentions of one article the text uses as places, each resolved (before the pin check)."""

    mentions: list[Mention]
    embedded: list[bool]
    places: list[Place]

    def features(self, sdoc: Doc) -> list[list[float] | None]:
        """The pin check's feature row of each mention that is a pin (:mod:`accept`)."""
        return pin_features(sdoc, gazetteer.load(), self.mentions, self.places, self.embedded)


def resolve_doc(sdoc: Doc, doc: Document | None = None) -> Resolved:
    """Recognise, filter and resolve the mentions of a parsed Doc; ``doc`` (its URL and site name)
    gives the outlet's places as a prior."""
    gaz = gazetteer.load()
    outlet = outlet_places(gaz, doc.url, doc.site) if doc is not None else []
    mentions = [m for m in used_as_places(sdoc, gaz, recognise(sdoc, gaz)) if not brand(sdoc, gaz, m)]
    if doc is not None:  # the outlet's own name in capitals ("SWE" on swe.com) is its brand
        mentions = [m for m in mentions if not is_outlet_name(m.text, doc.url, doc.site)]
    inside = [embedded(sdoc, m) for m in mentions]
    spans = [(m.start, m.end) for m in mentions]
    text = doc.text if doc is not None else sdoc.text  # the same string; spaCy rebuilds its own on every read
    datelines = [m.source == "dateline" for m in mentions]
    places = _resolve(text, spans, [m.adjectival for m in mentions], outlet, inside, datelines)
    return Resolved(mentions, inside, places)


def _unpinned(place: Place, name: str) -> Place:
    """A mention the pin check doubts: a place name without coordinates, like an unknown one."""
    return Place(
        id=f"unresolved:{name}", name=name, adjectival=place.adjectival, confidence=0.0, stage=VERSION
    )


def geoparse_doc(sdoc: Doc, doc: Document | None = None) -> list[Place]:
    """Places of a parsed spaCy Doc; ``doc`` (its URL and site name) gives the outlet's places as a prior.
    Pins the shipped pin check (:mod:`accept`) doubts are left without coordinates."""
    found = resolve_doc(sdoc, doc)
    places = found.places
    model = load_pin_model()
    if model is not None:
        keep = model.keep(found.features(sdoc))
        places = [
            p if k else _unpinned(p, m.text) for p, m, k in zip(places, found.mentions, keep, strict=True)
        ]
    return _merge([(m.start, m.end) for m in found.mentions], places)


def geoparse(text: str) -> list[Place]:
    """Places of raw text (parses it with the project's spaCy model)."""
    from wiresift.nlp.pipeline import load_model

    return geoparse_doc(load_model()(text))


class PlacesStage:
    """Pipeline stage: fills ``Document.places``; leaves each mention's place id in ``ctx.data``."""

    name = "places"
    version = VERSION
    requires: tuple[str, ...] = ("ner", "entities")
    assigns: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        places = geoparse_doc(sdoc, doc)
        doc.places = places
        ctx.data["place_mentions"] = sorted((s, e, p.id) for p in places for s, e in p.mentions)


def make_stage() -> PlacesStage:
    gazetteer.load()  # build or open the index once, when the pipeline is built
    return PlacesStage()
