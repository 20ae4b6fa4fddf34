"""Headlines: title case read again in sentence case, and "Subject Verb Rest" as a report."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.model import Quote
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.headline import headline_span, sentence_case, title_case

BODY = (
    "\n\nThe talks between Kazakhstan and Kyrgyzstan on the disputed border will resume in Almaty next "
    "week, the Kazakh envoy, Nurlan Abenov, told reporters on Monday. Abenov said both sides wanted a "
    "deal before winter.\n"
)


def in_headline(pipeline: Pipeline, headline: str) -> list[Quote]:
    return [q for q in quotes_of(pipeline, headline + BODY) if q.start < len(headline)]


def test_title_case_headline_with_says_after_a_comma(pipeline: Pipeline) -> None:
    (q,) = in_headline(pipeline, "Border Talks Will Resume Next Week, Kazakh Envoy Says.")
    assert q.text == "Border Talks Will Resume Next Week"
    assert q.cue == "Says"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Kazakh Envoy"


def test_headline_verb_of_any_kind_reports_its_subject(pipeline: Pipeline) -> None:
    (q,) = in_headline(pipeline, "Kazakh Envoy Rips Border Plan As ‘A Gift To Smugglers.’")
    assert q.cue == "Rips" and q.text.startswith("Border Plan As ‘A Gift To Smugglers")
    (q,) = in_headline(pipeline, "Kyrgyz lawmakers reject border deal with Kazakhstan.")
    assert q.cue == "reject" and q.text == "border deal with Kazakhstan"


def test_a_headline_whose_subject_is_no_speaker_reports_nothing(pipeline: Pipeline) -> None:
    assert in_headline(pipeline, "Storm Cuts Power To Coastal Towns.") == []


def test_a_long_first_paragraph_is_a_lead_not_a_headline() -> None:
    lead = (
        "The Kazakh envoy said on Monday that talks with Kyrgyzstan on the disputed border would resume "
        "in Almaty next week after a pause of three months.\n\nMore text."
    )
    assert headline_span(lead) is None
    assert headline_span("Envoy Says Talks Resume\n\nMore text.") == (0, 23)
    assert headline_span("Envoy Says Talks Resume") is None  # nothing follows: the whole text


def test_sentence_case_keeps_names_the_body_capitalises() -> None:
    text = "Kazakh Envoy Rips Border Plan In Almaty"
    recased = sentence_case(text, 0, len(text), {"kazakh", "almaty"})
    assert recased == "Kazakh envoy rips border plan in Almaty"
    assert len(recased) == len(text)
    assert sentence_case("NATO Chief Warns", 0, 16, set()) == "NATO chief warns"
    assert title_case(text, 0, len(text))
    assert not title_case("Kyrgyz lawmakers reject border deal", 0, 35)
