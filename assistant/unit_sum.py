"""One unit's amounts a question names added up: "口腔医院退给病人的、追回报销的、清退夜班补贴的,三笔加起来多少?".

Each named item is matched to one money figure of the unit's records by the words they share (a plain
phrase counts as notices write it: 退给 meets 退还), the most specific matches first and each figure used
once; the sum is shown with every part cited, and an item no figure matches is named, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer
from assistant.compute import plain, yuan_to_wan
from assistant.computed_inputs import CitationNumbers, unit_of_notice
from assistant.followup_sum import SUM_ASK
from assistant.plain_words import canonical_tokens, same_thing, with_official_terms
from assistant.unit_names import without_spans
from index.catalog import NoticeRow
from index.records import Figure, NoticeRecord

ANSWERER = "extractive:unit-sum"
# The items listed before the sum is asked: "退给病人的、追回报销的、清退夜班补贴的".
ITEM_BREAK = re.compile(r"[、]|(?<=的)(?:和|与|及|以及|还有)")
CLAUSE = re.compile(r"[,，;；?？。]")
# The ways money comes back, as the canonical tokenizer writes them all (追回, 清退, 退还…: one word).
ACTIONS = frozenset(same_thing("追回")[:1])
# Words of an item that say nothing of which amount it is.
_FILLER = frozenset({"的", "了", "钱", "那", "这", "笔", "给", "把", "和"})


def listed_items(question: str, unit_spans: Sequence[tuple[int, int]]) -> list[str]:
    """The items a sum question lists (two or more), unit names left out; [] when it lists none."""
    question = without_spans(question, unit_spans)
    asked = SUM_ASK.search(question)
    if asked is None:
        return []
    for clause in reversed(CLAUSE.split(question[: asked.start()])):
        items = [item.strip() for item in ITEM_BREAK.split(clause) if item.strip()]
        if len(items) >= 2:
            return items
    return []


def answer_unit_sum(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], records: dict[str, dict], notice_text_of: Callable[[str], str | None],
    tokenize: Callable[[str], list[str]],
) -> Answer | None:
    """The named amounts of the unit, matched, cited and added up; None when the question lists no amounts."""
    asked = standalone_question or question
    items = listed_items(asked, unit_spans)
    if not items:
        return None
    figures = _money_figures(unit, notices, records, notice_text_of)
    if not figures:
        return None
    words = canonical_tokens(tokenize)
    matched = _match(items, figures, lambda text: set(words(text)) - _FILLER)
    citations = CitationNumbers()
    parts, lines, missing = [], [], []
    for item in items:
        found = matched.get(item)
        if found is None:
            missing.append(item)
            continue
        notice, text, figure = found
        parts.append(yuan_to_wan(figure.value))
        lines.append(f"- {item}:{figure.label}{figure.text}{citations.cite(notice, text, figure.start, figure.end)}")
    if len(parts) < 2:
        return None  # fewer than two amounts found: the passage answer quotes what there is
    total = sum(parts, Decimal(0))
    head = f"{unit}{len(parts)}笔合计{plain(total)}万元:{'+'.join(f'{plain(p)}万元' for p in parts)}={plain(total)}万元。"
    text_lines = [head, *lines]
    if missing:
        text_lines.append(f"注:{'、'.join(missing)}在{unit}的通报中未找到对应的金额,未计入。")
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(text_lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])


def _money_figures(unit: str, notices: list[NoticeRow], records: dict[str, dict],
                   notice_text_of: Callable[[str], str | None]) -> list[tuple[NoticeRow, str, Figure]]:
    """The unit's own money figures in reading order, an amount stated again (a table repeating the text) once."""
    found, seen = [], set()
    for notice in (n for n in notices if unit_of_notice(n) == unit and n.notice_id in records):
        text = notice_text_of(notice.notice_id) or ""
        for figure in sorted(NoticeRecord.from_dict(records[notice.notice_id]).figures, key=lambda f: f.start):
            verbatim = text[figure.start : figure.end] == figure.quote
            if figure.field == "money" and not figure.scope and figure.value not in seen and verbatim:
                seen.add(figure.value)
                found.append((notice, text, figure))
    return found


def _match(items: list[str], figures: list[tuple[NoticeRow, str, Figure]],
           words: Callable[[str], set[str]]) -> dict[str, tuple[NoticeRow, str, Figure]]:
    """Each item's figure: pairs sharing the most words first, every figure and item used once."""
    item_words = {item: words(with_official_terms(item)) for item in items}
    pairs = []
    for item in items:
        for index, (_, _, figure) in enumerate(figures):
            shared = item_words[item] & words(figure.label + figure.quote)
            # The way money came back (追回, 退还: one word to the tokenizer) says which amount only with
            # what it was for: an item sharing nothing else ("罚没股票的") has no amount here.
            if shared - ACTIONS:
                pairs.append((-len(shared), items.index(item), index))
    matched: dict[str, tuple[NoticeRow, str, Figure]] = {}
    used: set[int] = set()
    for _, item_index, index in sorted(pairs):
        item = items[item_index]
        if item not in matched and index not in used:
            matched[item] = figures[index]
            used.add(index)
    return matched
