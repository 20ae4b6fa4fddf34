"""read_sources learns per-site boilerplate from the scraped texts it reads and cleans them with it."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.sources import read_sources
from wiresift.ingest.text import from_text
from wiresift.ingest.text_batch import site_key
from wiresift.model import Document, IngestError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "boilerplate"
LEDGER = FIXTURES / "harbour-ledger"
COURIER = FIXTURES / "steppe-courier"
NEWSLETTER = "Sign up for the Morning Manifest, our shipping newsletter, every weekday at seven."
TELEGRAM = "Follow us on Telegram for live updates from the Black Sea."
REPEATED = {NEWSLETTER, TELEGRAM}
ONLY_ONCE = "A correction was added to this story on March 10 to fix the length of the planned breakwater."


def docs_of(items: list[Document | IngestError]) -> dict[str, Document]:
    assert [x for x in items if isinstance(x, IngestError)] == []
    return {Path(str(d.source)).name: d for d in items if isinstance(d, Document)}


def single(path: Path) -> Document:
    """What the cleaner keeps from one document alone, without a learned model."""
    return from_text(path.read_text(encoding="utf-8"), source=str(path))


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def test_fixture_lines_survive_a_single_document_cleaner() -> None:
    for path in sorted(LEDGER.glob("*.txt")):
        assert set(paragraphs(single(path))) >= REPEATED, path.name


def test_repeated_lines_are_removed_and_every_other_body_line_stays() -> None:
    docs = docs_of(list(read_sources([FIXTURES])))
    ledger = sorted(LEDGER.glob("*.txt"))
    assert len(ledger) == 6
    for path in ledger:
        doc = docs[path.name]
        expected = [p for p in paragraphs(single(path)) if p not in REPEATED]
        assert paragraphs(doc) == expected, path.name
        assert NEWSLETTER not in doc.text and TELEGRAM not in doc.text
        assert doc.site == "Harbour Ledger"
        assert doc.format == "text"


def test_a_line_in_one_article_only_stays() -> None:
    docs = docs_of(list(read_sources([FIXTURES])))
    assert ONLY_ONCE in paragraphs(docs["02-anaklia-port.txt"])


def test_another_outlet_is_unaffected() -> None:
    docs = docs_of(list(read_sources([FIXTURES])))
    for path in sorted(COURIER.glob("*.txt")):
        alone = single(path)
        assert docs[path.name].text == alone.text
        assert docs[path.name].site == alone.site
        assert "Read the Steppe Courier morning briefing in your inbox every day." in docs[path.name].text


def test_parent_directory_keys_sites_the_cleaner_cannot_name(tmp_path: Path) -> None:
    outlet = tmp_path / "outlet"
    outlet.mkdir()
    for path in sorted(LEDGER.glob("*.txt")):  # drop the masthead, domain and menu: no site to detect
        (outlet / path.name).write_text("\n".join(path.read_text().splitlines()[3:]), encoding="utf-8")
    docs = docs_of(list(read_sources([outlet])))
    assert len(docs) == 6
    for name, doc in docs.items():
        alone = from_text((outlet / name).read_text(), source=name)
        assert alone.site is None and doc.site is None  # the directory key is not written into the document
        assert paragraphs(doc) == [p for p in paragraphs(alone) if p not in REPEATED]


def test_explicit_site_keys_and_names_the_documents() -> None:
    docs = docs_of(list(read_sources([LEDGER], site="Harbour Ledger Online")))
    for doc in docs.values():
        assert doc.site == "Harbour Ledger Online"
        assert TELEGRAM not in doc.text


def test_two_documents_are_not_enough_to_learn(tmp_path: Path) -> None:
    for path in sorted(LEDGER.glob("*.txt"))[:2]:
        shutil.copy(path, tmp_path / path.name)
    docs = docs_of(list(read_sources([tmp_path])))
    assert all(TELEGRAM in d.text for d in docs.values())


def test_a_model_saved_from_one_run_cleans_the_next(tmp_path: Path) -> None:
    ledger = sorted(LEDGER.glob("*.txt"))
    model, observed = BoilerplateModel(), set[str]()
    list(read_sources(ledger[:3], boilerplate=model, observed=observed))
    saved = json.dumps({"model": model.to_dict(), "observed": sorted(observed)})

    alone = docs_of(list(read_sources(ledger[5:])))["06-drone-strike-port.txt"]
    assert TELEGRAM in alone.text  # one document cannot teach itself anything
    data = json.loads(saved)
    loaded, seen = BoilerplateModel.from_dict(data["model"]), set(data["observed"])
    doc = docs_of(list(read_sources(ledger[5:], boilerplate=loaded, observed=seen)))[
        "06-drone-strike-port.txt"
    ]
    assert paragraphs(doc) == [p for p in paragraphs(alone) if p not in REPEATED]
    assert loaded.sites["harbourledger"].docs == 4


def test_pages_read_again_are_not_counted_again() -> None:
    ledger = sorted(LEDGER.glob("*.txt"))[:2]
    model, observed = BoilerplateModel(), set[str]()
    for _ in range(3):  # the same two pages, three runs: still two documents, nothing learned
        docs = docs_of(list(read_sources(ledger, boilerplate=model, observed=observed)))
    assert model.sites["harbourledger"].docs == 2
    assert all(TELEGRAM in d.text for d in docs.values())
    list(read_sources([ledger[0], ledger[0], ledger[1]], boilerplate=BoilerplateModel()))  # no crash
    fresh = BoilerplateModel()
    list(read_sources([ledger[0], ledger[0], ledger[0]], boilerplate=fresh))
    assert fresh.sites["harbourledger"].docs == 1


UPDATES = [
    "Update: the operator said late on Saturday that traffic had been rerouted through Turkey.",
    "Update: divers found a ship's anchor dragged across the cable about forty metres from the break.",
    "Update: the Bulgarian prosecutor's office opened an inquiry into possible sabotage on Sunday.",
]


@pytest.mark.parametrize("distinct", [True, False], ids=["own-update-each", "same-update"])
def test_versions_of_one_story_keep_their_body(tmp_path: Path, distinct: bool) -> None:
    """Saved versions of one article share all its sentences: learning them would leave a stub (when each
    version adds its own update) or nothing at all, so the single-document body is kept."""
    raw = (LEDGER / "04-cable-repair.txt").read_text()
    for n in range(3):
        update = UPDATES[n] if distinct else UPDATES[0]
        text = raw.replace("Follow us on Telegram", f"{update}\n\nFollow us on Telegram", 1)
        (tmp_path / f"v{n}.txt").write_text(text, encoding="utf-8")
    docs = docs_of(list(read_sources([tmp_path])))
    assert len(docs) == 3
    for name, doc in docs.items():
        assert doc.text == from_text((tmp_path / name).read_text()).text


def test_input_order_is_kept_across_formats(tmp_path: Path) -> None:
    for path in sorted(LEDGER.glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    line = {"id": "j1", "text": "A body that came from an archive.", "site": "Archive"}
    (tmp_path / "02-b.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (tmp_path / "00-empty.txt").write_text("", encoding="utf-8")
    items = list(read_sources([tmp_path]))
    names = [Path(str(x.source)).name.split("#")[0] for x in items]
    assert names == [
        "00-empty.txt",
        "01-constanta-mine.txt",
        "02-anaklia-port.txt",
        "02-b.jsonl",
        "03-tanker-detained.txt",
    ]
    assert isinstance(items[0], IngestError) and items[0].cause == "empty file (0 bytes)"
    assert all(TELEGRAM not in x.text for x in items if isinstance(x, Document) and x.format == "text")


def test_stdin_text_uses_a_loaded_model() -> None:
    model = BoilerplateModel()
    list(read_sources(sorted(LEDGER.glob("*.txt"))[:4], boilerplate=model))
    raw = (LEDGER / "06-drone-strike-port.txt").read_bytes()
    (doc,) = list(read_sources(["-"], stdin=io.BytesIO(raw), boilerplate=model))
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>" and doc.site == "Harbour Ledger"
    assert TELEGRAM not in doc.text and NEWSLETTER not in doc.text


@pytest.mark.parametrize(
    ("explicit", "detected", "key"),
    [
        ("Harbour Ledger", "Other", "harbourledger"),
        (None, "www.HarbourLedger.com", "harbourledger"),
        (None, "Harbour-Ledger", "harbourledger"),
        (None, "news.example.co.uk", "newsexample"),
        ("  ", None, None),
    ],
)
def test_site_key(explicit: str | None, detected: str | None, key: str | None) -> None:
    assert site_key(explicit, detected, None) == key


def test_site_key_falls_back_to_the_resolved_directory(tmp_path: Path) -> None:
    assert site_key(None, None, tmp_path / "a" / "..") == f"dir:{tmp_path.resolve()}"


def test_other_formats_are_still_read_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.ingest.sources as sources

    pulled: list[object] = []
    real = sources.read_jsonl

    def counting(*args: object, **kwargs: object) -> Iterator[Document | IngestError]:
        for item in real(*args, **kwargs):  # type: ignore[arg-type]
            pulled.append(item)
            yield item

    monkeypatch.setattr(sources, "read_jsonl", counting)
    rows = [{"id": f"r{n}", "text": f"Record number {n} of the archive."} for n in range(50)]
    (tmp_path / "archive.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    shutil.copy(LEDGER / "01-constanta-mine.txt", tmp_path / "b.txt")
    items = read_sources([tmp_path])
    first = next(items)
    assert isinstance(first, Document) and first.id == "r0"
    assert len(pulled) == 1  # the other 49 records are not parsed until asked for
    assert len(list(items)) == 50
