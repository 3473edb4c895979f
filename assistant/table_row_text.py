"""A quoted table row shown as its fields ("反馈问题：…；整改措施：…；完成情况：已完成"), not as pipes."""

from __future__ import annotations

import re

from assistant.ledger_rows import line_at

# A Markdown table's separator line under its header ("|---|:---:|").
_SEPARATOR = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
# A cell holding only the row's number ("4", "（4）"): the reader's place in the table, not what the row states.
_ROW_NUMBER = re.compile(r"^[(（]?\d{1,3}[)）.、]?$")
# Headers of the row-number column.
_NUMBER_HEADERS = frozenset({"序号", "编号", "No", "NO", "no"})
# A header cell is a short label without figures ("反馈问题", "完成情况"), never a sentence.
_MAX_HEADER_CHARS = 8


def table_row_text(quote: str, notice_text: str | None, start: int) -> str:
    """The quote as the reader should see it: a whole table line of the notice (Markdown "| a | b |" or
    "1｜a｜b" with full-width bars) becomes its cells, each after its column's header when the table has one,
    without the row number; any other quote as given."""
    row = quote.strip()
    text = notice_text or ""
    bar = "|" if row.startswith("|") and row.endswith("|") else "｜"
    if "\n" in row or row.strip(bar).count(bar) < 2 or line_at(text, start, start).strip() != row:
        return quote
    cells = _cells(row, bar)
    headers = _headers_above(text, start, bar, len(cells))
    fields = [
        f"{header}：{value}" if header else value
        for header, value in zip(headers, cells)
        if value and header not in _NUMBER_HEADERS and not _ROW_NUMBER.match(value)
    ]
    return "；".join(fields) or quote


def _cells(row: str, bar: str) -> list[str]:
    """The stripped cells of a table line."""
    return [cell.strip() for cell in row.strip().strip(bar).split(bar)]


def _headers_above(text: str, start: int, bar: str, count: int) -> list[str]:
    """The header cells of the table the row at `start` belongs to: the top line of the run of table lines above
    it, when that line is labels; else as many empty headers as cells."""
    lines = text[: text.rfind("\n", 0, start) + 1].rstrip("\n").split("\n")
    top = None
    for line in reversed(lines):
        line = line.strip()
        if _SEPARATOR.match(line):
            continue
        if bar not in line or len(_cells(line, bar)) != count:
            break
        top = line
    labels = _cells(top, bar) if top is not None else []
    if labels and all(label and len(label) <= _MAX_HEADER_CHARS and not re.search(r"\d", label) for label in labels):
        return labels
    return [""] * count
