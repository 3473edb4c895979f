"""Rows of a rectification ledger (整改台账) that only name a problem and who owns it: weak quotes.

A notice's appendix often lists each problem as a row: a short item title, then fields such as
责任人 / 责任单位 / 整改状态 / 完成时限, set apart by dashes, bars or tabs
("2.食堂账目不清——责任人：后勤科长——整改状态：已完成", "2｜食堂账目不清｜后勤科｜已完成").
Such a row repeats the topic words of the body's item, so it scores high, yet says neither what was
found nor what was done. When the same notice has a body passage on the same asked topic, the row
ranks behind it (and is quoted, if at all, after it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.evidence import Evidence

# Cells of a row: dashes (——, —, --), full- or half-width bars, tabs.
_CELL_SPLIT = re.compile(r"\s*(?:—{1,2}|-{2,}|－{1,2}|[｜|]|\t)\s*")
# A leading item number: "3." "3、" "8—15." "（三）"; a bare number cell ("3｜…") is dropped as a cell.
_ITEM_NUMBER = re.compile(r"^(?:\d+(?:[—\-~～至]\d+)?[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)")
_FIELD = re.compile(
    r"^(?:责任人|责任单位|责任部门|责任领导|牵头领导|牵头单位|牵头部门|配合单位|整改状态|整改进度|完成情况|完成时限|"
    r"完成时间|整改时限|整改期限)\s*[：:]"
)
_STATUS = re.compile(r"^(?:已完成|已整改|已办结|基本完成|推进中|正在推进|持续推进|整改中|正在整改|长期坚持|持续整改|未完成)$")
_DEADLINE = re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日|底|末)?前?$|^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?$")
_FIGURE = re.compile(r"\d")
# A question asking what such a row does state: who owns the item, its status or deadline ("谁负责", "完成了吗").
ASKS_LEDGER_FIELD = re.compile(
    r"责任人|负责人|谁负责|谁牵头|牵头|责任单位|责任部门|哪个部门负责|整改状态|状态|进度|完成了?(吗|没|没有)|"
    r"完成时限|时限|(啥|什么)时候(完成|整改完|改完)"
)
_NUMBER_CELL = re.compile(r"^(?:\d+(?:[—\-~～至]\d+)?|[一二三四五六七八九十]+)[.、．]?$")


def is_weak_ledger_row(line: str, title_chars: int) -> bool:
    """Whether a line is a ledger row naming only a problem's short title plus owner / status / deadline
    fields: no measure, no figure."""
    cells = [c for c in _CELL_SPLIT.split(line.strip()) if c]
    if len(cells) < 2:
        return False
    if _NUMBER_CELL.match(cells[0]):
        cells = cells[1:]
    fields = [c for c in cells if _FIELD.match(c) or _STATUS.match(c) or _DEADLINE.match(c)]
    titles = [_ITEM_NUMBER.sub("", c, count=1) for c in cells if c not in fields]
    if not fields or len(titles) > 2:
        return False  # a row with more free cells than a title and an owner carries a measure
    return all(len(t) <= title_chars and not _FIGURE.search(t) for t in titles)


def line_at(text: str, start: int, end: int) -> str:
    """The whole line of text holding start..end."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return text[begin: stop if stop >= 0 else len(text)]


def behind_body_passages(
    found: Sequence[Evidence], said: Sequence[frozenset[str]], weak: Sequence[bool], share: float
) -> list[Evidence]:
    """The best body passages of a weak ledger row's notice saying one of its asked terms take the row's score, and
    the row share of it (said[i]: the question's terms candidate i says; weak[i]: whether it is such a row).
    Whether the question is answered stays as it was; what is quoted first is what was found and done."""
    ranked = list(found)
    for i, row in enumerate(found):
        if not weak[i] or not said[i]:
            continue
        body = [j for j, e in enumerate(found) if not weak[j] and e.notice_id == row.notice_id and said[j] & said[i]]
        if not body:
            continue
        best = max(found[j].score for j in body)
        for j in body:
            if found[j].score >= best - 1e-9:
                ranked[j] = replace(ranked[j], score=max(ranked[j].score, row.score))
        ranked[i] = replace(row, score=share * max(row.score, best))
    return ranked
