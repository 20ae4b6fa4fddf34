"""The storage contract every backend implements (SQLite now, PostgreSQL later).

Callers (``wiresift.api``, the CLI, the web app) only see :class:`Store` and the plain row
dataclasses below, so a new backend needs no change outside ``wiresift.store``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from wiresift.escape import one_line
from wiresift.model import Document
from wiresift.store.events import EventRow
from wiresift.store.stories import (
    StoryArticle,
    StoryDetail,
    StoryRow,
    StoryWrite,
    TrackedClaim,
    TrackedQuote,
)

SaveStatus = Literal["new", "exact"]


class StoreError(Exception):
    """A store operation that cannot be done; ``str(exc)`` is the one-line cause for users."""


class QueryTooCostly(StoreError):
    """A search query over the cost limits; the message names the limit and how to get under it."""


class QueryTimeout(StoreError):
    """The queries of one request ran past its time budget and the database stopped them."""


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save` did: ``new`` (stored under ``id``) or ``exact`` (already held as ``id``)."""

    id: str
    status: SaveStatus


@dataclass(frozen=True)
class SignatureRow:
    """A stored document's near-duplicate signature; ``position`` orders documents as they were stored."""

    position: int
    doc_id: str
    signature: bytes
    duplicate_of: str | None


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    site: str | None
    published: str | None
    snippet: str
    score: float  # bm25: lower is better, as SQLite reports it


@dataclass(frozen=True)
class ErrorRow:
    source: str
    cause: str
    stage: str
    doc_id: str | None
    time: str
    count: int

    def line(self) -> str:
        """``source: cause`` on one line, whatever characters the file name or the cause hold."""
        return f"{one_line(self.source)}: {one_line(self.cause)}"


@dataclass(frozen=True)
class QuoteRow:
    doc_id: str
    title: str | None
    published: str | None
    id: str
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker_name: str | None
    canonical_id: int | None
    mode: str = "statement"
    speaker_confidence: float | None = None


#: The quote modes lists and exports show unless asked for more (``None`` asks for every mode).
DEFAULT_MODES: tuple[str, ...] = ("statement",)


@dataclass(frozen=True)
class ClaimRow:
    doc_id: str
    title: str | None
    published: str | None
    id: str
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    counted: str | None
    claimant_name: str | None
    place_name: str | None
    time: str | None
    sentence: str = ""  # the sentence holding the claim, for reading it in context
    source: str | None = None  # the document's input path or URL


@dataclass(frozen=True)
class PlaceRow:
    """One place across the store, with how many articles and mentions name it."""

    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    kind: str | None
    articles: int
    mentions: int
    doc_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CanonicalRow:
    id: int
    name: str
    type: str
    articles: int
    members: int


@dataclass(frozen=True)
class EvidenceRow:
    rule: str
    doc_id: str | None
    entity_id: str | None
    matched_names: list[str]
    matched_titles: list[str]
    time: str


@dataclass(frozen=True)
class MemberRow:
    doc_id: str
    entity_id: str
    name: str
    titles: list[str]
    aliases: list[str]
    title: str | None  # the article's title


@dataclass(frozen=True)
class EntityProfile:
    """One canonical entity: its names, roles, members, merge evidence and every quote by it."""

    id: int
    name: str
    type: str
    aliases: list[str]
    titles: list[str]
    members: list[MemberRow]
    evidence: list[EvidenceRow]
    quotes: list[QuoteRow]


CorrectionKind = Literal[
    "reject_quote", "reassign_speaker", "reject_place", "reject_claim", "merge_entities", "split_entity"
]
#: Every kind of correction; the first four target one layer item of one document.
CORRECTION_KINDS: tuple[str, ...] = (
    "reject_quote", "reassign_speaker", "reject_place", "reject_claim", "merge_entities", "split_entity",
)  # fmt: skip
ITEM_KINDS: dict[str, str] = {
    "reject_quote": "quotes", "reassign_speaker": "quotes", "reject_place": "places", "reject_claim": "claims",
}  # fmt: skip


