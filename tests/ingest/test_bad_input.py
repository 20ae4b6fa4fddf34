"""Bad input: one IngestError with a one-line cause per bad source, and reading goes on."""

from __future__ import annotations

import gzip
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import fake_html_fixture, page  # noqa: F401 - the fake_html fixture

from wiresift.ingest import IngestFailure
from wiresift.ingest.common import MAX_DOCUMENT_BYTES
from wiresift.ingest.sources import read_sources
from wiresift.model import Document, IngestError

BAD = Path(__file__).parents[1] / "fixtures" / "bad"
pytestmark = pytest.mark.usefixtures("fake_html")

GOOD_PAGE = page(
    "Good", ["Georgian officials said on Monday that the talks would resume next week in Tbilisi."]
)


def _one_error(path: Path | str, **kwargs: object) -> IngestError:
    items = list(read_sources([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    (err,) = items
    assert isinstance(err, IngestError)
    assert "\n" not in err.cause and "Traceback" not in err.cause
    return err


def test_png_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    assert _one_error(path).cause == "binary file (PNG image), not an article"


def test_zip_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bundle"
    path.write_bytes(b"PK\x03\x04" + os.urandom(500))
    assert "ZIP archive" in _one_error(path).cause


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\n\t ")
    assert _one_error(tmp_path / "empty.txt").cause == "empty file (0 bytes)"
    assert _one_error(tmp_path / "blank.html").cause == "empty file (only whitespace)"


def test_undecodable_bytes(tmp_path: Path) -> None:
    rng = random.Random(3)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(5000)))
    assert "no plausible text encoding" in _one_error(path).cause


def test_oversized_page_names_size_and_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: no need to write the bytes
    cause = _one_error(path).cause
    assert cause.startswith("too large: 50 MB is over the 20 MB per-document cap")
    assert MAX_DOCUMENT_BYTES == 20 * 1024 * 1024


def test_oversized_after_decompression(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000 + b"</p>"))
    assert "per-document cap" in _one_error(path, max_bytes=1_000_000).cause


def test_truncated_gzip_page(tmp_path: Path) -> None:
    data = gzip.compress(GOOD_PAGE.encode() * 50)
    path = tmp_path / "page.html.gz"
    path.write_bytes(data[: len(data) // 2])
    assert _one_error(path).cause.startswith("truncated gzip: the compressed stream ends early")


def test_malformed_feed() -> None:
    cause = _one_error(BAD / "malformed-feed.xml").cause
    assert cause.startswith("malformed feed XML with no readable entries (")


def test_xml_that_is_not_a_feed() -> None:
    assert _one_error(BAD / "not-a-feed.xml").cause == "XML that is neither an RSS/Atom feed nor XHTML"


def test_missing_path(tmp_path: Path) -> None:
    assert _one_error(tmp_path / "nope.html").cause == "no such file or directory"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.html"
    link.symlink_to(tmp_path / "deleted.html")
    assert _one_error(link).cause == f"broken symbolic link (points to {tmp_path / 'deleted.html'})"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text(GOOD_PAGE)
    path.chmod(0)
    try:
        assert _one_error(path).cause.startswith("permission denied")
    finally:
        path.chmod(0o644)


def test_permission_error_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs as root too: the OS error is simulated where the reader opens the file.
    path = tmp_path / "secret.html"
    path.write_text(GOOD_PAGE)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    assert _one_error(path).cause == "permission denied (check the read permission of the file or directory)"


def test_bad_sources_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a-good.html").write_text(GOOD_PAGE)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "d-dangling.html").symlink_to(tmp_path / "gone.html")
    (tmp_path / "e-good.htm").write_text(GOOD_PAGE.replace("Monday", "Tuesday"))
    items = list(read_sources([tmp_path, tmp_path / "missing.txt", BAD / "malformed-feed.xml"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Document",
        "IngestError",
        "IngestError",
        "IngestError",
        "Document",
        "IngestError",
        "IngestError",
    ]
    assert [i.source for i in items if isinstance(i, Document)] == [
        str(tmp_path / "a-good.html"),
        str(tmp_path / "e-good.htm"),
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from([None, "x.html", "x.txt", "x.rss", "x.jsonl", "x.warc"]),
)
def test_any_bytes_give_documents_or_errors_never_exceptions(
    data: bytes, name: str | None, fake_html: list[dict[str, object]]
) -> None:
    from wiresift.ingest.encoding import decode_bytes
    from wiresift.ingest.sources import _Reader

    reader = _Reader(published=None, url=None, max_bytes=MAX_DOCUMENT_BYTES)
    for item in reader.read_bytes(data, source="fuzz", name=name):
        assert isinstance(item, Document | IngestError)
        if isinstance(item, IngestError):
            assert item.cause and "\n" not in item.cause
    try:
        decode_bytes(data, html=True)
    except IngestFailure as exc:
        assert str(exc)


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=1, max_size=500).filter(lambda t: t.strip()))
def test_jsonl_text_is_kept_verbatim_up_to_line_endings(text: str) -> None:
    import json

    from wiresift.ingest.common import normalise_newlines
    from wiresift.ingest.jsonl import read_jsonl

    (doc,) = read_jsonl(io.BytesIO(json.dumps({"text": text}).encode()), "p.jsonl")
    assert isinstance(doc, Document)
    assert doc.text == normalise_newlines(text)


def test_a_crash_in_the_extractor_is_one_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import wiresift.ingest.html as html_module

    def broken(html: str, *, source: str | None = None, url: str | None = None) -> Document:
        raise KeyError("lang")

    monkeypatch.setattr(html_module, "from_html", broken, raising=False)
    (tmp_path / "a.html").write_text(GOOD_PAGE)
    (tmp_path / "b.jsonl").write_text('{"text": "Officials met in Baku on Monday."}\n')
    err, doc = read_sources([tmp_path])
    assert isinstance(err, IngestError) and isinstance(doc, Document)
    assert err.cause == "internal error in the HTML extractor (KeyError: 'lang'); please report it"
