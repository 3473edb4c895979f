"""Days between the feedback or a unit's meetings and later events: from the feedback to a meeting of the asked
kind ("整改动员会"), and from the meeting a unit held to study its rectification to the notice's publication
("开会研究整改到发通报隔了多久"): the meeting's date is the one written before 召开…会 in a sentence that goes on to study (研究) or
plan (部署) the rectification; a date without its year takes the feedback's year (the meeting follows it)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from assistant.compute import chinese_date, days_between, parse_date
from assistant.computed_inputs import (
    EVENT_SPAN_CHARS, CitationNumbers, UnitResult, Value, cite_publish_dates, feedback_date, publish_dates,
)
from index.catalog import NoticeRow
from index.metadata import DATE
from index.sentences import split_sentences

# "召开党工委会议", "召开党组会", "召开专题会议": a meeting held, named in a few characters.
_MEETING = re.compile(r"(?:召开|主持召开|开了)[^。；;，,]{0,12}?会议?")
# What the meeting did, soon after its name: studied or planned the rectification.
_ON_RECTIFICATION = re.compile(r"^[^。；;]{0,30}?(?:研究|部署)[^。；;]{0,20}?整改")


def add_meeting_to_publish(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    """Days from the first meeting studying the rectification (on or after the feedback) to each publication date."""
    scratch = UnitResult(result.unit)  # the feedback only dates the meeting's year; it is not an input shown
    feedback = feedback_date(scratch, notice, text, CitationNumbers())
    published = publish_dates(notice, text)
    held = _meeting(text, feedback[0] if feedback is not None else None, published)
    if held is None:
        result.missing.append("召开会议研究整改的日期")
    else:
        start, end, _ = held
        result.inputs.append(f"{' '.join(text[start:end].split())}{citations.cite(notice, text, start, end)}")
    cite_publish_dates(result, notice, text, citations, published)
    if held is None:
        return
    meeting_day = held[2]
    for kind, value in published:
        publish_day = parse_date(text[value.start : value.end]) or parse_date(value.value)
        if publish_day is None:
            continue
        days = days_between(meeting_day, publish_day)
        how = f"{chinese_date(meeting_day)}召开会议研究整改→{chinese_date(publish_day)}{kind}:{days}天"
        result.values.append(Value(Decimal(days), how))


def _meeting(text: str, after: date | None, published: list) -> tuple[int, int, date] | None:
    """The span from a meeting's date to the end of its sentence's rectification words, and its date."""
    year_from = after or next(
        (d for _, v in published if (d := parse_date(v.value) or parse_date(text[v.start : v.end]))), None
    )
    for s_start, s_end in split_sentences(text):
        for found in _MEETING.finditer(text, s_start, s_end):
            on = _ON_RECTIFICATION.match(text[found.end() : s_end])
            dates = [d for d in DATE.finditer(text, s_start, found.start()) if found.end() - d.start() <= EVENT_SPAN_CHARS]
            if on is None or not dates:
                continue
            written = dates[-1].group(0)
            day = parse_date(written)
            if day is None and year_from is not None:
                day = parse_date(written, year=year_from.year)
                if day is not None and after is not None and day < after:
                    day = parse_date(written, year=after.year + 1)
            if day is not None and (after is None or day >= after):
                return dates[-1].start(), found.end() + on.end(), day
    return None


def add_feedback_to_event(
    result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers, event: str
) -> None:
    """Days from the feedback to the first meeting of the asked kind held on or after it ("整改动员会")."""
    feedback = feedback_date(result, notice, text, citations)
    if feedback is None:
        return
    day, note = feedback
    held = _event_date(text, event, day)
    if held is None:
        result.missing.append(f"召开{event}的日期")
        return
    start, end, event_day = held
    result.inputs.append(f"{' '.join(text[start:end].split())}{citations.cite(notice, text, start, end)}")
    days = days_between(day, event_day)
    how = f"{chinese_date(day)}反馈→{chinese_date(event_day)}召开{event}:{days}天{note}"
    result.values.append(Value(Decimal(days), how))


def _event_date(text: str, event: str, after: date) -> tuple[int, int, date] | None:
    """The span from a date to the meeting's name in one sentence ("3月16日下午,区委召开…整改工作动员会"), and
    the date (a missing year is the feedback's, or the next when that falls before the feedback)."""
    core = event.removesuffix("会")
    meeting = re.compile(rf"{re.escape(core)}[^。；;，,]{{0,8}}?会")
    for s_start, s_end in split_sentences(text):
        for found in meeting.finditer(text, s_start, s_end):
            dates = [d for d in DATE.finditer(text, s_start, found.start())
                     if found.end() - d.start() <= EVENT_SPAN_CHARS]
            if not dates:
                continue
            written = dates[-1]
            day = parse_date(written.group(0)) or parse_date(written.group(0), year=after.year)
            if day is not None and day < after and parse_date(written.group(0)) is None:
                day = parse_date(written.group(0), year=after.year + 1)
            if day is not None and day >= after:
                return written.start(), found.end(), day
    return None
