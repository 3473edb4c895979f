"""Asked what sanction someone got, a sentence saying only that they were caught is related, not the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).parents[1] / "fixtures" / "asked_kind"
NOT_FOUND = "通报中未找到相关内容"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_the_sanction_of_someone_only_said_to_be_caught_is_not_answered(chain):
    answer = chain.ask("白沙乡那个酒后开车的村干部后来受了什么处分?")
    assert answer.not_found and answer.text.startswith(NOT_FOUND)
    assert "酒后驾驶" in answer.text  # shown as related


def test_a_sanction_the_notice_names_is_answered(chain):
    answer = chain.ask("白沙乡乱发补贴的村干部给了啥处分?")
    assert not answer.not_found and "警告处分" in answer.text


def test_an_amount_of_money_no_sentence_states_is_not_answered(chain):
    answer = chain.ask("白沙乡搞警示教育花了多少钱?")
    assert answer.not_found and answer.text.startswith(NOT_FOUND)


def test_an_amount_of_money_the_notice_states_is_answered(chain):
    answer = chain.ask("白沙乡违规发的种粮补贴是多少钱?")
    assert not answer.not_found and "1.2万元" in answer.text


def test_the_parts_of_an_amount_the_notice_does_not_itemise_are_said_not_found(chain):
    answer = chain.ask("白沙乡追回的1.2万元是哪几笔?")
    assert answer.not_found and answer.text.startswith(NOT_FOUND)
