"""Names in a title-case headline (#11): "Gov. Reyes Vows …" is Reyes, joined to the person the body
names in full; "AG Brenner" holds a title, not an organisation "AG". Invented text only."""

from __future__ import annotations

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline


def _entities(pipeline: Pipeline, text: str) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    doc = pipeline(Document(text=text))
    assert doc.errors == []
    return {e.name: (e.type, e.mentions) for e in doc.entities}


def test_headline_verb_is_not_part_of_the_name(pipeline: Pipeline) -> None:
    text = (
        "Gov. Reyes Vows To Veto Tax Bill\n\nGovernor Tom Reyes said on Friday he would veto the tax "
        'bill passed by the state Senate. "This bill hurts working families," Reyes said.'
    )
    found = _entities(pipeline, text)
    assert "Reyes Vows" not in found
    assert found["Tom Reyes"][1][0] == (5, 10)  # the headline's "Reyes" joins the person


def test_headline_abbreviation_is_a_title(pipeline: Pipeline) -> None:
    text = (
        "AG Brenner Sues Drug Makers Over Opioid Prices\n\nAttorney General Karl Brenner filed suit on "
        "Monday against four drug makers. Brenner said the companies had misled doctors for a decade."
    )
    found = _entities(pipeline, text)
    assert "AG" not in found
    assert found["Karl Brenner"][0] == "PERSON"


def test_headline_full_name_written_again_is_kept(pipeline: Pipeline) -> None:
    text = (
        "Reyes Vale Wins Chess Title\n\nReyes Vale, 19, beat the champion in Bree on Sunday. His coach, "
        "Tom Reyes, said Reyes Vale had trained for a year."
    )
    assert "Reyes Vale" in _entities(pipeline, text)
