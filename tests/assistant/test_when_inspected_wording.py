""""啥时候被查的", "什么时候巡的" ask when the unit was inspected: the period, the team and the feedback date
(fictional notice); "啥时候查的账" asks no such thing."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.question import profile_question

NOTICE = """中共菁塘镇委员会关于巡察整改情况的通报

2023年4月10日至6月2日，县委第五巡察组对菁塘镇党委开展了巡察。2023年7月18日，县委第五巡察组向菁塘镇党委反馈了巡察意见。

一、关于“村级财务监管不严”的问题。整改情况：全面清理村级账目，规范报账流程。

中共菁塘镇委员会
2023年11月20日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("jingtang.txt", NOTICE)


@pytest.mark.parametrize("question", ["菁塘镇是啥时候被查的", "菁塘镇什么时候巡的?"])
def test_when_was_it_checked_gets_the_inspection_period_and_feedback(chain, question):
    answer = chain.ask(question)

    assert not answer.not_found
    assert "2023年4月10日至6月2日" in answer.text and "2023年7月18日" in answer.text


def test_when_the_accounts_were_checked_is_no_inspection_date_question():
    assert not profile_question("啥时候查的账").metadata_fields
