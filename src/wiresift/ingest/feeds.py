"""RSS and Atom feeds (feedparser): one document per entry.

Body: the entry's full content (``content:encoded``, Atom ``content``) or else its summary. Long
HTML goes through ``from_html``; short fragments, and extractions that lost most of the text, are
flattened with html-text instead. Metadata: the feed entry wins (link, title, date, authors, tags,
channel title as site) because it is what the publisher declared; what ``from_html`` guessed from
the fragment only fills fields the entry leaves empty.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import html_text

from wiresift.ingest import IngestFailure
from wiresift.ingest.common import html_document, iso_date, normalise_newlines
from wiresift.model import Document, IngestError

#: Entries whose HTML flattens to fewer characters than this are summaries or teasers: a page
#: extractor tuned for whole pages tends to drop such short fragments, so they are flattened directly.
FULL_CONTENT_MIN_CHARS = 500

#: If ``from_html`` keeps less than this share of the flattened fragment, it cut real paragraphs
#: (feeds have no chrome to remove), so the flattened text is used instead.
MIN_KEPT_SHARE = 0.6

_RSS_AUTHOR = re.compile(r"\(([^()@]+)\)")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_feed(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """Every entry of an RSS/Atom feed as a document (``source#entry-N``, N from 1), or errors."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            cause = _one_line(parsed.get("bozo_exception"))
            yield IngestError(source=source, cause=f"malformed feed XML with no readable entries ({cause})")
        elif not parsed.get("version"):
            yield IngestError(
                source=source, cause="not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)"
            )
        else:
            yield IngestError(source=source, cause="feed has no entries")
        return
    site = (parsed.get("feed") or {}).get("title") or None
    malformed = (
        f" (the feed XML is malformed: {_one_line(parsed.get('bozo_exception'))})"
        if parsed.get("bozo")
        else ""
    )
    for n, entry in enumerate(entries, start=1):
        entry_source = f"{source}#entry-{n}"
        try:
            yield entry_document(entry, source=entry_source, site=site)
        except IngestFailure as exc:
            yield IngestError(source=entry_source, cause=f"{exc}{malformed}")


def entry_document(entry: Any, *, source: str, site: str | None = None) -> Document:
    """One feedparser entry as a document; raises :class:`IngestFailure` when it has no body."""
    body, is_html = _body(entry)
    if not body.strip():
        raise IngestFailure("feed entry has no content or summary")
    url = entry.get("link") or None
    if is_html:
        doc = _from_fragment(body, source=source, url=url, title=entry.get("title"))
    else:
        doc = Document(text=normalise_newlines(body).strip(), source=source)
    doc.source = source
    doc.format = "feed"
    doc.url = url or doc.url
    doc.title = entry.get("title") or doc.title
    doc.site = site or doc.site
    doc.published = _entry_date(entry) or doc.published
    doc.authors = _authors(entry) or doc.authors
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    doc.tags = list(dict.fromkeys([*tags, *doc.tags]))
    return doc.finalize()


def _entry_date(entry: Any) -> str | None:
    """The entry's date as the publisher wrote it (its own time zone), YYYY-MM-DD.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a story published at 01:00 in
    Astana (UTC+5) to the previous day; "on Thursday" in its text must anchor to the local date.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        date = iso_date(raw)
        if date is None:
            try:
                date = email.utils.parsedate_to_datetime(raw).date().isoformat()
            except (TypeError, ValueError, IndexError):
                date = iso_date(entry.get(f"{key}_parsed"))
        if date:
            return date
    return None


def _authors(entry: Any) -> list[str]:
    """Author names; RSS ``<author>`` is ``email (Name)``, which feedparser mis-splits, so parse it here."""
    raw = entry.get("author") or ""
    if "@" in raw:
        match = _RSS_AUTHOR.search(raw)
        return [match.group(1).strip()] if match else []
    names = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    return names or ([raw] if raw else [])


def _body(entry: Any) -> tuple[str, bool]:
    """The longest full-content block, else the summary, with whether it is HTML."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type", "text/html") in _HTML_TYPES
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type", "text/html") in _HTML_TYPES


def _from_fragment(fragment: str, *, source: str, url: str | None, title: str | None) -> Document:
    flat = normalise_newlines(html_text.extract_text(fragment, guess_layout=True)).strip()
    if len(flat) < FULL_CONTENT_MIN_CHARS:
        return Document(text=flat, source=source)
    page = (
        f"<html><head><title>{_escape(title or '')}</title></head>"
        f"<body><article>{fragment}</article></body></html>"
    )
    try:
        doc = html_document(page, source=source, url=url)
    except IngestFailure:
        return Document(text=flat, source=source)
    if len(doc.text) < MIN_KEPT_SHARE * len(flat):
        doc.text = flat
        doc.content_hash = doc.id = ""  # both were derived from the discarded text
    return doc


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _one_line(exc: object) -> str:
    text = " ".join(str(exc or "unknown parse error").split())
    return text[:200]
