"""A comparison on unlawful building asked in plain words (违建): a notice writing only the work against it
(控建拆违) still fills its column beside one writing 违建, on fictional notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "building"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_a_column_holds_the_work_against_unlawful_building_in_the_notices_words(chain):
    answer = chain.ask("违建 河口镇和石桥街道咋回事")

    rows = [line for line in answer.text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert any("控建拆违" in row.split(" | ")[1] for row in rows)
    assert any("拆除违建12处" in row.split(" | ")[2] for row in rows)
    assert "便民服务" not in answer.text
