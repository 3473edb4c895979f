"""Questions asked in colloquial words on fictional news items: "各开了个啥会", "动作多快", "喝水出了啥问题"."""

from __future__ import annotations

import pytest

# FICTIONAL news items in the style of a unit's own website: a meeting, who came, what was said.
MUSEUM = """青禾县柳溪镇扎实推进巡察整改

根据县委巡察工作要求,2023年10月9日柳溪镇党委召开了巡察整改督查情况汇报会。
县委巡察整改督查组组长一行3人到会指导,镇党委全体班子成员参加。
督查组组长强调,柳溪镇要坚持问题导向,对照整改台账逐一对账销账,确保巡察整改取得实效。
柳溪镇将巡察整改与乡村振兴结合起来,建立巡察整改长效机制,巩固巡察整改成果。
"""
ARCHIVES = """石岭市档案馆机关扎实抓好巡察整改

11月3日,市档案馆机关党组召开市委第二巡察组巡察反馈问题整改专题民主生活会,机关党组书记主持。
会前,班子成员围绕巡察反馈意见深入检视剖析,认真撰写对照检查材料。
党组书记指出,班子成员查摆问题深入,整改措施实在,达到了预期效果。
机关党组将巡察整改作为重大政治任务,持续推进巡察整改,以巡察整改实效推动档案工作。
"""


@pytest.mark.parametrize("asked", [
    "柳溪镇和档案馆机关 为巡察整改各开了个啥会",
    "柳溪镇跟档案馆机关各开了什么会",
])
def test_which_meeting_each_held_is_quoted_in_each_column(chain_over, asked):
    chain_over("museum.txt", MUSEUM)
    chain = chain_over("archives.txt", ARCHIVES)

    answer = chain.ask(asked)

    assert not answer.not_found
    assert "督查情况汇报会" in answer.text
    assert "专题民主生活会" in answer.text


# FICTIONAL features: a finding on a village visit and how soon it was dealt with, in a story's words.
BEIHE = """青禾县柳溪镇:巡察推动群众急难愁盼问题解决

今年5月,县委巡察组对柳溪镇党委开展巡察期间了解到,镇区一处废弃厂房存在安全隐患,群众反映强烈。
巡察组将问题反馈柳溪镇党委,仅3天后,废弃厂房被拆除,周边环境明显改善。
柳溪镇党委表示,将持续抓好巡察整改,切实回应群众关切。
"""
NANSHAN = """石岭市南山乡:巡察交办问题整改见实效

石岭市委巡察组在南山乡走访时,发现乡卫生院门前道路积水严重,群众出行不便。
巡察组当天就把问题反馈给南山乡党委,乡党委组织人员连夜疏通排水沟。
南山乡党委表示,将举一反三,深入开展巡察整改。
"""


@pytest.mark.parametrize("asked", ["柳溪镇跟南山乡 巡察组发现问题以后动作多快", "柳溪镇和南山乡整改速度怎么样"])
def test_how_soon_each_acted_is_quoted_in_each_column(chain_over, asked):
    chain_over("beihe.txt", BEIHE)
    chain = chain_over("nanshan.txt", NANSHAN)

    answer = chain.ask(asked)

    assert not answer.not_found
    assert "仅3天后" in answer.text
    assert "当天" in answer.text


# A FICTIONAL provincial-paper brief: the drinking-water problem written in the notice's words (饮水, 供水管道).
WATER = """本报青禾讯 巡察推动解决群众饮水难题

此前,县委巡察组对柳溪镇党委进行巡察。在石门村开展巡察时,收到群众反映,因山洪冲毁取水坝,导致村里1500余米长的供水管道被掩埋,群众饮水问题迟迟得不到解决。
巡察组及时将问题反馈给县纪委监委,县纪委监委向柳溪镇下发纪检监察建议书。
目前,柳溪镇已组织人员清理取水坝,修复管道,村民用上了干净的自来水。
"""


@pytest.mark.parametrize("asked", ["柳溪镇喝水出了啥问题", "柳溪镇老百姓吃水难是咋回事"])
def test_drinking_water_asked_in_plain_words_finds_the_notices_water_supply_problem(chain_over, asked):
    chain = chain_over("water.txt", WATER)

    answer = chain.ask(asked)

    assert not answer.not_found
    assert "1500余米" in answer.text
