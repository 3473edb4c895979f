"""Answers from a notice's own metadata: the asked fact first, the inspection's other facts beside it."""

from __future__ import annotations

from assistant.answer_builder import AnswerBuilder
from assistant.metadata_answer import metadata_lines
from assistant.question import profile_question
from index.metadata import extract_notice_metadata

TEXT = "2023年3月1日至4月2日,市委第一巡察组对石桥镇党委进行了巡察。"


def lines_for(question: str) -> list[str]:
    metadata = extract_notice_metadata(TEXT)
    builder = AnswerBuilder(question, question)
    return metadata_lines(
        builder, "石桥镇", profile_question(question), lambda unit: [("n1", metadata)], lambda notice_id: TEXT,
        companions=True,
    )


def test_the_asked_date_comes_with_the_inspections_other_facts():
    (line,) = lines_for("石桥镇是什么时候被巡察的?")
    assert "2023年3月1日至4月2日" in line and "市委第一巡察组" in line


def test_a_date_the_notice_does_not_state_is_not_answered_with_its_other_facts():
    # asked the feedback day of a notice that gives none, the team alone would answer another question
    assert lines_for("石桥镇是哪天反馈巡察意见的?") == []
