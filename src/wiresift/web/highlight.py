"""Split an article's text into segments carrying the layer annotations active over them.

Layers overlap (a claim inside a quote, a place inside a claim), so the text is cut at every span
boundary and each piece lists every annotation covering it; the template renders one ``<span>``
per piece with one CSS class per layer, which keeps the markup flat and the escaping trivial.

Each item also has an anchor (:mod:`wiresift.web.permalink`): the piece where the item starts is
preceded by an empty element carrying the anchor as its id and the item's details, and every piece
of the item lists the anchor in ``data-anchors``, so a permalink can scroll to the item and mark all
of it. The words of a search are cut out the same way (``term`` pieces, rendered as ``<mark>``
inside the piece), so a term never breaks another highlight's markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from wiresift.model import Document, Event, EventActor
from wiresift.web.permalink import anchor
from wiresift.wording import claim_label, human_date

LAYERS = ("entity", "quote", "claim", "timex", "place", "event")
#: What the layer toggles are called on the article page.
LAYER_LABELS = {
    "entity": "entities",
    "quote": "quotes",
    "claim": "claims",
    "timex": "dates",
    "place": "places",
    "event": "events",
}


@dataclass(frozen=True)
class Note:
    layer: str
    start: int
    end: int
    label: str  # what hovering shows: normalised value, speaker, resolved place ...
    ref: str | None = None  # an id to link to (entity, quote ...)
    anchor: str = ""  # the permalink fragment of the item (several notes share an entity's)
    lead: bool = True  # False for a part that is not the item itself (a quote's speaker mention)
    #: where the item comes from, for the details beside a permalink (not the hover): stage, confidence
    source: str = ""


@dataclass(frozen=True)
class Anchor:
    """Where a permalink lands: the item's anchor, its layer and the details shown beside it."""

    id: str
    layer: str
    details: str


@dataclass
class Segment:
    text: str
    start: int
    notes: list[Note] = field(default_factory=list)
    opens: list[Anchor] = field(default_factory=list)  # items whose first piece this is
    term: bool = False  # a word of the search

    @property
    def classes(self) -> str:
        """One class per layer; a quote's speaker mention is ``l-speaker`` (its own colour)."""
        return " ".join(
            sorted({"l-speaker" if n.layer == "quote" and not n.lead else f"l-{n.layer}" for n in self.notes})
        )

    @property
    def anchors(self) -> str:
        return " ".join(dict.fromkeys(n.anchor for n in self.notes if n.anchor))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(n.label for n in self.notes))


def _source(doc: Document, stage: str, confidence: float | None = None) -> str:
    version = doc.stages.get(stage)
    parts = [f"{stage} stage {version}" if version else ""]
    if confidence is not None:
        parts.append(f"confidence {confidence:.2f}")
    return " · ".join(p for p in parts if p)


#: spaCy entity labels in words (hover text and the legend).
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "LOC": "location",
    "NORP": "nationality or group",
    "FAC": "facility",
    "EVENT": "named event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "title",
}


def notes(doc: Document) -> list[Note]:
    """Every annotation of every layer as a :class:`Note`, in document order."""
    out: list[Note] = []
    ents = {e.id: e for e in doc.entities}
    for ent in doc.entities:
        titles = f" ({'; '.join(ent.titles)})" if ent.titles else ""
        for start, end in ent.mentions:
            label = f"{ENTITY_TYPES.get(ent.type, ent.type.lower())}: {ent.name}{titles}"
            out.append(
                Note(
                    "entity",
                    start,
                    end,
                    label,
                    ent.id,
                    anchor("entity", ent.id),
                    source=_source(doc, "entities"),
                )
            )
    for q in doc.quotes:
        speaker = q.speaker_name or (ents[q.speaker].name if q.speaker in ents else None) or "unknown speaker"
        mode = "" if q.mode == "statement" else f" ({q.mode}, not a statement)"
        sure = f", {q.speaker_confidence:.0%} sure of the speaker" if q.speaker_confidence is not None else ""
        label = f"{q.kind} quote{mode} by {speaker}" + (f', cue "{q.cue}"' if q.cue else "") + sure
        qa = anchor("quote", q.id)
        out.append(
            Note(
                "quote", q.start, q.end, label, q.id, qa, source=_source(doc, "quotes", q.speaker_confidence)
            )
        )
        if q.speaker_mention:
            m = q.speaker_mention
            out.append(Note("quote", m.start, m.end, f"speaker: {speaker}", q.id, qa, lead=False))
    for c in doc.claims:
        claimant = c.claimant_name or (ents[c.claimant].name if c.claimant in ents else None)
        label = "claim: " + claim_label(c, claimant)
        out.append(
            Note("claim", c.start, c.end, label, c.id, anchor("claim", c.id), source=_source(doc, "claims"))
        )
    for t in doc.timexes:
        label = f"{t.type.lower()}: {human_date(t.value)}"
        timex = anchor("timex", None, t.start, t.end)
        out.append(Note("timex", t.start, t.end, label, None, timex, source=_source(doc, "timexes")))
    for p in doc.places:
        where = f"{p.name}, {p.country}" if p.country else p.name
        coords = (
            f" ({p.lat:.2f}, {p.lon:.2f})" if p.lat is not None and p.lon is not None else " (unresolved)"
        )
        adj = " adjectival" if p.adjectival else ""
        label = f"place{adj}: {where}{coords}"
        for start, end in p.mentions:
            out.append(
                Note(
                    "place",
                    start,
                    end,
                    label,
                    p.id,
                    anchor("place", p.id),
                    source=_source(doc, "places", p.confidence),
                )
            )
    place_names = {p.id: p.name for p in doc.places}
    for v in doc.events:
        codes = ", ".join(x for x in (v.plover, v.cameo and f"CAMEO {v.cameo}", v.acled) if x)
        label = f"event: {codes or 'uncoded'}{' (negated: it did not happen)' if v.negated else ''}"
        label += event_details(v, place_names)
        out.append(
            Note(
                "event",
                v.start,
                v.end,
                label,
                v.id,
                anchor("event", v.id),
                source=_source(doc, "events", v.confidence),
            )
        )
    n = len(doc.text)
    return sorted((x for x in out if 0 <= x.start < x.end <= n), key=lambda x: (x.start, -x.end))


