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
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.compute import chinese_date, plain
from assistant.computed_figures import gather_unit, section_units_of
from assistant.section_evidence import sections_said
from assistant.computed_inputs import CitationNumbers, UnitResult, unit_of_notice
from assistant.computed_metrics import FIGURE_FIELD, ComputedQuestion
from assistant.computed_question import read_computed_question, read_computed_questions, scope_for_computation
from assistant.computed_selection import best_value, selection_conclusion
from assistant.records_question import FAMILIES
from assistant.unit_items import Narrowing
from assistant.unit_names import unit_like_names
from index.catalog import NoticeRow

__all__ = ["ANSWERER", "answer_computed", "read_computed_question", "read_computed_questions", "scope_for_computation"]

logger = logging.getLogger(__name__)

ANSWERER = "extractive:computed"
OPPOSITE = {"高": "低", "低": "高", "多": "少", "少": "多", "早": "晚", "晚": "早"}


def answer_computed(
    question: str,
    standalone_question: str,
    units_in_scope: list[str],
    notices: list[NoticeRow],
    records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
    narrowings: dict[str, Narrowing] | None = None,
    plans: list[ComputedQuestion] | None = None,
) -> Answer | None:
    """A conclusion, a table of cited inputs and computations, and the inputs notices lack; None if not asked.
    `narrowings` narrow a unit's figures to the item the question names for it ("X清退的报酬比Y上交的…")."""
    plans = plans or read_computed_questions(standalone_question or question)  # given: computed as they are
    if not plans or not units_in_scope:
        return None
    citations = CitationNumbers()
    sections, answered, met = [], [], []
    for plan in plans:
        if len(units_in_scope) == 1 and plan.metric.key in FIGURE_FIELD and len(unit_like_names(question)) < 2:
            # One unit's figure is the records or passage answer's; only durations and shares are computed,
            # unless it was compared with a unit the library lacks ("榴溪镇和溪口镇谁多?"): its side is given.
            continue
        results = [gather_unit(plan, unit, notices, records, notice_text_of, citations, (narrowings or {}).get(unit))
                   for unit in units_in_scope]
        # A centre its bureau's notice reports apart, or a round's other unit, is a unit of the comparison;
        # of a round's units, those the question says when it says any.
        pairs = section_units_of(units_in_scope, notices, records)
        said = sections_said(question, pairs)
        if len(units_in_scope) == 1 and said and not sections_said(question, [("", units_in_scope[0])]):
            results = []  # "某局的两个中心": the round's notice unit was named only through its sections
        if len(units_in_scope) >= 2 or said:
            results += [gather_unit(plan, unit, notices, records, notice_text_of, citations, section=section)
                        for unit, section in said or _not_asked_past(question, pairs, notices)]
        if any(r.values for r in results) or plan.select == "missing":  # none stating it is the answer
            sections.append(_section(plan, results))
            answered.extend(r.unit for r in results if r.values)
        if plan.condition is not None:
            met.append({r.unit for r in results if r.values and plan.condition.holds(best_value(r))})
    if not sections:
        return None  # nothing to compute from anywhere: the passage answer may still find something
    lines = [line for section in sections for line in [*section, ""]]
    if len(met) == 2 and len(plans) == 2 and plans[1].condition is not None and plans[1].condition.said == "全部整改完成":
        both = [unit for unit in units_in_scope if unit in met[0] & met[1]]
        lines.insert(0, f"{'、'.join(both)}在{plans[0].condition.said}写明问题全部整改完成(见下)。\n" if both
                     else f"没有单位的通报在{plans[0].condition.said}写明问题全部整改完成(从反馈到发布通报的天数、整改完成比例见下)。\n")
    lines, citations.items = _renumbered(lines, citations.items)
    logger.debug("computed answer: %s over %d units", [p.metric.key for p in plans], len(units_in_scope))
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join(lines).strip(),
        citations=citations.items,
        answerer=ANSWERER,
        units=list(dict.fromkeys(answered)),
    )


