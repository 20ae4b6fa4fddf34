from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.corpus import build_store


@pytest.fixture(scope="session")
def workbench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("workbench") / "wb.db")
