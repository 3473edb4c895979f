"""Follow-ups over the previous answer (no LLM): adding up its figures, and the part it left undone."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

SHIQIAO = "青禾市石桥镇"
# A FICTIONAL notice: fixed assets booked late (three sums), an allowance self-check with a part
# left to return, and a later passage saying what was returned.
NOTICE = """中共青禾市石桥镇委员会关于巡察整改情况的通报

2023年3月1日至4月20日,县委第三巡察组对石桥镇进行了巡察,并于2023年5月10日反馈了巡察意见。

一、具体问题整改情况

(一)固定资产管理不规范

巡察指出:部分资产长期未入账。整改情况:对办公家具12600元及厨房设备4800元、文化站音响设备7350元作补录记账,并录入资产管理系统。

(二)违规发放津补贴

巡察指出:部分村干部超标准领取津补贴。整改情况:开展津补贴专项自查,涉及金额8.6万元,目前已退缴5.1万元,尚有3.5万元未退缴到位。

(三)村级工程管理不严

整改情况:修订《村级小型工程管理办法》,对5个在建项目逐一复核,尚有2个项目未完成整改。

二、长效机制建设

对超标准发放津补贴的人员逐一约谈,限期退缴。目前,共退缴8.6万元。

中共青禾市石桥镇委员会
2023年9月15日
"""
ASSETS_SAID = "对办公家具12600元及厨房设备4800元、文化站音响设备7350元作补录记账。"
SELF_CHECK_SAID = "开展津补贴专项自查,涉及金额8.6万元,目前已退缴5.1万元,尚有3.5万元未退缴到位。"


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("shiqiao.txt", NOTICE)


def said(question: str, answer: str) -> list[dict]:
    """A conversation of one exchange, as the chat keeps it."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_these_sums_added_up_shows_the_total_and_cites_every_part(chain):
    answer = chain.ask("这几笔加起来一共多少?", history=said("石桥镇哪些固定资产没入账?", ASSETS_SAID))

    assert "24750元" in answer.text
    assert "12600元[1]+4800元[1]+7350元[1]=24750元" in answer.text
    assert not answer.not_found
    # The parts are quoted from the notice, not from the previous answer.
    assert [c.unit for c in answer.citations] == [SHIQIAO]
    assert "作补录记账,并录入资产管理系统" in answer.citations[0].quote
    assert answer.citations[0].verified


def test_a_figure_the_notice_does_not_hold_is_named_and_left_out_of_the_sum(chain):
    history = said("石桥镇哪些固定资产没入账?", ASSETS_SAID.replace("。", ",另有车辆9999元。"))

    answer = chain.ask("这几笔加起来一共多少?", history=history)

    assert "24750元" in answer.text
    assert "9999元未能在通报原文中找到,未计入" in answer.text


def test_a_total_stated_with_its_parts_is_not_added_again(chain):
    answer = chain.ask("这几笔加起来一共多少?", history=said("石桥镇津补贴自查查出多少钱?", SELF_CHECK_SAID))

    assert "17.2" not in answer.text  # 8.6 + 5.1 + 3.5 would count the total twice
    assert "5.1万元[1]+3.5万元[1]=8.6万元" in answer.text
    assert "通报写明的总数为涉及金额8.6万元[1],与各笔相加相符" in answer.text


def test_a_sum_with_no_previous_answer_says_what_is_needed(chain):
    answer = chain.ask("这几笔加起来一共多少?")

    assert answer.not_found
    assert answer.citations == []
    assert "没有上一轮回答" in answer.text and "请写明单位" in answer.text


def test_a_sum_over_an_answer_with_one_figure_says_what_is_needed(chain):
    answer = chain.ask("这几笔加起来一共多少?", history=said("石桥镇村级工程有问题吗?", "修订了工程管理办法,复核5个在建项目。"))

    assert answer.not_found
    assert "不足两笔" in answer.text


def test_the_part_not_returned_is_followed_to_the_later_passage(chain):
    answer = chain.ask("没退的那部分后来退了吗?", history=said("石桥镇津补贴自查查出多少钱?", SELF_CHECK_SAID))

    assert "尚有3.5万元未退缴到位。[1]" in answer.text
    assert "目前,共退缴8.6万元" in answer.text
    assert not answer.not_found
    assert all(c.verified and c.unit == SHIQIAO for c in answer.citations)
    assert len(answer.citations) == 2


def test_the_part_left_with_no_later_passage_is_said_not_to_be_stated(chain):
    history = said("石桥镇工程问题整改了吗?", "对5个在建项目逐一复核,尚有2个项目未完成整改。")

    answer = chain.ask("没整改的那些后来整改了吗?", history=history)

    assert "尚有2个项目未完成整改。[1]" in answer.text
    assert "通报中没有写明这部分后来的情况" in answer.text
    assert answer.not_found and len(answer.citations) == 1


