"""A follow-up asking which sums make up a total the last answer gave, when the notice lists them elsewhere
(FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共蘅川县林业局党组关于巡察整改情况的通报

2024年3月至4月,县委第三巡察组对县林业局党组开展了常规巡察,反馈问题18个。

一、主要问题整改情况
(一)违规发放补贴。以“护林值班补助”名义向干部发放补贴41200元,已全部清退。
(二)项目管理不规范。苗圃改造项目未经验收即付款,合同金额320万元。整改中委托第三方审计,审减工程款12.6万元,已全部收回。
(三)财务管理不严。为施工单位垫付水电费8350元未收回,重复支付监测服务费25950元,目前已全部收回。
(四)党费收缴不规范。3名党员少缴党费960元,已补缴。

二、整体成效
截至2024年10月31日,18个问题已整改16个,累计挽回经济损失20.15万元,新建制度7项。

中共蘅川县林业局党组
2024年11月8日
"""
HISTORY = [{"role": "user", "content": "蘅川县林业局挽回多少损失"},
           {"role": "assistant", "content": "蘅川县林业局：截至2024年10月31日累计挽回经济损失20.15万元。"}]


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("hengchuan_linye.txt", NOTICE)


def test_the_sums_adding_up_to_a_total_are_listed_and_cited(chain):
    answer = chain.ask("这20万是哪几笔", history=HISTORY)

    assert not answer.not_found
    for part in ("41200元", "12.6万元", "8350元", "25950元"):
        assert part in answer.text
    assert "960元" not in answer.text and "320万元" not in answer.text  # amounts that are no part of it
    assert all(c.verified for c in answer.citations)


def test_no_parts_are_made_up_when_no_amounts_add_up_to_the_total(chain):
    history = [HISTORY[0], {"role": "assistant", "content": "蘅川县林业局：累计挽回经济损失20.8万元。"}]
    answer = chain.ask("这20万多是哪几笔", history=history)

    assert "正是通报所写的总数" not in answer.text
