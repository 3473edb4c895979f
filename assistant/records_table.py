"""The table of a records answer: per-unit figures gathered, cited, ranked and added, rendered as lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.answer import Citation
from assistant.measures_done import measures_done
from assistant.records_question import Family, FigureQuestion, family_of, measure_of
from assistant.units import unit_label
from index.catalog import NoticeRow
from index.records import Figure, NoticeRecord

_CLAUSE_CUT = re.compile(r"[,，;；。:：]")
FIELD_TOPICS = {
    "money": "金额", "rules": "制度", "people": "处理人数", "clues": "线索、信访",
    "problems_found": "反馈问题", "problems_rectified": "已整改", "problems_in_progress": "正在整改",
    "completion_rate": "整改率", "measures": "整改措施(任务)",
}


@dataclass
class Stated:
    """A figure as stated in one notice."""

    figure: Figure
    notice: NoticeRow
    family: Family


@dataclass
class UnitFigures:
    unit: str
    has_record: bool = False
    own: list[Stated] = field(default_factory=list)  # scope == "": the unit's own figures
    sub_unit: list[Stated] = field(default_factory=list)
    measures_done: list[Stated] = field(default_factory=list)  # "41项整改措施已落实37项", shown beside problems done


class Citations:
    """Numbers citations in order of first use; one number per quoted span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, stated: Stated) -> str:
        figure, notice = stated.figure, stated.notice
        for citation in self.items:
            if (citation.notice_id, citation.start, citation.end) == (notice.notice_id, figure.start, figure.end):
                return f"[{citation.n}]"
        n = len(self.items) + 1
        self.items.append(Citation(n, notice.notice_id, notice.title or notice.file_name, unit_of(notice), "",
                                   figure.quote, figure.start, figure.end))
        return f"[{n}]"


def unit_of(notice: NoticeRow) -> str:
    return unit_label(notice)  # as the unit directory names it


