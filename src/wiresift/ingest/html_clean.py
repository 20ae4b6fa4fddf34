"""Boilerplate around an article: related-story boxes, "Read more" lines, banners, and body line cleanup.

``related_blocks`` finds the boxes (by a heading such as "Related" or "Also read", by class/id, or
by an inline "Read more: <a>" paragraph); ``prune_tree`` removes them and cookie/newsletter/share
widgets before extraction; ``clean_lines`` drops the boilerplate lines that survive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate
from typing import Any
from urllib.parse import urljoin

from lxml.etree import XPath
from lxml.html import HtmlElement

from wiresift.model import Related

# Headings that introduce a list of other articles, matched on the whole (short) heading text.
RELATED_HEADING = re.compile(
    r"^\W*(related( (articles?|stories|news|content|coverage|posts?|reading|links?|topics?))?"
    r"|(read|see) (more|also)|also (read|see)|more (stories|news|articles|coverage|on this story|from \w+)"
    r"|recommended( (for you|stories|articles|reading))?|you (may|might) also (like|be interested in)"
    r"|further reading|don't miss|most (read|popular|viewed)|trending( now)?|latest (news|stories))\W*$",
    re.IGNORECASE,
)
# Inline lead-ins of a one-line link to another story ("Also read: Title").
RELATED_LEADIN = re.compile(
    r"^\W*(related|read more|read also|also read|see also|more|read|watch|listen|recommended)\s*[:|»>-]\s*\S",
    re.IGNORECASE,
)
# class/id words of widgets that are never article text, matched where a class token starts
# ("recommended", "cookies", "newsletter-box", "read-more"; not "bookshare" or "subscriber-only").
_TOKEN_START = r"(?<![a-z0-9])"  # patterns run on lowercased text, without IGNORECASE (8x faster)
RELATED_ATTR = re.compile(
    _TOKEN_START + r"(?:related|recommend|outbrain|taboola|trending|read[\s_-]?more|more[\s_-]stories"
    r"|also[\s_-]?read|most[\s_-](?:popular|read))"
)
WIDGET_ATTR = re.compile(
    _TOKEN_START
    + r"(?:cookie|consent|gdpr|newsletter|subscribe(?!r)|subscription|share(?![a-z])|sharing|social"
    r"|paywall|promo|sign[\s_-]?up)"
)
_ATTR_NODES = XPath("//@class|//@id")


def _owners(strings: list[str], pattern: re.Pattern[str]) -> list[HtmlElement]:
    """Owners (attributes) or holders (text) of the strings ``pattern`` finds, in document order.

    One regex pass over all strings joined, instead of one Python call per node: pages hold
    tens of thousands of nodes and this runs on every page.
    """
    lowered = [x.lower() for x in strings]
    joined = "\x00".join(lowered)
    ends = list(accumulate(len(x) + 1 for x in lowered))
    picked = sorted({bisect_right(ends, m.start()) for m in pattern.finditer(joined)})
    owners: dict[HtmlElement, None] = {}
    for i in picked:
        node = strings[i]
        el = node.getparent()  # type: ignore[attr-defined]
        if el is not None and getattr(node, "is_tail", False):
            el = el.getparent()
        if el is not None and isinstance(el.tag, str):
            owners[el] = None
    return list(owners)


# Cheap pre-filter on text nodes: every RELATED_HEADING / RELATED_LEADIN match contains one of these.
HEADING_HINT = re.compile(
    r"related|read|see|also|more|recommend|like|interest|further|miss|popular|viewed|trending|latest|watch|listen"
)
_TEXT_NODES = XPath(f"//text()[normalize-space()][string-length() <= {4 * 60}]")  # 4x HEADING_MAX_CHARS

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "span", "div", "header", "legend")
# Inline tags are never removed for their class: an entity link styled "related-topic" inside a
# sentence is part of the sentence.
INLINE = frozenset(
    {"a", "span", "strong", "em", "b", "i", "u", "small", "abbr", "cite", "time", "mark", "sup", "sub"}
)
HEADING_MAX_CHARS = 60  # a heading longer than this is prose, not a box label
WIDGET_MAX_CHARS = 600  # class-matched widgets with more text than this might be the article: keep
LINK_DENSE = 0.5  # share of a box's text inside links above which it is a list of links
MIN_TITLE_CHARS = 15  # shorter anchor texts are "Politics", "More", "Next": not article titles

BOILERPLATE_LINE = re.compile(
    r"^\W*(advertisement|advert|sponsored( content)?|story continues below( advertisement)?"
    r"|continue reading( below)?|share (this|on) \w+|share this( article| story)?|click (here )?to share.*"
    r"|(sign up|subscribe)\b.{0,80}\bnewsletter.*|follow us on .{0,60}|we use cookies.*"
    r"|this (site|website) uses cookies.*|accept( all)? cookies|text size|print|e-?mail|\d* ?comments?"
    r"|please enable javascript.*|see more (photos|images|pictures)|tell us what you think.*"
    r"|(if you )?(like|liked|enjoyed|enjoy) this (story|article)\b.*|have a tip\b.*"
    r"|tags?|topics?|video|photos?|gallery|\d+ min(ute)?s? read|reading time\b.*)\W*$",
    re.IGNORECASE,
)
# Short sign-off lines: tag lists, "Follow her on Twitter", "Write to X at x@example.com", newsletter
# pitches, wire-service credits ("Reporting by ...; Editing by ...", "... contributed to this report").
SIGNOFF_LINE = re.compile(
    r"^\W*((tags?|topics?|categories|filed under|disclaimer)\s*:"
    r"|(follow|email|e-mail|write to|contact|reach) .{0,80}\b(twitter|facebook|instagram|linkedin|@|e-?mail|https?:)"
    r"|((additional )?reporting|writing|editing|compiled) by\b"
    r"|(updated|published|posted|last modified)\b(?=.*\d).{0,50}$)"  # with a date or time in it
    r"|\b(sign up|subscribe)\b.{0,100}\bnewsletters?\b"
    r"|\bcontributed to this (report|story|article)\W*$",
    re.IGNORECASE,
)
# A line that is only a date and a time ("Monday, 4 March 2024, 16:05 GMT"): a dateline, not prose.
DATELINE = re.compile(r"^(?=.*\b(19|20)\d\d\b)(?=.*\b\d{1,2}[:h]\d\d\b)[^.!?]{0,70}$")
DATELINE_MAX_WORDS = 9
SIGNOFF_MAX_CHARS = 300  # longer lines are prose that happens to mention Twitter or a newsletter


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _link_share(el: HtmlElement) -> float:
    total = len(_text(el))
    if not total:
        return 0.0
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked / total


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _short_text(el: HtmlElement, limit: int) -> str | None:
    """The element's normalised text when it has at most ``limit`` chars; None (cheaply) when longer."""
    parts, raw = [], 0
    for piece in el.itertext():
        raw += len(piece)
        if raw > 4 * limit:  # whitespace-padded markup still gets a generous allowance
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def _is_heading(el: HtmlElement) -> bool:
    if el.tag not in HEADINGS or len(el) > 2:
        return False
    text = _short_text(el, HEADING_MAX_CHARS)
    return bool(text) and RELATED_HEADING.match(text or "") is not None


