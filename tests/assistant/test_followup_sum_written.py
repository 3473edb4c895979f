"""Adding up the previous answer's figures as they were written: decimals kept, a subtotal added as a part."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

# A FICTIONAL notice: money returned in sums written to the fen, and fees returned in two rounds,
# the first stated with 共计.
NOTICE = """中共蘅川县棠溪镇委员会关于巡察整改情况的通报

2024年3月1日至4月20日,县委第二巡察组对棠溪镇进行了巡察,并于2024年5月10日反馈了巡察意见。

一、违规发放问题整改情况

整改情况:清退违规发放的加班补助6214.30元,退赔超标准接待费1825.60元,退还群众多缴的服务费9370.20元。

二、考务费问题整改情况

整改情况:清退初试环节2名工作人员每人600元,共计1200元;清退复试环节9名考官每人600元,计5400元。

中共蘅川县棠溪镇委员会
2024年9月15日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("tangxi.txt", NOTICE)


def said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_sum_of_figures_written_to_the_fen_keeps_the_fen(chain):
    history = said("棠溪镇退了哪些钱", "清退加班补助6214.30元,退赔超标准接待费1825.60元,退还服务费9370.20元。")

    answer = chain.ask("这几笔加起来多少", history=history)

    assert "17410.10元" in answer.text
    assert "17410.1元" not in answer.text


def test_these_two_put_together_adds_a_subtotal_smaller_than_the_other_as_a_part(chain):
    history = said("棠溪镇考务费清退了多少", "初试环节清退共计1200元,复试环节清退5400元。")

    answer = chain.ask("这两笔加一块多少", history=history)

    assert not answer.not_found
    assert "6600元" in answer.text
    assert "1200元" in answer.text and "5400元" in answer.text
