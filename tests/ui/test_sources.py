"""The sources panel: quote highlighted inside its paragraph, whole notice at that place, text escaped."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from assistant.answer import Answer, Citation
from ui.sources import quote_in_context_html, sources_panel_html

NOTICE = "标题\n\n第一段与引文无关。\n\n前文<b>说明</b>。巡察期间移交信访件8件,已办结8件。后文继续。\n\n最后一段。"


def cite(quote: str, verified: bool = True, n: int = 1) -> Citation:
    start = NOTICE.index(quote)
    return Citation(n, "nid", "通报标题", "柳林街道", "二、逐项整改", quote, start, start + len(quote), verified)


def test_quote_is_marked_inside_its_own_paragraph_only():
    quote = "巡察期间移交信访件8件,已办结8件。"
    start = NOTICE.index(quote)
    shown = quote_in_context_html(NOTICE, start, start + len(quote))
    assert f"<mark>{quote}</mark>" in shown
    assert "前文&lt;b&gt;说明&lt;/b&gt;。" in shown and "后文继续。" in shown
    assert "第一段" not in shown and "最后一段" not in shown


def test_long_paragraph_is_cut_around_the_quote_with_ellipses():
    text = "甲" * 500 + "引文在此" + "乙" * 500
    shown = quote_in_context_html(text, 500, 504, radius=50)
    assert shown.startswith("…" + "甲" * 50) and shown.endswith("乙" * 50 + "…")


def test_panel_lists_each_citation_with_unit_title_section_and_full_notice():
    answer = Answer("问", "问", "答[1][2]", [cite("巡察期间移交信访件8件"), cite("最后一段", n=2)], "extractive")
    panel = sources_panel_html(answer, 3, {"nid": NOTICE}.get)
    assert 'id="src-3-1"' in panel and 'id="src-3-2"' in panel
    assert "柳林街道" in panel and "《通报标题》" in panel and "二、逐项整改" in panel
    assert panel.count('<mark class="here">') == 2  # each source opens the notice at its quote
    assert "<b>说明</b>" not in panel


def test_unverified_citation_shows_its_source_but_not_the_quote():
    answer = Answer("问", "问", "答[1]", [cite("最后一段", verified=False)], "extractive")
    panel = sources_panel_html(answer, 0, {"nid": NOTICE}.get)
    assert "未能在原文中核实" in panel
    assert "<mark" not in panel


def test_quote_that_no_longer_matches_the_stored_notice_is_not_highlighted():
    answer = Answer("问", "问", "答[1]", [cite("最后一段")], "extractive")
    panel = sources_panel_html(answer, 0, {"nid": NOTICE.replace("最后一段", "改过的段")}.get)
    assert "<mark" not in panel and "未能在原文中核实" in panel


@given(
    text=st.text(alphabet="巡察整改<>&\"'\n。a1", min_size=1, max_size=400),
    data=st.data(),
)
def test_context_always_shows_the_exact_quote_once_and_escaped(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    shown = quote_in_context_html(text, start, end, radius=30)
    assert shown.count("<mark>") == 1
    marked = shown.split("<mark>")[1].split("</mark>")[0]
    assert html.unescape(marked) == text[start:end]
    outside = shown.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in outside and html.unescape(outside).strip("…") in text
