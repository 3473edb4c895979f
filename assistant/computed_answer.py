"""Computed comparisons (计算对比): "哪个单位巡察时间更长,长多少天?" answered by computing from cited inputs.

The inputs are the notices' metadata (巡察起止日期, 反馈日期, 发布日期) and records (问题, 整改, 金额,
制度, 整改措施), each cited with its verbatim span. The answer is a one-line conclusion, then a table
(单位 | 原文数字 | 计算) showing every computation, then which inputs a notice does not state. A notice
that states two different figures for the same thing has both shown and computed; comparisons use
the larger one and say so. Questions this module does not read return None.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.compute import (
    chinese_date, days_between, inclusive_days, parse_date, parse_period, plain, share_percent, yuan_to_wan,
)
from assistant.records_answer import FAMILIES, family_of, measure_of
from index.catalog import NoticeRow
from index.documents import SourcedValue
from index.metadata import find_signature_date
from index.records import Figure, NoticeRecord

logger = logging.getLogger(__name__)

ANSWERER = "extractive:computed"

# Wording that asks for a computation: a difference, a duration, a share or an order.
DURATION = re.compile(r"多久|多长时间|几天|多少天|天数|历时|用时|时长|隔了|间隔|相隔|晚了|早了|更早|更晚|更快|更慢|最快|最慢")
DIFFERENCE = re.compile(
    r"更长|更久|更短|相差|差了|差多少|多多少|少多少|多出|多了多少|少了多少|更多|更少|谁更|哪个更|哪家更|哪一个更|"
    r"更高|更低|排名|排序|从高到低|从多到少|从低到高|从少到多|比[^,。?？]{1,15}?(?:多|少|长|短|快|慢|高|低|早|晚)"
)
RANK = re.compile(r"最多|最少|最长|最短|最久|最高|最低|最大|最小|最快|最慢")
ASCENDING = re.compile(r"更短|更少|更快|更早|最短|最少|最快|最早|最低|更低|最小|少多少|从低到高|从少到多")
ALL_UNITS = re.compile(r"哪个单位|哪一个单位|哪家|哪些单位|各单位|各个单位|每个单位|所有单位|谁|排名|排序|几个单位")

_SPAN = r"[^,。;?？]{0,12}"
FEEDBACK_TO_PUBLISH = re.compile(
    rf"反馈{_SPAN}(?:发布|公布|公开|印发|通报(?:发布|公布|公开|出来|晚|早))|(?:发布|公布|公开){_SPAN}反馈"
)
INSPECTION_TO_FEEDBACK = re.compile(rf"巡[察视](?:结束|完成|到){_SPAN}反馈|反馈{_SPAN}巡[察视](?:结束|完成)")
INSPECTION = re.compile(r"巡[察视]|进驻")
SHARE = re.compile(r"比例|占比|整改率|完成率|百分比|比率|百分之")
MEASURES = re.compile(r"措施|举措|整改任务|任务清单|具体任务")
RULES = re.compile(r"制度|办法|机制")
MONEY = re.compile(r"挽回|损失|追回|收回|清退|追缴|退缴|退还|补缴|违规资金|金额|钱")
PROBLEMS = re.compile(r"问题")


@dataclass(frozen=True)
class Metric:
    """What is computed for each unit and how it is said."""

    key: str
    name: str  # the quantity, in tables and orderings: "巡察天数"
    phrase: str  # the conclusion's verb phrase before the value: "巡察历时"
    unit: str  # "天" | "万元" | "项" | "%"
    difference_unit: str = ""  # "个百分点" for shares; the value's unit otherwise


METRICS = {
    "inspection_days": Metric("inspection_days", "巡察天数", "巡察历时", "天"),
    "feedback_to_publish": Metric("feedback_to_publish", "反馈到发布的天数", "从反馈意见到发布通报隔了", "天"),
    "inspection_to_feedback": Metric("inspection_to_feedback", "巡察结束到反馈的天数", "从巡察结束到反馈意见隔了", "天"),
    "rectified_share": Metric("rectified_share", "整改完成比例", "整改完成比例为", "%", "个百分点"),
    "money": Metric("money", "金额", "", "万元"),
    "rules": Metric("rules", "制度数", "", "项"),
    "measures": Metric("measures", "整改措施(任务)数", "整改措施(任务)", "项"),
    "problems": Metric("problems", "反馈问题数", "反馈问题", "项"),
}
FIGURE_FIELD = {"money": "money", "rules": "rules", "measures": "measures", "problems": "problems_found"}


@dataclass(frozen=True)
class ComputedQuestion:
    """How a computed question is read: the metric, the order asked, whether it is about every unit."""

    metric: Metric
    ascending: bool = False
    all_units: bool = False
    families: tuple[str, ...] = ()  # record families compared (figure metrics only)


def read_computed_question(question: str) -> ComputedQuestion | None:
    """The computation a question asks for, or None when it asks for none this module makes."""
    duration, difference, rank = DURATION.search(question), DIFFERENCE.search(question), RANK.search(question)
    if not (duration or difference or rank):
        return None
    ascending = bool(ASCENDING.search(question))
    all_units = bool(ALL_UNITS.search(question))
    metric_key = ""
    if (duration or difference or rank) and FEEDBACK_TO_PUBLISH.search(question):
        metric_key = "feedback_to_publish"
    elif (duration or difference or rank) and INSPECTION_TO_FEEDBACK.search(question):
        metric_key = "inspection_to_feedback"
    elif INSPECTION.search(question) and (duration or re.search(r"时间|天", question)) and "反馈" not in question:
        metric_key = "inspection_days"
    elif SHARE.search(question) and (difference or rank or "多少" in question):
        metric_key = "rectified_share"
    elif difference:  # figures ranked by 最多/最少 alone are the records answer's (it lists them all)
        metric_key = next((key for key, pattern in (("measures", MEASURES), ("rules", RULES), ("money", MONEY),
                                                    ("problems", PROBLEMS)) if pattern.search(question)), "")
    if not metric_key:
        return None
    return ComputedQuestion(METRICS[metric_key], ascending, all_units, _families(metric_key, question))


def _families(metric_key: str, question: str) -> tuple[str, ...]:
    """The record families a figure metric compares: those the question names, else all but "other"."""
    if metric_key not in FIGURE_FIELD:
        return ()
    families = FAMILIES[FIGURE_FIELD[metric_key]]
    if metric_key == "problems":
        return ("problems",)
    asked = tuple(f.key for f in families if f.question is not None and f.question.search(question))
    return asked or tuple(f.key for f in families if not f.key.startswith("other"))


def scope_for_computation(question: str, units_named: Sequence[str], all_units: Sequence[str]) -> list[str]:
    """The units a computed answer covers: those named (one is enough for a duration), else every unit when asked."""
    if units_named:
        return [unit for unit in units_named if unit in all_units]
    plan = read_computed_question(question)
    return list(all_units) if plan is not None and plan.all_units else []


# --- gathering the inputs ----------------------------------------------------------------------


@dataclass
class _Value:
    """One computed value with how it was computed ("2020年9月7日至2020年11月13日,首尾都算:68天")."""

    number: Decimal
    calculation: str


@dataclass
class _UnitResult:
    unit: str
    inputs: list[str] = field(default_factory=list)  # as shown, with [n] markers
    values: list[_Value] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the unit's notices do not state


class _Citations:
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


def _days_of_period(result: _UnitResult, notice: NoticeRow, text: str, citations: _Citations) -> tuple[date, date] | None:
    period = notice.metadata.inspection_period
    if period is None:
        return None
    result.inputs.append(f"巡察时间{_quoted(period)}{citations.cite(notice, text, period.start, period.end)}")
    return parse_period(text[period.start : period.end])


def _inspection_days(result: _UnitResult, notice: NoticeRow, text: str, citations: _Citations) -> None:
    period = notice.metadata.inspection_period
    span = _days_of_period(result, notice, text, citations)
    if period is None:
        result.missing.append("巡察起止日期")
    elif span is None:
        result.missing.append("完整的巡察起止日期(缺年份或日)")
    else:
        start, end = span
        days = inclusive_days(start, end)
        result.values.append(_Value(Decimal(days), f"{chinese_date(start)}至{chinese_date(end)},首尾两天都算:{days}天"))


def _feedback_date(result: _UnitResult, notice: NoticeRow, text: str, citations: _Citations) -> tuple[date, str] | None:
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


def _feedback_to_publish(result: _UnitResult, notice: NoticeRow, text: str, citations: _Citations) -> None:
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
            _Value(Decimal(days), f"{chinese_date(day)}反馈→{chinese_date(publish_day)}{kind}:{days}天{note}")
        )


def _inspection_to_feedback(result: _UnitResult, notice: NoticeRow, text: str, citations: _Citations) -> None:
    span = _days_of_period(result, notice, text, citations)
    if notice.metadata.inspection_period is None:
        result.missing.append("巡察起止日期")
    feedback = _feedback_date(result, notice, text, citations)
    if span is None or feedback is None:
        return
    day, note = feedback
    days = days_between(span[1], day)
    result.values.append(_Value(Decimal(days), f"{chinese_date(span[1])}巡察结束→{chinese_date(day)}反馈:{days}天{note}"))


def _own_figures(record: NoticeRecord, text: str, fields: tuple[str, ...]) -> list[Figure]:
    """The unit's own figures of these fields whose quotes are verbatim."""
    return [f for f in record.figures if f.field in fields and not f.scope and text[f.start : f.end] == f.quote]


