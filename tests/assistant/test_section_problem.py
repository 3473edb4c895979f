"""A "what went wrong" answer quotes the sentence stating the problem, not only the measure that
repeats the topic's words (FICTIONAL passage)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence
from assistant.problem_statement import ASKS_PROBLEM, with_section_problem

PASSAGE = (
    "（一）关于公务用车管理不规范的问题。巡察指出，个别干部存在公车私用、节假日未封存等问题。"
    "中心追回违规使用的车辆费用0.8万元，修订公务用车管理办法。"
    "（二）关于食堂账目不清的问题。巡察指出，食堂接待费混入伙食费。"
)
DOCUMENT = Document(page_content=PASSAGE, metadata={"notice_id": "n1", "start": 0})


def _sentence(text: str, score: float, heading: bool = False) -> Evidence:
    start = PASSAGE.index(text)
    return Evidence(DOCUMENT, start, start + len(text), text, score, True, is_heading=heading)


TITLE = _sentence("（一）关于公务用车管理不规范的问题。", 0.5, heading=True)
STATED = _sentence("巡察指出，个别干部存在公车私用、节假日未封存等问题。", 0.6)
MEASURE = _sentence("中心追回违规使用的车辆费用0.8万元，修订公务用车管理办法。", 1.1)
NEXT_TITLE = _sentence("（二）关于食堂账目不清的问题。", 0.1, heading=True)
NEXT_STATED = _sentence("巡察指出，食堂接待费混入伙食费。", 0.1)
EVIDENCE = [MEASURE, STATED, TITLE, NEXT_TITLE, NEXT_STATED]


def test_asking_what_went_wrong_is_told_from_asking_what_was_found():
    assert ASKS_PROBLEM.search("青禾中心公务用车有啥问题")
    assert ASKS_PROBLEM.search("食堂存在哪些问题?")
    assert not ASKS_PROBLEM.search("巡察指出了哪些问题?")  # every problem of the notice, not one topic's
    assert not ASKS_PROBLEM.search("公务用车整改得怎么样")


def test_the_problem_stated_in_the_measures_section_joins_the_measure():
    assert with_section_problem([MEASURE], EVIDENCE) == [STATED, MEASURE]


def test_a_problem_of_another_section_does_not_join():
    assert with_section_problem([NEXT_TITLE], EVIDENCE) == [NEXT_TITLE]
    moved = _sentence("巡察指出，食堂接待费混入伙食费。", 1.0)
    assert with_section_problem([moved], EVIDENCE) == [moved]  # already states a problem


def test_asking_what_a_unit_was_faulted_for_in_the_passive_asks_what_went_wrong():
    assert ASKS_PROBLEM.search("青禾中心发展党员被挑了啥毛病")
    assert ASKS_PROBLEM.search("食堂被巡察组指出了哪些问题")
    assert not ASKS_PROBLEM.search("青禾中心被处理了几人")


NOTICE = (
    "（7）发展党员程序不规范。查阅会议记录发现，支部讨论发展对象时未逐一表决。\n"
    "整改情况：组织委员列席支部会议，逐一表决并做好记录。\n"
    "（8）党费收缴不及时。\n整改情况：按月收缴党费。\n整改情况：补缴党费0.2万元。\n"
)
NOTICE_DOCUMENT = Document(page_content=NOTICE, metadata={"notice_id": "n2", "start": 0})


def _notice_sentence(text: str) -> Evidence:
    start = NOTICE.index(text)
    return Evidence(NOTICE_DOCUMENT, start, start + len(text), text, 1.0, True)


def test_a_measures_line_passage_is_quoted_with_the_problem_paragraph_before_it():
    measure = _notice_sentence("整改情况：组织委员列席支部会议，逐一表决并做好记录。")
    quoted = with_section_problem([measure], [measure], lambda notice_id: NOTICE)
    assert [e.text for e in quoted] == ["（7）发展党员程序不规范。查阅会议记录发现，支部讨论发展对象时未逐一表决。", measure.text]


def test_more_measures_before_a_measures_line_are_not_taken_for_the_problem():
    second = _notice_sentence("整改情况：补缴党费0.2万元。")
    assert with_section_problem([second], [second], lambda notice_id: NOTICE) == [second]


def test_a_topic_framed_with_nakuai_asks_what_was_found():
    assert ASKS_PROBLEM.search("青禾二院耗材那块查出啥毛病 咋改的")
    assert ASKS_PROBLEM.search("食堂那边被查出了哪些问题")
    assert not ASKS_PROBLEM.search("青禾二院耗材那块咋改的")
