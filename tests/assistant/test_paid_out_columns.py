"""Comparisons of named units on how money was paid out, on fictional notices: the kind word naming the one
college counts as a unit wherever it stands, each column states the pay-out itself (超标准发放 is such a
pay-out) and a ledger table's row reads as its problem and measure, not as
pipes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "paid_out"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def _cells(answer_text: str, column: int) -> list[str]:
    rows = [line for line in answer_text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    return [row.split(" | ")[column] for row in rows]


def test_each_named_unit_gets_a_column_when_the_college_is_named_second_by_its_kind(chain):
    answer = chain.ask("站长轮岗 粮食局和学院咋改的")

    assert "对比如下" in answer.text
    assert any("4名粮站站长" in cell for cell in _cells(answer.text, 1))
    assert any("完成3人轮岗交流" in cell for cell in _cells(answer.text, 2))


def test_a_column_on_money_paid_out_states_the_excess_pay_not_a_payment_of_another_kind(chain):
    answer = chain.ask("乱发钱 粮食局和学院各是啥名目")

    liangshi = " ".join(_cells(answer.text, 1))
    assert "年终奖金" in liangshi  # written 超标准发放, asked 乱发
    assert any("加班补贴" in cell for cell in _cells(answer.text, 2))


def test_a_ledger_row_in_a_column_reads_as_its_problem_and_measure(chain):
    answer = chain.ask("乱发钱 粮食局和学院各是啥名目")

    college = next(cell for cell in _cells(answer.text, 2) if "加班补贴" in cell)
    assert "反馈问题：违规发放津贴" in college and "整改措施：清退违规发放的加班补贴12.7万元" in college
    assert "\\|" not in college
    quoted = [c.quote for c in answer.citations if "加班补贴" in c.quote]
    assert quoted and quoted[0].strip().startswith("|")  # the citation stays the notice's own row

