"""A follow-up asking something new of the item the last answer told: the new ask picks the sentence, the item
carried from the last answer only narrows to it ("告上法庭的有几户" after an answer on arrears collected)."""

from __future__ import annotations

WATER_NOTICE = """中共岚溪市自来水有限公司委员会关于巡察整改情况的通报

2023年4月6日至5月26日,市委第三巡察组对岚溪市自来水有限公司开展了常规巡察,2023年6月12日反馈了巡察意见。

一、具体问题整改情况

1. 水费收缴不力。巡察指出,部分工商用户长期拖欠水费,欠费单位仍正常供水。
整改情况:公司逐户核对欠费台账,清收历年欠缴水费315万元;向欠费超过一年的41户工商用户发出催缴通知,对拒不缴纳的9户依法提起诉讼。

2. 公务用车管理不严。巡察指出,抢修车辆停放在个人住所。
整改情况:全部抢修车辆加装定位装置,收车后统一停放。

中共岚溪市自来水有限公司委员会
2023年10月9日
"""


def _said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_new_count_asked_of_the_item_is_answered_not_the_figure_told_before(chain_over):
    chain = chain_over("lanxi_water.txt", WATER_NOTICE)
    history = _said("岚溪自来水清收了多少欠费", "清收历年欠缴水费315万元。")
    answer = chain.ask("告上法庭的有几户", history=history)
    assert not answer.not_found and "9户" in answer.text
