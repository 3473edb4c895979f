"""Sums and gaps of one figure across units: "两家加一块多少项?" adds each unit's figure once (a figure stated
twice, or a total beside its parts, is not added again); "谁定得多 差几条" ranks the two and gives the difference."""

from __future__ import annotations

import pytest

from assistant.records_answer import answer_from_records

NOTICES = {
    "qinglu.txt": (
        "中共青麓县委关于巡察整改进展情况的通报\n"
        "县委高度重视,针对反馈问题制定整改措施18项,其中立行立改7项、长期坚持11项。\n"
        "截至目前,18项整改措施已完成15项。\n"
    ),
    "baitan.txt": (
        "白潭镇党委关于巡察整改情况的通报\n"
        "镇党委对照巡察反馈意见,细化整改措施30条,逐条明确责任人和时限。\n"
        "目前整改措施30条已落实26条。\n"
    ),
}
UNITS = ["青麓县", "白潭镇"]


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _ask(catalogue, question: str):
    notices, records, texts = catalogue
    return answer_from_records(question, question, UNITS, notices, records, texts.get)


def test_a_sum_in_plain_words_adds_each_units_figure_once(catalogue):
    answer = _ask(catalogue, "青麓和白潭整改措施加一块多少项")
    headline = answer.text.splitlines()[0]
    assert headline.startswith("合计(按各单位通报数字计算):48")
    assert "18项" in headline and "30条" in headline
    assert "可能互有包含" not in answer.text


def test_who_made_more_and_by_how_many_gives_the_gap(catalogue):
    answer = _ask(catalogue, "青麓和白潭 整改措施谁定得多 差几条")
    assert "白潭镇" in answer.text.splitlines()[0] and "最多" in answer.text.splitlines()[0]
    assert "两者相差12" in answer.text


def test_spaced_who_more_and_差几_is_computed_with_the_difference(catalogue):
    from assistant.computed_answer import answer_computed

    notices, records, texts = catalogue
    question = "青麓和白潭 整改措施谁定得多 差几条"
    answer = answer_computed(question, question, UNITS, notices, records, texts.get)
    assert answer is not None
    assert answer.text.splitlines()[0].startswith("白潭镇整改措施(任务)30")
    assert "多12" in answer.text.splitlines()[0]
