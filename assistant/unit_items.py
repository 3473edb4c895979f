"""Different items named per unit in one comparison: "浙南那个清退的报酬比盘龙城上交的违纪所得多多少".

Each unit's figure must be the item named right after that unit, not the largest figure of a family both
share; the words after a unit's name, up to the next unit or the comparison asked, name its item. Only when
every compared unit names its own, different item are figures narrowed to the one sharing most words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.plain_words import canonical_tokens
from index.records import Figure

# Where a unit's item ends: the comparison asked, a clause break; a joining word before the next unit.
_ITEM_END = re.compile(r"多多少|少多少|差多少|相差|差了|多出|多了|少了|多几|少几|更多|更少|谁|哪|[,，;；?？。]")
_JOINER = re.compile(r"(?:比|和|跟|与|同|较|相比|对比)+$")
# Words of an item that say nothing of which amount it is ("那个清退的报酬": 那个, 的).
_FILLER = frozenset({"的", "了", "钱", "那个", "这个", "那", "这", "笔", "给", "把", "那笔", "这笔", "个"})
# Where the sentence stating a figure begins: what the figure is for may stand before its quote.
_SENTENCE_BREAK = re.compile(r"[。；;!！?？\n]")
Narrowing = Callable[[list[Figure], str], list[Figure]]


def items_by_unit(question: str, mentions: Sequence[tuple[int, int, str]]) -> dict[str, str]:
    """Each named unit's own item ("清退的报酬"), when at least two units name different ones; else {}."""
    ordered = sorted(mentions)
    items: dict[str, str] = {}
    for index, (_, end, unit) in enumerate(ordered):
        stop = ordered[index + 1][0] if index + 1 < len(ordered) else len(question)
        piece = question[end:stop]
        cut = _ITEM_END.search(piece)
        item = _JOINER.sub("", piece[: cut.start()] if cut else piece).strip()
        if unit not in items and item:
            items[unit] = item
    if len(items) < 2 or len(set(items.values())) < len(items):
        return {}
    return items


def narrowings(
    question: str, mentions: Sequence[tuple[int, int, str]], tokenize: Callable[[str], list[str]]
) -> dict[str, Narrowing]:
    """For each unit naming its own item, how its figures narrow to those sharing most words with the item."""
    words = canonical_tokens(tokenize)

    def content(text: str) -> set[str]:
        return set(words(text)) - _FILLER

    def narrowing(item: str) -> Narrowing:
        wanted = content(item)

        def narrow(figures: list[Figure], text: str) -> list[Figure]:
            shared = [len(wanted & content(f.label + _sentence_to(text, f))) for f in figures]
            best = max(shared, default=0)
            return [f for f, count in zip(figures, shared) if count == best] if best else figures
        return narrow

    return {unit: narrowing(item) for unit, item in items_by_unit(question, mentions).items()}


def _sentence_to(text: str, figure: Figure) -> str:
    """The notice's sentence up to the figure ("针对…发放报酬问题,当事人已主动完成清退45000元")."""
    begin = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, figure.start)), default=0)
    return text[begin : figure.end] if text[figure.start : figure.end] == figure.quote else figure.quote
