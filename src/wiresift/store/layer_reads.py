"""The layer lists (quotes, claims, events, entities) and an entity's page, on either backend.

One implementation for both stores: the statements run through the ``?`` adapter (:mod:`.sql`) and
spell the few differences with its dialect (case-insensitive LIKE, NULL order, join order).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from wiresift.identity import Resolver
from wiresift.store.base import (
    DEFAULT_MODES,
    CanonicalRow,
    ClaimRow,
    EntityProfile,
    EvidenceRow,
    MemberRow,
    QuoteRow,
)
from wiresift.store.events import EventRow, count_events, query_events
from wiresift.store.lists import (
    CLAIMS_FROM,
    QUOTES_FROM,
    ListCounts,
    claims_where,
    quotes_where,
    recent_articles,
)
from wiresift.store.sql import Sql
from wiresift.store.workbench import sentence_around


class LayerLists(ListCounts):
    """Quotes, claims, events and entities with their totals (a mixin of both stores)."""

    sql: Sql
    resolver: Resolver

    def _canonical_ids(self, name: str) -> list[int]:
        return self.resolver.lookup(name)

    def quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        limit: int = 100,
        modes: Sequence[str] | None = DEFAULT_MODES,
        offset: int = 0,
    ) -> list[QuoteRow]:
        """Quotes, newest article first; ``speaker`` matches the resolved entity or the speaker name;
        ``modes`` keeps those modes only (statements by default, None: every mode)."""
        d = self.sql.dialect
        ids = self._canonical_ids(speaker)[:1] if speaker else []
        where, params = quotes_where(ids, speaker, since, modes, d.like)
        rows = self.sql.execute(
            'SELECT q.doc_id, d.title, d.published, q.id, q.text, q.start, q."end", q.kind, q.cue, '
            "coalesce(q.speaker_name, e.name), e.canonical_id, q.mode, q.speaker_confidence "
            f"{QUOTES_FROM.format(join=d.cross_join)} {where} "
            f"ORDER BY d.published {d.desc}, d.num, q.start, q.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [QuoteRow(*r) for r in rows]

    def claims(
        self,
        counted: str | None = None,
        place: str | None = None,
        claimant: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ClaimRow]:
        """Numeric claims filtered by what is counted, where, and who claims it."""
        d = self.sql.dialect
        ids = self._canonical_ids(claimant)[:1] if claimant else []
        where, params = claims_where(ids, counted, place, claimant, d.like)
        rows = self.sql.execute(
            'SELECT k.doc_id, d.title, d.published, k.id, k.text, k.start, k."end", k.value, k.low, k.high, '
            "k.qualifier, k.unit, k.counted, coalesce(k.claimant_name, e.name), p.name, k.time, "
            f"d.text, coalesce(d.url, d.source) {CLAIMS_FROM.format(join=d.cross_join)} {where} "
            f"ORDER BY d.published {d.desc}, d.num, k.start, k.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [
            replace(ClaimRow(*r[:16]), sentence=sentence_around(r[16], r[5], r[6]), source=r[17])
            for r in rows
        ]

    def events(
        self,
        plover: str | None = None,
        acled: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[EventRow]:
        """Events filtered by PLOVER and ACLED-style category, actor and date (:mod:`store.events`)."""
        return query_events(
            self.sql, plover=plover, acled=acled, actor=actor, since=since, limit=limit, offset=offset
        )

    def count_events(
        self,
        plover: str | None = None,
        acled: str | None = None,
        actor: str | None = None,
        since: str | None = None,
    ) -> int:
        return count_events(self.sql, plover=plover, acled=acled, actor=actor, since=since)

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[CanonicalRow]:
        """Canonical entities, most mentions (member entities) first."""
        where, params = "", list[Any]()
        if type:
            where, params = "WHERE c.type = ?", [type.upper()]
        # Ordered by the member counter kept at every attachment; articles are counted for the page only
        # (grouping every entity row of the store per request took 540 ms at 100,000 documents).
        rows = self.sql.execute(
            "SELECT c.id, c.name, c.type, (SELECT count(DISTINCT e.doc_id) FROM entities e "
            f"WHERE e.canonical_id = c.id), c.members FROM canonical_entities c {where} "
            "ORDER BY c.members DESC, c.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [CanonicalRow(*r) for r in rows]

    def entity(self, name_or_id: str, limit: int | None = None) -> EntityProfile | None:
        """Everything about one canonical entity: names, roles, members, evidence and its quotes.

        ``limit`` caps the member, evidence and quote lists (newest first) for pages about an
        entity named in thousands of articles; names and titles always cover every member.
        """
        ids = self._canonical_ids(name_or_id)
        if not ids:
            return None
        cid = ids[0]
        name, type_ = self.sql.execute(
            "SELECT name, type FROM canonical_entities WHERE id = ?", (cid,)
        ).fetchone()
        cap = "" if limit is None else f" LIMIT {int(limit)}"
        # With a limit, members and quotes come from the entity's newest ``limit`` articles.
        recent = recent_articles(self.sql, cid, limit) if limit is not None else ""
        scope = (cid,) if limit is not None else ()
        join = self.sql.dialect.cross_join
        docs = f"recent d {join}" if recent else f"documents d {join}"
        members = [
            MemberRow(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5])
            for r in self.sql.execute(
                f"{recent}SELECT e.doc_id, e.id, e.name, e.titles, e.aliases, d.title FROM {docs} entities e "
                "ON e.doc_id = d.id WHERE e.canonical_id = ? ORDER BY d.num, e.id" + cap,
                (*scope, cid),
            )
        ]
        evidence = [
            EvidenceRow(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5])
            for r in self.sql.execute(
                "SELECT rule, doc_id, entity_id, matched_names, matched_titles, time FROM canonical_evidence "
                "WHERE canonical_id = ? ORDER BY id" + cap,
                (cid,),
            )
        ]
        quotes = [
            QuoteRow(*r)
            for r in self.sql.execute(
                f'{recent}SELECT q.doc_id, d.title, d.published, q.id, q.text, q.start, q."end", q.kind, q.cue, '
                "coalesce(q.speaker_name, e.name), e.canonical_id, q.mode, q.speaker_confidence "
                f"FROM {docs} quotes q ON q.doc_id = d.id "
                "JOIN entities e ON e.doc_id = q.doc_id AND e.id = q.speaker "
                "WHERE e.canonical_id = ? AND q.mode = 'statement' "
                f"ORDER BY d.published {self.sql.dialect.asc}, d.num, q.start, q.id" + cap,
                (*scope, cid),
            )
        ]
        # Names and titles from the summaries kept at every attachment (canonical_names, _titles):
        # reading the JSON of every member took 120 ms for an entity in 11,000 articles.
        names = {
            r[0] for r in self.sql.execute("SELECT name FROM canonical_names WHERE canonical_id = ?", (cid,))
        }
        names |= {a for m in members for a in m.aliases}
        titles = [
            r[0]
            for r in self.sql.execute(
                "SELECT title FROM canonical_titles WHERE canonical_id = ? ORDER BY title", (cid,)
            )
        ]
        return EntityProfile(cid, name, type_, sorted(names - {name}), titles, members, evidence, quotes)
