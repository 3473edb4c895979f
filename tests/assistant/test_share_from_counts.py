"""One unit's rectified share asked outright over a FICTIONAL notice stating only counts ("12条…已完成整改11条"):
the answer computes it from the cited counts instead of saying it was not found."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.computed_question import read_one_share_question

NOTICE = """中共蘅川县水文站党支部关于巡察反馈意见整改情况的通报

2024年5月8日，县委第三巡察组向站党支部反馈了巡察意见，共指出问题8条。
一、整改工作总体情况
站党支部制定整改方案，细化整改措施21条。截至2024年8月20日，反馈的8条问题已完成整改7条，第三条问题需长期坚持。
二、具体整改情况
（一）水位观测记录不规范。整改措施：修订观测记录规程，已完成。

中共蘅川县水文站党支部
2024年8月25日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("shuiwen.txt", NOTICE)


def test_a_share_the_notice_does_not_state_is_computed_from_its_counts(chain):
    answer = chain.ask("蘅川县水文站整改完成率到多少了")
    assert not answer.not_found
    assert "87.5%" in answer.text and "7条" in answer.text


def test_a_share_asked_after_another_units_share_is_computed_for_the_new_unit(chain):
    history = [{"role": "user", "content": "棠溪县气象台整改完成率是多少"},
               {"role": "assistant", "content": "资料库中没有关于“棠溪县气象台”的通报。"}]
    answer = chain.ask("那水文站的呢", history=history)
    assert "87.5%" in answer.text


def test_only_a_share_asked_outright_of_one_unit_is_read_so():
    assert read_one_share_question("水文站整改完成率到多少了") is not None
    assert read_one_share_question("哪些单位整改完成率是多少") is None
    assert read_one_share_question("水文站整改完成率最高吗") is None
    assert read_one_share_question("水文站清退了多少钱") is None


SCHOOL = """关于县委第二巡察组巡察反馈意见整改情况的报告

二〇二四年四月九日，巡察组向蘅川县第三中学党支部反馈了巡察意见，指出两个方面九个问题。学校党支部将反馈问题细化为十七条整改措施，逐条明确责任人。
（一）食堂采购未比价。整改情况：实行三家以上询价，追回多付货款四千元。

中共蘅川县第三中学党支部
二〇二四年七月一日
"""


def test_a_count_asked_in_one_measure_word_is_quoted_where_the_notice_writes_another(chain_over):
    answer = chain_over("sanzhong.txt", SCHOOL).ask("蘅川县第三中学巡察反馈了几条问题")
    assert "九个问题" in answer.text
