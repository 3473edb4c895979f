"""A computed answer for one unit that was also asked for the inspection's own facts ("哪个巡察组?巡了多少天?")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer import Answer, shifted_citations
from assistant.answer_builder import AnswerBuilder
from assistant.metadata_answer import metadata_lines
from assistant.question import QuestionProfile, profile_question
from index.documents import NoticeMetadata

# The clauses of a question, each read on its own ("是被哪个巡察组巡的?巡了多少天?": a team, then a count).
_CLAUSE = re.compile(r"[?？;；,，]")
# Facts a computed answer never states: who inspected and when the feedback came (the period is what days count).
_NOT_COMPUTED = ("inspecting_body", "feedback_date")


def with_asked_facts(
    answer: Answer, unit: str, notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
) -> Answer:
    """The answer with the unit's inspection facts a clause of the question asks for first, cited."""
    asked = [field for clause in _CLAUSE.split(answer.standalone_question)
             for field in profile_question(clause).metadata_fields if field in _NOT_COMPUTED]
    if not asked:
        return answer
    builder = AnswerBuilder(answer.question, answer.standalone_question)
    profile = QuestionProfile(metadata_fields=tuple(dict.fromkeys(asked)))
    lines = metadata_lines(builder, unit, profile, notices_of_unit, notice_text_of)
    if not lines:
        return answer
    text, moved = shifted_citations(answer, len(builder.citations))
    return replace(answer, text="\n".join([*lines, text]), citations=[*builder.citations, *moved])
