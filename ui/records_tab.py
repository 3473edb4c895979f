"""The records tab (整改记录): the sortable records table, each cell's source on click, CSV, unit comparison."""

from __future__ import annotations

import html
import tempfile
from datetime import datetime
from pathlib import Path

import gradio as gr

from assistant.records_charts import records_charts
from assistant.records_view import compare_units, figure_sources, records_columns, records_csv, records_rows
from ui.records_charts import charts_html
from ui.sources import quote_in_context_html

ID_HEADER = "通报编号"
# Pixel widths of the records table's columns (unit, team, dates, figures..., notice id).
COLUMN_WIDTHS = [150, 120, 150, 110, 110, 130, 130, 120, 120, 80, 240, 180, 150, 150, 140]
CELL_HINT = "点击表格中的日期或数字单元格,这里显示它在通报原文中的出处。"


def records_table(catalog) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the records table; the notice id is the last column."""
    columns = records_columns()
    headers = [header for _, header in columns] + [ID_HEADER]
    rows = [[row.get(key, "") for key, _ in columns] + [row["notice_id"]] for row in records_rows(catalog)]
    return headers, rows


def cell_sources_html(catalog, notice_id: str, column_index: int) -> str:
    """Where one cell's values were read: each value with its quote highlighted in its paragraph."""
    columns = records_columns()
    if not 0 <= column_index < len(columns) or columns[column_index][0] == "unit":
        return _note(CELL_HINT)
    key, header = columns[column_index]
    notice = next((row for row in catalog.notices() if row.notice_id == notice_id), None)
    if notice is None:
        return _note("这份通报已不在库中,请刷新页面。")
    sources = figure_sources(catalog, notice_id, key)
    heading = f'<div class="src-question">{html.escape(notice.unit or "(未识别)")} · {html.escape(header)}</div>'
    if not sources:
        return heading + _note("这一格为空:通报中没有找到相应的表述。")
    text = catalog.notice_text(notice_id) or ""
    blocks = []
    for source in sources:
        start, end, quote = source.get("start", 0), source.get("end", 0), source.get("quote", "")
        scope = f"{html.escape(source['scope'])}:" if source.get("scope") else ""
        label, value = html.escape(source.get("label", "")), html.escape(source.get("text", ""))
        label = f'<div class="src-head">{scope}{label}<b>{value}</b></div>'
        if quote and 0 <= start < end <= len(text) and text[start:end] == quote:
            context = quote_in_context_html(text, start, end)
        else:
            context = html.escape(quote) if quote else "(没有记录原文位置)"
        blocks.append(f'<div class="src">{label}<blockquote class="src-context">{context}</blockquote></div>')
    title = html.escape(notice.title or notice.file_name)
    return f'<div class="sources">{heading}<div class="src-path">《{title}》</div>{"".join(blocks)}</div>'


def comparison_table(catalog, units: list[str]) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) comparing the units side by side, one row per field."""
    rows = compare_units(catalog, units)
    return ["项目", *units], [[row["field"], *(row.get(unit, "") or "—" for unit in units)] for row in rows]


def _note(message: str) -> str:
    return f'<div class="sources empty">{html.escape(message)}</div>'


class RecordsTab:
    """The tab's components and handlers; `outputs`/`refresh()` let the app update it after ingest."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.exports_dir = Path(tempfile.gettempdir()) / "inspection-assistant-exports"

    @property
    def catalog(self):
        return self.workspace.catalog

    def units(self) -> list[str]:
        return list(self.workspace.retriever.directory.units)

    @classmethod
    def build(cls, workspace) -> RecordsTab:
        """Lay out the tab inside the current Blocks and wire its events."""
        tab = cls(workspace)
        headers, rows = records_table(tab.catalog)
        with gr.Tab("整改记录", id="records"):
            gr.Markdown("每份通报一行:日期与主要数字均按原文摘录。点击表头排序,点击单元格在下方查看出处。")
            tab.table = gr.Dataframe(
                value=rows,
                headers=headers,
                interactive=False,
                wrap=True,
                column_widths=COLUMN_WIDTHS,
                max_height=420,
                label="整改记录表",
                elem_id="records-table",
            )
            with gr.Row():
                csv_button = gr.Button("下载 CSV", elem_id="records-csv", scale=1)
                tab.csv_file = gr.File(
                    label="CSV 文件(点击下载)", visible=False, interactive=False, elem_id="records-csv-file", scale=3
                )
            gr.Markdown("### 单位对比图")
            gr.Markdown("每个单位一条;鼠标停在条上可见原文,点击条形跳到它的出处。同一单位有多项时取最大一项,各项都列在出处中。")
            tab.charts = gr.HTML(tab.charts_html(), elem_id="records-charts")
            gr.Markdown("### 单元格出处")
            tab.cell_sources = gr.HTML(_note(CELL_HINT), elem_id="cell-sources")
            gr.Markdown("### 单位对比")
            with gr.Row():
                tab.compare_units = gr.Dropdown(
                    choices=tab.units(),
                    value=[],
                    multiselect=True,
                    label="选择两个或更多单位",
                    scale=4,
                    elem_id="records-compare-units",
                )
                compare_button = gr.Button("对比", scale=1, elem_id="records-compare")
            tab.compare_message = gr.Markdown("")
            tab.comparison = gr.Dataframe(
                value=None, headers=["项目"], interactive=False, wrap=True, label="对比表", elem_id="records-compare-table"
            )
        tab.table.select(tab.show_cell_sources, outputs=[tab.cell_sources], api_visibility="private")
        csv_button.click(tab.download_csv, outputs=[tab.csv_file], api_name="records_csv")
        compare_button.click(
            tab.compare, inputs=[tab.compare_units], outputs=[tab.comparison, tab.compare_message], api_name="compare"
        )
        return tab

    @property
    def outputs(self) -> list:
        return [self.table, self.compare_units, self.charts]

    def refresh(self) -> tuple:
        """(records table, unit choices, charts) after the library changed."""
        headers, rows = records_table(self.catalog)
        return gr.update(value=rows, headers=headers), gr.update(choices=self.units()), self.charts_html()

    def charts_html(self) -> str:
        """The bar charts per unit for the current library."""
        return charts_html(records_charts(self.catalog, self.units()), self.catalog.notice_text)

    def show_cell_sources(self, selected: gr.SelectData) -> str:
        row = selected.row_value or []
        column = selected.index[1] if isinstance(selected.index, (list, tuple)) else -1
        if not row:
            return _note(CELL_HINT)
        return cell_sources_html(self.catalog, str(row[-1]), column)

    def download_csv(self):
        self.exports_dir.mkdir(parents=True, exist_ok=True)
        path = self.exports_dir / f"整改记录-{datetime.now():%Y%m%d-%H%M%S}.csv"
        path.write_text(records_csv(self.catalog), encoding="utf-8-sig")  # BOM so Excel reads UTF-8
        return gr.update(value=str(path), visible=True)

    def compare(self, units: list[str] | None):
        units = [unit for unit in (units or []) if unit]
        if len(units) < 2:
            return gr.update(value=None), "请至少选择两个单位再对比。"
        headers, rows = comparison_table(self.catalog, units)
        return gr.update(value=rows, headers=headers), ""
