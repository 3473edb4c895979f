"""The conclusion of a computed answer that selects units: those meeting a condition, stating a figure, or not.

"追回的钱超过100万的有哪些单位?" is answered "金额超过100万的单位有2个:柘江经济开发区412.6万元、…",
then the units that do not meet it with their values; each value's inputs are cited in the table
that follows, and the units whose notices lack them are named in the notes.
"""

from __future__ import annotations

from decimal import Decimal

from assistant.compute import plain
from assistant.computed_inputs import UnitResult
from assistant.computed_metrics import ComputedQuestion


def best_value(result: UnitResult) -> Decimal:
    """The unit's value compared: its largest when its notices state several."""
    return max(value.number for value in result.values)


def _listing(plan: ComputedQuestion, results: list[UnitResult]) -> str:
    return "、".join(f"{r.unit}{plain(best_value(r))}{plan.metric.unit}" for r in results)


def _condition_said(plan: ComputedQuestion) -> str:
    condition = plan.condition
    words = {">": "超过", ">=": "达到" if plan.metric.unit == "%" else "不少于", "<": "不到", "<=": "不超过"}[condition.op]
    return f"{words}{plain(condition.number)}{plan.metric.unit}"


def selection_conclusion(plan: ComputedQuestion, ordered: list[UnitResult], all_results: list[UnitResult], name: str) -> str:
    """Which units the question selects, with each one's value (`ordered`: those with values, best first;
    `name`: what the value is)."""
    if plan.select == "condition":
        said = _condition_said(plan)
        met = [r for r in ordered if plan.condition.holds(best_value(r))]
        unmet = [r for r in ordered if r not in met]
        lines = [f"{name}{said}的单位有{len(met)}个:{_listing(plan, met)}。" if met
                 else f"没有单位的{name}{said}(各单位写明的数字见下表)。"]
        if met and unmet:
            lines.append(f"其余写明了数字的单位不满足:{_listing(plan, unmet)}。")
        return "\n".join(lines)
    silent = [r.unit for r in all_results if not r.values]
    if plan.select == "missing":
        what = next((r.missing[0] for r in all_results if not r.values and r.missing), name)
        head = (f"通报没有写明{what}的单位有{len(silent)}个:{'、'.join(silent)}。" if silent
                else f"各单位的通报都写明了{name}。")
        return head + (f"\n写明了的单位有{len(ordered)}个:{_listing(plan, ordered)}。" if ordered else "")
    return f"通报写明了{name}的单位有{len(ordered)}个:{_listing(plan, ordered)}。" + (
        f"\n其余{len(silent)}个单位的通报没有写明(见下)。" if silent else "")
