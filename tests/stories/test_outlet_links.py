"""Two articles of one outlet need event-level evidence to be one story (invented profiles)."""

from __future__ import annotations

from dataclasses import replace

from wiresift.stories.links import LinkModel, link, shared_evidence
from wiresift.stories.profile import ArticleProfile, ClaimKey

MODEL = LinkModel(intercept=0.0, coef={"text_cosine": 1.0}, link=0.4, bridge=0.8)
# A port weekly's two pieces on its home port: a harbour strike and a new crane, a week apart.
BEAT = {"port": 2.0, "harbour": 1.5, "quay": 1.0, "berth": 1.0}
STRIKE = ArticleProfile(
    doc_id="strike", day=100, site="Quayside Weekly", terms={**BEAT, "strike": 2.0, "dockers": 1.5},
    events=frozenset({"PROTEST"}),
)  # fmt: skip
CRANE = ArticleProfile(
    doc_id="crane", day=103, site="Quayside Weekly", terms={**BEAT, "crane": 2.0, "tender": 1.5},
    events=frozenset({"COOPERATE"}),
)  # fmt: skip


def score(a: ArticleProfile, b: ArticleProfile) -> float:
    x = link(a, b, MODEL)
    assert x is not None
    return x.score


def test_one_outlets_beat_is_not_a_story() -> None:
    assert score(STRIKE, CRANE) < MODEL.link


def test_other_outlets_or_shared_events_or_numbers_still_link() -> None:
    assert score(STRIKE, replace(CRANE, site="Dockside Daily")) >= MODEL.link
    assert score(STRIKE, replace(CRANE, events=frozenset({"PROTEST", "COOPERATE"}))) >= MODEL.link
    assert score(STRIKE, replace(CRANE, events=frozenset())) >= MODEL.link  # events unknown: no judgement
    counted = (ClaimKey("dockers", 300.0, None),)
    assert score(replace(STRIKE, claims=counted), replace(CRANE, claims=counted)) >= MODEL.link


def test_a_strong_link_of_one_outlet_needs_no_event() -> None:
    same = replace(CRANE, terms=dict(STRIKE.terms))
    assert score(STRIKE, same) >= MODEL.bridge


def test_a_link_without_evidence_scores_the_same_and_the_evidence_is_asked_for_apart() -> None:
    other = replace(CRANE, site="Dockside Daily", claims=(ClaimKey("dockers", 300.0, None),))
    full, bare = link(STRIKE, other, MODEL), link(STRIKE, other, MODEL, evidence=False)
    assert full is not None and bare is not None and full.score == bare.score >= MODEL.link
    assert bare.evidence == {} and full.evidence == shared_evidence(STRIKE, other)
    assert full.evidence["with"] == "crane" and full.evidence["days_apart"] == 3
