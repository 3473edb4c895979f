"""Follow-ups asking the largest of the amounts the last answer's figure is made of, on a fictional notice."""

from __future__ import annotations

import pytest

from assistant.followup_largest import answer_largest_part, asks_largest_part
from assistant.verify import verify_answer

NOTICE = (
    "中共青柳街道工作委员会关于巡察整改情况的通报\n\n"
    "巡察指出固定资产管理不规范。2021年1月至2022年6月购置固定资产共计96000元,"
    "其中应入未入固定资产8600元,包括购置打印机1200元,会议室桌椅5400元,档案柜2000元。"
    "目前已全部登记入账。\n"
)
HISTORY = [{"role": "user", "content": "青柳街道有多少固定资产没入账"},
           {"role": "assistant", "content": "应入未入固定资产8600元。"}]


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"qingliu.txt": NOTICE})


def _ask(catalogue, question: str, history=HISTORY):
    notices, _, texts = catalogue
    ids = [n.notice_id for n in notices]
    answer = answer_largest_part(question, question, history, ids, texts.get, lambda i: ("通报", "青柳街道"))
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_the_largest_listed_part_of_the_last_amount_is_named_and_cited(catalogue):
    answer = _ask(catalogue, "里面最大一笔是啥")
    assert answer.text.startswith("最大一笔是会议室桌椅5400元[1]")
    assert "档案柜2000元" in answer.text and "96000元" not in answer.text


def test_a_last_answer_with_no_listed_amounts_is_not_answered(catalogue):
    assert _ask(catalogue, "哪笔最多", [{"role": "assistant", "content": "档案柜2000元。"}]) is None  # nothing listed after it
    assert _ask(catalogue, "哪笔最多", [{"role": "assistant", "content": "整改了3个问题。"}]) is None


def test_only_the_largest_of_a_listing_is_read():
    assert asks_largest_part("哪笔最多", False) and asks_largest_part("里面最大一笔是啥", False)
    assert not asks_largest_part("哪个单位最多", False) and not asks_largest_part("青柳街道哪笔最多", True)


NOTED = (
    "中共蘅川县棠溪镇委员会关于巡察整改情况的通报\n\n"
    "原始凭证不规范。2022年共有涉及金额5210元凭证不合规入账,其中3月报销防汛值班用餐1320元(4餐只写人数,未写人名)、"
    "5月报销植树加班用餐760元(2餐未写人数、未写人名)、8月报销防汛加班开支3130元(9餐只写人数未写人名)。\n"
)


def test_a_part_is_its_whole_clause_with_its_note_never_cut_at_a_comma_inside_a_note(stored):
    notices, _, texts = stored({"tangxi.txt": NOTED})
    history = [{"role": "assistant", "content": "共5210元凭证不合规入账。"}]
    answer = answer_largest_part("最大那笔是啥", "最大那笔是啥", history, [n.notice_id for n in notices], texts.get,
                                 lambda i: ("通报", "棠溪镇"))
    assert answer.text.startswith("最大一笔是8月报销防汛加班开支3130元(9餐只写人数未写人名)[1]")
    assert "3月报销防汛值班用餐1320元(4餐只写人数,未写人名)[2]" in answer.text
    assert "5月报销植树加班用餐760元(2餐未写人数、未写人名)[3]" in answer.text
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)