def _actor(actor: EventActor | None) -> str:
    if actor is None:
        return "?"
    code = "/".join(x for x in (actor.code, actor.sector) if x)
    return f"{actor.text} [{code}]" if code else actor.text


def event_details(v: Event, place_names: dict[str, str]) -> str:
    """ "; who → whom, at place, on time, hypothetical" for an event's label (parts it has); every
    actor of a role, joined with "+"."""
    parts = []
    if v.source is not None or v.target is not None:
        # each role's first actor, then its coordinated ones: "Ruritania [RUR] + Bree [BRE] → ..."
        sources = " + ".join(_actor(a) for a in (v.source, *v.also_sources))
        targets = " + ".join(_actor(a) for a in (v.target, *v.also_targets))
        parts.append(f"{sources} → {targets}")
    if v.place and v.place in place_names:
        parts.append(f"at {place_names[v.place]}")
    if v.time:
        parts.append(f"on {v.time}")
    if v.hypothetical:
        parts.append(v.hypothetical)
    return "; " + "; ".join(parts) if parts else ""


def _openings(all_notes: list[Note]) -> dict[int, list[Anchor]]:
    """Offset -> the anchors whose item starts there (an item's first lead note, once per anchor)."""
    seen: set[str] = set()
    out: dict[int, list[Anchor]] = {}
    for note in all_notes:
        if note.lead and note.anchor and note.anchor not in seen:
            seen.add(note.anchor)
            details = f"{note.label} ({note.source})" if note.source else note.label
            out.setdefault(note.start, []).append(Anchor(note.anchor, note.layer, details))
    return out


def segments(doc: Document, terms: Sequence[tuple[int, int]] = ()) -> list[Segment]:
    """The text cut at every annotation boundary; concatenated segment texts equal ``doc.text``.

    ``terms`` are the ``[start, end)`` spans of the words of a search: the text is cut at their
    boundaries too and the pieces inside them are marked ``term``.
    """
    all_notes = notes(doc)
    n = len(doc.text)
    spans: list[tuple[int, int]] = []  # the terms, overlapping ones merged
    for s, e in sorted((s, e) for s, e in terms if 0 <= s < e <= n):
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    cuts = {0, n}
    for note in all_notes:
        cuts.update((note.start, note.end))
    for s, e in spans:
        cuts.update((s, e))
    bounds = sorted(cuts)
    openings = _openings(all_notes)
    term_starts = [s for s, _ in spans]
    segs: list[Segment] = []
    active: list[Note] = []
    pending = iter(all_notes)
    nxt = next(pending, None)
    for start, end in pairwise(bounds):
        active = [a for a in active if a.end > start]
        while nxt is not None and nxt.start <= start:
            if nxt.end > start:
                active.append(nxt)
            nxt = next(pending, None)
        i = bisect_right(term_starts, start) - 1
        in_term = i >= 0 and spans[i][1] > start
        segs.append(Segment(doc.text[start:end], start, list(active), openings.get(start, []), in_term))
    return segs


def event_line(v: Event, doc: Document) -> str:
    """The article page's line for an event: its details with the document's place names."""
    return event_details(v, {p.id: p.name for p in doc.places}).removeprefix("; ")
