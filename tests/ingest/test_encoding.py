"""Encoding detection: BOMs, declarations (HTTP, meta), UTF-8, charset-normalizer guesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiresift.ingest import IngestFailure
from wiresift.ingest.encoding import (
    charset_from_header,
    charset_from_meta,
    decode_bytes,
    sniff_binary,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "encoding"
EXPECTED: dict[str, str] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_decodes_to_the_text_it_was_written_from(name: str) -> None:
    text, _ = decode_bytes((FIXTURES / name).read_bytes(), html=name.endswith(".html"))
    assert text == EXPECTED[name]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("cp1251-meta.html", "cp1251"),
        ("cp1251-undeclared.txt", "cp1251"),
        ("latin1-meta.html", "cp1252"),
        ("shift-jis-meta.html", "shift_jis"),
        ("utf16-bom.html", "utf-16-le"),
        ("utf8-labelled-latin1.html", "utf-8"),
    ],
)
def test_reports_the_encoding_used(name: str, family: str) -> None:
    _, encoding = decode_bytes((FIXTURES / name).read_bytes(), html=True)
    assert encoding == family


def test_http_charset_beats_guessing() -> None:
    text = "Пограничники задержали четырнадцать человек."
    data = text.encode("cp1251")
    assert decode_bytes(data, declared="windows-1251") == (text, "cp1251")
    # The same bytes read as KOI8-R when the server says so: a declaration is trusted when it decodes.
    assert decode_bytes(data, declared="koi8-r")[1] == "koi8-r"


def test_bom_beats_declarations() -> None:
    text = "Ménaka, jeudi"
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    assert decode_bytes(data, declared="cp1251") == (text, "utf-8")


def test_header_and_meta_parsing() -> None:
    assert charset_from_header("text/html; charset=Windows-1251") == "cp1251"
    assert charset_from_header('text/html; charset="ISO-8859-1"') == "cp1252"
    assert charset_from_header("text/html") is None
    assert charset_from_header("text/html; charset=no-such-codec") is None
    assert charset_from_meta(b'<html><head><meta charset="shift_jis">') == "shift_jis"
    assert (
        charset_from_meta(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"
    )
    assert charset_from_meta(b"<html><head><title>x</title>") is None


def test_latin1_label_falls_back_for_bytes_cp1252_leaves_undefined() -> None:
    text, encoding = decode_bytes(b"caf\xe9 \x81", declared="iso-8859-1")
    assert (text, encoding) == ("café \x81", "iso8859-1")


def test_binary_signatures() -> None:
    assert sniff_binary(b"\x89PNG\r\n\x1a\n....") == "PNG image"
    assert sniff_binary(b"PK\x03\x04rest") is not None
    assert sniff_binary(b"<html>") is None
    with pytest.raises(IngestFailure, match="PNG image"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def test_random_high_bytes_are_not_forced_into_an_encoding() -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(IngestFailure, match="no plausible text encoding"):
        decode_bytes(data)


def test_nul_bytes_that_are_not_utf16_are_binary() -> None:
    with pytest.raises(IngestFailure, match="NUL bytes"):
        decode_bytes(b"\x00\x01\x02\x03" * 200 + b"text")


def test_control_characters_mean_binary() -> None:
    with pytest.raises(IngestFailure, match="control characters"):
        decode_bytes(bytes(range(1, 9)) * 100 + b"words")
