"""Amounts a notice's sentences state, each with the words before it, picked by the words a question names.

Records hold the figures of known families (问题, 制度, 追回金额…), but a question may compute over any
amount a sentence states ("其他应收款项涉及1995年以前的36笔825.14万元", "已完成投资85.1亿元"). Each
amount keeps its clause (the words from the last comma up to it) and its sentence, so the words a question
names it by can pick it; a threshold ("投资超10亿元以上") bounds other amounts and is no amount itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from assistant.compute import plain
from assistant.computed_inputs import unit_of_notice
from index.catalog import NoticeRow
from index.sentences import split_sentences

# A money amount or a count with its measure word ("825.14万元", "36笔"); the value, then the measure.
AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(亿元|万元|元|项|个|人次|人|件|条|笔|起|家|名|所)")
# A share as a notice states it ("占比61.3%"): set against another share, never added to amounts.
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％)")
YUAN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
# Words that make an amount a bound ("超10亿元以上", "不足5万元"), not an amount stated.
_BOUND_BEFORE = re.compile(r"(?:超过?|不低于|不少于|不超过|低于|高于|大于|小于|不足|达到)$")
_BOUND_AFTER = re.compile(r"^(?:以上|以下|以内|及以上)")
_CLAUSE_START = re.compile(r".*[,，;；。:：\n]", re.S)
# Words that say a figure is the total the later parts belong to ("共计320656元", "合计").
TOTAL_WORDS = re.compile(r"(?:共计|合计|总计|累计|共|总额|总|涉及金额)[为是达约]?$")
# Characters that name nothing (particles, connectives), left out when words are matched.
_FILLER = set("的了是有在和与及就都也还又把被将对呢吗啊那这其中等")
# Plain characters people ask with, as notices write them (没入账: 未入账, 买的: 购置的, 买衣服: 购置服装).
_PLAIN_CHARS = str.maketrans({"没": "未", "买": "购", "花": "支", "衣": "装"})


@dataclass(frozen=True)
class Stated:
    """An amount as a notice states it: its text, value (元 for money), measure, clause and place."""

    notice: NoticeRow
    text: str  # the notice's text
    said: str  # "825.14万元"
    value: Decimal  # in 元 for money, the count otherwise
    measure: str  # "元" for money, else the measure word
    start: int  # of the amount
    end: int
    clause_start: int  # where the words before it start (after the last comma)
    sentence: tuple[int, int]

    @property
    def clause(self) -> str:
        return self.text[self.clause_start : self.start]

    @property
    def is_total(self) -> bool:
        return TOTAL_WORDS.search(self.clause) is not None

    def quoted(self) -> str:
        """The clause with the amount ("其中应入未入固定资产33553元")."""
        return " ".join(self.text[self.clause_start : self.end].split())


def word_chars(words: str) -> set[str]:
    """The characters of words that can name a figure, plain ones as notices write them."""
    return {c for c in words.translate(_PLAIN_CHARS) if (c.isalnum()) and c not in _FILLER}


def shared(words: set[str], text: str) -> int:
    """How many of the words' characters the text holds."""
    return len(words & word_chars(text))


def amounts_of_unit(unit: str, notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
                    pattern: re.Pattern[str] = AMOUNT) -> list[Stated]:
    """Every amount (or with PERCENT, every share) the unit's notices state, in reading order, bounds left out."""
    found = []
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for start, end in split_sentences(text):
            for match in pattern.finditer(text, start, end):
                before = text[max(start, match.start() - 4) : match.start()]
                if _BOUND_BEFORE.search(before) or _BOUND_AFTER.match(text[match.end() : match.end() + 4]):
                    continue
                clause = _CLAUSE_START.match(text, start, match.start())
                if clause and clause.end() == match.start() and text[clause.end() - 1] in ":：":
                    clause = _CLAUSE_START.match(text, start, clause.end() - 1)  # "清退加班补助：12.47万元": its label
                measure = "%" if match.group(2) == "％" else match.group(2)
                value = Decimal(match.group(1)) * YUAN.get(measure, Decimal(1))
                found.append(Stated(notice, text, match.group(0), value, "元" if measure in YUAN else measure,
                                    match.start(), match.end(), clause.end() if clause else start, (start, end)))
    return found


def in_measure(value: Decimal, measure: str, shown: str) -> str:
    """A value in base units said in `shown` (亿元, 万元, 元) when money, else with its measure word."""
    if measure != "元":
        return f"{plain(value)}{measure}"
    return f"{plain(value / YUAN[shown])}{shown}"


def money_unit_of(said: list[str], asked: str = "") -> str:
    """The money unit an answer speaks in: the one asked ("差多少亿"), else the one every amount is stated in,
    else 万元."""
    if asked:
        return {"亿": "亿元", "万": "万元"}.get(asked, asked)
    units = {re.sub(r"^[\d.\s]+", "", s) for s in said}
    return units.pop() if len(units) == 1 and units <= set(YUAN) else "万元"
