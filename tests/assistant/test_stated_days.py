"""One unit's days between the dates one sentence states, on a fictional notice: from the first dated day to
each later one, cited; periods and questions not asking days are left to other answers."""

from __future__ import annotations

import pytest

from assistant.stated_days import answer_stated_days
from assistant.verify import verify_answer

UNIT = "青禾市柳塘街道"
NOTICES = {
    "liutang.txt": "青禾市柳塘街道党工委关于巡察整改情况的通报\n\n2023年3月1日至4月20日,区委第二巡察组对柳塘街道开展了巡察。"
                   "一是学习制度落实不到位。2023年5月8日专项检查指出的理论学习中心组未按月学习问题,6月2日、6月30日的中心组"
                   "仍未安排学习。二是台账不全。整改情况:补齐了学习台账。\n",
}


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _ask(catalogue, question: str):
    notices, _, texts = catalogue
    spans = [(question.find("柳塘"), question.find("柳塘") + 2)]
    answer = answer_stated_days(question, question, UNIT, spans, notices, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_the_days_from_a_lapse_pointed_out_to_each_later_date_it_went_on_are_both_given(catalogue):
    answer = _ask(catalogue, "柳塘中心组学习的事被指出来以后,过了多久还是没学")
    assert "2023年5月8日在先,到2023年6月2日隔25天、到2023年6月30日隔53天" in answer.text
    assert "6月2日、6月30日的中心组仍未安排学习" in answer.text


@pytest.mark.parametrize("question", ["柳塘中心组学习的事是怎么整改的", "柳塘巡察隔了多久"])
def test_questions_asking_no_days_or_about_a_period_are_left_to_other_answers(catalogue, question):
    assert _ask(catalogue, question) is None
