"""Page metadata: title, site, publication date, authors, tags, captions, language, related links.

Title, site, authors and tags come from trafilatura's metadata reader (meta tags, JSON-LD, bylines);
the date from htmldate through it, restricted to markup (``extensive_search`` off) so that a date
mentioned in the body is never taken for the publication date.
"""

from __future__ import annotations

import json
import logging
import re
from copy import copy
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from wiresift.ingest.html_clean import related_links
from wiresift.model import Related

LOGGER = logging.getLogger(__name__)

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)
CAPTION_XPATH = "//figcaption|//*[contains(@class, 'caption') or contains(@class, 'Caption')]"
CAPTION_MAX_CHARS = 600  # longer "captions" are body blocks that borrowed a caption class
AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")


@dataclass
class PageMeta:
    """What a page says about itself, beside its body text."""

    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    language: str | None = None


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = _norm(item).strip(" ,;|")
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def split_authors(raw: str | None) -> list[str]:
    """``"Jane Doe; John Roe"`` / ``"Jane Doe and John Roe"`` -> names, without a leading "By"."""
    names = []
    for part in AUTHOR_SPLIT.split(_norm(raw)):
        part = re.sub(r"^(by|von|par|por)\s+", "", part, flags=re.IGNORECASE).strip(" ,")
        if part:
            names.append(part)
    return _unique(names)


def captions(tree: HtmlElement) -> list[str]:
    """Texts of figure captions (``figcaption`` and elements with a caption class), in page order."""
    found = []
    for el in tree.xpath(CAPTION_XPATH):
        text = _norm(el.text_content())
        if text and len(text) <= CAPTION_MAX_CHARS:
            found.append(text)
    # a caption class on both a wrapper and its text gives nested copies: keep the innermost
    return _unique([c for c in found if not any(c != o and o in c for o in found)])


def language(tree: HtmlElement) -> str | None:
    """The declared language (``<html lang>``, content-language or og:locale) as a lowercase code."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath(
        "//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content"
    )
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        match = LANG.match(_norm(str(value))) if value else None
        if match:
            return match.group(1).lower()
    return None


def page_tags(tree: HtmlElement) -> list[str]:
    """Tags the page declares: article:tag, rel=tag links, news_keywords/keywords meta and JSON-LD keywords."""
    found = [str(t) for t in tree.xpath("//meta[@property='article:tag']/@content|//a[@rel='tag']//text()")]
    keywords = tree.xpath("//meta[@name='news_keywords' or @name='keywords']/@content")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            value = item.get("keywords") if isinstance(item, dict) else None
            keywords += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    for value in keywords:
        found += str(value).split(",")
    return _unique(found)


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """All metadata of a parsed page; fields the page does not state stay None or empty."""
    meta = PageMeta(url=url, captions=captions(tree), language=language(tree), tags=page_tags(tree))
    try:
        found = extract_metadata(copy(tree), url, set_date_params(extensive=False))
    except Exception as err:  # a metadata bug must not cost the article its body
        LOGGER.warning("metadata extraction failed for %s: %s", url, err)
        meta.related = related_links(tree, url)
        return meta
    meta.title = _norm(found.title) or None
    meta.site = _norm(found.sitename) or None
    meta.url = url or found.url
    meta.published = found.date if found.date and DATE.match(found.date) else None
    meta.authors = split_authors(found.author)
    meta.tags = _unique([*meta.tags, *(found.tags or []), *(found.categories or [])])
    meta.related = related_links(tree, meta.url)  # the page's own canonical url resolves relative links
    return meta
