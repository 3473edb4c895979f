"""A which-units topic of two clauses joined by 或者 whose first clause is one four-character word of a whole
act (公车私用): each clause is enough for a unit, so the unit stating only the first and the unit stating
only the second are both listed (fictional notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "which_clause_words"
FORESTRY, WEATHER, ARCHIVE = "蔺川县林业局", "蔺川县气象局", "蔺川县档案馆"


@pytest.fixture
def chain(bundled_chain_over_folder) -> AnswerChain:
    return bundled_chain_over_folder(FIXTURES)


def test_a_one_word_act_is_a_clause_of_its_own(chain):
    answer = chain.ask("哪些单位公车私用或者换个名目给职工发购物卡")

    assert not answer.not_found
    assert "公车私用" in line_of(answer.text, FORESTRY)
    assert "会议费名义" in line_of(answer.text, WEATHER)
    assert not line_of(answer.text, ARCHIVE)
