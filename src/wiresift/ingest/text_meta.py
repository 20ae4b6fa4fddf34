"""Recognise the non-body lines of a scraped article by shape: captions, related links, bylines,
date lines, tag lines, social-share widgets, and the site name and headline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import Enum

from wiresift.ingest.text_dates import find_date
from wiresift.ingest.text_lines import Line, words
from wiresift.model import Related


class Kind(Enum):
    CAPTION = "caption"
    RELATED = "related"
    BYLINE = "byline"
    DATE = "date"
    TAGS = "tags"
    SOCIAL = "social"
    BIO = "bio"
    CREDIT = "credit"


_BULLET = re.compile(r"^[\s•·*▪►»–—\-|>]+")
# Picture credits: a prefix ("Photo:", "Image credit:") or a trailing credit ("(Images courtesy: X)",
# "/ Reuters", "Credit... Jane Roe/Agency").
_CAPTION_PREFIX = re.compile(
    r"^(?:file\s+)?(?:photo(?:graph)?|image|picture|pic|caption|credit|illustration)s?"
    r"(?:\s*(?:credit|caption|copyright)\b\s*[:|]?|\s*[:|])|^(?:above|below|pictured|top|inset)\s*:",
    re.IGNORECASE,
)
# Gallery slides: "2 of 7 A farmer inspects ...", "Image 3 of 23".
_GALLERY = re.compile(
    r"^(?:(?:image|photo|slide|picture)\s+)?\d{1,3}\s*(?:of|/)\s*/?\s*\d{1,3}\b", re.IGNORECASE
)
# Wire-photo captions: "In this March 3, 2011, file photo, ..." / "This image released by ..." /
# "An artist's concept of ...".
_WIRE_CAPTION = re.compile(
    r"^(?:in\s+)?this\s+(?:[\w.,' -]{0,40}\s)?(?:file\s+)?"
    r"(?:photo(?:graph)?|image|picture|illustration|rendering|screenshot|video\s+grab|handout)\b"
    r"|^an?\s+artist'?s\s+(?:concept|illustration|impression|rendering)\b",
    re.IGNORECASE,
)
# "(Images courtesy: CSTO)", "(AP Photo/Jane Roe, File)", "(Photo by X)": a picture word plus a credit
# marker, so a sentence ending "(see photos below)." is not taken for a caption; or "(Outlet / Jane Roe)".
_CREDIT_PAREN = re.compile(
    r"\((?:[\w.&'-]+\s+){0,3}(?:images?|photos?|pictures?|pics?|video|file)\b\s*"
    r"(?:courtesy|credits?|source|via|by|[:/©]|,?\s*file\))[^)]{0,80}\)\s*\.?$|\(file(?:\s+photo)?\)\s*\.?$"
    r"|\((?:ap|afp|reuters|getty images|epa|ani|pti|ians)\)\s*\.?$"
    r"|\((?-i:(?:[A-Z][\w.&'-]*\s+){0,3}[A-Z][\w.&'-]*\s*/\s*(?:[A-Z][\w.&'-]*\s*){1,4})\)\s*\.?$",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(
    r"(?:\s[/|]\s*(?:[\w.&' -]{0,40}/\s*)?(?:reuters|ap|afp|getty images|epa|anadolu|xinhua|ians|pti|ani|"
    r"shutterstock|file)|\b(?:credit|photo|image)s?\s*(?:\.\.\.|…|:)\s*\S.{0,60}|©\s*[\w.&' /-]{2,60}"
    r"|(?<=[.!?])\s+(?-i:(?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*\s*/\s*(?:[A-Z][\w&'-]*\s*){1,3}))\s*\.?$",
    re.IGNORECASE,
)
# A credit alone on its line: "Lena Ortiz/Harbour Daily/Getty Images", "K. Mara Devlin / AP file".
_CREDIT_LINE = re.compile(
    r"^[^.!?]{0,80}/\s*(?:getty images|ap|afp|reuters|epa|shutterstock|bloomberg)(?:\s+file)?\s*$",
    re.IGNORECASE,
)
# The author's one-line biography closing many articles: "Jane Roe is a reporter for Example News."
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was|has been) (?:a|an|the)\b[^.]{0,80}\b"
    r"(?:reporter|writer|correspondent|editor|columnist|journalist|contributor|producer|analyst)\b",
)
_RELATED = re.compile(
    r"^(?:also\s+read|read\s+also|read\s+more|more\s+on\s+this|related(?:\s+(?:story|article|news|coverage))?|"
    r"see\s+also|also\s+see|must\s+read|recommended|also\s+watch|watch|read)\s*(?:[:|»\-–—]+)\s*(?P<title>.+)$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
_BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|words\s+by|story\s+by|author\s*:)\s+(?P<names>.+)$", re.IGNORECASE
)
_BYLINE_TAIL = re.compile(
    r"\s*(?:[|•·]|\s[-–—]\s|,?\s+(?:updated|published|posted|on)\b|,?\s+\d|,\s*(?:staff|senior|chief)\b).*$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_DATE_PREFIX = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first\s+published|date|modified)\b\s*(?:on|at)?\s*:?",
    re.IGNORECASE,
)
# Page furniture that has a headline's length: "Updated 2 hours ago", "4 min read".
_RELATIVE_TIME = re.compile(r"\bago\b|\bmin(?:ute)?s? read\b", re.IGNORECASE)
_TAG_PREFIX = re.compile(r"^(?:tags?|topics?|keywords?|filed\s+under)\s*[:|]\s*(?P<tags>.+)$", re.IGNORECASE)
_SOCIAL = frozenset(
    [
        "youtube",
        "facebook",
        "twitter",
        "instagram",
        "linkedin",
        "whatsapp",
        "telegram",
        "pinterest",
        "reddit",
        "email",
        "e-mail",
        "mail",
        "print",
        "share",
        "tweet",
        "flipboard",
        "tumblr",
        "rss",
        "messenger",
        "copy",
        "link",
        "x",
        "google+",
        "google",
        "pint",
        "pocket",
        "sms",
        "vk",
        "snapchat",
        "tiktok",
        "comment",
        "comments",
        "shares",
        "follow",
        "us",
        "on",
    ]
)
_TITLE_SEP = re.compile(r"\s+[|\-–—:•·»]\s+")
_DOMAIN = re.compile(
    r"(?:https?://(?:www\.)?([\w-]{3,})\.|\b([A-Za-z][\w-]{2,})\.(?:com|org|net|in|co\.uk|co\.in|news|info|io|tv)\b)"
)
_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|staff|contributor|bureau|chief|analyst|columnist|desk|news)\b",
    re.IGNORECASE,
)
# Captions run to a couple of sentences; a longer line above a credit is a paragraph.
CAPTION_MAX_WORDS = 40
# Bylines and date lines carry a name or two, a date, a time and a zone, "| Updated ..." at most.
META_MAX_WORDS = 22
# A headline is a few words to a long sentence; anything longer is a paragraph.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 4, 30
# Without an anchor, the headline is searched this many lines above the body (byline, date, caption,
# share buttons between them).
HEADLINE_REACH = 12
# The site name heads the page: only the first few lines are candidates for a name confirmed by recurrence.
SITE_HEADER_LINES = 3
# The on-page headline is followed by the body within this many lines (bylines, dates, captions, share
# buttons and ads between them); a repeat of the title further from any prose is a teaser link.
ANCHOR_WINDOW = 30
# A tag line is a handful of keywords; longer Title-Case lines are headings or teasers.
TAG_MAX_WORDS = 6


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text).strip()


def classify(line: Line) -> Kind | None:
    """The metadata kind of one line judged alone, or None for possible body text."""
    text = strip_bullet(line.text)
    if not text:
        return Kind.SOCIAL
    if _RELATED.match(text) and line.words <= 40:
        return Kind.RELATED
    if _CREDIT_LINE.match(text):
        return Kind.CREDIT
    if line.words <= 60 and (
        _CAPTION_PREFIX.match(text)
        or _GALLERY.match(text)
        or _WIRE_CAPTION.match(text)
        or _CREDIT_PAREN.search(text)
        or _CREDIT_TAIL.search(text)
    ):
        return Kind.CAPTION
    if line.words <= META_MAX_WORDS * 2 and _BIO.match(text):
        return Kind.BIO
    byline = _BYLINE.match(text)
    if (
        byline
        and line.words <= META_MAX_WORDS
        and byline.group("names")[0].isupper()
        and (text[-1] not in ".!?" or find_date(text) is not None)  # "... at 4:52 p.m." is no sentence
    ):
        return Kind.BYLINE
    if line.words <= META_MAX_WORDS and (_DATE_PREFIX.match(text) or _mostly_date(text)) and find_date(text):
        return Kind.DATE
    if _TAG_PREFIX.match(text) and line.words <= 40:
        return Kind.TAGS
    toks = [t.lower() for t in text.split()]
    if toks and len(toks) <= 8 and sum(t in _SOCIAL for t in toks) >= 0.6 * len(toks):
        return Kind.SOCIAL
    return None


def caption_before_credit(lines: Sequence[Line], kinds: list[Kind | None]) -> None:
    """A plain sentence right above a credit line is that picture's caption (marked in place)."""
    for i in range(1, len(lines)):
        if kinds[i] is Kind.CREDIT and kinds[i - 1] is None and lines[i - 1].words <= CAPTION_MAX_WORDS:
            kinds[i - 1] = Kind.CAPTION