def _figure_values(
    plan: ComputedQuestion, result: _UnitResult, notice: NoticeRow, record: NoticeRecord, text: str,
    citations: _Citations,
) -> None:
    field_name = FIGURE_FIELD[plan.metric.key]
    figures = [
        f for f in _own_figures(record, text, (field_name,))
        if (family := family_of(f)) is not None and family.key in plan.families
        and measure_of(f) == ("元" if field_name == "money" else "项")
    ]
    if not figures:
        result.missing.append(_missing_name(plan))
    for figure in figures:
        result.inputs.append(f"{figure.label}{figure.text}{citations.cite(notice, text, figure.start, figure.end)}")
        if field_name == "money":
            wan = yuan_to_wan(figure.value)
            in_wan = f"{plain(wan)}万元"
            result.values.append(_Value(wan, in_wan if figure.text == in_wan else f"{figure.text}={in_wan}"))
        else:
            result.values.append(_Value(Decimal(str(figure.value)), f"{plain(figure.value)}{plan.metric.unit}"))


def _missing_name(plan: ComputedQuestion) -> str:
    names = {f.key: f.name.removesuffix("数") for f in FAMILIES[FIGURE_FIELD[plan.metric.key]]}
    return "、".join(names[key] for key in plan.families) + "的数字"


