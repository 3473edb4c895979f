"""One unit's counts a question lists added up: "网格长 包村的 包组的 一共多少人" adds the counts one sentence of
its notice states for each item ("村网格长57人,包村乡镇班子97人,包组村干部235人"), each part cited.

Every item must be written, as the question says it, in the clause before one count of the asked measure, and all
those counts must stand in one sentence; otherwise None, and the passage answer quotes what there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer
from assistant.compute import plain
from assistant.computed_inputs import CitationNumbers
from assistant.stated_amounts import Stated, amounts_of_unit
from assistant.unit_names import without_spans
from index.catalog import NoticeRow

ANSWERER = "extractive:stated-sum"
# "一共多少人", "加起来几个": a sum asked in a count's measure word.
COUNT_SUM_ASK = re.compile(r"(?:加起来|合起来|加一块|加在一起|一共|总共|共计|合计)(?:是|有)?(?:多少|几)(?P<measure>人|名|个|项|件|条|家|起)")
# The items are listed before the sum, parted by spaces, 、, commas or 和/与/及/还有.
ITEM_BREAK = re.compile(r"[\s、,，]+|(?:以及|还有|和|与|及)")
# Words around an item that do not name it ("包村的", "那个网格长").
_ITEM_FILLER = re.compile(r"^(?:的|那个|这个|那些|这些|那|这)|(?:的|了|们)$")
# Measure words counting the same thing ("多少人" meets "57人" and "12名").
SAME_MEASURE = {"人": ("人", "名"), "名": ("人", "名")}


def listed_count_items(asked: str) -> tuple[list[str], str]:
    """The items (two or more) a count sum lists and the measure asked; ([], "") when it asks no such sum."""
    sum_ask = COUNT_SUM_ASK.search(asked)
    if sum_ask is None:
        return [], ""
    items = [_ITEM_FILLER.sub("", item) for item in ITEM_BREAK.split(asked[: sum_ask.start()])]
    items = [item for item in items if len(item) >= 2]
    return (items, sum_ask.group("measure")) if len(items) >= 2 else ([], "")


def answer_stated_sum(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The listed items' counts of one sentence added, every part cited; None when not asked or not all found."""
    asked = without_spans(standalone_question or question, unit_spans, " ")
    items, measure = listed_count_items(asked)
    if not items:
        return None
    counts = [s for s in amounts_of_unit(unit, notices, notice_text_of) if s.measure in SAME_MEASURE.get(measure, (measure,))]
    for sentence in dict.fromkeys((s.notice.notice_id, s.sentence) for s in counts):
        in_sentence = [s for s in counts if (s.notice.notice_id, s.sentence) == sentence]
        parts = _each_item(items, in_sentence)
        if parts is not None:
            return _sum_answer(question, standalone_question, unit, items, parts)
    return None


def _each_item(items: list[str], counts: list[Stated]) -> list[Stated] | None:
    """Each item's count: the first whose clause writes the item, each count used once; None if one is missing."""
    parts: list[Stated] = []
    for item in items:
        found = next((s for s in counts if _written_in(item, s.clause) and s not in parts), None)
        if found is None:
            return None
        parts.append(found)
    return parts


def _written_in(item: str, clause: str) -> bool:
    """Whether the clause writes the item, a 的 the asker put between its words aside ("包村的乡镇班子": 包村乡镇班子)."""
    pieces = [piece for piece in item.split("的") if piece]
    at = 0
    for piece in pieces:
        at = clause.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return bool(pieces)


def _sum_answer(question: str, standalone_question: str, unit: str, items: list[str], parts: list[Stated]) -> Answer:
    citations = CitationNumbers()
    total = sum((s.value for s in parts), Decimal(0))
    measure = parts[0].measure
    terms = "+".join(f"{s.said}{citations.cite(s.notice, s.text, s.clause_start, s.end)}" for s in parts)
    lines = [f"{unit}通报的{'、'.join(items)}加起来共{plain(total)}{measure}(按通报同一句中的数字相加):{terms}。"]
    lines += [f"- {item}:{' '.join(s.quoted().split())}" for item, s in zip(items, parts)]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])
