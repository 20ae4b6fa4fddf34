"""The gender a pronoun is checked against (issue #11): the person's first name, a word of the text,
outweighs the pronouns the coreference model itself joined to the person earlier. Invented names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wiresift.model import Entity
from wiresift.nlp.entities.coref import _gender, _gender_or_name
from wiresift.nlp.entities.index import EntityIndex


@dataclass
class _Joined:
    gender: str


@dataclass
class _State:
    """The part of :class:`DocCoref` the gender checks read: fixed votes, chains, the index."""

    index: EntityIndex
    chains: dict[str, list[Any]] = field(default_factory=dict)

    def gender(self, eid: str, chains: bool = True) -> str:
        return ""  # no title or courtesy title

    def advance(self, upto: int) -> None:
        return None


def _state(name: str, joined: list[str], extra: tuple[str, ...] = ()) -> _State:
    entities = {"e1": Entity(id="e1", name=name, type="PERSON")}
    entities.update({f"e{i + 2}": Entity(id=f"e{i + 2}", name=n, type="PERSON") for i, n in enumerate(extra)})
    index = EntityIndex(entities=entities)
    return _State(index, {"e1": [_Joined(g) for g in joined]})


def test_a_first_name_outweighs_pronouns_the_model_joined() -> None:
    """ "Maria Kessel" with a "his" and a "he" of the man quoted beside her joined to her chain is still
    a woman: the "she" who speaks next may be her."""
    state = _state("Maria Kessel", ["m", "m"])
    assert _gender(state, "e1", 500) == "f"  # type: ignore[arg-type]
    assert _gender_or_name(state, "e1", 500) == "f"  # type: ignore[arg-type]


def test_joined_pronouns_still_tell_when_the_name_does_not() -> None:
    """A first name given to both sexes (or none known) leaves the chain's word standing."""
    state = _state("Kessel", ["m"])
    assert _gender(state, "e1", 500) == "m"  # type: ignore[arg-type]


def test_a_lone_surname_takes_the_first_name_of_its_one_full_namesake() -> None:
    """ "Kessel", kept apart from "Maria Kessel" by the entities stage, is a woman too."""
    state = _state("Kessel", ["m"], extra=("Maria Kessel",))
    assert _gender_or_name(state, "e1", 500) == "f"  # type: ignore[arg-type]


@dataclass
class _JoinedAt:
    gender: str
    start: int


def test_a_namesake_keeps_the_gender_of_her_first_name_against_the_chain() -> None:
    """Jane Kessel, with three "he"s of her husband joined to her chain, is still the Kessel a "she"
    can mean (:func:`~wiresift.nlp.entities.namesakes.person_gender`)."""
    from wiresift.nlp.entities.namesakes import person_gender

    index = EntityIndex(
        entities={
            "e1": Entity(id="e1", name="Jane Kessel", type="PERSON"),
            "e2": Entity(id="e2", name="Tom Kessel", type="PERSON"),
        }
    )
    index.coref = _State(index, {"e1": [_JoinedAt("m", s) for s in (10, 20, 30)]})  # type: ignore[assignment]
    assert person_gender(index, "e1", skip=100) == "f"
