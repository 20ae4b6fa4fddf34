"""read_sources: paths, directories, stdin, format detection, overrides, source naming."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from ingest_helpers import fake_html_fixture, page, write_warc  # noqa: F401 - the fake_html fixture

from wiresift.ingest.sources import detect_format, read_sources, sniff_format
from wiresift.model import Document, IngestError

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGE = page(
    "Aktau",
    ["The port of Aktau reopened on Thursday after a two-day storm, officials said."],
    published="2025-02-06",
)
ARTICLE = "Officials in Tbilisi said on Monday that the talks would resume next week.\n"


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.html", b"<!DOCTYPE html><html>", "html"),
        ("a.htm", b"<p>anything", "html"),
        ("a.html", b"Words a scraper saved under an .html name", "text"),
        ("a.txt", b"Plain words", "text"),
        ("a.md", b"# Heading", "text"),
        ("a.txt", b"<!DOCTYPE html><html><body>", "html"),  # a saved page with the wrong name
        ("a.rss", b"<rss>", "feed"),
        ("a.atom", b"<feed>", "feed"),
        ("a.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("a.xml", b'<?xml version="1.0"?><inventory/>', "xml"),
        ("a.warc", b"WARC/1.0\r\n", "warc"),
        ("a.html", b"WARC/1.1\r\n", "warc"),  # magic beats a wrong extension
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.ndjson", b'{"text": "x"}', "jsonl"),
        ("a.jsonl.gz", b"", "jsonl"),
        ("a.html.gz", b"", "html"),
        (None, b'{"id": 1, "text": "x"}\n', "jsonl"),
        (None, b"\xef\xbb\xbf<!doctype html><html>", "html"),
        (None, b"<div class='story'><p>x</p></div>", "html"),
        (None, b"Just some words from a scraper.", "text"),
        ("README", b"\xff\xfe" + "<html><body>".encode("utf-16-le"), "html"),
    ],
)
def test_detect_format(name: str | None, head: bytes, fmt: str) -> None:
    assert detect_format(name, head) == fmt


def test_sniff_format_defaults_to_text() -> None:
    assert sniff_format(b"") == "text"
    assert sniff_format(b"   Kabul, March 3 -- officials said") == "text"


def test_single_html_file(fake_html: list[dict[str, object]], tmp_path: Path) -> None:
    path = tmp_path / "aktau.html"
    path.write_text(PAGE)
    (doc,) = read_sources([path])
    assert isinstance(doc, Document)
    assert (doc.source, doc.format, doc.published, doc.title) == (str(path), "html", "2025-02-06", "Aktau")
    assert doc.text.startswith("The port of Aktau reopened")
    assert doc.content_hash and doc.id


def test_overrides_apply_to_single_document_inputs(
    fake_html: list[dict[str, object]], tmp_path: Path
) -> None:
    path = tmp_path / "aktau.html"
    path.write_text(PAGE)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        json.dumps({"text": ARTICLE, "published": "2025-01-01", "url": "https://j.example/1"}) + "\n"
    )
    html_doc, json_doc = read_sources([path, jsonl], published="2025-02-10", url="https://x.example/aktau")
    assert isinstance(html_doc, Document) and isinstance(json_doc, Document)
    assert (html_doc.published, html_doc.url) == ("2025-02-10", "https://x.example/aktau")
    assert fake_html[0]["url"] == "https://x.example/aktau"  # from_html sees the url too
    assert (json_doc.published, json_doc.url) == ("2025-01-01", "https://j.example/1")


def test_bad_published_override_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ISO date"):
        list(read_sources([tmp_path], published="next Friday"))


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    jsonl_line = json.dumps({"text": ARTICLE}) + "\n"
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.jsonl").write_text(jsonl_line.replace("Monday", "Friday"))
    (tmp_path / "a.jsonl").write_text(jsonl_line)
    (tmp_path / "c.ndjson").write_text(jsonl_line.replace("Monday", "Sunday"))
    (tmp_path / ".hidden.jsonl").write_text(jsonl_line.replace("Monday", "Tuesday"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.jsonl").write_text(jsonl_line.replace("Monday", "Wednesday"))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes").write_text("no extension: skipped in directory walks")
    (tmp_path / "README.md").write_text("# About this corpus\n\nNot an article.\n")
    (tmp_path / "LICENSE.txt").write_text("Permission is hereby granted...\n")
    sources = [i.source for i in read_sources([tmp_path])]
    assert sources == [
        f"{tmp_path}/a.jsonl#line-1",
        f"{tmp_path}/b/z.jsonl#line-1",
        f"{tmp_path}/c.ndjson#line-1",
    ]


def test_explicit_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\n")
    (doc,) = read_sources([path])
    assert isinstance(doc, Document) and doc.id == "x1"


def test_several_paths_in_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "A", "text": ARTICLE}) + "\n")
    b.write_text(json.dumps({"id": "B", "text": ARTICLE}) + "\n")
    assert [d.id for d in read_sources([b, str(a)]) if isinstance(d, Document)] == ["B", "A"]


def test_stdin(fake_html: list[dict[str, object]]) -> None:
    (doc,) = read_sources(["-"], stdin=io.BytesIO(PAGE.encode()), url="https://x.example/p")
    assert isinstance(doc, Document)
    assert (doc.source, doc.format, doc.url) == ("<stdin>", "html", "https://x.example/p")
    (err,) = read_sources(["-"], stdin=io.BytesIO(b""))
    assert isinstance(err, IngestError) and err.cause == "empty input"


def test_stdin_jsonl_gz_and_warc() -> None:
    data = gzip.compress((json.dumps({"id": "g", "text": ARTICLE}) + "\n").encode())
    (doc,) = read_sources(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, Document) and doc.id == "g" and doc.source == "<stdin>#line-1"


def test_stdin_warc(fake_html: list[dict[str, object]], tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "w.warc.gz", [("https://w.example/a", "200 OK", "text/html", PAGE.encode())])
    (doc,) = read_sources(["-"], stdin=io.BytesIO(warc.read_bytes()))
    assert isinstance(doc, Document) and doc.source.startswith("<stdin>#record-")


def test_gzipped_html_and_feed(fake_html: list[dict[str, object]], tmp_path: Path) -> None:
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "f.rss.gz").write_bytes(gzip.compress((FIXTURES / "feeds" / "atom.atom").read_bytes()))
    items = list(read_sources([tmp_path]))
    assert [(i.format, i.source) for i in items if isinstance(i, Document)] == [
        ("feed", f"{tmp_path}/f.rss.gz#entry-1"),
        ("feed", f"{tmp_path}/f.rss.gz#entry-2"),
        ("html", f"{tmp_path}/p.html.gz"),
    ]


def test_text_files_go_through_from_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import wiresift.ingest.text as text_module

    seen: list[tuple[str, str | None]] = []

    def fake_from_text(raw: str, *, source=None, boilerplate=None, site=None):  # type: ignore[no-untyped-def]
        seen.append((raw, source))
        return Document(text=raw.strip(), source=source)

    monkeypatch.setattr(text_module, "from_text", fake_from_text)
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    (doc,) = read_sources([path], published="2025-03-03")
    assert seen == [(ARTICLE, str(path))]
    assert isinstance(doc, Document)
    assert (doc.format, doc.published, doc.text) == ("text", "2025-03-03", ARTICLE.strip())


def test_cp1251_html_file_through_meta_charset(fake_html: list[dict[str, object]]) -> None:
    path = FIXTURES / "encoding" / "cp1251-meta.html"
    (doc,) = read_sources([path])
    assert isinstance(doc, Document)
    assert "Пограничники усилили патрули" in doc.text


def _real_readers_available() -> bool:
    import wiresift.ingest.html as html_module
    import wiresift.ingest.text as text_module

    return hasattr(html_module, "from_html") and hasattr(text_module, "from_text")


EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.skipif(not _real_readers_available(), reason="from_html/from_text are not written yet")
def test_demo_corpus() -> None:
    from wiresift.ingest.dedup import dedupe

    items = list(dedupe(read_sources([EXAMPLES])))
    errors = [i.line() for i in items if isinstance(i, IngestError)]
    assert errors == []
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 27
    assert {d.format for d in docs} == {"html", "text", "feed", "warc", "jsonl"}
    for d in docs:
        assert d.text.strip() and d.content_hash and d.id, d.source
        assert "\r" not in d.text
    by_url = {d.url: d for d in docs if d.url}
    copy = by_url["https://harbourledger.example/energy/aktau-fire-republished"]
    original = next(
        d for d in docs if d.source and d.source.endswith("steppe-courier-aktau-terminal-fire.html")
    )
    assert copy.duplicate_of == original.id
    assert [d.source for d in docs if d.duplicate_of] == [copy.source]
    border = [d for d in docs if "Timur Saidov" in d.text]
    assert len(border) == 5 and all(d.duplicate_of is None for d in border)
    warc_dates = sorted(d.published for d in docs if d.format == "warc")
    assert warc_dates == ["2025-02-12", "2025-02-21"]  # the pages' own dates, not the crawl dates


def test_symlinked_directories_are_not_followed_inside_walks(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    assert [i.source for i in read_sources([corpus])] == [f"{corpus}/a.jsonl#line-1"]
    # Named explicitly, a symlinked directory is read.
    assert [i.source for i in read_sources([corpus / "loop"])] == [f"{corpus}/loop/a.jsonl#line-1"]
