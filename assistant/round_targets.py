"""Which units a round of inspections covered: "那轮巡了哪些单位?", "这次巡察对哪些部门开展了巡察?".

A committee's report on its round lists the inspected units in one sentence ("县委派出3个巡察组,对县
某某局、某某乡等5个单位开展了常规巡察;对…开展专项巡察。"); the answer quotes that sentence whole, so
every clause of the list is shown, cited. A question naming a topic besides the ask is left to the
passage answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.computed_inputs import CitationNumbers
from assistant.problems_list import asks_with_no_topic
from index.catalog import NoticeRow

ANSWERER = "extractive:round-targets"
# Asking which units were inspected: 巡了哪些单位, 巡察了哪几个部门, 对哪些单位开展了巡察, 哪些单位被巡察, 巡察对象有哪些.
ASKS_ROUND_TARGETS = re.compile(
    r"巡(?:察|视)?(?:了|的|过)?(?:哪些|哪几个|哪几家|什么)(?:单位|部门|地方|乡镇|党组织)"
    r"|对(?:哪些|哪几个|哪几家)(?:单位|部门|地方|乡镇|党组织)[^,，。?？]{0,8}?巡(?:察|视)?"
    r"|(?:哪些|哪几个|哪几家)(?:单位|部门|地方|乡镇|党组织)被巡(?:察|视)?"
    r"|巡(?:察|视)(?:对象|范围)(?:是|有|包括)?(?:哪些|什么|啥)"
)
# Words around the ask that narrow nothing: the round pointed at, filler.
_NO_TOPIC = re.compile(
    r"第?[一二三四五六七八九十\d]*[那这本此上]?[轮次批]|都|一共|总共|分别|具体|主要|开展了?|进行了?|巡察|巡视|常规|请问|的|呢|[?？,，。\s]"
)
# A sentence listing the units a round's groups inspected: "对A、B…开展(了)…巡察", "对A等3个部门党组…进行巡察".
_TARGET_SENTENCE = re.compile(
    r"[^。\n]*?对[^。\n]{2,200}?(?:、|等\s*[\d一二三四五六七八九十]+\s*[个家])[^。\n]*?(?:开展|进行)了?[^。\n]{0,20}?(?:巡察|巡视)[^。\n]*。?"
)


def asks_round_targets(question: str, unit_spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the question asks which units a round inspected, about no narrower topic."""
    return asks_with_no_topic(ASKS_ROUND_TARGETS, _NO_TOPIC, question, unit_spans)


def target_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence listing several inspected units, in the order of the text."""
    spans = []
    for match in _TARGET_SENTENCE.finditer(text):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        spans.append((start, match.end()))
    return spans


def answer_round_targets(
    question: str,
    standalone_question: str,
    unit: str,
    notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The sentences of the unit's notices listing the units inspected, cited; None when none lists them."""
    citations = CitationNumbers()
    lines = []
    for notice in (n for n in notices if (n.unit or n.metadata.unit) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for start, end in target_sentences(text):
            lines.append(f"- {text[start:end]}{citations.cite(notice, text, start, end)}")
    if not lines:
        return None
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join([f"{unit}的通报写明的被巡察单位:", *lines]),
        citations=citations.items,
        answerer=ANSWERER,
        units=[unit],
    )
