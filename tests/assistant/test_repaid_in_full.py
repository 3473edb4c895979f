""""这笔钱都是哪几块": an amount the notice says was paid back in full without restating it is an item of the
total too, cited with the words saying so (fictional notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """芷湾县统计局党组关于巡察整改情况的通报

2024年3月至5月，县委第四巡察组对芷湾县统计局党组开展了巡察。整改期间，共清退、追回资金5230.50元。

一、关于违规发放补助的问题。巡察指出，局机关以“普查补助”名义向未参加普查的干部发放补助。整改中，已清退违规发放的普查补助2100.00元。

二、关于会议费管理不严的问题。巡察指出，局机关超标准列支会议费，涉及金额1830.50元。整改中，相关责任人已全额退赔，会议费一律按预算执行。

三、关于印刷服务结算不规范的问题。巡察指出，局机关存在超合同约定支付印刷费的问题，多支付印刷费1300.00元。整改中，超付款项已全部追回。

中共芷湾县统计局党组
2024年10月8日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("zhiwan.txt", NOTICE)


def test_the_parts_of_a_total_include_amounts_paid_back_in_full(chain, history):
    first = chain.ask("芷湾统计局退了多少钱")
    assert "5230.50元" in first.text

    answer = chain.ask("这笔钱都是哪几块", history=history(first))

    assert not answer.not_found
    for item in ("2100.00元", "1830.50元", "1300.00元"):
        assert item in answer.text
    assert "2100.00元+1830.50元+1300.00元=5230.50元" in answer.text
    assert any("已全额退赔" in c.quote and "1830.50元" in c.quote for c in answer.citations)
