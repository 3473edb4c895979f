"""What a numbered item says, asked of a notice that lists some items by number alone."""

from __future__ import annotations

import pytest

from assistant.numbered_items import asks_numbered_item

# A FICTIONAL bureau notice: problems 1.-3. set out, problems 4 and 5 named only by number in a grouping line.
NUMBERED = """中共黎塘县水利局党组关于巡察整改情况的通报

县委第一巡察组反馈问题5个,已全部完成整改。
1.河道采砂监管不到位。整改清单:开展专项整治,查处非法采砂3起。
2.水利工程质量抽检比例偏低。整改清单:抽检比例提高到30%。
3.防汛物资台账不全。整改清单:重新盘点建账。
整改完成情况:立行立改类(3个):第1、4、5个问题;限期整改类(2个):第2、3个问题。
"""


@pytest.mark.parametrize("asked", ["水利局第5个问题具体是啥", "黎塘水利局第五个问题说的什么"])
def test_an_item_named_only_by_its_number_is_said_not_to_be_stated(chain_over, asked):
    chain = chain_over("litang_shuili.txt", NUMBERED)

    answer = chain.ask(asked)

    assert answer.not_found and answer.answerer == "extractive:numbered-item"
    assert "第5个问题" in answer.text
    assert answer.citations and all(c.verified for c in answer.citations)  # the line naming the number


def test_an_item_the_notice_sets_out_is_answered(chain_over):
    chain = chain_over("litang_shuili.txt", NUMBERED)

    answer = chain.ask("水利局第2个问题具体是啥")

    assert answer.answerer != "extractive:numbered-item"


def test_an_ordinal_of_no_item_is_not_read_as_asking_an_item():
    assert asks_numbered_item("第二轮巡察是什么时候") is None
    assert asks_numbered_item("第一巡察组反馈了什么") is None
    assert asks_numbered_item("第13个问题整改了吗") is None
    assert asks_numbered_item("第十三个问题讲的什么?").number == 13