def gather(
    unit: str, plan: FigureQuestion, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> UnitFigures:
    found = UnitFigures(unit)
    for notice in (n for n in notices if unit_of(n) == unit):
        data = records.get(notice.notice_id)
        text = notice_text_of(notice.notice_id)
        if data is None or text is None:
            continue
        found.has_record = True
        for figure in NoticeRecord.from_dict(data).figures:
            family = family_of(figure)
            if figure.field not in plan.fields or family not in plan.listed:
                continue
            if plan.label_must is not None and not plan.label_must.search(figure.label):
                continue
            if text[figure.start : figure.end] != figure.quote:
                continue  # a quote that is not verbatim is never shown, ranked or added
            (found.sub_unit if figure.scope else found.own).append(Stated(figure, notice, family))
        if "problems_rectified" in plan.fields:
            found.measures_done += [Stated(f, notice, family_of(f)) for f in measures_done(text)]
    return found


def _shown(stated: Stated, citations: Citations) -> str:
    return f"{stated.figure.label}{stated.figure.text}{citations.cite(stated)}"


def _clause_shown(stated: Stated, citations: Citations) -> str:
    """The notice's own clause holding the figure and its label ("22个方面问题已整改到位"), else label and figure."""
    figure = stated.figure
    clauses = [c.strip() for c in _CLAUSE_CUT.split(figure.quote)]
    clause = next((c for c in reversed(clauses) if figure.text in c and figure.label in c), "")
    return f"{clause}{citations.cite(stated)}" if clause else _shown(stated, citations)


def unit_line(found: UnitFigures, citations: Citations) -> str:
    parts = [_shown(s, citations) for s in found.own] or ["未给出全单位的数字"]
    by_scope: dict[str, list[str]] = {}
    for stated in found.sub_unit:
        by_scope.setdefault(stated.figure.scope, []).append(_shown(stated, citations))
    if by_scope:
        parts.append("其中" + ";".join(f"{scope}:{'、'.join(shown)}" for scope, shown in by_scope.items()))
    return f"{found.unit}:" + ";".join(parts)


def overall_first(own: list[Stated], measures_done: list[Stated]) -> list[Stated]:
    """Problems done with the largest count first (the whole unit's, or the latest, is never below a batch's), then
    the measures done with the largest count, then the rest in reading order."""
    done = [s for s in own if s.figure.field == "problems_rectified"]
    leading = [max(done, key=lambda s: s.figure.value)] if done else []
    leading += [max(measures_done, key=lambda s: s.figure.value)] if measures_done else []
    return leading + [s for s in own + measures_done if s not in leading]


def itemised_lines(plan: FigureQuestion, found: UnitFigures, citations: Citations) -> list[str]:
    """One unit's figures item by item ("这笔钱具体是哪几项?"), and which stated total the items add up to."""
    lines = [f"{found.unit}通报的{_topic(plan)}数字如下(按通报原文):"]
    own = [f"- {_clause_shown(s, citations)}" for s in overall_first(found.own, found.measures_done)]
    lines.extend(dict.fromkeys(own))  # two figures of one clause ("立案4件、了结4件") show it once
    lines.extend(f"- {s.figure.scope}:{_shown(s, citations)}" for s in found.sub_unit)
    for total in found.own:
        parts = [s for s in found.own if s is not total and measure_of(s.figure) == measure_of(total.figure)]
        if len(parts) >= 2 and sum(Decimal(str(s.figure.value)) for s in parts) == Decimal(str(total.figure.value)):
            lines.append(f"其中{'+'.join(s.figure.text for s in parts)}={total.figure.text},正是通报所写的总数。")
            break
    return lines


def _groups(plan: FigureQuestion, per_unit: list[UnitFigures]) -> list[tuple[Family, str, dict[str, list[Stated]]]]:
    """Unit-level figures of each compared family and measure: [(family, measure, {unit: figures})]."""
    groups: dict[tuple[str, str], tuple[Family, str, dict[str, list[Stated]]]] = {}
    for found in per_unit:
        for stated in found.own:
            if stated.family not in plan.compared:
                continue
            family = plan.pooled or stated.family
            key = (family.key, measure_of(stated.figure))
            group = groups.setdefault(key, (family, key[1], {}))
            group[2].setdefault(found.unit, []).append(stated)
    return list(groups.values())


def headline(plan: FigureQuestion, per_unit: list[UnitFigures], citations: Citations) -> list[str]:
    groups = _groups(plan, per_unit)
    named = len(groups) > 1
    lines: list[str] = []
    if plan.rank:
        lines.extend(_ranking(family, measure, by_unit, plan, citations) for family, measure, by_unit in groups)
        if not groups:
            lines.append("无法比较:各单位通报中没有可比的同一口径数字(见下)。")
    if plan.wants_sum:
        lines.extend(_sum(family, measure, by_unit, citations, named) for family, measure, by_unit in groups if family.summable)
        if not any(family.summable for family, _, _ in groups):
            lines.append("无法合计:各单位通报中没有可相加的同一口径数字(见下)。")
    if not lines:
        lines.append(f"各单位通报的{_topic(plan)}数字如下(按通报原文):")
    elif plan.rank or plan.wants_sum:
        lines.append("各单位通报的数字:")
    return lines


def missing_headline(plan: FigureQuestion, per_unit: list[UnitFigures]) -> list[str]:
    """"哪几个单位没写整改率?": the units whose notices state no figure of the asked kind, then those that do."""
    what = "、".join(f"“{family.name}”" for family in plan.compared)
    silent = [u.unit for u in per_unit if u.has_record and not any(s.family in plan.compared for s in u.own)]
    if not silent:
        return [f"各单位的通报都写明了{what}的数字。", "各单位通报的数字:"]
    return [f"通报没有写明{what}数字的单位有{len(silent)}个:{'、'.join(silent)}。", "各单位通报的相关数字:"]


def _topic(plan: FigureQuestion) -> str:
    """What the listed figures are: one family's name, else the field's."""
    if len(plan.listed) == 1:
        return f"“{plan.listed[0].name}”"
    return "“" + "、".join(FIELD_TOPICS[name] for name in plan.fields) + "”"


def _ranking(family: Family, measure: str, by_unit: dict[str, list[Stated]], plan: FigureQuestion,
             citations: Citations) -> str:
    rank = plan.rank
    best = {unit: max(figures, key=lambda s: s.figure.value) for unit, figures in by_unit.items()}
    if len(best) == 1:
        unit, stated = next(iter(best.items()))
        return f"只有{unit}给出了“{family.name}”的数字:{_shown(stated, citations)},无从比较。"
    pick = max if rank == "most" else min
    target = pick(s.figure.value for s in best.values())
    winners = [unit for unit, s in best.items() if s.figure.value == target]
    word = "最多" if rank == "most" else "最少"
    several = any(len(figures) > 1 for figures in by_unit.values())
    how = ",同一单位有多项时取其最大一项" if several else ""
    stated = "、".join(_shown(best[unit], citations) for unit in winners)
    tie = "并列" if len(winners) > 1 else ""
    gap = ""
    if plan.wants_gap and len(best) == 2 and not tie:
        low, high = sorted(best.values(), key=lambda s: s.figure.value)
        difference = Decimal(str(high.figure.value)) - Decimal(str(low.figure.value))
        gap = f"两者相差{_amount(difference, measure, [low, high])}({high.figure.text}-{low.figure.text})。"
    return (f"按“{family.name}”口径比较(只比同一口径的数字{how}),{'、'.join(winners)}{tie}{word}:"
            f"{stated};参与比较的单位{len(best)}个。{gap}")


def _sum(family: Family, measure: str, by_unit: dict[str, list[Stated]], citations: Citations, named: bool) -> str:
    prefix = f"“{family.name}”" if named else ""
    by_unit = {unit: _distinct(figures) for unit, figures in by_unit.items()}
    everything = [s for figures in by_unit.values() for s in figures]
    approximate = "(含约数)" if any(re.search(r"[余多]", s.figure.text) for s in everything) else ""
    several = [unit for unit, figures in by_unit.items() if len(figures) > 1]
    if not several:
        return f"{prefix}合计(按各单位通报数字计算):{_total(everything, measure, citations)}{approximate}。"
    largest_of = {unit: max(figures, key=lambda s: s.figure.value) for unit, figures in by_unit.items()}
    largest = list(largest_of.values())
    covered = [unit for unit in several if _total_covers(by_unit[unit], largest_of[unit])]
    if covered == several:
        # each such unit's largest figure is its own total (共追回…42.02万元): adding its parts again would
        # double-count, so the sum of the totals leads and the all-items sum is only the caveat.
        return (
            f"{prefix}合计(按各单位通报数字计算,通报了总数的单位取其总数):{_total(largest, measure, citations)}"
            f"{approximate}。\n其中{'、'.join(several)}在总数之外另列了分项;分项与总数全部相加"
            f"(会重复计算)为{_total(everything, measure, citations)}。"
        )
    if covered:
        # a unit stating its total counts by that total; one stating none counts its listed items added
        added = [unit for unit in several if unit not in covered]
        chosen = [s for unit, figures in by_unit.items() for s in (figures if unit in added else [largest_of[unit]])]
        return (
            f"{prefix}合计(按各单位通报数字计算,通报了总数的单位取其总数,{'、'.join(added)}没有通报总数,"
            f"把所列各项相加):{_total(chosen, measure, citations)}{approximate}。\n其中{'、'.join(covered)}在总数之外"
            f"另列的分项未重复计入;若{'、'.join(added)}所列各项互有包含,各取最大一项则合计为"
            f"{_total(largest, measure, citations)}。"
        )
    return (
        f"{prefix}合计(按各单位通报数字计算):各项相加为{_total(everything, measure, citations)}{approximate}。\n"
        f"其中{'、'.join(several)}通报了多项此类数字,可能互有包含(如总数与分项);"
        f"这些单位各取最大一项,则合计为{_total(largest, measure, citations)}。"
    )


def _total_covers(figures: list[Stated], largest: Stated) -> bool:
    """Whether a unit's largest figure is worded as its total (共…42.02万元) and none is said to be beyond it (另…)."""
    return _worded(largest, "共|合计|累计|总计") and not any(_worded(s, "另|此外") for s in figures if s is not largest)


def _worded(stated: Stated, words: str) -> bool:
    """Whether one of the words stands shortly before the figure, in its clause."""
    text = re.escape(stated.figure.text)
    return re.search(rf"(?:{words})[^，,；;。]{{0,14}}{text}", stated.figure.quote) is not None


def _distinct(figures: list[Stated]) -> list[Stated]:
    """One unit's figures to add: a figure stated again counts once, and a stated total stands for its parts."""
    first_of: dict[Decimal, Stated] = {}
    for stated in figures:
        first_of.setdefault(Decimal(str(stated.figure.value)), stated)
    distinct = list(first_of.values())
    largest = max(distinct, key=lambda s: s.figure.value)
    rest = [s for s in distinct if s is not largest]
    if len(rest) >= 2 and sum(Decimal(str(s.figure.value)) for s in rest) == Decimal(str(largest.figure.value)):
        return [largest]  # "制定整改措施41项" beside its parts 19项 and 22项
    return distinct


def _total(parts: list[Stated], measure: str, citations: Citations) -> str:
    total = sum(Decimal(str(s.figure.value)) for s in parts)
    terms = "+".join(f"{s.figure.text}{citations.cite(s)}" for s in parts) if len(parts) > 1 else citations.cite(parts[0])
    return f"{_amount(total, measure, parts)}={terms}" if len(parts) > 1 else f"{_amount(total, measure, parts)}{terms}"


def _amount(total: Decimal, measure: str, parts: list[Stated]) -> str:
    if measure == "元":
        yuan = _plain(total)
        return f"{_plain(total / 10000)}万元({yuan}元)" if total >= 10000 else f"{yuan}元"
    units = {s.figure.unit for s in parts}
    return f"{_plain(total)}{units.pop() if len(units) == 1 else measure}"


def _plain(number: Decimal) -> str:
    """A number without trailing zeros or exponent: 515000, 51.5, 0.32."""
    return format(number.quantize(Decimal("0.0001")).normalize(), "f")


def not_compared_notes(plan: FigureQuestion, per_unit: list[UnitFigures], citations: Citations) -> list[str]:
    """Say which listed figures were left out of a ranking or sum, and why."""
    if not (plan.rank or plan.wants_sum):
        return []
    notes = []
    for found in per_unit:
        for stated in found.own:
            if stated.figure.field == plan.field and stated.family not in plan.compared:
                notes.append(f"注:{found.unit}的“{stated.figure.label}{stated.figure.text}”{citations.cite(stated)}"
                             f"属于“{stated.family.name}”,与所问口径不同,未参与比较或合计。")
    if any(found.sub_unit for found in per_unit):
        notes.append("注:下属单位的数字只作列示,未参与比较或合计。")
    return notes
