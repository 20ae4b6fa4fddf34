"""Attacks in words, read from the verb's arguments (:func:`wiresift.nlp.events.senses.verbal_attack`,
:func:`~wiresift.nlp.events.senses.verbal_battle`), a campaign's rally
(:func:`wiresift.nlp.events.nominals.campaign_gathering`) and time adjuncts in the CAMEO patterns,
on invented sentences in political and conflict news wording."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Event
from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = pipeline(Document(text=text, published="2016-03-02"))
    assert doc.errors == [], text
    return doc.events


def kinds(pipeline: Pipeline, text: str, trigger: str) -> list[str | None]:
    return [e.plover for e in events(pipeline, text) if e.text == trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a clause complement: the attack is what was said
        ('"The governor is hiding the numbers," Senator Okafor shot back on Tuesday.', "shot"),
        # a clause of saying
        ("The mayor struck back at the council on Monday, saying the budget was a fraud.", "struck"),
        # a named party attacked over an idea or for a deed
        ("Senator Okafor fired back at the governor over the budget shortfall.", "fired"),
        ("The president hammered Senator Okafor for ignoring the floods.", "hammered"),
        # a characterisation: what the target is said to be
        ("The French president blasted the budget as a betrayal of workers.", "blasted"),
    ],
)  # fmt: skip
def test_an_attack_in_words_is_criticism(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert kinds(pipeline, text, trigger) == ["ACCUSE"], events(pipeline, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen attacked a police convoy near Kandahar on Tuesday, killing three officers.", "attacked"),
        # people beaten for a deed are beaten: no named party, no criticism
        ("Police beat the driver for refusing to stop at the checkpoint.", "beat"),
        # a time adjunct is no argument: "attack ... for" (criticism) does not read "for three hours"
        ("Rebels attacked the town for three hours on Sunday.", "attacked"),
        ("Troops fired at protesters over the weekend.", "fired"),
        # "as" giving a purpose or a whole is no characterisation
        ("Militants killed the hostage as a warning to the government.", "killed"),
        ("Troops shelled the town as part of a new offensive.", "shelled"),
    ],
)  # fmt: skip
def test_violence_stays_an_assault(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert "ASSAULT" in kinds(pipeline, text, trigger), events(pipeline, text)


def test_a_political_battle_is_no_assault(pipeline: Pipeline) -> None:
    text = "The mayor's political battles with the county board have split the council."
    assert all(e.plover != "ASSAULT" for e in events(pipeline, text))
    fought = "Army units fought fierce battles with the rebels near the dam."
    assert any(e.plover == "ASSAULT" for e in events(pipeline, fought))


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of supporters waited outside the arena where Okafor was holding his first rally.",
        "The governor's campaign rally drew a large crowd in Tulsa on Saturday.",
    ],
)
def test_a_campaign_rally_is_no_protest(pipeline: Pipeline, text: str) -> None:
    assert all(e.plover != "PROTEST" for e in events(pipeline, text)), events(pipeline, text)


def test_a_rally_against_something_stays_a_protest(pipeline: Pipeline) -> None:
    text = "Thousands of students staged a rally against tuition increases outside parliament."
    assert any(e.plover == "PROTEST" for e in events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Mendez decided to run for the Senate after the spring primaries.",
        "The governor is preparing to leave office at the end of the year.",
    ],
)
def test_an_intention_of_ones_own_is_no_agreement(pipeline: Pipeline, text: str) -> None:
    assert all(e.plover != "AGREE" for e in events(pipeline, text)), events(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # a promise is made to someone: it stays an agreement
        "Kenya pledged to send a police contingent to the mission next year.",
        "Japan pledged to Indonesia to rebuild the port.",
    ],
)
def test_a_promise_stays_an_agreement(pipeline: Pipeline, text: str) -> None:
    assert any(e.plover == "AGREE" for e in events(pipeline, text)), events(pipeline, text)


def test_demonstrating_something_is_no_protest(pipeline: Pipeline) -> None:
    shown = "The bishop once more demonstrated her talent for settling old quarrels."
    assert all(e.plover != "PROTEST" for e in events(pipeline, shown))
    protest = "Hundreds of students demonstrated outside the ministry on Monday."
    assert any(e.plover == "PROTEST" for e in events(pipeline, protest))


@pytest.mark.parametrize(
    "text",
    [
        # a request names what it asks for or of whom; a praise whom it praises
        "Kessler campaigned on Monday in New Hampshire.",
        "When asked about the budget, the mayor said nothing.",
        "Mendez celebrated with volunteers in Tucson late on Sunday.",
        # a nominalisation keeps its verb's senses: a ballot, an intention of one's own
        "Shortly after the polls opened, the caucus leader announced six votes for Mendez.",
        "Mendez made several decisions in favor of contributors, her critics say.",
        # accepting money is receiving it
        "The foundation said it would stop accepting donations from lobbyists.",
    ],
)  # fmt: skip
def test_nothing_asked_praised_or_agreed(pipeline: Pipeline, text: str) -> None:
    assert all(e.plover not in {"REQUEST", "SUPPORT", "AGREE"} for e in events(pipeline, text)), text


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The opposition demanded the resignation of the interior minister.", "REQUEST"),
        ("The president praised the rescue teams on Monday.", "SUPPORT"),
        ("The rebels accepted the ceasefire proposal on Sunday.", "AGREE"),
        # what a speaker says another must do is the demand itself
        ("The senator told reporters that the governor should step aside.", "REQUEST"),
    ],
)
def test_a_request_or_praise_of_something_stays(pipeline: Pipeline, text: str, plover: str) -> None:
    assert any(e.plover == plover for e in events(pipeline, text)), text
