"""Role descriptions of a person as speaker (#11): "the former pollster" is the person the sentence
before was about; a role tie goes to the one the last sentences were about; a person noun is not
the name that only modifies it ("one Welk confidant"). Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import quotes_of, speaker

from wiresift.model import Quote
from wiresift.nlp.pipeline import Pipeline


def _said_by(pipeline: Pipeline, text: str, mention: str) -> str | None:
    """The resolved speaker name of the one quote whose local speaker mention is ``mention``."""
    quotes: list[Quote] = [q for q in quotes_of(pipeline, text) if speaker(q) == mention]
    assert len(quotes) == 1, [(speaker(q), q.text) for q in quotes_of(pipeline, text)]
    return quotes[0].speaker_name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (  # a description no one's titles hold: the active subject of the sentence before
            "Former Acme pollster Ivan Dross appeared on a radio show on Monday. Dross told the host "
            'that turnout would be low. The former pollster said, "Nobody is excited about this race."',
            "The former pollster",
            "Ivan Dross",
        ),
        (
            "Priya Nand, who runs the Bree Democratic Party, spoke on Sunday. Nand has defended the "
            "rules for months. The chairwoman said the process was fair.",
            "The chairwoman",
            "Priya Nand",
        ),
        (  # two governors: the one the sentences before were about
            "Gov. Tom Reyes and Gov. Lena Marsh spoke at the summit in Bree on Friday. Reyes left early "
            "for a vote. Marsh stayed for the evening panel on water rights. The governor said the "
            "drought would last another year.",
            "The governor",
            "Lena Marsh",
        ),
    ],
)
def test_role_description_is_the_subject_before(
    pipeline: Pipeline, text: str, mention: str, name: str
) -> None:
    assert _said_by(pipeline, text, mention) == name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (  # someone unnamed introduced by the same noun
            "Gov. Tom Reyes toured the county clinic on Monday, where he met a nurse from the night "
            "shift. Reyes praised the staff. The nurse said the clinic had run out of masks.",
            "The nurse",
        ),
        (  # the passive subject is acted on: the one asking is someone else
            "Ivan Dross was asked about the tax plan at the forum. The moderator said the question "
            "came from a voter in Bree.",
            "The moderator",
        ),
    ],
)
def test_role_description_abstains(pipeline: Pipeline, text: str, mention: str) -> None:
    assert _said_by(pipeline, text, mention) is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Senator Dana Welk is weighing a run for governor. One Welk confidant said she would decide by June.",
            "One Welk confidant",
        ),
        (
            "Senator Dana Welk is weighing a run for governor. Senior Welk campaign officials said the "
            "team was ready.",
            "Senior Welk campaign officials",
        ),
    ],
)
def test_person_noun_is_not_its_modifier(pipeline: Pipeline, text: str, mention: str) -> None:
    assert _said_by(pipeline, text, mention) is None


def test_navy_veteran_is_no_navy(pipeline: Pipeline) -> None:
    text = (
        "Maria Olsen, a former Navy pilot, is running for Congress in Ohio. Olsen spoke at a rally in "
        "Dayton on Tuesday. The Navy veteran said the district needed new jobs."
    )
    assert _said_by(pipeline, text, "The Navy veteran") == "Maria Olsen"


def test_spokesman_still_speaks_for_the_organisation(pipeline: Pipeline) -> None:
    text = "Halvorsen Foods opened a plant in Bree. A Halvorsen Foods spokesman said the plant would hire 200 people."
    assert _said_by(pipeline, text, "A Halvorsen Foods spokesman") == "Halvorsen Foods"


def test_description_with_its_own_phrase_is_not_the_subject_before(pipeline: Pipeline) -> None:
    text = (
        "The mayor of Bree, Tom Reyes, has proposed a new levy on hotels. The secretary general of the "
        "hotel association has called the levy reckless and said it would cost jobs."
    )
    said = [
        q for q in quotes_of(pipeline, text) if speaker(q) == "The secretary general of the hotel association"
    ]
    assert said and all(q.speaker_name is None for q in said)
