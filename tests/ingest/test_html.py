"""HTML ingestion: body and metadata of hand-written news pages, boilerplate pruning, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.ingest import IngestFailure
from wiresift.ingest.html import MAX_HTML_CHARS, extract_body, from_html
from wiresift.ingest.html_body import choose
from wiresift.ingest.html_clean import clean_lines
from wiresift.ingest.html_meta import is_person, split_authors
from wiresift.ingest.tail import trim_tail

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def load(name: str, url: str | None = None):  # type: ignore[no-untyped-def]
    path = FIXTURES / name
    return from_html(path.read_text(encoding="utf-8"), source=str(path), url=url)


# name, url passed in, expected metadata, first and last body paragraph starts, text that must not be in the body
CASES = [
    (
        "kharkiv_drone_strike.html",
        None,
        {
            "url": "https://ledger.example.org/world/2024/03/kharkiv-drone-strike-power",
            "site": "The Northern Ledger",
            "title": "Drone strike cuts power to eastern Kharkiv districts",
            "published": "2024-03-14",
            "authors": ["Olena Marchuk"],
            "language": "en",
            "captions": [
                "Repair crews inspect a damaged substation on the eastern edge of Kharkiv on Thursday morning."
            ],
            "tags": ["Ukraine", "Energy infrastructure", "Drones", "World"],
            "related": [
                {
                    "title": "Grid operator warns of summer electricity shortages",
                    "url": "https://ledger.example.org/world/2024/02/grid-operator-warns-of-summer-shortages",
                },
                {
                    "title": "Air defence deliveries delayed by two months, officials say",
                    "url": "https://ledger.example.org/world/2024/01/air-defence-deliveries-delayed",
                },
                {
                    "title": "Winter blackouts explained: how rolling outages are scheduled",
                    "url": "https://ledger.example.org/world/2023/12/winter-blackouts-explained",
                },
            ],
        },
        ("A wave of attack drones struck", "Engineers said the transformer"),
        ["We use cookies", "Morning Briefing newsletter", "Business", "All rights reserved", "Repair crews"],
    ),
    (
        "ransomware_advisory.html",
        "https://hsr.example.com/news/2023/11/port-ransomware-advisory",
        {
            "url": "https://hsr.example.com/news/2023/11/port-ransomware-advisory",
            "site": "Harbour Security Review",
            "title": "Agencies warn of ransomware crew targeting port logistics software",
            "published": "2023-11-02",
            "authors": ["Priya Raman", "Tomasz Wielgosz"],
            "language": "en",
            "captions": ["Gantry cranes stand idle at a container terminal during an outage last month."],
            "tags": ["ransomware", "critical infrastructure", "shipping"],
            "related": [
                {
                    "title": "Timeline of the autumn port outages",
                    "url": "https://hsr.example.com/news/2023/10/port-outage-timeline",
                },
                {
                    "title": "Insurers tighten cyber cover for maritime firms",
                    "url": "https://hsr.example.com/news/2023/10/insurers-tighten-cyber-cover",
                },
                {
                    "title": "Phishing kit targets customs brokers across the EU",
                    "url": "https://hsr.example.com/news/2023/09/phishing-kit-targets-customs-brokers",
                },
            ],
        },
        ("Cybersecurity agencies from five countries", "Shipping industry groups said"),
        ["Read more", "dataLayer", "Great piece", "Log in", "Gantry cranes stand idle"],
    ),
    (
        "sahel_election.html",
        None,
        {
            "url": None,
            "site": "Le Courrier du Fleuve",
            "title": "Sahel: la commission électorale repousse le scrutin présidentiel",
            "published": "2024-06-21",
            "authors": ["Aminata Diallo"],
            "language": "fr",
            "captions": ["Un bureau de vote fermé à la périphérie de la capitale, en juin."],
            "tags": ["Élections", "Sécurité", "Afrique"],
            "related": [
                {
                    "title": "Le calendrier de la transition en cinq dates",
                    "url": "/afrique/2024/05/transition-militaire-calendrier",
                }
            ],
        },
        ("La commission électorale nationale", "Les partenaires régionaux"),
        ["Ce site utilise des cookies", "Partager sur", "Also read", "Accueil"],
    ),
    (
        "baltic_cable.html",
        "https://coastal.example.net/maritime/2025/01/tanker-boarded",
        {
            "url": "https://coastal.example.net/maritime/2025/01/tanker-boarded",
            "site": "coastal.example.net",
            "title": "Investigators board tanker after Baltic cable damage",
            "published": "2025-01-09",
            "authors": ["Ingrid Holm"],
            "language": None,
            "captions": ["The tanker at anchor off the Finnish coast on Thursday. Photo: Coastal Watch"],
            "tags": [],
            "related": [
                {
                    "title": "Shadow fleet tankers sail without proper insurance, report finds",
                    "url": "https://coastal.example.net/maritime/2024/12/shadow-fleet-insurance",
                },
                {
                    "title": "NATO steps up patrols over undersea pipelines",
                    "url": "https://coastal.example.net/defence/2024/11/nato-undersea-patrols",
                },
            ],
        },
        ("Coast guard officers boarded", "Ministers from the countries"),
        ["You may also like", "Who pays for the repairs", "Contact"],
    ),
]


@pytest.mark.parametrize(("name", "url", "meta", "ends", "absent"), CASES, ids=[c[0] for c in CASES])
def test_fixture_metadata_and_body(
    name: str, url: str | None, meta: dict[str, object], ends: tuple[str, str], absent: list[str]
) -> None:
    doc = load(name, url)
    record = doc.to_record()
    for field, expected in meta.items():
        assert record[field] == expected, field
    assert doc.format == "html"
    assert doc.source and doc.source.endswith(name)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith(ends[0])
    assert paragraphs[-1].startswith(ends[1])
    assert doc.title and not doc.text.startswith(doc.title)  # the headline is metadata, not body
    for related in doc.related:
        assert related.title not in doc.text
    for text in absent:
        assert text not in doc.text, text
    assert doc.content_hash and doc.id == doc.content_hash[:16]


def test_body_is_clean_paragraphs() -> None:
    text = load("kharkiv_drone_strike.html").text
    assert len(text.split("\n\n")) == 6
    assert "\n\n\n" not in text and "  " not in text and text == text.strip()
    assert '"Crews have been working since dawn' in text  # quotes survive intact


def test_extract_body_matches_from_html() -> None:
    html = (FIXTURES / "baltic_cable.html").read_text(encoding="utf-8")
    assert extract_body(html) == from_html(html).text


def test_fragment_without_html_wrapper() -> None:
    fragment = "".join(
        f"<p>Paragraph {i}: the monitoring mission reported shelling near the line of contact overnight.</p>"
        for i in range(6)
    )
    body = extract_body(fragment)
    assert body.startswith("Paragraph 0:") and "Paragraph 5:" in body


@pytest.mark.parametrize(
    ("html", "cause"),
    [
        ("", "empty page"),
        ("   \n ", "empty page"),
        (
            "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>",
            "no article text",
        ),
        ("<html><head><script>var a = 1;</script></head><body></body></html>", "no article text"),
    ],
)
def test_pages_without_text_fail_with_a_cause(html: str, cause: str) -> None:
    with pytest.raises(IngestFailure, match=cause) as err:
        from_html(html, source="page.html")
    assert "page.html" not in str(err.value)  # the caller's error line names the source, once
    assert "\n" not in str(err.value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                ["<p>", "</p>", "<div class='related'>", "</div>", "<a href='x'>", "</a>", "<h3>"]
            ),
            st.sampled_from(
                ["<script>", "<!--", "<html>", "<body>", "\x00", "&amp;", "<figcaption>", "Read more:"]
            ),
        ),
        max_size=40,
    )
)
def test_garbage_never_crashes(parts: list[str]) -> None:
    html = "".join(parts)
    try:
        doc = from_html(html)
    except IngestFailure:
        return
    assert doc.text.strip() and doc.format == "html"


def test_huge_page_is_cut_and_noted() -> None:
    article = (FIXTURES / "kharkiv_drone_strike.html").read_text(encoding="utf-8")
    filler = "<p>" + "filler " * (MAX_HTML_CHARS // 6) + "</p>"
    heavy = "<script>" + "x" * 1_000_000 + "</script>"
    doc = from_html(article.replace("</body>", heavy + filler + "</body>"))
    assert doc.text.startswith("A wave of attack drones struck")
    assert any("cut to its first" in note for note in doc.errors)


def test_choose_prefers_trafilatura_unless_readability_is_clearly_better() -> None:
    article = " ".join(f"Sentence number {i} describes the talks in some detail." for i in range(60))
    teaser = "Talks resumed in Doha."
    assert choose(teaser, article) == article  # a teaser: readability found the article
    assert choose(article, article[: len(article) // 3]) == article  # readability lost most of it
    boxed = (
        article + "\nMore from our network: sport, weather and puzzles for the whole family to enjoy today."
    )
    assert choose(boxed, article) == article  # the extra text is a trailing box
    assert choose("", article) == article


def test_clean_lines_drops_boilerplate_but_keeps_prose() -> None:
    text = "\n".join(
        [
            "Ceasefire talks resume",
            "Negotiators met again on Tuesday.",
            "Advertisement",
            "Follow her on Twitter @reporter",
            "The minister said he would follow the talks closely and post updates on Twitter and in the press.",
            "Read more: Ceasefire timeline",
            "Updated figures were released on Monday.",
            "Updated at 4:47 p.m.",
            "Tuesday, 4 March 2024, 16:05 GMT",
            "(Reporting by A. Writer; Editing by B. Editor)",
            "Tags: diplomacy, Qatar",
        ]
    )
    assert clean_lines(text, {"ceasefire talks resume"}).split("\n\n") == [
        "Negotiators met again on Tuesday.",
        "The minister said he would follow the talks closely and post updates on Twitter and in the press.",
        "Updated figures were released on Monday.",
    ]


def test_headline_is_dropped_only_as_the_first_line() -> None:
    text = "Ceasefire talks resume\nNegotiators met.\nCeasefire talks resume"
    assert clean_lines(text, {"ceasefire talks resume"}) == "Negotiators met.\n\nCeasefire talks resume"


def test_split_authors() -> None:
    assert split_authors("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_authors("Priya Raman; Tomasz Wielgosz; priya raman") == ["Priya Raman", "Tomasz Wielgosz"]
    assert split_authors(None) == []


def _page(body: str) -> str:
    return f"<html><head><title>Test page</title></head><body><main>{body}</main></body></html>"


def _para(topic: str, i: int) -> str:
    return (
        f"<p>Paragraph {i} on {topic}: officials gave further details of the incident at a briefing on "
        "Tuesday, and said the investigation would continue through the week.</p>"
    )


def test_split_body_chunks_are_joined() -> None:
    # the layout of sites that cut the body into same-class chunks around a marketing unit
    first = "".join(_para("the first half", i) for i in range(4))
    second = "".join(_para("the second half", i) for i in range(4, 8))
    chunk = "<div class='grid-item body body__container article__body'>{}</div>"
    html = (
        "<html><head><title>Test page</title></head><body><div class='page'><header><h1>Headline</h1></header>"
        f"<div class='article__chunks'>{chunk.format(first)}"
        "<div class='marketing-unit'><div class='ad ad--in-content'><p>Get unlimited access to every story, "
        "every day, on every device you own, for less than a coffee a week.</p><a href='/join'>Join</a></div></div>"
        f"{chunk.format(second)}</div><footer><a href='/about'>About</a></footer></div></body></html>"
    )
    body = extract_body(html)
    assert "Paragraph 0 on the first half" in body and "Paragraph 7 on the second half" in body
    assert body.index("Paragraph 3 on the first half") < body.index("Paragraph 4 on the second half")


def test_inline_link_with_a_related_class_stays_in_the_sentence() -> None:
    sentence = (
        "<p>The envoy, <span class='trending-topic'><a href='/topics/jane-doe'>Jane Doe</a></span>, said the talks would "
        "resume in Geneva once both delegations had agreed on an agenda.</p>"
    )
    body = extract_body(_page(sentence + "".join(_para("the talks", i) for i in range(4))))
    assert "The envoy, Jane Doe, said the talks would resume" in body


def test_a_cut_page_is_named_in_the_warning(caplog: pytest.LogCaptureFixture) -> None:
    from wiresift.ingest.html import MAX_HTML_CHARS

    paragraph = "<p>" + "The harbour reopened after the storm, officials said. " * 40 + "</p>"
    page = (
        "<html><body><article>"
        + paragraph * (MAX_HTML_CHARS // len(paragraph) + 600)
        + "</article></body></html>"
    )
    with caplog.at_level("WARNING", logger="wiresift.ingest.html"):
        doc = from_html(page, source="archive/huge-page.html")
    [record] = caplog.records
    assert record.getMessage().startswith("archive/huge-page.html: page cut to its first 600,000 characters")
    assert doc.errors and doc.errors[0].startswith("ingest: page cut to its first 600,000 characters")


def _article(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article><h1>Pier to close</h1>{body}</article></body></html>"


LEDE = (
    "The harbour board of Eastmere voted on Tuesday to close the old ferry pier for repairs that engineers"
    " say are long overdue, after a survey found corroded piles under the walkway and a loading ramp that"
    " no longer meets safety rules. The closure will last at least eight months, the board said."
)


def test_author_that_is_a_web_address_is_refused() -> None:
    head = (
        '<title>Pier to close</title><meta name="author" content="www.ledgertimes.com">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person",'
        ' "name": "Jane Roe"}, "publisher": {"@type": "Organization", "name": "The Ledger Times"}}</script>'
    )
    doc = from_html(_article(head, f"<p>{LEDE}</p>"), url="https://www.ledgertimes.com/news/1")
    assert doc.authors == ["Jane Roe"]
    assert doc.site == "The Ledger Times"


def test_is_person_refuses_addresses_handles_and_the_outlet() -> None:
    url = "https://www.ledgertimes.com/news/1"
    assert is_person("Jane Roe", "Ledger Times", url)
    assert is_person("Comfort Ero", "Ledger Times", url)  # "com" inside a name is no domain
    for name in (
        "Www Ledgertimes Com",
        "ledgertimes.com",
        "https://social.example/jroe",
        "@jroe",
        "Ledger Times",
    ):
        assert not is_person(name, "Ledger Times", url), name


def test_site_name_is_the_outlet_not_its_slogan() -> None:
    head = '<title>Pier to close</title><meta property="og:site_name" content="Ledger Times | All the news that floats">'
    doc = from_html(_article(head, f"<p>{LEDE}</p>"), url="https://ledgertimes.com/news/1")
    assert doc.site == "Ledger Times"
    head = "<title>Pier to close - Ledger Times: all the news that floats</title>"
    doc = from_html(_article(head, f"<p>{LEDE}</p>"), url="https://ledgertimes.com/news/1")
    assert doc.site == "ledgertimes.com"  # nothing declared: the host, never the title's slogan


def test_link_rich_paragraphs_after_the_lede_are_kept() -> None:
    # trafilatura's precision mode drops trailing paragraphs whose words are partly links
    rest = [
        'Board chair <a href="/p/1">Mina Tollard</a> said the <a href="/r/2">survey report</a> left no choice.',
        'Ferry operator <a href="/o">Blue Gull Lines</a> will add two <a href="/s">extra sailings</a> daily.',
        'Residents can read <a href="/plan">the full repair plan</a> and <a href="/faq">answers</a> online.',
        'The pier first opened in <a href="/h">1911</a> and was last rebuilt in <a href="/h2">1978</a>.',
    ]
    body = extract_body(
        _article("<title>Pier to close</title>", f"<p>{LEDE}</p>" + "".join(f"<p>{p}</p>" for p in rest))
    )
    assert len(body.split("\n\n")) == 5
    assert body.endswith("last rebuilt in 1978.")


def test_trailing_chrome_is_trimmed_but_the_story_ending_stays() -> None:
    story = [
        LEDE,
        "Commuters will use a temporary landing further along the quay while the work goes on.",
        "The board said the new pier should open next summer if the weather allows.",
    ]
    chrome = [
        "Jane Roe is a reporter covering transport and the harbour for the Ledger Times.",
        "Contact her at jroe@ledgertimes.example or follow @janeroe.",
        "Sign up for our morning newsletter to get the day's news in your inbox.",
        "© 2024 Ledger Times. All rights reserved.",
    ]
    assert trim_tail("\n\n".join(story + chrome)) == "\n\n".join(story)
    assert trim_tail("\n\n".join(story)) == "\n\n".join(story)
