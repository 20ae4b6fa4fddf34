"""The events stage on invented sentences: coding, actors, modality, ACLED-style types, exports."""

from __future__ import annotations

import pytest

from wiresift.model import Document, Event
from wiresift.nlp.events.actors import dated_code, split_code
from wiresift.nlp.events.cameo import goldstein, plover, quad_class
from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == [] and doc.check_spans() == []
    return doc.events


def test_cameo_tables() -> None:
    assert plover("190") == ("ASSAULT", None)
    assert plover("0841") == ("RETREAT", "release")
    assert plover("163") == ("SANCTION", None)
    assert plover("0813") == ("CONCEDE", None)
    assert plover("010") == (None, None)
    assert goldstein("1831") == goldstein("183") == -10.0
    assert quad_class("CONSULT") == 1 and quad_class("ASSAULT") == 4


def test_actor_codes() -> None:
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("IGOUNO") == ("IGO", None)
    roles = [["XXXGOV", "20100101", "20151231"], ["XXXELI", "", ""]]
    assert dated_code(roles, "2012-06-01") == "XXXGOV"
    assert dated_code(roles, "2020-06-01") == "XXXELI"


def test_attack_with_actors_place_time_and_dead(pipeline: Pipeline) -> None:
    found = events(
        pipeline, "Rebel fighters attacked an army convoy near Goma on Tuesday, killing nine soldiers."
    )
    main = found[0]
    assert (main.text, main.plover, main.quad) == ("attacked", "ASSAULT", "MATERIAL_CONFLICT")
    assert main.source is not None and main.source.text == "Rebel fighters"
    assert main.acled == "Armed clash"
    assert main.time == "2023-05-02" and main.dead == 9


def test_meeting_between_states(pipeline: Pipeline) -> None:
    main = events(pipeline, "The French president met the Brazilian foreign minister in Lisbon on Monday.")[0]
    assert main.plover == "CONSULT"
    assert main.source is not None and main.source.code == "FRA"
    assert main.target is not None and main.target.code == "BRA"


def test_future_cooperation_is_an_intention_and_negation_is_kept(pipeline: Pipeline) -> None:
    main = events(pipeline, "Norway will send medical aid to the flooded provinces of Peru.")[0]
    assert main.plover == "AGREE" and main.hypothetical == "future"
    refused = events(pipeline, "The rebels did not attack the town.")[0]
    assert refused.plover == "ASSAULT" and refused.negated


def test_planned_drills_and_reported_event(pipeline: Pipeline) -> None:
    found = events(
        pipeline, 'Naval drills are being planned off the coast. "Our troops shelled the port," he said.'
    )
    drills = next(e for e in found if e.text == "drills")
    assert drills.plover == "MOBILIZE" and drills.hypothetical == "planned"
    shelled = next(e for e in found if e.text == "shelled")
    assert shelled.reported_by is not None


def test_security_types(pipeline: Pipeline) -> None:
    quake = events(pipeline, "A strong earthquake struck the island on Friday.")
    assert any(e.acled == "Natural disaster" and e.plover is None for e in quake)
    air = events(pipeline, "An air strike hit a school in the north, killing four children.")
    assert any(e.acled == "Air/drone strike" for e in air)
    arrest = events(pipeline, "Police arrested twelve protesters in the capital.")[0]
    assert arrest.plover == "COERCE" and arrest.acled == "Arrests"


def test_gdelt_rows(pipeline: Pipeline) -> None:
    from wiresift.export.gdelt import COLUMNS, event_rows

    doc = pipeline(Document(id="d1", text="Rebel fighters attacked an army convoy near Goma.", url="http://x.test/a",
                            published="2023-05-02"))  # fmt: skip
    rows = [dict(zip(COLUMNS, row, strict=True)) for row in event_rows(doc)]
    assert rows[0]["EventCode"] == "190" and rows[0]["QuadClass"] == 4 and rows[0]["GoldsteinScale"] == -10.0
    assert (
        rows[0]["SQLDATE"] == "20230502"
        and rows[0]["IsRootEvent"] == 1
        and rows[0]["SOURCEURL"] == "http://x.test/a"
    )


def test_goldstein_weights_follow_gdelt_table() -> None:
    # Spot checks where the table typed from memory was wrong, and four-digit codes with their own weight.
    assert goldstein("016") == -2.0 and goldstein("102") == -5.0 and goldstein("124") == -4.0
    assert goldstein("165") == -6.5 and goldstein("0874") == 10.0 and goldstein("1823") == -10.0
    assert goldstein("1821") == -9.0 and goldstein("182") == -9.5 and goldstein("0871") == 9.0


def test_constituent_state_code_is_current_iso() -> None:
    assert split_code("SCGSRB") == ("SRB", None)
    assert split_code("YUGMNEGOV") == ("MNE", "GOV")
    assert split_code("SCGGOV") == ("SCG", "GOV")


def test_addressee_of_a_demand_clause_is_the_target(pipeline: Pipeline) -> None:
    main = events(pipeline, "Kenya demanded that Uganda withdraw its soldiers from the disputed island.")[0]
    assert main.plover == "REQUEST"
    assert main.source is not None and main.source.code == "KEN"
    assert main.target is not None and main.target.code == "UGA"


