"""The document model: one analysed article and its layers (schema ``wiresift/1``).

Every layer item is a span of Python character offsets into ``Document.text``, which never
changes after ingest: ``doc.text[item.start:item.end] == item.text`` always holds (see
``Document.check_spans``).  Dates keep their precision as strings ("2021-08" is a month).
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wiresift.escape import one_line, stored_url

SCHEMA = "wiresift/1"

EntityType = str  # spaCy label set (PERSON, ORG, GPE, LOC, NORP, FAC, ...), kept open on purpose
QuoteKind = Literal["direct", "indirect", "mixed"]
#: What a quote attributes: something said or written, or a reported belief, intention, knowledge or
#: other stance (PolNeAR counts them all; lists and exports show statements unless asked).
QuoteMode = Literal["statement", "belief", "intention", "knowledge", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PlaceKind = Literal["country", "admin1", "admin2", "city", "region", "feature"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Related(_Model):
    """A related-article link found beside the body ("Also Read: ...")."""

    title: str
    url: str | None = None


class SpanRef(_Model):
    """A bare span with its text, e.g. the local speaker mention of a quote."""

    start: int
    end: int
    text: str


class Entity(_Model):
    """A person, organisation, place name or other named thing, with all its mentions."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    mentions: list[tuple[int, int]] = Field(default_factory=list)
    stage: str = ""


class Quote(_Model):
    """Something someone said, with the local speaker mention and the resolved speaker."""

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker_mention: SpanRef | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    mode: QuoteMode = "statement"
    #: How likely the speaker is right (0-1), calibrated on PolNeAR dev; below the stage's threshold
    #: ``speaker`` and ``speaker_name`` are left empty and only ``speaker_mention`` is kept.
    speaker_confidence: float | None = None
    stage: str = ""


class Claim(_Model):
    """A number the text asserts, with what it counts and who claims it."""

    id: str
    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    counted: str | None = None
    count_type: str | None = None
    claimant: str | None = None
    claimant_name: str | None = None
    claimant_mention: SpanRef | None = None
    place: str | None = None
    time: str | None = None
    stage: str = ""


class Timex(_Model):
    """A time expression with its TIMEX3 value (None when it cannot be anchored)."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str | None = None
    mod: str | None = None
    stage: str = ""


class Place(_Model):
    """A place resolved against the gazetteer (or left unresolved: coordinates None)."""

    id: str
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    kind: PlaceKind | None = None
    adjectival: bool = False
    confidence: float | None = None
    mentions: list[tuple[int, int]] = Field(default_factory=list)
    stage: str = ""


class EventActor(_Model):
    """Who acts in an event, or undergoes it: the mention, its entity, country/IGO code and sector."""

    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    code: str | None = None
    sector: str | None = None


class Event(_Model):
    """Something that happened (or is planned, threatened, denied): a trigger span coded in PLOVER
    and CAMEO, with an ACLED-style category where it is a conflict or security event."""

    id: str
    text: str
    start: int
    end: int
    plover: str | None = None
    quad: str | None = None
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    negated: bool = False
    hypothetical: str | None = None
    reported_by: str | None = None
    source: EventActor | None = None
    target: EventActor | None = None
    #: The actors coordinated with ``source``/``target`` in their role ("Ruritania and Bree struck"):
    #: ``source`` and ``target`` stay the first one.
    also_sources: list[EventActor] = Field(default_factory=list)
    also_targets: list[EventActor] = Field(default_factory=list)
    place: str | None = None
    time: str | None = None
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    confidence: float = 0.0
    stage: str = ""


class Document(_Model):
    """One article: clean body text, metadata from ingest, and the NLP layers."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str = ""
    source: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str = ""
    captions: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    format: str | None = None
    content_hash: str = ""
    duplicate_of: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    stages: dict[str, str] = Field(default_factory=dict)
    errors: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def finalize(self) -> Document:
        """Fill ``content_hash`` and a stable ``id`` from the text when ingest gave none.

        Also drops every URL with a scheme other than http(s) (``javascript:``, ``data:``,
        ``file:``...): no stored link can run code, whatever the source claimed.
        """
        self.url = stored_url(self.url)
        for link in self.related:
            link.url = stored_url(link.url)
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if not self.id:
            self.id = self.content_hash[:16]
        return self

    def to_record(self) -> dict[str, object]:
        """The JSON record of DESIGN.md (``schema`` key included)."""
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_record(cls, record: dict[str, object]) -> Document:
        return cls.model_validate(record)

    def check_spans(self) -> list[str]:
        """Every span that breaks ``text[start:end] == item.text`` or lies out of bounds."""
        bad: list[str] = []
        n = len(self.text)
        for layer in (self.quotes, self.claims, self.timexes, self.events):
            for item in layer:
                if not (0 <= item.start <= item.end <= n) or self.text[item.start : item.end] != item.text:
                    bad.append(f"{type(item).__name__} {item.start}:{item.end} {item.text!r}")
        for q in self.quotes:
            m = q.speaker_mention
            if m and (not 0 <= m.start <= m.end <= n or self.text[m.start : m.end] != m.text):
                bad.append(f"speaker_mention {m.start}:{m.end} {m.text!r}")
        for event in self.events:
            for actor in (event.source, event.target, *event.also_sources, *event.also_targets):
                if (
                    actor
                    and actor.start is not None
                    and actor.end is not None
                    and (
                        not 0 <= actor.start <= actor.end <= n
                        or self.text[actor.start : actor.end] != actor.text
                    )
                ):
                    bad.append(f"event actor {actor.start}:{actor.end} {actor.text!r}")
        named: list[Entity | Place] = [*self.entities, *self.places]
        for ent in named:
            for start, end in ent.mentions:
                if not 0 <= start <= end <= n:
                    bad.append(f"{type(ent).__name__} {ent.id} mention {start}:{end}")
        return bad


def content_hash(text: str) -> str:
    """sha256 of the whitespace-normalised body: the key for exact-duplicate detection."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class IngestError(_Model):
    """A source (or one record inside it) that could not become a document."""

    source: str
    cause: str
    stage: str = "ingest"

    def line(self) -> str:
        """``source: cause`` on one line, whatever characters the file name or the cause hold."""
        return f"{one_line(self.source)}: {one_line(self.cause)}"
