"""The records tab's bar charts as inline SVG: a tooltip per bar with its quotes, a click leads to its source.

No script library and nothing fetched: each bar is an SVG <a class="cite"> whose <title> is the
tooltip; the page's existing marker script scrolls to and flashes the source block it points to.
"""

from __future__ import annotations

import html

from assistant.records_charts import Bar, Chart
from ui.sources import quote_in_context_html

WIDTH, LABEL_WIDTH, VALUE_WIDTH, ROW_HEIGHT, BAR_HEIGHT = 720, 190, 110, 28, 18
BAR_COLOR = "#2563eb"
EMPTY = "还没有可画图的数字:导入通报后,这里按单位画出金额、问题数、整改完成比例、制度数和巡察天数。"


def bar_source_id(chart_key: str, index: int) -> str:
    """The id of the source block a bar links to."""
    return f"chart-{chart_key}-{index}"


def charts_html(charts: list[Chart], notice_text_of) -> str:
    """All charts, each an SVG with its sources below; a note when there is nothing to draw."""
    if not charts:
        return f'<div class="sources empty">{html.escape(EMPTY)}</div>'
    parts = [_chart_html(chart, notice_text_of) for chart in charts]
    return '<div class="records-charts">' + "".join(parts) + "</div>"


def _chart_html(chart: Chart, notice_text_of) -> str:
    top = max(bar.value for bar in chart.bars) or 1
    height = ROW_HEIGHT * len(chart.bars) + 8
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = [_bar_svg(chart, index, bar, float(bar.value / top) * area) for index, bar in enumerate(chart.bars)]
    svg = (f'<svg class="chart" role="img" aria-label="{html.escape(chart.title)}" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>')
    silent = (f'<div class="chart-silent">未写明的单位:{html.escape("、".join(chart.silent))}</div>'
              if chart.silent else "")
    sources = "".join(_bar_sources_html(chart, index, bar, notice_text_of) for index, bar in enumerate(chart.bars))
    return (f'<div class="chart-block" id="chart-{chart.key}"><div class="chart-title">{html.escape(chart.title)}</div>'
            f'{svg}{silent}<div class="chart-sources">{sources}</div></div>')


def _bar_svg(chart: Chart, index: int, bar: Bar, length: float) -> str:
    y = index * ROW_HEIGHT + 4
    tooltip = "\n".join([f"{bar.unit}:{bar.shown}", *bar.calculations,
                         *(f"[{c.n}]「{' '.join(c.quote.split())}」" for c in bar.sources), "点击查看出处"])
    return (
        f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" class="chart-label">'
        f"{html.escape(bar.unit)}</text>"
        f'<a class="cite chart-bar" href="#{bar_source_id(chart.key, index)}" data-unit="{html.escape(bar.unit)}">'
        f"<title>{html.escape(tooltip)}</title>"
        f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 2):.1f}" height="{BAR_HEIGHT}" rx="3" fill="{BAR_COLOR}"/>'
        f'<text x="{LABEL_WIDTH + max(length, 2) + 6:.1f}" y="{y + BAR_HEIGHT - 4}" class="chart-value">'
        f"{html.escape(bar.shown)}</text></a>"
    )


def _bar_sources_html(chart: Chart, index: int, bar: Bar, notice_text_of) -> str:
    quotes = []
    for citation in bar.sources:
        text = notice_text_of(citation.notice_id) or ""
        verbatim = text[citation.start : citation.end] == citation.quote
        shown = quote_in_context_html(text, citation.start, citation.end, radius=40) if verbatim else ""
        if shown:
            quotes.append(f'<blockquote class="src-context">[{citation.n}] {shown}</blockquote>')
    head = f"{html.escape(bar.unit)}:<b>{html.escape(bar.shown)}</b>({html.escape(';'.join(bar.calculations))})"
    return (f'<div class="src chart-src" id="{bar_source_id(chart.key, index)}"><div class="src-head">{head}</div>'
            f'<div class="src-path">{html.escape(";".join(bar.inputs))}</div>{"".join(quotes)}</div>')
