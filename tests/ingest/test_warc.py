"""WARC/WARC.gz: HTML 200 responses become documents; charset from HTTP; truncation keeps earlier records."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import fake_html_fixture, page, write_warc  # noqa: F401 - the fake_html fixture

from wiresift.ingest.sources import read_sources
from wiresift.model import Document, IngestError

pytestmark = pytest.mark.usefixtures("fake_html")

UTF8 = "text/html; charset=utf-8"
BISHKEK = page(
    "Bishkek talks",
    ["Kyrgyz officials said on Monday that the talks in Bishkek would continue next week."],
    published="2025-02-03T10:00:00Z",
)
UNDATED = page("Batken", ["Residents of Batken said the market had lost about half of its traders."])


def _crawl(tmp_path: Path, *, gzip: bool = True) -> Path:
    return write_warc(
        tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"),
        [
            ("https://a.example/bishkek", "200 OK", UTF8, BISHKEK.encode()),
            ("https://a.example/robots.txt", "200 OK", "text/plain", b"User-agent: *\n"),
            ("https://a.example/gone", "404 Not Found", UTF8, b"<html><body><p>Not found</p></body></html>"),
            ("https://a.example/batken", "200 OK", "text/html", UNDATED.encode()),
        ],
        gzip=gzip,
    )


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = _crawl(tmp_path, gzip=gzip)
    items = list(read_sources([path]))
    assert all(isinstance(i, Document) for i in items)
    bishkek, batken = items
    assert isinstance(bishkek, Document) and isinstance(batken, Document)
    assert bishkek.url == "https://a.example/bishkek"
    assert bishkek.format == "warc"
    assert bishkek.published == "2025-02-03"  # the page's own date beats the crawl date
    assert batken.published == "2025-03-13"  # no page date: WARC-Date of the 4th response
    assert bishkek.source.startswith(f"{path}#record-")
    offsets = [int(d.source.rsplit("-", 1)[1]) for d in items]
    assert offsets == sorted(offsets) and offsets[0] > 0


def test_http_charset_is_used(tmp_path: Path) -> None:
    text = "Министр обороны заявил в четверг, что граница закрыта для торговли и проезда."
    body = f"<html><head><title>t</title></head><body><p>{text}</p></body></html>".encode("cp1251")
    path = write_warc(
        tmp_path / "ru.warc.gz", [("https://ru.example/a", "200 OK", "text/html; charset=windows-1251", body)]
    )
    (doc,) = read_sources([path])
    assert isinstance(doc, Document)
    assert doc.text == text


def test_truncated_warc_keeps_records_before_the_cut(tmp_path: Path) -> None:
    pages = [
        (
            f"https://a.example/{n}",
            "200 OK",
            UTF8,
            page(f"p{n}", [f"Report {n} from Tbilisi. " * 40]).encode(),
        )
        for n in range(6)
    ]
    full = write_warc(tmp_path / "full.warc.gz", pages)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    items = list(read_sources([cut]))
    docs = [i for i in items if isinstance(i, Document)]
    assert 1 <= len(docs) < 6
    assert [d.url for d in docs] == [f"https://a.example/{n}" for n in range(len(docs))]
    assert isinstance(items[-1], IngestError)
    assert items[-1].cause.startswith("truncated or corrupt WARC: ")


def test_truncated_plain_warc(tmp_path: Path) -> None:
    pages = [
        (f"https://a.example/{n}", "200 OK", UTF8, page(f"p{n}", [f"Note {n}. " * 80]).encode())
        for n in range(4)
    ]
    data = write_warc(tmp_path / "full.warc", pages, gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    items = list(read_sources([cut]))
    docs = [i for i in items if isinstance(i, Document)]
    assert 1 <= len(docs) < 4
    assert isinstance(items[-1], IngestError)
    assert items[-1].cause.startswith("truncated or corrupt WARC: ")


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.3, 0.5, 0.7, 0.9])
def test_any_cut_point_ends_with_one_error_after_the_intact_records(
    tmp_path: Path, gzip: bool, keep: float
) -> None:
    pages = [
        (f"https://a.example/{n}", "200 OK", UTF8, page(f"p{n}", [f"Item {n}. " * 90]).encode())
        for n in range(6)
    ]
    data = write_warc(tmp_path / "full.warc", pages, gzip=gzip).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(read_sources([cut]))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and items[-1] is errors[0]
    assert [d.url for d in items[:-1] if isinstance(d, Document)] == [
        f"https://a.example/{n}" for n in range(len(items) - 1)
    ]


def test_warc_without_html_pages(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "txt.warc.gz", [("https://a.example/r", "200 OK", "text/plain", b"hello")])
    (err,) = read_sources([path])
    assert isinstance(err, IngestError)
    assert err.cause == "no HTML response records with status 200 among 2 records"


def test_oversized_record(tmp_path: Path) -> None:
    big = page("big", ["Word " * 5000]).encode()
    path = write_warc(tmp_path / "big.warc.gz", [("https://a.example/big", "200 OK", UTF8, big)])
    (err,) = read_sources([path], max_bytes=10_000)
    assert isinstance(err, IngestError)
    assert "per-document cap" in err.cause and err.source.startswith(f"{path}#record-")


def test_warc_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = _crawl(tmp_path)
    renamed = path.rename(tmp_path / "download.bin")
    assert len(list(read_sources([renamed]))) == 2


def test_resource_records_with_html_are_read(tmp_path: Path) -> None:
    import io

    from warcio.warcwriter import WARCWriter

    path = tmp_path / "local.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                "file:///saved/poti.html",
                "resource",
                payload=io.BytesIO(
                    page("Poti", ["Port officials in Poti said on Friday that cargo had doubled."]).encode()
                ),
                warc_content_type="text/html",
                warc_headers_dict={"WARC-Date": "2025-01-05T00:00:00Z"},
            )
        )
    (doc,) = read_sources([path])
    assert isinstance(doc, Document)
    assert doc.published == "2025-01-05"
    assert doc.finalize().url is None  # a file: URI is no web link (only http and https are kept)


@pytest.mark.parametrize("gzip", [True, False])
def test_every_cut_point(tmp_path: Path, gzip: bool) -> None:
    """Cut anywhere: the intact records, then one error; silence only exactly at a record boundary."""
    from warcio.archiveiterator import ArchiveIterator

    pages = [
        (f"https://a.example/{n}", "200 OK", UTF8, page(f"p{n}", [f"Entry {n}. " * 30]).encode())
        for n in range(3)
    ]
    full = write_warc(tmp_path / "full.warc", pages, gzip=gzip)
    data = full.read_bytes()
    with full.open("rb") as fh:
        archive = ArchiveIterator(fh)
        ends = set()
        for _ in archive:
            end = archive.get_record_offset() + archive.get_record_length()
            ends.update(range(end, end + (1 if gzip else 5)))  # plain records are followed by \r\n\r\n
    cut = tmp_path / "cut.warc"
    for size in range(1, len(data), 3):
        cut.write_bytes(data[:size])
        items = list(read_sources([cut]))
        docs = [i for i in items if isinstance(i, Document)]
        assert [d.url for d in docs] == [f"https://a.example/{n}" for n in range(len(docs))], size
        errors = [i for i in items if isinstance(i, IngestError)]
        if size in ends:
            continue  # indistinguishable from a complete file with fewer records
        assert len(errors) == 1 and items[-1] is errors[0], (size, items)
