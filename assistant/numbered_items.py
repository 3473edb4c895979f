"""Questions asking what a numbered item says ("第13个问题具体是啥") when the notice gives only its number.

Notices that number their problems sometimes list some of them by number alone ("立行立改类:第1、2、5、13个
问题"). When no item of the notice is headed by the asked number, the honest answer is that the notice does not
say what it is: the sentences naming the number are cited as what is stated, instead of being quoted as if
they answered "what".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answer import Answer
from assistant.counted_members import stated_only_answer
from index.sentences import split_sentences

ANSWERER = "extractive:numbered-item"
_DIGITS = "零一二三四五六七八九"
# "第13个问题具体是啥", "第十三个问题讲的什么", "第3条整改措施是什么内容": an ordinal, an item's noun, and a
# what-word closing the question ("第二轮巡察是什么时候" asks a date, not an item).
_ASKS_ITEM = re.compile(
    r"第(\d+|[一二三四五六七八九十]+)([个条项点])?([\u4e00-\u9fff]{0,4}?(?:问题|意见|措施|任务|事项|建议))"
    r"(?:的)?(?:具体内容|内容)?(?:具体|到底|究竟)?(?:是|讲|说|指|写)?(?:了)?(?:的)?(?:啥|什么|哪些|哪个|内容|咋回事|怎么回事)"
    r"(?:内容|意思|问题)?(?:呀|啊|呢|吗)?[?？。!！]*$"
)


@dataclass(frozen=True)
class AskedItem:
    """The numbered item a question asks about: its number and noun ("问题")."""

    number: int
    noun: str


def asks_numbered_item(question: str) -> AskedItem | None:
    """The numbered item whose content the question asks, or None."""
    match = _ASKS_ITEM.search(question.replace(" ", ""))
    if not match or not match.group(3):
        return None
    written = match.group(1)
    number = int(written) if written.isdigit() else _chinese_number(written)
    return AskedItem(number, match.group(3)) if number else None


def answer_item_not_stated(
    question: str, standalone_question: str, asked: AskedItem, notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]], noun_chars: int,
) -> Answer | None:
    """The sentences naming the number cited and the item's content said not to be stated; None when no notice
    names it with its noun, or one heads an item with that number (then it is answered as usual)."""
    held: list[tuple[str, int, int]] = []
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        if _heads_item(text, asked.number):
            return None
        for start, end in split_sentences(text):
            if _names_number(text[start:end], asked, noun_chars):
                held.append((notice_id, start, end))
    if not held:
        return None
    return stated_only_answer(question, standalone_question, f"通报只写了第{asked.number}个{asked.noun}的序号,没有写它的具体内容:",
                              held, describe, notice_text_of, ANSWERER)


def _heads_item(text: str, number: int) -> bool:
    """Whether a line of the notice is headed by the number ("13.", "(十三)", "十三、", "问题十三:", "第13个问题:")."""
    forms = f"(?:{number}|{_chinese(number)})"
    heading = re.compile(
        rf"(?m)^\s*(?:{number}\s*[.、．]|[(（]{forms}[)）]|{_chinese(number)}、)"
        rf"|(?:问题|意见|事项|任务){forms}(?![\d个条项件名处份])|第{forms}[个条项点]?[\u4e00-\u9fff]{{0,6}}?[:：]"
    )
    return bool(heading.search(text))


def _names_number(sentence: str, asked: AskedItem, noun_chars: int) -> bool:
    """Whether the sentence writes the number as a whole number with the asked noun within `noun_chars` after it."""
    for match in re.finditer(rf"(?<![\d.]){asked.number}(?![\d.])", sentence):
        if asked.noun[:2] in sentence[match.end() : match.end() + noun_chars]:
            return True
    return False


def _chinese(number: int) -> str:
    """1..99 in Chinese numerals (13 → 十三, 20 → 二十)."""
    tens, units = divmod(number, 10)
    head = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return head + (_DIGITS[units] if units or not tens else "")


def _chinese_number(written: str) -> int:
    """The value of Chinese numerals up to 99 ("十三" → 13), 0 when unreadable."""
    if "十" not in written:
        return _DIGITS.find(written) if len(written) == 1 and written in _DIGITS else 0
    tens, _, units = written.partition("十")
    value = (_DIGITS.find(tens) if tens else 1) * 10 + (_DIGITS.find(units) if units else 0)
    return value if value > 0 and (not units or units in _DIGITS) else 0
