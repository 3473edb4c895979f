"""Notices whose problems are ledger lines or table rows: the open item is the row whose status cell says it is under
way, asked of one unit or of two; a switch after found-and-done gives both for the new unit (FICTIONAL notices)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

LEDGER = """棠溪农村商业银行蘅川支行关于巡察整改情况的通报

2024年4月8日至5月24日,棠溪农商银行党委第二巡察组对蘅川支行进行了巡察,指出问题4个。现将整改台账公布如下。

整改台账
问题1｜员工违规兼职取酬｜清退违规兼职收入8600元,开展兼职专项排查｜已完成
问题2｜存款营销考核失真｜修订《存款营销考核办法》,剔除虚增存款｜已完成
问题3｜抵债资产处置迟缓｜成立处置小组,已拍卖部分资产,其余按年度计划处置｜持续推进
问题4｜网点安保设施老化｜更换监控设备23台｜已完成

台账说明:4个问题中,已完成3个,持续推进1个。

中共棠溪农村商业银行蘅川支行支部委员会
2024年10月12日
"""

TABLE = """中共蘅川县林业局党组关于县委第三巡察组巡察反馈意见整改情况的通报

2024年3月4日至4月19日,县委第三巡察组对县林业局党组进行了常规巡察,指出问题3个。截至2024年10月31日,3个问题已完成整改2个,整改完成率66.7%。

巡察反馈问题整改情况表
序号	问题	整改措施	责任单位	完成时限	完成情况
1	生态护林员考核流于形式	修订考核办法,解聘不合格护林员11名	资源管理股	2024年8月	已完成
2	造林补助资金拨付滞后	拨付滞后补助资金84.6万元	计划财务股	2024年9月	已完成
3	苇塘林场防火通道建设滞后	倒排工期,加快施工	林场管理股	2025年5月	持续推进

中共蘅川县林业局党组
2024年11月8日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    chain_over("yinhang.txt", LEDGER)
    return chain_over("linye.txt", TABLE)


def test_the_open_ledger_line_is_quoted_though_its_measure_tells_a_plan(chain):
    answer = chain.ask("蘅川支行有没有没改完的")

    assert "抵债资产处置迟缓" in answer.text
    assert "员工违规兼职取酬" not in answer.text
    assert all(c.verified for c in answer.citations)


def test_open_items_of_two_units_are_each_units_open_row(chain):
    answer = chain.ask("蘅川支行和蘅川县林业局还剩的没改完那条分别是啥")

    assert "抵债资产处置迟缓" in answer.text and "苇塘林场防火通道" in answer.text
    assert "造林补助资金" not in answer.text
    assert len({c.notice_id for c in answer.citations}) == 2
    assert all(c.verified for c in answer.citations)


def test_switching_unit_after_found_and_done_gives_the_new_units_done_count(chain):
    history = [{"role": "user", "content": "蘅川支行那次巡察查出多少问题"},
               {"role": "assistant", "content": "棠溪农村商业银行蘅川支行：指出问题4个，已完成3个。"}]

    answer = chain.ask("那林业局呢", history=history)

    assert "已完成整改2个" in answer.text
    assert all(c.verified for c in answer.citations)
