"""How the tracker joins one claim's mentions across a story's articles (invented articles, no NLP).

Each article lists its claims as the claims layer would give them, with their gaps and slips: a
missing counted thing, a count type left out, an outlet or a dateline as the claimant.
"""

from __future__ import annotations

from wiresift.model import Claim, Document
from wiresift.stories.claimmatch import claimant_core, claimants_agree, things_agree
from wiresift.stories.tracking import track_claims

# (number as written, value, counted, count type, claimant)
Spec = tuple[str, float, str | None, str | None, str | None]


def article(
    doc_id: str, day: int, site: str, text: str, claims: list[Spec], unit: str | None = None
) -> Document:
    out = []
    for n, (sub, value, counted, kind, who) in enumerate(claims):
        start = text.index(sub)
        out.append(
            Claim(
                id=f"{doc_id}-k{n}", text=sub, start=start, end=start + len(sub), value=value,
                counted=counted, count_type=kind, claimant_name=who, unit=unit if "km" in sub else None,
            )
        )  # fmt: skip
    return Document(id=doc_id, site=site, published=f"2026-05-{day:02d}", text=text, claims=out).finalize()


def tracked(*docs: Document) -> list[list[tuple[str, float]]]:
    return [[(m.doc_id, m.value or 0.0) for m in t.mentions] for t in track_claims("st-x", docs)]


def test_a_generic_thing_and_the_words_next_to_the_number_make_one_toll() -> None:
    a = article(
        "a", 3, "Fjord Post",
        "Rescuers reached the quarry on Sunday and recovered the bodies of seven people, the fire brigade said. "
        "Four lorries were buried.",
        [("seven", 7, "people", None, "the fire brigade"), ("Four", 4, "lorries", None, "Fjord Post")],
    )  # fmt: skip
    b = article(
        "b", 4, "Valley Courier",
        "The regional fire brigade said seven bodies had been pulled from the quarry, where four lorries lay.",
        [("seven", 7, "bodies", "KILL", "The regional fire brigade"), ("four", 4, "lorries", None, None)],
    )  # fmt: skip
    assert sorted(tracked(a, b)) == [[("a", 4.0), ("b", 4.0)], [("a", 7.0), ("b", 7.0)]]


def test_things_of_one_class_agree_and_of_two_classes_do_not() -> None:
    none: frozenset[str] = frozenset()
    assert things_agree("fighter", "militant", none, none)  # both TROOPS in the count lexicon
    assert not things_agree("soldier", "body", none, none)  # TROOPS and KILL
    assert things_agree("raider", "gunman", frozenset({"KILL"}), frozenset({"KILL"}))  # unlisted, one kind
    assert not things_agree("raider", "gunman", none, none)


def test_claimants_fold_roles_outlets_datelines_and_pronouns() -> None:
    outlets = {"fjord post"}
    assert claimants_agree(claimant_core("a fire brigade spokesman", outlets),
                           claimant_core("The regional fire brigade", outlets))  # fmt: skip
    for nobody in ("Fjord Post", "OSLO", "he", "which", "a transcript released by his office"):
        assert claimant_core(nobody, outlets) is None, nobody
    assert not claimants_agree(
        claimant_core("the mayor", outlets), claimant_core("the fire brigade", outlets)
    )


def test_two_claimants_keep_their_numbers_and_an_unnamed_one_joins_the_closer() -> None:
    a = article(
        "a", 3, "Fjord Post", "Nearly 3,000 fighters crossed the ridge, a border guard commander said.",
        [("Nearly 3,000", 3000, "fighters", "TROOPS", "a border guard commander")],
    )  # fmt: skip
    b = article(
        "b", 4, "Valley Courier", "About 2,500 militants were massing, the interior ministry said.",
        [("About 2,500", 2500, "militants", "TROOPS", "the interior ministry")],
    )  # fmt: skip
    c = article(
        "c", 5, "Lake Herald",
        "Guards have cited figures close to 3,000 fighters, while the ministry put the total at about 2,500.",
        [("close to 3,000", 3000, None, None, "Lake Herald"), ("about 2,500", 2500, None, None, "Lake Herald")],
    )  # fmt: skip
    assert sorted(tracked(a, b, c)) == [[("a", 3000.0), ("c", 3000.0)], [("b", 2500.0), ("c", 2500.0)]]


def test_a_revision_joins_the_claim_it_revises() -> None:
    a = article(
        "a", 3, "Fjord Post", "Eleven miners were killed in the collapse, the mine operator said.",
        [("Eleven", 11, "miners", "KILL", "the mine operator")],
    )  # fmt: skip
    b = article(
        "b", 5, "Fjord Post",
        "The mine operator on Tuesday raised the number of miners killed in the collapse to 15, from 11.",
        [("15", 15, None, "KILL", "Fjord Post"), ("11", 11, None, None, "Fjord Post")],
    )  # fmt: skip
    (claim,) = track_claims("st-x", [a, b])
    assert sorted(m.value or 0 for m in claim.mentions) == [11, 11, 15]
    assert claim.first_doc_id == "a"


