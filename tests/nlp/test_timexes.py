"""The timexes stage: TIMEX3 values anchored on the publication date, on sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.model import Document, Timex
from wiresift.nlp.pipeline import Context
from wiresift.nlp.time.stage import find_timexes, make_stage, parse_published

PUB = "2022-02-10"  # a Thursday


def one(text: str, phrase: str, published: str | None = PUB) -> Timex:
    """The single timex overlapping the first occurrence of ``phrase``."""
    at = text.index(phrase)
    hits = [t for t in find_timexes(text, published) if t.start < at + len(phrase) and at < t.end]
    assert len(hits) == 1, (phrase, hits)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "value"),
    [
        (
            "The defence ministry said on Thursday that the drills had ended.",
            "Thursday",
            "DATE",
            "2022-02-10",
        ),
        ("Border guards clashed with smugglers on Monday, officials said.", "Monday", "DATE", "2022-02-07"),
        ("The two delegations will meet again on Monday in Geneva.", "Monday", "DATE", "2022-02-14"),
        ("Rebels seized the town last August after a long siege.", "last August", "DATE", "2021-08"),
        ("The general had warned of an offensive in October.", "October", "DATE", "2021-10"),
        ("The alliance will hold its summit in June.", "June", "DATE", "2022-06"),
        ("The accord was signed on March 3, 2021, in Doha.", "March 3, 2021", "DATE", "2021-03-03"),
        ("The ceasefire began on 14 July 2020 and held for weeks.", "14 July 2020", "DATE", "2020-07-14"),
        ("Its budget for 2023 was approved.", "2023", "DATE", "2023"),
        ("Exports fell in the third quarter of 2021.", "the third quarter of 2021", "DATE", "2021-Q3"),
        ("The company expects losses in the first quarter.", "the first quarter", "DATE", "2022-Q1"),
        ("Attacks rose sharply last year.", "last year", "DATE", "2021"),
        ("The mission ends next year.", "next year", "DATE", "2023"),
        ("Two soldiers were wounded last week.", "last week", "DATE", "2022-W05"),
        ("Inflation eased slightly last month.", "last month", "DATE", "2022-01"),
        ("The envoy arrived two weeks ago.", "two weeks ago", "DATE", "2022-W04"),
        ("Militias have controlled the road since the 1990s.", "the 1990s", "DATE", "199"),
        ("The militia has held the pass over the past two years.", "the past two years", "DURATION", "P2Y"),
        ("The shelling lasted for three hours.", "three hours", "DURATION", "PT3H"),
        ("Negotiators talked for 3 1/2 years before signing.", "3 1/2 years", "DURATION", "P3Y6M"),
        ("Patrols leave the base every week.", "every week", "SET", "P1W"),
        ("The pass closes each winter.", "each winter", "SET", "XXXX-WI"),
        ("Convoys cross the bridge daily.", "daily", "SET", "P1D"),
        ("Fighting resumed this morning near the airport.", "this morning", "TIME", "2022-02-10TMO"),
        ("The blast happened at 2:35 p.m. near the market.", "2:35 p.m.", "TIME", "2022-02-10T14:35"),
        (
            "The blast happened at 11 p.m. Wednesday near the market.",
            "11 p.m. Wednesday",
            "TIME",
            "2022-02-09T23:00",
        ),
        ("Refugees crossed the river last summer.", "last summer", "DATE", "2021-SU"),
        ("The hostages were freed before Christmas.", "Christmas", "DATE", "2021-12-25"),
        ("The region is now calm.", "now", "DATE", "PRESENT_REF"),
        ("Tensions have recently eased.", "recently", "DATE", "PAST_REF"),
        ("Observers expect more clashes in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("The minister resigned yesterday.", "yesterday", "DATE", "2022-02-09"),
        ("Local elections are due in mid-2024.", "mid-2024", "DATE", "2024"),
        ("By March, the rebels had regrouped in the hills.", "March", "DATE", "2021-03"),
        ("The army wants to retake the city by March.", "March", "DATE", "2022-03"),
        ("Voting is expected in the autumn.", "the autumn", "DATE", "2022-FA"),
        (
            "The talks failed in 2019; the following year both sides tried again.",
            "the following year",
            "DATE",
            "2020",
        ),
        (
            "The envoy landed on Thursday, Feb. 3, and left the next morning.",
            "the next morning",
            "DATE",
            "2022-02-04",
        ),
        ("Shelling went on for days before a 72-hour truce.", "72-hour", "DURATION", "PT72H"),
        ("Lawyers said they would try to overturn Wednesday's verdict.", "Wednesday", "DATE", "2022-02-09"),
        (
            "Both camps campaigned hard ahead of Sunday's vote, which will be close.",
            "Sunday",
            "DATE",
            "2022-02-13",
        ),
        (
            "The ministry said the shelling began at 9:15 a.m. (0715 GMT) on Monday.",
            "9:15 a.m.",
            "TIME",
            "2022-02-07T09:15",
        ),
        (
            '"The convoy will leave at 6 in the morning on Saturday," the minister said.',
            "6 in the morning",
            "TIME",
            "2022-02-12T06:00",
        ),
    ],
)
def test_values(text: str, phrase: str, typ: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == (typ, value)


@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [
        ("The siege lasted more than four months.", "more than four months", "MORE_THAN"),
        ("Talks stalled in early 2021.", "early 2021", "START"),
        ("The army pulled out in late 2019.", "late 2019", "END"),
        ("The convoy was stuck for about a week.", "about a week", "APPROX"),
    ],
)
def test_mods(text: str, phrase: str, mod: str) -> None:
    assert one(text, phrase).mod == mod


@pytest.mark.parametrize(
    "text",
    [
        "A 30-year-old soldier was among the dead.",
        "The ceremony marked the treaty's 30th anniversary.",
        "Some 1,990 troops and 2,050 vehicles took part.",
        "Some 2000 troops and 1500 vehicles crossed the border.",
        "Veterans joined the annual March for Peace in the capital.",
        "After the fall of the city, a second convoy left.",
        "Officials said the strike may resume, and protesters march daily in the capital.",
        "Deputy Minister Jan Novak spoke first.",
    ],
)
def test_non_timexes(text: str) -> None:
    spans = [t.text for t in find_timexes(text, PUB)]
    assert not any(re.search(r"\d|may|march|March|Jan|fall|second", s) for s in spans), spans


def test_no_publication_date_invents_nothing() -> None:
    text = (
        "On Thursday the ministry said troops had left last month. The accord of March 3, 2021 still holds, "
        "and a new round of talks is planned for next year."
    )
    found = {t.text: t.value for t in find_timexes(text, None)}
    assert found["Thursday"] is None
    assert found["last month"] is None
    assert found["next year"] is None
    assert found["March 3, 2021"] == "2021-03-03"


def test_precision_is_kept() -> None:
    # A month stays a month and a year stays a year: no day is made up.
    text = "Rebels took the town last August and lost it in 2021."
    values = {t.text: t.value for t in find_timexes(text, PUB)}
    assert values == {"last August": "2021-08", "2021": "2021"}


def test_parse_published() -> None:
    assert str(parse_published("2022-02-10T08:30:00Z")) == "2022-02-10"
    assert parse_published("10 February") is None
    assert parse_published(None) is None


def _sample_timex(text: str, found: list[Timex], phrase: str, inside: str) -> Timex:
    """The timex on ``inside`` within the sentence of the sample that contains ``phrase``."""
    at = text.index(phrase)
    at += phrase.index(inside)
    hits = [t for t in found if t.start <= at < t.end]
    assert len(hits) == 1, (phrase, hits)
    return hits[0]


def test_sample_article(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    found = find_timexes(text, PUB)
    assert _sample_timex(text, found, "revealed on Thursday", "Thursday").value == "2022-02-10"
    assert _sample_timex(text, found, "last August", "August").value == "2021-08"
    assert _sample_timex(text, found, "in 2021", "2021").value == "2021"
    assert _sample_timex(text, found, "for 2022", "2022").value == "2022"
    assert _sample_timex(text, found, "Ministry on Wednesday", "Wednesday").value == "2022-02-09"
    assert _sample_timex(text, found, "Lavrov on Wednesday", "Wednesday").value == "2022-02-09"
    assert _sample_timex(text, found, "(CIS) in October", "October").value == "2021-10"
    assert _sample_timex(text, found, "last month's", "last month").value == "2022-01"
    assert _sample_timex(text, found, "the January events", "January").value == "2022-01"
    assert _sample_timex(text, found, "before the New Year", "New Year").value == "2022-01-01"
    for t in found:
        assert text[t.start : t.end] == t.text


def test_sample_article_without_date(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    for t in find_timexes(text, None):
        if t.value and re.match(r"\d{4}", t.value):
            # only years written out in the text may carry an absolute value
            assert re.fullmatch(r"\d{4}", t.text), t


def test_stage_fills_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks collapsed on Monday. Both sides will return next week."
    doc = Document(text=text, published=PUB)
    stage = make_stage()
    assert stage.name == "timexes" and stage.assigns == ("timexes",)
    assert set(stage.requires) <= {"tokens", "sents", "pos"}
    stage(doc, nlp(text), Context())
    assert [(t.text, t.value) for t in doc.timexes] == [("Monday", "2022-02-07"), ("next week", "2022-W07")]
    assert doc.check_spans() == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 0123456789-/.,:'ADFJMNOSTWaemnpruy")), max_size=120))
def test_spans_always_valid(text: str) -> None:
    for t in find_timexes(text, PUB):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The harbour board will present its budget on Wednesday.", "Wednesday", "2024-02-14"),
        ("Wednesday's scheduled vote on the ferry levy drew a crowd.", "Wednesday", "2024-02-14"),
        ("The levy report is due Wednesday, the clerk's office said.", "Wednesday", "2024-02-14"),
        ("The Otters play Sunday against the Herons.", "Sunday", "2024-02-11"),
        ("Wednesday's budget drew a crowd of protesters.", "Wednesday", "2024-02-07"),
        ("The trial starts in March, court papers show.", "March", "2024-03"),
        ("The mill closed in March after the flood.", "March", "2023-03"),
    ],
)
def test_governing_verb_decides_direction(nlp: Any, sentence: str, expr: str, value: str) -> None:
    """Written on Saturday 2024-02-10: the parse's verb says whether a bare day or month looks ahead."""
    doc = nlp(sentence)
    found = [t for t in find_timexes(sentence, "2024-02-10", doc) if t.text == expr]
    assert [t.value for t in found] == [value]
