"""Scraped plain text -> Document: separate site chrome and metadata lines from the article body.

The input is what a scraper saved from a page: site name, menus, share buttons, headline, captions,
tag lines, "Also Read" links, bylines and datelines around and inside the body. Each line is judged by
shape (``text_meta``), the body is the best-scoring contiguous block of lines (``text_block``), and
lines a ``BoilerplateModel`` learned for the site are treated as chrome. See docs/scraped-text.md.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from wiresift.ingest import IngestFailure
from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.text_block import find_body, is_barrier, is_chrome_phrase, is_prose, line_scores
from wiresift.ingest.text_dates import find_date
from wiresift.ingest.text_lines import Line, split_lines, stoplist_for
from wiresift.ingest.text_meta import (
    Kind,
    body_vocabulary,
    byline_names,
    caption_before_credit,
    classify,
    find_anchor,
    find_site,
    headline_before,
    is_bare_date,
    is_tag_line,
    page_title,
    related_item,
    strip_bullet,
    tag_prefix_values,
)
from wiresift.model import Document, Related

# How far around the body metadata lines are still read: bylines and dates sit just above it, related
# links and tag rows just below it; further away they belong to other stories on the page.
META_ABOVE = 25
META_BELOW = 12
# Short lines ("Share", "Video") repeat in any page; from this length a repeat means page furniture.
REPEAT_MIN_WORDS = 5
# A repeated question is an interview prompt, unless its copies are this close (a duplicated widget).
REPEAT_NEAR = 3
# A wire dateline opening the first paragraph: "NEW DELHI, Feb 10 (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40},\s*(?P<date>[^()]{3,40}?)\s*\([^)]{2,30}\)\s*[-–—]")


def from_text(
    raw: str,
    *,
    source: str | None = None,
    boilerplate: BoilerplateModel | None = None,
    site: str | None = None,
) -> Document:
    """Clean scraped page text into a Document (``format="text"``); IngestFailure when no body is found."""
    stops = stoplist_for(raw)
    lines = split_lines(raw, stops)
    if not lines:
        raise IngestFailure("empty text: nothing to ingest")
    learned = boilerplate.known(site, [x.text for x in lines]) if boilerplate and site else set()
    kinds = [classify(x) for x in lines]
    caption_before_credit(lines, kinds)
    repeated = _repeated(lines)
    non_body = [
        k is not None or x.index in learned or x.index in repeated for k, x in zip(kinds, lines, strict=True)
    ]
    prose = [is_prose(x) and not nb for x, nb in zip(lines, non_body, strict=True)]
    anchor = find_anchor(lines, prose)
    dates = [i for i, k in enumerate(kinds) if k is Kind.DATE and not lines[i].text.startswith("(")]
    inline = [k in (Kind.CAPTION, Kind.CREDIT, Kind.RELATED) for k in kinds]
    start, end = find_body(lines, line_scores(lines, non_body, inline), anchor, dates)
    if end <= start:
        raise IngestFailure(
            "no article body found: no run of sentence-like lines (a list, a table or a page without a story?)"
        )

    vocab = body_vocabulary([x.text for x, p in zip(lines[start:end], prose[start:end], strict=True) if p])
    body: list[str] = []
    tags: list[str] = []
    for line in lines[start:end]:
        if kinds[line.index] is Kind.DATE and is_bare_date(line):
            body.append(line.text)  # a section date of a timeline (blocks are cut at other date lines)
            continue
        if non_body[line.index] or is_chrome_phrase(line) or is_barrier(line):
            continue
        if is_tag_line(line, stops, vocab):
            tags.extend(strip_bullet(line.text).split())
            continue
        body.append(line.text)
    if not body:
        raise IngestFailure("no article body found: every candidate line was chrome or metadata")

    head = anchor if anchor is not None and anchor < start else headline_before(lines, kinds, start)
    title = lines[head].text if head is not None else page_title(lines[0])[0]
    zone = range(
        max(0, (head if head is not None else start) - META_ABOVE), min(len(lines), end + META_BELOW)
    )
    meta = _metadata(lines, kinds, zone, start, end)
    published = meta.published or _dateline_date(body[0], meta.year_hint)
    doc = Document(
        source=source,
        site=site or find_site(lines, head if head is not None else start, raw, title),
        title=title,
        published=published,
        authors=meta.authors,
        text="\n\n".join(body),
        captions=meta.captions,
        tags=_unique(tags + meta.tags),
        related=meta.related,
        format="text",
    )
    return doc.finalize()


class _Meta:
    def __init__(self) -> None:
        self.captions: list[str] = []
        self.related: list[Related] = []
        self.authors: list[str] = []
        self.tags: list[str] = []
        self.published: str | None = None
        self.year_hint: int | None = None


def _metadata(
    lines: Sequence[Line], kinds: Sequence[Kind | None], zone: range, start: int, end: int
) -> _Meta:
    meta = _Meta()
    for i in zone:
        kind, text = kinds[i], lines[i].text
        if kind is Kind.CAPTION and i < end:
            meta.captions.append(strip_bullet(text))
        elif kind is Kind.CREDIT and i < end:
            if i > 0 and kinds[i - 1] is Kind.CAPTION and meta.captions:
                meta.captions[-1] = f"{meta.captions[-1]} {text}"
            else:
                meta.captions.append(text)
        elif kind is Kind.RELATED:
            item = related_item(text)
            if item and item.title not in {r.title for r in meta.related}:
                meta.related.append(item)
        elif kind is Kind.BYLINE and i < end:
            meta.authors.extend(n for n in byline_names(text) if n not in meta.authors)
        elif kind is Kind.DATE and meta.published is None and i < start:
            meta.published = find_date(text)
        elif kind is Kind.TAGS:
            meta.tags.extend(tag_prefix_values(text))
    if meta.published:
        meta.year_hint = int(meta.published[:4])
    return meta


def _repeated(lines: Sequence[Line]) -> set[int]:
    """Lines printed more than once: gallery captions, teaser rails, duplicated widgets. Body paragraphs
    do not repeat, except the questions of a series of interviews, kept when their copies are spread out."""
    where: dict[str, list[int]] = {}
    for x in lines:
        if x.words >= REPEAT_MIN_WORDS:
            where.setdefault(x.text, []).append(x.index)
    out: set[int] = set()
    for idx in where.values():
        if len(idx) < 2:
            continue
        question = lines[idx[0]].text.endswith("?")
        if not question or any(b - a <= REPEAT_NEAR for a, b in itertools.pairwise(idx)):
            out.update(idx)
    return out


def _dateline_date(first_paragraph: str, year: int | None) -> str | None:
    m = _DATELINE.match(first_paragraph)
    return find_date(m.group("date"), year=year) if m else None


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if not (x.lower() in seen or seen.add(x.lower()))]  # type: ignore[func-returns-value]
