"""The events stage's acceptance check (issue 14) is what ``training/train_event_accept.py`` fits on its
table, and the table was extracted from the gold verdicts as they are now."""

from __future__ import annotations

import json
import time

import pytest
from spacy.language import Language


def test_shipped_event_check_is_reproducible(nlp: Language) -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) refits the check")
    import train_event_accept as tea
    from wiresift.nlp.events.accept import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    header, _, table_sha = tea.read_table()
    assert header["gold_sha256"] == tea.gold_sha256(tea.gold_files()), (
        "the verdicts changed: run `make train-event-accept EXTRACT=1`"
    )
    assert table_sha == shipped["table_sha256"], "the table changed: run `make train-event-accept`"
    started = time.perf_counter()
    data = tea.train(vocab=nlp.vocab, log=False, cs=(shipped["C"],))  # the shipped choice of C only
    assert time.perf_counter() - started < 60
    assert data["features"] == shipped["features"]
    assert data["fingerprint"] == shipped["fingerprint"], "the check no longer reproduces: retrain it"
