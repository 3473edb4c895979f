"""Follow-ups about a figure: compared with another unit, asked again bare, or about the units just listed."""

from __future__ import annotations

import pytest

from assistant.answer_builder import NO_CONTENT_UNITS
from assistant.chain import AnswerChain
from assistant.followup import condense_with_rules
from tests.assistant.test_followup import directory

DONGHU = "东湖高新产业园"
YUNLING = "青禾市云岭区"


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


@pytest.mark.parametrize("follow_up", ["比东湖多还是少?", "东湖比它多还是少?", "东湖多吗?", "跟东湖比呢?"])
def test_more_or_fewer_than_another_unit_compares_the_previous_figure(follow_up):
    history = _exchange("云岭区巡察发现了多少问题?", "18个问题[1]")

    standalone = condense_with_rules(history, follow_up, directory())

    assert standalone.endswith("巡察发现了多少问题?哪个更多?")
    assert YUNLING in standalone and DONGHU in standalone


def test_which_is_more_names_the_figure_the_previous_question_asked_for():
    history = _exchange("云岭区清退了多少津补贴?", "12.6万元[1]", "东湖也清退了吗?", "3.2万元[1]")

    assert condense_with_rules(history, "哪个多?", directory()) == f"{YUNLING}和{DONGHU}清退了多少津补贴?哪个多?"


@pytest.mark.parametrize("follow_up", ["两个谁快?", "哪家最多?", "这两家里谁更早?", "两家加起来多少?", "它们一共多少天?"])
def test_which_of_the_two_in_other_words_names_the_previous_figure(follow_up):
    history = _exchange("云岭区从反馈到发通报用了多少天?", "98天[1]", "那东湖呢?", "157天[1]")

    standalone = condense_with_rules(history, follow_up, directory())

    assert standalone == f"{YUNLING}和{DONGHU}从反馈到发通报用了多少天?{follow_up}"


def test_how_many_were_fixed_after_how_many_found_asks_the_rectified_not_the_found():
    history = _exchange("云岭区巡察发现了多少问题?", "18个问题[1]")

    assert "发现" not in condense_with_rules(history, "改了多少?", directory())


def test_the_figure_at_an_earlier_time_asks_the_previous_figure():
    history = _exchange("云岭区清退津补贴多少钱?", "截至2024年3月,清退津补贴3.2万元[1]")

    standalone = condense_with_rules(history, "去年年底那会儿是多少", directory())

    assert standalone.startswith(YUNLING) and "清退津补贴" in standalone


def test_a_first_ask_naming_no_figure_carries_the_previous_figure_however_long_the_rest():
    history = _exchange("云岭区固定资产没入账的有多少?", "应入未入固定资产3.3万元[1]")

    standalone = condense_with_rules(history, "后来查实是多少?差的那部分为啥没入账", directory())

    assert standalone.startswith(YUNLING) and "固定资产" in standalone
    # a first ask naming its own thing ("投用几所") keeps to it
    history = _exchange("云岭区这几年建了多少学校?", "新建学校35所[1]")
    assert "这几年" not in condense_with_rules(history, "今年还打算再投用几所?多出多少学位?", directory())


def test_money_pointed_at_after_a_turn_naming_no_known_unit_still_carries_its_clause():
    history = _exchange("村里扶持资金有多少没花出去?", "区财政安排的230万元扶持资金未实际支出。")

    standalone = condense_with_rules(history, "那钱后来拨下去了吗?", directory())

    assert "230万元扶持资金" in standalone


def test_a_bare_how_many_for_a_new_unit_asks_the_previous_question_of_it():
    history = _exchange("云岭区巡察发现了多少问题?", "18个问题[1]")

    assert condense_with_rules(history, "那东湖多少?", directory()) == f"{DONGHU}巡察发现了多少问题?"


def test_each_how_many_after_a_which_units_answer_covers_the_units_it_listed():
    listed = f"共有1个单位的通报涉及此问题：\n1. {DONGHU}：建立制度3项[1]\n{NO_CONTENT_UNITS}：{YUNLING}。"
    history = _exchange("哪些单位建立了制度?", listed)

    standalone = condense_with_rules(history, "各建了多少项?", directory())

    assert standalone.startswith(f"{DONGHU}:") and YUNLING not in standalone
    assert standalone.endswith("(建立了制度)")


@pytest.fixture
def chain(ingested) -> AnswerChain:
    return AnswerChain(ingested)


def test_another_unit_more_or_fewer_is_computed_with_both_figures_cited(chain, history):
    first = chain.ask("云岭区巡察发现了多少问题?")

    answer = chain.ask("东湖比它多还是少?", history=history(first))

    assert answer.text.splitlines()[0] == f"{DONGHU}反馈问题23项,比{YUNLING}(18项)多5项。"
    assert len(answer.citations) == 2


def test_which_did_better_after_two_units_progress_compares_the_rectified_share(chain, history):
    first = chain.ask("云岭区整改完成了多少?")
    second = chain.ask("那东湖呢?", history=history(first))

    answer = chain.ask("哪个完成得更好?", history=history(first) + history(second))

    assert "16÷18=88.9%" in answer.text and "20÷23=87%" in answer.text
    assert answer.text.startswith(f"{YUNLING}整改完成比例为88.9%")


@pytest.mark.parametrize("follow_up", ["换成东湖高新产业园,它改了几项?", "那东湖呢,它改了几项?", "换成东湖,改了几项?"])
def test_switch_then_ask_is_the_question_asked_of_the_new_unit(follow_up):
    history = _exchange("云岭区整改完成了多少?", "整改到位16个[1]")

    standalone = condense_with_rules(history, follow_up, directory())

    assert standalone.startswith("东湖") and standalone.endswith("改了几项?") and "它" not in standalone


def test_how_a_named_unit_did_it_carries_the_topic_just_asked_about():
    history = _exchange("哪几个单位提到了整治形式主义?", f"共有2个单位的通报涉及此问题：\n1. {YUNLING}：…[1]\n2. {DONGHU}：…[2]")

    standalone = condense_with_rules(history, "云岭区具体怎么做的?", directory())

    assert standalone.startswith(YUNLING) and "整治形式主义" in standalone and "哪几个单位" not in standalone
    assert condense_with_rules(history, "云岭区的食堂怎么整改的?", directory()) == "云岭区的食堂怎么整改的?"  # a topic of its own
