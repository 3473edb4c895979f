"""What problems a unit's inspection found: "青岚一中有哪些问题?", "巡察指出了东临哪些问题?".

Notices list the problems as numbered headings ("(五)基层党组织建设有短板", "3.对“一把手”和领导
班子监督不到位"); the answer quotes those headings in order, each cited. A feedback report without
such headings sums them up in a sentence ("存在一些问题,主要是:…", "指出…等问题"), which is quoted
instead. A question about problems on one topic ("食堂方面有哪些问题?") is left to the passage answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.computed_inputs import CitationNumbers
from assistant.unit_names import without_spans
from index.catalog import NoticeRow
from index.headings import parse_heading

ANSWERER = "extractive:problems"
# Asking for the problems found, with nothing narrowing them to a topic.
ASKS_PROBLEMS = re.compile(
    r"(?:有|存在|发现|查出|查找|反馈|指出|点出|提出|挑出|找出)了?(?:哪些|什么|些什么|些啥|啥|哪几个|哪几方面)(?:方面的?)?(?:主要)?"
    r"(?:问题|毛病)|(?:主要)?(?:问题|毛病)(?:有|是)(?:哪些|什么)"
)
# Words of the question around the ask that narrow nothing.
# (the villages or communities under a town: its inspection's problems are theirs too)
_NO_TOPIC = re.compile(r"巡[察视](?:组|中|时)?|被|(?:村|社区)里|里|中|的|在|这次|此次|通报|整改|请问|都|一共|主要|[?？,，。\s]")
# A heading names a problem: a shortfall or a breach ("…不到位", "…不健全", "违规…", "…滞后"), or calls
# itself a problem without being a step of the rectification work ("聚焦反馈问题,逐项抓好整改").
_SHORTFALL = re.compile(
    r"不(?!断|折不扣|懈|松劲|忘|遗余力|停)|未|缺|乱|违|差距|偏差|弱化|虚化|淡化|薄弱|偏弱|滞后|短板|漏洞|隐患|较多|闲置|失职"
)
_CALLED_A_PROBLEM = re.compile(r"问题")
_RECTIFICATION_STEP = re.compile(r"整改|提高政治站位|压实|下一步|长效|巩固|聚焦|对照|加强|强化")
MAX_ITEMS = 15
# A feedback report's sentence summing up the problems: "存在(发现了)…问题,主要是:…" up to the sentence's end
# (its list runs across semicolons), "指出…等问题", or a news item's "发现了一些问题,有的…存在…等问题".
_PROBLEMS_SUMMARY = re.compile(
    r"[^。\n]*(?:(?:存在|发现)[^。\n；;]{0,10}问题[,，]?主要(?:是|有|表现在|表现为)[:：][^。\n]*|指出[^。\n]{0,200}等问题"
    r"|(?:存在|发现)[^。\n；;,，]{0,10}问题[,，][^。\n]{0,200}?等问题)。?"
)


def asks_for_problems(question: str, unit_spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the question asks which problems were found, about no narrower topic."""
    return asks_with_no_topic(ASKS_PROBLEMS, _NO_TOPIC, question, unit_spans)


def asks_with_no_topic(
    asks: re.Pattern[str], no_topic: re.Pattern[str], question: str, unit_spans: Sequence[tuple[int, int]]
) -> bool:
    """Whether the question holds the ask and, besides it and the units named, only words that narrow nothing."""
    rest = without_spans(question, unit_spans)  # "巡察指出了东临新区哪些问题": the unit narrows nothing
    match = asks.search(rest)
    return match is not None and no_topic.sub("", rest[: match.start()] + rest[match.end() :]) == ""


def answer_problems(
    question: str,
    standalone_question: str,
    unit: str,
    notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The problem headings of the unit's notices, in order and cited; None when none is found."""
    texts = [(n, notice_text_of(n.notice_id) or "") for n in notices if (n.unit or n.metadata.unit) == unit]
    spans = [(n, text, start, start + len(label)) for n, text in texts for start, label in problem_headings(text)]
    if len(spans) < 2:
        spans = [(n, text, start, end) for n, text in texts for start, end in problems_summaries(text)]
    citations = CitationNumbers()
    items = [f"- {text[start:end]}{citations.cite(n, text, start, end)}" for n, text, start, end in spans]
    if not items:
        return None  # no list of problems to show: the passage answer looks for them
    shown = items[:MAX_ITEMS]
    more = [f"(另有{len(items) - MAX_ITEMS}项,见通报原文)"] if len(items) > MAX_ITEMS else []
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join([f"{unit}的通报列出的问题(按通报原文标题):", *shown, *more]),
        citations=citations.items[:MAX_ITEMS],
        answerer=ANSWERER,
        units=[unit],
    )


def problems_summaries(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence summing up the problems found, as feedback reports write them
    ("存在一些问题,主要是:…;…。", "指出…、…等问题。"), in the order of the text."""
    return [match.span() for match in _PROBLEMS_SUMMARY.finditer(text)]


def problem_headings(text: str) -> list[tuple[int, str]]:
    """(position, label) of each numbered heading that names a problem, in the order of the text."""
    found = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        heading = parse_heading(stripped)
        numbered = heading is not None and ((heading.rank or 0) >= 2 or heading.style == "problem-number")
        if numbered and heading.style != "measure-label":
            label = heading.label
            if _SHORTFALL.search(label) or (_CALLED_A_PROBLEM.search(label) and not _RECTIFICATION_STEP.search(label)):
                found.append((position + line.find(label), label))
        position += len(line) + 1
    return found
