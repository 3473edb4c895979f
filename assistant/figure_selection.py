"""How a question selects units by a figure: a condition ("追回的钱超过100万"), a figure not stated, or stated at all.

"发现问题超过30个的有哪几家?" holds a comparison word and a number with its unit; "哪几个单位没写追回
金额?" asks which notices do not state a figure; "谁处分了人?" asks which notices state one, and
nothing else. What is compared (the metric) is read by assistant.computed_answer; this module reads
the selection and puts the condition's number in the metric's unit (元 into 万元, months into days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from assistant.unit_kinds import KIND_WORDS
from index.figures import ARABIC, CHINESE, parse_chinese_number

# Comparison words before the number ("超过100万") and after it ("100万以上"), by what they require.
_ABOVE = r"超过了?|超出|多于|高于|大于|过了|(?<![超经通越])过(?=[\d百千万一二两三四五六七八九十])"
_AT_LEAST = r"不少于|不低于|不小于|至少|起码|达到了?|达|满"
_BELOW = r"不到|没到|未到|没有到|没达到|没有达到|未达到|不足|低于|少于|小于|不满|未满|没满"
_AT_MOST = r"不超过|没超过|没有超过|未超过|不高于|不多于|至多|最多不超过"
# "10项以上" includes 10, as 以上/以下 are read in rules and statistics.
_AFTER = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=", "之内": "<=", "内": "<=",
          "多": ">", "出头": ">"}
_NUMBER = rf"(?P<number>{ARABIC}|{CHINESE})"
# A count of something no figure counts ("过3次", "5批次") is no condition: the measure word after it is not a unit here.
_UNIT = (r"(?P<magnitude>[千万亿])?(?P<unit>元|块钱?|个百分点|%|％|成|天|日|个多?月|个星期|周|年|人次|人|名|个|项|条|件|起|例)?"
         r"(?![次批轮遍场期户宗辆台套份篇届])")
_BEFORE_NUMBER = re.compile(
    rf"(?P<op>(?P<at_most>{_AT_MOST})|(?P<below>{_BELOW})|(?P<at_least>{_AT_LEAST})|(?P<above>{_ABOVE}))"
    rf"\s*(?P<percent>百分之)?{_NUMBER}\s*{_UNIT}"
)
_AFTER_NUMBER = re.compile(
    rf"(?P<percent>百分之)?{_NUMBER}\s*{_UNIT}(?P<post>及以上|及以下|以上|以下|以内|之内|出头|(?<=[月天周年])内|(?<=[万亿元])多)"
)
_OPS = {"at_most": "<=", "below": "<", "at_least": ">=", "above": ">"}
_DAYS = {"天": 1, "日": 1, "周": 7, "个星期": 7, "个月": 30, "个多月": 30, "年": 365}
_MAGNITUDE = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
# "哪几个单位没写追回金额?", "谁没有公布整改率?": which notices do not state the figure.
MISSING = re.compile(r"(?:没有?|未|不)(?:写|提|给出|公布|公开|披露|列出|列明|说明?|交代|讲)")
# A question about the figure alone: these words say nothing about what kind of thing was done.
_FILLER = re.compile(
    r"哪些|哪几个?|哪一?个|哪家|哪|谁家|谁|有没有|是否|单位|通报|干部|人员|同志|"
    r"[了的人过有是给予对都吗呢么还也就把将被和及或与几多少个项条名家些位啥什么钱款\s?？,，。!！、]"
)


@dataclass(frozen=True)
class Condition:
    """A comparison a unit's value must meet: op and number in `unit` ("元", "%", "天", "" for counts)."""

    op: str  # ">" | ">=" | "<" | "<="
    number: Decimal
    unit: str
    said: str  # as the question words it: "超过100万"
    counted: str = ""  # the measure word of a count as asked ("件" in "立案超过3件"), "" for none

    def holds(self, value: Decimal) -> bool:
        """Whether a unit's value meets the condition."""
        return {">": value > self.number, ">=": value >= self.number,
                "<": value < self.number, "<=": value <= self.number}[self.op]


def read_condition(question: str) -> Condition | None:
    """The comparison with a number the question asks ("超过100万", "不到100%", "两个月内"), or None."""
    for match in [*_BEFORE_NUMBER.finditer(question), *_AFTER_NUMBER.finditer(question)]:
        number = parse_chinese_number(match["number"])
        if number is None:
            continue
        if "post" in match.groupdict() and match["post"]:
            op = _AFTER[match["post"]]
        else:
            op = next(op for group, op in _OPS.items() if match[group])
        if match["unit"] == "年" and number >= 100:
            continue  # "2023年以内" is a year, not a length of time
        magnitude = match["magnitude"] or next((m for m in "亿万" if m in match["number"]), None)  # "百万" is 万 too
        if magnitude and not match["magnitude"]:
            number /= _MAGNITUDE[magnitude]  # parse_chinese_number read the whole "百万"; _normalised multiplies back
        value, unit = _normalised(Decimal(str(number)), magnitude, match["unit"] or "", bool(match["percent"]))
        if unit is not None:
            return Condition(op, value, unit, match.group(0), match["unit"] or "")
    return None


def _normalised(number: Decimal, magnitude: str | None, unit: str, percent: bool) -> tuple[Decimal, str | None]:
    """The number in yuan, percent, days or a bare count, with which of these it is (None: a number of nothing)."""
    if magnitude:
        number *= _MAGNITUDE[magnitude]
    if percent or unit in ("%", "％", "个百分点"):
        return number, "%"
    if unit == "成":
        return number * 10, "%"
    if unit in _DAYS:
        return number * _DAYS[unit], "天"
    if unit.startswith(("元", "块")) or (magnitude in ("万", "亿") and not unit):
        return number, "元"
    return number, ""


def in_metric_unit(condition: Condition, metric_unit: str) -> Condition | None:
    """The condition with its number in the metric's unit (元 → 万元), or None when it measures something else."""
    if metric_unit == "万元":
        if condition.unit not in ("元", ""):
            return None
        number = condition.number / 10_000 if condition.unit == "元" else condition.number
        return replace(condition, number=number, unit=metric_unit)
    if metric_unit in ("%", "天"):
        return replace(condition, unit=metric_unit) if condition.unit in (metric_unit, "") else None
    return replace(condition, unit=metric_unit) if condition.unit == "" else None


def asks_missing(question: str) -> bool:
    """"哪几个单位没写追回金额?": the question asks which notices do not state the figure."""
    return bool(MISSING.search(question))


def about_the_figure_only(question: str, field_words: re.Pattern[str]) -> bool:
    """"谁处分了人?": once the asking words, the figure's own words and particles are gone, nothing is left
    (so "哪些单位对违规吃喝的人给予了处分" is about 违规吃喝, a topic the figures do not break down)."""
    if not field_words.search(question):
        return False
    return not _FILLER.sub("", KIND_WORDS.sub("", field_words.sub("", question)))