def _mostly_date(text: str) -> bool:
    """Little besides a date and time: "June 3, 2021 at 9:17 pm", "Wednesday 10 Feb 2022"."""
    rest = re.sub(
        r"\d+|\b(?:am|pm|at|on|ist|gmt|utc|est|edt|pst|bst|cet)\b|[^\w]", " ", text, flags=re.IGNORECASE
    )
    return len(rest.split()) <= 3


def is_bare_date(line: Line) -> bool:
    """A date alone on its line, no "Updated:"/"Published" label: inside a body it heads a section."""
    return not _DATE_PREFIX.match(strip_bullet(line.text)) and _mostly_date(line.text)


def related_item(text: str) -> Related | None:
    m = _RELATED.match(strip_bullet(text))
    if not m:
        return None
    title = m.group("title")
    url_m = _URL.search(title)
    url = url_m.group(0).rstrip(").,;") if url_m else None
    if url_m:
        title = (title[: url_m.start()] + title[url_m.end() :]).strip(" -–—|:()[]")
    title = title.strip() or (url or "")
    return Related(title=title, url=url) if title else None


def byline_names(text: str) -> list[str]:
    m = _BYLINE.match(strip_bullet(text))
    if not m:
        return []
    names = _BYLINE_TAIL.sub("", m.group("names"))
    out = []
    for name in _NAME_SPLIT.split(names):
        name = name.strip(" .")
        toks = name.split()
        if (
            1 <= len(toks) <= 4
            and all(t[0].isupper() for t in toks if t[0].isalpha())
            and not _ROLE.search(name)
        ):
            out.append(name)
    return out


