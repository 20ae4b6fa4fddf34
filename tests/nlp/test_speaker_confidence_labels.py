"""The label rule of the speaker-confidence trainer (``training/learn_speaker_confidence.py``): which
resolved speakers the gold Source of a PolNeAR-style attribution counts right. Invented text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wiresift.model import Entity
from wiresift.nlp.entities.index import EntityIndex

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "training"))

from learn_speaker_confidence import named_right  # noqa: E402


def index_of(text: str, entities: dict[str, tuple[str, str]], *mentions: tuple[str, str, int]) -> EntityIndex:
    """An index of ``text``: ``entities`` maps ids to (type, name); each mention is (surface, id, n),
    the ``n``-th occurrence of ``surface`` in ``text``."""
    index = EntityIndex(text=text)
    for eid, (etype, name) in entities.items():
        index.entities[eid] = Entity(id=eid, name=name, type=etype)
    for surface, eid, nth in mentions:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        index.add(start, start + len(surface), eid)
    return index


def span(text: str, words: str, after: int = 0) -> tuple[tuple[int, int], ...]:
    start = text.index(words, after)
    return ((start, start + len(words)),)


def test_surname_kept_apart_names_the_one_full_name() -> None:
    # "Mr. Halvorsen" is its own entity beside "Erik Halvorsen"; the resolver reads it as the full name.
    text = "Erik Halvorsen runs the ferry line. The fares will rise, Mr. Halvorsen said on Monday."
    index = index_of(
        text,
        {"e1": ("PERSON", "Erik Halvorsen"), "e2": ("PERSON", "Halvorsen")},
        ("Erik Halvorsen", "e1", 0),
        ("Halvorsen", "e2", 1),
    )
    source = span(text, "Mr. Halvorsen")
    assert named_right(index, source, "e1", True) is True


def test_surname_shared_by_two_full_names_cannot_tell() -> None:
    text = "Erik Halvorsen and Ada Halvorsen run the ferry line. Fares will rise, Halvorsen said."
    index = index_of(
        text,
        {
            "e1": ("PERSON", "Erik Halvorsen"),
            "e3": ("PERSON", "Ada Halvorsen"),
            "e2": ("PERSON", "Halvorsen"),
        },
        ("Erik Halvorsen", "e1", 0),
        ("Ada Halvorsen", "e3", 0),
        ("Halvorsen", "e2", 2),
    )
    source = span(text, "Halvorsen", text.index("rise,"))
    assert named_right(index, source, "e1", True) is None


def test_organisation_is_named_not_the_person_inside_its_name() -> None:
    text = "The Halvorsen campaign said the fares would rise."
    index = index_of(
        text,
        {"e1": ("PERSON", "Halvorsen"), "e9": ("ORG", "Halvorsen campaign")},
        ("Halvorsen", "e1", 0),
        ("Halvorsen campaign", "e9", 0),
    )
    source = span(text, "The Halvorsen campaign")
    assert named_right(index, source, "e9", True) is True
    assert named_right(index, source, "e1", True) is False


def test_possessor_in_the_source_is_not_its_speaker() -> None:
    # (the owner's name is the longer one: the largest overlap alone would pick her)
    text = "Senator Adelaide Brunsvik's spokesman, Tom Eck, said the vote would wait."
    index = index_of(
        text,
        {"e1": ("PERSON", "Adelaide Brunsvik"), "e2": ("PERSON", "Tom Eck")},
        ("Adelaide Brunsvik", "e1", 0),
        ("Tom Eck", "e2", 0),
    )
    source = span(text, "Senator Adelaide Brunsvik's spokesman, Tom Eck,")
    assert named_right(index, source, "e2", True) is True
    assert named_right(index, source, "e1", True) is False


def test_same_entity_at_another_mention_is_right() -> None:
    # The gold marks the first "Brun"; the system's mention is the pronoun, resolved to her.
    text = "Ada Brun spoke first. She said the vote would wait."
    index = index_of(text, {"e1": ("PERSON", "Ada Brun")}, ("Ada Brun", "e1", 0))
    source = span(text, "Ada Brun")
    assert named_right(index, source, "e1", False) is True
    assert named_right(index, source, "e2", False) is False


@pytest.mark.parametrize("meets", [True, False])
def test_source_naming_nobody_indexed_is_judged_by_the_mention(meets: bool) -> None:
    text = "A ferry official said the fares would rise."
    index = index_of(text, {})
    assert named_right(index, span(text, "A ferry official"), "e1", meets) is meets


def test_nominal_the_entities_stage_linked_is_no_gold_name() -> None:
    # The entities stage linked "The governor" to Pell; that is its guess, not the gold's: the
    # Source names nobody, so the speaker's mention meeting it is what counts.
    text = "Mara Pell met Gov. Ivo Strand on Monday. The governor said the budget would pass."
    index = index_of(
        text,
        {"e1": ("PERSON", "Mara Pell"), "e2": ("PERSON", "Ivo Strand")},
        ("Mara Pell", "e1", 0),
        ("Ivo Strand", "e2", 0),
        ("The governor", "e1", 0),
    )
    source = span(text, "The governor")
    assert named_right(index, source, "e2", True) is True


def test_place_modifying_the_role_in_the_source_is_no_speaker() -> None:
    from wiresift.nlp.pipeline import load_model

    text = "The Oregon senator said the dam would be rebuilt."
    index = index_of(text, {"e1": ("GPE", "Oregon"), "e2": ("PERSON", "Ada Brun")}, ("Oregon", "e1", 0))
    index.sdoc = load_model()(text)
    source = span(text, "The Oregon senator")
    # the resolver read "the Oregon senator" as Brun; the Source names no one, and the mention meets it
    assert named_right(index, source, "e2", True) is True
    index.sdoc = None  # without the parse, the outermost mention "Oregon" is taken as named
    assert named_right(index, source, "e2", True) is False
