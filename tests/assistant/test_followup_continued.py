"""Follow-ups going on with the story the last answer told ("那司机后来咋处理的", "他们后来开了几回会")."""

from __future__ import annotations

from assistant.followup_reference import continued_item, said_before
from assistant.plain_words import official_terms

CAR_NOTICE = """中共青禾市柳溪街道工作委员会关于巡察整改情况的通报

2023年3月1日至4月20日,区委第一巡察组对柳溪街道党工委开展了常规巡察,2023年5月8日反馈了巡察意见。

一、整改工作开展情况

街道党工委成立以党工委书记为组长的整改工作领导小组。截至2023年8月1日,街道党工委和整改工作领导小组先后4次专题研究部署巡察整改。

二、主要问题整改情况

(一)公车私用问题。2023年春节期间,街道1辆公务车被驾驶员开回老家办理私事。
整改情况:对该驾驶员给予诫勉谈话并调离驾驶岗位;全街道公务车辆加装定位装置。

(二)公务接待不规范问题。2022年有3次公务接待超过标准。
整改情况:相关人员已退赔超标准接待费用0.36万元。

中共青禾市柳溪街道工作委员会
2023年9月1日
"""


def _said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_what_became_of_the_driver_is_the_measure_told_after_the_problem(chain_over):
    chain = chain_over("liuxi_gongche.txt", CAR_NOTICE)
    history = _said("柳溪街道公车私用是怎么回事?", "2023年春节期间,街道1辆公务车被驾驶员开回老家办理私事。[1]")
    answer = chain.ask("那司机后来咋处理的", history=history)
    assert not answer.not_found and "诫勉谈话" in answer.text


def test_how_often_they_met_later_is_answered_in_the_unit_of_the_last_turn(chain_over):
    chain = chain_over("liuxi_gongche.txt", CAR_NOTICE)
    history = _said("柳溪街道整改小组谁当组长?", "街道党工委成立以党工委书记为组长的整改工作领导小组。[1]")
    answer = chain.ask("他们后来开了几回专题会研究整改", history=history)
    assert not answer.not_found and "4次" in answer.text


def test_a_continued_story_the_notice_does_not_tell_is_still_not_found(chain_over):
    chain = chain_over("liuxi_gongche.txt", CAR_NOTICE)
    history = _said("柳溪街道公车私用是怎么回事?", "2023年春节期间,街道1辆公务车被驾驶员开回老家办理私事。[1]")
    assert chain.ask("那后来罚了那个司机多少钱的款?", history=history).not_found


def test_only_a_question_going_on_with_the_story_points_at_the_last_answer():
    answer = "2023年春节期间,街道1辆公务车被驾驶员开回老家办理私事。[1]"
    assert continued_item("他们后来开了几回会", answer).startswith("2023年春节期间")
    assert continued_item("巡察组组长是谁", answer) == ""
    history = _said("柳溪街道公车私用是怎么回事?", answer)
    assert said_before("那后来怎么处理的", history, lambda q: []) == answer
    assert said_before("那东湖街道呢", history, lambda q: ["东湖街道"]) == ""  # another unit: not a continuation


def test_plain_words_for_a_driver_and_for_how_people_were_dealt_with():
    assert "驾驶员" in official_terms("那个司机怎么样了")
    assert "处分" in official_terms("那几个负责的人怎么处理的")
    assert "整改完成" in official_terms("隐患改完没")
    assert "排查" in official_terms("隐患查出来多少")


GAP_NOTICE = """中共青禾市委关于巡视整改进展情况的通报

根据省委部署,2022年3月1日至3月30日,省委第二巡视组对我市进行了巡视。5月10日反馈了巡视意见。

一、迅速传达部署。省委第二巡视组反馈意见后,市委主要负责同志作出批示。2022年5月16日,市委召开常委会会议,研究部署整改工作。
2022年6月20日,市委召开整改推进会。

中共青禾市委
2022年9月1日
"""


def test_days_from_the_date_just_given_to_the_later_meeting_asked_about_are_computed(chain_over):
    chain = chain_over("qinghe_shiwei.txt", GAP_NOTICE)
    history = _said("青禾市委的反馈是哪天?", "2022年5月10日,省委第二巡视组反馈了巡视意见。[1]")
    answer = chain.ask("收到以后市委隔了几天开会部署的", history=history)
    assert "2022年5月16日" in answer.text and "6天" in answer.text
    assert len(answer.citations) == 2  # both dates cited where the notice states them


REFUND_NOTICE = """中共青禾市柳溪街道工作委员会关于巡察整改情况的通报

一、主要问题整改情况

(一)违规发放津补贴问题。街道津补贴专项自查,共梳理问题12项,涉及金额8.5万元,目前已退缴5.2万元,尚有3.3万元未退到位。

(二)失联党员问题。督促社区纠正9名无法联系党员的处理做法,目前已经排查到党员7名。

中共青禾市柳溪街道工作委员会
2023年9月1日
"""


def test_how_much_came_back_of_the_sum_just_given_is_what_its_sentence_goes_on_to_state(chain_over):
    chain = chain_over("liuxi_jinbutie.txt", REFUND_NOTICE)
    history = _said("柳溪街道津补贴自查查出多少问题?", "街道津补贴专项自查共梳理问题12项，涉及金额8.5万元。")
    answer = chain.ask("那退了多少，还差多少没退", history=history)
    assert "5.2万元" in answer.text and "3.3万元" in answer.text


def test_how_many_of_the_people_just_named_were_found_is_a_count_of_people(chain_over):
    chain = chain_over("liuxi_jinbutie.txt", REFUND_NOTICE)
    history = _said("柳溪街道失联党员的事怎么处理的?", "督促社区纠正无法联系党员的处理做法。")
    answer = chain.ask("那9个联系不上的党员找回来几个", history=history)
    assert not answer.not_found and "7名" in answer.text


def test_a_sentence_the_last_answer_retold_in_other_words_counts_as_said():
    from assistant.evidence import mostly_said, squeezed

    said = squeezed("2023年城北管网工程(合同额800万元)被拆成3个标段,以应急抢修为由直接委托施工。")
    assert mostly_said("2023年城北管网工程(合同额800万元)被拆分为3个标段,以“应急抢修”为由直接委托施工", said)
    assert not mostly_said("整改情况:对工程部原经理给予党内严重警告处分,追缴违约金48万元", said)


def test_the_fix_told_in_the_words_of_the_fault_is_not_what_was_said():
    from assistant.evidence import mostly_said, squeezed

    said = squeezed("2022年采购办公设备共计18万元,采购时未经局党组会议审批、备案。")
    # the measure repeats the fault's words with the opposite fact: it is news to the user
    assert not mostly_said("自2023年3月起,所有采购都须经局党组会议审批、备案后方可实施。", said)
    assert mostly_said("采购办公设备时未经局党组会议审批、备案。", said)
