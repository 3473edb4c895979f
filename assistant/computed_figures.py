"""Inputs of computed comparisons from the notices' records: figures of one family, rectified shares,
and each unit's inputs gathered over its notices (dates come from assistant/computed_inputs.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from assistant.compute import plain, share_percent, yuan_to_wan
from assistant.computed_inputs import (
    PAIRING_GAP,
    CitationNumbers,
    UnitResult,
    Value,
    add_date,
    add_feedback_to_publish,
    add_inspection_days,
    add_inspection_to_feedback,
    unit_of_notice,
)
from assistant.computed_meeting import add_feedback_to_event, add_meeting_to_publish
from assistant.computed_metrics import FIGURE_FIELD, FIGURE_MEASURE, ComputedQuestion
from assistant.counted_nouns import add_noun_count
from assistant.records_question import FAMILIES, family_of, measure_of
from index.catalog import NoticeRow
from index.records import Figure, NoticeRecord


def _own_figures(record: NoticeRecord, text: str, fields: tuple[str, ...]) -> list[Figure]:
    """The unit's own figures of these fields whose quotes are verbatim."""
    return [f for f in record.figures if f.field in fields and not f.scope and text[f.start : f.end] == f.quote]


def _figure_values(
    plan: ComputedQuestion, result: UnitResult, notice: NoticeRow, record: NoticeRecord, text: str,
    citations: CitationNumbers, narrow: Callable[[list[Figure], str], list[Figure]] | None = None,
) -> None:
    field_name = FIGURE_FIELD[plan.metric.key]
    figures = [
        f for f in _own_figures(record, text, (field_name,))
        if (family := family_of(f)) is not None and family.key in plan.families
        and measure_of(f) == ("件" if plan.metric.unit == "件" else FIGURE_MEASURE.get(plan.metric.key, "项"))
        and (not plan.kind or re.search(plan.kind, f.label + f.quote))
    ]
    figures = narrow(figures, text) if narrow is not None else figures  # the item the question names for this unit
    if not figures:
        result.missing.append(f"{plan.kind.split('|')[0]}的金额" if plan.kind else _missing_name(plan))
    combined = _combined_families(plan, figures) or _items_of_one_kind(plan, figures)
    for figure in figures:
        # As the notice words it: "问题26个", or the count before its noun ("5个方面22个问题": 22个问题).
        noun_after = f"{figure.text}{figure.label}"
        said = noun_after if noun_after in figure.quote else f"{figure.label}{figure.text}"
        result.inputs.append(f"{said}{citations.cite(notice, text, figure.start, figure.end)}")
        if field_name == "money":
            wan = yuan_to_wan(figure.value)
            in_wan = f"{plain(wan)}万元"
            result.values.append(Value(wan, in_wan if figure.text == in_wan else f"{figure.text}={in_wan}"))
        elif figure not in combined:
            measure = measure_word(figure.text, plan.metric.unit)
            result.values.append(Value(Decimal(str(figure.value)), f"{plain(figure.value)}{measure}", measure))
    if combined:  # parts stated apart (two families asked together, items of one kind): their sum is compared
        numbers = [yuan_to_wan(f.value) if field_name == "money" else Decimal(str(f.value)) for f in combined]
        total = sum(numbers)
        shown = "+".join(plain(n) for n in numbers)
        result.values.append(Value(total, f"{shown}={plain(total)}{plan.metric.unit}"))


def measure_word(stated: str, default: str) -> str:
    """The measure word a count is stated in ("47个": 个), else the metric's own."""
    found = re.search(r"\d\s*(个|项|条|件|大项)$", stated)
    return found.group(1) if found else default


def _items_of_one_kind(plan: ComputedQuestion, figures: list[Figure]) -> list[Figure]:
    """Amounts of the one kind asked (通讯补助, 夜餐补助) that add up, none of them the total of the others."""
    if not plan.kind or len(figures) < 2:
        return []
    values = [Decimal(str(f.value)) for f in figures]
    if any(value == sum(values) - value for value in values):
        return []  # one of them is the stated total of the rest
    return figures


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


# A computed share within this many points of a stated rate is that rate (notices round to one decimal: 12÷13=92.3%).
STATED_RATE_ROUNDING = Decimal("0.15")
# "完成整改14个；47项整改措施…正在推进4项": an in-progress count past a sentence or clause end (；) is another count's.
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


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
    before = len(result.values)
    for done in rectified:
        total, pending = _total_for(done, in_progress, totals, text)
        total = _stated_with(total, done, text) if total is not None else None
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
    if rates:  # the rate the notice states is the share: computed shares are kept only where they agree with it
        result.values[before:] = _agreeing_with_stated(result.values[before:], rates)


def _agreeing_with_stated(computed: list[Value], rates: list[Figure]) -> list[Value]:
    """The computed shares equal (to the rounding) to a rate the notice states, and each stated rate no computed share
    shows: "16个问题已完成整改14个,整改完成率87.5%" beside "47项措施已完成43项" is 87.5%, not 43÷47."""
    stated = [Decimal(str(rate.value)) for rate in rates]
    kept = [value for value in computed if any(abs(value.number - s) <= STATED_RATE_ROUNDING for s in stated)]
    shown = [Value(s, f"通报写明{rate.label}{rate.text}") for s, rate in zip(stated, rates)
             if not any(abs(value.number - s) <= STATED_RATE_ROUNDING for value in kept)]
    return kept + shown


