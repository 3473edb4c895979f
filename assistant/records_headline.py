"""The headline of a records answer across units: which unit states the most or least, and the figures added."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.records_question import Family, FigureQuestion, measure_of
from assistant.records_table import Citations, Stated, UnitFigures, shown, topic_of

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
        lines.append(f"各单位通报的{topic_of(plan)}数字如下(按通报原文):")
    elif plan.rank or plan.wants_sum:
        lines.append("各单位通报的数字:")
    return lines


def _ranking(family: Family, measure: str, by_unit: dict[str, list[Stated]], plan: FigureQuestion,
             citations: Citations) -> str:
    rank = plan.rank
    best = {unit: max(figures, key=lambda s: s.figure.value) for unit, figures in by_unit.items()}
    if len(best) == 1:
        unit, stated = next(iter(best.items()))
        return f"只有{unit}给出了“{family.name}”的数字:{shown(stated, citations)},无从比较。"
    pick = max if rank == "most" else min
    target = pick(s.figure.value for s in best.values())
    winners = [unit for unit, s in best.items() if s.figure.value == target]
    word = "最多" if rank == "most" else "最少"
    several = any(len(figures) > 1 for figures in by_unit.values())
    how = ",同一单位有多项时取其最大一项" if several else ""
    stated = "、".join(shown(best[unit], citations) for unit in winners)
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
