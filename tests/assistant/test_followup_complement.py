""""还差多少没进?" after a share done: the rest of the whole, worked out and cited (FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

# A FICTIONAL notice: a service hall's share of matters moved in, and one figure of another kind.
NOTICE = """中共青禾市芦湾新区工作委员会关于巡察整改情况的通报

2023年3月1日至4月20日,市委第二巡察组对芦湾新区进行了巡察。

一、政务服务改革推进慢

整改情况:推动审批事项集中办理,已进驻政务大厅的审批事项占应进事项的83%,其中全程网办的占比47.5%。

二、干部管理不规范

整改情况:对8名借调人员逐一清理,已全部退回原单位。

中共青禾市芦湾新区工作委员会
2023年9月15日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("luwan.txt", NOTICE)


def said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_what_is_left_of_a_share_done_is_the_rest_of_the_whole_and_cited(chain):
    history = said("芦湾新区审批事项进大厅了多少", "已进驻政务大厅的审批事项占应进事项的83%,其中全程网办的占比47.5%。")

    answer = chain.ask("那还差多少没进?", history=history)

    assert "17%" in answer.text and "100%-" in answer.text
    assert "52.5%" not in answer.text  # the share of a part is not what is left of the whole
    assert not answer.not_found
    assert answer.citations and "占应进事项的83%" in answer.citations[0].quote and answer.citations[0].verified


def test_a_share_not_said_to_be_done_is_not_taken_away_from_the_whole(chain):
    history = said("芦湾新区审批事项进大厅了多少", "全程网办的占比47.5%。")

    answer = chain.ask("那还差多少没进?", history=history)

    assert "52.5%" not in answer.text


def test_a_share_beside_counts_leaves_the_count_not_the_share(chain):
    history = said("芦湾新区借调人员清了多少", "8名借调人员已全部退回原单位,完成率100%。")

    answer = chain.ask("那还差多少没退?", history=history)

    assert "尚差0%" not in answer.text