def test_a_later_number_without_a_revision_is_another_claim() -> None:
    a = article("a", 3, "Fjord Post", "Eleven miners were killed, the operator said.",
                [("Eleven", 11, "miners", "KILL", "the operator")])  # fmt: skip
    b = article("b", 4, "Lake Herald", "Fifteen miners were killed, the operator said.",
                [("Fifteen", 15, "miners", "KILL", "the operator")])  # fmt: skip
    assert tracked(a, b) == []


def test_an_unnamed_count_copied_word_for_word_is_tracked() -> None:
    text = "More than 2,300 were still waiting at the ferry terminal on Monday night, port staff said."
    a = article("a", 3, "Fjord Post", text, [("More than 2,300", 2300, None, None, "port staff")])
    b = article("b", 4, "Aggregator Now", text, [("More than 2,300", 2300, None, None, "port staff")])
    c = article(
        "c", 4, "Lake Herald", "Some 2,300 tonnes of grain were unloaded.", [("Some 2,300", 2300, None, None, None)]
    )  # fmt: skip
    (claim,) = track_claims("st-x", [a, b, c])
    assert [(m.doc_id, m.label) for m in claim.mentions] == [("a", "independent"), ("b", "copied")]


def test_vague_numbers_and_other_units_stay_apart() -> None:
    a = article("a", 3, "Fjord Post", "Dozens of trucks and 24 soldiers waited 20 km from the pass.",
                [("Dozens", 24, "trucks", None, None), ("24", 24, "soldiers", None, None),
                 ("20 km", 20, None, None, None)], unit="km")  # fmt: skip
    b = article("b", 4, "Lake Herald", "Some 24 trucks and 20 soldiers were seen near the pass.",
                [("24", 24, "trucks", None, None), ("20", 20, "soldiers", None, None)])  # fmt: skip
    assert tracked(a, b) == []


def test_a_mention_attributed_to_an_earlier_outlet_is_copied_from_it() -> None:
    a = article(
        "a", 3, "Fjord Post", "Some 600 ferry passengers spent the night in the terminal, the harbour master said.",
        [("Some 600", 600, "passengers", None, "the harbour master")],
    )  # fmt: skip
    b = article(
        "b", 4, "Aggregator Now", "About 600 stranded passengers slept on benches overnight, Fjord Post reported.",
        [("About 600", 600, "passengers", None, "Fjord Post")],
    )  # fmt: skip
    c = article(
        "c", 4, "Lake Herald", "Roughly 600 passengers were stuck in the terminal until dawn, the harbour master told us.",
        [("Roughly 600", 600, "passengers", None, "the harbour master")],
    )  # fmt: skip
    (claim,) = track_claims("st-x", [a, b, c])
    labels = {m.doc_id: (m.label, m.copied_from) for m in claim.mentions}
    assert labels == {"a": ("independent", None), "b": ("copied", "a"), "c": ("independent", None)}


def test_a_number_named_as_a_known_figure_joins_the_claim_it_refers_to() -> None:
    a = article(
        "a", 3, "Fjord Post", "Some 4,000 fighters are camped near the pass, the defence minister said.",
        [("Some 4,000", 4000, "fighters", "TROOPS", "the defence minister")],
    )  # fmt: skip
    b = article(
        "b", 4, "Valley Courier",
        "A researcher, Ina Holm, said the estimate of 4,000 was probably too high. "
        "Her own count was 2,000 fighters.",
        [("4,000", 4000, None, None, "Ina Holm"), ("2,000", 2000, "fighters", "TROOPS", "Ina Holm")],
    )  # fmt: skip
    assert sorted(tracked(a, b)) == [[("a", 4000.0), ("b", 4000.0)]]  # her own 2,000 is in one article only


def test_a_difference_between_two_counts_is_no_count_of_its_own() -> None:
    a = article(
        "a", 3, "Fjord Post", "Two of the trawlers sank near the reef, the harbour master said.",
        [("Two", 2, "trawlers", None, "the harbour master")],
    )  # fmt: skip
    b = article(
        "b", 4, "Valley Courier", "Two of the trawlers sank near the reef, the harbour master said on Monday.",
        [("Two", 2, "trawlers", None, "the harbour master")],
    )  # fmt: skip
    c = article(
        "c", 5, "Lake Herald",
        "Divers said five sailors drowned when the trawlers sank, two more than the harbour master has said.",
        [("five", 5, "sailors", "KILL", None), ("two", 2, None, None, None)],
    )  # fmt: skip
    assert sorted(tracked(a, b, c)) == [[("a", 2.0), ("b", 2.0)]]


def test_a_state_force_and_irregulars_are_two_counts() -> None:
    none: frozenset[str] = frozenset()
    assert not things_agree("troop", "militant", none, none)
    assert things_agree("fighter", "militant", none, none) and things_agree("soldier", "troop", none, none)
