""""剩下的呢" after an answer giving a total and the part done ("共8座，3座已完工") asks about the rest: the
notice's sentence stating it (fictional notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共苕岭县委关于巡视整改进展情况的通报

2023年5月至7月，省委第六巡视组对苕岭县开展了巡视。

一、关于“农村危桥改造滞后”的问题。整改情况：制定危桥改造计划，目前8座列入计划的危桥中，3座已完工，5座正在施工，预计年底前全部完工。

二、关于“乡镇卫生院设备闲置”的问题。整改情况：对闲置设备登记造册，调剂使用设备41台。

欢迎广大干部群众对巡视整改落实情况进行监督。

中共苕岭县委
2023年12月1日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("tiaoling.txt", NOTICE)


def test_what_of_the_rest_is_asked_of_the_total_just_told(chain):
    history = [{"role": "user", "content": "苕岭县危桥改造得咋样"},
               {"role": "assistant", "content": "列入计划的危桥共8座，3座已完工。"}]

    answer = chain.ask("剩下的呢", history=history)

    assert not answer.not_found
    assert "5座正在施工" in answer.text
    assert "欢迎广大干部群众" not in answer.text
