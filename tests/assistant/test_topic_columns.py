"""Comparisons on a topic in the user's own words (fictional notices): the topic's sentences, not a count of all
problems; what was found or what was done, as asked; units named by a shorter kind word; no unit not named."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.computed_question import read_computed_questions
from assistant.semantic import question_topic
from assistant.topic_words import framed_topic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "topic_columns"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_a_topic_the_question_frames_itself_in_is_read():
    assert framed_topic("合同这块,甲公司和乙局谁的问题大点") == "合同"
    assert framed_topic("甲镇和乙镇在公车上都被说了啥") == "公车"
    assert framed_topic("甲和乙在党建方面谁的问题多") == "党建"
    assert framed_topic("意识形态那块两个局咋改的") == "意识形态"
    assert framed_topic("甲和乙谁的问题多") == ""
    assert framed_topic("上半年谁的问题多") == ""


def test_who_has_the_bigger_problem_on_a_topic_is_no_count_of_all_problems():
    assert read_computed_questions("合同这块,甲公司和乙局谁的问题大点") == []
    assert read_computed_questions("在食堂方面甲和乙谁的问题更严重") == []
    assert read_computed_questions("档案上甲和乙谁的问题多些") == []
    # A count asked outright, or no topic: the notices' figures answer.
    assert [p.metric.key for p in read_computed_questions("合同这块甲和乙谁的问题多,多几个")] == ["problems"]
    assert [p.metric.key for p in read_computed_questions("甲和乙谁的问题多")] == ["problems"]


def test_the_topic_keeps_words_holding_a_connector_character():
    assert "合同" in question_topic("合同 , 谁的问题大点", [])
    assert "及时" in question_topic("归档不及时 ", [])
    assert "整合" in question_topic("区里的平台公司咋整合的 蘅川和棠溪", [])  # 咋整 asks how; 整合 is the topic
    assert "整" not in question_topic("两家食堂咋整的", [])


def test_who_has_the_bigger_problem_quotes_each_units_finding_on_the_topic(chain):
    answer = chain.ask("合同这块,松禾粮储公司和澜溪文旅局谁的问题大点")

    assert "计算过程" not in answer.text and "问题6个" not in answer.text  # no count of all problems
    assert "到期后未续签" in answer.text  # the 问题二: line, not only its measures
    assert "无法律顾问审核" in answer.text


def test_how_was_it_fixed_quotes_the_measure_after_a_finding(chain):
    answer = chain.ask("意识形态那块松禾粮储公司和澜溪文旅局咋改的")

    assert "查处违规经营单位4家" in answer.text  # the sentence after 巡察指出…, though it says no topic word
    assert "每季度专题研判一次" in answer.text


def test_what_was_said_quotes_the_finding_before_a_measure(chain):
    answer = chain.ask("档案方面,松禾粮储公司和澜溪文旅局各被说了啥")

    assert "凭证装订不及时" in answer.text  # the 问题四: line over its 整改结果
    assert "未移交区档案馆" in answer.text


def test_units_named_by_a_shorter_kind_word_are_compared_and_no_other_unit_is_quoted(chain):
    answer = chain.ask("家底不清这事儿,松禾粮库公司跟潭山中心校比比")

    assert "潭山县潭山镇中心小学" in answer.text and "松禾县粮食储备有限公司" in answer.text
    assert "槐阳" not in answer.text  # 中心 of 潭山中心校 is not the 槐阳 centre's bare alias
    assert "建立资产卡片" in answer.text
