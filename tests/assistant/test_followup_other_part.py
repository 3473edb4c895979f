"""A follow-up about the other part of a total the last answer split: the rest computed and where the notice
says it came from (FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共漱州市芦湾中学委员会关于巡察整改情况的通报

2024年4月1日至5月20日,市委第二巡察组对芦湾中学进行了巡察,并于2024年6月3日反馈了巡察意见。

(一)关于违规收取资料费的问题
巡察指出,部分年级向学生统一收取教辅资料费。整改中,学校退还违规收取的资料费6.3万元,涉及学生420人。

(二)关于食堂采购不规范的问题
巡察指出,食堂大宗食材采购未比价,部分票据缺失。整改中,学校对食堂账目进行专项审计,追回多付货款1.45万元;食材采购实行三方比价。

通过整改,学校共退还和追回资金合计7.75万元,修订制度6项。

中共漱州市芦湾中学委员会
2024年9月2日
"""
ANSWER = "退还和追回资金合计7.75万元,其中退还违规收取的资料费6.3万元。"


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("luwan.txt", NOTICE)


def test_where_the_rest_of_a_split_total_came_from_is_computed_and_quoted(chain):
    history = [{"role": "user", "content": "芦湾中学退了多少钱"}, {"role": "assistant", "content": ANSWER}]
    answer = chain.ask("剩下那部分是哪来的", history=history)

    assert "1.45万元" in answer.text and "食堂" in answer.text and not answer.not_found
    assert "7.75万元" in answer.text and "6.3万元" in answer.text  # how the rest was worked out, cited
    assert all(c.verified for c in answer.citations)


def test_no_rest_is_made_up_when_the_notice_states_none(chain):
    history = [{"role": "user", "content": "芦湾中学退了多少钱"},
               {"role": "assistant", "content": "退还和追回资金合计7.75万元,其中退还资料费5万元。"}]
    answer = chain.ask("剩下那部分是哪来的", history=history)

    assert "2.75万元" not in answer.text
