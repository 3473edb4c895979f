"""Answers from a notice's own metadata (inspection team, dates), each value cited by its sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from langchain_core.documents import Document

from assistant.answer_builder import COLON, AnswerBuilder
from assistant.evidence import MAX_QUOTE_CHARS, Evidence
from assistant.exclusions import asked_body_kinds, body_fits
from assistant.qualify import asks_which_units
from assistant.question import QuestionProfile
from index.documents import NoticeMetadata
from index.sentences import split_sentences

METADATA_LABELS = {
    "inspecting_body": "巡察(巡视)组\uff1a",
    "inspection_period": "巡察(巡视)时间\uff1a",
    "feedback_date": "反馈时间\uff1a",
    "publish_date": "发布时间\uff1a",
}

T = TypeVar("T")

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
    fits = body_filter(builder.standalone_question)
    for notice_id, metadata in notices_of_unit(unit):
        if not any(getattr(metadata, name) is not None for name in profile.metadata_fields):
            continue  # companions follow the asked fact; without it they answer another question
        if fits is not None and not fits(metadata):
            continue
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


def body_filter(question: str) -> Callable[[NoticeMetadata], bool] | None:
    """Across units, asked for a kind of inspecting body ("哪几家是中央巡视组来巡的", "…市委巡视组不算"): whether a
    notice's inspection was by that kind; None when the question asks no such thing."""
    wanted, left_out = asked_body_kinds(question)
    if not (wanted or left_out) or not asks_which_units(question):
        return None
    return lambda m: m.inspecting_body is not None and body_fits(m.inspecting_body.value, wanted, left_out)


def of_body_kind(
    per_unit: list[T], question: str, notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]]
) -> list[T]:
    """The units (UnitEvidence) inspected by the kind of body the question asks for, all of them when it asks none."""
    fits = body_filter(question)
    if fits is None:
        return per_unit
    return [e for e in per_unit if any(fits(metadata) for _, metadata in notices_of_unit(e.unit))]


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
