"""A candidate sentence that states what was asked answers it; one stating a neighbouring fact does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).parents[1] / "fixtures" / "stated_answers"
NOT_FOUND = "通报中未找到相关内容"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_a_post_taking_the_lead_answers_who_leads(chain):
    answer = chain.ask("棠溪镇整改领导小组谁挂帅?")
    assert not answer.not_found and "镇党委书记任组长" in answer.text


def test_how_many_are_done_is_not_answered_by_how_many_there_are(chain):
    answer = chain.ask("棠溪镇那12个问题改完了几个?")
    assert answer.not_found and answer.text.startswith(NOT_FOUND)
    assert "12个突出问题" in answer.text  # what the notice does state is shown as related


def test_a_date_whose_month_sign_was_lost_is_quoted(chain):
    answer = chain.ask("棠溪镇巡察意见啥时候反馈的?")
    assert not answer.not_found and "815日" in answer.text


def test_money_collected_back_answers_how_much_was_recovered(chain):
    answer = chain.ask("棠溪镇追回了多少钱?")
    assert not answer.not_found and "8.60万元" in answer.text


def test_problems_the_inspection_fed_back_answer_how_many_it_pointed_out(chain):
    answer = chain.ask("棠溪镇被指出多少个问题?")
    assert not answer.not_found and "12个突出问题" in answer.text


def test_what_a_group_has_under_it_is_what_it_sets_up(chain):
    answer = chain.ask("棠溪镇整改领导小组下面设了啥?")
    assert not answer.not_found and "一办三组" in answer.text


def test_the_pages_own_fields_are_never_quoted(chain):
    answer = chain.ask("棠溪镇的通报访问量多少?")
    assert answer.not_found and "访问量" not in answer.text.split("通报中未找到相关内容")[1]
