"""``wiresift import``: bad input is one line naming the file and cause, and signatures are kept."""

from __future__ import annotations

import io
import json
import re
import zlib
from pathlib import Path

from click.testing import CliRunner
from export_stores import full_document

from wiresift import api
from wiresift.cli import cli
from wiresift.export.jsonl import dumps, read_export, read_records
from wiresift.model import Document, IngestError, content_hash

FIXTURES = Path(__file__).parents[1] / "fixtures" / "store"


def png_bytes() -> bytes:
    """A real 1×1 PNG: signature, IHDR, IDAT and IEND chunks."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def record(n: int) -> bytes:
    return dumps(full_document(n)).encode("utf-8") + b"\n"


def import_cli(paths: list[Path], db: Path) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(cli, ["import", *map(str, paths), "--db", str(db)])
    return result.exit_code, result.stdout.strip(), result.stderr.splitlines()


def test_bad_lines_are_one_line_errors_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    nested = b'{"schema": "wiresift/1", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    path.write_bytes(
        record(1)
        + nested
        + b'{"schema": "wiresift/1", "text": "caf\xe9"}\n'  # a Latin-1 byte
        + b'{"schema": "wiresift/1", "text": "x", "quotes": [{"start": NaN}]}\n'
        + b'{"schema": "wiresift/1", "text": "big", "claims": [{"value": 1e999}]}\n'
        + b'{"schema": "wiresift/1", "text": 5}\n'
        + b'["a list"]\n'
        + b'{"schema": "wiresift/1", "text": "lone \\ud800 surrogate"}\n'
        + b"\n"
        + record(2)
    )
    code, summary, errors = import_cli([path], tmp_path / "w.db")
    assert (code, summary) == (0, "ingested 2, duplicates 0, near-duplicates 0, failed 7")
    causes = [e.removeprefix(f"{path}:") for e in errors]
    assert causes == [
        "line 2: invalid JSON: nested too deeply",
        "line 3: not UTF-8 (byte 37): an export record must be UTF-8",
        "line 4: invalid JSON: NaN is not a JSON number",
        "line 5: invalid JSON: number 1e999 is out of range",
        "line 6: invalid record: text: Input should be a valid string",
        "line 7: not a wiresift/1 record (not a JSON object)",
        "line 8: invalid JSON: lone surrogate \\ud800 is not Unicode text",
    ]


def test_binary_and_foreign_files_are_one_error_each(tmp_path: Path) -> None:
    png, articles, good = tmp_path / "photo.png", tmp_path / "articles.jsonl", tmp_path / "good.jsonl"
    png.write_bytes(png_bytes() * 50)
    articles.write_text('{"id": "1", "text": "plain input"}\n' * 500)
    good.write_bytes(record(1))
    code, summary, errors = import_cli([png, articles, tmp_path / "missing.jsonl", good], tmp_path / "w.db")
    assert (code, summary) == (0, "ingested 1, duplicates 0, near-duplicates 0, failed 3")
    assert len(errors) == 3  # one per bad file, however many lines it has
    assert re.fullmatch(rf"{re.escape(str(png))}: .*(binary|not UTF-8).*", errors[0])
    assert errors[1] == (
        f'{articles}: not a wiresift/1 JSONL export (line 1: "schema" is not "wiresift/1"); '
        "`wiresift ingest` reads article JSONL"
    )
    assert re.fullmatch(
        rf"{re.escape(str(tmp_path / 'missing.jsonl'))}: .*No such file or directory", errors[2]
    )


def test_nothing_stored_exits_2(tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(png_bytes())
    code, summary, errors = import_cli([png], tmp_path / "w.db")
    assert (code, summary, len(errors)) == (2, "ingested 0, duplicates 0, near-duplicates 0, failed 1", 1)


def test_over_long_line_is_skipped_without_holding_it() -> None:
    data = record(1) + b'{"schema": "wiresift/1", "text": "' + b"x" * 5000 + b'"}\n' + record(2)
    items = list(read_export(io.BytesIO(data), "dump.jsonl", max_bytes=len(record(1)) + 10))
    assert [type(i) for i in items] == [Document, IngestError, Document]
    assert (
        isinstance(items[1], IngestError)
        and items[1].line() == "dump.jsonl:line 2: record over 0 MiB: skipped"
    )


def test_content_hash_is_recomputed_from_the_text(tmp_path: Path) -> None:
    doc = full_document(1)
    forged = {**doc.to_record(), "content_hash": "0" * 64}
    path = tmp_path / "forged.jsonl"
    path.write_text(json.dumps(forged) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    assert api.import_jsonl([path], db=db).ingested == 1
    with api.open_store(db) as store:
        assert store.find_hash(content_hash(doc.text)) == doc.id and store.find_hash("0" * 64) is None


def test_import_keeps_near_duplicate_detection(tmp_path: Path) -> None:
    """Issue 17: a near-copy linked before export → import must still be found after it."""
    original, copy = FIXTURES / "csto_drills.txt", FIXTURES / "csto_drills_copy.txt"
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    report = api.ingest([original, copy], db=first, only="extract")
    assert (report.ingested, report.near_duplicates) == (1, 1)
    dump = tmp_path / "dump.jsonl"
    with api.open_store(first) as store:
        api.export_file(store, "jsonl", dump)
        root = next(d.id for d in store.documents() if d.duplicate_of is None)
    imported = api.import_jsonl([dump], db=second)
    assert (imported.ingested, imported.near_duplicates, imported.failed) == (1, 1, 0)
    with api.open_store(second) as store:
        assert len(list(store.signatures())) == 2
    third = tmp_path / "third_copy.txt"  # another syndicated copy: a new tagline, one word changed
    text = copy.read_text(encoding="utf-8").replace("until Saturday", "until Sunday")
    third.write_text(text + "\nDistributed by a partner agency.\n", encoding="utf-8")
    again = api.ingest([third], db=second, only="extract")
    assert (again.ingested, again.near_duplicates) == (0, 1)
    with api.open_store(second) as store:
        [linked] = [d for d in store.documents() if d.source == str(third)]
    assert linked.duplicate_of == root


def test_text_lines_get_the_same_checks() -> None:
    """``read_records`` takes decoded lines too (an importer that decodes or decompresses itself)."""
    lines = [
        record(1).decode(),
        "",
        '{"schema": "wiresift/1", "text": "x", "value": Infinity}',
        '{"schema": "wiresift/1", "text": "a\\u0000b", "id": "\u0000"}',
        "[" * 50_000,
        record(2).decode(),
    ]
    items = list(read_records(lines, "dump.jsonl"))
    assert [i.line() if isinstance(i, IngestError) else i.id for i in items] == [
        "doc-1",
        "dump.jsonl:line 3: invalid JSON: Infinity is not a JSON number",
        "dump.jsonl:line 4: NUL character at column 53: binary data, not JSON text",
        "dump.jsonl:line 5: invalid JSON: nested too deeply",
        "doc-2",
    ]
    first_foreign = list(read_records(['{"id": "1", "text": "an article"}', record(1).decode()], "in.jsonl"))
    assert [i.line() for i in first_foreign if isinstance(i, IngestError)] == [
        'in.jsonl: not a wiresift/1 JSONL export (line 1: "schema" is not "wiresift/1"); '
        "`wiresift ingest` reads article JSONL"
    ]
