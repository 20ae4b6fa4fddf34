"""Running candidate tallies for the coreference model: each entity's mentions before a position.

The model asks, for every anaphor in text order, which entities were mentioned before it, how often,
where last, and a few sums over those mentions (subject mentions, first sentence, reporting
subjects, nominal heads). Walking every earlier mention for each anaphor is quadratic in a document;
:class:`Tally` keeps those figures per entity and adds each mention once, when the position passes
it, so that a run of anaphors in text order costs one pass over the mentions. A position before the
last one asked (an out-of-order question) is answered by a fresh tally up to it, so the answer never
depends on the order of the questions.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wiresift.nlp.entities.index import EntityIndex
    from wiresift.nlp.entities.mentions import Place


@dataclass
class Mention:
    start: int
    end: int
    place: Place
    pronoun: bool = False
    head: str = ""
    gender: str = ""


@dataclass
class Candidate:
    """An entity mentioned before an anaphor, as seen from it: its latest mention, how many mentions,
    and the sums the features read (a snapshot: later mentions do not change it)."""

    eid: str
    last: Mention
    count: int
    #: Mentions that were the subject of their clause.
    subjects: int = 0
    #: The sentence of the first mention.
    first_sent: int = 0
    #: The last sentence where a mention was a reporting verb's subject (-1 when none was).
    reporter_sent: int = -1
    #: Head words of the nominal anaphors joined to the entity ("company").
    heads: frozenset[str] = frozenset()
    #: The tally's lists of (index position, mention) and (join order, mention), which only grow, and
    #: how many of the first were counted.
    _named: list[tuple[int, Mention]] = field(default_factory=list, repr=False)
    _joined: list[tuple[int, Mention]] = field(default_factory=list, repr=False)
    _n_named: int = 0

    @property
    def mentions(self) -> list[Mention]:
        """The mentions counted: the index's in text order, then the joined anaphors in join order."""
        named = sorted(self._named[: self._n_named], key=lambda pm: pm[0])
        joined = sorted(self._joined[: self.count - self._n_named], key=lambda om: om[0])
        return [m for _, m in named] + [m for _, m in joined]


class _Entity:
    """One entity's tally: index mentions and joined anaphors seen so far."""

    __slots__ = ("eid", "first_sent", "frozen", "heads", "joined", "joined_key", "joined_last", "named",
                 "named_key", "named_last", "rank", "reporter_sent", "subjects")  # fmt: skip

    def __init__(self, eid: str) -> None:
        self.eid = eid
        self.rank: int | None = None  # position in the index of its first mention counted
        self.named: list[tuple[int, Mention]] = []
        self.joined: list[tuple[int, Mention]] = []
        self.named_last: Mention | None = None
        self.named_key = (0, 0)
        self.joined_last: Mention | None = None
        self.joined_key = (0, 0)
        self.subjects = 0
        self.first_sent: int | None = None
        self.reporter_sent = -1
        self.heads: set[str] = set()
        self.frozen: frozenset[str] = frozenset()  # ``heads`` as handed out

    def _count(self, m: Mention) -> None:
        place = m.place
        self.subjects += place.subject
        if self.first_sent is None or place.sent < self.first_sent:
            self.first_sent = place.sent
        if place.reporter and place.sent > self.reporter_sent:
            self.reporter_sent = place.sent
        if m.pronoun is False and m.head and m.head not in self.heads:
            self.heads.add(m.head)
            self.frozen = frozenset(self.heads)

    def add_named(self, pos: int, m: Mention) -> None:
        """An index mention at position ``pos`` of the index: the latest is the one starting last,
        the first in the index among those starting at once."""
        self.named.append((pos, m))
        key = (m.start, -pos)
        if self.named_last is None or key > self.named_key:
            self.named_last, self.named_key = m, key
        self.rank = pos if self.rank is None else min(self.rank, pos)
        self._count(m)

    def add_joined(self, order: int, m: Mention) -> None:
        """The ``order``-th anaphor joined to the entity."""
        self.joined.append((order, m))
        key = (m.start, -order)
        if self.joined_last is None or key > self.joined_key:
            self.joined_last, self.joined_key = m, key
        self._count(m)

    def latest(self) -> Mention:
        """The latest mention: a joined anaphor only when it starts after every index mention."""
        last = self.named_last
        if self.joined_last is not None and (last is None or self.joined_last.start > last.start):
            return self.joined_last
        assert last is not None
        return last

    def candidate(self, last: Mention) -> Candidate:
        assert self.first_sent is not None
        return Candidate(
            self.eid,
            last,
            len(self.named) + len(self.joined),
            self.subjects,
            self.first_sent,
            self.reporter_sent,
            self.frozen,
            self.named,
            self.joined,
            len(self.named),
        )


