"""Answered when a passage states it, "未找到" when the asked thing is not stated, on fictional notices:
an alternative question (是A还是B) needs one alternative stated; asked who the people behind a count are,
the count alone does not answer; asked the names of the rules issued, a carried count does not ask a count."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.asked_kind import lacks_asked_kind
from assistant.evidence import Evidence

ROUND_NOTICE = """中共栖霞湾县委巡察工作领导小组办公室关于十一届县委第三轮巡察进驻情况的公告

根据县委统一部署,县委巡察组对县水务局、县林草中心2个县级部门开展常规巡察。
同时对芦花镇和县档案馆、县气象服务站2个县级部门(单位)开展巡察“回头看”。
巡察期间,干部群众反映问题,无论是实名还是匿名,巡察组均予以受理。
按照时间安排,各巡察组将于2024年3月8日前撤离,设置的信访接待点予以取消。

中共栖霞湾县委巡察工作领导小组办公室
2024年3月1日
"""

HEADLINE_NOTICE = """处理812人!鹭洲市医保局通报巡察整改进展

首頁 > 新聞中心 > 處理812人!

處理812人!鷺洲市醫保局通報巡察整改進展

一、基金监管
鹭洲市医保局持续推进巡察整改,围绕基金监管开展专项检查,对发现的问题逐项建立台账,限期整改到位。
二、下一步工作
将定期开展专项检查,防止问题反弹。

鹭洲市医疗保障局
2024年5月6日
"""

RULES_NOTICE = """中共桐溪市委巡察工作领导小组关于巡察整改监督工作的通报

为推动巡察整改落地落实,桐溪市制定出台《桐溪市巡察线索移交暂行办法》《桐溪市巡察整改销号暂行办法》等规定,整合监督力量。
召开巡察整改联席会议3次,督促落实整改措施120余项。

中共桐溪市委巡察工作领导小组
2024年7月1日
"""


def test_an_alternative_question_is_answered_when_the_notice_states_one_alternative(chain_over):
    chain = chain_over("qixiawan_round.txt", ROUND_NOTICE)
    answer = chain.ask("栖霞湾县档案馆是常规巡察还是回头看")
    assert not answer.not_found, answer.text
    assert "回头看" in answer.text and "县档案馆" in answer.text


def test_asked_who_the_people_behind_a_headline_count_are_the_count_alone_is_not_an_answer(chain_over):
    chain = chain_over("luzhou_yibao.txt", HEADLINE_NOTICE)
    answer = chain.ask("鹭洲市医保局处理的812人都是啥人")
    assert answer.not_found, answer.text


def test_the_names_of_the_rules_issued_are_answered_after_an_answer_that_counted_them(chain_over):
    chain = chain_over("tongxi_rules.txt", RULES_NOTICE)
    history = [{"role": "user", "content": "桐溪市巡察整改监督咋搞的"},
               {"role": "assistant", "content": "开联席会议,督促落实整改措施120余项,还出台了几个办法。"}]
    answer = chain.ask("出台的那几个办法叫啥", history=history)
    assert not answer.not_found, answer.text
    assert "巡察线索移交暂行办法" in answer.text


def _evidence(text: str) -> Evidence:
    document = Document(page_content=text, metadata={"notice_id": "n1", "unit": "鹭洲市医保局"})
    return Evidence(document, 0, len(text), text, 1.0, True)


def test_a_headline_count_in_traditional_script_does_not_say_who_was_handled():
    headline = _evidence("處理812人!鷺洲市醫保局通報巡察整改進展")
    assert lacks_asked_kind("鹭洲市医保局处理的812人都是啥人", [headline], headline, lambda _: "")


def test_a_sentence_giving_the_kinds_of_people_counted_says_who_they_are():
    kinds = _evidence("共处理违规人员812人,其中科级干部3人、一般工作人员809人。")
    assert not lacks_asked_kind("鹭洲市医保局处理的812人都是啥人", [kinds], kinds, lambda _: "")


def test_a_one_character_verb_asked_meets_the_notice_word_beginning_with_it(chain_over):
    chain = chain_over("qixiawan_round.txt", ROUND_NOTICE)
    history = [{"role": "user", "content": "栖霞湾县这轮巡察了哪些单位"},
               {"role": "assistant", "content": "常规巡察县水务局等2个县级部门,并对县档案馆等开展回头看。"}]
    answer = chain.ask("他们啥时候撤", history=history)
    assert not answer.not_found, answer.text
    assert "2024年3月8日前撤离" in answer.text
