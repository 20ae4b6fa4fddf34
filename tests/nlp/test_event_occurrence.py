"""Precision rules of the events stage on invented sentences: what did not happen is no event
(:mod:`~wiresift.nlp.events.occurrence`), actors are the trigger's own arguments
(:mod:`~wiresift.nlp.events.roles`), and a place is the event's, not an actor's
(:mod:`~wiresift.nlp.events.where`)."""

from __future__ import annotations

from events_support import coded, place_name

from wiresift.nlp.pipeline import Pipeline

#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_questions_attempts_and_frames_are_no_events(pipeline: Pipeline) -> None:
    assert "attack" not in coded(pipeline, "Will the army attack the rebel camp near Goma?")[1]
    _, found = coded(pipeline, "The government struggled to contain the rebellion in the north.")
    assert "struggled" not in found and "contain" not in found
    _, found = coded(pipeline, "The man tried to steal a tractor from the farm.")
    assert "steal" not in found
    # an attempted attack is still an attack
    _, found = coded(pipeline, "A gunman tried to kill the mayor of Tarvo on Monday.")
    assert found["kill"].plover == "ASSAULT"


def test_an_intention_needs_someone_who_intends(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Peace would allow the withdrawal of foreign troops from the valley.")
    assert "withdrawal" not in found
    _, found = coded(pipeline, "Russia said it would supply helicopters to the Tajik army.")
    supply = found["supply"]
    # the source is Russia, named or as the "it" that refers to it
    assert supply.plover == "AGREE" and supply.source is not None and supply.source.code == "RUS"
    assert supply.source.text in ("Russia", "it")


def test_actors_are_the_triggers_own_arguments(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Violent clashes erupted between farmers and herders on Sunday.")
    clash = found["clashes"]
    assert clash.source is not None and clash.source.text == "farmers"
    assert clash.target is not None and clash.target.text == "herders"
    # whoever denies an accusation is its target, not its source
    _, found = coded(pipeline, "The police denied accusations of brutality.")
    accusations = found["accusations"]
    assert accusations.source is None and accusations.target is not None
    assert accusations.target.text == "police"
    # the possessor of an arrest is the one arrested
    _, found = coded(pipeline, "After the journalist's arrest in Ankara, his colleagues protested.")
    arrest = found["arrest"]
    assert arrest.target is not None and arrest.target.text == "journalist" and arrest.source is None


def test_a_coordinated_participle_shares_the_passive(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The activist was beaten by riot police and arrested at his home.")
    assert found["beaten"].source is not None
    detained = found["arrested"]
    assert detained.source is not None and detained.source.text == "riot police"
    assert detained.target is not None and detained.target.text == "activist"


def test_place_is_the_events_not_an_actors(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "China's ambassador condemned the attack on the embassy.")
    assert place_name(doc, found["condemned"]) is None
    doc, found = coded(
        pipeline, "Eleven soldiers were wounded near Banibangou and flown to Niamey for treatment."
    )
    assert place_name(doc, found["wounded"]) != "Niamey"


def test_a_habit_or_a_state_is_no_occurrence(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Colonel Varga, who heads the border unit, met the mayor of Tarvo on Monday.")
    assert "heads" not in found and found["met"].plover == "CONSULT"
    _, found = coded(pipeline, "Rebels who are attacking the convoy fired on a village near Goma.")
    assert "attacking" in found  # the progressive reports what is going on
    assert "ship" not in coded(pipeline, "Smugglers ship weapons to the militias across the lake.")[1]
    # a stance the present reports as standing stays; so does a past that looks like a present
    _, found = coded(pipeline, "Dorval, who denies the charges, left the court in Tarvo.")
    assert found["denies"].plover == "REJECT"
    assert found_type(pipeline, "Villagers beat to death a suspected thief in Tarvo.", "beat")


def found_type(pipeline: Pipeline, text: str, word: str) -> str | None:
    event = coded(pipeline, text)[1].get(word)
    return event.plover or event.acled if event is not None else None


def test_a_gerund_topic_and_a_believed_future_are_no_events(pipeline: Pipeline) -> None:
    assert "Signing" not in coded(pipeline, "Signing a peace deal with the rebels has proved elusive.")[1]
    _, found = coded(pipeline, "The ministers are wary of offering concessions to the strikers.")
    assert "offering" not in found
    _, found = coded(pipeline, "The senator thought voters would reject the plan and punish him.")
    assert "punish" not in found and "reject" not in found
    # a speaker's stated intention is coded as such
    assert coded(pipeline, "Russia said it would supply helicopters to the Tajik army.")[1][
        "supply"
    ].hypothetical


def test_an_embedded_question_or_an_imperative_is_no_event(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Traders are uncertain whether the army attacked the depot near Goma.")
    assert "attacked" not in found
    _, found = coded(pipeline, "Go out and protest against the governor today, the senator said.")
    assert "protest" not in found
    # a conditional still codes its own event with its flag
    _, found = coded(pipeline, "The army will attack the town if the rebels refuse to leave, officials said.")
    assert found["attack"].hypothetical is not None
