"""The scraped-plain-text cleaner on the shared sample and on hand-written scraped articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.ingest import IngestFailure
from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.text import from_text
from wiresift.ingest.text_block import best_block
from wiresift.ingest.text_dates import find_date
from wiresift.ingest.text_lines import unwrap
from wiresift.ingest.text_meta import related_item

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


HARBOUR_CAPTIONS = [
    "Photo: A coast guard patrol boat leaves the harbour at Klaipeda on Wednesday / Reuters",
    # a plain sentence above a credit-only line is that picture's caption; the credit is appended
    "Sailors on the deck of a frigate during an exercise off the Lithuanian coast last spring. "
    "Petras Vaitkus/Getty Images",
]


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- the shared sample -------------------------------------------------------------------------------


def test_sample_body_metadata_and_chrome(sample_path: Path) -> None:
    doc = from_text(sample_path.read_text(encoding="utf-8"), source=str(sample_path))
    assert doc.format == "text"
    assert doc.text.startswith("More than 5,000 militants")
    assert doc.text.endswith("at the Kremlin.")
    for chrome in ("English News", "youtube", "facebook", "twitter", "Images courtesy", "Also Read"):
        assert chrome not in doc.text
    assert "Afghanistan Taliban" not in paragraphs(doc.text)
    assert "Afghanistan Taliban Terror" not in paragraphs(doc.text)
    assert doc.title == "5000 terrorists training in Afghan camps near Tajikistan’s border – CSTO chief"
    assert doc.site is not None and doc.site.lower() == "indianarrative"
    assert len(doc.captions) == 1 and doc.captions[0].startswith("Colonel-General Anatoly Sidorov")
    assert [r.title.split()[0] for r in doc.related] == ["Putin", "Russia"]
    assert all(r.url is None for r in doc.related)
    assert {"Afghanistan", "Taliban", "Terror"} <= set(doc.tags)
    # Short real paragraphs between the tag lines survive, the blank-line layout is kept.
    assert "Several other drills are also being planned" in doc.text
    assert "\n\n\n" not in doc.text and "  " not in doc.text
    assert doc.id and doc.content_hash


# --- hand-written fixtures ---------------------------------------------------------------------------


def test_harbourwatch_bylines_dates_captions_related_tags() -> None:
    doc = from_text(fixture("harbourwatch.txt"))
    assert doc.title == "Navy shadows research ship near Baltic cable route for third day"
    assert doc.site == "Harbour Watch"
    assert doc.authors == ["Mira Kovac", "Tomas Reyes"]
    assert doc.published == "2023-03-03"
    assert doc.captions == HARBOUR_CAPTIONS
    assert [(r.title, r.url) for r in doc.related] == [
        ("Finland and Estonia agree joint patrols after pipeline damage", None),
        (
            "Why undersea cables are so hard to defend",
            "https://harbourwatch.example/analysis/undersea-cables",
        ),
    ]
    assert doc.tags == ["Baltic", "Sea", "Navy"]
    paras = paragraphs(doc.text)
    assert paras[0].startswith("Two navy frigates")
    assert paras[-1].endswith("near the cables.")
    assert "It was quiet." in paras  # a three-word paragraph is body, not chrome
    for junk in (
        "Skip to content",
        "Share this",
        "facebook",
        "All rights reserved",
        "Baltic Sea Navy",
        "By Mira",
        "Getty Images",
        "senior correspondent",
    ):
        assert junk not in doc.text


def test_wire_dateline_and_image_courtesy() -> None:
    doc = from_text(fixture("wire_dateline.txt"))
    assert doc.title == "Ceasefire talks stall as shelling resumes near southern port"
    assert doc.site == "The Frontier Ledger"
    assert doc.published == "2023-03-14"
    assert doc.captions[0].startswith("Image: Smoke rises over the harbour district")
    assert [r.title for r in doc.related] == [
        "Grain exports fall for a second month as insurers raise premiums"
    ]
    assert doc.text.startswith("ODESA, March 14 (Frontier Ledger) - Negotiators")
    assert doc.text.endswith("during the afternoon.")
    for junk in ("ALSO READ", "Related stories", "Insurers weigh", "Most read", "bakery"):
        assert junk not in doc.text


def test_dateline_gives_the_date_when_the_page_has_no_date_line() -> None:
    raw = fixture("wire_dateline.txt").replace("Published 14 March 2023\n", "")
    assert from_text(raw).published is None  # "March 14" alone has no year: nothing is invented
    raw = raw.replace("March 14 (Frontier", "March 14, 2023 (Frontier")
    assert from_text(raw).published == "2023-03-14"


def test_comments_tags_and_short_paragraph() -> None:
    doc = from_text(fixture("sahel_monitor.txt"))
    assert doc.title == "Junta expels regional observers as attacks spread to border towns"
    assert doc.authors == ["Amadou Diallo"]
    assert doc.site is not None and doc.site.replace(" ", "").lower() == "sahelmonitor"
    assert doc.tags == ["Mali", "Niger", "Security", "Sahel"]
    assert doc.captions == ["Image: Soldiers stand guard at a checkpoint outside Gao / AFP"]
    assert [r.title for r in doc.related] == ["Burkina Faso recalls ambassador after border incident"]
    assert "The talks failed." in paragraphs(doc.text)
    assert doc.text.endswith("United Nations refugee agency.")
    for junk in ("says:", "Nobody in the capital", "12 Comments", "Tags:", "Written by"):
        assert junk not in doc.text


def test_subheadings_are_body_not_tags() -> None:
    doc = from_text(fixture("subheads.txt"))
    paras = paragraphs(doc.text)
    assert "Paper Trail" in paras and "Military Response" in paras
    assert doc.tags == []
    assert doc.authors == ["Henrik Dahl"]
    assert doc.published == "2023-06-02"
    assert doc.site == "The Northern Courier"
    assert doc.title == "How a smuggling network moved drones through three countries"
    assert (
        paras[-1]
        == "Prosecutors have charged four people. Their lawyers did not respond to requests for comment."
    )
    assert "Related articles" not in doc.text and "Inside the customs" not in doc.text


def test_body_sentences_that_look_like_metadata_stay() -> None:
    tricky = [
        "By the end of the week, both frigates had returned to their home port.",
        "On Feb 10, 2022 the ministry had promised to publish the surveillance data within a month.",
        "Officials said the report was accurate (see photos below).",
    ]
    raw = fixture("harbourwatch.txt").replace(
        "It was quiet.\n", "It was quiet.\n\n" + "\n\n".join(tricky) + "\n"
    )
    doc = from_text(raw)
    for sentence in tricky:
        assert sentence in paragraphs(doc.text)
    assert doc.captions == HARBOUR_CAPTIONS


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    doc = from_text(fixture("wrapped_bulletin.txt"))
    paras = paragraphs(doc.text)
    assert len(paras) == 3
    assert paras[0].startswith(
        "YEREVAN, May 9 (Bulletin) - Authorities reopened the main road crossing on the"
    )
    assert paras[-1].endswith("which could slow traffic.")
    assert doc.title == "Border crossing reopens after week-long closure over militia clashes"
    assert doc.authors == ["Lena Petrossian"]
    assert doc.published == "2023-05-09"
    assert [r.title for r in doc.related] == ["Lorry drivers stranded for days as talks drag on"]


def test_unwrap_leaves_unwrapped_text_alone(sample_path: Path) -> None:
    raw = sample_path.read_text(encoding="utf-8")
    assert unwrap(raw) == raw
    menu = "Home\nWorld\nPolitics\nBusiness\nSport\n"
    assert unwrap(menu) == menu


def test_timeline_sections_stay_together_with_their_dates() -> None:
    doc = from_text(fixture("timeline.txt"))
    paras = paragraphs(doc.text)
    assert paras[0].startswith("The dispute over the river dam")
    assert [p for p in paras if p[0].isupper() and p[-1].isdigit()] == [
        "June 12, 2022",
        "September 3, 2022",
        "March 20, 2023",
    ]
    assert paras[-1].startswith("The regional bloc offered to mediate")
    assert doc.published == "2023-04-30"  # the labelled date above the body, not a section date
    assert "Farmers brace" not in doc.text and "Related stories" not in doc.text


@pytest.mark.parametrize(
    ("line", "title", "url"),
    [
        ("Also Read: Navy drills resume in the strait", "Navy drills resume in the strait", None),
        ("ALSO READ | Envoy recalled after border incident", "Envoy recalled after border incident", None),
        ("Read more: https://news.example/a/1", "https://news.example/a/1", "https://news.example/a/1"),
        ("Related: Ports reopen (https://news.example/b/2)", "Ports reopen", "https://news.example/b/2"),
    ],
)
def test_related_lines(line: str, title: str, url: str | None) -> None:
    item = related_item(line)
    assert item is not None and (item.title, item.url) == (title, url)


def test_outlet_credit_recurring_site_name_and_filed_under() -> None:
    doc = from_text(fixture("caspian_post.txt"))
    assert doc.site == "Caspian Post"  # confirmed by "told the Caspian Post" and the footer
    assert doc.title == "Pipeline operator halts pumping after drone sighting near compressor station"
    assert doc.captions == [
        "Naval patrol boats near the terminal at dawn on Monday. (Caspian Post / Leyla Mammadova)"
    ]
    assert doc.tags == ["Energy", "Pipelines", "Drones"]
    assert doc.text.startswith("The operator of a cross-border oil pipeline")
    assert doc.text.endswith("since the start of the year.")


def test_site_argument_wins_and_source_is_kept() -> None:
    doc = from_text(fixture("subheads.txt"), source="courier/drones.txt", site="northern-courier.example")
    assert doc.site == "northern-courier.example"
    assert doc.source == "courier/drones.txt"


def test_learned_boilerplate_is_removed_from_the_body() -> None:
    appeal = (
        "Our reporting is paid for by readers like you, and every contribution keeps this newsroom going."
    )
    raw = fixture("subheads.txt").replace("Paper Trail\n", f"Paper Trail\n\n{appeal}\n")
    assert appeal in from_text(raw).text
    model = BoilerplateModel()
    for story in ("harbourwatch.txt", "wire_dateline.txt", "sahel_monitor.txt"):
        model.observe("courier", fixture(story) + f"\n{appeal}\n")
    doc = from_text(raw, site="courier", boilerplate=model)
    assert appeal not in doc.text
    assert "The first shipments were flagged" in doc.text


@pytest.mark.parametrize(
    "raw",
    ["", "   \n\n \t\n", "Home\nNews\nSport\nWeather\n\nfacebook\ntwitter\n© 2023 Example Media"],
)
def test_no_body_raises_ingest_failure(raw: str) -> None:
    with pytest.raises(IngestFailure):
        from_text(raw)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Updated: Feb 10, 2022 14:05 IST", "2022-02-10"),
        ("Published 18 November 2019", "2019-11-18"),
        ("Posted 2016.12.01", "2016-12-01"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("02/10/2022", None),  # day/month order is ambiguous: no guess
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=120), max_size=30))
def test_body_is_built_from_input_lines(chunks: list[str]) -> None:
    raw = "\n".join(chunks)
    try:
        doc = from_text(raw)
    except IngestFailure:
        return
    unix = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    source_lines = {" ".join(line.split()) for line in unix.split("\n")}
    for para in paragraphs(doc.text):
        assert para and para == para.strip()
        assert " ".join(para.split()) in source_lines


def test_best_block_is_the_maximum_subarray() -> None:
    assert best_block([-2.0, 5.0, -1.0, 4.0, -10.0, 3.0]) == (8.0, 1, 4)
    assert best_block([-1.0, -2.0]) == (0.0, 0, 0)
    assert best_block([3.0, -5.0, 4.0], lo=1) == (4.0, 2, 3)


def test_comment_thread_longer_than_the_story_is_not_the_body() -> None:
    story = fixture("sahel_monitor.txt")
    rant = " ".join(["This is a long reader comment that goes on about the government and the army."] * 12)
    raw = story + f"\nlong_reader says:\nFebruary 22, 2023 at 9:00 am\n{rant}\n"
    doc = from_text(raw)
    assert "long reader comment" not in doc.text
    assert doc.text.startswith("The military government in Bamako")