def _not_asked_past(question: str, pairs: list[tuple[str, str]], notices: list[NoticeRow]) -> list[tuple[str, str]]:
    """The pairs, less the other units of a round whose notice is filed under one of them when the question
    names that one ("统计局和红十字会谁高": the statistics bureau, not its round's other units)."""
    own_section = {unit_of_notice(n) for n in notices if unit_of_notice(n) in n.metadata.sub_units}
    named = {unit for unit, _ in pairs if unit in own_section and sections_said(question, [("", unit)])}
    return [(unit, section) for unit, section in pairs if unit not in named]


def _section(plan: ComputedQuestion, results: list[UnitResult]) -> list[str]:
    """One computation: its conclusion, the table of cited inputs and calculations, what notices lack."""
    valued = [r for r in results if r.values]
    plan = _in_stated_measure(plan, valued)
    conclusion = (selection_conclusion(plan, _ordered(plan, valued), results, _quantity(plan)) if plan.select
                  else _conclusion(plan, results))
    lines = [conclusion, "", f"计算过程({_method(plan)}):", "",
             "| 单位 | 原文数字 | 计算 |", "|---|---|---|"]
    lines.extend(_row(r) for r in _ordered(plan, valued))
    lines.append("")
    lines.extend(_notes(plan, results))
    return lines


def _in_stated_measure(plan: ComputedQuestion, valued: list[UnitResult]) -> ComputedQuestion:
    """Counts every notice states in one measure word ("47个问题", "36个问题") are compared in it, not in 项."""
    measures = {value.measure for result in valued for value in result.values}
    if len(measures) != 1 or "" in measures or plan.metric.unit in measures:
        return plan
    return replace(plan, metric=replace(plan.metric, unit=measures.pop()))


def _quantity(plan: ComputedQuestion) -> str:
    """What is compared, for a selection's conclusion: the one family asked ("党纪政务处分"), else the metric."""
    if plan.metric.key not in FIGURE_FIELD:
        return plan.metric.name
    families = [f for f in FAMILIES[FIGURE_FIELD[plan.metric.key]] if f.key in plan.families]
    return f"“{families[0].name}”" if len(families) == 1 else plan.metric.name


def _method(plan: ComputedQuestion) -> str:
    return {
        "inspection_days": "巡察天数按起止日期计算,首尾两天都算,起止日期相减的天数少1天,一并列出;结束日期未写年份的沿用开始日期的年份,跨年的计入次年",
        "feedback_to_publish": "天数=发布(落款)日期-反馈日期",
        "meeting_to_publish": "天数=发布(落款)日期-召开会议研究整改的日期",
        "inspection_to_feedback": "天数=反馈日期-巡察结束日期",
        "start_to_feedback": "天数=反馈日期-巡察开始日期",
        "feedback_day": "相差天数=两个反馈日期之间的天数",
        "publish_day": "相差天数=两个发布日期之间的天数",
        "start_day": "相差天数=两个巡察开始日期之间的天数",
        "feedback_to_event": f"天数=召开{plan.event}的日期-反馈日期",
        "rectified_share": "整改完成比例=已整改数÷问题(任务)总数;总数取与“已整改+正在整改”相等的那个数",
        "money": "金额统一换算为万元",
    }.get(plan.metric.key, "按通报原文数字比较")


def _best(result: UnitResult) -> Decimal:
    return max(value.number for value in result.values)


def _ordered(plan: ComputedQuestion, valued: list[UnitResult]) -> list[UnitResult]:
    return sorted(valued, key=_best, reverse=not plan.ascending)


def _row(result: UnitResult) -> str:
    inputs = ";".join(_cell(i) for i in result.inputs)
    calculations = ";".join(_cell(v.calculation) for v in result.values)
    return f"| {_cell(result.unit)} | {inputs} | {calculations} |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _amount(plan: ComputedQuestion, number: Decimal, both_readings: bool = True) -> str:
    if plan.metric.unit == "日期":  # a day number: shown as the date
        return chinese_date(date.fromordinal(int(number)))
    if plan.metric.key == "inspection_days" and both_readings:  # see answering_settings: both ends, and apart
        return f"{plain(number)}天(首尾都算;相隔{plain(number - 1)}天)"
    return f"{plain(number)}{plan.metric.unit}"