def _rectified_share(result: _UnitResult, notice: NoticeRow, record: NoticeRecord, text: str, citations: _Citations) -> None:
    """已整改 ÷ the stated total (问题 or 整改任务 count equal to 已整改+正在整改 where both are stated)."""
    rectified = _own_figures(record, text, ("problems_rectified",))
    in_progress = _own_figures(record, text, ("problems_in_progress",))
    totals = [f for f in _own_figures(record, text, ("problems_found", "measures"))
              if measure_of(f) == "项" and (f.field == "measures" or family_of(f).key == "problems")]
    rates = _own_figures(record, text, ("completion_rate",))
    cite = lambda f: citations.cite(notice, text, f.start, f.end)  # noqa: E731 - local shorthand
    for rate in rates:
        result.inputs.append(f"{rate.label}{rate.text}{cite(rate)}")
    if not rectified:
        result.missing.append("已整改的数量")
        for rate in rates:
            result.values.append(_Value(Decimal(str(rate.value)), f"通报写明{rate.label}{rate.text}"))
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
            result.values.append(_Value(share, f"{how}={plain(share)}%"))


def _total_for(done: Figure, in_progress: list[Figure], totals: list[Figure]) -> tuple[Figure | None, Figure | None]:
    """The total a rectified count is out of, and the in-progress count stated with it."""
    pending = min((f for f in in_progress if f.start >= done.start), key=lambda f: f.start - done.start, default=None)
    near = lambda figures: sorted(figures, key=lambda f: abs(f.start - done.start))  # noqa: E731
    if pending is not None:
        matching = [f for f in totals if f.value == done.value + pending.value]
        return (near(matching)[0] if matching else None), pending
    larger = {f.value for f in totals if f.value >= done.value}
    if len(larger) == 1:
        return near([f for f in totals if f.value in larger])[0], None
    return None, None


# --- the answer --------------------------------------------------------------------------------


def answer_computed(
    question: str,
    standalone_question: str,
    units_in_scope: list[str],
    notices: list[NoticeRow],
    records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """A conclusion, a table of cited inputs and computations, and the inputs notices lack; None if not asked."""
    asked = standalone_question or question
    plan = read_computed_question(asked)
    if plan is None or not units_in_scope:
        return None
    if len(units_in_scope) == 1 and plan.metric.key in FIGURE_FIELD:
        return None  # one unit's figure is the records or passage answer's; only durations and shares are computed

    citations = _Citations()
    results = [_gather(plan, unit, notices, records, notice_text_of, citations) for unit in units_in_scope]
    valued = [r for r in results if r.values]
    if not valued:
        return None  # nothing to compute from anywhere: the passage answer may still find something
    lines = [_conclusion(plan, results), "", f"计算过程({_method(plan)}):", "",
             "| 单位 | 原文数字 | 计算 |", "|---|---|---|"]
    lines.extend(_row(r) for r in _ordered(plan, valued))
    lines.append("")
    lines.extend(_notes(plan, results))
    lines, citations.items = _renumbered(lines, citations.items)
    logger.debug("computed answer: %s over %d units, %d with values", plan.metric.key, len(results), len(valued))
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join(lines).strip(),
        citations=citations.items,
        answerer=ANSWERER,
        units=[r.unit for r in valued],
    )


def _gather(
    plan: ComputedQuestion, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None], citations: _Citations,
) -> _UnitResult:
    result = _UnitResult(unit)
    for notice in (n for n in notices if _unit_of(n) == unit):
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


