"""Story clustering against a store: during ingest (one article at a time) and as a rebuild.

:class:`StoryBuilder` resumes the clusterer from the store (the saved profiles and memberships, no
document is read or scored again), files each newly stored document, writes the changed stories
every ``FLUSH_EVERY`` articles, and at :meth:`~StoryBuilder.finish` tracks the claims and quotes
of every story that changed (the documents filed in this run come from memory, the older ones
from the store).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator

from wiresift.model import Document
from wiresift.store.base import Store
from wiresift.store.stories import StoryArticle, StoryRecord, StoryRow, StoryWrite, TrackedClaim, TrackedQuote
from wiresift.stories.cluster import Clusterer, Membership, StoryView
from wiresift.stories.links import LinkModel
from wiresift.stories.profile import ArticleProfile, profile_of
from wiresift.stories.tracking import TRACK_MAX, track_claims, track_quotes

log = logging.getLogger(__name__)

#: Articles filed between two writes of the changed stories: one transaction per batch of the
#: ingest's analysis, not one per article.
FLUSH_EVERY = 32
#: Documents filed by this builder kept in memory for :meth:`StoryBuilder.finish` (the newest): a
#: changed story's new articles are tracked without reading them back from the store.
KEEP_FILED = 4096

Tracked = tuple[list[TrackedClaim], list[TrackedQuote]]
#: ``track(stories)``: the claims and quotes tracked in each ``(story id, its documents)``, in order and
#: lazily (:func:`track_here`, or a Dask cluster's workers in :mod:`wiresift.cluster`).
Tracker = Callable[[Iterable[tuple[str, list[Document]]]], Iterator[Tracked]]


def track_here(stories: Iterable[tuple[str, list[Document]]]) -> Iterator[Tracked]:
    """Track each story's claims and quotes in this process."""
    for sid, docs in stories:
        yield track_claims(sid, docs), track_quotes(sid, docs)


def _record(view: StoryView, profiles: dict[str, ArticleProfile]) -> StoryRecord:
    return StoryRecord(
        id=view.id,
        title=view.title,
        first_published=view.first_published,
        last_published=view.last_published,
        articles=[
            StoryArticle(doc, m.how, m.score, m.evidence, site=profiles[doc].site) for doc, m in view.articles
        ],
    )


class StoryBuilder:
    """Files stored documents into stories and keeps the store's story tables up to date.

    A document whose story could not be written (the process stopped between its commit and the next
    flush) has no profile and no story until ``wiresift stories --rebuild``.
    """

    def __init__(self, store: Store, model: LinkModel | None = None) -> None:
        self.store = store
        self.clusterer = Clusterer(model)
        self.pending: list[tuple[str, str]] = []
        self.touched: set[str] = set()
        self.position = 0  # the store position of the last profile read
        self.filed: dict[str, Document] = {}  # the newest documents filed, for finish()
        self._resume()

    def _resume(self) -> None:
        members: dict[str, Membership] = {}
        for sid in (row.id for row in self._all_stories()):
            for a in self.store.story_articles(sid):
                members[a.doc_id] = Membership(sid, a.how, a.score, a.evidence)
        for position, doc_id, raw in self.store.story_profiles():
            self.position = position
            m = members.get(doc_id)
            profile = ArticleProfile.from_dict(json.loads(raw))
            if m is not None:
                self.clusterer.restore(profile, m)
            else:  # filed by a process that stopped before writing its stories
                self.clusterer.add(profile)

    def _catch_up(self) -> None:
        """File the articles other processes clustered since we last looked (called under the lock)."""
        for position, doc_id, raw in self.store.story_profiles(after=self.position):
            self.position = position
            if doc_id not in self.clusterer.profiles:
                self.clusterer.add(ArticleProfile.from_dict(json.loads(raw)))

    def _all_stories(self) -> list[StoryRow]:
        out: list[StoryRow] = []
        page = 1000
        while batch := self.store.stories(limit=page, offset=len(out)):
            out += batch
        return out

    def add(self, doc: Document) -> Membership:
        """File one stored document (its layers and canonical entities are in the store)."""
        profile = profile_of(doc, self.store.canonical_map(doc.id))
        self.pending.append((doc.id, json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)))
        membership = self.clusterer.add(profile)
        self.filed[doc.id] = doc
        if len(self.filed) > KEEP_FILED:
            del self.filed[next(iter(self.filed))]
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()
        return membership

    def flush(self) -> None:
        """Write the changed stories. Another ingest may have filed articles meanwhile: they are read and
        filed first, under the same write lock, so neither process's stories drop the other's articles."""
        if not (self.clusterer.dirty or self.clusterer.gone or self.pending):
            return
        written: list[StoryView] = []

        def prepare() -> StoryWrite:
            self._catch_up()
            changed, gone = self.clusterer.flush()
            written[:] = changed
            self.touched.difference_update(gone)
            profiles = self.clusterer.profiles
            return StoryWrite([_record(v, profiles) for v in changed], gone, self.pending)

        self.store.save_stories(prepare)
        self.pending = []
        self.touched.update(v.id for v in written)

    def finish(self, progress: Callable[[str], None] | None = None, track: Tracker | None = None) -> int:
        """Write what is pending and track claims and quotes in every changed story; return how many.

        ``track`` (default :func:`track_here`) computes the tracking of the stories of two articles or
        more (pure functions of the story's documents, so they may run elsewhere); the results are
        written here, story by story."""
        self.flush()
        touched = [sid for sid in sorted(self.touched) if self.clusterer.stories.get(sid)]
        tracked = (track or track_here)(
            (sid, self._tracked_docs(sid)) for sid in touched if len(self.clusterer.stories[sid]) > 1
        )
        done = 0
        for sid in touched:
            if len(self.clusterer.stories[sid]) < 2:
                self.store.save_tracking(sid, [], [])
                continue
            claims, quotes = next(tracked)
            self.store.save_tracking(sid, claims, quotes)
            done += 1
            if progress:
                progress(sid)
        self.touched.clear()
        self.filed.clear()
        return done

    def _tracked_docs(self, sid: str) -> list[Document]:
        """The story's documents in publication order (the first ``TRACK_MAX``), from memory or the store."""
        profiles = self.clusterer.profiles
        ordered = sorted(
            self.clusterer.stories[sid], key=lambda d: (profiles[d].published or "", self.clusterer.seq[d])
        )
        return [self.filed.get(d) or self.store.load(d) for d in ordered[:TRACK_MAX]]


def rebuild(store: Store, model: LinkModel | None = None) -> int:
    """Forget the stored stories and cluster every document again, in store order; return how many
    stories there are."""
    store.clear_stories()
    builder = StoryBuilder(store, model)
    for doc in store.documents():
        builder.add(doc)
    builder.clusterer.refine_all()
    builder.finish()
    return len(builder.clusterer.stories)
