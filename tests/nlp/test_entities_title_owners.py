"""Titles with their owner, coordinated roles, contact clauses, naming verbs, abbreviated ranks and
the clauses that must give none, on invented sentences (issue #11, part 5)."""

from __future__ import annotations

import pytest
from entities_support import people
from spacy.tokens import Span

from wiresift.model import Document
from wiresift.nlp.entities.titles import appositive
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


#: (text, person, the title they must have)
EXACT_TITLE = [
    # a capitalised owner with "'s" before a pre-modified role is part of the title
    ("The Herald's chief reporter Ann Vole said the plan was late.", "Ann Vole", "Herald's chief reporter"),
    ("Ohio's top lawyer Ann Vole said the law stands.", "Ann Vole", "Ohio's top lawyer"),
    # ...but not a person's name: the role stays the bare noun
    ("Tom Reed's lawyer Ann Vole said the case was weak.", "Ann Vole", "lawyer"),
    # roles coordinated in one noun phrase stay whole
    (
        "Among the questions is whether Acme's founder and former CEO, Ann Vole, lied.",
        "Ann Vole",
        "Acme's founder and former CEO",
    ),
    # an apposition ends where a clause without "whom" starts
    (
        "Ann Vole, a wealthy hotelier Tom Reed tapped as his envoy to Peru, is entangled.",
        "Ann Vole",
        "wealthy hotelier",
    ),
    ("Bo Lindqvist, a nurse she hired last year, said the ward was full.", "Bo Lindqvist", "nurse"),
    # the object of a naming verb gets the role after it (without the company's "its")
    (
        "The company named Ann Vole its new chief financial officer.",
        "Ann Vole",
        "new chief financial officer",
    ),
    # a plural role before a list of names is every name's
    ("He thanked the songwriters Mara Quill and Lena Frost.", "Mara Quill", "songwriters"),
    ("He thanked the songwriters Mara Quill and Lena Frost.", "Lena Frost", "songwriters"),
    # an abbreviated rank the parser ended a sentence at
    ("Cmdr. Sean Robbins, a spokesperson for the operation, said it ended.", "Sean Robbins", "Cmdr."),
]


@pytest.mark.parametrize(("text", "name", "title"), EXACT_TITLE)
def test_title(pipeline: Pipeline, text: str, name: str, title: str) -> None:
    assert title in people(pipeline, text)[name].titles


def test_the_subject_of_a_contact_clause_gets_no_role(pipeline: Pipeline) -> None:
    found = people(
        pipeline, "Ann Vole, a wealthy hotelier Tom Reed tapped as his envoy to Peru, is entangled."
    )
    assert found["Tom Reed"].titles == []


def test_a_titled_subject_after_a_fronted_phrase_is_no_apposition(pipeline: Pipeline) -> None:
    found = people(pipeline, "Like Glint head Ann Vole, Acme CEO Bo Lindqvist has spoken out about it.")
    assert not any("CEO" in t for t in found["Ann Vole"].titles)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name in apposition to a role noun is a person's, whatever type spaCy gave it
        ("She was among the visitors of the shipping magnate, Tunde Akanbi.", "Tunde Akanbi"),
        # a first and last name in a list of persons' full names
        (
            "Hosts like Dana Orwell, Marcus Feld, and Jenna Holt were invited.",
            "Jenna Holt",
        ),
    ],
)
def test_a_mistyped_name_among_persons_is_a_person(pipeline: Pipeline, text: str, name: str) -> None:
    assert name in people(pipeline, text)


def test_a_list_of_papers_or_a_business_apposition_gives_no_person(pipeline: Pipeline) -> None:
    found = people(pipeline, "The firm owns the Bree Herald, the Tarsk Ledger and the Holm Courant.")
    assert "Holm Courant" not in found
    found = people(pipeline, "In 2012 I was running my growing print shop, Varga Print.")
    assert "Varga Print" not in found
    found = people(
        pipeline, "The report was by Ann Lee of Leeds General and Bo Lindqvist, Tom Reed and Cy Dunn."
    )
    assert not any("Leeds" in name for name in found)


def test_a_social_handle_in_brackets_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp("— Ann Vole (@annvole) November 1, 2019")
    sdoc.ents = [Span(sdoc, 1, 3, label="PERSON")]
    handle = sdoc[4]
    handle.pos_, handle.dep_, handle.head = "NOUN", "appos", sdoc[2]  # as the parser reads it on some pages
    assert appositive(sdoc, sdoc.ents[0]) is None
    sdoc = nlp("Ann Vole (a nurse at Leeds) said so.")
    sdoc.ents = [Span(sdoc, 0, 2, label="PERSON")]
    span = appositive(sdoc, sdoc.ents[0])
    assert span is not None and span.text == "nurse at Leeds"


def test_a_pronoun_is_no_mention_of_a_person_whose_surname_it_spells(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="Ann Vole met Liu He on Friday. He said the talks went well."))
    liu = next(e for e in doc.entities if e.name == "Liu He")
    assert all(doc.text[s:e] != "He" for s, e in liu.mentions)