def _method(plan: ComputedQuestion) -> str:
    return {
        "inspection_days": "巡察天数按起止日期计算,首尾两天都算;结束日期未写年份的沿用开始日期的年份,跨年的计入次年",
        "feedback_to_publish": "天数=发布(落款)日期-反馈日期",
        "inspection_to_feedback": "天数=反馈日期-巡察结束日期",
        "rectified_share": "整改完成比例=已整改数÷问题(任务)总数;总数取与“已整改+正在整改”相等的那个数",
        "money": "金额统一换算为万元",
    }.get(plan.metric.key, "按通报原文数字比较")


def _best(result: _UnitResult) -> Decimal:
    return max(value.number for value in result.values)


def _ordered(plan: ComputedQuestion, valued: list[_UnitResult]) -> list[_UnitResult]:
    return sorted(valued, key=_best, reverse=not plan.ascending)


def _row(result: _UnitResult) -> str:
    inputs = ";".join(_cell(i) for i in result.inputs)
    calculations = ";".join(_cell(v.calculation) for v in result.values)
    return f"| {_cell(result.unit)} | {inputs} | {calculations} |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _amount(plan: ComputedQuestion, number: Decimal) -> str:
    return f"{plain(number)}{plan.metric.unit}"


def _difference(plan: ComputedQuestion, number: Decimal) -> str:
    return f"{plain(number)}{plan.metric.difference_unit or plan.metric.unit}"


def _said(plan: ComputedQuestion, result: _UnitResult) -> str:
    """"东临新区巡察历时68天" / "东临新区追回损失17.63万元"."""
    best = _best(result)
    return f"{result.unit}{_phrase(plan)}{_amount(plan, best)}"


def _phrase(plan: ComputedQuestion) -> str:
    """The conclusion's words before a value: the metric's, else the one family compared ("挽回(追回)经济损失")."""
    if plan.metric.phrase:
        return plan.metric.phrase
    families = [f for f in FAMILIES[FIGURE_FIELD[plan.metric.key]] if f.key in plan.families]
    return families[0].name if len(families) == 1 else f"{plan.metric.name}为"


def _conclusion(plan: ComputedQuestion, results: list[_UnitResult]) -> str:
    valued = _ordered(plan, [r for r in results if r.values])
    if len(results) == 1:
        return f"{_said(plan, valued[0])}。"
    if len(valued) == 1:
        return f"只有{valued[0].unit}的通报写明了计算所需的数字:{_said(plan, valued[0])};其余单位无从比较(见下)。"
    first, last = valued[0], valued[-1]
    gap = abs(_best(first) - _best(last))
    if gap == 0:
        return f"{'、'.join(r.unit for r in valued)}的{plan.metric.name}相同,均为{_amount(plan, _best(first))}。"
    more_or_less = ("低" if plan.ascending else "高") if plan.metric.unit == "%" else ("少" if plan.ascending else "多")
    if len(valued) == 2:
        return f"{_said(plan, first)},比{last.unit}({_amount(plan, _best(last))}){more_or_less}{_difference(plan, gap)}。"
    order = f"从{more_or_less}到{'高' if more_or_less == '低' else '低' if more_or_less == '高' else '多' if more_or_less == '少' else '少'}"
    listing = "、".join(f"{r.unit}{_amount(plan, _best(r))}" for r in valued)
    extreme = f"最{more_or_less}"
    return (f"按{plan.metric.name}{order}:{listing}。{first.unit}{extreme},"
            f"比{last.unit}{more_or_less}{_difference(plan, gap)}。")


def _notes(plan: ComputedQuestion, results: list[_UnitResult]) -> list[str]:
    notes = []
    for result in results:
        distinct = sorted({v.number for v in result.values})
        if len(distinct) > 1:
            shown = "、".join(_amount(plan, n) for n in distinct)
            several = "列有多项此类数字" if plan.metric.key in FIGURE_FIELD else "写有不同的数字"
            notes.append(f"注:{result.unit}的通报{several}({shown}),表中都列出,比较时取最大的{_amount(plan, distinct[-1])}。")
    for result in results:
        if not result.values:
            missing = "、".join(dict.fromkeys(result.missing)) or "计算所需的数字"
            notes.append(f"{result.unit}的通报未写明{missing},无法计算。")
    return notes


def _renumbered(lines: list[str], citations: list[Citation]) -> tuple[list[str], list[Citation]]:
    """Citations numbered in reading order (table rows are sorted after citing); unused ones dropped."""
    text = "\n".join(lines)
    order = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", text)))
    new_number = {old: new for new, old in enumerate(order, start=1)}
    by_number = {c.n: c for c in citations}
    renumbered = [replace(by_number[old], n=new) for old, new in new_number.items() if old in by_number]
    lines = [re.sub(r"\[(\d+)\]", lambda m: f"[{new_number.get(int(m.group(1)), m.group(1))}]", line) for line in lines]
    return lines, renumbered
