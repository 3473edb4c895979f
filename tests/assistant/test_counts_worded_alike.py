"""A count the notice words unlike the question ("发现了几个问题" / "指出了18个具体问题") is answered from
its records; a count with a topic of its own is not, on a fictional notice."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共青禾市苇塘街道工作委员会关于巡察整改情况的通报

2023年4月6日,区委第二巡察组向我街道反馈了巡察意见,指出了18个具体问题,并提出了明确的整改意见建议。
街道党工委召开专题会,研究部署整改工作,逐项明确责任人和完成时限。
(一)食堂管理不规范。整改情况:已建立食堂收支台账。
(二)公务接待超标准。整改情况:对相关责任人进行提醒谈话2人。

中共青禾市苇塘街道工作委员会
2023年9月1日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("weitang.txt", NOTICE)


def test_problems_found_asked_in_other_words_are_answered_from_the_records(chain):
    answer = chain.ask("苇塘街道发现了几个问题?")
    assert not answer.not_found, answer.text
    assert "18个" in answer.text
    assert any("18个具体问题" in c.quote for c in answer.citations)


def test_a_count_with_a_topic_is_not_the_headline_figure(chain):
    answered = chain.ask("苇塘街道发现了几个食堂问题?").text.split("相关但未直接回答")[0]  # what is offered as the answer
    assert "18个" not in answered, answered
