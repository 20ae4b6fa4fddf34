"""Roles from every shape the parse gives them, and persons spaCy typed wrong, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from wiresift.model import Document, Entity
from wiresift.nlp.entities.persons import regain_persons
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


def people(pipeline: Pipeline, text: str) -> dict[str, Entity]:
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    assert all(e.mentions for e in doc.entities), "an entity without mentions"
    return {e.name: e for e in doc.entities if e.type == "PERSON"}


#: (text, person, a word one of their titles must hold)
TITLED = [
    ("Minister of Education Sofia Marchetti said the plan would go ahead.", "Sofia Marchetti", "Education"),
    ("The fair was opened by cosplayer Jenna Holt on Friday.", "Jenna Holt", "cosplayer"),
    (
        "Lars Ekberg, who serves as the bank's chief economist, expects rates to fall.",
        "Lars Ekberg",
        "economist",
    ),
    ("Lars Ekberg works as a nurse in Tromso.", "Lars Ekberg", "nurse"),
    ("Lars Ekberg is a two-time winner of the coastal race.", "Lars Ekberg", "winner"),
    ("Ann Loring, 45, of Springfield, a nurse, said the ward was full.", "Ann Loring", "nurse"),
    ("Ann Loring — the agency's director — said the ward was full.", "Ann Loring", "director"),
    ("Ann Loring (the agency's director) said the ward was full.", "Ann Loring", "director"),
    (
        '"It works," said Paul Tanning, senior lecturer in botany at the University of Exeter and '
        "co-editor of the new journal.",
        "Paul Tanning",
        "lecturer",
    ),
    ("Sabres defenseman Brandon Mottley spoiled the shutout bid.", "Brandon Mottley", "defenseman"),
    ("The show has Polaroids of actor Dan Hoppner and others.", "Dan Hoppner", "actor"),
    ("Julia Stone said she was happy. Stone, an Oscar winner, added more.", "Julia Stone", "winner"),
]


@pytest.mark.parametrize(("text", "name", "word"), TITLED)
def test_role_found(pipeline: Pipeline, text: str, name: str, word: str) -> None:
    found = people(pipeline, text)
    assert name in found, found
    assert any(word in t for t in found[name].titles), found[name].titles


#: (text, person, titles they must have exactly)
EXACT = [
    ("When President Tom Reedley arrived, the crowd cheered.", "Tom Reedley", ["President"]),
    ("The show has Polaroids of actor Dan Hoppner and others.", "Dan Hoppner", ["actor"]),
    ("A major Andy Varholm exhibition opened in the spring.", "Andy Varholm", []),
    ("Lars Ekberg is the reason we won the cup.", "Lars Ekberg", []),
    ("Tom Cloughan said taxes would rise. Mr Cloughan added that it was a choice.", "Tom Cloughan", []),
    # a later nominal is not the role of the person merely named before it ("the spokesman" is another)
    (
        "Tom Greerson was taken to the county hospital. The spokesman said the ward was closed.",
        "Tom Greerson",
        [],
    ),
]


@pytest.mark.parametrize(("text", "name", "titles"), EXACT)
def test_titles_exact(pipeline: Pipeline, text: str, name: str, titles: list[str]) -> None:
    found = people(pipeline, text)
    assert found[name].titles == titles


def test_fronted_role_of_another_is_not_a_title(pipeline: Pipeline) -> None:
    found = people(
        pipeline, "Prince Edwin, the elder cousin of the heir to the throne, Charles, told friends."
    )
    assert found["Charles"].titles == []


def test_the_of_phrase_stays_in_the_title_and_the_name_is_whole(pipeline: Pipeline) -> None:
    found = people(pipeline, "Minister of Education Sofia Marchetti said the plan would go ahead.")
    assert list(found) == ["Sofia Marchetti"]
    assert found["Sofia Marchetti"].titles == ["Minister of Education"]


def test_no_junk_persons(pipeline: Pipeline) -> None:
    text = (
        "Foolhardy as it was, the plan went ahead, said Ann Loring. The Sabres lost again.\n\n"
        "Investigators asked about Joe and Hunter Bidwell. Joe Bidwell denied it. The Bidwells left."
    )
    found = people(pipeline, text)
    assert not {"Foolhardy", "Sabres", "Bidwells"} & set(found), found
    assert "Joe Bidwell" in found and "Joe" not in found, found
    assert len(found["Joe Bidwell"].mentions) == 2


def test_mistyped_full_name_regained(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp("Lukavic scored twice. Romelo Lukavic is in form, said the coach of Blue Harbour.")
    spans = [
        Span(sdoc, 0, 1, label="PERSON"),
        Span(sdoc, 4, 6, label="FAC"),  # "Romelo Lukavic", as spaCy sometimes types a footballer
        Span(sdoc, 14, 16, label="FAC"),  # "Blue Harbour": no person of that name
    ]
    assert [s.text for s in spans] == ["Lukavic", "Romelo Lukavic", "Blue Harbour"]
    labels = [s.label_ for s in regain_persons(sdoc, spans)]
    assert labels == ["PERSON", "PERSON", "FAC"]
