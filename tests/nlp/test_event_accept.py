"""The events stage's learned acceptance check (issue 14): its features, its lemma table, what the stage
does with a doubted event, and the shipped check on two invented articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from wiresift.model import Document, Event
from wiresift.nlp.events import accept
from wiresift.nlp.events.accept import (
    BASE_FEATURES,
    FEATURES,
    MIN_SENTENCES,
    EventCheck,
    LemmaPrior,
    load_check,
)
from wiresift.nlp.events.mainevent import LEAD_SENTENCES, main_event
from wiresift.nlp.events.stage import candidates, find_events
from wiresift.nlp.pipeline import Pipeline

BUSINESS = (
    "The bakery chain reported higher sales on Tuesday. Its chief executive thought the new menu would "
    "attract younger buyers. Shareholders voted to approve the plan at the annual meeting. Analysts said "
    "the company could offer more discounts next year. The shares rose three percent."
)
SECURITY = (
    "Gunmen attacked a police checkpoint near Kandahar on Monday, killing four officers. Police arrested "
    "two suspects after the attack. The Taliban claimed responsibility for the assault. Soldiers were "
    "deployed to the district after the attack. Residents fled their homes."
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def before_events() -> Pipeline:
    return Pipeline(stages=("entities", "quotes", "timexes", "places", "claims"))


def _analysed(pipeline: Pipeline, nlp: Language, text: str) -> tuple[Document, Doc]:
    """The document after every stage but events (``pipeline``), and its parse."""
    doc = Document(text=text, published="2023-05-02")
    sdoc = nlp(text)
    pipeline.apply(doc, sdoc)
    return doc, sdoc


def _check(bias: float) -> EventCheck:
    return EventCheck((0.0,) * len(FEATURES), bias, 0.5, LemmaPrior({}, 0.5))


def test_shipped_check_matches_the_features() -> None:
    check = load_check()
    assert check is not None
    assert len(check.weights) == len(FEATURES)
    assert 0.0 < check.threshold < 1.0
    assert check.prior.counts and 0.0 < check.prior.rate < 1.0


def test_rows_have_every_feature(before_events: Pipeline, nlp: Language) -> None:
    doc, sdoc = _analysed(before_events, nlp, SECURITY)
    cands = candidates(doc, sdoc)
    rows = accept.base_rows(doc, sdoc, cands)
    assert len(rows) == len(cands) > 0
    assert all(len(row) == len(BASE_FEATURES) for _, row in rows)
    keys = [key for key, _ in rows]
    assert "attack|ASSAULT" in keys
    first = rows[0][1]
    assert first[BASE_FEATURES.index("first_sentence")] == 1.0
    assert first[BASE_FEATURES.index("cat_ASSAULT")] == 1.0
    assert first[BASE_FEATURES.index("sentence_security")] == 1.0
    assert sum(c.main for c in cands) == 1 and cands[0].main


def test_lemma_table_smooths_and_borrows_from_neighbours(nlp: Language) -> None:
    prior = LemmaPrior.fit(
        ["attack|ASSAULT"] * 4 + ["think|CONSULT"] * 4 + ["attack|ACCUSE"], [1, 1, 1, 1, 0, 0, 0, 0, 0]
    )
    assert prior.lemmas["attack"] == (4, 5)
    attack, think = prior.columns("attack|ASSAULT", nlp.vocab), prior.columns("think|CONSULT", nlp.vocab)
    assert attack[0] > 0 > think[0]  # the lemma's smoothed log-odds
    assert attack[2] > prior.columns("attack|ACCUSE", nlp.vocab)[2]  # the lemma in that category
    unseen = prior.columns("believe|CONSULT", nlp.vocab)
    assert unseen[1] == 0.0  # never judged ...
    if nlp.vocab.vectors.shape[0]:  # ... it borrows from the lemma nearest in the vectors
        assert unseen[3] < prior.columns("assault|ASSAULT", nlp.vocab)[3]


@pytest.fixture
def doubting(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A check that doubts every event."""
    monkeypatch.setattr(accept, "load_check", lambda: _check(-50.0))
    yield


@pytest.mark.usefixtures("doubting")
def test_a_doubted_event_is_dropped_in_an_article(before_events: Pipeline, nlp: Language) -> None:
    doc, sdoc = _analysed(before_events, nlp, SECURITY)
    assert candidates(doc, sdoc)
    assert find_events(doc, sdoc) == []
    assert find_events(doc, sdoc, check=False) != []


