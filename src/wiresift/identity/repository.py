"""What the identity rules read and write: one small interface, implemented by each store backend.

Every method runs inside the caller's transaction (the store's ``save``, ``merge_entities`` or
``split_entity``); none commits. ``order`` is a member's insertion position in the store (SQLite's
``entities.rowid``, PostgreSQL's ``entities.num``): it decides which name was seen first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Member:
    """A stored document entity attached to a canonical record."""

    name: str
    aliases: list[str]
    type: str
    titles: list[str]
    order: int


class IdentityRepository(Protocol):
    # -- canonical records
    def canonical(self, canonical_id: int) -> tuple[str, str] | None:
        """(name, type) of a record, or None."""
        ...

    def create(self, name: str, type_: str, time: str) -> int: ...

    def delete(self, canonical_id: int) -> None:
        """Remove a record with its keys and summaries (its members and evidence moved first)."""
        ...

    def set_name(self, canonical_id: int, name: str) -> None: ...

    def size(self, canonical_id: int) -> int:
        """How many document entities are attached (the kept ``members`` count)."""
        ...

    # -- keys and summaries
    def with_key(self, key: str, type_: str | None = None) -> list[int]:
        """Ids of the records holding ``key`` (of that type when given), ascending."""
        ...

    def add_keys(self, canonical_id: int, keys: Iterable[str]) -> None: ...

    def names(self, canonical_id: int) -> list[str]:
        """Distinct member names, oldest first."""
        ...

    def name_counts(self, canonical_id: int) -> list[tuple[str, int, int]]:
        """(name, count, first member order) of each distinct member name."""
        ...

    def titles(self, canonical_id: int) -> list[str]:
        """Distinct member titles, sorted."""
        ...

    def summarise(self, canonical_id: int, members: Sequence[tuple[str, Sequence[str], int]]) -> None:
        """Add members ``(name, titles, order)`` to the record's name counts, titles and size."""
        ...

    def clear_summaries(self, canonical_id: int) -> None:
        """Drop the record's keys, name counts and titles and set its size to 0."""
        ...

    def add_evidence(
        self,
        canonical_id: int,
        rule: str,
        names: Sequence[str],
        titles: Sequence[str],
        doc_id: str | None,
        entity_id: str | None,
        time: str,
    ) -> None: ...

    def move_evidence(self, source: int, target: int) -> None: ...

    # -- document entities
    def attach(self, doc_id: str, entity_id: str, canonical_id: int) -> int:
        """Attach one stored entity to a record; return its member order."""
        ...

    def move_members(self, source: int, target: int) -> None: ...

    def members(self, canonical_id: int) -> list[Member]:
        """Every attached entity, in member order."""
        ...

    def is_member(self, doc_id: str, entity_id: str, canonical_id: int) -> bool: ...

    def name_like(self, text: str) -> list[int]:
        """Ids of the records whose display name contains ``text`` (case-insensitively)."""
        ...
