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


def test_charts_draw_a_bar_per_unit_whose_tooltip_quotes_and_link_lead_to_the_source(ingested):
    from assistant.records_charts import records_charts
    from ui.records_charts import bar_source_id, charts_html

    units = ["东湖高新产业园", "青禾市云岭区", "青禾市云岭区柳林街道"]
    charts = records_charts(ingested.catalog, units)
    shown = charts_html(charts, ingested.catalog.notice_text)
    days = next(chart for chart in charts if chart.key == "inspection_days")
    assert [bar.unit for bar in days.bars] == ["青禾市云岭区", "东湖高新产业园", "青禾市云岭区柳林街道"]
    link = f'href="#{bar_source_id("inspection_days", 0)}"'
    assert link in shown and f'id="{bar_source_id("inspection_days", 0)}"' in shown
    bar = shown[shown.index(link):]
    assert "<title>青禾市云岭区:68天" in bar[: bar.index("</title>")]
    assert "「" in bar[: bar.index("</title>")]  # the tooltip quotes the notice
    assert "<mark>2023年9月4日至11月10日</mark>" in shown  # the source block shows the quote in context
