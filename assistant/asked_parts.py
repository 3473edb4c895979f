"""The counts a question asks for by name ("几个牵头单位、几项工作机制"), so each is quoted where stated."""

from __future__ import annotations

import re

# "几个牵头单位" / "多少项工作机制" / "多少问题": the ask, its measure word, and the first characters of the noun counted.
_COUNT_ASK = re.compile(r"(?:几|多少)(个|项|条|名|位|件|家|次|种|批|笔|份|类|起|所|人次)?([\u4e00-\u9fff]{2})")
_MEASURE_WORDS = "个项条名位件家次种批笔份类起所"
# Measure words notices use one for another of the same things ("几条问题": 十个问题, 问题12条, 12项问题).
_ONE_ANOTHERS = "个项条"
_NUMBER = r"(?:\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)"
# Two characters after the ask that are no noun ("几个人被…", "多少钱呢"): wording, not a thing counted.
_NOT_A_NOUN = re.compile(r"^(?:[人钱天年月是了呢吗啊的被在和与及]|[一二三四五六七八九十])")


def counted_things(question: str) -> list[re.Pattern[str]]:
    """A pattern per count the question asks for by its noun: a figure, the measure word, the noun's start."""
    patterns = []
    for match in _COUNT_ASK.finditer(question):
        measure, noun = match.group(1), match.group(2)
        if _NOT_A_NOUN.match(noun):
            continue
        counted = (f"[{_ONE_ANOTHERS}]" if measure in _ONE_ANOTHERS else re.escape(measure)) if measure \
            else f"[{_MEASURE_WORDS}]"
        # "12个问题", "十个问题" (numbers in Chinese numerals), or the noun first with its measure word: "问题12条"
        patterns.append(re.compile(rf"{_NUMBER}\s*{counted}{'' if measure else '?'}{re.escape(noun)}"
                                   rf"|{re.escape(noun)}{_NUMBER}\s*{counted}"))
    return patterns


def unstated_counts(question: str, quoted: list[str]) -> list[re.Pattern[str]]:
    """The asked counts none of the quoted passages states."""
    return [p for p in counted_things(question) if not any(p.search(text) for text in quoted)]
