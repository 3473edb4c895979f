"""Golden-file fixture: compare rendered text with tests/prompts/golden/<name>.txt; UPDATE_GOLDEN=1 rewrites."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """assert_matches_golden(name, text): the text must equal the golden file, or rewrite it on request."""

    def assert_matches_golden(name: str, text: str) -> None:
        path = GOLDEN_DIR / f"{name}.txt"
        if os.environ.get("UPDATE_GOLDEN") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"Missing golden file {path}; run the tests with UPDATE_GOLDEN=1 to create it."
        assert text == path.read_text(encoding="utf-8"), f"Rendered text differs from {path}; if intended, rerun with UPDATE_GOLDEN=1."

    return assert_matches_golden