def _total_for(done: Figure, in_progress: list[Figure], totals: list[Figure], text: str) -> tuple[Figure | None, Figure | None]:
    """The total a rectified count is out of, and the in-progress count stated with it (in the same sentence)."""
    pending = min((f for f in in_progress if f.start >= done.start and 0 < f.end - done.end <= PAIRING_GAP
                   and not _SENTENCE_END.search(text[done.end : f.start])),
                  key=lambda f: f.end - done.end, default=None)

    def near(figures: list[Figure]) -> list[Figure]:
        return sorted(figures, key=lambda f: abs(f.start - done.start))

    if pending is not None:
        matching = [f for f in totals if f.value == done.value + pending.value]
        return (near(matching)[0] if matching else None), pending
    larger = {f.value for f in totals if f.value >= done.value}
    said = _total_said(done)
    if said is not None and said not in larger:
        return None, None  # "22个问题已完成整改20个" with no 22 among the figures: no other total will do
    if len(larger) > 1:  # "19个问题已完成整改17个": the total the rectified count's own words name
        named = {v for v in larger if re.search(rf"(?<![\d.]){plain(v)}\s*(?:个|项|条)", done.quote)}
        problems = {f.value for f in totals if f.value in larger and f.field == "problems_found"}
        larger = named if len(named) == 1 else problems if len(problems) == 1 else larger
    if len(larger) == 1:
        return near([f for f in totals if f.value in larger])[0], None
    return None, None


def _stated_with(total: Figure, done: Figure, text: str) -> Figure:
    """The total as stated again just before the rectified count ("反馈问题 22个" over "已完成整改 20个"), when a
    table repeats it there: the inputs are cited side by side; else the total as found."""
    before = max(0, done.start - PAIRING_GAP, total.end)  # nearer the rectified count than the total found
    stated = rf"(?<![\d.]){re.escape(total.text)}"  # as a count of its own, not "22个村"
    again = list(re.finditer(rf"{stated}(?![\u4e00-\u9fff])|{stated}(?=问题|整改任务|任务)", text[before : done.start]))
    if not again:
        return total
    start, end = before + again[-1].start(), before + again[-1].end()
    return replace(total, quote=text[start:end], start=start, end=end)


def _total_said(done: Figure) -> float | None:
    """The total a rectified count's own clause names before it ("22个问题已完成整改20个": 22), or None."""
    said = re.search(rf"(?<![\d.])(\d+)\s*(?:个|项|条)(?:问题|整改任务|任务|事项)[^,，;；。\d]{{0,8}}{re.escape(done.text)}", done.quote)
    return float(said.group(1)) if said else None


def gather_unit(
    plan: ComputedQuestion, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None], citations: CitationNumbers,
    narrow: Callable[[list[Figure], str], list[Figure]] | None = None, section: str = "",
) -> UnitResult:
    """One unit's cited inputs and computed values over all its notices (figures narrowed to the unit's
    own item by `narrow`, when the question names one per unit); with `section`, those of the unit
    another unit's notice reports in a section of its own (its records' figures only)."""
    result = UnitResult(section or unit)
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        result.kind = notice.metadata.inspection_kind or result.kind
        text = notice_text_of(notice.notice_id)
        if text is None:
            continue
        key = plan.metric.key
        from_records = (key in FIGURE_FIELD or key == "rectified_share") and notice.notice_id in records
        if section and not from_records:
            continue
        # A round's notice reports its first unit in a section too: that unit's figures are its section's.
        scope = section or (unit if from_records and unit in notice.metadata.sub_units else "")
        if scope:
            record = NoticeRecord.from_dict(records[notice.notice_id])
            record = replace(record, figures=[replace(f, scope="") for f in record.figures if f.scope == scope])
            if key == "rectified_share":
                _rectified_share(result, notice, record, text, citations)
            else:
                _figure_values(plan, result, notice, record, text, citations, narrow)
        elif key == "inspection_days":
            add_inspection_days(result, notice, text, citations)
        elif key == "feedback_to_publish":
            add_feedback_to_publish(result, notice, text, citations)
        elif key == "meeting_to_publish":
            add_meeting_to_publish(result, notice, text, citations)
        elif key in ("feedback_day", "publish_day", "start_day"):
            add_date(result, notice, text, citations, key)
        elif key == "feedback_to_event":
            add_feedback_to_event(result, notice, text, citations, plan.event)
        elif key == "noun_count":
            add_noun_count(result, notice, text, citations, plan.counted)
        elif key in ("inspection_to_feedback", "start_to_feedback"):
            add_inspection_to_feedback(result, notice, text, citations, from_start=key == "start_to_feedback")
        elif notice.notice_id in records:
            record = NoticeRecord.from_dict(records[notice.notice_id])
            if key == "rectified_share":
                _rectified_share(result, notice, record, text, citations)
            else:
                _figure_values(plan, result, notice, record, text, citations, narrow)
    if result.values:
        result.missing = []  # one notice of the unit stating it is enough
    return result


def section_units_of(units: list[str], notices: list[NoticeRow], records: dict[str, dict]) -> list[tuple[str, str]]:
    """(unit, section unit) for each unit reported in its own section of a notice of these units."""
    found: dict[tuple[str, str], None] = {}
    for notice in (n for n in notices if unit_of_notice(n) in units and n.notice_id in records):
        own_names = set(notice.metadata.sub_units)
        for figure in NoticeRecord.from_dict(records[notice.notice_id]).figures:
            if figure.scope in own_names and figure.scope != unit_of_notice(notice):
                found[(unit_of_notice(notice), figure.scope)] = None
    return list(found)
