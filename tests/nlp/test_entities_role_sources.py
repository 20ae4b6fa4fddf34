"""Junk titles left out (the role shapes found are in ``test_entities_title_shapes``), and
organisations joined or retyped from the parse and the word vectors, on invented sentences."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Entity
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


def entities(pipeline: Pipeline, text: str) -> list[Entity]:
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    return doc.entities


def people(pipeline: Pipeline, text: str) -> dict[str, Entity]:
    return {e.name: e for e in entities(pipeline, text) if e.type == "PERSON"}


#: (text, person, titles they must have exactly): clauses, compounds and misparses are no titles
EXACT = [
    ("Sam Colter — whose mother, also a senator, founded the party — promised to win.", "Sam Colter", []),
    ("Democrats beat the governor in a state Harrowby won by 30 points.", "Harrowby", []),
    ("It did not do Ann Lorrin–level business.", "Ann Lorrin", []),
    (
        "After asking what might be causing this rash, Tom Reedley and his team found it.",
        "Tom Reedley",
        [],
    ),
    ("The club would eulogize Tom Reedley as his \u201cblood brother\u201d at the wake.", "Tom Reedley", []),
]


@pytest.mark.parametrize(("text", "name", "titles"), EXACT)
def test_titles_exact(pipeline: Pipeline, text: str, name: str, titles: list[str]) -> None:
    found = people(pipeline, text)
    if name in found:  # the parser may not make a person of it at all: then there is no title either
        assert found[name].titles == titles


def test_title_cut_after_its_first_word_is_no_person(pipeline: Pipeline) -> None:
    found = people(pipeline, "The startup named Ann Lorrin its first Chief Strategy Officer last week.")
    assert "Strategy Officer" not in found, found


def test_a_name_the_text_calls_a_company_is_an_organisation(pipeline: Pipeline, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivan Kolar was the CEO of Mellowby, a mobile payments company which grew fast."
    sdoc = nlp(text)
    if not any(e.text == "Mellowby" and e.label_ == "PERSON" for e in sdoc.ents):
        pytest.skip("this model does not type the name PERSON: nothing to retype")
    by_name = {e.name: e for e in entities(pipeline, text)}
    assert by_name["Mellowby"].type == "ORG"


def test_acronym_joins_the_organisation_its_vector_names(pipeline: Pipeline, nlp) -> None:  # type: ignore[no-untyped-def]
    vocab = nlp.vocab
    if not (vocab["VW"].has_vector and vocab["Volkswagen"].has_vector):
        pytest.skip("the model has no word vectors")
    if vocab["VW"].similarity(vocab["Volkswagen"]) < 0.9:
        pytest.skip("this model's vectors do not hold the pair as one word")
    found = entities(pipeline, "VW says the van is new. Volkswagen said it would sell it. VW's trunk is big.")
    orgs = [e for e in found if e.name in ("VW", "Volkswagen")]
    assert len(orgs) == 1 and orgs[0].name == "Volkswagen" and "VW" in orgs[0].aliases, found
    assert len(orgs[0].mentions) == 3


def test_full_name_typed_org_regained_by_its_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from wiresift.nlp.entities.persons import regain_persons

    text = "Zeta-Mae sang. She played Zeta-Mae Harlan. Zeta-Mae won. Zeta-Mae left. Ann Lee Foundation paid."
    sdoc = nlp(text)
    spans = [
        Span(sdoc, 0, 3, label="PERSON"),  # "Zeta-Mae", typed a person twice
        Span(sdoc, 7, 11, label="ORG"),  # "Zeta-Mae Harlan", as spaCy sometimes types a character
        Span(sdoc, 12, 15, label="ORG"),  # "Zeta-Mae" again, typed an organisation
        Span(sdoc, 17, 20, label="PERSON"),
        Span(sdoc, 22, 25, label="ORG"),  # "Ann Lee Foundation": ends on an institution word
    ]
    assert [s.text for s in spans] == [
        "Zeta-Mae",
        "Zeta-Mae Harlan",
        "Zeta-Mae",
        "Zeta-Mae",
        "Ann Lee Foundation",
    ]
    labels = [s.label_ for s in regain_persons(sdoc, spans)]
    assert labels == ["PERSON", "PERSON", "PERSON", "PERSON", "ORG"]
    # one PERSON mention of a word is too little to make the names it opens persons ("Mac", "Mac Pro")
    once = regain_persons(sdoc, [spans[0], spans[1], spans[2]])
    assert [s.label_ for s in once] == ["PERSON", "ORG", "ORG"]


def test_short_name_joins_the_organisation_named_with_its_form(pipeline: Pipeline) -> None:
    found = entities(
        pipeline, "Researchers at Harvard University agree with the plan. Harvard said so in a statement."
    )
    orgs = [e for e in found if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Harvard University"], orgs
    assert "Harvard" in orgs[0].aliases and len(orgs[0].mentions) == 2


def test_a_surname_does_not_make_the_names_it_opens_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from wiresift.nlp.entities.persons import regain_persons

    sdoc = nlp("Andy Warhal came. Warhal left. Warhal sang. Warhal Polaroid sold.")
    spans = [
        Span(sdoc, 0, 2, label="PERSON"),
        Span(sdoc, 4, 5, label="PERSON"),
        Span(sdoc, 7, 8, label="PERSON"),
        Span(sdoc, 10, 12, label="ORG"),  # a product named after the person
    ]
    assert spans[-1].text == "Warhal Polaroid"
    assert [s.label_ for s in regain_persons(sdoc, spans)] == ["PERSON", "PERSON", "PERSON", "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rep. Tom King said the bill was dead.", "Tom King"),
        ("Dr. Howard Dean spoke at the rally.", "Howard Dean"),
        ("Former Prime Minister John Major said so.", "John Major"),
    ],
)
def test_a_surname_that_is_an_office_still_ends_a_name(pipeline: Pipeline, text: str, name: str) -> None:
    assert name in people(pipeline, text)
