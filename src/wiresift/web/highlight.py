"""Split an article's text into segments carrying the layer annotations active over them.

Layers overlap (a claim inside a quote, a place inside a claim), so the text is cut at every span
boundary and each piece lists every annotation covering it; the template renders one ``<span>``
per piece with one CSS class per layer, which keeps the markup flat and the escaping trivial.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from wiresift.model import Document

LAYERS = ("entity", "quote", "claim", "timex", "place")
#: What the layer toggles are called on the article page.
LAYER_LABELS = {
    "entity": "entities",
    "quote": "quotes",
    "claim": "claims",
    "timex": "dates",
    "place": "places",
}


@dataclass(frozen=True)
class Note:
    layer: str
    start: int
    end: int
    label: str  # what hovering shows: normalised value, speaker, resolved place ...
    ref: str | None = None  # an id to link to (entity, quote ...)


@dataclass
class Segment:
    text: str
    start: int
    notes: list[Note] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"l-{n.layer}" for n in self.notes}))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(n.label for n in self.notes))


def _stage(doc: Document, name: str) -> str:
    version = doc.stages.get(name)
    return f" [{name} {version}]" if version else ""


def notes(doc: Document) -> list[Note]:
    """Every annotation of every layer as a :class:`Note`, in document order."""
    out: list[Note] = []
    ents = {e.id: e for e in doc.entities}
    for ent in doc.entities:
        titles = f" ({'; '.join(ent.titles)})" if ent.titles else ""
        for start, end in ent.mentions:
            label = f"{ent.type}: {ent.name}{titles}{_stage(doc, 'entities')}"
            out.append(Note("entity", start, end, label, ent.id))
    for q in doc.quotes:
        speaker = q.speaker_name or (ents[q.speaker].name if q.speaker in ents else None) or "unknown speaker"
        mode = "" if q.mode == "statement" else f"{q.mode}, "
        label = (
            f"{mode}{q.kind} quote by {speaker}"
            + (f" (cue: {q.cue})" if q.cue else "")
            + _stage(doc, "quotes")
        )
        out.append(Note("quote", q.start, q.end, label, q.id))
        if q.speaker_mention:
            m = q.speaker_mention
            out.append(Note("quote", m.start, m.end, f"speaker: {speaker}", q.id))
    for c in doc.claims:
        amount = c.value if c.value is not None else f"{c.low}–{c.high}"
        parts = [f"claim: {c.qualifier + ' ' if c.qualifier else ''}{amount}"]
        if c.unit:
            parts.append(c.unit)
        if c.counted:
            parts.append(c.counted)
        label = (
            " ".join(str(p) for p in parts)
            + f" — by {c.claimant_name or 'the outlet'}"
            + _stage(doc, "claims")
        )
        out.append(Note("claim", c.start, c.end, label, c.id))
    for t in doc.timexes:
        value = t.value or "unresolved"
        out.append(Note("timex", t.start, t.end, f"{t.type}: {value}{_stage(doc, 'timexes')}"))
    for p in doc.places:
        where = f"{p.name}, {p.country}" if p.country else p.name
        coords = (
            f" ({p.lat:.2f}, {p.lon:.2f})" if p.lat is not None and p.lon is not None else " (unresolved)"
        )
        adj = " adjectival" if p.adjectival else ""
        for start, end in p.mentions:
            out.append(Note("place", start, end, f"place{adj}: {where}{coords}{_stage(doc, 'places')}", p.id))
    n = len(doc.text)
    return sorted((x for x in out if 0 <= x.start < x.end <= n), key=lambda x: (x.start, -x.end))


def segments(doc: Document) -> list[Segment]:
    """The text cut at every annotation boundary; concatenated segment texts equal ``doc.text``."""
    all_notes = notes(doc)
    cuts = {0, len(doc.text)}
    for note in all_notes:
        cuts.update((note.start, note.end))
    bounds = sorted(cuts)
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
        segs.append(Segment(doc.text[start:end], start, list(active)))
    return segs
