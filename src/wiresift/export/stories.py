"""Stories and tracked claims/quotes in the exports: JSONL lines, CSV rows, STIX reports and notes.

Stories are derived data: an export holds them after the documents, limited to the stories with at
least one exported article, and ``import`` skips them (importing re-clusters the documents). Each
exporter gets them as ``stories(doc_ids)``, a callable over the exported document ids, so the
export modules need no store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from wiresift.store.base import Store
from wiresift.store.stories import StoryDetail

#: The ``schema`` of a story line in a JSONL export (``import`` skips these lines).
STORY_SCHEMA = "wiresift-story/1"
#: Stories read per query while exporting.
PAGE = 500

StorySource = Callable[[set[str] | None], Iterable[StoryDetail]]
"""``stories(doc_ids)``: the stories with an article among ``doc_ids`` (None: every story)."""


def story_source(store: Store) -> StorySource:
    """The stories of ``store`` for an export (read one story at a time)."""

    def stories(doc_ids: set[str] | None) -> Iterator[StoryDetail]:
        offset = 0
        while rows := store.stories(limit=PAGE, offset=offset):
            offset += len(rows)
            for row in rows:
                detail = store.story(row.id)
                if detail is None:
                    continue
                if doc_ids is None or any(a.doc_id in doc_ids for a in detail.articles):
                    yield detail

    return stories


# -- JSONL -----------------------------------------------------------------------------------------
def story_record(detail: StoryDetail) -> dict[str, Any]:
    return {"schema": STORY_SCHEMA, **asdict(detail)}


def jsonl_lines(stories: Iterable[StoryDetail]) -> Iterator[str]:
    for detail in stories:
        yield json.dumps(story_record(detail), ensure_ascii=False, sort_keys=True) + "\n"


# -- CSV -------------------------------------------------------------------------------------------
STORY_TABLES: dict[str, tuple[str, ...]] = {
    "stories": ("id", "title", "first_published", "last_published", "articles", "outlets"),
    "story_articles": ("story_id", "position", "doc_id", "site", "published", "how", "score", "evidence"),
    "tracked_claims": (
        "tracked_id", "story_id", "counted", "unit", "position", "doc_id", "claim_id", "site", "published",
        "value", "low", "high", "qualifier", "claimant", "first_seen", "label", "copied_from", "text",
    ),
    "tracked_quotes": (
        "tracked_id", "story_id", "speaker", "position", "doc_id", "quote_id", "site", "published",
        "first_seen", "label", "copied_from", "drift", "text",
    ),
}  # fmt: skip


def csv_rows(detail: StoryDetail) -> dict[str, list[dict[str, Any]]]:
    """The raw rows of the story tables for one story (one row per article, per mention)."""
    sid = detail.story.id
    return {
        "stories": [asdict(detail.story)],
        "story_articles": [
            {
                "story_id": sid,
                "position": n,
                **asdict(a),
                "evidence": json.dumps(a.evidence, ensure_ascii=False),
            }
            for n, a in enumerate(detail.articles)
        ],
        "tracked_claims": [
            {
                "tracked_id": k.id,
                "story_id": sid,
                "counted": k.counted,
                "unit": k.unit,
                "position": n,
                "first_seen": n == 0,
                **asdict(m),
            }
            for k in detail.claims
            for n, m in enumerate(k.mentions)
        ],
        "tracked_quotes": [
            {
                "tracked_id": q.id,
                "story_id": sid,
                "position": n,
                "first_seen": n == 0,
                **asdict(m),
                "speaker": m.speaker or q.speaker,
            }
            for q in detail.quotes
            for n, m in enumerate(q.mentions)
        ],
    }


# -- STIX ------------------------------------------------------------------------------------------
def stix_objects(
    detail: StoryDetail, exported: set[str], sid: Callable[..., str], author_ref: str
) -> list[Any]:
    """A ``note`` per tracked claim and quote (pointing at the exported mentions' notes) and a
    ``report`` grouping the story's exported articles' reports and those notes, the report last."""
    import stix2

    from wiresift.stories.board import number

    story_id = detail.story.id
    out: list[Any] = []
    for k in detail.claims:
        mentions = [m for m in k.mentions if m.doc_id in exported]
        if not mentions:
            continue
        values = " → ".join(
            f"{number(m.value, m.qualifier)} ({m.site or m.doc_id}, {m.label})" for m in mentions
        )
        out.append(
            stix2.Note(
                id=sid("note", "story", story_id, k.id),
                abstract=f"tracked claim: {k.counted}",
                content=f"{k.counted}: {values}",
                object_refs=[sid("note", m.doc_id, m.claim_id) for m in mentions],
                created_by_ref=author_ref,
                x_wiresift_tracked_claim={"id": k.id, "first_doc_id": k.first_doc_id, "claimants": k.claimants,
                                          "mentions": [asdict(m) for m in mentions]},
                allow_custom=True,
            )
        )  # fmt: skip
    for q in detail.quotes:
        quoted = [m for m in q.mentions if m.doc_id in exported]
        if not quoted:
            continue
        out.append(
            stix2.Note(
                id=sid("note", "story", story_id, q.id),
                abstract=f"tracked quote by {q.speaker or 'unknown speaker'}",
                content=q.text,
                authors=[q.speaker] if q.speaker else None,
                object_refs=[sid("note", m.doc_id, m.quote_id) for m in quoted],
                created_by_ref=author_ref,
                x_wiresift_tracked_quote={"id": q.id, "mentions": [asdict(m) for m in quoted]},
                allow_custom=True,
            )
        )
    try:
        published = datetime.fromisoformat((detail.story.first_published or "")[:10]).replace(tzinfo=UTC)
    except ValueError:
        published = datetime(2026, 1, 1, tzinfo=UTC)
    articles = [sid("report", a.doc_id) for a in detail.articles if a.doc_id in exported]
    out.append(
        stix2.Report(
            id=sid("report", "story", story_id),
            name=detail.story.title or story_id,
            published=published,
            report_types=["threat-report"],
            description=f"{detail.story.articles} articles from {detail.story.outlets} outlets, "
            f"{detail.story.first_published or '?'} to {detail.story.last_published or '?'}",
            object_refs=articles + [o.id for o in out],
            created_by_ref=author_ref,
            x_wiresift_story_id=story_id,
            allow_custom=True,
        )
    )
    return out