def _box_of_heading(head: HtmlElement) -> HtmlElement | None:
    """The element holding the links a related heading introduces: a link-dense parent or next sibling."""
    nxt = head.getnext()
    if nxt is not None and nxt.find(".//a") is not None and _link_share(nxt) >= LINK_DENSE:
        return nxt
    parent = head.getparent()
    for box in (parent, parent.getparent() if parent is not None else None):
        if box is None or box.tag in ("body", "html", "article", "main"):
            return None
        rest = len(_text(box)) - len(_text(head))
        if rest > 0 and box.find(".//a") is not None and _link_share(box) >= LINK_DENSE:
            return box
    return None


def _candidates(tree: HtmlElement, attrs: list[str]) -> list[HtmlElement]:
    """Elements worth a closer look, in document order: owners of short text mentioning a related-box
    word (found by a regex over text nodes, far cheaper than measuring every element's text) and
    elements whose class/id names a related widget."""
    found: dict[HtmlElement, None] = {}
    for el in _owners(_TEXT_NODES(tree), HEADING_HINT):
        for _ in range(3):  # the text may sit in an <a>/<span> inside the heading
            if el is None or not isinstance(el.tag, str):
                break
            found[el] = None
            el = el.getparent()
    for el in _owners(attrs, RELATED_ATTR):
        found[el] = None
    return list(found)


