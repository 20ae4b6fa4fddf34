"""Role nominals as speakers (#11): "the sheriff" is a person whose title's head phrase is a sheriff,
never a person whose title names the sheriff after a preposition or as a possessor (the sheriff's
spokeswoman, an adviser to the governor). Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import quotes_of, speaker

from wiresift.model import Entity
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.nominals import held_roles


def _said_by(pipeline: Pipeline, text: str, mention: str) -> str | None:
    quotes = [q for q in quotes_of(pipeline, text) if speaker(q) == mention]
    assert len(quotes) == 1, [(speaker(q), q.text) for q in quotes_of(pipeline, text)]
    return quotes[0].speaker_name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (  # the holder's title names the role only after a preposition
            "Wildfires forced hundreds of families from their homes near Carrow on Tuesday. Dana "
            "Whitfield, a spokeswoman for the sheriff, said deputies had closed three roads. "
            '"We will reopen them as soon as the wind drops," the sheriff said.',
            "the sheriff",
        ),
        (  # ... or as a possessor
            "The budget passed late on Thursday. Tomas Rekker, the governor's chief of staff, said "
            'talks had been hard. "Nobody got everything," the governor said on Friday.',
            "the governor",
        ),
    ],
)
def test_a_role_named_in_anothers_title_is_not_theirs(pipeline: Pipeline, text: str, mention: str) -> None:
    assert _said_by(pipeline, text, mention) is None


def test_the_role_of_the_title_head_is_kept(pipeline: Pipeline) -> None:
    text = (
        "Wildfires forced hundreds of families from their homes near Carrow on Tuesday. Dana "
        "Whitfield, the county sheriff, said deputies had closed three roads. "
        '"We will reopen them as soon as the wind drops," the sheriff said.'
    )
    assert _said_by(pipeline, text, "the sheriff") == "Dana Whitfield"


def test_held_roles_stop_at_a_preposition_and_skip_possessors() -> None:
    person = Entity(
        id="p1",
        name="Dr. Ana Ruiz",
        type="PERSON",
        titles=["senior adviser to the mayor", "the council's chief executive officer"],
    )
    roles = held_roles(person)
    assert {"dr", "adviser", "senior", "chief", "executive", "officer"} <= roles
    assert not roles & {"mayor", "council", "to", "the"}
