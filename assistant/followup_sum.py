"""Arithmetic follow-ups: "这几笔加起来一共多少?" adds up the figures the previous answer listed.

Each figure is found again verbatim in the notices of the units being discussed and cited from
there; figures not found are named and left out. A figure the answer calls a total (共计…), or
one that equals the sum of the others, is shown as the stated total rather than added again.
When there is no previous answer, or it holds fewer than two figures, the answer says what is
needed instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.previous_answer import (
    Found, amount, decimals_written, figures_said, find_in_notices, last_answer, number_citations, written_unit,
)
from assistant.units import asks_across_units

ANSWERER = "extractive:followup-sum"
SUM_ASK = re.compile(r"加起来|合起来|加在一起|加到一起|加一[块起]|合一块|相加|合计|一共|总共|共计|总计|总额|总数|累计")
# Adding up is asked in so many words ("应收应付合起来是多少?"): what is added was just said,
# unless the units are what is added ("两家加起来多少人?" adds each unit's figure, not the last answer's).
ADDS_UP = re.compile(r"加起来|合起来|加在一起|加到一起|加一[块起]|合一块|相加")
_UNITS_ADDED = re.compile(r"[两几三四五各][家个]单?位?|它们|他们|俩|双方|各单位")
# The question points back at what was just said ("这几笔", "上述", "它们").
REFERS_BACK = re.compile(r"这|那|上述|以上|前面|刚才|它们|上面")
# Or asks nothing but the sum: "一共多少?", "加起来一共是多少钱?", "合计几项?".
BARE_SUM = re.compile(
    r"(?:那|这样)?(?:加起来|加在一起|加一[块起]|合计|一共|总共|共计|总计){1,2}(?:是|有|为)?(?:多少|几)(?:钱|元|万元|项|个|人|件|笔)?[?？。!！\s]*"
)


def asks_sum_of_previous(question: str, names_unit: bool) -> bool:
    """Whether the question adds up what the previous answer listed (no unit of its own, no unit-wide ask)."""
    if names_unit or not SUM_ASK.search(question) or asks_across_units(question):
        return False
    adds_up = ADDS_UP.search(question) and not _UNITS_ADDED.search(question)
    return bool(REFERS_BACK.search(question) or adds_up) or BARE_SUM.fullmatch(question.strip()) is not None


def asks_only_sum(question: str) -> bool:
    """Whether the question asks nothing but a sum ("这几笔加起来一共多少?"), not also another thing."""
    return len([p for p in re.split(r"[?？,，;；]", question) if p.strip()]) <= 1


def answer_sum(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer:
    """The sum of the previous answer's figures, each cited from a notice, or what is needed to compute it."""
    previous = last_answer(history)
    said = figures_said(previous)
    if not previous:
        return _needs(question, standalone_question, "这个问题要把上一轮回答中的几笔数字相加,但目前还没有上一轮回答。")
    if len(said) < 2:
        return _needs(question, standalone_question, f"上一轮回答中可相加的数字不足两笔(找到{len(said)}笔)。")
    found, missing = find_in_notices(said, notice_ids, notice_text_of, describe)
    citations, number_of = number_citations(found)
    cited = {id(item): f"[{number_of[index]}]" for index, item in enumerate(found)}
    totals = _totals(found)
    parts = [item for item in found if item not in totals]
    lines = _computation(parts, totals, cited)
    if missing:
        lines.append("注:" + "、".join(s.text for s in missing) + "未能在通报原文中找到,未计入。")
    if len(parts) < 2:
        return _needs(question, standalone_question, "上一轮回答中能在通报原文中核对到的数字不足两笔。", lines[2:], citations)
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _totals(found: list[Found]) -> list[Found]:
    """Figures that are totals: called so in the answer, or equal (to rounding) to the sum of all the others."""
    # A 共计 smaller than another figure sums something else (笔试共计4500元 beside 面试15500元): it is a part.
    largest_part = max((item.said.value for item in found if not item.said.is_total), default=Decimal(0))
    stated = [item for item in found if item.said.is_total and item.said.value >= largest_part]
    if stated:
        return stated
    for item in found:
        others = [o for o in found if o is not item]
        if len(others) >= 2 and abs(sum(o.said.value for o in others) - item.said.value) <= _rounding(found):
            return [item]
    return []


def _rounding(found: list[Found]) -> Decimal:
    """How far a sum of rounded figures may be off: half the last written digit of each, added."""
    total = Decimal(0)
    for item in found:
        decimals = len(item.said.text.split(".")[1]) if "." in item.said.text else 0
        digits = re.sub(r"[^\d.]", "", item.said.text)
        step = Decimal(1).scaleb(-decimals) * (item.said.value / Decimal(digits)) if Decimal(digits) else Decimal(0)
        total += step / 2
    return total


def _computation(parts: list[Found], totals: list[Found], cited: dict[int, str]) -> list[str]:
    """The conclusion, the table of inputs with their citations, and the computation."""
    lines = ["", "", "计算过程(每笔数字均在通报原文中找到并引用):", "", "| 项目 | 原文数字 |", "|---|---|"]
    lines += [f"| {item.said.label or '(未写明)'} | {item.said.text}{cited[id(item)]} |" for item in parts]
    lines += [f"| {item.said.label}(总数) | {item.said.text}{cited[id(item)]} |" for item in totals]
    if len(parts) < 2:
        return lines
    measure = parts[0].said.measure
    written = {written_unit(item.said) for item in parts}
    total = sum((item.said.value for item in parts), Decimal(0))
    said_total = amount(total, measure, written, max(decimals_written(item.said) for item in parts))
    terms = "+".join(f"{item.said.text}{cited[id(item)]}" for item in parts)
    lines += ["", f"计算:{terms}={said_total}"]
    head = f"这{len(parts)}笔合计{said_total}。"
    for stated in totals:
        shown = f"{stated.said.label}{stated.said.text}{cited[id(stated)]}"
        agrees = abs(stated.said.value - total) <= _rounding(parts + [stated])
        lines.append(f"通报写明的总数为{shown},与各笔相加{'相符' if agrees else '不一致(可能另有未列出的款项)'}。")
    lines[0] = head
    return lines


def _needs(
    question: str, standalone_question: str, why: str, shown: Sequence[str] = (), citations: Sequence[Citation] = (),
) -> Answer:
    """What is needed to compute the sum, with whatever could be checked."""
    ask = "请写明单位和要相加的几笔款项,例如“某单位清退的几笔钱一共多少?”。"
    text = "\n".join([why + ask, *shown])
    return Answer(question=question, standalone_question=standalone_question, text=text, citations=list(citations),
                  answerer=ANSWERER, not_found=True)
