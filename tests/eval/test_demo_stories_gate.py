"""Gate: story clustering and claim tracking on the demo corpus (``eval/score_demo_stories.py``), plus the
scorer's matching rules on invented rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import gate
import score_demo_stories


@dataclass(frozen=True)
class _Mention:
    doc_id: str
    value: float | None
    label: str = "independent"


@dataclass(frozen=True)
class _Tracked:
    id: str
    first_doc_id: str
    mentions: list[_Mention] = field(default_factory=list)


GOLD = {
    "stories": {"s1": ["a.txt", "b.txt", "c.txt"], "s2": ["d.txt"]},
    "tracked_claims": [
        {
            "story": "s1",
            "counted": "boats",
            "claimant": None,
            "mentions": [
                {"source": "a.txt", "value": 3, "label": "independent"},
                {"source": "b.txt", "value": 3, "label": "copied"},
                {"source": "c.txt", "value": 4, "label": "independent"},
            ],
        }
    ],
    "tracked_quotes": [
        {"story": "s1", "speaker": "x", "sources": ["a.txt", "b.txt"], "labels": ["independent", "copied"]}
    ],
}
DOC_OF = {"a.txt": "A", "b.txt": "B", "c.txt": "C", "d.txt": "D"}


def test_perfect_run_scores_one() -> None:
    tracked = [_Tracked("t1", "A", [_Mention("A", 3), _Mention("B", 3, "copied"), _Mention("C", 4)])]
    quotes = [_Tracked("q1", "A", [_Mention("A", None), _Mention("B", None, "copied")])]
    scores = score_demo_stories.score({"A": "x", "B": "x", "C": "x", "D": "y"}, tracked, quotes, DOC_OF, GOLD)
    assert scores["b3_f1"] == 1.0 and scores["claims_found"] == 1.0 and scores["labels"] == 1.0
    assert scores["mention_precision"] == scores["mention_recall"] == scores["first_seen"] == 1.0
    assert scores["spurious_claims"] == 0 and scores["quotes_found"] == 1.0 and scores["quote_labels"] == 1.0


def test_partial_run() -> None:
    tracked = [
        _Tracked("t1", "B", [_Mention("B", 3.2), _Mention("C", 4), _Mention("C", 9)]),
        _Tracked("t2", "A", [_Mention("A", 100)]),
    ]
    scores = score_demo_stories.score({"A": "x", "B": "x", "C": "z", "D": "z"}, tracked, [], DOC_OF, GOLD)
    assert scores["b3_f1"] < 1.0
    assert scores["claims_found"] == 1.0 and scores["mention_recall"] == round(2 / 3, 4)
    assert scores["mention_precision"] == round(2 / 3, 4)  # the value 9 is not the gold's
    assert scores["labels"] == 0.5 and scores["first_seen"] == 0.0 and scores["spurious_claims"] == 1
    assert scores["quotes_found"] == 0.0


def test_of_two_equally_large_matches_the_closer_values_win() -> None:
    near = _Tracked("near", "A", [_Mention("A", 3.2), _Mention("B", 3.2)])  # within 10 % of 3
    exact = _Tracked("exact", "A", [_Mention("A", 3), _Mention("B", 3, "copied")])
    scores = score_demo_stories.score(
        {"A": "x", "B": "x", "C": "x", "D": "y"}, [near, exact], [], DOC_OF, GOLD
    )
    assert scores["labels"] == 1.0 and scores["spurious_claims"] == 1  # "exact" matched, "near" left over


def test_demo_stories_gate() -> None:
    scores = score_demo_stories.evaluate()
    assert gate.check("demo_stories", scores) == [], scores