class Tally:
    """Every entity of ``types`` with its mentions before a position that only moves forward: index
    mentions that end by it, and anaphors joined to an entity (:meth:`join`) that end by it."""

    def __init__(
        self, index: EntityIndex, types: frozenset[str], mention: Callable[[int, int], Mention]
    ) -> None:
        self.index = index
        self.types = types
        self.mention = mention
        self.pos: int | None = None
        self.snapshot = (id(index.mentions), len(index.mentions))
        # An index mention counts from the first position past both its start and its end.
        self.named = sorted(
            (max(s + 1, e), i)
            for i, (s, e, eid) in enumerate(index.mentions)
            if index.entities[eid].type in types
        )
        self.next_named = 0
        self.pending: list[tuple[int, int, str, int, Mention]] = []  # joined anaphors not yet ended
        self.seq = 0
        self.entities: dict[str, _Entity] = {}
        #: Entity ids in the order their first anaphor was joined.
        self.join_rank: dict[str, int] = {}

    def current(self) -> bool:
        """Whether the index is the one the tally was built over."""
        return self.snapshot == (id(self.index.mentions), len(self.index.mentions))

    def join(self, eid: str, order: int, m: Mention) -> None:
        """``m`` is the ``order``-th anaphor joined to ``eid``; it counts once the position passes its end."""
        self.join_rank.setdefault(eid, len(self.join_rank))
        if self.index.entities[eid].type not in self.types:
            return
        heapq.heappush(self.pending, (m.end, self.seq, eid, order, m))
        self.seq += 1
        self.advance(self.pos)

    def _entity(self, eid: str) -> _Entity:
        found = self.entities.get(eid)
        if found is None:
            found = self.entities[eid] = _Entity(eid)
        return found

    def advance(self, pos: int | None) -> None:
        if pos is None:
            return
        self.pos = pos
        mentions = self.index.mentions
        while self.next_named < len(self.named) and self.named[self.next_named][0] <= pos:
            i = self.named[self.next_named][1]
            start, end, eid = mentions[i]
            self._entity(eid).add_named(i, self.mention(start, end))
            self.next_named += 1
        while self.pending and self.pending[0][0] <= pos:
            _end, _seq, eid, order, m = heapq.heappop(self.pending)
            self._entity(eid).add_joined(order, m)

    def candidates(self, pos: int, types: tuple[str, ...], since: int) -> list[Candidate]:
        """The entities of ``types`` counted up to ``pos`` whose latest mention is in sentence ``since``
        or after, in the order they were first seen: by their first index mention, then those only
        joined, in the order of their first join."""
        self.advance(pos)
        entities = self.index.entities
        ranked = []
        for eid, tally in self.entities.items():
            if entities[eid].type not in types:
                continue
            last = tally.latest()
            if last.place.sent < since:
                continue
            rank = (0, tally.rank) if tally.rank is not None else (1, self.join_rank[eid])
            ranked.append((rank, tally, last))
        ranked.sort(key=lambda r: r[0])
        return [tally.candidate(last) for _, tally, last in ranked]
