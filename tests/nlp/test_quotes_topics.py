"""A verb of saying with no object reports the topic of its "about" ("bragged about his ties")."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline


def test_saying_verb_reports_its_about_topic(pipeline: Pipeline) -> None:
    text = (
        "Mr. Delgado often bragged about his closeness to the governor and his friends in the port authority."
    )
    q = by_cue(quotes_of(pipeline, text), "bragged")
    assert q.text.startswith("his closeness to the governor") and speaker(q) == "Mr. Delgado"
