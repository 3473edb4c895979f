"""Inputs of computed comparisons, per unit: the shared result types and the dates from metadata, each cited.

Per unit, the inputs as shown with [n] markers, the values computed from them, and what the
unit's notices do not state (what is computed is in computed_metrics.py). Figures from records and the gathering per unit are in computed_figures.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assistant.answer import Citation
from assistant.compute import (
    chinese_date, dated_before, days_between, inclusive_days, parse_date, parse_period, period_before, relative_year_before,
)
from index.catalog import NoticeRow
from index.documents import SourcedValue
from index.metadata import find_signature_date


# A meeting's date is quoted from the date to the meeting's name when they lie at most this many characters
# apart ("12月22日下午专题召开新区党工委巡察整改动员工作会": 30); farther apart they are no one statement.
EVENT_SPAN_CHARS = 80

# A 正在整改 count whose quote ends at most this many characters after an 已整改 count's quote is read
# as its pair ("已完成整改30项,正在整改5项"); chosen as about a clause: the seeds' pairs are within 20.
PAIRING_GAP = 40


@dataclass
class Value:
    """One computed value with how it was computed ("2020年9月7日至2020年11月13日,首尾都算:68天")."""

    number: Decimal
    calculation: str
    measure: str = ""  # the measure word the notice counts it in ("47个问题": 个), when it is a count


@dataclass
class UnitResult:
    """A unit's inputs as shown (with [n] markers), its computed values and what its notices lack."""

    unit: str
    inputs: list[str] = field(default_factory=list)  # as shown, with [n] markers
    values: list[Value] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the unit's notices do not state
    notes: list[str] = field(default_factory=list)  # how an input was read ("未写年份,按发布日期计为2024年")
    kind: str = "巡察"  # 巡察 or 巡视, as the unit's notice calls its inspection


class CitationNumbers:
    """Numbers the quoted spans in order of first use; one number per span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, notice: NoticeRow, text: str, start: int, end: int, section_path: str = "") -> str:
        for citation in self.items:
            if (citation.notice_id, citation.start, citation.end) == (notice.notice_id, start, end):
                return f"[{citation.n}]"
        n = len(self.items) + 1
        unit = notice.unit or notice.title or notice.file_name
        self.items.append(
            Citation(n, notice.notice_id, notice.title or notice.file_name, unit, section_path, text[start:end], start, end)
        )
        return f"[{n}]"


def unit_of_notice(notice: NoticeRow) -> str:
    return notice.unit or notice.title or notice.file_name


def _quoted(value: SourcedValue) -> str:
    """A metadata value as read (web timestamps normalised: "2021-06-28 16:53")."""
    return " ".join(value.value.split())


def _period_span(notice: NoticeRow, text: str) -> tuple[tuple[date, date] | None, tuple[int, int] | None]:
    """The inspection's first and last day, and the relative year word that dated it (its year and where the
    word starts: "去年10月14日至12月6日"), else a yearless period read as ending before publication."""
    period = notice.metadata.inspection_period
    if period is None:
        return None, None
    written = text[period.start : period.end]
    span, published = parse_period(written), _publish_day(notice, text)
    if span is not None or published is None:
        return span, None
    said = relative_year_before(text, period.start, published)
    if said is not None:  # the year is the word's, counted from the notice's own date
        return parse_period(f"{said[0]}年{written}"), said
    return period_before(written, published), None


def _days_of_period(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> tuple[date, date] | None:
    period = notice.metadata.inspection_period
    if period is None:
        return None
    span, said = _period_span(notice, text)
    start = said[1] if said is not None else period.start  # "去年10月14日至12月6日" is quoted whole
    shown = " ".join(text[start : period.end].split())
    result.inputs.append(f"{notice.metadata.inspection_kind or '巡察'}时间{shown}{citations.cite(notice, text, start, period.end)}")
    if said is not None:  # the notice's date the year is counted from is an input too
        published, kind, value = _publish_source(notice, text)
        result.inputs.append(f"{kind}{_quoted(value)}{citations.cite(notice, text, value.start, value.end)}")
        if span is not None:
            word = text[start : period.start].strip()
            result.notes.append(f"巡察时间写“{word}”,按{kind}日期计为{said[0]}年({kind}于{chinese_date(published)})")
    elif span is not None and parse_period(text[period.start : period.end]) is None:
        result.notes.append(f"巡察时间未写年份,按发布日期计为{span[0].year}年")
    return span


def _publish_day(notice: NoticeRow, text: str) -> date | None:
    """The first readable publication (or signature) date of a notice."""
    found = _publish_source(notice, text)
    return found[0] if found is not None else None


def _publish_source(notice: NoticeRow, text: str) -> tuple[date, str, SourcedValue] | None:
    """The first readable publication (or signature) date of a notice, its kind (发布, 落款) and where it is written."""
    for kind, value in publish_dates(notice, text):
        day = parse_date(text[value.start : value.end]) or parse_date(value.value)
        if day is not None:
            return day, kind, value
    return None


def add_inspection_days(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    period = notice.metadata.inspection_period
    span = _days_of_period(result, notice, text, citations)
    if period is None:
        result.missing.append("巡察起止日期")
    elif span is None:
        result.missing.append("完整的巡察起止日期(缺年份或日)")
    else:
        start, end = span
        days = inclusive_days(start, end)
        result.values.append(Value(Decimal(days), f"{chinese_date(start)}至{chinese_date(end)},相隔{days - 1}天,首尾两天都算:{days}天"))


def feedback_date(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> tuple[date, str] | None:
    """The feedback date, its year taken from the inspection period when the notice omits it."""
    feedback = notice.metadata.feedback_date
    if feedback is None:
        result.missing.append("反馈日期")
        return None
    result.inputs.append(f"反馈{_quoted(feedback)}{citations.cite(notice, text, feedback.start, feedback.end)}")
    day = parse_date(text[feedback.start : feedback.end])
    if day is not None:
        return day, ""
    published = _publish_day(notice, text)
    said = relative_year_before(text, feedback.start, published) if published is not None else None
    if said is not None and (day := parse_date(text[feedback.start : feedback.end], year=said[0])) is not None:
        return day, f"(反馈日期写“{text[said[1] : feedback.start].strip()}”,按发布日期计为{day.year}年)"
    span, _ = _period_span(notice, text)
    if span is None and published is not None:  # no period to go by: the feedback came before publication
        day = dated_before(text[feedback.start : feedback.end], published)
        if day is not None:
            return day, f"(反馈日期未写年份,按发布日期计为{day.year}年)"
    if span is None:
        result.missing.append("反馈日期的年份")
        return None
    day = parse_date(text[feedback.start : feedback.end], year=span[1].year)
    if day is not None and day < span[1]:
        day = parse_date(text[feedback.start : feedback.end], year=span[1].year + 1)
    if day is None:
        result.missing.append("反馈日期的年份")
        return None
    return day, f"(反馈日期未写年份,按巡察时间计为{day.year}年)"


def publish_dates(notice: NoticeRow, text: str) -> list[tuple[str, SourcedValue]]:
    """The page's publication date and the signature date under the notice, when both are stated and differ."""
    dates: list[tuple[str, SourcedValue]] = []
    published = notice.metadata.publish_date
    if published is not None:
        dates.append(("发布", published))
    signed = find_signature_date(text)
    if signed is not None and (published is None or signed.start != published.start):
        if published is None or parse_date(text[signed.start : signed.end]) != parse_date(published.value):
            dates.append(("落款", signed))
    return dates


