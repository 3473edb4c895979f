"""A follow-up pointing at one of two items the last answer joined ("问题5(…)和问题6(…)仍在推进"), by a word
of it ("无障碍那个"), its ordinal ("第5项") or its figure said roughly ("那4万多"), on a fictional notice: the answer is about that item only."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pointed_joined"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def _after(answer: str) -> list[dict]:
    return [{"role": "user", "content": "云港街道还有哪些没改完"}, {"role": "assistant", "content": answer}]


def test_a_word_of_one_joined_item_before_那个_asks_of_that_item(chain):
    history = _after("问题5（社区服务站无障碍设施缺失）和问题6（集体资产台账登记不全）仍在推进。")
    answer = chain.ask("无障碍那个啥时候能弄完", history=history)

    assert not answer.not_found
    assert "2024年6月底" in answer.text
    assert "台账" not in answer.standalone_question


def test_the_first_of_two_joined_ordinals_asks_of_that_item_only(chain):
    history = _after("表中第5项（无障碍设施缺失）和第6项（集体资产台账登记不全）标为推进中。")
    answer = chain.ask("第5项现在到哪一步了", history=history)

    assert "已完成3个服务站无障碍改造" in answer.text
    assert "台账" not in answer.standalone_question


def test_a_figure_said_roughly_points_at_the_item_it_rounds(chain):
    history = _after("共清退资金6.35万元，其中清退超标准通讯补贴2.1万元、清退违规收取的物业服务费4.25万元。")
    answer = chain.ask("那4万多是退给谁的", history=history)

    assert "58户居民" in answer.text
    assert "物业服务费4.25万元" in answer.standalone_question
    assert "通讯补贴" not in answer.standalone_question


def test_how_the_people_were_handled_asks_of_the_item_just_told(chain):
    history = [{"role": "user", "content": "云港街道物业费那块查出啥了"},
               {"role": "assistant", "content": "违规收取物业服务费4.25万元，已向58户居民逐户退还。"}]
    answer = chain.ask("对人咋处理的", history=history)

    assert "物业服务费" in answer.standalone_question  # read as asked of the item just told
    assert "对负有责任的物业办主任给予诫勉谈话" in answer.text