@pytest.mark.usefixtures("doubting")
def test_a_short_document_is_left_to_the_rules(before_events: Pipeline, nlp: Language) -> None:
    text = "Gunmen attacked a police checkpoint near Kandahar on Monday. Police arrested two suspects."
    doc, sdoc = _analysed(before_events, nlp, text)
    assert len(list(sdoc.sents)) < MIN_SENTENCES
    events = find_events(doc, sdoc)
    assert [e.text for e in events] == [c.event.text for c in candidates(doc, sdoc)] != []


def test_kept_events_carry_the_probability(
    before_events: Pipeline, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(accept, "load_check", lambda: _check(2.0))
    doc, sdoc = _analysed(before_events, nlp, SECURITY)
    events = find_events(doc, sdoc)
    assert len(events) == len(candidates(doc, sdoc))
    assert {e.confidence for e in events} == {0.88}  # 1 / (1 + e^-2)
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]


def test_the_main_event_is_chosen_among_the_kept(
    before_events: Pipeline, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc, sdoc = _analysed(before_events, nlp, SECURITY)
    main = next(c.event for c in candidates(doc, sdoc) if c.main)

    def doubt_the_main(
        doc: Document, sdoc: Doc, cands: list[accept.Candidate], check: object
    ) -> list[accept.Candidate]:
        return [c for c in cands if (c.event.start, c.event.end) != (main.start, main.end)]

    monkeypatch.setattr(accept, "screen", doubt_the_main)
    events = find_events(doc, sdoc)
    assert events and (events[0].start, events[0].end) != (main.start, main.end)
    first_sentence = next(iter(sdoc.sents)).end_char
    assert events[0].start < first_sentence  # the lead's next best event leads


def _cand(sentence: int, depth: int, probability: float | None) -> accept.Candidate:
    event = Event(
        id="", text=f"s{sentence}d{depth}", start=10 * sentence + depth, end=10 * sentence + depth + 1
    )
    return accept.Candidate(event, (depth, 0, -1, -0.7), sentence, probability=probability)


def test_the_main_event_is_the_surest_of_the_lead() -> None:
    lead = [_cand(1, 0, 0.55), _cand(1, 2, 0.6), _cand(1 + LEAD_SENTENCES - 1, 3, 0.9)]
    later = _cand(1 + LEAD_SENTENCES, 0, 0.99)  # surer, but past the lead
    assert main_event([*lead, later]).event.text == f"s{LEAD_SENTENCES}d3"
    # ties go to the rules' rank; without the check's probabilities the first sentence's best-ranked
    assert main_event([_cand(1, 2, 0.7), _cand(2, 0, 0.7)]).event.text == "s2d0"
    assert main_event([_cand(1, 2, None), _cand(1, 0, None), _cand(2, 0, None)]).event.text == "s1d0"


def test_an_event_told_again_is_echoed(before_events: Pipeline, nlp: Language) -> None:
    text = (
        "Rebels attacked the town of Arvo on Monday. The mayor asked for help. Schools stayed closed. "
        "On Tuesday the rebels attacked a second village near Arvo. Farmers voted on a new tax."
    )
    doc, sdoc = _analysed(before_events, nlp, text)
    cands = candidates(doc, sdoc)
    echoes = dict(zip((c.event.text for c in cands), accept.echoes(cands, sdoc), strict=True))
    assert echoes.get("attacked") == 1  # both attacks by the rebels: each told again by the other
    assert all(n == 0 for text, n in echoes.items() if text != "attacked")


def test_the_shipped_check_reads_the_article(pipeline: Pipeline) -> None:
    business = pipeline(Document(text=BUSINESS, published="2023-05-02"))
    security = pipeline(Document(text=SECURITY, published="2023-05-02"))
    assert business.errors == [] and security.errors == []
    # a chief executive's thought, a shareholder vote and an analyst's "could offer" are no events
    assert [e.text for e in business.events] == []
    kept = {(e.text, e.plover) for e in security.events}
    assert {("attacked", "ASSAULT"), ("arrested", "COERCE")} <= kept
    assert all(0.0 < e.confidence <= 1.0 for e in security.events)


def test_the_shipped_check_keeps_a_passive_deployment(pipeline: Pipeline) -> None:
    security = pipeline(Document(text=SECURITY, published="2023-05-02"))
    assert ("deployed", "MOBILIZE") in {(e.text, e.plover) for e in security.events}


def test_check_with_other_features_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.json"
    path.write_text(
        '{"features": ["x"], "weights": [1.0], "bias": 0.0, "threshold": 0.5, "prior": {"rate": 0.5, "counts": {}}}',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="features differ"):
        accept.load_check.__wrapped__(path)