def signing_organ_start(text: str, date_start: int, max_chars: int = 40) -> int:
    """Where a signature date's quote starts: the signing organ's line above it ("中共X委员会\n2024年12月6日"),
    so the date is cited with who signed it; the date itself when it is not alone under a short line."""
    line_start = text.rfind("\n", 0, date_start) + 1
    if text[line_start:date_start].strip():
        return date_start
    above_end = line_start - 1
    above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
    above = text[above_start:above_end].strip()
    if not above or len(above) > max_chars or re.search(r"[。；;：:，,]", above):
        return date_start
    return above_start + (len(text[above_start:above_end]) - len(text[above_start:above_end].lstrip()))


def cite_publish_dates(
    result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers, published: list
) -> None:
    """The notice's publication and signing dates among the inputs, each cited; missing when there are none."""
    if not published:
        result.missing.append("发布日期")
    for kind, value in published:
        start = signing_organ_start(text, value.start)
        result.inputs.append(f"{kind}{_quoted(value)}{citations.cite(notice, text, start, value.end)}")


def add_feedback_to_publish(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    feedback = feedback_date(result, notice, text, citations)
    published = publish_dates(notice, text)
    cite_publish_dates(result, notice, text, citations, published)
    if feedback is None:
        return
    day, note = feedback
    for kind, value in published:
        publish_day = parse_date(text[value.start : value.end]) or parse_date(value.value)
        if publish_day is None:
            continue
        days = days_between(day, publish_day)
        result.values.append(
            Value(Decimal(days), f"{chinese_date(day)}反馈→{chinese_date(publish_day)}{kind}:{days}天{note}")
        )


def add_inspection_to_feedback(
    result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers, from_start: bool = False
) -> None:
    """Days from the inspection's last day (or, from_start, its first) to the feedback."""
    span = _days_of_period(result, notice, text, citations)
    if notice.metadata.inspection_period is None:
        result.missing.append("巡察起止日期")
    feedback = feedback_date(result, notice, text, citations)
    if span is None or feedback is None:
        return
    day, note = feedback
    begin, said = (span[0], "进驻") if from_start else (span[1], "结束")
    days = days_between(begin, day)
    how = f"{chinese_date(begin)}{result.kind}{said}→{chinese_date(day)}反馈:{days}天{note}"
    result.values.append(Value(Decimal(days), how))


def add_date(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers, which: str) -> None:
    """The unit's feedback, publication or inspection start date as a day number, cited (dates compared)."""
    if which == "feedback_day":
        feedback = feedback_date(result, notice, text, citations)
        found = [(feedback[0], feedback[1])] if feedback is not None else []
    elif which == "publish_day":
        found = []
        for kind, value in publish_dates(notice, text)[:1]:
            result.inputs.append(f"{kind}{_quoted(value)}{citations.cite(notice, text, value.start, value.end)}")
            day = parse_date(text[value.start : value.end]) or parse_date(value.value)
            found = [(day, "")] if day is not None else []
        if not found:
            result.missing.append("发布日期")
    else:
        span = _days_of_period(result, notice, text, citations)
        found = [(span[0], "")] if span is not None else []
        if not found:
            result.missing.append("巡察起止日期")
    for day, note in found:
        result.values.append(Value(Decimal(day.toordinal()), f"{chinese_date(day)}{note}"))
