"""Inputs of computed comparisons, per unit: dates from metadata and figures from records, each cited.

Per unit, the inputs as shown with [n] markers, the values computed from them, and what the
unit's notices do not state (what is computed is in computed_metrics.py). Shared by the chat's computed answers and the records tab's charts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assistant.answer import Citation
from assistant.compute import (
    chinese_date, days_between, inclusive_days, parse_date, parse_period, plain, share_percent, yuan_to_wan,
)
from assistant.computed_metrics import FIGURE_FIELD, ComputedQuestion
from assistant.records_question import FAMILIES, family_of, measure_of
from index.catalog import NoticeRow
from index.documents import SourcedValue
from index.metadata import find_signature_date
from index.records import Figure, NoticeRecord


# A 正在整改 count whose quote ends at most this many characters after an 已整改 count's quote is read
# as its pair ("已完成整改30项,正在整改5项"); chosen as about a clause: the seeds' pairs are within 20.
PAIRING_GAP = 40


@dataclass
class Value:
    """One computed value with how it was computed ("2020年9月7日至2020年11月13日,首尾都算:68天")."""

    number: Decimal
    calculation: str


@dataclass
class UnitResult:
    """A unit's inputs as shown (with [n] markers), its computed values and what its notices lack."""

    unit: str
    inputs: list[str] = field(default_factory=list)  # as shown, with [n] markers
    values: list[Value] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the unit's notices do not state
    kind: str = "巡察"  # 巡察 or 巡视, as the unit's notice calls its inspection


class CitationNumbers:
    """Numbers the quoted spans in order of first use; one number per span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, notice: NoticeRow, text: str, start: int, end: int) -> str:
        for citation in self.items:
            if (citation.notice_id, citation.start, citation.end) == (notice.notice_id, start, end):
                return f"[{citation.n}]"
        n = len(self.items) + 1
        unit = notice.unit or notice.title or notice.file_name
        self.items.append(Citation(n, notice.notice_id, notice.title or notice.file_name, unit, "", text[start:end], start, end))
        return f"[{n}]"


def _unit_of(notice: NoticeRow) -> str:
    return notice.unit or notice.title or notice.file_name


def _quoted(value: SourcedValue) -> str:
    """A metadata value as read (web timestamps normalised: "2021-06-28 16:53")."""
    return " ".join(value.value.split())


def _days_of_period(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> tuple[date, date] | None:
    period = notice.metadata.inspection_period
    if period is None:
        return None
    result.inputs.append(f"{notice.metadata.inspection_kind or '巡察'}时间{_quoted(period)}{citations.cite(notice, text, period.start, period.end)}")
    return parse_period(text[period.start : period.end])


def _inspection_days(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    period = notice.metadata.inspection_period
    span = _days_of_period(result, notice, text, citations)
    if period is None:
        result.missing.append("巡察起止日期")
    elif span is None:
        result.missing.append("完整的巡察起止日期(缺年份或日)")
    else:
        start, end = span
        days = inclusive_days(start, end)
        result.values.append(Value(Decimal(days), f"{chinese_date(start)}至{chinese_date(end)},首尾两天都算:{days}天"))


def _feedback_date(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> tuple[date, str] | None:
    """The feedback date, its year taken from the inspection period when the notice omits it."""
    feedback = notice.metadata.feedback_date
    if feedback is None:
        result.missing.append("反馈日期")
        return None
    result.inputs.append(f"反馈{_quoted(feedback)}{citations.cite(notice, text, feedback.start, feedback.end)}")
    day = parse_date(text[feedback.start : feedback.end])
    if day is not None:
        return day, ""
    period = notice.metadata.inspection_period
    span = parse_period(text[period.start : period.end]) if period else None
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


def _publish_dates(notice: NoticeRow, text: str) -> list[tuple[str, SourcedValue]]:
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


def _feedback_to_publish(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    feedback = _feedback_date(result, notice, text, citations)
    published = _publish_dates(notice, text)
    if not published:
        result.missing.append("发布日期")
    for kind, value in published:
        result.inputs.append(f"{kind}{_quoted(value)}{citations.cite(notice, text, value.start, value.end)}")
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


def _inspection_to_feedback(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers) -> None:
    span = _days_of_period(result, notice, text, citations)
    if notice.metadata.inspection_period is None:
        result.missing.append("巡察起止日期")
    feedback = _feedback_date(result, notice, text, citations)
    if span is None or feedback is None:
        return
    day, note = feedback
    days = days_between(span[1], day)
    result.values.append(Value(Decimal(days), f"{chinese_date(span[1])}巡察结束→{chinese_date(day)}反馈:{days}天{note}"))


def _own_figures(record: NoticeRecord, text: str, fields: tuple[str, ...]) -> list[Figure]:
    """The unit's own figures of these fields whose quotes are verbatim."""
    return [f for f in record.figures if f.field in fields and not f.scope and text[f.start : f.end] == f.quote]


def _figure_values(
    plan: ComputedQuestion, result: UnitResult, notice: NoticeRow, record: NoticeRecord, text: str,
    citations: CitationNumbers,
) -> None:
    field_name = FIGURE_FIELD[plan.metric.key]
    figures = [
        f for f in _own_figures(record, text, (field_name,))
        if (family := family_of(f)) is not None and family.key in plan.families
        and measure_of(f) == ("元" if field_name == "money" else "项")
    ]
    if not figures:
        result.missing.append(_missing_name(plan))
    combined = _combined_families(plan, figures)
    for figure in figures:
        result.inputs.append(f"{figure.label}{figure.text}{citations.cite(notice, text, figure.start, figure.end)}")
        if field_name == "money":
            wan = yuan_to_wan(figure.value)
            in_wan = f"{plain(wan)}万元"
            result.values.append(Value(wan, in_wan if figure.text == in_wan else f"{figure.text}={in_wan}"))
        elif figure not in combined:
            result.values.append(Value(Decimal(str(figure.value)), f"{plain(figure.value)}{plan.metric.unit}"))
    if combined:  # asked for two families together, the notice states each: their sum is the figure compared
        total = sum(Decimal(str(f.value)) for f in combined)
        shown = "+".join(plain(f.value) for f in combined)
        result.values.append(Value(total, f"{shown}={plain(total)}{plan.metric.unit}"))


