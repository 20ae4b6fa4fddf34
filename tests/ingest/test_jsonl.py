"""JSONL: text kept verbatim (line endings normalised), fields copied, one error per bad line."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from ingest_helpers import fake_html_fixture  # noqa: F401 - the fake_html fixture

from wiresift.ingest.jsonl import read_jsonl
from wiresift.ingest.sources import read_sources
from wiresift.model import Document, IngestError

MIXED = Path(__file__).parents[1] / "fixtures" / "jsonl" / "mixed.jsonl"
pytestmark = pytest.mark.usefixtures("fake_html")


def _items() -> list[Document | IngestError]:
    return list(read_sources([MIXED]))


def test_good_lines_become_documents_with_their_fields() -> None:
    docs = {d.id: d for d in _items() if isinstance(d, Document)}
    kg = docs["kg-001"]
    assert kg.text == (
        "Kyrgyzstan's parliament on Thursday approved the border treaty with Tajikistan by 78 votes to 2.\n\n"
        'Speaker Talant Usenov said the vote closed "a painful chapter" for Batken.\n'
    )
    assert (kg.title, kg.site, kg.url, kg.published) == (
        "Kyrgyz parliament approves border treaty",
        "Tian Shan Times",
        "https://tianshan.example/kg-001",
        "2025-01-30",
    )
    assert kg.source == f"{MIXED}#line-1"
    assert kg.format == "jsonl"
    assert kg.content_hash
    numeric = docs["42"]
    assert numeric.published == "2025-02-07"
    assert numeric.authors == ["Ani Petrosyan"] and numeric.tags == ["Armenia"]


def test_html_lines_go_through_from_html_and_line_fields_win(fake_html: list[dict[str, object]]) -> None:
    doc = next(d for d in _items() if isinstance(d, Document) and d.id == "html-1")
    assert doc.title == "Title from the JSON line"
    assert doc.published == "2025-03-01"  # the page's own date fills what the line leaves out
    assert doc.text.startswith("Turkish officials said on Saturday")
    assert fake_html[-1]["url"] == "https://harbour.example/h1"


def test_line_without_id_gets_a_hash_id() -> None:
    doc = next(d for d in _items() if isinstance(d, Document) and d.site == "Northline Wire")
    assert doc.id == doc.content_hash[:16]


def test_bad_lines_are_errors_naming_the_line_and_cause() -> None:
    errors = {e.source: e.cause for e in _items() if isinstance(e, IngestError)}
    assert errors == {
        f"{MIXED}:line 4": "invalid JSON (Unterminated string starting, column 26)",
        f"{MIXED}:line 5": "expected a JSON object, got list",
        f"{MIXED}:line 6": 'no "text" or "html" field',
        f"{MIXED}:line 7": "field \"published\" is not an ISO date (YYYY-MM-DD): 'last Tuesday'",
        f"{MIXED}:line 9": 'field "text" must be a string, got list',
    }
    assert sum(isinstance(i, Document) for i in _items()) == 4


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = [
        f'{{"id": "n{i}", "text": "Report number {i} from Bishkek. ' + "x" * 2000 + '"}' for i in range(200)
    ]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_sources([path]))
    docs = [i for i in items if isinstance(i, Document)]
    assert 0 < len(docs) < 200
    assert [d.id for d in docs] == [f"n{i}" for i in range(len(docs))]
    assert isinstance(items[-1], IngestError)
    assert items[-1].cause.startswith("read failed part-way")


def test_oversized_line(tmp_path: Path) -> None:
    raw = io.BytesIO(b'{"id": "a", "text": "' + b"word " * 100 + b'"}')
    (err,) = read_jsonl(raw, "big.jsonl", max_bytes=100)
    assert isinstance(err, IngestError)
    assert err.source == "big.jsonl:line 1"
    assert "per-document cap" in err.cause


def test_non_utf8_line() -> None:
    (err,) = read_jsonl(io.BytesIO(b'{"text": "caf\xe9"}'), "x.jsonl")
    assert isinstance(err, IngestError) and err.cause.startswith("not UTF-8")


def test_json_file_with_one_object_or_a_list(tmp_path: Path) -> None:
    import json

    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "j1", "text": "Officials met in Baku on Monday."}, indent=2))
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"id": "j2", "text": "Talks resumed in Tbilisi."}, {"title": "no body"}], indent=2)
    )
    doc, second, bad = read_sources([one, many])
    assert isinstance(doc, Document) and (doc.id, doc.format, doc.source) == ("j1", "json", str(one))
    assert isinstance(second, Document) and second.source == f"{many}#item-1"
    assert isinstance(bad, IngestError) and (bad.source, bad.cause) == (
        f"{many}#item-2",
        'no "text" or "html" field',
    )


def test_pretty_printed_json_on_stdin_is_one_document() -> None:
    import io
    import json

    data = json.dumps({"id": "s1", "text": "Officials met in Baku on Monday."}, indent=2).encode()
    (doc,) = read_sources(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, Document) and doc.id == "s1"
