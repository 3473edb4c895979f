"""An attribution line (（责任编辑：X镇党政综合办公室）) names the notice's unit but is never quoted as an answer
(fictional notice)."""

from __future__ import annotations

NOTICE = (
    "关于县委巡察反馈问题整改情况的通报\n\n"
    "根据县委巡察工作安排,我镇接受了县委常规巡察。县委第二巡察组对镇党委开展了常规巡察,共指出问题9个。\n\n"
    "(一)低保对象认定把关不严。整改中,清退不符合条件低保对象5户,追回低保金2.15万元。\n\n"
    "(二)公务用车管理松散。整改中,建立车辆节假日封存登记制度。\n\n"
    "镇党委\n2024年9月12日\n\n"
    "（责任编辑：苇岭县蒿口镇党政综合办公室）\n"
)


def test_a_town_named_only_by_its_editors_office_is_answered_without_quoting_that_line(chain_over):
    chain = chain_over("town.txt", NOTICE)
    answer = chain.ask("蒿口镇低保追回多少钱")
    assert "2.15万元" in answer.text and "责任编辑" not in answer.text
    answer = chain.ask("蒿口镇党政综合办公室的事整改了没有")
    assert "责任编辑" not in answer.text
