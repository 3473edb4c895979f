"""The count of problems done worked out from the problems and the completion rate a fictional notice states,
when it does not state the count itself."""

from __future__ import annotations

import pytest

from assistant.done_from_rate import answer_done_from_rate
from assistant.verify import verify_answer

BUREAU = "蘅川县水利局"
RATE_ONLY = (
    "中共蘅川县水利局党组关于巡察整改进展情况的通报\n\n"
    "2024年3月1日至4月30日，县委第二巡察组对蘅川县水利局党组开展了常规巡察，指出3个方面16个问题，"
    "局党组制定整改措施40条。\n\n"
    "截至2024年10月31日，巡察反馈问题整改完成率达75%，整改措施完成率达80%。\n\n"
    "中共蘅川县水利局党组\n2024年11月15日\n"
)
TOWN = "蘅川县棠溪镇"
COUNT_STATED = (
    "中共蘅川县棠溪镇委员会关于巡察整改情况的通报\n\n"
    "县委第一巡察组对棠溪镇开展巡察，共指出问题10个。截至2024年9月30日，已完成整改9个，整改完成率90%。\n\n"
    "中共蘅川县棠溪镇委员会\n2024年10月8日\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"rate.txt": RATE_ONLY, "count.txt": COUNT_STATED})


def _ask(catalogue, unit: str, question: str):
    notices, records, texts = catalogue
    answer = answer_done_from_rate(question, question, unit, notices, records, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_the_count_done_is_the_problems_times_the_rate_both_cited(catalogue):
    answer = _ask(catalogue, BUREAU, "水利局16个问题完成75%，那改完了几个")
    assert "16×75%=12个" in answer.text and "还剩4个" in answer.text
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == 2 and "16个问题" in quotes[0] and "问题整改完成率达75%" in quotes[1]
    assert "80%" not in answer.text  # the rate of measures is not the rate of problems


def test_a_stated_count_or_a_question_not_asking_a_count_is_left_to_other_answers(catalogue):
    assert _ask(catalogue, TOWN, "棠溪镇问题改完了几个") is None  # the notice states 9个 itself
    assert _ask(catalogue, BUREAU, "水利局整改完成率多少") is None
