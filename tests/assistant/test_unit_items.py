"""Comparisons naming a different item per unit, and counts of things no record family holds, on fictional
notices: each unit's figure is the item named after it, and "谁的村(社区)多" compares the stated counts."""

from __future__ import annotations

import re

import pytest

from assistant.computed_answer import answer_computed
from assistant.unit_items import items_by_unit, narrowings
from assistant.verify import verify_answer
from index.lexical import ChineseTokenizer

ANHE, LINGXI = "青禾市安和镇", "青禾市灵溪街道"
NOTICES = {
    "anhe.txt": (
        "青禾市安和镇党委关于巡察整改情况的通报\n\n"
        "整改中,追回违规发放的值班补贴68000元。针对向外单位人员发放讲课报酬问题,当事人已主动完成清退36000元。"
        "全镇19个村(社区)均已完成整改。\n"
    ),
    "lingxi.txt": (
        "青禾市灵溪街道党工委关于巡察整改情况的通报\n\n"
        "整改中,清退违规收取的管理费150000元,1名干部主动上交违纪所得14000元。辖区7个村(社区)开展了自查。\n"
    ),
}


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _mentions(question: str) -> list[tuple[int, int, str]]:
    names = {"安和": ANHE, "灵溪": LINGXI}
    return sorted((m.start(), m.end(), names[m.group(0)]) for m in re.finditer("安和|灵溪", question))


def _ask(catalogue, question: str):
    notices, records, texts = catalogue
    narrowed = narrowings(question, _mentions(question), ChineseTokenizer().tokenize)
    answer = answer_computed(question, question, [ANHE, LINGXI], notices, records, texts.get, narrowed)
    assert answer is not None
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_each_unit_is_held_to_the_item_named_after_it(catalogue):
    answer = _ask(catalogue, "安和那个清退的报酬比灵溪上交的违纪所得多多少")

    first = answer.text.splitlines()[0]
    assert "3.6万元" in first and "1.4万元" in first and "多2.2万元(即22000元)" in first, first
    assert "68000" not in answer.text and "150000" not in answer.text  # larger figures of other items stay out


def test_one_item_named_for_both_units_narrows_nothing():
    question = "安和和灵溪追回的钱差多少"
    assert items_by_unit(question, _mentions(question)) == {}


def test_counts_of_a_thing_no_family_holds_are_compared(catalogue):
    answer = _ask(catalogue, "安和和灵溪谁的村(社区)多?多几个")

    assert answer.text.splitlines()[0] == f"{ANHE}的村(社区)有19个,比{LINGXI}(7个)多12个。"
    assert "19个村(社区)" in answer.text and "7个村(社区)" in answer.text


def test_a_rectified_share_cites_the_total_stated_beside_the_rectified_count(stored):
    text = ("青禾市安和镇党委关于巡察整改情况的通报\n\n镇党委收到巡察反馈的15个问题后,逐项制定措施。\n"
            "一、主要整改数据\n反馈问题        15个\n已完成整改      12个\n正在整改        3个\n")
    lingxi = "青禾市灵溪街道党工委关于巡察整改情况的通报\n\n反馈的10个问题已完成整改10个。\n"
    notices, records, texts = stored({"anhe.txt": text, "lingxi.txt": lingxi})
    answer = answer_computed("安和和灵溪哪家整改完成率高", "安和和灵溪哪家整改完成率高", [ANHE, LINGXI],
                             notices, records, texts.get)

    total = next(c for c in answer.citations if c.unit == ANHE and "15" in c.quote)
    assert total.start == text.index("15个", text.index("反馈问题")), total  # the table's row, not the intro
