"""``read_sources(chunk=N)``: the same items as one call, from paths walked as reading goes."""

from __future__ import annotations

from pathlib import Path

from wiresift.ingest.sources import count_sources, read_sources
from wiresift.model import Document, IngestError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def summary(items: list[Document | IngestError]) -> list[tuple[str, str]]:
    return [
        (item.source or "", item.text) if isinstance(item, Document) else (item.source, item.cause)
        for item in items
    ]


def test_chunks_give_the_items_of_one_call_and_count_sources_counts_them(tmp_path: Path) -> None:
    events: list[str] = []
    whole = list(read_sources([EXAMPLES], progress=lambda event, message: events.append(event)))
    for chunk in (1, 3, 1000):
        assert summary(list(read_sources([EXAMPLES], chunk=chunk))) == summary(whole)
    assert count_sources([EXAMPLES]) == int(events.count("read")) > 5
    (tmp_path / "nothing.txt").write_bytes(b"")
    assert count_sources([EXAMPLES, tmp_path / "missing", tmp_path]) == events.count("read") + 2


def test_chunked_reading_walks_lazily(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    for n in range(3):
        (tmp_path / "a" / f"{n}.txt").write_text(
            f"Harbour note {n}.\n\nThe ferry to Tamsin left at {n} pm.\n"
        )
    items = read_sources([tmp_path], chunk=1)
    first = next(items)
    assert isinstance(first, Document) and first.source is not None and first.source.endswith("0.txt")
    # Folder b is walked only when reading reaches it: a file made now is found (one call lists it first).
    (tmp_path / "b" / "late.txt").write_text(
        "A late bulletin.\n\nThe pier at Halvik stays closed until May.\n"
    )
    sources = [item.source for item in items if isinstance(item, Document)]
    assert [Path(str(s)).name for s in sources] == ["1.txt", "2.txt", "late.txt"]