def test_group_member_takes_the_groups_country(pipeline: Pipeline) -> None:
    found = events(pipeline, "Doctors from two Canadian charities criticized the Haitian health ministry.")
    main = found[0]
    assert main.source is not None and main.source.code == "CAN"


def test_blocking_by_non_state_actors_is_an_obstruction_protest(pipeline: Pipeline) -> None:
    main = events(pipeline, "Striking dockers blocked the harbour bridge in Antwerp for six hours.")[0]
    assert (main.text, main.plover, main.cameo) == ("blocked", "PROTEST", "144")


def test_event_noun_object_of_a_plain_verb_leads(pipeline: Pipeline) -> None:
    main = events(pipeline, "Nurses staged a large demonstration in Lyon to demand better pay.")[0]
    assert (main.text, main.plover) == ("demonstration", "PROTEST")


def test_obligation_said_by_another_is_a_demand(pipeline: Pipeline) -> None:
    first = events(pipeline, "Norway said on Monday that Chile must release the detained fishermen.")[0]
    assert first.plover == "REQUEST" and first.hypothetical is None
    assert first.source is not None and first.source.code == "NOR"
    assert first.target is not None and first.target.code == "CHL"


def test_refused_acceptance_is_a_rejection(pipeline: Pipeline) -> None:
    first = events(pipeline, "Peru says that it will not accept new asylum seekers until spring.")[0]
    assert first.plover == "REJECT" and first.negated


def test_frame_verb_and_light_verb_give_way_to_the_event_noun(pipeline: Pipeline) -> None:
    hunger = events(
        pipeline, "Dock workers began a hunger strike in front of the port authority in Valparaiso."
    )
    assert [(e.text, e.plover) for e in hunger][:1] == [("strike", "PROTEST")]
    general = events(
        pipeline, "Three Chilean unions organized a general strike which closed the schools of Santiago."
    )
    assert general and general[0].text == "strike" and general[0].cameo == "143"


def test_place_attached_by_the_parse(pipeline: Pipeline) -> None:
    doc = pipeline(
        Document(text="Rebels from Sudan ambushed a convoy near Kidal on Monday.", published="2023-05-02")
    )
    ambush = next(e for e in doc.events if e.text == "ambushed")
    names = {p.id: p.name for p in doc.places}
    assert names.get(ambush.place or "") == "Kidal"


def _main(pipeline: Pipeline, text: str) -> Event:
    found = events(pipeline, text)
    assert found, text
    return found[0]


def test_actor_of_a_copular_adjective_and_a_pronoun_by_the_clause_above(pipeline: Pipeline) -> None:
    # "is ready to": the subject of the copula acts; "it" stands for the country that speaks
    event = _main(pipeline, "Chile says it is ready to withdraw its soldiers from the disputed valley.")
    assert event.source is not None and event.source.code == "CHL"


def test_quantity_heads_and_plural_demonyms(pipeline: Pipeline) -> None:
    event = _main(pipeline, "Hundreds of Peruvians demonstrated outside the congress in Lima on Monday.")
    assert event.source is not None and event.source.text.endswith("Peruvians")
    assert event.source.code == "PER"


def test_stance_prefix_names_no_member(pipeline: Pipeline) -> None:
    event = _main(pipeline, "The pro-Chilean militia attacked a police post near the border.")
    assert event.source is not None and event.source.code != "CHL"


def test_organisation_named_like_an_igo(pipeline: Pipeline) -> None:
    event = _main(pipeline, "The African Fisheries Commission condemned Norway on Tuesday.")
    assert event.source is not None and event.source.code == "IGO"


def test_object_of_a_complement_clause_gives_the_target(pipeline: Pipeline) -> None:
    event = _main(pipeline, "Peru threatened to cut diplomatic ties with Bolivia.")
    assert event.target is not None and event.target.code == "BOL"


def test_dates_are_no_actors(pipeline: Pipeline) -> None:
    found = events(pipeline, "Rebels said Tuesday's attack near the dam was a warning.")
    attacks = [e for e in found if e.text == "attack"]
    assert attacks and all(e.source is None or e.source.text != "Tuesday" for e in attacks), found


def test_security_sentence_without_trigger_is_typed_and_other_sentences_are_not(pipeline: Pipeline) -> None:
    typed = [e.acled for e in events(pipeline, "A grenade went off in a crowded bus station late on Friday.")]
    assert any(typed), typed
    plain = events(pipeline, "The striker signed a new contract with the club on Friday.")
    assert not any(e.acled for e in plain)


@pytest.mark.parametrize(
    ("text", "trigger", "negated", "hypothetical"),
    [
        ("The union called for a general strike at the shipyard.", "strike", False, "requested"),
        ("No one was killed when the militants attacked the depot.", "killed", True, None),
        ("The militia will attack the convoy if the talks collapse.", "attack", False, "conditional"),
        ("The army failed to retake the town from the rebels.", "retake", True, None),
    ],
)
def test_modality_of_requests_failures_nobody_and_conditions(
    pipeline: Pipeline, text: str, trigger: str, negated: bool, hypothetical: str | None
) -> None:
    from wiresift.nlp.events.modality import modality

    sdoc = pipeline.nlp(text)
    tok = next(t for t in sdoc if t.text == trigger)
    assert modality(tok) == (negated, hypothetical)
