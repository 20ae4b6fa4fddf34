"""Titles written with capitals before or after a name, and words that look like roles but are not,
on invented sentences."""

from __future__ import annotations

import pytest
from entities_support import people

from wiresift.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(stages=("entities",))


#: (text, person, titles they must have exactly)
EXACT = [
    # a capitalised title, a comma, the name: the title spaCy typed an organisation is still the role
    (
        "Chair of the Council, Amaka Nwosu, and two senators have sued the Comptroller-General of "
        "Customs, Hameed Ali, in Abuja.",
        "Hameed Ali",
        ["Comptroller-General of Customs"],
    ),
    # a capitalised role in apposition, which the tagger makes a proper noun
    (
        "The appeal was lodged by Kemi Alade, a Senior Counsel at the Lagos bar, for the market women.",
        "Kemi Alade",
        ["Senior Counsel at the Lagos bar"],
    ),
    # a capitalised title opening a line after an embedded post, the name followed by its verb
    (
        "The ministry shared the details online.\n\n— Federal Ministry of Health (@fmohealth) May 3, 2020\n\n"
        "Health Minister, Osagie Ehanire flags off the campaign and urges that all clinics stay open.",
        "Osagie Ehanire",
        ["Health Minister"],
    ),
    # an adjective with an agent noun's ending qualifies the person: no title
    ("Polls show the defiant Paula Walsh gaining in the suburbs.", "Paula Walsh", []),
    # a phrase of the verb after the name and a comma is no apposition
    ("Stallholders have taken Sade Ojo, to court over the new levy.", "Sade Ojo", []),
]


@pytest.mark.parametrize(("text", "name", "titles"), EXACT)
def test_capitalised_titles_exact(pipeline: Pipeline, text: str, name: str, titles: list[str]) -> None:
    found = people(pipeline, text)
    assert name in found, found
    assert found[name].titles == titles, found[name].titles