def tag_prefix_values(text: str) -> list[str]:
    m = _TAG_PREFIX.match(strip_bullet(text))
    if not m:
        return []
    return [t.strip() for t in re.split(r"\s*[,;|·•]\s*", m.group("tags")) if t.strip()]


def body_vocabulary(prose: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """(capitalised mid-sentence, lowercase) word counts of the prose: proper vs common nouns."""
    caps: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for para in prose:
        for sentence in re.split(r"(?<=[.!?])\s+", para):
            toks = re.findall(r"[^\W\d_][\w'’-]*", sentence)
            for tok in toks[1:]:
                if tok[0].isupper():
                    caps[tok.lower()] += 1
                else:
                    lower[tok.lower()] += 1
    return caps, lower


def is_tag_line(line: Line, stops: frozenset[str], vocab: tuple[Counter[str], Counter[str]]) -> bool:
    """A run of Title-Case keywords ("Afghanistan Taliban Terror"): no sentence punctuation, no function
    words, at least half of its words are names in the body (seen capitalised mid-sentence) and at most a
    third are common words there (seen in lower case), so a subheading like "Military Response" stays."""
    text = strip_bullet(line.text)
    toks = text.split()
    if not 1 <= len(toks) <= TAG_MAX_WORDS or re.search(r"[.,;:!?\"“”()]", text):
        return False
    if not all(t[0].isupper() or t[0].isdigit() for t in toks):
        return False
    lowered = [t.lower() for t in toks]
    if any(t in stops for t in lowered):
        return False
    caps, lower = vocab
    names = sum(caps[t] > lower[t] for t in lowered)
    common = sum(lower[t] > caps[t] for t in lowered)
    return names * 2 >= len(lowered) and common * 3 <= len(lowered)


def page_title(first: Line | None) -> tuple[str | None, str | None]:
    """(headline part, site part) of a ``<title>``-style first line "Headline - Site"."""
    if first is None:
        return None, None
    parts = _TITLE_SEP.split(first.text)
    if len(parts) < 2:
        return None, None
    site = parts[-1] if len(parts[-1].split()) <= 5 else None
    head = max(parts[:-1], key=lambda p: len(p.split())) if site else max(parts, key=lambda p: len(p.split()))
    return (head if len(head.split()) >= 3 else None), site


def _norm(text: str) -> str:
    return " ".join(words(text.lower()))


def find_anchor(lines: Sequence[Line], prose: Sequence[bool]) -> int | None:
    """Index of the on-page headline repeating the first (``<title>``) line, followed closely by prose."""
    if len(lines) < 3:
        return None
    head, _site = page_title(lines[0])
    targets = {_norm(lines[0].text)}
    if head:
        targets.add(_norm(head))
    targets.discard("")
    first_hit = None
    for i in range(1, len(lines)):
        if lines[i].words < 3 or _norm(lines[i].text) not in targets:
            continue
        if any(prose[i + 1 : i + 1 + ANCHOR_WINDOW]):
            return i
        first_hit = i if first_hit is None else first_hit
    return first_hit


def headline_before(lines: Sequence[Line], kinds: Sequence[Kind | None], start: int) -> int | None:
    """The closest headline-shaped line above the body start (a few lines up at most)."""
    for i in range(start - 1, max(-1, start - HEADLINE_REACH), -1):
        line = lines[i]
        if kinds[i] is not None or _DATE_PREFIX.match(line.text) or _RELATIVE_TIME.search(line.text):
            continue
        if HEADLINE_MIN_WORDS <= line.words <= HEADLINE_MAX_WORDS and not line.text.endswith("."):
            return i
    return None


def find_site(lines: Sequence[Line], header_end: int, raw: str, title: str | None) -> str | None:
    """A short header line that names the site, confirmed by a domain or URL in the text, or by the name
    recurring further down (footer, "told the Harbour Ledger"); else the ``<title>`` line: its suffix when the rest is the headline ("Headline - Site"), else its first part
    ("Site | Section")."""
    domains = {(m.group(1) or m.group(2)).lower().replace("-", "") for m in _DOMAIN.finditer(raw)}
    for line in lines[:header_end]:
        text = strip_bullet(line.text)
        if 1 <= line.words <= 3 and text.lower().replace(" ", "").replace("-", "") in domains:
            return text
    for line in lines[: min(header_end, SITE_HEADER_LINES)]:
        text = strip_bullet(line.text)
        short_name = 1 <= line.words <= 4 and text[0].isupper() and not re.search(r"[.!?:|]", text)
        if short_name and raw.count(text) >= 2 and classify(line) is None:
            return text  # "Harbour Ledger" on top, "told the Harbour Ledger" or the footer further down
    if not lines:
        return None
    head, site = page_title(lines[0])
    if (head and title and _norm(head) in _norm(title)) or site is None:
        return site
    first = _TITLE_SEP.split(lines[0].text)[0]
    return first if 1 <= len(first.split()) <= 5 else None
