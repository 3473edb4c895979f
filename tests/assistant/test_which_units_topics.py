"""Which-units questions whose topic the notices write in other words (信访 asked, 来信来访 or 投诉 written)
or frame with "挨批" (criticised by the inspection, not a person's sanction), on fictional notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from langchain_core.documents import Document

from assistant.chain import AnswerChain
from assistant.evidence import Evidence
from assistant.problem_statement import with_section_finding
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "complaint_topics"
CONGRESS, BUS, TOWNSHIP = "桦川市兰溪区人大常委会机关", "桦川市三河公共交通有限公司", "桦川县樵山乡"
BUREAU, COLLEGE = "桦川县桐山医疗保障局", "桦川云河职业技术学院"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def unit_named(answer_text: str, unit: str) -> bool:
    return bool(line_of(answer_text, unit))


def test_petitions_or_complaints_find_units_writing_letters_visits_and_complaints(chain):
    answer = chain.ask("信访或者群众投诉被点到的有谁")

    assert "来信来访" in line_of(answer.text, CONGRESS)
    assert "乘客投诉" in line_of(answer.text, BUS)
    assert "信访积案" in line_of(answer.text, TOWNSHIP)
    assert not unit_named(answer.text, COLLEGE)


def test_a_topic_criticised_lists_the_units_criticised_on_it(chain):
    answer = chain.ask("营商环境挨批的是哪些")

    assert "营商环境" in line_of(answer.text, TOWNSHIP)
    assert "营商环境" in line_of(answer.text, BUREAU)
    assert not unit_named(answer.text, CONGRESS) and not unit_named(answer.text, COLLEGE)


def test_a_measure_quoted_for_the_topic_brings_its_sections_finding(chain):
    answer = chain.ask("哪些单位乱发津补贴")

    congress = line_of(answer.text, CONGRESS)
    assert "巡察指出，机关差旅费报销把关不严" in congress and "清退违规发放的考察补助" in congress
    assert congress.index("巡察指出") < congress.index("清退")  # the finding leads, in reading order


def test_a_sub_item_measure_brings_the_numbered_title_of_its_fault(chain):
    answer = chain.ask("安全隐患被点名的哪些")

    assert "4.农村危房安全隐患排查整治不到位。" in line_of(answer.text, TOWNSHIP)


# A FICTIONAL notice: a finding and its measure on one line, a fault's title above its sub-item measures.
NOTICE = """中共桦川县某局党组关于巡察整改情况的通报
巡察指出，差旅费报销把关不严，存在以“考察补助”名义发放补贴的问题。整改中，清退违规发放的考察补助1.38万元。
四、下一步工作打算
一是持续清退违规发放的补助。
5.农村危房安全隐患排查整治不到位。
（1）对全乡农村住房开展排查，发现存在安全隐患的房屋27户；
"""


def _evidence(sentence: str, coverage: float = 0.0) -> Evidence:
    document = Document(page_content=NOTICE, metadata={"notice_id": "n1", "unit": "某局", "start": 0})
    start = NOTICE.index(sentence)
    return Evidence(document, start, start + len(sentence), sentence, 1.0, True, (coverage,))


def test_a_measure_alone_is_joined_by_the_finding_or_fault_title_of_its_section():
    finding, measure = "巡察指出，差旅费报销把关不严，存在以“考察补助”名义发放补贴的问题。", "整改中，清退违规发放的考察补助1.38万元。"
    title, sub_item = "5.农村危房安全隐患排查整治不到位。", "（1）对全乡农村住房开展排查，发现存在安全隐患的房屋27户；"
    evidence = [_evidence(finding, 0.5), _evidence(measure, 1.0), _evidence(sub_item, 1.0)]

    joined = with_section_finding([evidence[1], evidence[2]], evidence, lambda _: NOTICE, 3)

    assert [e.text for e in joined] == [finding, measure, title, sub_item]


def test_no_finding_is_taken_from_past_a_title_of_another_kind_or_off_the_topic():
    closing = _evidence("一是持续清退违规发放的补助。", 1.0)
    off_topic = [_evidence("巡察指出，差旅费报销把关不严，存在以“考察补助”名义发放补贴的问题。", 0.0)]
    measure = _evidence("整改中，清退违规发放的考察补助1.38万元。", 1.0)

    assert with_section_finding([closing], [closing], lambda _: NOTICE, 3) == [closing]  # 下一步工作打算 is no fault
    assert with_section_finding([measure], [*off_topic, measure], lambda _: NOTICE, 3) == [measure]
