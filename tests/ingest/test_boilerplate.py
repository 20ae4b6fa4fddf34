"""BoilerplateModel: lines repeated across a site's documents, with count and share thresholds."""

from __future__ import annotations

import json

from wiresift.ingest.boilerplate import MIN_DOCS, MIN_SHARE, BoilerplateModel

FOOTER = "Support independent reporting on the Sahel: become a member today."


PLACES = ["Gao", "Niamey", "Mopti", "Kidal", "Agadez", "Timbuktu", "Tahoua", "Menaka", "Dori", "Zinder"]


def story(n: int, extra: str = "") -> str:
    place = PLACES[n % len(PLACES)] + "-" + PLACES[n // len(PLACES) % len(PLACES)]
    return f"Convoy attacked near {place}\n\nOfficials in {place} said the road was closed.\n{extra}\n"


def test_line_in_enough_documents_and_share_is_boilerplate() -> None:
    model = BoilerplateModel()
    for n in range(MIN_DOCS):
        model.observe("sahel.example", story(n, FOOTER))
    assert model.is_boilerplate("sahel.example", FOOTER)
    assert model.is_boilerplate(
        "SAHEL.example", "  support independent reporting on the Sahel: become a member today. "
    )
    assert not model.is_boilerplate("sahel.example", "Officials in Niamey-Gao said the road was closed.")
    assert not model.is_boilerplate("other.example", FOOTER)


def test_too_few_documents_is_not_boilerplate() -> None:
    model = BoilerplateModel()
    for n in range(MIN_DOCS - 1):
        model.observe("sahel.example", story(n, FOOTER))
    assert not model.is_boilerplate("sahel.example", FOOTER)


def test_share_threshold() -> None:
    model = BoilerplateModel()
    seen_in = MIN_DOCS
    total = int(seen_in / MIN_SHARE) + 3  # the line appears in fewer than MIN_SHARE of the documents
    for n in range(total):
        model.observe("big.example", story(n, FOOTER if n < seen_in else ""))
    assert not model.is_boilerplate("big.example", FOOTER)
    for n in range(total, total + 3):
        model.observe("big.example", story(n, FOOTER))
    assert model.is_boilerplate("big.example", FOOTER)


def test_digits_are_masked_so_counters_and_years_match() -> None:
    model = BoilerplateModel()
    for n in range(MIN_DOCS):
        model.observe("x.example", story(n, f"{n + 10} comments | © {2020 + n} X Media"))
    assert model.is_boilerplate("x.example", "99 comments | © 2031 X Media")


def test_known_returns_line_indices() -> None:
    model = BoilerplateModel()
    for n in range(4):
        model.observe("x.example", story(n, FOOTER))
    assert model.known("x.example", ["new line", FOOTER, "another"]) == {1}


def test_round_trip_through_json() -> None:
    model = BoilerplateModel(min_docs=4, min_share=0.5)
    for n in range(5):
        model.observe("x.example", story(n, FOOTER))
    data = json.loads(json.dumps(model.to_dict()))
    again = BoilerplateModel.from_dict(data)
    assert again == model
    assert again.is_boilerplate("x.example", FOOTER)
    assert (again.min_docs, again.min_share) == (4, 0.5)
