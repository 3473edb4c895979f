"""A notice listing its problems in one paragraph (…；…；) and its measures in numbered paragraphs (第一，…第五，…):
"那事咋改的" is answered by the measure sharing the problem's words, not by the next problems listed (FICTIONAL)."""

from __future__ import annotations

NOTICE = """中共榴川县芷溪镇委员会关于县委巡察反馈意见整改情况的公示

2024年4月8日至5月20日，县委第二巡察组对芷溪镇党委进行了常规巡察，共指出10个问题。

一、巡察反馈的问题

巡察反馈的问题：镇党委落实主体责任不够有力；村级财务公开不及时，有5个村未按季度公开账目；镇属茶园承包合同到期未重新竞价发包，涉及茶园3处；防汛物资储备不足，仓库台账缺失；镇机关车辆加油无审批；村干部坐班制度落实不严。

二、整改落实情况

第一，压实整改责任。镇党委书记履行第一责任人职责，召开专题会议研究整改4次。

第二，规范村级财务公开。5个村全部按季度公开账目，镇纪委每季度抽查。

第三，加强防汛物资管理。补充防汛物资12类，建立仓库台账。

第四，盘活集体资产。3处镇属茶园合同到期后全部进入县公共资源交易中心竞价发包，增收8.6万元。

第五，加强车辆管理。车辆加油实行一车一卡、先审批后加油。

中共榴川县芷溪镇委员会
2024年9月30日
"""


def test_a_listed_problem_is_answered_by_the_measure_sharing_its_words(chain_over):
    answer = chain_over("zhixi.txt", NOTICE).ask("芷溪镇茶园发包那事咋改的")

    assert not answer.not_found
    assert "竞价发包，增收8.6万元" in answer.text
    assert "第四，盘活集体资产" in answer.text


def test_a_listed_problem_no_measure_speaks_of_gets_no_other_problems_measure(chain_over):
    answer = chain_over("zhixi.txt", NOTICE).ask("芷溪镇村干部坐班那事咋改的")

    assert "增收8.6万元" not in answer.text and "补充防汛物资12类" not in answer.text
