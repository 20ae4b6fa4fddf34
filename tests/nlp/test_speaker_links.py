"""Speaker mentions linked to the document's entity (issue #11): an organisation nominal after the
name set beside it and across sentences about the same nominal, a group named for its members, a
document that speaks for its issuer, a main-clause "it", and a pronoun never given to a person of
the other gender. Invented sentences only."""

from __future__ import annotations

from quotes_support import by_cue

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline


def _speaker_name(pipeline: Pipeline, text: str, cue: str) -> str | None:
    doc = pipeline(Document(text=text))
    quote = by_cue(doc.quotes, cue)
    names = {e.id: e.name for e in doc.entities}
    return names.get(quote.speaker) if quote.speaker else None


def test_group_nominal_follows_the_name_beside_it_and_the_same_nominal_back(pipeline: Pipeline) -> None:
    text = (
        "Hundreds of warehouse staff at Larkfield Freight will lose their jobs in March.\n\n"
        "The group, Larkfield Workers United, formed in October and wrote to managers last week.\n\n"
        "The group met with managers on Friday to discuss the terms.\n\n"
        "The group said on Sunday that the offer left most workers with lower pay."
    )
    assert _speaker_name(pipeline, text, "said") == "Larkfield Workers United"


def test_plural_nominal_is_the_group_named_for_its_members(pipeline: Pipeline) -> None:
    text = (
        "The Ohio Nurses Association asked the county on Monday to reopen two clinics.\n\n"
        "The county has not answered the request, which was sent in May.\n\n"
        "\u201cEvery week of delay puts patients at risk,\u201d the nurses wrote."
    )
    assert _speaker_name(pipeline, text, "wrote") == "Ohio Nurses Association"


def test_document_speaks_for_its_issuer(pipeline: Pipeline) -> None:
    text = (
        "Ostrava Mining Group issued a statement on Tuesday after the collapse at its northern site.\n\n"
        "\u201cWe are working with rescue teams around the clock,\u201d the statement said."
    )
    assert _speaker_name(pipeline, text, "said") == "Ostrava Mining Group"


def test_main_clause_it_is_the_organisation_of_the_earlier_clause(pipeline: Pipeline) -> None:
    text = (
        "Analysts expect weaker sales this winter. Although Brandt Appliances has warned that costs "
        "are rising, it said on Monday that demand for its ovens would stay strong."
    )
    assert _speaker_name(pipeline, text, "said") == "Brandt Appliances"


def test_she_is_never_the_man_the_text_calls_he(pipeline: Pipeline) -> None:
    text = (
        "Nadia Kerr edited nine of his novels. Ivo Brandt lived alone in Duluth, and he wrote every day. "
        "He sent his drafts to no one else. He died in May, and his books went out of print.\n\n"
        "\u201cI still miss his letters,\u201d she said."
    )
    assert _speaker_name(pipeline, text, "said") != "Ivo Brandt"
