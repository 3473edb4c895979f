"""Follow-ups about the items behind a figure: which sums make up a total, which problems are still open."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

LIUAN = "青禾市柳岸镇"
NOTICE = """中共青禾市柳岸镇委员会关于巡察整改情况的通报

2023年6月1日至7月20日,县委第二巡察组对柳岸镇进行了巡察,并于2023年8月25日反馈了巡察意见,共反馈问题9个。截至11月底,9个问题已完成整改7个,其余2个正在推进。

一、具体问题整改情况

(一)违规发放补贴问题

整改情况:追缴、清退违规资金共计5.4万元。其中清退超标准发放的值班补贴1.2万元,追回重复报销的差旅费0.7万元,退缴违规领取的误餐补助3.5万元,对负有责任的2名干部给予党纪处分。已完成整改。

(二)村级活动场所闲置

整改情况:对3处闲置场所重新规划用途,其中1处改建为养老服务站;该项工作需长期坚持,正在推进中。

(三)集镇污水管网建设滞后

整改情况:已完成管网设计招标,目前正在施工,预计明年6月前完工。

(四)食堂管理不规范

整改情况:修订《镇机关食堂管理办法》,实行菜品公示。已完成整改。

二、下一步工作

镇党委将持续抓好未完成事项的整改,防止问题反弹回潮。

中共青禾市柳岸镇委员会
2023年12月10日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("liuan.txt", NOTICE)


def test_which_sums_make_up_that_money_lists_each_item_and_checks_the_total(chain, history):
    first = chain.ask("柳岸镇追缴清退了多少钱?")
    assert "5.4万元" in first.text

    answer = chain.ask("这笔钱具体是哪几项?", history=history(first))

    for item in ("1.2万元", "0.7万元", "3.5万元"):
        assert item in answer.text
    assert "1.2万元+0.7万元+3.5万元=5.4万元" in answer.text
    assert all(c.unit == LIUAN for c in answer.citations)


def test_the_problems_not_finished_are_quoted_under_their_headings_without_plans(chain, history):
    first = chain.ask("柳岸镇反馈了多少问题,整改得怎么样?")

    answer = chain.ask("没完成的那两个是什么问题?", history=history(first))

    assert "(二)村级活动场所闲置" in answer.text and "(三)集镇污水管网建设滞后" in answer.text
    assert "食堂" not in answer.text and "将持续抓好" not in answer.text  # done items and plans are no answer
    quotes = {c.quote for c in answer.citations}
    assert "整改情况:已完成管网设计招标,目前正在施工,预计明年6月前完工。" in quotes


def test_how_much_was_recovered_is_answered_by_what_was_cleared_back(chain):
    answer = chain.ask("柳岸镇收回了多少钱?")  # the notice says 追缴/清退/退缴, never 收回: all ways of getting money back
    assert not answer.not_found and "5.4万元" in answer.text


def test_who_was_dealt_with_in_plain_words_is_answered_where_the_notice_says_处分(chain):
    answer = chain.ask("柳岸镇处理了哪些人?")  # 处理 asked; the notice writes 给予党纪处分
    assert not answer.not_found and "党纪处分" in answer.text


def test_which_problems_were_found_lists_the_problem_headings_in_order(chain):
    answer = chain.ask("巡察指出了柳岸镇哪些问题?")

    lines = answer.text.splitlines()
    assert lines[1:] == ["- (一)违规发放补贴问题[1]", "- (二)村级活动场所闲置[2]", "- (三)集镇污水管网建设滞后[3]",
                         "- (四)食堂管理不规范[4]"]  # not 一、具体问题整改情况 nor 二、下一步工作
    assert [c.quote for c in answer.citations][0] == "(一)违规发放补贴问题"


def test_problems_on_one_topic_are_answered_from_the_passages_not_the_list(chain):
    answer = chain.ask("柳岸镇在食堂方面有哪些问题?")
    assert "(二)村级活动场所闲置" not in answer.text


def test_how_far_rectification_has_come_lists_the_rectified_and_open_counts(chain):
    answer = chain.ask("柳岸镇反馈的问题整改了多少?")
    # Each count in the notice's own clause, not a label of ours ("完成整改7个").
    assert answer.text.splitlines()[1:] == ["- 9个问题已完成整改7个[1]", "- 其余2个正在推进[1]"]
    assert answer.citations[0].quote.startswith("截至11月底,9个问题已完成整改7个")


def test_how_many_found_and_how_many_rectified_answers_both_from_the_notice(chain):
    answer = chain.ask("柳岸镇巡察发现了多少问题,改完了几个?")
    # Two asks: the passage stating both, not the rectified counts alone.
    assert answer.answerer != "extractive:records"
    assert "9个问题已完成整改7个" in answer.text
