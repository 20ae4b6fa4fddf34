"""Name keys that fold what news spells two ways: accents ("José" and "Jose" are one person)."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Entity
from wiresift.nlp.entities.given_names import name_gender
from wiresift.nlp.entities.names import name_key, name_parts, name_suffix, short_key
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


def persons(pipeline: Pipeline, text: str) -> list[Entity]:
    doc = pipeline(Document(text=text))
    assert doc.errors == []
    return [e for e in doc.entities if e.type == "PERSON"]


def test_keys_drop_accents() -> None:
    assert name_key("François Delmas") == name_key("Francois Delmas") == "francois delmas"
    assert short_key("Zoë A. Kranz") == ("zoe kranz", "a.")


def test_accented_and_plain_spellings_are_one_person(pipeline: Pipeline) -> None:
    text = (
        'José Alvarado was elected mayor in May. "We have work to do," Jose Alvarado said on '
        "Tuesday. Alvarado said the council would meet again next week."
    )
    found = persons(pipeline, text)
    assert len(found) == 1, [e.name for e in found]
    assert len(found[0].mentions) == 3


def test_unaccented_surname_joins_the_accented_name(pipeline: Pipeline) -> None:
    text = (
        "Ana Núñez, the city's budget chief, said the deficit had grown. Nunez said cuts were "
        "likely before the summer."
    )
    found = persons(pipeline, text)
    assert len(found) == 1, [e.name for e in found]
    assert [text[s:e] for s, e in found[0].mentions if "un" in text[s:e].lower()][-1] == "Nunez"


def test_accented_given_name_has_a_gender() -> None:
    assert name_gender("Zoë Kranz") == "f"
    assert name_gender("Chloé Marchand") == "f"
    assert name_gender("José Alvarado") == "m"


def test_full_name_with_the_middle_name_a_person_goes_by(pipeline: Pipeline) -> None:
    text = (
        "Matthew Keller and his cousin Tyler Keller ran the boatyard for a decade. The county sued "
        "Benjamin Matthew Keller, 44, and James Tyler Keller, 38, over the spill."
    )
    found = persons(pipeline, text)
    assert len(found) == 2, [e.name for e in found]
    assert {e.name for e in found} == {"Benjamin Matthew Keller", "James Tyler Keller"}


def test_british_generational_suffix_is_no_surname(pipeline: Pipeline) -> None:
    assert name_parts("Gary Matlock Snr.") == ["Gary", "Matlock"]
    assert name_suffix("Tom Ode Jnr") == "jnr"
    text = (
        "Gary Matlock, 50, was found dead at home. His father, Gary Matlock Snr., called the police. "
        "Matlock Snr. said the door had been open."
    )
    father = [e for e in persons(pipeline, text) if e.name.startswith("Gary Matlock Snr")]
    assert len(father) == 1 and len(father[0].mentions) == 2


def test_a_courtesy_title_alone_is_no_person(pipeline: Pipeline) -> None:
    text = "The state's health commissioner, Dr, Nkem Adeyemi, said the clinic would open on Monday."
    assert all(e.name.rstrip(".") != "Dr" for e in persons(pipeline, text))


def test_a_spaced_dash_ends_a_heading_not_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from wiresift.nlp.entities.persons import clean

    sdoc = nlp("- Chasing Okoro - Daniel Ameh hopes to sign for a club in Spain.")
    start = [t.text for t in sdoc].index("Okoro")
    glued = Span(sdoc, start, start + 4, label="PERSON")  # "Okoro - Daniel Ameh", as the tagger may read it
    assert glued.text == "Okoro - Daniel Ameh"
    assert [e.text for e in clean(sdoc, [glued], None)] == ["Daniel Ameh"]
