"""Follow-ups pointing back with a pointer word: "那几个负责的人怎么处理的", "东湖的呢?" after "云岭那次…"."""

from __future__ import annotations

from assistant.followup import condense_with_rules
from tests.assistant.test_followup import directory

STATION_NOTICE = """中共青禾市柳溪供热站委员会关于巡察整改情况的通报

2023年3月1日至4月20日,区委第一巡察组对柳溪供热站开展了常规巡察,2023年5月8日反馈了巡察意见。

一、总体情况

供热站党委成立整改工作领导小组。整改期间给予党纪处分2人、政务处分1人,诫勉谈话3人;修订制度9项。

二、具体问题整改情况

1. 管道改造工程规避招标。巡察指出,2022年北区供热管道改造工程被拆成4个标段,其中3个标段以应急维修为由直接委托施工。
整改情况:对直接委托的3个标段开展专项审计;对设备科原科长给予党内警告处分,对设备科1名副科长给予政务警告处分。

2. 公务接待不规范。巡察指出,2022年有3次公务接待超过标准。
整改情况:相关人员已退赔超标准接待费用0.36万元。

中共青禾市柳溪供热站委员会
2023年9月1日
"""


def _said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_those_responsible_are_the_people_of_the_item_just_told(chain_over):
    chain = chain_over("liuxi_gongre.txt", STATION_NOTICE)
    history = _said("柳溪供热站管道工程招标有啥问题",
                    "2022年北区供热管道改造工程被拆成4个标段,其中3个标段以应急维修为由直接委托施工。[1]")
    answer = chain.ask("那几个负责的人怎么处理的", history=history)
    assert not answer.not_found and "党内警告" in answer.text and "政务警告" in answer.text


def test_a_pointer_with_its_measure_word_leaves_no_stray_character_in_the_topic():
    history = _said("云岭那次巡察哪天反馈的?", "2023年5月8日反馈了巡察意见。")
    condensed = condense_with_rules(history, "东湖的呢?", directory())
    assert condensed.startswith("东湖高新产业园巡察哪天反馈")
