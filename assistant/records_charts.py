"""Bars per unit for the records tab (整改记录图表): money, problems, rectified share, rules, days inspected.

Each bar is one unit's value as the computed comparisons compute it, with the quotes it was computed
from; a unit stating several figures of one kind gets the largest as its bar, and all are listed.
Pure over a catalogue-like object (notices(), records(), notice_text()).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assistant.answer import Citation
from assistant.compute import plain
from assistant.computed_figures import gather_unit
from assistant.computed_inputs import CitationNumbers
from assistant.computed_metrics import METRICS, ComputedQuestion
from assistant.records_view import RecordSource


@dataclass(frozen=True)
class ChartSpec:
    """One chart: what each bar is and how the axis is labelled."""

    key: str
    title: str
    question: ComputedQuestion


CHART_SPECS = (
    ChartSpec("money_loss", "挽回(追回)经济损失(万元)", ComputedQuestion(METRICS["money"], families=("loss",))),
    ChartSpec("money_clawback", "清退、追缴等收回的资金(万元)", ComputedQuestion(METRICS["money"], families=("clawback",))),
    ChartSpec("problems", "反馈问题数(项)", ComputedQuestion(METRICS["problems"], families=("problems",))),
    ChartSpec("rectified_share", "整改完成比例(%)", ComputedQuestion(METRICS["rectified_share"])),
    ChartSpec("rules_new", "新制定制度(项)", ComputedQuestion(METRICS["rules"], families=("new",))),
    ChartSpec("rules_revised", "修订完善制度(项)", ComputedQuestion(METRICS["rules"], families=("revised",))),
    ChartSpec("inspection_days", "巡察天数(天)", ComputedQuestion(METRICS["inspection_days"])),
)


@dataclass(frozen=True)
class Bar:
    """One unit's bar: its value, how it was computed, and the quotes behind it."""

    unit: str
    value: Decimal
    shown: str  # "27.493万元"
    calculations: tuple[str, ...]
    inputs: tuple[str, ...]  # as shown, with [n] markers pointing into sources
    sources: tuple[Citation, ...]


@dataclass
class Chart:
    key: str
    title: str
    unit: str
    bars: list[Bar] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)  # units whose notices do not state it


def records_charts(catalog: RecordSource, units: list[str]) -> list[Chart]:
    """Every chart with at least one bar, bars largest first."""
    notices, records = catalog.notices(), catalog.records()
    charts = []
    for spec in CHART_SPECS:
        chart = Chart(spec.key, spec.title, spec.question.metric.unit)
        for unit in units:
            citations = CitationNumbers()
            result = gather_unit(spec.question, unit, notices, records, catalog.notice_text, citations)
            if not result.values:
                chart.silent.append(unit)
                continue
            value = max(v.number for v in result.values)
            chart.bars.append(Bar(unit, value, f"{plain(value)}{chart.unit}",
                                  tuple(v.calculation for v in result.values), tuple(result.inputs),
                                  tuple(citations.items)))
        chart.bars.sort(key=lambda bar: bar.value, reverse=True)
        if chart.bars:
            charts.append(chart)
    return charts