def _difference(plan: ComputedQuestion, number: Decimal) -> str:
    return f"{plain(number)}{plan.metric.difference_unit or plan.metric.unit}"


def _in_yuan(plan: ComputedQuestion, compared: tuple[UnitResult, ...], gap: Decimal) -> str:
    """"(即22000元)": a money difference in 元 too when every compared amount is stated in 元."""
    stated = [next(v for v in r.values if v.number == _best(r)).calculation for r in compared]
    if plan.metric.unit != "万元" or not all(re.match(r"[\d.]+元=", calculation) for calculation in stated):
        return ""
    return f"(即{plain(gap * 10000)}元)"


def _said(plan: ComputedQuestion, result: UnitResult) -> str:
    """"东临新区巡察历时68天" / "东临新区追回损失17.63万元"."""
    best = _best(result)
    return f"{result.unit}{_phrase(plan).replace('巡察', result.kind)}{_amount(plan, best)}"


def _phrase(plan: ComputedQuestion) -> str:
    """The conclusion's words before a value: the metric's, else the one family compared ("挽回(追回)经济损失")."""
    if plan.metric.phrase:
        return plan.metric.phrase
    families = [f for f in FAMILIES[FIGURE_FIELD[plan.metric.key]] if f.key in plan.families]
    if len(families) == 1:
        return families[0].name
    if plan.metric.key == "money" and len(families) == 2:  # "收回的钱": losses retrieved or clawbacks, say which
        return f"{'或'.join(f.name for f in families)}(取最大一项)为"
    return f"{plan.metric.name}为"


def _conclusion(plan: ComputedQuestion, results: list[UnitResult]) -> str:
    valued = _ordered(plan, [r for r in results if r.values])
    if len(results) == 1:
        return f"{_said(plan, valued[0])}。"
    if len(valued) == 1:
        return f"只有{valued[0].unit}的通报写明了计算所需的数字:{_said(plan, valued[0])};其余单位无从比较(见下)。"
    first, last = valued[0], valued[-1]
    gap = abs(_best(first) - _best(last))
    if gap == 0:
        return f"{'、'.join(r.unit for r in valued)}的{plan.metric.name}相同,均为{_amount(plan, _best(first))}。"
    more_or_less = {"%": "低" if plan.ascending else "高", "日期": "早" if plan.ascending else "晚"}.get(
        plan.metric.unit, "少" if plan.ascending else "多")
    if len(valued) == 2:
        quicker = f"{first.unit}更{'快' if plan.ascending else '慢'}。" if plan.speed else ""
        return (f"{_said(plan, first)},比{last.unit}({_amount(plan, _best(last), both_readings=False)}){more_or_less}{_difference(plan, gap)}"
                f"{_in_yuan(plan, (first, last), gap)}。{quicker}")
    order = f"从{more_or_less}到{OPPOSITE[more_or_less]}"
    listing = "、".join(f"{r.unit}{_amount(plan, _best(r))}" for r in valued)
    extreme = f"最{more_or_less}"
    return (f"按{plan.metric.name}{order}:{listing}。{first.unit}{extreme},"
            f"比{last.unit}{more_or_less}{_difference(plan, gap)}。")


def _notes(plan: ComputedQuestion, results: list[UnitResult]) -> list[str]:
    notes = []
    for result in results:
        distinct = sorted({v.number for v in result.values})
        if len(distinct) > 1:
            shown = "、".join(_amount(plan, n) for n in distinct)
            several = "列有多项此类数字" if plan.metric.key in FIGURE_FIELD else "写有不同的数字"
            notes.append(f"注:{result.unit}的通报{several}({shown}),表中都列出,比较时取最大的{_amount(plan, distinct[-1])}。")
    notes.extend(f"注:{r.unit}的{note}。" for r in results if r.values for note in dict.fromkeys(r.notes))
    for result in results if plan.select != "missing" else ():  # a "which units lack it" answer already named them
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
