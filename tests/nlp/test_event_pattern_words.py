"""Pattern words the CAMEO dictionary uses interchangeably (:data:`wiresift.nlp.events.lexicon.EQUIVALENT_WORDS`),
on invented sentences: a pattern written with one of them reads the others."""

from __future__ import annotations

from events_support import coded

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_withdrawing_inspectors_is_withdrawing_observers_not_a_retreat(pipeline: Pipeline) -> None:
    # the dictionary writes "withdraw advisor" and "cut observer" (1662); inspectors read the same
    _, events = coded(pipeline, "Norway withdrew its weapons inspectors from the plant on Friday.")
    assert events["withdrew"].plover == "SANCTION" and events["withdrew"].cameo == "1662"


def test_ending_talks_halts_negotiations_while_a_meeting_is_only_ended(pipeline: Pipeline) -> None:
    # the dictionary tells "end talks" (164) from "end meeting" (040): meeting words are no one word
    _, events = coded(pipeline, "Lisbon abruptly ended the talks with Luanda on Tuesday.")
    assert events["ended"].cameo == "164"
