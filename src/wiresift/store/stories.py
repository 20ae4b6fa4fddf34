"""Stories and tracked claims/quotes in the store: typed rows and the SQL that writes and reads them.

Plain, portable SQL (no SQLite-only functions); :class:`StoryQueries` is mixed into the SQLite store
and is what a PostgreSQL backend ports. A story's rows are always rewritten whole, in one
transaction, so a reader never sees half a merge.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wiresift.store.sql import Sql


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story as the clusterer filed it: ``how`` it joined (seed, link, merge,
    split), its best link ``score`` and the ``evidence`` (its strongest links and what each shares)."""

    doc_id: str
    how: str
    score: float
    evidence: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    site: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class StoryRecord:
    """A story to write: its id, title, time span and articles in publication order."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: list[StoryArticle]


@dataclass(frozen=True)
class StoryWrite:
    """What one :meth:`StoryQueries.save_stories` writes: stories rewritten whole, story ids gone,
    new article profiles (doc id, JSON)."""

    changed: Sequence[StoryRecord] = ()
    gone: Sequence[str] = ()
    profiles: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: int
    outlets: int


@dataclass(frozen=True)
class ClaimMention:
    """One article's mention of a tracked claim; ``label`` is ``copied`` or ``independent``."""

    doc_id: str
    claim_id: str
    published: str | None
    site: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    text: str
    claimant: str | None
    label: str
    copied_from: str | None = None


@dataclass(frozen=True)
class TrackedClaim:
    """One claim followed across a story's articles, first seen first."""

    id: str
    story_id: str
    counted: str
    unit: str | None
    first_doc_id: str
    first_published: str | None
    first_site: str | None
    claimants: list[str]
    mentions: list[ClaimMention]


@dataclass(frozen=True)
class QuoteMention:
    """One article's wording of a tracked quote; ``drift`` is 1 - similarity to the first wording."""

    doc_id: str
    quote_id: str
    published: str | None
    site: str | None
    text: str
    speaker: str | None
    label: str
    drift: float
    copied_from: str | None = None


@dataclass(frozen=True)
class TrackedQuote:
    """One statement quoted across a story's articles, first seen first."""

    id: str
    story_id: str
    speaker: str | None
    text: str
    first_doc_id: str
    first_published: str | None
    first_site: str | None
    mentions: list[QuoteMention]


