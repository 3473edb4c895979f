"""Single-unit questions asked in plain words about a news-style report or a formal notice (fictional text)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.measures_answer import asks_for_measures
from assistant.question import has_person_name, profile_question
from assistant.unfinished import ASKS_UNFINISHED

REPORT = """区委第四巡察组向柳塘镇7个村党组织反馈巡察情况

来源：柳塘镇人民政府　　发布时间：2024年8月3日

根据区委统一部署,2024年4月8日至5月31日,区委第四巡察组对柳塘镇杏花村等7个村党组织进行了巡察。

2024年7月30日,区委第四巡察组组长蒲立成代表巡察组向柳塘镇党委反馈了巡察情况。

反馈会上,柳塘镇党委书记竺秀兰主持会议并作表态发言。

巡察中发现了一些问题,主要是村级财务管理不够规范、集体资产底数不清、党员教育管理松散等六个方面。

巡察组对7个村党组织提出了三点建议:要压实管党治党责任,规范村级小微权力运行。
"""

NOTICE = """中共岚溪县供销合作社委员会关于巡察整改进展情况的通报

截至2024年6月30日，5项问题中已完成整改4项，第五项正在持续推进。

第一项：财务审批程序不规范。整改情况：修订财务审批制度，已整改完成。

第五项：下属公司历史欠款清收缓慢。整改情况：成立清欠专班，逐户催收。该项计划2024年12月底前完成清收任务。

第三项：服务窗口办事来回跑。整改情况：设置了“一窗通办”服务台，群众办事少跑腿。
"""


@pytest.fixture
def report(chain_over) -> AnswerChain:
    return chain_over("liutang.txt", REPORT)


def test_how_many_areas_of_problems_is_answered_with_the_areas_count(report):
    answer = report.ask("柳塘镇那轮巡察查出了几方面的问题?")
    assert not answer.not_found and "六个方面" in answer.text


def test_who_went_to_give_the_feedback_is_answered_with_the_name(report):
    answer = report.ask("柳塘镇那几个村的巡察情况是谁去反馈的?")
    assert not answer.not_found and "蒲立成" in answer.text


def test_who_chaired_is_answered_with_a_name_of_a_rarer_surname(report):
    answer = report.ask("柳塘镇的巡察反馈会是谁主持的?")
    assert not answer.not_found and "竺秀兰" in answer.text


def test_pointing_at_named_things_is_no_count():
    assert not profile_question("那几个村的情况是谁反馈的?").wants_number
    assert profile_question("查出了几个方面的问题?").counted_in == "个?方面"


def test_a_common_word_before_a_deed_is_still_no_person():
    assert not has_person_name("原则上由分管领导主持日常工作。")


@pytest.mark.parametrize("question", ["用了哪些办法解决群众来回跑的问题?", "想了什么法子?"])
def test_asking_for_the_ways_asks_for_measures(question):
    assert asks_for_measures(question)


@pytest.mark.parametrize("question", ["食堂这块咋改的?", "那招投标上搞了啥?", "怎么弄的?", "上了啥招?", "两家各干了啥?"])
def test_spoken_ways_of_asking_what_was_done_ask_for_measures(question):
    assert asks_for_measures(question)


def test_asking_what_went_wrong_is_not_asking_for_measures():
    assert not asks_for_measures("食堂出了啥问题?")


def test_plain_words_for_not_finished_ask_what_is_open():
    assert ASKS_UNFINISHED.search("那5项里哪项还没搞完?")


def test_the_open_item_named_by_its_number_is_quoted_with_its_deadline(chain_over):
    chain = chain_over("lanxi.txt", NOTICE)
    answer = chain.ask("岚溪县供销合作社那5项里哪项还没搞完?")
    assert "历史欠款清收缓慢" in answer.text and "2024年12月底前" in answer.text
    assert "财务审批程序不规范" not in answer.text


def test_the_team_and_the_days_asked_together_are_both_answered(report):
    answer = report.ask("柳塘镇是被哪个巡察组巡的?巡了多少天?")
    assert "区委第四巡察组" in answer.text and "54天" in answer.text
    assert all(f"[{c.n}]" in answer.text for c in answer.citations)



def test_who_went_to_inspect_asks_for_the_inspecting_team():
    for question in ("柳塘镇是谁去巡的", "岚溪县供销合作社谁来巡察的?"):
        assert "inspecting_body" in profile_question(question).metadata_fields
