"""Shared fixtures: the spaCy pipeline (loaded once), the shared eval data, the sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate import shared_eval

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = REPO.parent / "shared" / "samples" / "000_59a197cb52f7444e.txt"


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """``../shared/eval``; tests that need it skip with the reason when it is absent."""
    path = shared_eval()
    if path is None:
        pytest.skip("../shared/eval is absent (a fresh clone): evaluation gates run in CI only")
    return path


@pytest.fixture(scope="session")
def sample_path() -> Path:
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} is absent: the shared sample article is needed for this check")
    return SAMPLE


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from wiresift.nlp.pipeline import load_model

    return load_model()
