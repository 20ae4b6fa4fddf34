"""The loaded model is frozen out of the garbage collector's full collections."""

from __future__ import annotations

import gc

from wiresift.nlp.pipeline import load_model


def test_model_objects_are_frozen() -> None:
    load_model()  # (cached: loaded once per process, frozen then)
    assert gc.get_freeze_count() > 10_000  # the model's objects, not walked by every full collection
