"""Incremental story clustering: each article joins a story, starts one, or bridges two.

Candidates come from an inverted index — keys are the article's canonical entities, places,
counted things, quoted speakers, near-duplicate roots and its heaviest content words — split in
time buckets, so an article is compared with the few articles that share something with it in
its time window, never with all of them. Each candidate is scored by :func:`links.link`; links at
or above the model's ``link`` threshold are the story graph's edges.

An article with no link starts a story; otherwise it joins the story it links to best. When it
also links to other stories with a ``bridge``-strength link, the stories merge. A merged story is
then re-checked (:meth:`Clusterer._refine`), and so is every story each time it doubles (4, 8, 16
articles...) and every story after a rebuild: an edge holds only if it is strong, supported by a
shared neighbour (a triangle), or the only link of a leaf; the connected components of the held
edges are the stories, so a story that drifted through a weak bridge or a weak chain splits.

A story's id comes from its seed, the earliest member (publication day, then document id): the
same articles give the same ids whatever order they came in, as long as the seed stays.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from wiresift.stories.links import WINDOW_DAYS, Link, LinkModel, link, load_model, shared_evidence
from wiresift.stories.profile import ArticleProfile

#: Days per index bucket; a lookup reads the buckets that cover ``WINDOW_DAYS`` either side.
BUCKET_DAYS = 7
#: Newest postings read per key and bucket: a key in thousands of articles that week (a capital,
#: "police") says little; the rarer keys of the same article find its story.
POSTING_CAP = 64
#: Candidates scored per article, those sharing the most keys first.
CANDIDATES = 48
#: Content words of an article used as index keys (its heaviest, ties by the word).
TEXT_KEYS = 6
#: Links kept as evidence of how an article joined (the strongest).
EVIDENCE_LINKS = 3
#: Stories larger than this are not re-checked after a merge (the check walks every edge).
REFINE_MAX = 2000
UNDATED = -(10**9)


@dataclass
class Membership:
    """How an article joined its story: ``how`` is seed, link, merge or split; ``score`` is its
    best link (1.0 for a seed); ``evidence`` its strongest links with what each shares."""

    story: str
    how: str
    score: float
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class StoryView:
    """A story as the store keeps it."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: list[tuple[str, Membership]]


def story_id(seed: str) -> str:
    return "st-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def _magnitude(value: float) -> int:
    """The claim value's bucket: powers of 1.5, so values within the claim tolerance (25 %) fall in the
    same or a neighbouring bucket."""
    return math.floor(math.log(abs(value), 1.5)) if value else -1000


def index_keys(p: ArticleProfile, query: bool = False) -> list[str]:
    """The keys ``p`` is filed under; with ``query``, the keys that find its candidates (a claim's
    neighbouring value buckets too). A claim's key is its counted thing and value bucket: "people"
    alone is in half the news."""
    keys = [f"e:{k}" for k in p.entities]
    keys += [f"p:{k}" for k in p.places]
    spread = (-1, 0, 1) if query else (0,)
    keys += [f"c:{c.counted}:{_magnitude(c.value) + d}" for c in p.claims for d in spread]
    keys += [f"q:{q.speaker}" for q in p.quotes if q.speaker]
    keys.append(f"d:{p.duplicate_of or p.doc_id}")
    terms = sorted(p.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:TEXT_KEYS]
    keys += [f"t:{w}" for w, _ in terms]
    return sorted(set(keys))


def _bucket(day: int | None) -> int:
    return UNDATED if day is None else day // BUCKET_DAYS


