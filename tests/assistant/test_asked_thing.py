"""The asked thing: a compound asked is stated by its parts, a narrower kind is not, on fictional notices."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共青禾市苇塘街道工作委员会关于巡察整改情况的通报

一、债权债务清理情况
(一)往来款项长期未清理。街道未对往来款项进行清理核实,涉及其他应收款128.6万元、其他应付款31.2万元。
整改情况:已逐笔核对其他应收款,收回9.8万元。
(二)干部作风不实。整改情况:对2名干部进行提醒谈话。另一名干部被诫勉谈话的问题已移交纪工委。
二、下一步工作
将定期开展专项检查,建立长效机制,防止往来账款再度积压。

中共青禾市苇塘街道工作委员会
2023年9月1日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("weitang.txt", NOTICE)


def test_a_compound_written_in_its_parts_is_answered(chain):
    answer = chain.ask("苇塘街道的往来账款涉及多少钱?")
    assert not answer.not_found, answer.text
    assert "128.6万元" in answer.text


def test_a_narrower_kind_asked_is_not_answered_by_the_broader_word(chain):
    answered = chain.ask("苇塘街道有几个人被诫勉谈话?").text.split("相关但未直接回答")[0]
    assert "2名干部进行提醒谈话" not in answered, answered
