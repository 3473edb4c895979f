"""Asked which units took money back, a unit qualifies only by a sentence taking back money (an amount or a
fund), never by taking back cars: three fictional notices, one recovering cars, two recovering money."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.money_back import asks_money_back, states_money_back
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "money_back"
YUNXI, BAISHI, HEQIAO = "岚江县云溪镇", "岚江县白石乡", "岚江县河桥街道"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


@pytest.mark.parametrize("question", ["哪些单位有收回钱的情况?", "哪几个单位把钱收回来了?"])
def test_a_unit_recovering_only_cars_is_not_listed_for_money_taken_back(chain, question):
    answer = chain.ask(question)

    assert line_of(answer.text, BAISHI) and line_of(answer.text, HEQIAO)
    assert not line_of(answer.text, YUNXI)  # 收回违规借用车辆: cars, not money
    assert YUNXI not in answer.units


def test_a_unit_recovering_only_cars_is_not_said_to_have_taken_money_back(chain):
    answer = chain.ask("云溪镇收回钱了吗?")

    assert answer.not_found  # its one 收回 sentence takes back cars


def test_taking_back_money_is_told_from_taking_back_things():
    assert asks_money_back("哪些单位追回了资金?") and not asks_money_back("哪些单位收回了车辆?")
    assert states_money_back("清退违规领取的补助3000元") and states_money_back("挽回经济损失20万")
    assert not states_money_back("针对用房超标问题,收回办公用房2间")
