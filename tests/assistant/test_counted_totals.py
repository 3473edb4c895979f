"""Totals over units counted but not named ("三家加起来", "五家一共"), two kinds of figure asked at once
("问题和措施…加一块多少"), and days from feedback to publication for a unit told by its kind ("学院")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.counted_units import count_differs_note, units_counted
from assistant.joined_kinds import questions_per_kind
from assistant.units import asks_across_units

FIXTURES = Path(__file__).parent.parent / "fixtures" / "counted_units"


@pytest.fixture
def chain(chain_over_folder):
    return chain_over_folder(FIXTURES)


def test_units_counted_by_家_ask_across_units_but_firms_do_not():
    assert asks_across_units("追回的钱 三家加起来多少")
    assert asks_across_units("全部加起来是多少钱")
    assert not asks_across_units("查处了三家企业的违规问题")
    assert not asks_across_units("第二家是怎么清退的")
    assert units_counted("诫勉的 五家一共几个人") == 5
    assert count_differs_note("诫勉的 三家一共几个人", 3) == ""
    assert "3家" in count_differs_note("诫勉的 五家一共几个人", 3)
    assert units_counted("十二家加起来多少") == 12
    # "哪三家…" asks which units the answer finds: no count of the library is said
    assert count_differs_note("哪三家单位追回了钱", 5) == ""


def test_money_of_three_units_counted_is_added_over_every_unit_held(chain):
    answer = chain.ask("追回的钱 三家加起来多少")
    assert "57.15万元" in answer.text
    assert {c.unit for c in answer.citations} == {"蓼川学院", "茴山县水利局", "芷岭县供销合作社联合社"}
    assert "资料库中有" not in answer.text  # the count said agrees with the library


def test_a_count_of_units_other_than_held_is_said_and_answered_over_what_is_held(chain):
    answer = chain.ask("诫勉的 五家一共几个人")
    assert answer.text.startswith("问题中说“五家”,资料库中有3家单位的通报")
    assert "6人" in answer.text


def test_two_kinds_joined_each_get_their_own_total():
    kinds = [kind for kind, _ in questions_per_kind("问题和措施 水利局跟学院加一块多少")]
    assert kinds == ["反馈问题", "整改措施"]
    assert questions_per_kind("水利局跟学院整改措施一共多少") == []


def test_problems_and_measures_added_up_answers_both_totals_with_their_inputs(chain):
    answer = chain.ask("问题和措施 水利局跟学院加一块多少")
    assert "26个=11个" in answer.text and "73项=33项" in answer.text
    quotes = " ".join(c.quote for c in answer.citations)
    assert "11个问题" in quotes and "整改措施40项" in quotes


def test_days_from_feedback_to_publication_for_a_unit_told_by_its_kind_word(chain):
    answer = chain.ask("反馈到发通报 水利局和学院各隔了多久")
    assert "181天" in answer.text and "151天" in answer.text
    # the signature date is quoted with the organ that signed it
    assert any(c.quote == "中共蓼川学院委员会\n2025年8月8日" for c in answer.citations)
