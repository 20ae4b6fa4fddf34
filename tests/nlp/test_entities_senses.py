"""Roles the parse gives a name, one sense per name in an article, and speakers that lean on both
(invented news paragraphs)."""

from __future__ import annotations

from wiresift.model import Document, Entity
from wiresift.nlp.pipeline import Pipeline


def entity(doc: Document, name: str) -> Entity:
    found = [e for e in doc.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in doc.entities]
    return found[0]


def test_a_common_noun_the_parser_hangs_on_a_name_is_its_role(pipeline: Pipeline) -> None:
    doc = pipeline(
        Document(
            text="Sharks goalie Alex Brown stopped 30 shots. High school art teacher Angela Ross "
            "said she left. Hungarian-American investor Peter Vass had said no."
        )
    )
    assert entity(doc, "Alex Brown").titles == ["Sharks goalie"]
    assert entity(doc, "Angela Ross").titles == ["High school art teacher"]
    assert entity(doc, "Peter Vass").titles == ["Hungarian-American investor"]


def test_appositions_and_relative_copulas_give_roles(pipeline: Pipeline) -> None:
    doc = pipeline(
        Document(
            text="Sam Wells, another retiree, said he had paid a lot. Dana Kim, Ohio's new fire "
            "commissioner, said crews were ready. Mark Lopez, who is the city's housing expert, "
            "said prices rose.\n\n“We will win,” said Tom Harris, CEO of Blue Rocks Inc.\n\nHe left."
        )
    )
    assert entity(doc, "Sam Wells").titles == ["another retiree"]
    assert entity(doc, "Dana Kim").titles == ["Ohio's new fire commissioner"]
    assert entity(doc, "Mark Lopez").titles == ["city's housing expert"]
    assert entity(doc, "Tom Harris").titles == ["CEO of Blue Rocks Inc."]


def test_a_one_word_name_typed_two_ways_is_one_thing(pipeline: Pipeline) -> None:
    text = (
        "Inspectors are checking whether Zapco broke rules. The company said Zapco needs more "
        "time. Officials at Zapco declined to comment, and Zapco’s shares fell. Tom Lee runs it; "
        "Lee said Zapco is fine. Mr. Lee left."
    )
    doc = pipeline(Document(text=text))
    zapco = [e for e in doc.entities if e.name == "Zapco"]
    assert [e.type for e in zapco] == ["ORG"]
    assert len(zapco[0].mentions) == text.count("Zapco")
    assert entity(doc, "Tom Lee").type == "PERSON"


def test_an_untagged_organisation_name_still_speaks(pipeline: Pipeline) -> None:
    text = (
        "Regulators are investigating Zapco Holdings. Zapco said it would cooperate.\n\n"
        "“We received an inquiry,” said a Zapco spokesperson."
    )
    doc = pipeline(Document(text=text))
    quote = next(q for q in doc.quotes if "inquiry" in q.text)
    assert quote.speaker_name == "Zapco Holdings"  # "Zapco" is the company named in full before


def test_a_relative_who_speaks_for_its_noun(pipeline: Pipeline) -> None:
    doc = pipeline(Document(text="Moss also met Ana Ruiz, who said the plan was “dead.”"))
    quote = next(q for q in doc.quotes if "dead" in q.text)
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "who"
    assert quote.speaker_name == "Ana Ruiz"


def test_a_dateline_is_no_speaker(pipeline: Pipeline) -> None:
    doc = pipeline(
        Document(
            text="NEW DELHI: A group of travellers arrived on Wednesday after being sent home. When "
            "they walked out of the terminal, they looked tired. Some said they felt let down."
        )
    )
    quote = next(q for q in doc.quotes if "let down" in q.text)
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Some"
    assert quote.speaker is None


def test_a_lead_that_introduces_a_person_by_role_gives_them_the_words(pipeline: Pipeline) -> None:
    text = (
        "3:10 p.m.\n\nA Nevada police chief says a woman was hurt on a night bus after a quarrel."
        "\n\nInterim Metro Police Chief Ed Lund told reporters that officers arrived quickly."
    )
    doc = pipeline(Document(text=text))
    quote = next(q for q in doc.quotes if "hurt" in q.text)
    assert quote.speaker_name == "Ed Lund"
    named_before = pipeline(Document(text="Police Chief Ed Lund spoke first. " + text[11:]))
    quote = next(q for q in named_before.quotes if "hurt" in q.text)
    assert quote.speaker is None  # a chief was named before: the lead introduces no one
