"""Named sources and speaker confidence: organisation and outlet nominals, poll sponsors, titled roles,
abstention. Invented sentences only."""

from __future__ import annotations

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.confidence import Evidence, feature_names, keeps, score, vector
from wiresift.nlp.quotes.confidence_weights import THRESHOLD, WEIGHTS


@pytest.mark.parametrize(
    ("text", "cue", "mention", "name"),
    [
        (
            "Halvorsen Foods announced a recall on Tuesday. In a letter to customers, the company wrote "
            "that the batches were contaminated.",
            "wrote",
            "the company",
            "Halvorsen Foods",
        ),
        (
            "The Daily Tribune broke the story on Monday. The newspaper said the council had voted twice "
            "on the same budget.",
            "said",
            "The newspaper",
            "Daily Tribune",
        ),
        (
            "A new Larkspur Institute poll of 900 voters was released on Sunday. The poll found that 54 "
            "percent back the levy.",
            "found",
            "The poll",
            "Larkspur Institute",
        ),
        (
            "Dr. Ines Marlow treated the patient, Tom Greer, for three weeks. The doctor said the "
            "infection had cleared.",
            "said",
            "The doctor",
            "Ines Marlow",
        ),
        (
            # the story's own company, named far more often than the regulator and the wire service
            "Brindle Corp. is under review by the Tarn Finance Office, the Kestrel Times reported. "
            "Brindle Corp. sold 400 vans last year. Brindle Corp. opened two plants. Brindle Corp. "
            "hired 90 staff.\n\nOn Monday, the company confirmed the letter had arrived.",
            "confirmed",
            "the company",
            "Brindle Corp.",
        ),
        (
            # a new section is about another maker: its subject, not the last quote's speaker
            "Orlan Motors said its sedan will be cheaper.\n\nNEW WAGON\n\nVestra Motors built a "
            "low electric wagon this week. The automaker says the wagon will go 300 miles.",
            "says",
            "The automaker",
            "Vestra Motors",
        ),
    ],
)
def test_named_sources(pipeline: Pipeline, text: str, cue: str, mention: str, name: str) -> None:
    q = by_cue(quotes_of(pipeline, text), cue)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.speaker_name == name
    assert q.speaker_confidence is not None and 0.0 <= q.speaker_confidence <= 1.0


def test_nominal_is_not_the_person_merely_named_before(pipeline: Pipeline) -> None:
    text = (
        "Tom Greer was taken to the county hospital on Monday. The spokesman said the ward had been "
        "closed to visitors since the weekend."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_mention is not None and q.speaker_mention.text == "The spokesman"
    assert q.speaker is None  # Greer is near, but nothing links him to "the spokesman"


def test_two_doctors_leave_the_doctor_unresolved(pipeline: Pipeline) -> None:
    text = (
        "Dr. Ines Marlow and Dr. Piet Vos examined the patient on Monday. The doctor said the infection "
        "had cleared by the evening."
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker is None


def test_named_speaker_is_confident(pipeline: Pipeline) -> None:
    q = by_cue(quotes_of(pipeline, "Mayor Lena Ortiz said the bridge would reopen in May."), "said")
    assert q.speaker_name == "Lena Ortiz"
    assert q.speaker_confidence is not None and q.speaker_confidence >= THRESHOLD


def _evidence(**changes: object) -> Evidence:
    base: dict[str, object] = {
        "how": "subject",
        "mention": "name",
        "resolution": "at_mention",
        "entity_type": "PERSON",
        "antecedent_chars": 0,
        "quote_chars": 0,
        "persons_between": 0,
        "disagrees": False,
        "direct": True,
        "statement": True,
    }
    base.update(changes)
    return Evidence(**base)  # type: ignore[arg-type]


def test_weights_cover_every_feature() -> None:
    assert set(WEIGHTS) == set(feature_names())
    assert len(vector(_evidence())) == len(feature_names())
    assert 0.0 < THRESHOLD < 1.0


def test_confidence_falls_with_distance_from_the_quote() -> None:
    near, far = score(_evidence(quote_chars=0)), score(_evidence(quote_chars=1500))
    assert near > far


def test_carried_speaker_distance_is_apart_from_a_cue_distance() -> None:
    names = feature_names()
    cued = dict(zip(names, vector(_evidence(quote_chars=400)), strict=True))
    carried = dict(zip(names, vector(_evidence(how="inherited", quote_chars=400)), strict=True))
    assert cued["log_quote_distance"] > 0.0 and cued["log_carried_distance"] == 0.0
    assert (
        carried["log_carried_distance"] == cued["log_quote_distance"] and carried["log_quote_distance"] == 0.0
    )
    assert cued["named_at_cue"] == 1.0 and carried["named_at_cue"] == 0.0


def test_name_at_its_cue_is_shown_even_a_sentence_from_the_quote() -> None:
    # "Lena Ortiz, who chairs the bridge board and met the contractors on Friday, said that …"
    assert keeps(score(_evidence(quote_chars=150, direct=False)))
    # a belief or intention is less sure: since session 12's refit (threshold 0.758, GUM speakers in the
    # fit) one a long clause from its name falls just under (0.754 at 150 characters); a short one stays
    assert keeps(score(_evidence(quote_chars=80, direct=False, statement=False)))
    assert score(_evidence(quote_chars=150, direct=False, statement=False)) < score(
        _evidence(quote_chars=150, direct=False)
    )
    assert score(_evidence(how="inherited", quote_chars=600)) < score(_evidence(quote_chars=600))


def test_abstention_below_threshold() -> None:
    assert keeps(THRESHOLD) and not keeps(THRESHOLD - 0.001)
