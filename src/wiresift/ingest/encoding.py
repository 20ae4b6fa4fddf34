"""Bytes to text: BOMs, declared charsets (HTTP header, HTML meta), UTF-8, then charset-normalizer.

The order follows the HTML standard's encoding sniffing: a byte-order mark beats everything, an
explicit declaration beats guessing, and guessing (charset-normalizer) is the last resort. A
declaration that does not decode the bytes is ignored rather than trusted, because mislabelled
pages (a cp1251 page saying ``utf-8``) are common in scraped news.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatch, from_bytes

from wiresift.ingest import IngestFailure

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: File signatures of formats that are never articles; the name goes into the error cause.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office/EPUB file"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)

#: How far into an HTML page a ``<meta charset>`` may appear (the HTML standard's prescan limit).
_META_PRESCAN = 1024 * 4

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)

#: Share of control characters (other than tab/newline/CR/form feed) above which decoded text is
#: taken for binary data. Real pages have none; 1% leaves room for a stray escape sequence.
_MAX_CONTROL_SHARE = 0.01

#: charset-normalizer "chaos" (mess) above which its best guess is rejected as not a sane
#: encoding. Its own default cut-off is 0.2; 0.3 keeps short mixed-script pages it still reads well.
_MAX_CHAOS = 0.3

#: Tie-break order when charset-normalizer scores several code pages the same: a French page in
#: latin-1 reads equally well as cp1250 or cp1257, but the Western code page is far more common.
_PREFERRED = (
    "utf_8",
    "cp1252",
    "latin_1",
    "cp1251",
    "koi8_r",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
)

#: Labels that browsers decode with a wider code page (WHATWG Encoding Standard): pages labelled
#: latin-1 routinely contain cp1252 curly quotes and dashes in 0x80-0x9F.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts with ("PNG image"), or None for text-like bytes."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def charset_from_header(content_type: str | None) -> str | None:
    """``charset`` of an HTTP ``Content-Type`` header value, normalised, or None."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalise(match.group(1)) if match else None


def charset_from_meta(data: bytes) -> str | None:
    """Charset declared by ``<meta charset>`` or ``http-equiv`` in the first 4 KB of an HTML page."""
    match = _META_CHARSET.search(data[:_META_PRESCAN])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def _normalise(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(name, name)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM: mostly-ASCII content puts a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return _strict(data, "utf-16-le")
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return _strict(data, "utf-16-be")
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > _MAX_CONTROL_SHARE * len(text)


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``, or raise :class:`IngestFailure` with a one-line cause.

    ``declared`` is a charset from outside the bytes (an HTTP header); ``html`` enables the
    ``<meta charset>`` prescan. A BOM wins over both; declarations that fail to decode are skipped.
    """
    kind = sniff_binary(data)
    if kind:
        raise IngestFailure(f"binary file ({kind}), not an article")
    bom = bom_encoding(data)
    if bom:
        text = _strict(data, bom)
        if text is None:
            raise IngestFailure(f"starts with a {bom} byte-order mark but does not decode as {bom}")
        return _checked(text.lstrip("\ufeff"), bom)
    if _nul_heavy(data):
        text16 = _utf16_without_bom(data)
        if text16 is None:
            raise IngestFailure("binary file (contains NUL bytes and is not UTF-16 text)")
        return _checked(text16, "utf-16")
    # Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding by accident, so it beats
    # a declaration: "iso-8859-1" meta tags on UTF-8 pages are a classic CMS mistake.
    candidates = ["utf-8", _normalise(declared) if declared else None]
    if html:
        candidates.append(charset_from_meta(data))
    if "cp1252" in candidates:
        candidates.append("iso8859-1")  # cp1252 leaves five bytes undefined; latin-1 maps them all
    for encoding in candidates:
        if encoding:
            text = _strict(data, encoding)
            if text is not None:
                return _checked(text, encoding)
    best = _guess(data[: 1024 * 1024])
    if best is None or best.chaos > _MAX_CHAOS:
        raise IngestFailure("undecodable bytes: not valid UTF-8 and no plausible text encoding found")
    text = _strict(data, best.encoding)
    if text is None:
        # The guess came from the first megabyte; decode the rest leniently rather than fail late.
        text = data.decode(best.encoding, errors="replace")
    return _checked(text, best.encoding)


def _guess(data: bytes) -> CharsetMatch | None:
    """charset-normalizer's best match; ties (same chaos and coherence) go to the commoner code page."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    ties = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    return min(
        ties, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED)
    )


def _nul_heavy(data: bytes) -> bool:
    """More than a couple of NULs in the first 4 KB: UTF-16 without a BOM, or binary."""
    return data[:4096].count(0) > 2


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _looks_binary(text[:100_000]):
        raise IngestFailure("binary data: decoded text is full of control characters")
    return text, encoding
