"""RSS/Atom: one document per entry, entry metadata first, full content over summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import fake_html_fixture  # noqa: F401 - the fake_html fixture

from wiresift.ingest.feeds import read_feed
from wiresift.model import Document, IngestError

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
pytestmark = pytest.mark.usefixtures("fake_html")


def _read(name: str) -> list[Document | IngestError]:
    return list(read_feed((FEEDS / name).read_bytes(), f"feeds/{name}"))


def test_rss_entries_with_metadata_and_full_content(fake_html: list[dict[str, object]]) -> None:
    first, _brief, _empty = _read("rss-full.rss")
    assert isinstance(first, Document)
    assert first.source == "feeds/rss-full.rss#entry-1"
    assert first.format == "feed"
    assert first.url == "https://caspianmonitor.example/energy/gas-swap-deal"
    assert first.title == "Azerbaijan and Turkmenistan sign gas swap deal at Baku forum"
    assert first.site == "Caspian Monitor"
    assert first.published == "2025-02-05"
    assert first.authors == ["Elnur Huseynov"]
    assert first.tags == ["Energy", "Caspian Sea"]
    # content:encoded wins over the teaser in <description>, and long HTML goes through from_html
    assert "teaser" not in first.text
    assert first.text.startswith("Azerbaijan and Turkmenistan signed an agreement on Wednesday")
    assert "Zaur Mammadli" in first.text
    assert [c["url"] for c in fake_html] == [first.url]
    assert first.content_hash and first.id == first.content_hash[:16]


def test_short_html_summary_is_flattened_without_the_page_extractor(
    fake_html: list[dict[str, object]],
) -> None:
    brief = _read("rss-full.rss")[1]
    assert isinstance(brief, Document)
    assert brief.text == "The port of Aktau reopened on Thursday after a two-day storm."
    assert brief.authors == ["Port Desk"]  # "email (Name)" parsed, not feedparser's mangled split
    assert all(c["source"] != brief.source for c in fake_html)


def test_entry_without_body_is_an_error_and_the_rest_go_on() -> None:
    items = _read("rss-full.rss")
    assert isinstance(items[2], IngestError)
    assert items[2].source == "feeds/rss-full.rss#entry-3"
    assert items[2].cause == "feed entry has no content or summary"


def test_atom_authors_categories_and_dates() -> None:
    mine, grain = _read("atom.atom")
    assert isinstance(mine, Document) and isinstance(grain, Document)
    assert mine.authors == ["Petar Dimitrov", "Elena Stoyanova"]
    assert mine.tags == ["Bulgaria", "Naval mines"]
    assert mine.published == "2025-03-01"  # <published>, not the later <updated>
    assert mine.text.startswith("Divers destroyed a drifting mine")
    assert grain.published == "2025-02-27"  # only <updated> is present
    assert grain.url == "https://blackseanotes.example/2025/02/odesa-grain"
    assert "Oksana Kovalenko" in grain.text
    assert "<p>" not in grain.text


def test_feed_metadata_wins_and_html_guess_fills_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.ingest.html as html_module

    def guessing(html: str, *, source: str | None = None, url: str | None = None) -> Document:
        return Document(
            text="Body. " * 200,
            title="Guessed title",
            published="1999-01-01",
            captions=["A caption"],
            source=source,
        )

    monkeypatch.setattr(html_module, "from_html", guessing, raising=False)
    doc = _read("rss-full.rss")[0]
    assert isinstance(doc, Document)
    assert doc.title == "Azerbaijan and Turkmenistan sign gas swap deal at Baku forum"
    assert doc.published == "2025-02-05"
    assert doc.captions == ["A caption"]  # the entry has none, so the HTML path's value stays


def test_extraction_that_drops_most_text_falls_back_to_flattening(monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.ingest.html as html_module

    def lossy(html: str, *, source: str | None = None, url: str | None = None) -> Document:
        return Document(text="Only one sentence survived.", source=source)

    monkeypatch.setattr(html_module, "from_html", lossy, raising=False)
    doc = _read("rss-full.rss")[0]
    assert isinstance(doc, Document)
    assert "Merdan Annayev" in doc.text and "Zaur Mammadli" in doc.text
    assert doc.id == doc.content_hash[:16]


def test_bozo_feed_with_entries_still_yields_them() -> None:
    (doc,) = _read("bozo-entities.rss")
    assert isinstance(doc, Document)
    assert (
        doc.text == "Georgian officials said on Monday that talks on the Anaklia port would resume next week."
    )
    assert doc.published == "2025-03-03"


def test_feed_with_no_entries() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    (err,) = read_feed(data, "quiet.rss")
    assert isinstance(err, IngestError) and err.cause == "feed has no entries"


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("pubDate", "Thu, 13 Mar 2025 01:00:00 +0500", "2025-03-13"),  # 12 March in UTC
        ("pubDate", "Wed, 12 Mar 2025 23:30:00 -0700", "2025-03-12"),  # 13 March in UTC
        ("pubDate", "13 March 2025", "2025-03-13"),  # not RFC 822: feedparser's own parse is used
    ],
)
def test_entry_date_is_the_publishers_local_date(field: str, raw: str, expected: str) -> None:
    data = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title>'
        f"<{field}>{raw}</{field}><description>Officials in Astana said the meeting was over.</description>"
        "</item></channel></rss>"
    ).encode()
    (doc,) = read_feed(data, "t.rss")
    assert isinstance(doc, Document)
    assert doc.published == expected