@dataclass(frozen=True)
class StoryDetail:
    story: StoryRow
    articles: list[StoryArticle]
    claims: list[TrackedClaim]
    quotes: list[TrackedQuote]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoryQueries:
    """Story reads and writes over ``self.sql`` (mixed into both stores)."""

    sql: Sql

    def _transaction(self) -> Any:
        raise NotImplementedError

    # -- writes -----------------------------------------------------------------------------
    def save_stories(self, prepare: Callable[[], StoryWrite]) -> None:
        """Write what ``prepare()`` returns in one transaction: the changed stories rewritten whole, the
        gone ones dropped (with their tracked rows), new article profiles kept.

        ``prepare`` runs under the write lock (as ``save``'s ``link``): what it reads of the store —
        the profiles other processes filed since — cannot change until the commit.
        """
        c = self.sql
        with self._transaction():
            work = prepare()
            c.many(
                "INSERT INTO story_profiles(doc_id, profile) SELECT ?, ? WHERE NOT EXISTS "
                "(SELECT 1 FROM story_profiles WHERE doc_id = ?)",
                [(d, p, d) for d, p in work.profiles],
            )
            for sid in [*work.gone, *(s.id for s in work.changed)]:
                c.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                c.execute("DELETE FROM stories WHERE id = ?", (sid,))
            for sid in work.gone:
                self._drop_tracking(sid)
            written = {s.id for s in work.changed}
            for s in work.changed:
                moved = [a.doc_id for a in s.articles]
                self._shrink(moved, written)
                c.many("DELETE FROM story_articles WHERE doc_id = ?", [(d,) for d in moved])
                sites = {a.site for a in s.articles if a.site}
                c.execute(
                    "INSERT INTO stories(id, title, first_published, last_published, articles, outlets, updated) "
                    "VALUES (?,?,?,?,?,?,?)",
                    (s.id, s.title, s.first_published, s.last_published, len(s.articles), len(sites), _now()),
                )
                c.many(
                    "INSERT INTO story_articles(doc_id, story_id, position, how, score, evidence) "
                    "VALUES (?,?,?,?,?,?)",
                    [(a.doc_id, s.id, n, a.how, a.score, json.dumps(a.evidence, ensure_ascii=False))
                     for n, a in enumerate(s.articles)],
                )  # fmt: skip

    def _shrink(self, moved: Sequence[str], written: set[str]) -> None:
        """Stories not being rewritten that hold some of the ``moved`` articles (another process filed
        them there): recount them, and drop those left with no article."""
        c = self.sql
        hit: dict[str, int] = {}
        for i in range(0, len(moved), 500):
            part = moved[i : i + 500]
            marks = ",".join("?" * len(part))
            for (sid,) in c.execute(f"SELECT story_id FROM story_articles WHERE doc_id IN ({marks})", part):
                hit[sid] = hit.get(sid, 0) + 1
        for sid in sorted(set(hit) - written):
            total = c.execute("SELECT count(*) FROM story_articles WHERE story_id = ?", (sid,)).fetchone()[0]
            if total > hit[sid]:
                c.execute("UPDATE stories SET articles = ? WHERE id = ?", (total - hit[sid], sid))
            else:
                c.execute("DELETE FROM stories WHERE id = ?", (sid,))
                self._drop_tracking(sid)

    def _drop_tracking(self, sid: str) -> None:
        c = self.sql
        c.execute(
            "DELETE FROM tracked_claim_mentions WHERE tracked_id IN "
            "(SELECT id FROM tracked_claims WHERE story_id = ?)",
            (sid,),
        )
        c.execute("DELETE FROM tracked_claims WHERE story_id = ?", (sid,))
        c.execute(
            "DELETE FROM tracked_quote_mentions WHERE tracked_id IN "
            "(SELECT id FROM tracked_quotes WHERE story_id = ?)",
            (sid,),
        )
        c.execute("DELETE FROM tracked_quotes WHERE story_id = ?", (sid,))

    def save_tracking(self, sid: str, claims: Sequence[TrackedClaim], quotes: Sequence[TrackedQuote]) -> None:
        """Replace the tracked claims and quotes of story ``sid``."""
        c = self.sql
        with self._transaction():
            self._drop_tracking(sid)
            for k in claims:
                first = k.mentions[0]
                c.execute(
                    "INSERT INTO tracked_claims(id, story_id, counted, unit, first_doc_id, first_published, "
                    "first_site, mentions, claimants) VALUES (?,?,?,?,?,?,?,?,?)",
                    (k.id, sid, k.counted, k.unit, first.doc_id, first.published, first.site, len(k.mentions),
                     json.dumps(k.claimants, ensure_ascii=False)),
                )  # fmt: skip
                c.many(
                    "INSERT INTO tracked_claim_mentions(tracked_id, position, doc_id, claim_id, published, site, "
                    "value, low, high, qualifier, text, claimant, label, copied_from) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(k.id, n, m.doc_id, m.claim_id, m.published, m.site, m.value, m.low, m.high, m.qualifier,
                      m.text, m.claimant, m.label, m.copied_from) for n, m in enumerate(k.mentions)],
                )  # fmt: skip
            for q in quotes:
                first_q = q.mentions[0]
                c.execute(
                    "INSERT INTO tracked_quotes(id, story_id, speaker, text, first_doc_id, first_published, "
                    "first_site, mentions) VALUES (?,?,?,?,?,?,?,?)",
                    (q.id, sid, q.speaker, q.text, first_q.doc_id, first_q.published, first_q.site,
                     len(q.mentions)),
                )  # fmt: skip
                c.many(
                    "INSERT INTO tracked_quote_mentions(tracked_id, position, doc_id, quote_id, published, site, "
                    "text, speaker, label, copied_from, drift) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(q.id, n, m.doc_id, m.quote_id, m.published, m.site, m.text, m.speaker, m.label,
                      m.copied_from, m.drift) for n, m in enumerate(q.mentions)],
                )  # fmt: skip

    def clear_stories(self) -> None:
        """Forget every story, profile and tracked row (before a rebuild)."""
        with self._transaction():
            for table in (
                "tracked_claim_mentions", "tracked_claims", "tracked_quote_mentions", "tracked_quotes",
                "story_articles", "stories", "story_profiles",
            ):  # fmt: skip
                self.sql.execute(f"DELETE FROM {table}")

    # -- reads ------------------------------------------------------------------------------
    def story_profiles(self, after: int = 0) -> Iterator[tuple[int, str, str]]:
        """(position, doc id, profile JSON) of the clustered articles stored after position ``after``,
        in the order they were stored."""
        rows = self.sql.execute(
            "SELECT d.num, p.doc_id, p.profile FROM story_profiles p JOIN documents d ON d.id = p.doc_id "
            "WHERE d.num > ? ORDER BY d.num",
            (after,),
        )
        yield from rows.fetchall()

    def canonical_map(self, doc_id: str) -> dict[str, int]:
        """The document's entity ids -> canonical entity ids."""
        rows = self.sql.execute(
            "SELECT id, canonical_id FROM entities WHERE doc_id = ? AND canonical_id IS NOT NULL", (doc_id,)
        )
        return {r[0]: int(r[1]) for r in rows}

    def story_assignments(self) -> dict[str, str]:
        """Document id -> story id, for every clustered document."""
        return dict(self.sql.execute("SELECT doc_id, story_id FROM story_articles").fetchall())

    def stories(self, limit: int = 100, offset: int = 0) -> list[StoryRow]:
        """Stories, latest news first (then the largest)."""
        rows = self.sql.execute(
            "SELECT id, title, first_published, last_published, articles, outlets FROM stories "
            "ORDER BY CASE WHEN last_published IS NULL THEN 1 ELSE 0 END, last_published DESC, "
            "articles DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [StoryRow(*r) for r in rows]

    def story_articles(self, sid: str) -> list[StoryArticle]:
        rows = self.sql.execute(
            "SELECT a.doc_id, a.how, a.score, a.evidence, d.title, d.site, d.published FROM story_articles a "
            "JOIN documents d ON d.id = a.doc_id WHERE a.story_id = ? ORDER BY a.position",
            (sid,),
        )
        return [StoryArticle(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6]) for r in rows]

    def story(self, sid: str) -> StoryDetail | None:
        """One story with its articles, tracked claims and tracked quotes; None when unknown."""
        row = self.sql.execute(
            "SELECT id, title, first_published, last_published, articles, outlets FROM stories WHERE id = ?",
            (sid,),
        ).fetchone()
        if row is None:
            return None
        return StoryDetail(
            StoryRow(*row), self.story_articles(sid), self.tracked_claims(sid), self.tracked_quotes(sid)
        )

    def tracked_claims(self, story_id: str | None = None, limit: int = 1000) -> list[TrackedClaim]:
        """Tracked claims (of one story, or all: most mentioned first) with their mentions."""
        where, params = ("WHERE story_id = ?", [story_id]) if story_id else ("", [])
        heads = self.sql.execute(
            "SELECT id, story_id, counted, unit, first_doc_id, first_published, first_site, claimants "
            f"FROM tracked_claims {where} ORDER BY mentions DESC, first_published, id LIMIT ?",
            (*params, limit),
        ).fetchall()
        out = []
        for h in heads:
            mentions = [
                ClaimMention(*r)
                for r in self.sql.execute(
                    "SELECT doc_id, claim_id, published, site, value, low, high, qualifier, text, claimant, "
                    "label, copied_from FROM tracked_claim_mentions WHERE tracked_id = ? ORDER BY position",
                    (h[0],),
                )
            ]
            out.append(
                TrackedClaim(
                    id=h[0], story_id=h[1], counted=h[2], unit=h[3], first_doc_id=h[4], first_published=h[5],
                    first_site=h[6], claimants=json.loads(h[7]), mentions=mentions,
                )
            )  # fmt: skip
        return out

    def tracked_quotes(self, story_id: str | None = None, limit: int = 1000) -> list[TrackedQuote]:
        """Tracked quotes (of one story, or all: most quoted first) with every wording."""
        where, params = ("WHERE story_id = ?", [story_id]) if story_id else ("", [])
        heads = self.sql.execute(
            "SELECT id, story_id, speaker, text, first_doc_id, first_published, first_site "
            f"FROM tracked_quotes {where} ORDER BY mentions DESC, first_published, id LIMIT ?",
            (*params, limit),
        ).fetchall()
        out = []
        for h in heads:
            mentions = [
                QuoteMention(*r)
                for r in self.sql.execute(
                    "SELECT doc_id, quote_id, published, site, text, speaker, label, drift, copied_from "
                    "FROM tracked_quote_mentions WHERE tracked_id = ? ORDER BY position",
                    (h[0],),
                )
            ]
            out.append(
                TrackedQuote(
                    id=h[0], story_id=h[1], speaker=h[2], text=h[3], first_doc_id=h[4], first_published=h[5],
                    first_site=h[6], mentions=mentions,
                )
            )  # fmt: skip
        return out
