"""A lawmaker's party-and-state tag ("(D-Md.)", ", R-Texas,") is no entity and marks a person."""

from __future__ import annotations

import pytest

from wiresift.model import Document
from wiresift.nlp.entities.party_tags import tag_after
from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


def entities(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = pipeline(Document(text=text))
    assert doc.errors == []
    return [(e.type, e.name) for e in doc.entities]


@pytest.mark.parametrize(
    ("text", "end", "tag"),
    [
        ("Sen. Ann Lee (D-Md.) said", 12, "D-Md."),
        ("Rep. Tom Ode, R-Texas, said", 12, "R-Texas"),
        ("Jon Ives (I-Vt.) said", 8, "I-Vt."),
        ("Jon Ives (D-controlled) said", 8, None),
        ("Jon Ives, DJ-Mix, said", 8, None),
    ],
)
def test_tag_after_a_name(text: str, end: int, tag: str | None) -> None:
    m = tag_after(text, end)
    assert (m.group() if m else None) == tag


def test_the_tag_is_no_entity(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Rep. Carla Mendez (D-Calif.) said the hearing was a farce. Rep. Lyle Danforth, D-N.Y., "
        "said the panel would meet again in March.",
    )
    assert all(not name.startswith(("D-", "R-")) for _t, name in found), found
    assert ("PERSON", "Carla Mendez") in found and ("PERSON", "Lyle Danforth") in found


def test_the_name_before_a_tag_is_a_person(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Ostrander (R-Ky.) told reporters the vote would slip. Rep. Ida Pell (D-Mich.) said thirty "
        "members agreed with Ostrander.",
    )
    assert [t for t, name in found if name == "Ostrander"] == ["PERSON"], found
