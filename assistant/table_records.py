"""Rows of a notice's rectification table read as records: each row's cells under its header's fields.

Two house styles are read. A table written as lines under a header line of short labels ("序号 问题 整改措施
责任单位 完成时限 完成情况", cells set apart by tabs, bars or runs of spaces), each following line one row; and a
整改台账 of lines "问题N｜problem｜measure｜status" without a header, whose fields are told by their shapes (the
status word last, the problem first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Cells of a line: tabs, full- or half-width bars, two or more spaces (full-width spaces included).
_CELL_SPLIT = re.compile(r"\s*[\t｜|]\s*|[ \u3000]{2,}")
# Header labels naming a field; a header line has at least `_MIN_HEADER_FIELDS` of them.
_HEADER_FIELDS = {
    "问题": re.compile(r"^(?:反馈|巡察|存在|主要)?问题(?:描述|内容|清单)?$"),
    "整改措施": re.compile(r"^整改(?:措施|举措|情况|内容)$"),
    "责任单位": re.compile(r"^(?:责任|牵头)(?:单位|部门|科室|股室|处室|人|领导)$"),
    "完成时限": re.compile(r"^(?:完成|整改)(?:时限|时间|期限)$"),
    "完成情况": re.compile(r"^(?:完成|整改)(?:情况|状态|进度)$"),
}
_MIN_HEADER_FIELDS = 3
# A status cell: done, or still under way.
_DONE = re.compile(r"^(?:已完成|已整改|已办结|已整改到位|基本完成)$")
_OPEN = re.compile(r"^(?:持续推进|正在推进|推进中|整改中|正在整改|未完成|长期坚持|持续整改|序时推进)$")
_RULE = re.compile(r"^:?-{3,}:?$")
# A ledger line's leading item: "问题9", "9", "（9）".
_ITEM = re.compile(r"^(?:问题|事项)?[(（]?\d{1,3}[)）.、]?$")


@dataclass(frozen=True)
class TableRecord:
    """One row of a table: its line's span in the notice and its cells by field (fields absent are missing)."""

    start: int
    end: int
    fields: dict[str, str]

    @property
    def text(self) -> str:
        return " ".join(self.fields.values())

    @property
    def is_open(self) -> bool:
        """Whether the row's status cell says the item is still under way."""
        return bool(_OPEN.match(self.fields.get("完成情况", "")))


def table_records(text: str) -> list[TableRecord]:
    """Every row of the notice's header tables and 整改台账 lines, in reading order."""
    records: list[TableRecord] = []
    header: list[str | None] | None = None
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        cells = [c for c in _CELL_SPLIT.split(line.strip()) if c]
        if all(_RULE.match(c) for c in cells):  # a Markdown table's "|---|:---:|" under its header
            continue
        if len(cells) < 3:
            header = None
            continue
        labels = [_field_of(c) for c in cells]
        if sum(1 for label in labels if label) >= _MIN_HEADER_FIELDS:
            header = labels
            continue
        fields = _by_header(cells, header) if header and len(cells) == len(header) else _by_shape(cells)
        if fields:
            records.append(TableRecord(start, start + len(line), fields))
    return records


@lru_cache(maxsize=16)
def cached_table_records(text: str) -> tuple[TableRecord, ...]:
    """table_records of a notice's text, read once for the several sentences asked about it."""
    return tuple(table_records(text))


def _field_of(cell: str) -> str | None:
    return next((name for name, label in _HEADER_FIELDS.items() if label.match(cell)), None)


def _by_header(cells: list[str], header: list[str | None]) -> dict[str, str]:
    return {label: cell for label, cell in zip(header, cells) if label}


def _by_shape(cells: list[str]) -> dict[str, str]:
    """A header-less ledger line "问题N｜problem｜measure｜status": fields told by where they stand."""
    if not _ITEM.match(cells[0]) or not (_DONE.match(cells[-1]) or _OPEN.match(cells[-1])):
        return {}
    inner = cells[1:-1]
    fields = {"问题": inner[0], "完成情况": cells[-1]}
    if len(inner) > 1:
        fields["整改措施"] = "；".join(inner[1:])
    return fields
