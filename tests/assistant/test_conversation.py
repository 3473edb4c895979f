"""Conversation on the fixture notices: follow-ups that switch unit, units the library lacks."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

DONGHU = "东湖高新产业园"
YUNLING = "青禾市云岭区"


@pytest.fixture
def chain(ingested) -> AnswerChain:
    return AnswerChain(ingested)


def test_that_unit_then_follow_up_answers_the_same_topic_for_the_new_unit(chain, history):
    first = chain.ask("东湖高新产业园清退了哪些违规发放的补助?")
    assert "3.2万元" in first.text

    answer = chain.ask("那云岭区呢?", history=history(first))

    assert answer.units == [YUNLING]
    assert "12.6万元" in answer.text  # 云岭区's 津补贴 clawed back, not its most general passage
    assert all(c.unit == YUNLING for c in answer.citations)


def test_a_unit_no_notice_names_is_answered_as_not_held_with_the_closest_units(chain):
    answer = chain.ask("长岭镇清退了多少违规发放的津补贴?")

    assert answer.not_found and not answer.citations
    assert "长岭镇" in answer.text and "没有" in answer.text
    assert "12.6万元" not in answer.text  # never another unit's figure instead


def test_a_unit_only_mentioned_inside_another_notice_is_answered_from_that_mention(chain, ingested):
    answer = chain.ask("区文旅局超标准发放的津补贴清退了吗?")

    assert not answer.not_found
    assert answer.citations and all("区文旅局" in c.quote for c in answer.citations)
    assert "区文旅局" in answer.notice and "没有" in answer.notice
    for citation in answer.citations:
        assert ingested.catalog.notice_text(citation.notice_id)[citation.start : citation.end] == citation.quote


def test_a_known_unit_beside_an_unknown_one_is_answered_alone_with_a_notice(chain):
    answer = chain.ask("东湖高新产业园和长岭镇收回了多少工程款?")

    assert answer.units == [DONGHU] and "8.9万元" in answer.text
    assert "长岭镇" in answer.notice


def test_a_neighbouring_fact_is_not_an_answer(chain):
    # 柳林街道 had a 谈话提醒, not a 诫勉谈话 (which 云岭区's notice does state): nothing to quote.
    answer = chain.ask("柳林街道有几个人被诫勉谈话?")
    assert answer.not_found

    stated = chain.ask("云岭区有几个人被诫勉谈话?")
    assert not stated.not_found and "诫勉谈话2人" in stated.text


def test_a_question_for_a_name_the_notice_does_not_give_abstains(chain):
    answer = chain.ask("云岭区的区委书记叫什么名字?")
    assert answer.not_found


@pytest.mark.parametrize("question", ["东湖高新产业园在工程项目招投标方面采取了哪些措施?", "东湖高新产业园工程项目招投标这块咋改的?"])
def test_what_was_done_about_a_problem_quotes_the_measures_under_it(chain, question):
    answer = chain.ask(question)

    assert "修订园区工程项目招投标管理办法" in answer.text
    assert "收回多付工程款8.9万元" in answer.text
    assert "项目推进专班" not in answer.text  # the next problem's measures are not this one's



def test_a_comparison_in_plain_words_quotes_what_notices_word_officially(chain):
    answer = chain.ask("柳林街道和云岭区在防止一把手一个人说了算方面都做了啥?")

    quoted = [c.quote for c in answer.citations if c.unit == "青禾市云岭区柳林街道"]
    assert any("集体决策" in quote for quote in quoted)  # 一个人说了算 is written 集体决策/三重一大


def test_asked_when_a_unit_was_inspected_the_answer_also_gives_who_and_the_feedback_date(chain):
    answer = chain.ask("云岭区是什么时候被巡察的?")

    assert "2023年9月4日至11月10日" in answer.text
    assert "市委第二巡察组" in answer.text and "2023年12月15日" in answer.text


def test_which_of_two_has_more_after_a_figure_question_is_computed(chain, history):
    first = chain.ask("云岭区清退了多少违规发放的津补贴?")

    answer = chain.ask("那东湖多还是云岭多?", history=history(first))

    # 云岭区's 12.6万元 of 津补贴 against 东湖's 补助 (3.2万元 + 1.15万元), not against its 工程款
    assert answer.text.splitlines()[0] == f"{YUNLING}清退、追缴等收回的资金12.6万元,比{DONGHU}(4.35万元)多8.25万元。"
    assert "3.2+1.15=4.35万元" in answer.text and "工程款" not in answer.text


def test_a_follow_up_about_a_unit_the_library_lacks_never_answers_about_the_last_unit(chain, history):
    first = chain.ask("云岭区清退了多少违规发放的津补贴?")

    for follow_up in ("那长岭镇呢?", "长岭镇也清退了吗?"):
        answer = chain.ask(follow_up, history=history(first))
        assert answer.not_found and not answer.citations, follow_up
        assert "长岭镇" in answer.text and "12.6万元" not in answer.text


def test_津补贴_asked_is_answered_where_a_notice_says_补助(chain):
    answer = chain.ask("东湖高新产业园清退了多少违规发放的津补贴?")

    assert not answer.not_found and "3.2万元" in answer.text


def test_a_fund_no_notice_names_is_not_answered_with_another_sum(chain):
    answer = chain.ask("云岭区追回了多少医保基金?")  # 云岭区 cleared back 津补贴, no notice speaks of 医保基金

    assert answer.not_found and "12.6万元" not in answer.text.split("相关但未直接回答")[0]
