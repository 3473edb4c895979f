"""Follow-ups going on with the last topic without naming it ("补录了哪些", "那些账打算啥时候处理完")."""

from __future__ import annotations

from assistant.followup_topic import goes_on_with_topic

TOWN_NOTICE = """中共芦沅县蕉岭镇委员会关于巡察整改情况的通报

2023年4月6日至5月20日,县委第三巡察组对蕉岭镇党委开展了常规巡察,6月12日反馈了巡察意见。

一、主要问题整改情况

(一)固定资产管理不规范,部分办公设备未入账。
整改情况:对办公电脑12台及会议桌椅3.6万元补录入账,建立固定资产台账。

(二)党员档案不完整,部分党员发展材料缺失。
整改情况:补录党员发展材料27份,档案整理工作计划2024年3月底前完成。

(三)往来款长期挂账未清理,涉及其他应收款86.5万元。
整改情况:逐笔核对往来款,能收回的限期收回,无法收回的按程序核销,力争2024年6月底前清理完毕。

中共芦沅县蕉岭镇委员会
2023年10月9日
"""


def _said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_what_was_entered_is_asked_of_the_assets_just_talked_of(chain_over):
    chain = chain_over("jiaoling_zhen.txt", TOWN_NOTICE)
    history = _said("蕉岭镇固定资产啥问题", "固定资产管理不规范,部分办公设备未入账。[1]")
    answer = chain.ask("补录了哪些", history=history)
    assert not answer.not_found and "办公电脑12台" in answer.text
    assert "党员发展材料27份" not in answer.text


def test_when_those_accounts_are_settled_is_the_deadline_of_that_item(chain_over):
    chain = chain_over("jiaoling_zhen.txt", TOWN_NOTICE)
    history = _said("蕉岭镇往来款啥问题", "往来款长期挂账未清理,涉及其他应收款86.5万元。[1]")
    answer = chain.ask("那些账打算啥时候处理完", history=history)
    assert not answer.not_found and "2024年6月底" in answer.text
    assert "2024年3月底" not in answer.text


def test_only_a_question_without_its_own_thing_goes_on_with_the_topic():
    assert goes_on_with_topic("补录了哪些?")
    assert goes_on_with_topic("那些账打算啥时候处理完")
    assert not goes_on_with_topic("信访工作呢")
    assert not goes_on_with_topic("巡察组组长是谁")


WORKS_NOTICE = """中共芦沅县石溇镇委员会关于巡察整改情况的通报

2023年5月8日至6月30日,县委第一巡察组对石溇镇党委开展了常规巡察,7月14日反馈了巡察意见。

一、主要问题整改情况

(一)工程项目管理不规范,镇村小型工程化整为零、规避招标,其中东坪村文化广场工程被拆成4个标段直接发包。
整改情况:对2022年以来的村级工程逐项复核,核减工程款5.2万元,出台《石溇镇村级工程项目管理细则》,限额以上项目一律公开招标。

(二)驻村干部在岗时间不足。
整改情况:对3名驻村干部进行约谈,建立驻村干部考勤台账。

中共芦沅县石溇镇委员会
2023年11月2日
"""


def test_a_rule_asked_for_the_matter_just_talked_of_is_the_named_rule(chain_over):
    chain = chain_over("shilou_zhen.txt", WORKS_NOTICE)
    history = _said("石溇镇工程上有啥问题",
                    "镇村小型工程化整为零、规避招标,东坪村文化广场工程被拆成4个标段直接发包。[1]")
    answer = chain.ask("后来出了啥规定管这事", history=history)
    assert not answer.not_found and "《石溇镇村级工程项目管理细则》" in answer.text


def test_only_a_rule_asked_by_which_wants_a_rule_named():
    from assistant.asked_names import asked_name, names_asked

    assert asked_name("后来出了啥规定管这事") == "rule"
    assert asked_name("违反中央八项规定精神的查了几件") == ""
    assert names_asked("rule", "出台《石溇镇村级工程项目管理细则》")
    assert not names_asked("rule", "建立驻村干部考勤台账")
