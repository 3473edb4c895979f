"""Follow-ups computing over figures of the previous answer: a share, an average, a difference, a sum asked
by naming its parts, and what is left; each figure cited from the notice (a FICTIONAL notice)."""

from __future__ import annotations

import re

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共青禾市柳塘镇委员会关于巡察整改进展情况的通报

2023年4月1日至5月20日,县委第二巡察组对柳塘镇进行了巡察,并于2023年6月8日反馈了巡察意见。

一、整改总体情况

针对巡察反馈的24个问题,镇党委逐条制定整改措施,提出了90条整改措施。巡察反馈的20个具体问题、23项整改措施已全部完成。
截至2023年8月31日,58个问题已完成整改41个,其余17个正在整改。
集中整改期结束时,巡察反馈的58个问题,已完成整改55个,完成率94.8%。

二、具体问题整改情况

(一)干部违规兼职

全镇共清理规范兼职40项,其中,已辞去兼职30项,已补报审批10项。

(二)往来款项长期挂账

未清理的往来款项涉及其他应收款312.5万元,其他应付款87.25万元,已逐笔核对。

中共青禾市柳塘镇委员会
2023年10月9日
"""
UNIT = "青禾市柳塘镇"


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("liutang.txt", NOTICE)


def said(question: str, answer: str) -> list[dict]:
    """A conversation of one exchange, as the chat keeps it."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_the_share_of_a_part_named_in_plain_words_is_computed_and_cited(chain):
    history = said("柳塘镇清了多少项兼职?", "全镇共清理规范兼职40项,其中已辞去兼职30项,已补报审批10项。")
    answer = chain.ask("辞掉的占几成?", history=history)
    assert "75%" in answer.text and "30项" in answer.text and "40项" in answer.text
    assert any("已辞去兼职30项" in c.quote for c in answer.citations)
    assert all(c.unit == UNIT for c in answer.citations)


def test_a_share_is_said_to_a_tenth_of_a_percent(chain):
    history = said("柳塘镇清了多少项兼职?", "全镇共清理规范兼职40项,其中已辞去兼职30项,已补报审批10项。")
    answer = chain.ask("补报的占多大比例?", history=history)
    assert "25%" in answer.text
    history = said("柳塘镇反馈的问题改完多少了?", "反馈58个问题,已完成整改55个,完成率94.8%。")
    assert "94.8%" in chain.ask("改完的占多大比例?", history=history).text  # 55 ÷ 58, not 95%


def test_an_average_per_item_divides_the_counted_by_the_items(chain):
    history = said("柳塘镇反馈了多少问题,列了多少措施?", "24个问题,提出了90条整改措施。")
    answer = chain.ask("平均一个问题配几条措施?", history=history)
    assert "3.8条" in answer.text  # 90 ÷ 24 = 3.75
    assert {"24个", "90条"} <= {f for c in answer.citations for f in ("24个", "90条") if f in c.quote}


def test_a_difference_names_which_is_more_and_by_how_much(chain):
    history = said("柳塘镇分解出多少具体问题和措施?", "20个具体问题、23项整改措施,均已完成。")
    answer = chain.ask("措施比具体问题多几项?", history=history)
    assert "多3项" in answer.text
    assert not answer.not_found


def test_parts_named_before_a_word_for_adding_up_are_added(chain):
    history = said("柳塘镇有多少往来账没清?", "其他应收款312.5万元,其他应付款87.25万元。")
    answer = chain.ask("应收应付合起来是多少?", history=history)
    assert "399.75万元" in answer.text


def test_what_is_left_is_the_whole_less_the_part_done_when_no_total_is_called_so(chain):
    history = said("柳塘镇反馈的问题改完多少了?", "反馈58个问题,已完成整改55个,完成率94.8%。")
    answer = chain.ask("那还剩几个没改完?", history=history)
    assert "3个" in answer.text and any("55个" in c.quote for c in answer.citations)


def test_how_many_more_since_the_figure_given_takes_the_later_figure_from_the_notice(chain):
    history = said("柳塘镇到8月底改完几个问题了?", "截至2023年8月31日,58个问题已完成整改41个,其余17个正在整改。")
    answer = chain.ask("到集中整改期结束,又多改完了几个?", history=history)
    assert "多14个" in answer.text
    assert any("已完成整改55个" in c.quote for c in answer.citations)
    assert any("已完成整改41个" in c.quote for c in answer.citations)


def test_a_figure_the_notice_does_not_hold_is_not_computed_on(chain):
    history = said("柳塘镇清了多少项兼职?", "清理兼职41项,其中辞去兼职29项。")  # neither figure is in the notice
    answer = chain.ask("辞掉的占几成?", history=history)
    assert "71%" not in answer.text and "29项[" not in answer.text


PARTLY_DONE = """中共青禾市柳塘镇委员会关于巡察整改进展情况的通报

县委第二巡察组于2023年6月8日向柳塘镇反馈了巡察意见。

截至目前,巡察反馈30个具体问题,整改完成25个,阶段性完成5个。

中共青禾市柳塘镇委员会
2023年10月9日
"""


def test_items_done_only_in_part_are_the_ones_not_finished(chain_over, history):
    chain = chain_over("liutang_partly.txt", PARTLY_DONE)
    first = chain.ask("柳塘镇反馈了多少问题?")
    answer = chain.ask("那柳塘镇还有几个问题没改完?", history=history(first))
    assert "仍在推进" in answer.text  # said to be the items still under way, not just a sentence sharing words
    assert any("阶段性完成5个" in c.quote for c in answer.citations)


def test_how_many_days_a_period_just_given_lasted_counts_both_ends(chain):
    history = said("柳塘镇那次巡察是哪天到哪天?", "2023年4月1日至5月20日,县委第二巡察组对柳塘镇进行了巡察。")
    answer = chain.ask("那一共是多少天?", history=history)
    assert "50天" in answer.text  # 30 days of April from the 1st, and 20 of May
    assert any("2023年4月1日至5月20日" in c.quote for c in answer.citations)


def test_how_many_days_after_an_answer_with_no_period_is_not_a_count_of_days(chain):
    history = said("柳塘镇清了多少项兼职?", "全镇共清理规范兼职40项,其中已辞去兼职30项。")
    assert not re.search(r"共\d+天", chain.ask("那一共是多少天?", history=history).text)


def test_a_sum_with_nothing_to_add_in_a_question_asking_more_is_asked_of_the_notice(chain):
    history = said("柳塘镇往来款有多少没清?", "未清理的其他应收款312.5万元。")
    answer = chain.ask("那钱后来核对了吗?一共多少", history=history)
    assert "不足两笔" not in answer.text and "已逐笔核对" in answer.text