def related_blocks(tree: HtmlElement, attrs: list[str] | None = None) -> Iterator[HtmlElement]:
    """Boxes and paragraphs that point to other articles, each yielded once (``attrs``: the page's
    class and id values, when the caller already has them)."""
    seen: set[HtmlElement] = set()

    def fresh(el: HtmlElement) -> bool:
        if el in seen or any(a in seen for a in el.iterancestors()):
            return False
        seen.add(el)
        return True

    for el in _candidates(tree, _ATTR_NODES(tree) if attrs is None else attrs):
        if el.tag in ("html", "body", "article", "main"):
            continue
        if _is_heading(el):
            box = _box_of_heading(el)
            if box is not None and fresh(box):
                yield box
                if box is el.getnext() and fresh(el):
                    yield el
        elif el.tag not in INLINE and RELATED_ATTR.search(_attrs(el).lower()):
            if el.find(".//a") is not None and _link_share(el) >= LINK_DENSE and fresh(el):
                yield el
        elif (
            el.tag == "p"
            and el.find(".//a") is not None
            and RELATED_LEADIN.match(_text(el))
            and _link_share(el) >= LINK_DENSE
            and fresh(el)
        ):
            yield el


def related_links(tree: HtmlElement, url: str | None = None) -> list[Related]:
    """Titles and absolute urls of the articles listed in related boxes, in page order, deduplicated."""
    found: list[Related] = []
    seen: set[str] = set()
    for box in related_blocks(tree):
        for a in box.iter("a"):
            title = _text(a)
            href = (a.get("href") or "").strip() or None
            if len(title) < MIN_TITLE_CHARS or title.lower() in seen:
                continue
            if href and (href.startswith("#") or href.lower().startswith("javascript:")):
                continue
            seen.add(title.lower())
            found.append(Related(title=title, url=urljoin(url, href) if url and href else href))
    return found


