"""Answers that keep every part of what was asked: each counted thing, the figure beside a ；-clause,
a table's neighbouring rows, a heading's measures in order, a figure the notice states twice."""

from __future__ import annotations

import pytest

from assistant.asked_parts import counted_things
from assistant.chain import AnswerChain
from assistant.quote_spans import table_rows, whole_sentence

# A FICTIONAL notice: a count stated far from another count, a ；-list whose figure sits in the
# clause before the one matching the question, a measures list whose second point holds the figures,
# and sanctions stated twice with different numbers.
NOTICE = """中共青禾市芦湾镇委员会关于巡察整改情况的通报

2023年4月3日至5月26日,县委第一巡察组对芦湾镇进行了巡察,并于2023年6月20日反馈了巡察意见。

一、提高站位,压实责任

镇党委召开专题会议研究部署,明确9个责任办所整改任务,由班子成员分片包干。

各村党组织书记逐一签订整改责任书,确保整改不走过场。

二、健全机制,统筹推进

镇党委将反馈的14个问题细化为40项整改任务,逐项明确责任领导、责任办所和整改时限;建立周调度、月通报、台账销号等6项工作机制,确保高质高效完成各项整改任务。

三、具体问题整改情况

(一)对主要负责人监督不到位

整改情况:修订《镇党委会议事规则》,明确党委前置研究事项清单21项;落实镇党委书记末位表态制度;纪委书记列席党委会。

(二)河道保洁管理不到位,保洁责任落实不够。

整改措施:一是强化组织领导。制定河道保洁管理实施方案,将全镇河道划分为34个保洁段,明确镇村两级河道保洁管理责任。二是落实河道保洁管理经费62万元,列入年度预算。三是组建专职队伍,每段配备人员。四是建立巡查通报制度,每月通报一次。五是开展专项督查。六是开展业务培训。

四、追责问责

对违规违纪问题,立案3件,给予党纪处分2人;诫勉谈话4人,批评教育11人。

五、下一步工作

截至目前,共给予党纪政务处分7人。镇党委将持续抓好整改。

中共青禾市芦湾镇委员会
2023年10月8日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("luwan.txt", NOTICE)


def test_each_count_asked_by_name_is_quoted_where_the_notice_states_it(chain):
    answer = chain.ask("芦湾镇明确了几个责任办所、建立了几项工作机制?")

    assert "9个责任办所" in answer.text
    assert "6项工作机制" in answer.text
    assert all(c.verified for c in answer.citations)


def test_a_clause_cut_at_a_semicolon_keeps_the_figure_beside_it(chain):
    answer = chain.ask("芦湾镇是怎么落实书记末位表态的?")

    assert "末位表态" in answer.text
    assert "前置研究事项清单21项" in answer.text  # the clause before the ；, in the same sentence


def test_measures_under_a_heading_are_listed_whole_and_in_order(chain):
    answer = chain.ask("芦湾镇在河道保洁上采取了哪些措施?")

    for figure in ("34个保洁段", "62万元"):
        assert figure in answer.text
    points = [answer.text.index(p) for p in ("一是", "二是", "三是", "四是")]
    assert points == sorted(points)


def test_a_figure_the_notice_states_twice_differently_is_shown_both_ways(chain):
    answer = chain.ask("芦湾镇给了几个人党纪政务处分?")

    assert "给予党纪处分2人" in answer.text
    assert "共给予党纪政务处分7人" in answer.text
    assert "不同的数字" in answer.text
    assert len(answer.citations) == 2 and all(c.verified for c in answer.citations)


def test_the_counts_a_question_names_become_patterns_for_the_figures():
    found = [p.pattern for p in counted_things("定了几个牵头单位、几项工作机制?多少钱?几个人被诫勉?")]

    assert len(found) == 2
    assert counted_things("定了几个牵头单位")[0].search("明确17个牵头单位整改任务")
    assert not counted_things("定了几个牵头单位")[0].search("明确牵头单位17个")


def test_a_short_sentence_is_quoted_whole_and_a_long_one_keeps_its_clause():
    text = "首句。修订规则,明确清单21项;落实末位表态;纪委列席。下一句。"
    clause_start = text.index("落实")
    clause_end = text.index("；") if "；" in text else text.index(";", clause_start) + 1

    assert text[slice(*whole_sentence(text, clause_start, clause_end, 40))] == "修订规则,明确清单21项;落实末位表态;纪委列席。"
    assert whole_sentence(text, clause_start, clause_end, 10) == (clause_start, clause_end)


def test_a_table_row_brings_the_neighbouring_rows_asked_about():
    text = "主要数据\n序号\t指标\t数值\n1\t反馈问题\t15个\n2\t已完成整改\t13个\n3\t正在整改\t2个\n4\t追回资金\t8万元\n"
    row = text.index("3\t正在整改")

    start, end = table_rows(text, row, text.index("\n", row), lambda line: "整改" in line, 4)

    assert text[start:end] == "2\t已完成整改\t13个\n3\t正在整改\t2个"