@dataclass(frozen=True)
class CorrectionRow:
    """One analyst's correction: what it targets, what it sets, who made it, when and why.

    Layer corrections name ``doc_id``, ``item_id`` and the item's span ``[start, end)``; entity
    corrections name ``canonical_ids``. ``payload`` holds what the kind needs (docs/corrections.md).
    """

    id: int
    kind: str
    doc_id: str | None
    item_id: str | None
    start: int | None
    end: int | None
    canonical_ids: list[int]
    payload: dict[str, Any]
    who: str
    made_at: str
    why: str
    undone_at: str | None = None
    undone_by: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None


@runtime_checkable
class Store(Protocol):
    """A document store: one transaction per document, idempotent on the content hash."""

    def save(
        self, doc: Document, *, signature: bytes | None = None, link: Callable[[Document], None] | None = None
    ) -> SaveResult: ...

    def load(self, doc_id: str) -> Document: ...

    def find_hash(self, content_hash: str) -> str | None: ...

    def free_id(self, doc: Document) -> str: ...

    def duplicate_roots(self) -> dict[str, str]: ...

    def documents(self, query: str | None = None) -> Iterator[Document]: ...

    def signatures(self, after: int = 0) -> Iterator[SignatureRow]: ...

    def record_error(self, source: str, cause: str, stage: str, doc_id: str | None = None) -> None: ...

    def errors(self, limit: int = 100) -> list[ErrorRow]: ...

    def search(
        self, query: str, limit: int = 20, offset: int = 0, highlight: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]: ...

    def stats(self) -> dict[str, object]: ...

    def quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        limit: int = 100,
        modes: Sequence[str] | None = DEFAULT_MODES,
        offset: int = 0,
    ) -> list[QuoteRow]: ...

    def count_quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        modes: Sequence[str] | None = DEFAULT_MODES,
    ) -> int: ...

    def claims(
        self,
        counted: str | None = None,
        place: str | None = None,
        claimant: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ClaimRow]: ...

    def count_claims(
        self, counted: str | None = None, place: str | None = None, claimant: str | None = None
    ) -> int: ...

    def events(
        self,
        plover: str | None = None,
        acled: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[EventRow]: ...

    def count_events(
        self,
        plover: str | None = None,
        acled: str | None = None,
        actor: str | None = None,
        since: str | None = None,
    ) -> int: ...

    def places(self, country: str | None = None, limit: int = 100) -> list[PlaceRow]: ...

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[CanonicalRow]: ...

    def count_entities(self, type: str | None = None) -> int: ...

    def canonical_id(self, name_or_id: str) -> int | None: ...

    def entity(self, name_or_id: str, limit: int | None = None) -> EntityProfile | None: ...

    def merge_entities(self, ids: Sequence[int]) -> int: ...

    def split_entity(self, canonical_id: int, members: Iterable[tuple[str, str]]) -> int: ...

    def add_correction(
        self,
        kind: str,
        *,
        who: str,
        why: str = "",
        doc_id: str | None = None,
        item_id: str | None = None,
        canonical_ids: Sequence[int] = (),
        payload: dict[str, Any] | None = None,
    ) -> CorrectionRow: ...

    def corrections(
        self, doc_id: str | None = None, active: bool | None = None, limit: int = 500
    ) -> list[CorrectionRow]: ...

    def undo_correction(self, correction_id: int, who: str) -> CorrectionRow: ...

    def replace_analysis(self, doc: Document) -> None: ...
    # -- stories (#15, store/stories.py) --
    def save_stories(self, prepare: Callable[[], StoryWrite]) -> None: ...

    def save_tracking(
        self, sid: str, claims: Sequence[TrackedClaim], quotes: Sequence[TrackedQuote]
    ) -> None: ...

    def clear_stories(self) -> None: ...

    def story_profiles(self, after: int = 0) -> Iterator[tuple[int, str, str]]: ...

    def canonical_map(self, doc_id: str) -> dict[str, int]: ...

    def story_assignments(self) -> dict[str, str]: ...

    def stories(self, limit: int = 100, offset: int = 0) -> list[StoryRow]: ...

    def story(self, sid: str) -> StoryDetail | None: ...

    def story_articles(self, sid: str) -> list[StoryArticle]: ...

    def tracked_claims(self, story_id: str | None = None, limit: int = 1000) -> list[TrackedClaim]: ...

    def tracked_quotes(self, story_id: str | None = None, limit: int = 1000) -> list[TrackedQuote]: ...

    def get_state(self, key: str) -> object | None: ...

    def set_state(self, key: str, value: object) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