def _combined_families(plan: ComputedQuestion, figures: list[Figure]) -> list[Figure]:
    """One figure of each family a combined family adds up ("新制定9项"+"修订6项"), when no total is stated."""
    for combined in FAMILIES[FIGURE_FIELD[plan.metric.key]]:
        if not combined.listed_with or combined.key not in plan.families:
            continue
        if any(family_of(f) is combined for f in figures):
            return []
        parts = [[f for f in figures if (family := family_of(f)) is not None and family.key == key]
                 for key in combined.listed_with]
        if all(len(part) == 1 for part in parts):
            return [part[0] for part in parts]
    return []


def _missing_name(plan: ComputedQuestion) -> str:
    names = {f.key: f.name.removesuffix("数") for f in FAMILIES[FIGURE_FIELD[plan.metric.key]]}
    return "、".join(names[key] for key in plan.families) + "的数字"


def _rectified_share(result: UnitResult, notice: NoticeRow, record: NoticeRecord, text: str, citations: CitationNumbers) -> None:
    """已整改 ÷ the stated total (问题 or 整改任务 count equal to 已整改+正在整改 where both are stated)."""
    rectified = _own_figures(record, text, ("problems_rectified",))
    in_progress = _own_figures(record, text, ("problems_in_progress",))
    totals = [f for f in _own_figures(record, text, ("problems_found", "measures"))
              if measure_of(f) == "项" and (f.field == "measures" or family_of(f).key == "problems")]
    rates = _own_figures(record, text, ("completion_rate",))

    def cite(figure: Figure) -> str:
        return citations.cite(notice, text, figure.start, figure.end)

    for rate in rates:
        result.inputs.append(f"{rate.label}{rate.text}{cite(rate)}")
    if not rectified:
        result.missing.append("已整改的数量")
        for rate in rates:
            result.values.append(Value(Decimal(str(rate.value)), f"通报写明{rate.label}{rate.text}"))
        return
    for done in rectified:
        total, pending = _total_for(done, in_progress, totals)
        if total is None and pending is None:
            result.inputs.append(f"{done.label}{done.text}{cite(done)}")
            result.missing.append("问题(任务)总数")
            continue
        shown = [f"{done.label}{done.text}{cite(done)}"]
        if pending is not None:
            shown.append(f"{pending.label}{pending.text}{cite(pending)}")
        if total is not None:
            shown.insert(0, f"{total.label}{total.text}{cite(total)}")
            whole = Decimal(str(total.value))
            how = f"{plain(done.value)}÷{plain(whole)}"
        else:
            whole = Decimal(str(done.value)) + Decimal(str(pending.value))
            how = f"{plain(done.value)}÷({plain(done.value)}+{plain(pending.value)})"
        result.inputs.append("、".join(shown))
        share = share_percent(done.value, whole)
        if share is not None:
            result.values.append(Value(share, f"{how}={plain(share)}%"))


def _total_for(done: Figure, in_progress: list[Figure], totals: list[Figure]) -> tuple[Figure | None, Figure | None]:
    """The total a rectified count is out of, and the in-progress count stated with it."""
    pending = min((f for f in in_progress if f.start >= done.start and 0 < f.end - done.end <= PAIRING_GAP),
                  key=lambda f: f.end - done.end, default=None)

    def near(figures: list[Figure]) -> list[Figure]:
        return sorted(figures, key=lambda f: abs(f.start - done.start))

    if pending is not None:
        matching = [f for f in totals if f.value == done.value + pending.value]
        return (near(matching)[0] if matching else None), pending
    larger = {f.value for f in totals if f.value >= done.value}
    if len(larger) > 1:  # "19个问题已完成整改17个": the total the rectified count's own words name
        named = {v for v in larger if re.search(rf"(?<![\d.]){plain(v)}\s*(?:个|项|条)", done.quote)}
        problems = {f.value for f in totals if f.value in larger and f.field == "problems_found"}
        larger = named if len(named) == 1 else problems if len(problems) == 1 else larger
    if len(larger) == 1:
        return near([f for f in totals if f.value in larger])[0], None
    return None, None


def gather_unit(
    plan: ComputedQuestion, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None], citations: CitationNumbers,
) -> UnitResult:
    """One unit's cited inputs and computed values over all its notices."""
    result = UnitResult(unit)
    for notice in (n for n in notices if _unit_of(n) == unit):
        result.kind = notice.metadata.inspection_kind or result.kind
        text = notice_text_of(notice.notice_id)
        if text is None:
            continue
        key = plan.metric.key
        if key == "inspection_days":
            _inspection_days(result, notice, text, citations)
        elif key == "feedback_to_publish":
            _feedback_to_publish(result, notice, text, citations)
        elif key == "inspection_to_feedback":
            _inspection_to_feedback(result, notice, text, citations)
        elif notice.notice_id in records:
            record = NoticeRecord.from_dict(records[notice.notice_id])
            if key == "rectified_share":
                _rectified_share(result, notice, record, text, citations)
            else:
                _figure_values(plan, result, notice, record, text, citations)
    if result.values:
        result.missing = []  # one notice of the unit stating it is enough
    return result
