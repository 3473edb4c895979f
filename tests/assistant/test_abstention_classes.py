"""Answer when a passage states the asked thing, abstain when it does not (fictional notices in several house styles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).parents[1] / "fixtures" / "abstention"
NOT_FOUND = "通报中未找到相关内容"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_a_name_asked_of_a_post_the_notice_leaves_unnamed_is_not_answered(chain):
    answer = chain.ask("河湾街道党工委书记叫啥?")  # the notice only says 由街道党工委书记任组长
    assert answer.not_found and answer.text.startswith(NOT_FOUND)


def test_who_handles_something_is_answered_by_the_name_after_a_post(chain):
    answer = chain.ask("河湾街道整改的日常协调是谁在管?")
    assert not answer.not_found and "邵启明" in answer.text


def test_a_follow_up_asking_when_it_will_be_done_quotes_the_deadline(chain, history):
    first = chain.ask("河湾街道集贸市场雨棚改造怎么样了?")
    answer = chain.ask("那个啥时候能弄好", history=history(first))
    assert not answer.not_found and "2024年11月底前完成" in answer.text


def test_a_shortened_word_meets_the_notices_long_form(chain):
    answer = chain.ask("河湾街道的公厕现在有多少座?")  # the notice writes 公共厕所
    assert not answer.not_found and "12座" in answer.text


def test_how_many_are_left_is_answered_by_the_progress_sentence(chain):
    answer = chain.ask("河湾街道还有几个问题没改完?")
    assert not answer.not_found and "阶段性完成3个" in answer.text


def test_whether_a_payment_was_recovered_is_not_answered_by_the_payment_itself(chain):
    answer = chain.ask("河湾街道提前付出去的那笔绿化款后来追回来了吗?")  # the notice never says it was
    assert answer.not_found and "慰问金" not in answer.text.split("相关但未直接回答")[0]


def test_who_spoke_for_the_inspection_team_is_its_leader_delivering_the_feedback(chain):
    answer = chain.ask("临渡镇反馈会上是谁代表巡察组讲的?")
    assert not answer.not_found and "韩立群" in answer.text


def test_a_comparison_of_who_chaired_each_meeting_names_both_chairs(chain):
    answer = chain.ask("临渡镇和石榴镇的反馈会,分别是谁主持的?")
    assert not answer.not_found and "贺明远" in answer.text and "蒲志强" in answer.text


def test_a_place_and_a_bare_organ_is_the_unit_whose_notice_names_the_place(chain):
    answer = chain.ask("青禾园林局整改中新建了多少个口袋公园?")
    assert not answer.not_found and "口袋公园9个" in answer.text
    assert "青禾园林局" in answer.notice and "市园林局" in answer.notice


def test_a_bare_organ_of_another_place_stays_unknown(chain):
    answer = chain.ask("桐江园林局整改中新建了多少个口袋公园?")  # the 园林局's notice names 青禾, not 桐江
    assert answer.not_found and "桐江园林局" in answer.text


def test_a_place_only_mentioned_is_answered_from_the_notice_mentioning_it_not_a_unit_sharing_its_tail(chain):
    answer = chain.ask("蓼中区巡察移交的问题线索办结了多少?")  # 中区 is not 枫林城市中心区
    assert not answer.not_found and "办结90件" in answer.text
    assert "枫林" not in answer.text and "枫林" not in answer.notice


def test_谁家_asks_which_units_not_for_a_person(chain):
    answer = chain.ask("谁家追回了违规报销的钱?")
    assert not answer.not_found and "市园林局" in answer.text and "河湾街道" in answer.text


def test_who_led_the_inspection_is_the_teams_leader_named_in_a_news_notice(chain):
    for question in ("临渡镇巡察是谁带队的?", "去临渡镇巡察的组长是谁?", "石榴镇的巡察组组长叫什么?"):
        answer = chain.ask(question)
        assert not answer.not_found and ("韩立群" in answer.text or "岳华宁" in answer.text), question


def test_the_inspection_teams_leader_is_not_the_units_own_group_leader(chain):
    answer = chain.ask("河湾街道巡察组组长是谁?")  # only 由街道党工委书记任组长 of the rectification group
    assert answer.not_found


def test_asked_when_the_feedback_came_a_notice_giving_only_the_inspection_dates_says_not_found(chain_over_folder):
    chain = chain_over_folder(FIXTURES.parent / "feedback_unstated")
    assert chain.ask("棠溪镇是哪天收到巡察反馈的").not_found  # the notice dates the inspection, not the feedback
    answer = chain.ask("棠溪镇是什么时候被巡察的")
    assert not answer.not_found and "2024年4月8日" in answer.text
