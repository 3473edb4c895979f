"""Which-units questions on fictional notices: all problems rectified, a year said by two digits, an act
placed in a period, and the short form a listed unit's notice writes."""

from __future__ import annotations

import pytest

from assistant.computed_answer import answer_computed
from assistant.computed_question import asks_units_all_done, read_computed_questions
from assistant.plain_words import with_official_terms
from assistant.question import profile_question
from assistant.unit_display import name_units

TOWN = """中共蘅川县棠溪镇委员会关于巡察整改情况的通报

2024年4月1日至5月20日，县委第二巡察组对棠溪镇进行了巡察，共指出问题8个。截至2024年9月30日，已完成整改8个。
"""
BUREAU = """中共蘅川县水务局党组关于巡察整改进展情况的通报

2024年4月1日至5月20日，县委第三巡察组对县水务局进行了巡察，共指出问题10个。截至2024年9月30日，已完成整改9个，1个正在推进。
"""


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"town.txt": TOWN, "bureau.txt": BUREAU})


def test_which_units_rectified_every_problem_names_only_the_unit_whose_counts_match(catalogue):
    notices, records, texts = catalogue
    units = sorted({n.unit for n in notices})
    answer = answer_computed("哪些单位问题已经全部改完了", "哪些单位问题已经全部改完了", units, notices, records, texts.get)
    first = answer.text.splitlines()[0]
    assert "有1个" in first and "棠溪镇" in first and "水务局" not in first, answer.text
    assert any("已完成整改8个" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["哪些单位问题已经全部改完了", "谁家反馈的问题都整改到位了", "有没有单位问题全部清零"])
def test_all_problems_done_asked_in_plain_words_selects_a_full_rectified_share(question):
    [plan] = read_computed_questions(question)
    assert plan.metric.key == "rectified_share" and plan.select == "condition" and plan.condition.number == 100


@pytest.mark.parametrize("question", ["哪些单位还没全部改完", "哪些单位违规吃喝问题全部整改到位了", "哪些单位完成了整改动员"])
def test_a_narrower_question_is_not_read_as_all_problems_done(question):
    assert not asks_units_all_done(question)


def test_an_act_during_a_period_asks_no_date():
    assert not profile_question("哪些单位整改期间处分了人").wants_date
    assert not profile_question("巡察期间挽回了多少").wants_date
    assert profile_question("巡察期间是什么时候").wants_date


def test_a_year_said_by_two_digits_is_searched_as_notices_write_it():
    assert with_official_terms("24年被巡的都有哪些").startswith("2024年被巡的")
    assert "2024" not in with_official_terms("在岗24年来")


def test_a_listed_unit_keeps_the_place_and_level_its_notice_writes_before_its_short_name():
    text = "1. 蘅川县卫生健康局：县卫健局党组召开专题会。[1]"
    named = name_units(text, ["蘅川县卫生健康局"], {}, {"蘅川县卫生健康局": "蘅川县卫健局"})
    assert named.startswith("1. 蘅川县卫生健康局(蘅川县卫健局)："), named
