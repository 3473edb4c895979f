"""One unit's amounts named in a question, added up on a fictional notice: each named item meets its own
figure (plain words as notices write them), every part is cited, and an item the notice lacks is named."""

from __future__ import annotations

import pytest

from assistant.unit_sum import answer_unit_sum, listed_items
from assistant.verify import verify_answer
from index.lexical import ChineseTokenizer

UNIT = "青禾市安和医院"
NOTICE = (
    "青禾市安和医院党委关于巡察整改情况的通报\n\n"
    "整改中,医院退还患者多收费用12.5万元,追回违规报销的培训费3.25万元,清退超标准发放的值班补贴4.1万元。"
    "另节约采购资金60万元。\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"anhe.txt": NOTICE})


def _ask(catalogue, question: str):
    notices, records, texts = catalogue
    spans = [(m.start(), m.end()) for m in __import__("re").finditer("安和医院", question)]
    answer = answer_unit_sum(question, question, UNIT, spans, notices, records, texts.get, ChineseTokenizer().tokenize)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_named_amounts_are_matched_and_added_with_each_part_cited(catalogue):
    answer = _ask(catalogue, "安和医院退给病人的、追回报销的、清退值班补贴的,三笔加起来多少?")

    lines = answer.text.splitlines()
    assert lines[0] == f"{UNIT}3笔合计19.85万元:12.5万元+3.25万元+4.1万元=19.85万元。"
    assert lines[1].startswith("- 退给病人的:退还患者多收费用12.5万元[")  # 退给 meets 退还, not 节约采购资金
    assert "60万元" not in answer.text


def test_an_item_the_notice_lacks_is_named_not_guessed(catalogue):
    answer = _ask(catalogue, "安和医院追回报销的和罚没股票的,加起来多少?")
    assert answer is None  # one amount found: nothing to add up, the passage answer quotes it

    answer = _ask(catalogue, "安和医院追回报销的、清退值班补贴的、罚没股票的,一共多少?")
    assert answer.text.splitlines()[0] == f"{UNIT}2笔合计7.35万元:3.25万元+4.1万元=7.35万元。"
    assert answer.text.splitlines()[-1] == f"注:罚没股票的在{UNIT}的通报中未找到对应的金额,未计入。"


def test_only_a_listed_sum_is_read():
    assert listed_items("安和医院退给病人的、追回报销的,两笔加起来多少?", [(0, 4)]) == ["退给病人的", "追回报销的"]
    assert listed_items("安和医院一共追回了多少钱?", [(0, 4)]) == []
    assert listed_items("安和医院和长岭镇一共追回了多少钱?", [(0, 4)]) == []
