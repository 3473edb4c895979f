"""Follow-ups asking what the sentence of the last answer's figure says around it: a part of a counted figure, the
campaign a measure was carried out in (FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共棠溪镇委员会关于巡察整改情况的通报

一、聚焦产业发展
全镇现有规模以上企业16家,其中有5家企业2023年产值超5000万元。镇党委组织开展企业帮扶走访,解决问题23个。

二、聚焦作风建设
深入开展“严作风,优服务”作风建设专项行动,对全镇318名干部开展违规经商办企业情况排查,并签订承诺书。
对镇属4个站所开展财务检查,发现问题9个,已整改7个。

中共棠溪镇委员会
2024年7月1日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("tangxi.txt", NOTICE)


def test_a_part_of_a_counted_figure_is_quoted_from_its_sentence(chain):
    history = [{"role": "user", "content": "棠溪镇规上企业有多少"},
               {"role": "assistant", "content": "棠溪镇：全镇现有规模以上企业16家。"}]
    answer = chain.ask("这16家里产值超5000万的有几家", history=history)

    assert "5家" in answer.text and not answer.not_found
    assert all(c.verified for c in answer.citations)


def test_the_campaign_a_measure_was_carried_out_in_is_named(chain):
    history = [{"role": "user", "content": "棠溪镇查过干部经商没有"},
               {"role": "assistant", "content": "棠溪镇：对全镇318名干部开展违规经商办企业情况排查。"}]
    answer = chain.ask("这是哪个专项行动里搞的", history=history)

    assert "严作风,优服务" in answer.text and not answer.not_found


def test_no_campaign_is_named_when_the_figure_sentence_names_none(chain):
    history = [{"role": "user", "content": "棠溪镇财务检查咋样"},
               {"role": "assistant", "content": "棠溪镇：对镇属4个站所开展财务检查,发现问题9个。"}]
    answer = chain.ask("这是哪个专项行动里搞的", history=history)

    assert "是在“严作风,优服务”" not in answer.text
