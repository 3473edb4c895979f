"""Units a question counts without naming them ("四家加起来", "五个单位一共"): every unit the library holds,
with a line saying so when the count said differs from the number held."""

from __future__ import annotations

import re

from assistant.unit_questions import NOT_UNITS_AFTER_COUNT
from index.figures import parse_chinese_number

# "四家", "5个单位": a count of units; "三家企业" counts firms inside a notice, not units; "哪三家", "有三家",
# "前三家" count the units an answer should find, not those the question is over.
UNITS_COUNTED = re.compile(
    rf"(?<![第哪有前后\d两二三四五六七八九十])(?P<count>\d+|[两二三四五六七八九十]+)(?:个单位|家{NOT_UNITS_AFTER_COUNT})"
)


def units_counted(question: str) -> int:
    """How many units the question counts ("四家" 4, "五个单位" 5), or 0 when it counts none."""
    match = UNITS_COUNTED.search(question)
    return int(parse_chinese_number(match.group("count")) or 0) if match else 0


def count_differs_note(question: str, units_held: int) -> str:
    """"问题说五家,资料库中有4家单位的通报": the answer covers what is held; "" when the count agrees or none is said."""
    said = units_counted(question)
    if not said or said == units_held:
        return ""
    match = UNITS_COUNTED.search(question)
    return f"问题中说“{match.group(0)}”,资料库中有{units_held}家单位的通报,以下按这{units_held}家回答。"