class Clusterer:
    """The story state of a store, updated one article at a time (see the module docstring)."""

    def __init__(self, model: LinkModel | None = None) -> None:
        self.model = model or load_model()
        self.profiles: dict[str, ArticleProfile] = {}
        self.seq: dict[str, int] = {}
        self.index: dict[str, dict[int, list[str]]] = {}
        self.edges: dict[str, dict[str, float]] = {}
        self.member: dict[str, Membership] = {}
        self.stories: dict[str, set[str]] = {}
        self.dirty: set[str] = set()
        self.gone: set[str] = set()
        self.lazy: set[str] = set()  # restored stories whose inner edges are not computed yet

    def __len__(self) -> int:
        return len(self.profiles)

    # -- retrieval --------------------------------------------------------------------------
    def candidates(self, p: ArticleProfile) -> list[str]:
        """Stored articles sharing index keys with ``p`` in its time window, most keys first."""
        if p.day is None:
            buckets: list[int] | None = None
        else:
            buckets = [*range(_bucket(p.day - WINDOW_DAYS), _bucket(p.day + WINDOW_DAYS) + 1), UNDATED]
        hits: dict[str, int] = {}
        for key in index_keys(p, query=True):
            postings = self.index.get(key)
            if not postings:
                continue
            lists = postings.values() if buckets is None else (postings.get(b) for b in buckets)
            for docs in lists:
                for doc in (docs or [])[-POSTING_CAP:]:
                    hits[doc] = hits.get(doc, 0) + 1
        hits.pop(p.doc_id, None)
        ranked = sorted(hits, key=lambda d: (-hits[d], -self.seq[d]))
        return ranked[:CANDIDATES]

    def _file(self, p: ArticleProfile) -> None:
        bucket = _bucket(p.day)
        for key in index_keys(p):
            self.index.setdefault(key, {}).setdefault(bucket, []).append(p.doc_id)

    # -- restoring --------------------------------------------------------------------------
    def restore(self, profile: ArticleProfile, membership: Membership) -> None:
        """File an article the store already holds in a story, without scoring it again: its story's
        inner edges are computed when the story next changes (:meth:`_ensure_edges`)."""
        doc = profile.doc_id
        profile.labels = {}
        self.profiles[doc] = profile
        self.seq[doc] = len(self.seq)
        self._file(profile)
        self.edges[doc] = {}
        self.member[doc] = membership
        self.stories.setdefault(membership.story, set()).add(doc)
        self.lazy.add(membership.story)

    def _ensure_edges(self, sid: str) -> None:
        if sid not in self.lazy:
            return
        self.lazy.discard(sid)
        docs = self.stories.get(sid, set())
        for d in sorted(docs, key=lambda d: self.seq[d]):
            p = self.profiles[d]
            for c in self.candidates(p):
                if c in docs and c not in self.edges[d]:
                    x = link(p, self.profiles[c], self.model, evidence=False)
                    if x is not None and x.score >= self.model.link:
                        self.edges[d][c] = self.edges[c][d] = x.score

    # -- adding -----------------------------------------------------------------------------
    def add(self, profile: ArticleProfile) -> Membership:
        """File one article and return how it joined (an article already held is left as it is)."""
        if profile.doc_id in self.member:
            return self.member[profile.doc_id]
        found = (
            link(profile, self.profiles[c], self.model, evidence=False) for c in self.candidates(profile)
        )
        links = sorted(
            (x for x in found if x and x.score >= self.model.link), key=lambda x: (-x.score, x.other)
        )
        # the evidence of the strongest links only (the others keep none): before ``labels`` is cleared
        evidence = [
            dict(shared_evidence(profile, self.profiles[x.other]), score=x.score)
            for x in links[:EVIDENCE_LINKS]
        ]
        doc = profile.doc_id
        profile.labels = {}
        self.profiles[doc] = profile
        self.seq[doc] = len(self.seq)
        self._file(profile)
        self.edges[doc] = {}
        for x in links:
            self.edges[doc][x.other] = x.score
            self.edges[x.other][doc] = x.score
        if not links:
            sid = story_id(doc)
            self.stories[sid] = {doc}
            self.member[doc] = Membership(sid, "seed", 1.0, [])
            self.dirty.add(sid)
            return self.member[doc]
        by_story: dict[str, list[Link]] = {}
        for x in links:
            by_story.setdefault(self.member[x.other].story, []).append(x)
        for sid in sorted(by_story):
            self._ensure_edges(sid)
        best = min(by_story, key=lambda s: (-max(x.score for x in by_story[s]), -len(by_story[s]), s))
        bridged = sorted(s for s in by_story if s != best and by_story[s][0].score >= self.model.bridge)
        how = "merge" if bridged and links[0].score >= self.model.bridge else "link"
        self.member[doc] = Membership(best, how, links[0].score, evidence)
        self.stories[best].add(doc)
        self.dirty.add(best)
        if how == "merge":
            merged = self._merge([best, *bridged])
            self._refine(merged)
        else:
            self._reseed(best)
            size = len(self.stories[self.member[doc].story])
            if size >= 4 and size & (size - 1) == 0:  # 4, 8, 16...: drift is checked as the story doubles
                self._refine(self.member[doc].story)
        return self.member[doc]

    def refine_all(self) -> None:
        """Re-check every story (after a rebuild): the stories become the held components of the graph."""
        for sid in sorted(self.stories):
            if sid in self.stories:
                self._ensure_edges(sid)
                self._refine(sid)

    def _merge(self, sids: list[str]) -> str:
        docs = set().union(*(self.stories.pop(s) for s in sids))
        self.gone.update(sids)
        self.dirty.difference_update(sids)
        return self._settle(docs)

    def _seed(self, docs: Iterable[str]) -> str:
        return min(docs, key=lambda d: (self.profiles[d].day or 10**9, d))

    def _settle(self, docs: set[str]) -> str:
        """Make ``docs`` one story under its seed's id."""
        sid = story_id(self._seed(docs))
        self.stories[sid] = docs
        self.gone.discard(sid)
        self.dirty.add(sid)
        for d in docs:
            self.member[d].story = sid
        return sid

    def _reseed(self, sid: str) -> None:
        """A joining article published before the seed renames the story."""
        docs = self.stories[sid]
        if story_id(self._seed(docs)) != sid:
            del self.stories[sid]
            self.gone.add(sid)
            self.dirty.discard(sid)
            self._settle(docs)

    # -- checking ---------------------------------------------------------------------------
    def held_edges(self, docs: set[str]) -> dict[str, set[str]]:
        """The edges inside ``docs`` that hold a story together (strong, in a triangle, or a leaf's)."""
        inner = {d: {o for o in self.edges[d] if o in docs} for d in docs}
        held: dict[str, set[str]] = {d: set() for d in docs}
        for u in docs:
            for v in inner[u]:
                if v < u:
                    continue
                if (
                    self.edges[u][v] >= self.model.bridge
                    or len(inner[u]) == 1
                    or len(inner[v]) == 1
                    or not inner[u].isdisjoint(inner[v])
                ):
                    held[u].add(v)
                    held[v].add(u)
        return held

    def _refine(self, sid: str) -> list[str]:
        """Split story ``sid`` into the components of its held edges; return the resulting ids."""
        docs = self.stories[sid]
        if len(docs) > REFINE_MAX:
            return [sid]
        held = self.held_edges(docs)
        parts = [part for part in _components(held) if len(part) > 1]
        placed = set().union(*parts) if parts else set()
        for d in sorted(docs - placed, key=lambda d: self.seq[d]):  # loose articles follow their best edge
            inner = [(s, o) for o, s in self.edges[d].items() if o in docs and o != d]
            target = next((part for _, o in sorted(inner, key=lambda x: (-x[0], x[1])) for part in parts
                           if o in part), None)  # fmt: skip
            if target is None:
                parts.append({d})
            else:
                target.add(d)
        if len(parts) <= 1:
            return [sid]
        del self.stories[sid]
        self.gone.add(sid)
        self.dirty.discard(sid)
        out = []
        for part in sorted(parts, key=lambda part: self._seed(part)):
            new = self._settle(part)
            for d in part:  # the articles of a part split off, and the bridges that merged the parts
                if self.member[d].how == "merge" or (new != sid and self.member[d].how != "seed"):
                    self.member[d].how = "split"
            out.append(new)
        return out

    # -- reading ----------------------------------------------------------------------------
    def view(self, sid: str) -> StoryView:
        docs = self.stories[sid]
        central = max(
            docs, key=lambda d: (sum(s for o, s in self.edges[d].items() if o in docs), -self.seq[d])
        )
        dates = sorted(p for d in docs if (p := self.profiles[d].published))
        ordered = sorted(docs, key=lambda d: (self.profiles[d].published or "", self.seq[d]))
        return StoryView(
            id=sid,
            title=self.profiles[central].title or central,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            articles=[(d, self.member[d]) for d in ordered],
        )

    def flush(self) -> tuple[list[StoryView], list[str]]:
        """The stories changed since the last flush and the ids that no longer exist."""
        changed = [self.view(s) for s in sorted(self.dirty) if s in self.stories]
        gone = sorted(self.gone - set(self.stories))
        self.dirty.clear()
        self.gone.clear()
        return changed, gone

    def assignments(self) -> dict[str, str]:
        return {d: m.story for d, m in self.member.items()}


def _components(adjacency: dict[str, set[str]]) -> Iterator[set[str]]:
    seen: set[str] = set()
    for start in sorted(adjacency):
        if start in seen:
            continue
        part, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in part:
                continue
            part.add(node)
            stack.extend(adjacency[node] - part)
        seen |= part
        yield part
