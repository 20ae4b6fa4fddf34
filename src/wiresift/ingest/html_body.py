"""Article-body extraction: trafilatura (precision mode) and readability, the better one chosen per page.

Both extractors run on one parsed tree. trafilatura's precision mode is the most precise single tool
on the dev set but sometimes latches onto a teaser or keeps a trailing box; readability is rougher
but finds the main block when trafilatura misses it. ``choose`` keeps trafilatura's text unless the
shingle overlap of the two says readability is the better guess. Measured in docs/extraction.md.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from copy import copy

import html_text
import trafilatura
from lxml.html import HtmlElement
from trafilatura.external import try_readability
from trafilatura.utils import load_html

from wiresift.ingest.html_clean import clean_lines, headlines, prune_tree
from wiresift.ingest.tail import ends_sentence, link_share, trim_tail

LOGGER = logging.getLogger(__name__)

# Selection thresholds, calibrated as a set on the dev set (F1 moved < 0.001 for MIN 500-800,
# COVERED 0.85-0.95): don't tune one value in isolation.
SHORT_BODY = 500  # chars: a shorter precision-mode body is usually a teaser or a caption...
LONGER_RATIO = 1.5  # ...when readability finds this much more text
CONTAINED = 0.98  # readability's text lies (almost) entirely inside trafilatura's...
COVERED = 0.9  # ...and still covers this share of it: the rest is a trailing box, drop it

CONTINUED = 0.5  # a readability paragraph with this share of its 4-grams in trafilatura's text is shared
PROSE_CHARS = 40  # a continuation paragraph is at least this long and ends a sentence
LINKED_SHARE = 0.5  # readability output with at least this share of its text inside links is navigation
_TOKEN = re.compile(r"\w+")
SHINGLE = 4  # word 4-grams: long enough that shared shingles mean shared sentences


def parse(html: str) -> HtmlElement | None:
    """The lxml tree of a page (fragments are wrapped in a body first); None when it is not HTML."""
    if "<html" not in html[:4096].lower() and "<body" not in html[:4096].lower():
        html = f"<html><body>{html}</body></html>"
    try:
        return load_html(html)
    except (ValueError, TypeError) as err:  # lxml rejects some control characters and NUL-only input
        LOGGER.debug("unparseable html: %s", err)
        return None


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def containment(inner: str, outer: str) -> float:
    """Share of ``inner``'s word 4-grams that also occur in ``outer`` (0.0 for an empty ``inner``)."""
    a = _shingles(inner)
    total = sum(a.values())
    return sum((a & _shingles(outer)).values()) / total if total else 0.0


def choose(precise: str, generic: str) -> str:
    """trafilatura's text, unless readability's is clearly the better guess (see the thresholds)."""
    if not precise.strip():
        return generic
    if len(precise) < SHORT_BODY and len(generic) > LONGER_RATIO * len(precise):
        return generic
    p, g = _shingles(precise), _shingles(generic)
    shared = sum((p & g).values())
    g_total, p_total = sum(g.values()), sum(p.values())
    if shared >= CONTAINED * g_total and shared >= COVERED * p_total:
        return generic
    return precise


def continue_with(precise: str, generic: str, anchors: set[str]) -> str:
    """trafilatura's text plus the prose paragraphs readability finds right after its last one.

    Precision mode drops trailing paragraphs that carry links ("the pier opened in <a>1911</a>"), which
    on link-rich pages can be most of the story. Readability keeps them. Paragraphs that follow the
    last shared one are added while they read as prose (long, ending a sentence, mostly not links);
    the first that does not stops it (a byline, a "Comments" heading). Chrome that gets through is
    left to ``trim_tail``.
    """
    ours, theirs = precise.splitlines(), [p for p in generic.splitlines() if p.strip()]
    ours_shingles = _shingles(precise)
    last = -1
    for i, para in enumerate(theirs):
        own = _shingles(para)
        if sum((own & ours_shingles).values()) >= CONTINUED * sum(own.values()):
            last = i
    if last < 0:
        return precise
    extra = []
    for para in theirs[last + 1 :]:
        para = " ".join(para.split())
        if len(para) < PROSE_CHARS or not ends_sentence(para) or link_share(para, anchors) >= LINKED_SHARE:
            break
        extra.append(para)
    return "\n".join([*ours, *extra])


def trafilatura_text(tree: HtmlElement, url: str | None) -> str:
    """trafilatura precision mode without its own fallbacks (we run readability ourselves)."""
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, fast=True, favor_precision=True, include_comments=False, include_tables=True
        )
    except Exception as err:  # a trafilatura bug on odd markup must leave readability's candidate usable
        LOGGER.warning("trafilatura failed on %s: %s", url, err)
        return ""
    text = getattr(doc, "text", None) if doc is not None else None
    return text or ""


def readability_text(tree: HtmlElement, *, consume: bool = False) -> str:
    """Readability's main block, as text with paragraph breaks (``consume``: the tree may be mangled)."""
    summary = try_readability(tree if consume else copy(tree))
    if summary is None or not len(summary):
        return ""
    text = html_text.extract_text(summary) or ""
    linked = sum(len("".join(a.itertext()).strip()) for a in summary.iter("a"))
    if linked >= LINKED_SHARE * len("".join(text.split())):  # a menu or a list of links, not an article
        return ""
    return text


def anchor_texts(tree: HtmlElement) -> set[str]:
    """Normalised texts of the page's links (to measure how much of a paragraph is links)."""
    return {" ".join(t.split()) for t in (a.text_content() for a in tree.iter("a")) if t and t.strip()}


def untrimmed_body(tree: HtmlElement, url: str | None = None) -> tuple[str, set[str], str, str]:
    """The chosen body before the tail is trimmed, the page's link texts, and both candidates."""
    headline = headlines(tree)
    tree = prune_tree(copy(tree))
    anchors = anchor_texts(tree)
    precise = trafilatura_text(tree, url)  # works on its own copy
    generic = readability_text(tree, consume=True)  # last user of the pruned copy
    chosen = choose(precise, generic)
    if chosen is precise and generic:
        chosen = continue_with(precise, generic, anchors)
    return clean_lines(chosen, headline), anchors, precise, generic


def body_from_tree(tree: HtmlElement, url: str | None = None) -> str:
    """Clean body text of a parsed page: paragraphs joined by blank lines, boilerplate lines and the
    trailing chrome (bios, subscription and contact lines, ...) dropped."""
    text, anchors, _, _ = untrimmed_body(tree, url)
    return trim_tail(text, anchors)
