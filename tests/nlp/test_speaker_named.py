"""Named speakers (issue #11): a full name the tagger left untagged that reports is a person, a role
word read as an adjective does not make an organisation a person, and a name set off by commas
before the verb speaks for a common-noun subject the parse cut short. Invented sentences only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import by_cue, quotes_of, speaker
from spacy.tokens import Span

from wiresift.model import Document
from wiresift.nlp.entities.speakers import speaking_names, untagged_persons
from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


def test_untagged_full_name_that_reports_is_a_person(pipeline: Pipeline) -> None:
    text = (
        "Tennis great Margot Ellery remembered the champion as a generous rival. "
        "Ellery says she watched every match he played."
    )
    quotes = quotes_of(pipeline, text)
    remembered = by_cue(quotes, "remembered")
    says = by_cue(quotes, "says")
    assert remembered.speaker_name == "Margot Ellery"
    assert says.speaker_name == "Margot Ellery"  # the later surname joins the full name


def test_untagged_run_needs_a_given_name_and_no_institution_word(nlp: Language) -> None:
    sdoc = nlp("Tennis great Margot Ellery remembered the champion as a generous rival.")
    found = [s.text for s in untagged_persons(sdoc, [])]
    assert found == ["Margot Ellery"]
    sdoc = nlp("The Ellery Foundation said it would fund new courts in the spring.")
    assert [s.text for s in untagged_persons(sdoc, [])] == []


def test_adjective_role_word_does_not_make_a_bank_a_person(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="Analysts at the major Kestrel Bank said rates would rise in the spring."))
    types = {e.name: e.type for e in doc.entities}
    assert types.get("Kestrel Bank") != "PERSON"


def test_name_between_commas_before_the_verb_speaks_for_the_head(pipeline: Pipeline) -> None:
    text = (
        "The boss of the main fund backing former Maine Gov. Tom Reed for the Senate, Paula "
        "Sneddon, defended the spending."
    )
    defended = by_cue(quotes_of(pipeline, text), "defended")
    assert defended.speaker_name == "Paula Sneddon"
    assert speaker(defended) == "Paula Sneddon"


def test_speaking_name_typed_a_thing_is_a_person(nlp: Language) -> None:
    sdoc = nlp("Dana Whitfield said the launch would slip to March.")
    found = speaking_names(sdoc, [Span(sdoc, 0, 2, label="PRODUCT")])
    assert [(s.text, s.label_) for s in found] == [("Dana Whitfield", "PERSON")]
    sdoc = nlp("Dunmore Stanley said the launch would slip to March.")
    kept = speaking_names(sdoc, [Span(sdoc, 0, 2, label="ORG")])
    assert [(s.text, s.label_) for s in kept] == [("Dunmore Stanley", "ORG")]  # an ORG keeps its type


def test_speaking_name_glued_to_its_owner_is_split(nlp: Language) -> None:
    sdoc = nlp("Kestrel's Dana Whitfield said the launch would slip to March.")
    found = speaking_names(sdoc, [Span(sdoc, 0, 4, label="WORK_OF_ART")])
    assert [(s.text, s.label_) for s in found] == [("Kestrel", "ORG"), ("Dana Whitfield", "PERSON")]


def test_a_middle_initial_names_the_same_person(pipeline: Pipeline) -> None:
    text = (
        "Harold J. Voss spoke in Dunmore on Monday. Later, Harold Voss told reporters that the rally "
        "was the largest of the year. Mr. Voss said he would return in May."
    )
    doc = pipeline(Document(text=text))
    people = [e.name for e in doc.entities if e.type == "PERSON"]
    assert people == ["Harold J. Voss"]
    assert {q.speaker_name for q in doc.quotes} == {"Harold J. Voss"}


def test_different_middle_initials_stay_apart(pipeline: Pipeline) -> None:
    text = "Ruth A. Kessel and Ruth B. Kessel both attended. Ruth Kessel said the hearing ran late."
    doc = pipeline(Document(text=text))
    people = sorted(e.name for e in doc.entities if e.type == "PERSON")
    assert "Ruth A. Kessel" in people and "Ruth B. Kessel" in people
    said = by_cue(doc.quotes, "said")
    assert said.speaker_name not in ("Ruth A. Kessel", "Ruth B. Kessel")  # either: no guess
