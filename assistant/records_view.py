"""The records table (通报数字表): one row per ingested notice, its metadata and headline figures as written.

Pure over a catalogue-like object: it reads `records()` and `notices()`, and `notice_text()`
only to quote where a metadata value was read. The CLI (`assistant records`) and the UI's
Records tab both render these rows; CSV is meant to be written with encoding "utf-8-sig" so
Excel opens it as UTF-8.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import Any, Protocol

from index.catalog import NoticeRow
from index.documents import NoticeMetadata
from index.records import FIELDS, Figure, NoticeRecord

METADATA_KEYS = ("inspecting_body", "inspection_period", "feedback_date", "publish_date")
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", "单位"),
    ("inspecting_body", "巡察(巡视)组"),
    ("inspection_period", "巡察时间"),
    ("feedback_date", "反馈时间"),
    ("publish_date", "发布时间"),
    ("problems_found", "反馈问题"),
    ("measures", "整改措施(任务)"),
    ("problems_rectified", "已整改"),
    ("problems_in_progress", "正在整改"),
    ("completion_rate", "整改率"),
    ("money", "追缴/挽回金额"),
    ("people", "处理人数"),
    ("rules", "制度"),
    ("clues", "线索/信访"),
)
# The text table shows the unit and the figures; dates and teams are in --csv / --json.
TABLE_KEYS = ("unit",) + FIELDS
FIGURE_SEPARATOR = "; "


class RecordSource(Protocol):
    """What the view needs from the catalogue (index.catalog.Catalog has all three)."""

    def records(self) -> dict[str, dict[str, Any]]: ...
    def notices(self) -> list[NoticeRow]: ...
    def notice_text(self, notice_id: str) -> str | None: ...


def records_columns() -> list[tuple[str, str]]:
    """(key, Chinese header) of every column, in display order."""
    return list(_COLUMNS)


def header_of(key: str) -> str:
    """The Chinese header of a column key."""
    return dict(_COLUMNS)[key]


def figure_display(figure: Figure) -> str:
    """A figure as the table shows it: label and number as written, prefixed by its sub-unit if any."""
    shown = f"{figure.label}{figure.text}"
    return f"{figure.scope}:{shown}" if figure.scope else shown


def records_rows(catalog: RecordSource) -> list[dict[str, str]]:
    """One row per ready notice: notice_id, title and every column key; "" where the notice states nothing."""
    stored = catalog.records()
    rows = []
    for notice in catalog.notices():
        record = _record_of(notice, stored)
        row = {"notice_id": notice.notice_id, "title": notice.title or notice.file_name, "unit": notice.unit}
        for key in METADATA_KEYS:
            value = getattr(notice.metadata, key)
            row[key] = value.value if value is not None else ""
        for field_name in FIELDS:
            row[field_name] = FIGURE_SEPARATOR.join(figure_display(f) for f in record.by_field(field_name))
        rows.append(row)
    return rows


def records_csv(catalog: RecordSource) -> str:
    """The table as CSV text with Chinese headers (write it with encoding "utf-8-sig" for Excel)."""
    columns = records_columns() + [("title", "通报标题"), ("notice_id", "通报编号")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([header for _, header in columns])
    for row in records_rows(catalog):
        writer.writerow([row[key] for key, _ in columns])
    return buffer.getvalue()


def records_json(catalog: RecordSource) -> list[dict[str, Any]]:
    """Every notice's record in full: metadata values and figures, each with its quote and span."""
    stored = catalog.records()
    result = []
    for notice in catalog.notices():
        record = _record_of(notice, stored)
        text = catalog.notice_text(notice.notice_id) or ""
        result.append(
            {
                "notice_id": notice.notice_id,
                "title": notice.title or notice.file_name,
                "file_name": notice.file_name,
                "unit": notice.unit,
                "metadata": {key: _metadata_source(notice.metadata, key, text) for key in METADATA_KEYS},
                "figures": {
                    field_name: [_figure_source(figure) | {"value": figure.value, "unit": figure.unit}
                                 for figure in record.by_field(field_name)]
                    for field_name in FIELDS
                },
            }
        )
    return result


def figure_sources(catalog: RecordSource, notice_id: str, column_key: str) -> list[dict[str, Any]]:
    """Where a cell's values were read: [{label, text, quote, start, end, scope}]; [] for an empty cell."""
    notice = next((row for row in catalog.notices() if row.notice_id == notice_id), None)
    if notice is None:
        return []
    if column_key in METADATA_KEYS:
        source = _metadata_source(notice.metadata, column_key, catalog.notice_text(notice_id) or "")
        return [source] if source is not None else []
    if column_key not in FIELDS:
        return []
    record = _record_of(notice, catalog.records())
    return [_figure_source(figure) for figure in record.by_field(column_key)]


def compare_units(catalog: RecordSource, units: list[str]) -> list[dict[str, str]]:
    """Side-by-side rows {"field": header, unit: cell, ...}; a unit with several notices joins them with " / "."""
    rows = records_rows(catalog)
    keys = [("title", "通报标题")] + [(key, header) for key, header in _COLUMNS if key != "unit"]
    table = []
    for key, header in keys:
        line = {"field": header}
        for unit in units:
            cells = [row[key] for row in rows if row["unit"] == unit and row[key]]
            line[unit] = " / ".join(cells)
        table.append(line)
    return table


def records_text_table(
    rows: list[dict[str, str]], keys: tuple[str, ...] = TABLE_KEYS, cell_width: int = 18, unit_width: int = 24
) -> str:
    """An aligned plain-text table of the rows (display width aware for Chinese), long cells cut with "…"."""
    headers = [header_of(key) for key in keys]
    limits = [unit_width if key == "unit" else cell_width for key in keys]
    body = [[_truncate(row.get(key, "") or "—", limit) for key, limit in zip(keys, limits)] for row in rows]
    widths = [max([_display_width(header)] + [_display_width(line[i]) for line in body]) for i, header in enumerate(headers)]
    lines = [_aligned(headers, widths), "  ".join("-" * width for width in widths)]
    lines.extend(_aligned(line, widths) for line in body)
    return "\n".join(lines)


def _record_of(notice: NoticeRow, stored: dict[str, dict[str, Any]]) -> NoticeRecord:
    data = stored.get(notice.notice_id)
    return NoticeRecord.from_dict(data) if data else NoticeRecord(notice_id=notice.notice_id, unit=notice.unit)


def _figure_source(figure: Figure) -> dict[str, Any]:
    return {
        "label": figure.label,
        "text": figure.text,
        "quote": figure.quote,
        "start": figure.start,
        "end": figure.end,
        "scope": figure.scope,
    }


def _metadata_source(metadata: NoticeMetadata, key: str, text: str) -> dict[str, Any] | None:
    value = getattr(metadata, key)
    if value is None:
        return None
    return {
        "label": header_of(key),
        "text": value.value,
        "quote": value.quote(text) if text else "",
        "start": value.start,
        "end": value.end,
        "scope": "",
    }


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _display_width(text) <= width:
        return text
    kept = ""
    for char in text:
        if _display_width(kept + char) > width - 1:
            break
        kept += char
    return kept + "…"


def _aligned(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _display_width(cell)) for cell, width in zip(cells, widths)).rstrip()
