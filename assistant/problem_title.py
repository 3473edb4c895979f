"""A comparison column's measures joined by the numbered problem line they stand under ("⑥ 学校食堂…索证索票。")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.evidence import Evidence
from assistant.ledger_rows import is_weak_ledger_row
from assistant.problem_statement import MAX_PROBLEM_CHARS, PROBLEM_LEAD

# A line opening a numbered problem: "2.…", "2、…", "⑥ …", "【问题5】…", "问题五：…".
_PROBLEM_POINT = re.compile(r"^\s*(?:\d{1,2}[.、．](?!\d)|[①-⑳]|【问题[\d一二三四五六七八九十]+】|问题[\d一二三四五六七八九十]+[:：])")
# A line of measures listed under a problem: "（1）…", "(2)…".
_SUB_ITEM = re.compile(r"^\s*[(（][\d一二三四五六七八九十]{1,2}[)）]")
# A table row states its problem in a cell of its own.
_TABLE_ROW = re.compile(r"[|｜].*[|｜]")


def with_problem_title(
    column: Sequence[Evidence], notice_text_of: Callable[[str], str | None], ledger_title_chars: int
) -> list[Evidence]:
    """The column plus the numbered problem line right above its best quote (its own measures listed between),
    when no quote of the column states a problem: a notice listing measures under a numbered problem states the
    problem in that line alone. A ledger row naming only the problem and its owner is no such statement."""
    body = [e for e in column if not is_weak_ledger_row(e.text, ledger_title_chars)]
    if not body or any(_states_problem(e.text) for e in body):
        return list(column)
    best = max(body, key=lambda e: e.score)
    text = notice_text_of(best.notice_id) or ""
    running_in = (_title_running_in(notice_text_of(e.notice_id) or "", e.start) for e in body if e.notice_id == best.notice_id)
    span = next((s for s in running_in if s), None) or _title_opening_line(text, best.start) or _problem_line_above(text, best.start)
    if span is None or any(e.notice_id == best.notice_id and e.start < span[1] and span[0] < e.end for e in column):
        return list(column)
    title = Evidence(best.document, span[0], span[1], text[span[0] : span[1]], best.score, True, is_heading=True)
    return sorted([*column, title], key=lambda e: (e.notice_id, e.start, -e.end))


def _states_problem(text: str) -> bool:
    """Whether a quote states a problem: a numbered problem line, a 巡察指出/问题: sentence, or a table row."""
    return bool(_PROBLEM_POINT.match(text) or PROBLEM_LEAD.match(text) or _TABLE_ROW.search(text))


# A numbered title sentence opening the line a quote runs on in: "(7)超标准购买服装、超范围开展活动。" before its finding.
_TITLE_SENTENCE = re.compile(
    r"\s*(?:[(（][\d一二三四五六七八九十]{1,2}[)）]|\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]+、|[①-⑳])[^。\n]{2,60}。\s*$")


# A title naming a fault ("超标准…", "…不到位", "…有差距"), not a measure's heading ("(一)加强…建设。").
_FAULT = re.compile(r"[不未没缺乱差弱慢]|滞后|问题|隐患|违规|违反|超标|超范围")


def _title_running_in(text: str, start: int) -> tuple[int, int] | None:
    """The span of a numbered title sentence naming a fault that is all the line holds before `start`, or None."""
    line_start = text.rfind("\n", 0, start) + 1
    title = _TITLE_SENTENCE.match(text, line_start, start)
    if title is None or not _FAULT.search(title.group(0)):
        return None
    head = text[line_start:start]
    lead = len(head) - len(head.lstrip())
    return line_start + lead, line_start + len(head.rstrip())


# A numbered title sentence opening a line, its measures running on after it: "(10)公办教育发展滞后。一是…".
_OPENING_TITLE = re.compile(r"\s*(?:[(（][\d一二三四五六七八九十]{1,2}[)）]|[①-⑳])[^。\n]{2,60}。")


def _title_opening_line(text: str, start: int) -> tuple[int, int] | None:
    """The span of the numbered title sentence naming a fault that opens the line a quote stands in, before the
    quote, or None: the line's own problem, not the numbered group line above its sibling problems."""
    line_start = text.rfind("\n", 0, start) + 1
    title = _OPENING_TITLE.match(text, line_start, start)
    if title is None or not _FAULT.search(title.group(0)):
        return None
    head = title.group(0)
    return line_start + len(head) - len(head.lstrip()), title.end()


def _problem_line_above(text: str, start: int) -> tuple[int, int] | None:
    """The span of the numbered problem line above position `start`, over listed measures only (no blank line,
    no other paragraph between), or None."""
    end = text.rfind("\n", 0, start)
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if not line.strip():
            return None
        if not _SUB_ITEM.match(line):
            if not _PROBLEM_POINT.match(line) or len(line.strip()) > MAX_PROBLEM_CHARS:
                return None
            lead = len(line) - len(line.lstrip())
            return begin + lead, begin + len(line.rstrip())
        end = begin - 1
    return None
