"""The claims stage on hand-written sentences, a hand-written article and the shared sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from claims_support import claims_of, one
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.model import Document, Place, Quote, SpanRef, Timex
from wiresift.nlp.claims.stage import find_claims, make_stage

FIXTURE = Path(__file__).parents[1] / "fixtures" / "claims" / "border_clashes.txt"


@pytest.fixture(scope="module")
def article(nlp):
    text = FIXTURE.read_text(encoding="utf-8")
    return text, claims_of(nlp, text)


def test_stage_contract() -> None:
    stage = make_stage()
    assert stage.name == "claims"
    assert stage.requires == ("entities", "quotes", "timexes", "places")
    assert stage.assigns == ("claims",)


def test_spans_hold(article) -> None:
    text, claims = article
    assert claims
    for c in claims:
        assert text[c.start : c.end] == c.text
        m = c.claimant_mention
        assert m is None or text[m.start : m.end] == m.text


def test_qualifiers_values_and_counted(article) -> None:
    _, claims = article
    killed = one(claims, "27")
    assert (killed.value, killed.qualifier, killed.low, killed.counted) == (27, "at_least", 27, "soldiers")
    assert killed.count_type == "KILL"
    wounded = one(claims, "140")
    assert (wounded.qualifier, wounded.counted, wounded.count_type) == ("more_than", None, "WOUND")
    assert one(claims, "12,000").qualifier == "nearly"
    assert one(claims, "60").qualifier == "approx"
    assert one(claims, "1,500").counted == "homes"


def test_range_and_vague(article) -> None:
    _, claims = article
    families = one(claims, "3,000")
    assert families.text == "between 3,000 and 4,000"
    assert (families.value, families.low, families.high, families.counted) == (None, 3000, 4000, "families")
    crowd = one(claims, "thousands")
    assert (crowd.value, crowd.qualifier, crowd.counted, crowd.count_type) == (
        2000,
        "vague",
        "demonstrators",
        "PROTEST",
    )
    assert one(claims, "dozens").qualifier == "vague"


def test_units(article) -> None:
    _, claims = article
    assert (one(claims, "970").unit, one(claims, "970").value) == ("km", 970)
    road = one(claims, "45 miles")
    assert (road.unit, road.qualifier) == ("mile", "approx")
    aid = one(claims, "$2.3 billion")
    assert (aid.value, aid.unit) == (2.3e9, "USD")
    share = one(claims, "15%")
    assert (share.value, share.unit, share.qualifier, share.high) == (15, "%", "up_to", 15)


def test_claimants_from_the_parse(article) -> None:
    _, claims = article
    assert one(claims, "27").claimant_name == "the defence ministry"
    assert one(claims, "3,000").claimant_name == "Local officials"
    assert one(claims, "12,000").claimant_name == "aid groups"
    assert one(claims, "212").claimant_name == "the interior ministry"
    assert one(claims, "970").claimant_mention is None
    assert one(claims, "970").claimant_name == "wire"  # the outlet


def test_not_claims(article) -> None:
    _, claims = article
    texts = " | ".join(c.text for c in claims)
    for absent in ("2019", "3rd", "30th", "1994", "52", "30-year", "207", "555", "7781"):
        assert absent not in texts, texts
    assert not any(c.text == "two" for c in claims)  # "the two brigades mentioned earlier"
    assert "two days" not in texts  # a duration


def test_headline_is_the_outlets(article) -> None:
    _, claims = article
    headline = one(claims, "dozens")
    assert (headline.value, headline.qualifier, headline.claimant_mention) == (24, "vague", None)


def test_claimant_from_quote_layer(nlp) -> None:
    text = '"Our patrols found more than 300 mines," the commander told reporters.'
    close = text.index(",") + 1
    who = text.index("the commander")
    quote = Quote(
        id="q1",
        text=text[:close],
        start=0,
        end=close,
        kind="direct",
        speaker="e1",
        speaker_name="Gen. Lena Markova",
        speaker_mention=SpanRef(start=who, end=who + 13, text=text[who : who + 13]),
    )
    claim = one(claims_of(nlp, text, quotes=[quote]), "300")
    assert (claim.claimant, claim.claimant_name, claim.counted) == ("e1", "Gen. Lena Markova", "mines")
    assert claim.claimant_mention is not None and claim.claimant_mention.text == "the commander"


def test_place_and_time_of_the_sentence(nlp) -> None:
    text = "On Monday 40 fighters crossed into Kunduz. Later 7 trucks arrived."
    timex = Timex(text="Monday", start=3, end=9, type="DATE", value="2022-02-07")
    place = Place(id="p1", name="Kunduz", mentions=[(35, 41)])
    claims = claims_of(nlp, text, timexes=[timex], places=[place])
    fighters, trucks = one(claims, "40"), one(claims, "7")
    assert (fighters.time, fighters.place, fighters.count_type) == ("2022-02-07", "p1", "TROOPS")
    assert (trucks.time, trucks.place) == (None, None)


def test_timex_layer_removes_dates(nlp) -> None:
    text = "The offensive began 9 May and lasted 11 days; 900 rockets were fired."
    timexes = [
        Timex(text="9 May", start=20, end=25, type="DATE", value="XXXX-05-09"),
        Timex(text="11 days", start=37, end=44, type="DURATION", value="P11D"),
    ]
    claims = claims_of(nlp, text, timexes=timexes)
    assert [c.text for c in claims] == ["900"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels hold fewer than 200 prisoners.", ("less_than", 200, "prisoners")),
        ("Almost 90 percent of voters backed the deal.", ("nearly", 90, "voters")),
        ("No more than 50 observers were allowed in.", ("at_most", 50, "observers")),
        ("Roughly two thousand refugees crossed the river.", ("approx", 2000, "refugees")),
        ("Police detained a dozen students.", (None, 12, "students")),
        ("Over 1,200 tonnes of grain were seized.", ("more_than", 1200, "grain")),
    ],
)
def test_sentences(nlp, sentence: str, expected: tuple[str | None, float, str]) -> None:
    claims = claims_of(nlp, sentence)
    assert len(claims) == 1, [c.text for c in claims]
    c = claims[0]
    assert (c.qualifier, c.value, c.counted) == expected


def test_unit_after_no_break_space(nlp) -> None:
    c = one(claims_of(nlp, "Turnout fell to 41\xa0percent in the north."), "41")
    assert (c.value, c.unit, c.text) == (41, "%", "41\xa0percent")


def test_percent_of_base(nlp) -> None:
    c = one(claims_of(nlp, "A survey found that 1 in 5 tenants lack heating."), "1 in 5")
    assert (c.value, c.unit, c.counted, c.claimant_name) == (20, "%", "tenants", "A survey")


def test_sample_article(sample_path: Path) -> None:
    from wiresift.nlp.pipeline import DEFAULT_STAGES, Pipeline

    doc = Document(
        text=sample_path.read_text(encoding="utf-8"), published="2022-02-10", site="indianarrative"
    )
    Pipeline(DEFAULT_STAGES)(doc)
    assert doc.check_spans() == []
    claims = doc.claims
    militants = [c for c in claims if c.text.startswith("More than 5,000")]
    assert len(militants) == 1
    assert (militants[0].qualifier, militants[0].counted) == ("more_than", "militants")
    bases = one(claims, "40")
    troops = one(claims, "150,000")
    border = one(claims, "1344")
    assert (bases.value, bases.qualifier, bases.counted) == (40, "more_than", "bases and training camps")
    assert (troops.value, troops.qualifier, troops.counted, troops.count_type) == (
        150000,
        "approx",
        "troops",
        "TROOPS",
    )
    assert (border.value, border.unit, border.claimant, border.claimant_name) == (
        1344,
        "km",
        None,
        "indianarrative",
    )
    for claim in (militants[0], bases, troops):
        assert claim.claimant_name is not None and "Sidorov" in claim.claimant_name, claim
    assert not any(c.text in {"2021", "2022", "30th", "20th"} for c in claims)


_PIECES = st.sampled_from(
    ["about", "more than", "5,000", "two", "thousand", "dozens of", "troops", "-", "$", "3.5", "%", "km",
     "said", "officials", ",", ".", "\n", "\xa0", "the", "between", "and", "1344", "45-year-old", "one of"]
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=25))
def test_spans_hold_on_any_input(nlp, pieces: list[str]) -> None:
    text = " ".join(pieces)
    for c in claims_of(nlp, text):
        assert 0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.text
        assert c.value is not None or (c.low is not None and c.high is not None)


def test_sample_article_as_analyze_reads_it(sample_path: Path) -> None:
    """The cleaned body (no caption naming Sidorov): "The Russian General added" still resolves."""
    from wiresift.ingest.text import from_text
    from wiresift.nlp.pipeline import DEFAULT_STAGES, Pipeline

    doc = from_text(sample_path.read_text(encoding="utf-8"))
    doc.published = "2022-02-10"
    Pipeline(DEFAULT_STAGES)(doc)
    for number in ("More than 5,000", "more than 40", "150,000"):
        claim = next(c for c in doc.claims if number in c.text)
        assert claim.claimant_name == "Anatoly Sidorov", claim
        assert claim.claimant is not None
    border = next(c for c in doc.claims if "1344" in c.text)
    assert border.claimant is None and border.claimant_name == "indianarrative"


@pytest.mark.parametrize(
    ("text", "site", "expected"),
    [
        ("The council spent $4 million on new buses.", "harbourtimes.ca", ("CAD", "buses")),
        ("The council spent $4 million on new buses.", "harbourtimes.com", ("USD", "buses")),
        ("Ferry fares rose to 12 percent above last year's level.", None, ("%", "fares")),
        ("The authority will expand the fleet by 30 percent.", None, ("%", "fleet")),
        ("Regional output will expand by 2.5 percent next year.", None, ("%", "output")),
        ("The bank lifted its lending forecast by 3 percent.", None, ("%", "forecast")),
        ("The screen size will remain 11.6 inches.", None, ("in", "size")),
        ("The shop offers a larger 15-inch monitor.", None, ("in", "monitor")),
        ("The club has spent $2 million on pitches and $3 million on lights.", None, ("USD", "pitches")),
        ("The mayor gave $40,000 to a youth charity.", None, ("USD", "charity")),
        ("The firm hopes to raise $80 million from its share sale.", None, ("USD", "sale")),
        ("The auction could raise $3 million for the hospital.", None, ("USD", "hospital")),
        ("The trust offered a reward of $20,000 for information.", None, ("USD", "information")),
        ("Speeding there draws a fine of no more than $9,000.", None, ("USD", "fine")),
        ("A total of $7,500 is being offered for tips.", None, ("USD", "tips")),
    ],
)
def test_what_money_and_shares_measure(
    nlp: Any, text: str, site: str | None, expected: tuple[str, str]
) -> None:
    doc = Document(id="x", text=text, site=site)
    claims = find_claims(doc, nlp(text))
    assert [(c.unit, c.counted) for c in claims][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volunteers met two of five targets for the drive.", [(2, "targets"), (5, "targets")]),
        ("The parish laid out almost half a million dollars for it.", [(500_000, None)]),
        ("Investors may put in 40 billion Hong Kong dollars.", [(4e10, None)]),
        ("Thirty villagers, including one child, were rescued.", [(30, "villagers"), (1, "child")]),
        ("Rescuers found 40 miners; 25 of them were unhurt.", [(40, "miners"), (25, None)]),
        ("Eleven of those aboard swam ashore.", [(11, "those")]),
        ("The number of tourists jumped from 9,000 to 20,000.", [(9000, "tourists"), (20000, "tourists")]),
    ],
)
def test_counted_from_the_parse(nlp: Any, text: str, expected: list[tuple[float, str | None]]) -> None:
    claims = find_claims(Document(id="x", text=text), nlp(text))
    assert [(c.value, c.counted) for c in claims] == expected


def test_hong_kong_dollars(nlp: Any) -> None:
    text = "Investors may put in 40 billion Hong Kong dollars."
    assert [c.unit for c in find_claims(Document(id="x", text=text), nlp(text))] == ["HKD"]


@pytest.mark.parametrize(
    "text",
    [
        "In that city the number seven is thought lucky.",
        "Rain fell on more than one day out of 12.",
        "The quarterback was 18-of-25 passing.",
        "HEADLINE SCORES CANCELLED",
    ],
)
def test_named_and_base_numbers_are_not_counts(nlp: Any, text: str) -> None:
    values = [c.value for c in find_claims(Document(id="x", text=text), nlp(text))]
    assert 7 not in values and 12 not in values and 18 not in values and 40 not in values


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The agency reported a new case on Monday after three other cases were confirmed.", None),
        ("The study says the range is 40 miles, although we expect 55 miles.", None),
        ("The agency said three other cases were confirmed.", "The agency"),
    ],
)
def test_what_is_not_reported(nlp: Any, text: str, claimant: str | None) -> None:
    claims = find_claims(Document(id="x", text=text), nlp(text))
    last = claims[-1]
    got = last.claimant_mention.text if last.claimant_mention else None
    assert got == claimant


@pytest.mark.parametrize(
    "text",
    [
        "A neighbour called 911 when the smoke rose.",
        "Channel 5 reported the closure first.",
        "The new 16-inch Laptopia Pro ships with a larger battery.",
        "The Otters (6-5, 3-4) beat the Herons.",
    ],
)
def test_identifiers_are_not_claims(nlp: Any, text: str) -> None:
    assert find_claims(Document(id="x", text=text), nlp(text)) == []


def test_lakh_scale(nlp: Any) -> None:
    text = "He said he paid Rs 24 lakh to an agent."
    claims = find_claims(Document(id="x", text=text), nlp(text))
    assert [(c.value, c.unit) for c in claims] == [(2_400_000, "INR")]
