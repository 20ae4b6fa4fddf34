"""The article's main event (issue 14): the lead's main line before its modifiers, and a presence read as
a pattern."""

from __future__ import annotations

import pytest
from events_support import coded
from spacy.language import Language

from wiresift.model import Event
from wiresift.nlp.events import accept, stage
from wiresift.nlp.events.mainevent import main_event, main_line
from wiresift.nlp.events.triggers import find_triggers
from wiresift.nlp.pipeline import Pipeline

LEAD = (
    "More than 900 fighters are near the border with Varnia, the defence ministry said on Monday "
    "after talks with the envoy."
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _cand(text: str, sentence: int, depth: int, probability: float, told: bool) -> accept.Candidate:
    start = 100 * sentence + depth
    event = Event(id="", text=text, start=start, end=start + 1)
    return accept.Candidate(event, (depth, 0, -1, -0.7), sentence, probability=probability, main_line=told)


def test_the_main_line_of_the_lead_goes_before_its_modifiers() -> None:
    told = _cand("massed", 0, 1, 0.6, True)
    background = _cand("talks", 0, 3, 0.95, False)  # "after talks with the envoy": surer, a modifier
    since = _cand("takeover", 1, 2, 0.97, False)  # the next sentence's "ever since the takeover"
    assert main_event([told, background, since]).event.text == "massed"
    # among the main line's events the surest leads; with none on the main line, the surest of the lead
    assert main_event([told, _cand("attacked", 1, 0, 0.9, True), background]).event.text == "attacked"
    assert main_event([background, since]).event.text == "takeover"


def test_main_line_follows_the_clause_not_its_modifiers(nlp: Language) -> None:
    sdoc = nlp(LEAD)
    by_text = {t.text: t for t in sdoc}
    assert main_line(by_text["are"]) and main_line(by_text["said"])
    assert not main_line(by_text["talks"]) and not main_line(by_text["border"])


def test_candidates_mark_the_main_line(pipeline: Pipeline, nlp: Language) -> None:
    text = "Soldiers stormed the compound near Tarvo after clashes with the guards."
    doc, events = coded(pipeline, text)
    assert {"stormed", "clashes"} <= set(events)
    sdoc = nlp(text)
    flags = {c.event.text: c.main_line for c in stage.candidates(doc, sdoc)}
    assert flags["stormed"] and not flags["clashes"]


def test_a_presence_is_coded_by_a_pattern(nlp: Language) -> None:
    sent = next(iter(nlp(LEAD).sents))
    presence = next(t for t in find_triggers(sent) if t.tok.text == "are")
    assert presence.cameo == "154" and presence.specificity > 1  # read as a pattern, not a block default


def test_an_unmarked_adverbial_clause_stays_on_the_main_line(nlp: Language) -> None:
    purpose = {t.text: t for t in nlp("The two mayors seized on the flooding to attack each other.")}
    assert main_line(purpose["attack"])  # what they did it for: part of what the sentence tells
    marked = {t.text: t for t in nlp("As the river rose, the two mayors attacked each other.")}
    assert main_line(marked["attacked"]) and not main_line(marked["rose"])  # "as": background
