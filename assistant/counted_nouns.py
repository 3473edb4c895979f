"""Counts of a thing no record family holds, compared: "盘龙城和惠济谁的村(社区)多?多几个".

The question names the thing counted after 谁/哪个 ("谁的村(社区)多"); each unit's notices are read for
"<n>个<thing>" ("全区84个村(社区)"), each count cited, and the counts are compared like any figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.computed_inputs import CitationNumbers, UnitResult, Value
from index.catalog import NoticeRow

# "谁的村(社区)多", "哪个单位的社区更少": the thing counted between the asking word and 多/少.
_ASKED = re.compile(
    r"(?:谁|哪个单位|哪家|哪个|哪一个)(?:的|家|那儿|那里|那边)(?P<noun>[\u4e00-\u9fff()（）]{1,8}?)(?:更|比较)?(?:多|少)"
    r"(?=[?？,，。!！]|$|一些|一点|些|点)"
)
# What is counted as a figure family (problems, rules, people, money…): those are the records' to compare.
_FAMILY_WORDS = re.compile(r"问题|制度|规矩|措施|任务|人|钱|金额|资金|元|项目|件|条")
_OPEN, _CLOSE = "[(（]", "[)）]"


def counted_noun(question: str) -> str:
    """The thing a comparison counts when no record family holds it ("村(社区)"), or ""."""
    asked = _ASKED.search(question)
    if asked is None or _FAMILY_WORDS.search(asked.group("noun")):
        return ""
    return asked.group("noun")


def add_noun_count(result: UnitResult, notice: NoticeRow, text: str, citations: CitationNumbers, noun: str) -> None:
    """Each "<n>个<noun>" the notice states, cited, as a value ("84个村(社区)": 84个)."""
    written = "".join(_OPEN if c in "(（" else _CLOSE if c in ")）" else re.escape(c) for c in noun)
    for found in re.finditer(rf"(?<![\d.])(\d+)\s*个\s*{written}", text):
        count = found.group(1)
        result.inputs.append(f"{count}个{noun}{citations.cite(notice, text, found.start(), found.end())}")
        result.values.append(Value(Decimal(count), f"{count}个", "个"))
    if not result.values:
        result.missing.append(f"{noun}的个数")
