"""Entities stage on hand-written sentences: titles, acronyms, merging, nominals, retyping."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiresift.model import Document, Entity
from wiresift.nlp.pipeline import Pipeline

FIXTURE = Path(__file__).parents[1] / "fixtures" / "quotes" / "border_pact.txt"


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


def analyse(pipeline: Pipeline, text: str) -> Document:
    doc = pipeline(Document(text=text))
    assert doc.errors == []
    return doc


def by_name(doc: Document, name: str) -> Entity:
    found = [e for e in doc.entities if e.name == name]
    assert found, [e.name for e in doc.entities]
    return found[0]


def surfaces(doc: Document, ent: Entity) -> list[str]:
    return [doc.text[s:e] for s, e in ent.mentions]


def test_titles_from_premodifier_and_appositive(pipeline: Pipeline) -> None:
    doc = analyse(pipeline, FIXTURE.read_text(encoding="utf-8"))
    orlov = by_name(doc, "Viktor Orlov")
    assert orlov.type == "PERSON"
    assert orlov.titles == ["Lieutenant-General", "Chief of the Joint Staff of the Northern Defence Pact"]
    assert by_name(doc, "Ilona Marsh").titles == ["NDP Secretary General"]
    assert by_name(doc, "Jussi Laine").titles == ["Finnish Foreign Minister"]


def test_role_with_of_and_missed_first_name(pipeline: Pipeline) -> None:
    doc = analyse(pipeline, "Later, President of Moldova Ana-Maria Costescu met the envoy in Chisinau.")
    person = [e for e in doc.entities if e.type == "PERSON"]
    assert len(person) == 1
    assert person[0].titles == ["President of Moldova"]
    assert person[0].name.endswith("Costescu")


def test_surname_and_nominal_join_the_full_name(pipeline: Pipeline) -> None:
    doc = analyse(pipeline, FIXTURE.read_text(encoding="utf-8"))
    orlov = by_name(doc, "Viktor Orlov")
    mentions = surfaces(doc, orlov)
    assert "Orlov" in mentions
    assert "The Georgian general" in mentions
    assert len([e for e in doc.entities if "Orlov" in e.name]) == 1


def test_acronym_and_organisation_alias(pipeline: Pipeline) -> None:
    doc = analyse(pipeline, FIXTURE.read_text(encoding="utf-8"))
    pact = by_name(doc, "Northern Defence Pact")
    assert pact.type == "ORG"
    assert "NDP" in pact.aliases
    mentions = surfaces(doc, pact)
    assert mentions.count("NDP") >= 3
    assert "the pact" in mentions


def test_the_organisation_joins_a_named_organisation(pipeline: Pipeline) -> None:
    text = (
        "The Caspian Security Organisation (CSO) held a drill in Aktau. "
        "The organisation said its troops were ready, and the CSO will meet again in May."
    )
    doc = analyse(pipeline, text)
    cso = by_name(doc, "Caspian Security Organisation")
    mentions = surfaces(doc, cso)
    assert "The organisation" in mentions and mentions.count("CSO") == 2


def test_country_names_are_never_norp(pipeline: Pipeline) -> None:
    text = "Tajikistan troops joined Kyrgyzstan border guards, and Tajikistan officials praised the plan."
    doc = analyse(pipeline, text)
    for ent in doc.entities:
        if ent.name in ("Tajikistan", "Kyrgyzstan"):
            assert ent.type == "GPE"


def test_mentions_are_in_bounds_and_index_is_left_for_later_stages(pipeline: Pipeline) -> None:
    from wiresift.nlp.entities.index import EntityIndex
    from wiresift.nlp.pipeline import Context

    text = FIXTURE.read_text(encoding="utf-8")
    doc = Document(text=text)
    ctx = Context()
    pipeline.stages[0](doc, pipeline.nlp(text), ctx)
    index = ctx.data["entities"]
    assert isinstance(index, EntityIndex)
    assert doc.check_spans() == []
    start = text.index("Orlov.")
    assert index.get(index.at(start, start + 5)) is by_name(doc, "Viktor Orlov")


def test_caption_titles_join_the_person_of_the_body(pipeline: Pipeline) -> None:
    caption = "Admiral Petra Lindqvist, Commander of the Baltic Maritime Task Force, at the briefing"
    body = (
        "Petra Lindqvist said on Monday that the patrols would double.\n\n"
        "The Admiral added that two more frigates would join in May."
    )
    doc = pipeline(Document(text=body, captions=[caption]))
    assert doc.errors == []
    person = by_name(doc, "Petra Lindqvist")
    assert person.titles == ["Admiral", "Commander of the Baltic Maritime Task Force"]
    assert "The Admiral" in surfaces(doc, person)  # the caption's rank lets the nominal join
    assert all(0 <= s < e <= len(body) for s, e in person.mentions)  # captions give no spans


def test_caption_titles_never_go_to_an_ambiguous_surname(pipeline: Pipeline) -> None:
    caption = "General Lindqvist, Chief of the Defence Staff"
    body = "Petra Lindqvist met Anders Lindqvist in Stockholm on Monday."
    doc = pipeline(Document(text=body, captions=[caption]))
    assert by_name(doc, "Petra Lindqvist").titles == []
    assert by_name(doc, "Anders Lindqvist").titles == []


def test_a_country_is_one_entity_under_all_its_names(pipeline: Pipeline) -> None:
    doc = analyse(
        pipeline,
        "Tajikistan closed two crossings on Monday. The Republic of Tajikistan said the move was "
        "temporary, while the United States and the U.S. embassy in Dushanbe said nothing.",
    )
    tajikistan = by_name(doc, "Tajikistan")
    assert [s.removeprefix("The ") for s in surfaces(doc, tajikistan)] == [
        "Tajikistan",
        "Republic of Tajikistan",
    ]
    assert "Republic of Tajikistan" in tajikistan.aliases
    states = [e for e in doc.entities if e.type == "GPE" and "United States" in e.name]
    assert len(states) == 1 and "U.S." in surfaces(doc, states[0])


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The Hawks lost teammate Tomas Brink, who sat out the last period.", "Tomas Brink", "teammate"),
        (
            "A van was taken.\n\nEmployee Reza Moradi told a reporter he resisted.",
            "Reza Moradi",
            "Employee",
        ),
        ("The panel heard it.\n\nRepublican counsel Dale Porter asked about it.", "Dale Porter", "counsel"),
        ("Lt. Col. Marta Vale told lawmakers it was her duty.", "Marta Vale", "Lt. Col."),
        ("He sought to discredit political rival Jonas Meyer and others.", "Jonas Meyer", "rival"),
        ("He asked what his predecessor, Clara Wendt, might have known.", "Clara Wendt", "predecessor"),
        ("Ana Lee, 45, a retired teacher from Dayton, said it was fine.", "Ana Lee", "teacher"),
    ],
)
def test_roles_before_a_name_whatever_the_parse(pipeline: Pipeline, text: str, name: str, title: str) -> None:
    person = by_name(analyse(pipeline, text), name)
    assert any(title in t for t in person.titles), person.titles


def test_common_noun_before_a_name_in_a_phrase_is_no_title(pipeline: Pipeline) -> None:
    doc = analyse(pipeline, "After the meeting John Harlow said the plan works.")
    assert by_name(doc, "John Harlow").titles == []
