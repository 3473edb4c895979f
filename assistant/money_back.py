"""Asked about money taken back ("哪些单位收回了钱"), a sentence answers only when what it takes back is money.

"收回违规借用车辆2辆" takes back cars, "收回违规占用办公用房" rooms: they share the verb with the question but
not its object. A sentence answers when a clause holding the verb also holds an amount of money (a figure in
元/万元/亿元, or a bare 万 after a figure) or a money noun (资金, 款, 费, 补贴, 奖金, 经济损失…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.script_forms import simplified_reading
from index.vocabulary import MONEY_KINDS, TAKEN_BACK_WORDS

_TAKE_BACK = rf"(?:{TAKEN_BACK_WORDS}|挽回)"
_MONEY_NOUN = rf"(?:钱|资金|基金|经费|(?<![条])款|费|损失|{'|'.join(MONEY_KINDS)})"
# The question asks about money taken back: a take-back verb and money a few characters apart, either way
# round ("追回多少钱", "收回了违规的钱", "把钱收回来").
_ASKED_MONEY = rf"(?:{_MONEY_NOUN}|元)"
_ASKS_MONEY_BACK = re.compile(rf"{_TAKE_BACK}[^，,。？?！!]{{0,6}}{_ASKED_MONEY}|{_ASKED_MONEY}[^，,。？?！!]{{0,6}}{_TAKE_BACK}")
# A previous answer's item quoted into a follow-up ("具体怎么改的?(二是…追回…8.7万元)"): not what is asked.
_QUOTED_ITEM = re.compile(r"[(（][^()（）]*[)）]")
# An amount of money: a figure in 元/万元/亿元, or a bare 万/亿 after a figure ("追回3.5万").
_AMOUNT = r"[\d零〇一二三四五六七八九十百千两数几][\d.,]*\s*(?:多|余)?(?:万|亿|元)"
_CLAUSE = re.compile(r"[^，,。；;：:\n]+")
_MONEY = re.compile(rf"{_AMOUNT}|{_MONEY_NOUN}")


def asks_money_back(question: str) -> bool:
    """Whether the question asks about money taken back (收回/追回/清退/退还/挽回… with 钱/资金/款/元…)."""
    return bool(_ASKS_MONEY_BACK.search(_QUOTED_ITEM.sub("", simplified_reading(question))))


def states_money_back(text: str) -> bool:
    """Whether a clause of the sentence takes money back: the take-back verb and money in the same clause."""
    for clause in _CLAUSE.findall(simplified_reading(text)):
        if re.search(_TAKE_BACK, clause) and _MONEY.search(clause):
            return True
    return False


def lacks_money_back(question: str, sentences: Iterable[str]) -> bool:
    """Asked about money taken back, whether no sentence takes money back (only cars, rooms, land…)."""
    return asks_money_back(question) and not any(states_money_back(s) for s in sentences)
