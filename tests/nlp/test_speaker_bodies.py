"""Organisations that speak through their people, their findings or a name spaCy missed (#11): an
unnamed spokesperson is the organisation; "prosecutors" the office the text names; "analysis from
Acme" Acme; "the Lee administration" a body, not Lee; an untagged outlet that reports is an
organisation. Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "Halvorsen Foods is based in Bree. A company spokesperson said by phone that the firm "
            "would assist the review.",
            "said",
            "Halvorsen Foods",
        ),
        (
            "Bree Transit Authority turned down the proposal. A spokesperson who asked not to be identified "
            "said the agency never runs such programs.",
            "said",
            "Bree Transit Authority",
        ),
        (
            "Acme Corp. has cut 200 jobs at its Bree plant. An Acme spokeswoman said the cuts were painful.",
            "said",
            "Acme Corp.",
        ),
    ],
)
def test_unnamed_spokesperson_speaks_for_the_organisation(
    pipeline: Pipeline, text: str, cue: str, name: str
) -> None:
    assert by_cue(quotes_of(pipeline, text), cue).speaker_name == name


def test_spokesperson_of_a_person_is_not_the_company(pipeline: Pipeline) -> None:
    text = (
        "Tallow Mining Ltd. closed its Bree pit on Monday. Senator Ann Lee visited the town. A spokeswoman "
        "for the senator said she was saddened by the closure."
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name != "Tallow Mining Ltd."


def test_prosecutors_speak_for_the_office(pipeline: Pipeline) -> None:
    text = (
        "A Bree woman admitted Tuesday to sending threats to a judge, the U.S. Attorney’s Office for the "
        "Northern District of Bree said.\n\nThe man owned three rifles and a shotgun, prosecutors said."
    )
    name = "U.S. Attorney’s Office for the Northern District of Bree"
    quotes = quotes_of(pipeline, text)
    assert [
        q.speaker_name for q in quotes if q.speaker_mention and q.speaker_mention.text == "prosecutors"
    ] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Podcast ad revenue grew in 2019, according to analysis from Acme Research Group.",
            "Acme Research Group",
        ),
        (
            "Early tests by Tarlow Labs Inc. reveal that the console overheats under heavy load.",
            "Tarlow Labs Inc.",
        ),
    ],
)
def test_a_finding_is_its_authors(pipeline: Pipeline, text: str, name: str) -> None:
    quotes = quotes_of(pipeline, text)
    assert [q.speaker_name for q in quotes] == [name]


def test_a_finding_obtained_by_an_outlet_is_not_the_outlets(pipeline: Pipeline) -> None:
    text = (
        "Halvorsen Records sent out a letter on Friday. The letter, which was seen by the Bree "
        "Courier, said the label had acted lawfully."
    )
    quote = by_cue(quotes_of(pipeline, text), "said")
    assert quote.speaker_name != "Bree Courier"


def test_the_lee_administration_is_not_lee(pipeline: Pipeline) -> None:
    text = (
        "Ann Lee was sworn in last spring. Officials met on Monday, and the Lee administration said it "
        "would cut duties on grain."
    )
    quote = by_cue(quotes_of(pipeline, text), "said")
    assert quote.speaker_name == "Lee administration"


def test_an_untagged_outlet_that_reports_is_an_organisation(pipeline: Pipeline) -> None:
    text = "The Bree Gazette first reported the deal on Monday. The paper said the sale would close in March."
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "said").speaker_name == "Bree Gazette"


def test_a_name_used_as_a_company_is_one(pipeline: Pipeline) -> None:
    text = (
        "Marlowe is reportedly under investigation. Marlowe founder Tom Reed left in May.\n\n"
        "Marlowe is headquartered in Bree. A company spokesperson said the firm was cooperating."
    )
    doc = pipeline(Document(text=text))
    # (spaCy types the name PERSON; the text uses it as a company)
    assert by_cue(doc.quotes, "said").speaker_name == "Marlowe"
    assert [e.type for e in doc.entities if e.name == "Marlowe"] == ["ORG"]


def test_the_company_of_its_own_sentence(pipeline: Pipeline) -> None:
    text = (
        "Halvorsen Foods and Tarlow Mills merged last year. Earlier this year, Tarlow Mills laid off 60 "
        "workers (the company said the number was small) and Halvorsen Foods cut several hundred."
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Tarlow Mills"


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        # a capital "The" in mid-sentence belongs to an outlet's name
        ("The mayor backed the levy on Monday, The Ledger reported.", "reported", "Ledger"),
        ("The council will vote on the budget next week, according to The Beacon.", "according to", "Beacon"),
        # the outlet that carries a report is its source
        (
            "Turnout fell by a third, according to a report in the Harlow Courier.",
            "according to",
            "Harlow Courier",
        ),
    ],
)
def test_an_untagged_outlet_where_a_source_is_named(
    pipeline: Pipeline, text: str, cue: str, name: str
) -> None:
    assert by_cue(quotes_of(pipeline, text), cue).speaker_name == name


def test_a_sentence_opening_capital_is_no_outlet(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="The Wardens told residents to stay indoors. The levy passed on Monday."))
    assert "Wardens" not in [e.name for e in doc.entities]


def test_an_untagged_acronym_reports_unless_the_sentence_shouts(pipeline: Pipeline) -> None:
    heard = pipeline(Document(text="The ferry left two hours late on Sunday, BFNTV reported."))
    assert by_cue(heard.quotes, "reported").speaker_name == "BFNTV"
    shouted = pipeline(
        Document(text="The ferry left late, and the CROWD said TO THE captain that it would wait.")
    )
    assert "CROWD" not in [e.name for e in shouted.entities]


def test_the_newspaper_is_the_outlet_cited_before(pipeline: Pipeline) -> None:
    text = (
        "Ferry fares will rise in June, the Harwick Sentinel reported on Monday. Officials met with the "
        "Harwick Port Trust on Tuesday.\n\nThe newspaper said the increase would be the first in a decade."
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Harwick Sentinel"


@pytest.mark.parametrize(
    ("gap", "head", "name"),
    [
        # named once, sentences back, and nowhere the subject: "the group" is a new body
        (
            " The divers spent six hours below the surface. Then a storm rolled in over the bay.",
            "group",
            None,
        ),
        # named in the sentence before: the lone organisation around is the one meant
        ("", "company", "Keltra Marine Ltd."),
    ],
)
def test_a_lone_organisation_named_long_before_is_no_nominal(
    pipeline: Pipeline, gap: str, head: str, name: str | None
) -> None:
    text = (
        "Divers used a camera sled built by Keltra Marine Ltd. to film the wreck. The water was cold "
        f"and visibility was poor.{gap}\n\n\u201cWe will be back in June,\u201d the {head} said."
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == name
