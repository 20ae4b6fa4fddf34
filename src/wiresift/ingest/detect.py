"""Which format a source is in, from its name and first bytes (decompressed when it is compressed).

``detect_format`` is the rule: the extension decides, but WARC magic always wins, ``.xml`` and unknown
extensions are sniffed, and a file whose name and content disagree in the usual ways (a whole HTML page
saved as ``.txt``, a page's text saved as ``.html``) is read as what it holds.
"""

from __future__ import annotations

import bz2
import json
import lzma
import os
import re
import zlib

from wiresift.ingest.streams import COMPRESSED_SUFFIXES

#: Extension (after any ``.gz``, ``.bz2`` or ``.xz``) to format. ``.xml`` is sniffed: it may be a feed or XHTML.
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

#: Bytes looked at when sniffing a format: enough to pass an XML prolog, comments and a doctype.
SNIFF_BYTES = 4096
_ROOT_TAG = re.compile(r"<([A-Za-z][\w:.-]*)")
_PROLOG = re.compile(r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.S | re.I)
_HTML_ROOTS = frozenset(
    [
        "html",
        "head",
        "body",
        "meta",
        "title",
        "link",
        "script",
        "style",
        "div",
        "article",
        "section",
        "main",
        "header",
        "nav",
        "p",
        "span",
        "a",
        "img",
        "figure",
        "table",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "form",
        "iframe",
        "noscript",
    ]
)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
#: Formats whose extension alone rules out scraped text (``detect_format`` never turns them into text).
NEVER_TEXT = frozenset({"feed", "warc", "jsonl", "json"})


def detect_format(name: str | None, head: bytes) -> str:
    """``html``, ``text``, ``feed``, ``warc``, ``jsonl`` or ``json`` from a file name and its first bytes.

    The extension decides, except that WARC magic always wins, ``.xml`` and unknown extensions are
    sniffed, a ``.txt`` file that is plainly a whole HTML page is read as HTML, and an ``.html`` file
    without a single tag is read as text.
    """
    by_name = EXTENSIONS.get(suffix(name)) if name else None
    sniffed = sniff_format(head)
    if sniffed == "warc":
        return "warc"
    if by_name in (None, "xml"):
        if by_name == "xml" and sniffed not in ("feed", "html"):
            return "xml"
        return sniffed
    if by_name == "text" and sniffed == "html" and _is_html_page(head):
        return "html"
    if by_name == "html" and sniffed == "text" and head.strip() and "<" not in _head_text(head):
        return "text"  # a scraper saved the page's text under an .html name
    return by_name


def sniff_format(head: bytes) -> str:
    """The format the first bytes of a (decompressed) source look like; ``text`` when unsure."""
    text = _head_text(head)
    stripped = text.lstrip()
    if stripped.startswith(("WARC/", "warc/")):
        return "warc"
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        return "jsonl" if _first_line_is_json(stripped) else "json"
    body = _PROLOG.sub("", stripped, count=1)
    match = _ROOT_TAG.match(body)
    if match:
        root = match.group(1).lower()
        if root in _FEED_ROOTS:
            return "feed"
        if root in _HTML_ROOTS or _is_html_page(head):
            return "html"
    return "text"


def _first_line_is_json(text: str) -> bool:
    """JSONL has a whole object on its first line; pretty-printed JSON does not."""
    line = text.split("\n", 1)[0].strip()
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply, which the reader reports
        return "\n" not in text  # a single-line sniff window cut short: still JSONL-shaped
    return True


def _is_html_page(head: bytes) -> bool:
    lowered = _head_text(head).lstrip().lower()
    return lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024]


def _head_text(head: bytes) -> str:
    head = head[:SNIFF_BYTES]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, "ignore")
    return head.decode("latin-1").replace("\x00", "").lstrip("\ufeffï»¿")


def format_of(name: str | None, head: bytes, compression: str | None = None) -> str:
    """The format of a source from its name and raw first bytes; ``compression`` says how they are packed."""
    inner = decompressed_head(head, compression) if compression else head
    if inner.startswith(b"WARC/"):
        return "warc"
    return detect_format(name, inner[:SNIFF_BYTES])


def decompressed_head(head: bytes, compression: str) -> bytes:
    """The first decompressed bytes of a compressed source's head (for sniffing); empty when unreadable."""
    try:
        if compression == "gzip":
            return zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
        if compression == "bzip2":
            return bz2.BZ2Decompressor().decompress(head, SNIFF_BYTES)
        if compression == "xz":
            return lzma.LZMADecompressor().decompress(head, SNIFF_BYTES)
    except (zlib.error, OSError, EOFError, lzma.LZMAError):
        pass
    return b""


def suffix(name: str) -> str:
    """The extension that names the format: ``.jsonl`` for ``x.jsonl.gz``, ``x.jsonl.bz2`` and ``x.jsonl.xz``."""
    lowered = name.lower()
    for ending in COMPRESSED_SUFFIXES:
        if lowered.endswith(ending):
            lowered = lowered[: -len(ending)]
            break
    return os.path.splitext(lowered)[1]
