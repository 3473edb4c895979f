"""Across-unit questions in everyday words list every unit stating the thing and no unit merely sharing a
word: "谁查出…有问题" and "…这块谁有说法" ask for units, 猫腻 and 出了岔子 say only that something went
wrong, "有人挨了…" and "给职工…" name no topic, and 乱发补助 is the notices' 违规发放…补贴; one unit's "还有什么
没弄完" lists its items still under way; a compound asked (发展党员) is met turned round (党员发展) (fictional notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.qualify import asks_which_units
from assistant.question import profile_question
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "which_colloquial"
FARM, TOWN, COLLEGE, COOP = "苘溪县农业机械服务中心", "栎阳镇", "苕川职业技术学院", "荠山县供销合作社"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


@pytest.mark.parametrize("question", ["谁被查出低保上有问题", "发展党员方面谁有说法", "谁存在违规发放补贴"])
def test_who_found_or_said_something_asks_for_units_not_a_person(question):
    assert asks_which_units(question)
    assert not profile_question(question).wants_person


@pytest.mark.parametrize("question", ["谁主持的反馈会", "谁宣读的巡察反馈意见"])
def test_who_did_something_at_a_meeting_still_asks_for_a_person(question):
    assert profile_question(question).wants_person


def test_who_was_found_with_a_problem_on_a_topic_lists_the_unit_stating_it(chain):
    answer = chain.ask("谁被查出低保上有问题")

    assert not answer.not_found
    assert "人情保" in line_of(answer.text, TOWN)
    assert not any(line_of(answer.text, unit) for unit in (FARM, COLLEGE, COOP))


@pytest.mark.parametrize("question", ["哪几家在工程上藏着猫腻", "搞工程出了岔子的有谁"])
def test_something_wrong_said_colloquially_keeps_only_the_thing_as_topic(chain, question):
    answer = chain.ask(question)

    assert "规避公开招标" in line_of(answer.text, FARM)
    assert "超出概算" in line_of(answer.text, COLLEGE)
    assert not line_of(answer.text, TOWN) and not line_of(answer.text, COOP)


@pytest.mark.parametrize("question", ["有干部受了诫勉的是哪几家", "有人被诫勉的有哪些"])
def test_someone_sanctioned_lists_every_unit_stating_the_sanction(chain, question):
    answer = chain.ask(question)

    assert line_of(answer.text, FARM) and line_of(answer.text, COLLEGE)
    assert not line_of(answer.text, TOWN) and not line_of(answer.text, COOP)


def test_allowances_handed_out_improperly_meet_every_word_for_the_money(chain):
    answer = chain.ask("哪几家给职工乱发补助")

    assert "交通补贴" in line_of(answer.text, TOWN)  # asked 补助, written 补贴
    assert "值班补助" in line_of(answer.text, FARM)
    assert not line_of(answer.text, COOP)  # 发放种粮补贴 is a payment made, not one made improperly


def test_what_one_unit_has_left_lists_its_items_still_under_way(chain):
    answer = chain.ask("苕川职业技术学院还有什么没弄完")

    assert "实训基地共享平台建设滞后" in answer.text
    assert "校企合作育人机制" in answer.text  # 整改状态：持续推进


def test_measures_asked_of_one_named_unit_stay_that_units(chain):
    answer = chain.ask("苕川职业技术学院在工程上采取了哪些措施")

    assert "结算复审" in answer.text
    assert FARM not in answer.text and not line_of(answer.text, COLLEGE)  # its own answer, not a list of units


def test_a_compound_asked_meets_units_writing_its_halves_turned_round(chain):
    answer = chain.ask("发展党员这块谁有说法")

    assert "未按规定公示" in line_of(answer.text, COLLEGE)  # 发展党员, as asked
    assert "党员发展把关不严" in line_of(answer.text, TOWN)  # 党员发展, turned round
    assert not line_of(answer.text, FARM) and not line_of(answer.text, COOP)


def test_someone_taking_a_sanction_names_only_the_sanction(chain):
    answer = chain.ask("有干部吃了处分的是哪几家")

    assert "党纪处分1人" in line_of(answer.text, COLLEGE)
    assert not any(line_of(answer.text, unit) for unit in (FARM, TOWN, COOP))
