"""Follow-ups that switch unit over FICTIONAL notices: a word of a round's section unit as the ingest names it, a
clause restating the named unit's kind, a space between the switch and a new question; and what is still under
way of a round's unit, read from its own section."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.followup import condense_with_rules
from assistant.plain_words import official_terms
from assistant.units import UnitDirectory
from index.catalog import NoticeRow
from index.documents import NoticeMetadata
from index.section_units import section_units

ROUND = """关于县委第一轮巡察三个被巡察单位整改情况的通报

2024年3月1日至4月30日，县委第一轮巡察对县档案馆、县退役军人事务局、县机关事务服务中心3个单位开展了常规巡察。现将有关情况通报如下。

一、蘅川县档案馆

（一）基本情况。县委第一巡察组于2024年5月10日反馈巡察意见，指出3个方面10个问题。截至2024年8月31日，已完成整改9个，整改完成率90%；“馆藏档案数字化”1个问题需长期推进。

二、蘅川县退役军人事务局

（一）基本情况。县委第二巡察组于2024年5月11日反馈巡察意见，指出4个方面16个问题。截至2024年8月31日，已完成整改14个，整改完成率87.5%；尚未完成的2个问题为烈士陵园修缮工程结算、双拥服务站建设，正在按计划推进。

三、蘅川县机关事务服务中心

（一）基本情况。县委第三巡察组于2024年5月12日反馈巡察意见，指出3个方面8个问题。截至2024年8月31日，已完成整改7个，整改完成率87.5%；“公务用车统一调度”1个问题正在推进中。

中共蘅川县委巡察工作领导小组办公室
2024年9月20日
"""
FILED, VETERANS, OFFICES, DATA = "蘅川县档案馆", "蘅川县退役军人事务局", "蘅川县机关事务服务中心", "棠溪县数据局"
ZONE = "棠溪经济开发区"
HISTORY = [{"role": "user", "content": f"{DATA}整改完成了几个问题?"}, {"role": "assistant", "content": "完成了10个。"}]


def directory() -> UnitDirectory:
    names = [n for part in section_units(ROUND, FILED) for n in part.names]  # as the ingest stores them
    rows = [NoticeRow("n0", "/0.txt", "0.txt", "", FILED, NoticeMetadata(unit=FILED, sub_units=names), 1, "ready", 0)]
    rows += [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", u, NoticeMetadata(unit=u), 1, "ready", 0)
             for i, u in ((1, DATA), (2, ZONE))]
    return UnitDirectory(rows)


def test_a_word_of_a_section_units_name_is_that_unit_when_the_round_names_its_bare_forms():
    assert condense_with_rules(HISTORY, "那退役军人那个呢", directory()) == f"{VETERANS}整改完成了几个问题?"
    assert condense_with_rules(HISTORY, "机关事务那个呢", directory()) == f"{OFFICES}整改完成了几个问题?"


def test_a_clause_pointing_at_the_named_units_kind_adds_nothing():
    assert condense_with_rules(HISTORY, "那个开发区呢 棠溪", directory()) == f"{ZONE}整改完成了几个问题?"


def test_a_switch_parted_by_a_space_from_a_new_question_asks_that_question_of_the_unit():
    condensed = condense_with_rules(HISTORY, "换成棠溪经开区 环保那块呢", directory())
    assert condensed.startswith("棠溪经开区") and "环保" in condensed and DATA not in condensed


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("round.txt", ROUND)


def test_what_a_round_unit_has_left_is_read_from_its_own_section(chain):
    answer = chain.ask("退役军人事务局还有几个没改完")
    assert "烈士陵园" in answer.text and "公务用车统一调度" not in answer.text and "馆藏档案" not in answer.text
    assert answer.text.startswith(VETERANS)


def test_an_item_needing_long_work_is_still_under_way(chain):
    answer = chain.ask("档案馆还有啥没改完")
    assert "馆藏档案数字化" in answer.text and "烈士陵园" not in answer.text


def test_plain_words_for_people_dealt_with_and_staff_short():
    assert {"批评教育", "谈话提醒"} <= set(official_terms("那个村处理了人没有"))
    assert "编制" in official_terms("干部不够咋弄的")
    assert official_terms("村里的路修好了吗") == []
