"""Text that is safe to print: control, bidi and line-breaking characters shown as escapes.

File names and article texts are untrusted. Printed raw, an ESC sequence can rewrite the
terminal (``\\x1b]0;...`` retitles it, ``\\x1b[2J`` clears it), a bidi override (U+202E) makes
``evil.txt`` read as something else, and a newline in a file name splits a one-line error in two.
Every such character is shown as a backslash escape instead: ``\\n``, ``\\r``, ``\\t`` or
``\\uXXXX``. These are also JSON string escapes, so a JSON line stays valid JSON, with the same
decoded value, after passing through :func:`printable`.
"""

from __future__ import annotations

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: C0 controls, DEL, C1 controls (U+0085 NEL and U+009B CSI act as newline and ESC [ in some
#: terminals), bidi embeddings, overrides, isolates and marks, the line and paragraph separators,
#: and lone surrogates (a file name's undecodable bytes; they cannot be written as UTF-8).
_ESCAPED = [
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x2028,
    0x2029,
    *range(0xD800, 0xE000),
]

_ONE_LINE = {code: _SHORT.get(chr(code), f"\\u{code:04x}") for code in _ESCAPED}
_MULTI_LINE = {code: escape for code, escape in _ONE_LINE.items() if chr(code) not in "\n\t"}


def one_line(text: str) -> str:
    """``text`` with every control, bidi and line-breaking character escaped: one safe line."""
    return text.translate(_ONE_LINE)


def printable(text: str) -> str:
    """Like :func:`one_line`, but newlines and tabs are kept: safe multi-line terminal output."""
    return text.translate(_MULTI_LINE)


#: URL schemes a stored link may have: a ``javascript:`` or ``data:`` source URL is no link.
WEB_SCHEMES = frozenset({"http", "https"})


def _scheme(url: str) -> str | None:
    """The URL's scheme, lower-cased, as a browser reads it (tabs and newlines inside ignored)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 host
        return None


def stored_url(url: str | None) -> str | None:
    """``url`` unless it names a scheme other than http(s) (``javascript:``, ``data:``, ``file:``...).

    A relative reference (no scheme; a related link on a page without a known address) is kept:
    it cannot run anything, and :func:`web_url` never makes it a link.
    """
    if not url or _scheme(url) not in WEB_SCHEMES | {""}:
        return None
    return url


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None (never a link to follow)."""
    from urllib.parse import urlsplit

    if not url or _scheme(url) not in WEB_SCHEMES:
        return None
    url = url.strip()
    return url if urlsplit(url).netloc else None
