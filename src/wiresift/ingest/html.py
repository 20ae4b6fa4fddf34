"""HTML page -> Document: the clean body (``html_body``) and the page's metadata (``html_meta``).

    doc = from_html(page, url="https://example.org/news/1")

Huge pages are first stripped of scripts, styles, comments and inline data URIs (what makes most of
them huge), then cut at ``MAX_HTML_CHARS`` with a note in ``doc.errors``, so no page can stall a batch.
"""

from __future__ import annotations

import logging
import re

from wiresift.ingest import IngestFailure
from wiresift.ingest.html_body import body_from_tree, parse
from wiresift.ingest.html_meta import read_metadata
from wiresift.model import Document

__all__ = ["MAX_HTML_CHARS", "extract_body", "from_html"]

LOGGER = logging.getLogger(__name__)

# Above this size a page is slimmed first: the largest dev-set pages are ~1.5 MB, 215 kB once slimmed.
SLIM_ABOVE = 1_000_000
# After slimming, markup beyond this is cut: ~3x the largest slimmed dev page (215 kB), and a few
# seconds for the extractors on pathological tag soup (their cost grows with the element count).
MAX_HTML_CHARS = 600_000
# (start, end) markers of the parts that make huge pages huge but hold no article text.
_HEAVY = (("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"), ("<svg", "</svg>"))
_DATA_URI = re.compile(r"data:[\w/+.-]{1,100};base64,[\w+/=]+")


def _strip_heavy(html: str) -> str:
    """Drop scripts (but JSON-LD, which carries authors and dates), styles, comments, inline SVG and
    data URIs, in one linear scan: an unclosed tag drops the rest of the page instead of rescanning."""
    lower = html.lower()
    kept, pos = [], 0
    nxt = {start: lower.find(start) for start, _ in _HEAVY}  # next hit per marker, -1 when none is left
    while True:
        for start, _ in _HEAVY:
            if 0 <= nxt[start] < pos:
                nxt[start] = lower.find(start, pos)
        hits = [(nxt[start], start, end) for start, end in _HEAVY if nxt[start] >= 0]
        if not hits:
            kept.append(html[pos:])
            break
        i, start, end = min(hits)
        close = lower.find(end, i + len(start))
        stop = len(html) if close < 0 else close + len(end)
        head_end = lower.find(">", i, stop)
        if start == "<script" and "ld+json" in lower[i : head_end if head_end >= 0 else stop]:
            kept.append(html[pos:stop])
        else:
            kept.append(html[pos:i])
            kept.append(" ")
        pos = stop
        if close < 0:
            break
    return _DATA_URI.sub(" ", "".join(kept))


def slim(html: str, source: str | None = None) -> tuple[str, str | None]:
    """The page without heavy non-text parts when it is huge, and a note when it had to be cut.

    The note goes into ``Document.errors`` (stored with the document's source); the log line names
    ``source`` too, so a warning printed while reading many files says which page was cut.
    """
    if len(html) <= SLIM_ABOVE:
        return html, None
    html = _strip_heavy(html)
    if len(html) <= MAX_HTML_CHARS:
        return html, None
    note = f"ingest: page cut to its first {MAX_HTML_CHARS:,} characters of markup (was {len(html):,})"
    LOGGER.warning("%s: %s", source or "HTML page", note.removeprefix("ingest: "))
    return html[:MAX_HTML_CHARS], note


def extract_body(html: str, url: str | None = None) -> str:
    """Clean body text of an HTML page ("" when nothing looks like an article); huge pages slimmed first."""
    tree = parse(slim(html)[0]) if html and html.strip() else None
    return body_from_tree(tree, url) if tree is not None else ""


def from_html(html: str, *, source: str | None = None, url: str | None = None) -> Document:
    """A Document from one HTML page; raises ``IngestFailure`` when the page holds no article text."""
    # Causes never repeat the source: the caller's error line (``IngestError.line``) names it once.
    if not html or not html.strip():
        raise IngestFailure("empty page (no HTML at all)")
    html, note = slim(html, source or url)
    tree = parse(html)
    if tree is None:
        raise IngestFailure("not HTML (the parser found no document in it)")
    meta = read_metadata(tree, url)
    text = body_from_tree(tree, url or meta.url)
    if not text.strip():
        raise IngestFailure("no article text found (the page is all navigation, links or script)")
    doc = Document(
        source=source or url,
        url=url or meta.url,
        site=meta.site,
        title=meta.title,
        published=meta.published,
        authors=meta.authors,
        language=meta.language,
        text=text,
        captions=meta.captions,
        tags=meta.tags,
        related=meta.related,
        format="html",
        errors=[note] if note else [],
    )
    return doc.finalize()