def _drop(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():  # keep the text that follows the element
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


BODYISH_CLASS = re.compile(r"body|content|article|story|text|chunk|entry|post", re.IGNORECASE)
# ...but never reader comments, teasers or cards, which repeat a class by design
NOT_BODY_CLASS = re.compile(
    r"comment|reply|respon|forum|review|teaser|card|promo|related|sidebar", re.IGNORECASE
)
PROSE_CHARS = 80  # a paragraph this long is running text, not a teaser line or a caption
SPLIT_MIN_PROSE = 2  # each chunk of a split body holds at least this many prose paragraphs


def _prose_paragraphs(el: HtmlElement) -> int:
    return sum(1 for p in el.iter("p") if len(p.text_content().strip()) >= PROSE_CHARS)


def merge_split_body(tree: HtmlElement, attrs: list[str] | None = None) -> HtmlElement:
    """Join an article body that the page splits into sibling chunks (ads between them) into the first chunk.

    Extractors pick one container and lose the rest; chunks are recognised as non-nested elements with the
    same body-like class, each with several prose paragraphs (teaser lists have one line per item).
    """
    nodes: list[Any] = _ATTR_NODES(tree) if attrs is None else attrs  # lxml smart strings
    classes = [a for a in nodes if a.attrname == "class"]
    counts = Counter(str(c) for c in classes)
    groups: dict[str, list[HtmlElement]] = {}
    for cls in classes:  # only repeated body-like classes get an element proxy (they are costly)
        if counts[cls] < 2 or not BODYISH_CLASS.search(cls) or NOT_BODY_CLASS.search(cls):
            continue
        if (el := cls.getparent()).tag in ("div", "section"):
            groups.setdefault(str(cls), []).append(el)
    for chunks in groups.values():
        members = set(chunks)
        top = [c for c in chunks if not any(a in members for a in c.iterancestors())]
        root = tree.getroottree().getroot()  # chunks inside boxes pruned above are detached: skip them
        top = [
            c for c in top if c.getroottree().getroot() is root and _prose_paragraphs(c) >= SPLIT_MIN_PROSE
        ]
        if len(top) < 2:
            continue
        first = top[0]
        for chunk in top[1:]:
            for child in list(chunk):
                first.append(child)
            _drop(chunk)
    return tree


LIST_ITEM_LINKED = 0.8  # a list item with this share of its text in a link is a pointer, not content
INTRO_MAX_CHARS = 80  # a short line right before such a list is its label ("More from the series:")


def link_lists(tree: HtmlElement) -> list[HtmlElement]:
    """Lists whose every item is a link (to other stories), with the short label line right before them."""
    found = []
    for lst in tree.iter("ul", "ol"):
        items = [li for li in lst if li.tag == "li"]
        if len(items) < 2 or not all(li.find(".//a") is not None for li in items):
            continue
        if any(_link_share(li) < LIST_ITEM_LINKED for li in items):
            continue
        found.append(lst)
        label = lst.getprevious()
        if label is not None and label.tag in HEADINGS and label.find(".//a") is None:
            text = _short_text(label, INTRO_MAX_CHARS)
            if text and text[-1] not in ".!?\"'”":
                found.append(label)
    return found


def prune_tree(tree: HtmlElement) -> HtmlElement:
    """Remove related boxes and short cookie/newsletter/share widgets, in place; returns the tree."""
    attrs = _ATTR_NODES(tree)
    doomed = list(related_blocks(tree, attrs))
    for el in _owners(attrs, WIDGET_ATTR):
        if (
            el.tag not in ("html", "body", "article", "main")
            and el.tag not in INLINE
            and _short_text(el, WIDGET_MAX_CHARS) is not None
        ):
            doomed.append(el)
    doomed += link_lists(tree)
    for el in doomed:
        _drop(el)
    return merge_split_body(tree, attrs)


def headlines(tree: HtmlElement) -> set[str]:
    """Casefolded page headlines (``<h1>``, og:title, ``<title>``): the body must not start with one."""
    found = [h1.text_content() for h1 in tree.iter("h1")]
    found += tree.xpath("//meta[@property='og:title']/@content|//title/text()")
    return {" ".join(str(t).split()).casefold() for t in found if str(t).strip()}


def clean_lines(text: str, headline: set[str] | None = None) -> str:
    """Paragraphs with inner whitespace collapsed, boilerplate lines dropped, joined by blank lines.

    A first line equal to the headline is dropped too: the title is metadata, not body text.
    """
    out: list[str] = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or BOILERPLATE_LINE.match(line):
            continue
        if len(line) <= SIGNOFF_MAX_CHARS and SIGNOFF_LINE.search(line):
            continue
        if DATELINE.match(line) and len(line.split()) <= DATELINE_MAX_WORDS:
            continue
        if RELATED_LEADIN.match(line) and len(line) < 200 and line.rstrip()[-1:] not in ".!?\"'”":
            continue
        if not out and headline and line.casefold() in headline:
            continue
        out.append(line)
    return "\n\n".join(out)
