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
