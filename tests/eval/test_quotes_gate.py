"""Gate: quotes on PolNeAR dev, plus the scorer's rules on hand-made spans (README of the eval set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gate
import score_quotes
from score_quotes import Article, Gold, Pred

TEXT = "Alpha beta gamma delta, said Bob. Epsilon zeta eta theta iota, Ann added."
#          0     6    11    17    24   29   33 35      43   48  52    58    64  68


def span(words: str) -> tuple[tuple[int, int], ...]:
    start = TEXT.index(words)
    return ((start, start + len(words)),)


def gold_article() -> Article:
    return Article(
        "a",
        TEXT,
        [
            Gold(span("Alpha beta gamma delta"), span("Bob"), direct=False),
            Gold(span("Epsilon zeta eta theta iota"), span("Ann"), direct=False),
        ],
    )


def test_lenient_many_to_one_and_strict() -> None:
    preds = [
        Pred(span("Alpha beta"), span("Bob")),  # two halves of one gold quote, both true positives
        Pred(span("gamma delta"), span("Bob")),
        Pred(span("theta iota, Ann"), span("Bob")),  # 2 of 3 words in gold 2: a TP with a wrong speaker
    ]
    s = score_quotes.score([gold_article()], [preds])
    assert s["precision"] == 1.0
    assert s["r_all"] == 0.5  # gold 2: 2 of 5 words covered
    assert s["strict_r_all"] == 0.5  # gold 1 is covered exactly by the union of its two pieces
    assert s["speaker_accuracy"] == pytest.approx(2 / 3)
    assert s["e2e_precision"] == pytest.approx(2 / 3)
    assert s["e2e_r_all"] == 0.5


def test_false_positive_and_missing_speaker() -> None:
    preds = [Pred(span("said Bob"), ()), Pred(span("Epsilon zeta eta"), ())]
    s = score_quotes.score([gold_article()], [preds])
    assert s["precision"] == 0.5 and s["r_all"] == 0.5
    assert s["speaker_accuracy"] == 0.0


def test_parse_ann_unions_content_pieces() -> None:
    text = "“One two,” he said, “three four.”"
    ann = (
        "T1\tContent 0 10;20 33\t“One two,” “three four.”\n"
        "T2\tSource 11 13\the\n"
        "T3\tCue 14 18\tsaid\n"
        "T4\tAttribution 14 18\tsaid\n"
        "E1\tAttribution:T4 Cue:T3 Source:T2 Content:T1\n"
        "T5\tCue 0 1\tx\n"
        "E2\tAttribution:T5 Cue:T5\n"
    )
    (g,) = score_quotes.parse_ann(ann, text)
    assert g.content == ((0, 10), (20, 33)) and g.source == ((11, 13),) and g.direct


@pytest.mark.eval
def test_quotes_gate(eval_dir: Path) -> None:
    scores = score_quotes.evaluate(eval_dir, "dev")
    assert scores["n_gold"] == 2192 and scores["n_direct"] == 624  # README counts (first annotator)
    assert gate.check("quotes", scores) == [], scores


def test_shipped_attribution_check_is_reproducible() -> None:
    """The shipped check is what ``training/train_attribution_accept.py`` fits on its candidate table
    (refitting only the shipped choice of pattern rate and penalty keeps this test to seconds)."""
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) refits the attribution check")
    import train_attribution_accept
    from wiresift.nlp.quotes.accept import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    _, _, table_sha = train_attribution_accept.read_table()
    assert table_sha == shipped["table_sha256"], "candidate table changed: run `make train-accept`"
    data = train_attribution_accept.train(log=False, rates=(shipped["pattern_rate"],), cs=(shipped["C"],))
    assert data["fingerprint"] == shipped["fingerprint"], (
        "the check no longer reproduces: `make train-accept`"
    )


@pytest.mark.eval
def test_candidate_table_is_from_the_polnear_files(eval_dir: Path) -> None:
    import train_attribution_accept

    header, _, _ = train_attribution_accept.read_table()
    polnear = eval_dir / "quotes" / "polnear"
    assert header["polnear_sha256"] == train_attribution_accept.source_sha256(polnear), (
        "PolNeAR changed: run `make train-accept EXTRACT=1`"
    )
