"""Passages that state the figure or date a question asks for, per the notices' records and metadata."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.asked_counts import asked_count, count_spans
from assistant.question import profile_question, record_fields
from assistant.units import asks_across_units, asks_comparison
from assistant.views import RetrieverViews


def stated_facts(
    views: RetrieverViews, question: str, notice_ids: Sequence[str] | None
) -> dict[str, list[tuple[int, int]]]:
    """Chunks holding the notice metadata or record figures the question asks about, best first,
    each with the spans (in the notice) of those facts.

    A third ranking for the fusion: where a notice states the figure or date asked for
    (per its record and metadata, extracted at ingest), that passage is evidence even
    when its wording is far from the question's.
    """
    profile = profile_question(question)
    about_figures = profile.wants_number or asks_across_units(question) or asks_comparison(question)
    fields = record_fields(question) if about_figures else ()
    counted = asked_count(question)  # a count no record holds ("开了几次会"), where the text states one
    if not fields and not profile.metadata_fields and counted is None:
        return {}
    spans: list[tuple[int, str, int, int]] = []  # (priority, notice, start, end)
    for notice_id in notice_ids if notice_ids is not None else list(views.chunks_by_notice):
        metadata = views.metadata.get(notice_id)
        for field_name in profile.metadata_fields:
            value = getattr(metadata, field_name, None) if metadata else None
            if value is not None:
                spans.append((-1, notice_id, value.start, value.end))
        spans.extend(
            (fields.index(field_name), notice_id, start, end)
            for field_name, start, end in views.figure_spans.get(notice_id, [])
            if field_name in fields
        )
        for chunk in views.chunks_by_notice.get(notice_id, []) if counted else ():
            spans.extend((len(fields), notice_id, chunk.start + a, chunk.start + b) for a, b in count_spans(chunk.text, counted))
    spans.sort(key=lambda span: span[0])  # fields the question names first, reading order within
    ranked: dict[str, list[tuple[int, int]]] = {}
    for _, notice_id, start, end in spans:
        chunk = next(
            (c for c in views.chunks_by_notice.get(notice_id, []) if c.start <= start and end <= c.end),
            None,
        )
        if chunk is not None and (start, end) not in ranked.get(chunk.chunk_id, []):
            ranked.setdefault(chunk.chunk_id, []).append((start, end))
    return ranked
