"""The per-document mention index the entities stage leaves in ``ctx.data["entities"]``.

Later stages ask it which entity a character span refers to (``at``), which person was mentioned
last before a position (``last_before``), and for an entity's record (``get``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wiresift.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class EntityIndex:
    """Entities of one document and their mention spans, sorted by start offset."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    #: Nationality adjective ("russian") learned from a title, per entity id.
    nationality: dict[str, str] = field(default_factory=dict)
    #: The parse the index was built from, and the coreference state built from it on first use
    #: (:class:`~wiresift.nlp.entities.coref_model.DocCoref`).
    sdoc: Doc | None = None
    coref: Any = None
    #: ``sdoc``'s text, kept once (spaCy rebuilds ``Doc.text`` on every read); "" when not set.
    text: str = ""

    def add(self, start: int, end: int, eid: str) -> None:
        entry = (start, end, eid)
        i = bisect_left(self.mentions, entry)
        if i < len(self.mentions) and self.mentions[i] == entry:
            return
        insort(self.mentions, entry)
        ent = self.entities[eid]
        if (start, end) not in ent.mentions:
            insort(ent.mentions, (start, end))

    def get(self, eid: str | None) -> Entity | None:
        return self.entities.get(eid) if eid else None

    def at(self, start: int, end: int) -> str | None:
        """The entity with the largest mention overlap with ``[start, end)`` (PERSON preferred)."""
        best: tuple[int, int, str] | None = None
        # Mentions are short (< 200 chars), so only those starting shortly before ``start`` can overlap.
        lo = bisect_left(self.mentions, (start - 200, 0, ""))
        hi = bisect_right(self.mentions, (end, end, "\uffff"))
        for m_start, m_end, eid in self.mentions[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            person = self.entities[eid].type == "PERSON"
            key = (int(person), overlap, eid)
            if best is None or key > best:
                best = key
        return best[2] if best else None

    def last_before(self, pos: int, types: tuple[str, ...] = ("PERSON",), floor: int = 0) -> str | None:
        """The entity of the given types mentioned last before ``pos`` (and after ``floor``)."""
        found = self.last_mention_before(pos, types, floor)
        return found[2] if found else None

    def last_mention_before(
        self, pos: int, types: tuple[str, ...] = ("PERSON",), floor: int = 0
    ) -> tuple[int, int, str] | None:
        """The last mention (start, end, entity id) of the given types between ``floor`` and ``pos``."""
        i = bisect_left(self.mentions, (pos, 0, ""))
        while i > 0:
            i -= 1
            start, end, eid = self.mentions[i]
            if start < floor:
                return None
            if end <= pos and self.entities[eid].type in types:
                return self.mentions[i]
        return None
