"""A sentence never runs across a paragraph or line break (nlp/paragraphs.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import quotes_of, speaker

if TYPE_CHECKING:
    from spacy.language import Language

    from wiresift.nlp.pipeline import Pipeline


def test_a_heading_line_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp("The vote failed.\n\nBUDGET TALKS\n\nVestra Motors built a wagon this week.")
    assert [s.text.strip() for s in doc.sents] == [
        "The vote failed.",
        "BUDGET TALKS",
        "Vestra Motors built a wagon this week.",
    ]
    assert ("Vestra Motors", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_a_pull_line_does_not_take_the_next_paragraphs_speaker(pipeline: Pipeline) -> None:
    text = (
        "\u201cWe never control any groups there directly,\u201d Lee said.\n\n"
        "\u201c\u2026 stop the return of the families from the camp\u201d\n\n"
        "A farmer inside the camp, who asked not to be named, said that the ministry\u2019s claim is "
        "\u201cabsolutely not true.\u201d"
    )
    said = [q for q in quotes_of(pipeline, text) if "ministry" in q.text]
    assert len(said) == 1 and said[0].kind == "mixed" and speaker(said[0]) == "A farmer"
