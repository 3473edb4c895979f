"""The records tab: one row per notice, each cell's source in context, units side by side."""

from __future__ import annotations

from ui.records_tab import ID_HEADER, cell_sources_html, comparison_table, records_table


def column(headers: list[str], name: str) -> int:
    return headers.index(name)


def test_table_has_a_row_per_notice_with_its_id_last(ingested):
    headers, rows = records_table(ingested.catalog)
    assert headers[0] == "单位" and headers[-1] == ID_HEADER
    assert sorted(row[0] for row in rows) == ["东湖高新产业园", "青禾市云岭区", "青禾市云岭区柳林街道"]
    donghu = next(row for row in rows if row[0] == "东湖高新产业园")
    assert donghu[column(headers, "反馈时间")] == "2022年6月9日"


def test_clicking_a_figure_cell_shows_each_value_highlighted_in_the_notice(ingested):
    headers, rows = records_table(ingested.catalog)
    donghu = next(row for row in rows if row[0] == "东湖高新产业园")
    shown = cell_sources_html(ingested.catalog, donghu[-1], column(headers, "追缴/挽回金额"))
    assert "东湖高新产业园 · 追缴/挽回金额" in shown
    assert "<mark>收回多付工程款8.9万元</mark>" in shown
    assert shown.count('class="src"') == 3


def test_empty_cell_and_unit_cell_explain_themselves(ingested):
    headers, rows = records_table(ingested.catalog)
    liulin = next(row for row in rows if row[0] == "青禾市云岭区柳林街道")
    assert "这一格为空" in cell_sources_html(ingested.catalog, liulin[-1], column(headers, "追缴/挽回金额"))
    assert "点击表格中的日期或数字单元格" in cell_sources_html(ingested.catalog, liulin[-1], 0)
    assert "已不在库中" in cell_sources_html(ingested.catalog, "gone", 2)


def test_comparison_puts_units_side_by_side(ingested):
    headers, rows = comparison_table(ingested.catalog, ["东湖高新产业园", "青禾市云岭区"])
    assert headers == ["项目", "东湖高新产业园", "青禾市云岭区"]
    feedback = next(row for row in rows if row[0] == "反馈时间")
    assert feedback[1:] == ["2022年6月9日", "2023年12月15日"]
