"""Answers from a notice's own metadata (inspection team, dates), each value cited by its sentence."""

from __future__ import annotations

from collections.abc import Callable

from langchain_core.documents import Document

from assistant.answer_builder import COLON, AnswerBuilder
from assistant.evidence import MAX_QUOTE_CHARS, Evidence
from assistant.question import QuestionProfile
from index.documents import NoticeMetadata
from index.sentences import split_sentences

METADATA_LABELS = {
    "inspecting_body": "巡察(巡视)组\uff1a",
    "inspection_period": "巡察(巡视)时间\uff1a",
    "feedback_date": "反馈时间\uff1a",
    "publish_date": "发布时间\uff1a",
}

# The facts of one inspection, shown together when one of them is asked about a unit.
INSPECTION_FACTS = ("inspecting_body", "inspection_period", "feedback_date")


def metadata_lines(
    builder: AnswerBuilder,
    unit: str,
    profile: QuestionProfile,
    notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
    notice_text_of: Callable[[str], str | None],
    with_unit: bool = True,
    companions: bool = False,
) -> list[str]:
    """Lines answering from a unit's notices' own metadata (inspection team, dates), cited; with
    `companions`, the other facts of the inspection follow the one asked (who inspected, when, feedback)."""
    fields = list(profile.metadata_fields)
    if companions and set(fields) & set(INSPECTION_FACTS):
        fields += [f for f in INSPECTION_FACTS if f not in fields]
    lines = []
    for notice_id, metadata in notices_of_unit(unit):
        if not any(getattr(metadata, name) is not None for name in profile.metadata_fields):
            continue  # companions follow the asked fact; without it they answer another question
        parts = []
        for field_name in fields:
            value = getattr(metadata, field_name)
            if value is not None:
                text = notice_text_of(notice_id) or ""
                evidence = sentence_around(text, notice_id, unit, metadata.title, value.start, value.end)
                parts.append(f"{METADATA_LABELS[field_name]}{value.value}{builder.cite(evidence)}")
        if parts:
            lines.append((f"{unit}{COLON}" if with_unit else "") + "\uff0c".join(parts))
    return lines


def sentence_around(text: str, notice_id: str, unit: str, title: str, start: int, end: int) -> Evidence:
    """The sentence of the notice text holding a metadata value (or the value's own span when that is long)."""
    span = (start, end)
    for s_start, s_end in split_sentences(text, max(0, start - 400), min(len(text), end + 400)):
        if s_start <= start < s_end:
            span = (s_start, max(s_end, end))
            break
    if span[1] - span[0] > MAX_QUOTE_CHARS:
        span = (start, end)
    document = Document(
        page_content=text[span[0] : span[1]],
        metadata={"notice_id": notice_id, "unit": unit, "start": span[0], "end": span[1], "title": title, "section_path": ""},
    )
    return Evidence(document, span[0], span[1], text[span[0] : span[1]], 1.0, True)
