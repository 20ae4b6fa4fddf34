"""An office mention resolves to the one person whose titles share most of its words."""

from __future__ import annotations

from wiresift.model import Entity
from wiresift.nlp.entities.coref import titled_person
from wiresift.nlp.entities.index import EntityIndex


def index_of(*people: tuple[str, str, list[str]]) -> EntityIndex:
    return EntityIndex(
        entities={
            eid: Entity(id=eid, name=name, type="PERSON", titles=titles) for eid, name, titles in people
        }
    )


def test_office_mention_finds_its_holder() -> None:
    index = index_of(
        ("e1", "Rustam Nazarov", ["Head of the Border Guard Service of Tajikistan"]),
        ("e2", "Ana Ruiz", ["Defence Minister"]),
    )
    assert titled_person(index, "Head of the Tajik Border Guard Service") == "e1"


def test_no_holder_for_a_mention_without_a_title_word_or_with_two_alike() -> None:
    index = index_of(
        ("e1", "Rustam Nazarov", ["Head of the Border Guard Service of Tajikistan"]),
        ("e2", "Bakhtiyor Karimov", ["Deputy Head of the Border Guard Service"]),
    )
    assert titled_person(index, "Head of the Border Guard Service") is None  # both share 4 words
    assert titled_person(index, "The Border Guard Service") is None  # an organisation, not an office
    assert titled_person(index_of(("e1", "Ana Ruiz", ["Defence Minister"])), "Minister of Culture") is None