def test_a_plan_for_what_is_left_is_not_read_as_done_since(chain):
    history = said("石桥镇工程问题整改了吗?", "对5个在建项目逐一复核,尚有2个项目未完成整改。")

    for question in ("剩下那2个打算什么时候完成?", "还没改完的那几个是什么问题?"):
        answer = chain.ask(question, history=history)
        assert answer.answerer != "extractive:followup-remaining", question  # asked of the notice, not of the answer


def test_how_much_is_left_quotes_the_clause_that_states_it(chain):
    answer = chain.ask("还差多少没退?", history=said("石桥镇津补贴自查查出多少钱?", SELF_CHECK_SAID))

    assert "尚有3.5万元未退缴到位。[1]" in answer.text
    assert "后续" not in answer.text  # asked how much, not whether it was done since


def test_how_much_is_left_is_computed_when_only_the_total_and_the_part_done_were_said(chain):
    history = said("石桥镇津补贴自查查出多少钱?", "开展津补贴专项自查,涉及金额8.6万元,目前已退缴5.1万元。")

    answer = chain.ask("还差多少没退?", history=history)

    assert answer.text.startswith("尚余3.5万元。")
    assert "涉及金额8.6万元[1]-目前已退缴5.1万元[1]=3.5万元" in answer.text
    assert answer.citations[0].verified and "尚有3.5万元" in answer.citations[0].quote


def test_a_new_question_with_a_sum_word_is_not_read_as_adding_up_the_last_answer(chain):
    history = said("石桥镇哪些固定资产没入账?", ASSETS_SAID)

    answer = chain.ask("石桥镇一共反馈了多少问题?", history=history)
    unnamed = chain.ask("一共追回了多少违规资金?", history=history)

    assert answer.answerer != "extractive:followup-sum"
    assert unnamed.answerer != "extractive:followup-sum"  # a topic of its own, not "these"


def test_how_many_are_still_not_done_is_read_as_asking_what_is_left(chain):
    history = said("石桥镇津补贴自查查出多少钱?", "开展津补贴专项自查,涉及金额8.6万元,目前已退缴5.1万元。")

    answer = chain.ask("还有多少没退?", history=history)

    assert answer.text.startswith("尚余3.5万元。")


# A FICTIONAL city news brief: figures only, the part done said after its count; and a district 公示 in
# the same library whose own "未完成" figure must not answer for the brief.
BRIEF = """廉洁青禾丨民生领域专项巡察进驻月余 发放立行立改交办函9份

青禾在线5月8日讯(记者林晓 通讯员 周远)记者了解到,市委第三轮巡察民生领域专项巡察组进驻一个多月以来,
发放立行立改交办函9份。截至5月6日,4个巡察组共走访300余户,指出具体问题28个,其中19个已整改。
"""
GONGSHI = """关于区委第一轮巡察整改情况的公示

截止目前,巡察反馈的410个问题,完成整改402个,持续整改问题3个,未完成5个,总体完成率98.05%。
"""


@pytest.mark.parametrize("asked", ["那还剩几个没改", "还有几个没整改", "剩下多少个问题没改完"])
def test_what_is_left_after_a_brief_says_the_part_done_after_its_count_is_computed_from_that_answer(
    chain_over, asked
):
    chain_over("gongshi.txt", GONGSHI)
    chain = chain_over("brief.txt", BRIEF)
    history = said("青禾民生专项巡察指出了多少具体问题", "指出具体问题28个，其中19个已整改。")

    answer = chain.ask(asked, history=history)

    assert answer.text.startswith("尚余9个。")
    assert "指出具体问题28个[1]-19个已整改[1]=9个" in answer.text
    assert "410" not in answer.text  # the other unit's figures are not quoted


# A FICTIONAL county notice stating its tasks, those done and (in the same sentence) the rest.
TASKS = """中共蘅川县委关于巡察整改进展情况的通报

对照反馈意见,县委梳理出9个具体问题,明确45项整改任务。截至2023年6月底,38项整改任务已完成,7项整改任务正在持续推进,
整改工作取得阶段性成效。
"""


@pytest.mark.parametrize("asked", ["剩下的呢", "其余的呢?"])
def test_the_rest_after_a_count_done_is_the_notice_s_own_clause_stating_it(chain_over, asked):
    chain = chain_over("hengchuan.txt", TASKS)
    history = said("蘅川整改任务完成了多少", "蘅川县:明确45项整改任务,截至2023年6月底,38项整改任务已完成。")

    answer = chain.ask(asked, history=history)

    assert answer.text.startswith("尚余7项。")
    assert any(c.quote == "7项整改任务正在持续推进" and c.verified for c in answer.citations), (answer.text, answer.citations)
    assert not answer.not_found
