"""The typed story API: stories, one story, tracked claims and quotes, assignments, a rebuild.

:mod:`wiresift.api` re-exports every function here. Each takes a store or a database path (opened
and closed around the call), like ``wiresift.api.story_assignments("wiresift.db")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from wiresift.store.base import Store, StoreError
from wiresift.store.stories import StoryDetail, StoryRow, TrackedClaim, TrackedQuote

T = TypeVar("T")
Db = str | Path | Store


@contextmanager
def _opened(db: Db) -> Iterator[Store]:
    if not isinstance(db, str | Path):
        yield db
        return
    from wiresift.api import open_store

    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def _with(db: Db, read: Callable[[Store], T]) -> T:
    with _opened(db) as store:
        return read(store)


def story_assignments(db: Db) -> dict[str, str]:
    """Document id -> story id, for every document filed in a story."""
    return _with(db, lambda s: s.story_assignments())


def stories(db: Db, limit: int = 100, offset: int = 0) -> list[StoryRow]:
    """Stories, latest news first."""
    return _with(db, lambda s: s.stories(limit=limit, offset=offset))


def story(db: Db, story_id: str) -> StoryDetail:
    """One story with its articles (and how each joined), tracked claims and tracked quotes; raises
    :class:`StoreError` naming the id when there is none."""
    found = _with(db, lambda s: s.story(story_id))
    if found is None:
        raise StoreError(f"no story with id {story_id!r}: `wiresift stories` lists ids")
    return found


def tracked_claims(db: Db, story_id: str | None = None, limit: int = 1000) -> list[TrackedClaim]:
    """Claims followed across articles (of one story, or every story), each with its mentions: first
    seen first, value, outlet, cited source and ``copied``/``independent`` label."""
    return _with(db, lambda s: s.tracked_claims(story_id, limit=limit))


def tracked_quotes(db: Db, story_id: str | None = None, limit: int = 1000) -> list[TrackedQuote]:
    """Statements quoted across articles, each with every wording and its drift from the first."""
    return _with(db, lambda s: s.tracked_quotes(story_id, limit=limit))


def rebuild_stories(db: Db) -> int:
    """Cluster every stored document into stories again (in store order); return how many stories."""
    from wiresift.stories.service import rebuild

    return _with(db, rebuild)
