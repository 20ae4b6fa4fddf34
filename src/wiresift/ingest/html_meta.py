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
# Pieces of a web address, also after a reader title-cased it ("Www Example Com"): never a person's name.
URL_PIECE = re.compile(
    r"://|\bwww\b|\w\.(?:com|org|net|co|gov|edu|info|news|io)\b|[\w.-]+/[\w.-]+|@"
    r"|\b(?:com|org|net|co uk|html?|php)\s*$",
    re.IGNORECASE,
)
SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|:\s+")  # "Outlet | Slogan", "Outlet - slogan", "Outlet: slogan"
SITE_MAX_WORDS = 6  # a longer "site name" is a slogan or a title


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


def _fold(text: str | None) -> str:
    """Lower case, letters and digits only, without a leading "www"/"the" and a domain ending."""
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", (text or "").lower())
    text = re.sub(r"\.(?:com|org|net|co|gov|edu|info|news|io)(?:\.[a-z]{2})?(?:/.*)?$", "", text)
    return re.sub(r"^the", "", re.sub(r"[\W_]+", "", text))


def host(url: str | None) -> str | None:
    match = re.match(r"^(?:https?://)?([^/?#:]+)", url or "")
    return match.group(1).lower() if match and "." in match.group(1) else None


def is_person(name: str, site: str | None = None, url: str | None = None) -> bool:
    """False for what readers put in author fields but is no person: a web address (also title-cased,
    "Www Example Com"), a handle, or the outlet itself."""
    if URL_PIECE.search(name) or not re.search(r"[^\W\d_]", name):
        return False
    folded = _fold(name)
    return not folded or folded not in {_fold(site), _fold(host(url))}


def split_authors(raw: str | None, site: str | None = None, url: str | None = None) -> list[str]:
    """``"Jane Doe; John Roe"`` / ``"Jane Doe and John Roe"`` -> names, without a leading "By";
    web addresses and the outlet's own name are refused (``is_person``)."""
    names = []
    for part in AUTHOR_SPLIT.split(_norm(raw)):
        part = re.sub(r"^(by|von|par|por)\s+", "", part, flags=re.IGNORECASE).strip(" ,")
        if part and is_person(part, site, url):
            names.append(part)
    return _unique(names)


def _jsonld_items(tree: HtmlElement) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                stack += graph if isinstance(graph, list) else []
    return items


def _site_part(name: str, url: str | None) -> str | None:
    """The outlet's name out of a site-name field: the part of "Outlet | Slogan" that matches the host,
    else the first part; None when it is an address or too long to be a name."""
    parts = [p.strip() for p in SITE_SEPARATOR.split(_norm(name)) if p.strip()]
    folded_host = _fold(host(url))
    if folded_host and len(parts) > 1:
        parts.sort(key=lambda p: not (_fold(p) and (_fold(p) in folded_host or folded_host in _fold(p))))
    if not parts or URL_PIECE.search(parts[0]) or len(parts[0].split()) > SITE_MAX_WORDS:
        return None
    return parts[0].lstrip("@")


def jsonld_authors(tree: HtmlElement) -> list[str]:
    """Names of the ``author`` entries of the page's JSON-LD (persons or plain strings)."""
    names = []
    for item in _jsonld_items(tree):
        authors = item.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            name = author.get("name") if isinstance(author, dict) else author
            if isinstance(name, str):
                names.append(name)
    return names


def site_name(tree: HtmlElement, found: str | None, url: str | None) -> str | None:
    """The outlet: the reader's pick (og:site_name, the JSON-LD publisher, publisher meta tags), the
    JSON-LD publisher, og:site_name, application-name, then the host name. Each is cut to the part of
    "Outlet | Slogan" that names the outlet, and addresses are refused. When two of them
    name the same outlet, the spelled-out form wins ("The Hill" over "TheHill", "USA TODAY" over
    "usatoday")."""
    candidates = [found or ""]
    for item in _jsonld_items(tree):
        publisher = item.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            candidates.append(str(publisher["name"]))
    candidates += [str(v) for v in tree.xpath("//meta[@property='og:site_name']/@content")]
    candidates += [
        str(v)
        for v in tree.xpath("//meta[@name='application-name' or @name='apple-mobile-web-app-title']/@content")
    ]
    names = [n for n in (_site_part(c, url) for c in candidates if c.strip()) if n]
    if not names:
        web_host = host(url)
        return web_host.removeprefix("www.") if web_host else None
    spelled = [n for n in names if _fold(n) == _fold(names[0]) and " " in n]
    return spelled[0] if " " not in names[0] and spelled else names[0]


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
    meta.url = url or found.url
    meta.site = site_name(tree, _norm(found.sitename) or None, meta.url)
    meta.published = found.date if found.date and DATE.match(found.date) else None
    meta.authors = split_authors(found.author, meta.site, meta.url)
    if not meta.authors:  # the reader's pick was an address or the outlet: the JSON-LD may name people
        meta.authors = split_authors("; ".join(jsonld_authors(tree)), meta.site, meta.url)
    meta.tags = _unique([*meta.tags, *(found.tags or []), *(found.categories or [])])
    meta.related = related_links(tree, meta.url)  # the page's own canonical url resolves relative links
    return meta
