"""A first name mostly, but not nine times in ten, given to one sex leans (issue #11): where the text
says nothing else, it tells a pronoun which person it may mean. Invented names and sentences only."""

from __future__ import annotations

import pytest
from test_given_names import _index

from wiresift.model import Document
from wiresift.nlp.entities.namesakes import person_gender, pick
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities", "quotes"))


def _speakers(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = next(iter(pipeline.run([Document(id="t", text=text)])))
    return [(q.speaker_mention.text if q.speaker_mention else "", q.speaker_name) for q in doc.quotes]


def test_a_leaning_first_name_picks_the_namesake() -> None:
    text = "Marty Ode met Kelly Ode. Ode said she would stay."
    index = _index(text, ("e1", "Marty Ode", [(0, 9)]), ("e2", "Kelly Ode", [(14, 23)]))
    pos = text.index("Ode said")
    assert person_gender(index, "e1", skip=pos) == "m" and person_gender(index, "e2", skip=pos) == "f"
    assert pick(index, ["e1", "e2"], pos, "f") == "e2"
    assert pick(index, ["e1", "e2"], pos, "m") == "e1"  # Kelly was named last, but "he" is Marty


def test_a_courtesy_title_overrules_a_leaning_first_name() -> None:
    text = "Mr. Kelly Ode met Marty Ode. Ode said he would stay."
    index = _index(text, ("e1", "Kelly Ode", [(4, 13)]), ("e2", "Marty Ode", [(18, 27)]))
    assert person_gender(index, "e1", skip=text.index("Ode said")) == "m"


def test_he_is_not_the_person_whose_first_name_leans_female(pipeline: Pipeline) -> None:
    text = (
        "Reporters waited for Terry Osgood outside the courthouse on Monday, next to Kelly Brandt. "
        '"The verdict changes nothing for the families," he said.'
    )
    assert ("he", "Terry Osgood") in _speakers(pipeline, text)


def test_he_is_the_person_whose_first_name_leans_male(pipeline: Pipeline) -> None:
    text = (
        "The union's offer was drafted by Marty Kolb and presented to the board by Dana Ruiz on "
        'Tuesday. "We cannot keep borrowing," he said.'
    )
    assert ("he", "Marty Kolb") in _speakers(pipeline, text)
    text = (
        "A letter from Bernie Walsh reached the council on Friday, a day after Kelly Moran resigned. "
        '"The port needs a new plan," he said.'
    )
    assert ("he", "Bernie Walsh") in _speakers(pipeline, text)


def test_a_leaning_first_name_does_not_overrule_the_subject_chain(pipeline: Pipeline) -> None:
    # the subject chain is the text's own word: Marty Vance is a woman here, the table only leans
    text = (
        "Ellen Park spoke first at the school board meeting. Vance approached the question more "
        'carefully. "We should fund the teachers first," she said. Marty Vance chairs the board.'
    )
    assert ("she", "Marty Vance") in _speakers(pipeline, text)
