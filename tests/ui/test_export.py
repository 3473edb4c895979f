"""Markdown export: every answer's sources as footnotes with quote, unit and title."""

from __future__ import annotations

from datetime import datetime

from assistant.answer import Answer, Citation
from ui.conversation import ChatTurn
from ui.export import conversation_markdown, write_conversation

WHEN = datetime(2024, 6, 1, 9, 30)


def turn(question: str, text: str, citations: list[Citation], units: list[str] | None = None) -> ChatTurn:
    return ChatTurn(question, Answer(question, question, text, citations, "extractive"), units=units or [])


def citation(n: int, quote: str, unit: str, verified: bool = True) -> Citation:
    return Citation(n, "nid", f"{unit}整改通报", unit, "二、整改情况", quote, 0, len(quote), verified)


def test_each_marker_becomes_a_footnote_unique_across_answers():
    turns = [
        turn("东湖清退了多少?", "清退3.2万元[1]。", [citation(1, "清退通讯补助3.2万元", "东湖高新产业园")]),
        turn("柳林呢?", "办结8件[1]。", [citation(1, "已办结8件", "柳林街道")], units=["柳林街道"]),
    ]
    markdown = conversation_markdown(turns, WHEN)
    assert "清退3.2万元[^1-1]。" in markdown and "办结8件[^2-1]。" in markdown
    assert "[^1-1]: 「清退通讯补助3.2万元」——东湖高新产业园《东湖高新产业园整改通报》 二、整改情况" in markdown
    assert "[^2-1]: 「已办结8件」——柳林街道《柳林街道整改通报》" in markdown
    assert "## 问题 2:柳林呢?" in markdown and "限定单位:柳林街道" in markdown


def test_unverified_quote_is_not_exported_and_unanswered_turn_says_why():
    turns = [
        turn("问", "答[1]", [citation(1, "没核实的话", "东湖高新产业园", verified=False)]),
        ChatTurn("出错的问题", message="回答时出错"),
    ]
    markdown = conversation_markdown(turns, WHEN)
    assert "没核实的话" not in markdown and "(引文未能核实)" in markdown
    assert "(回答时出错)" in markdown


def test_export_writes_a_markdown_file(tmp_path):
    path = write_conversation([turn("问", "答", [])], tmp_path, now=WHEN)
    assert path.suffix == ".md" and path.read_text(encoding="utf-8").startswith("# 巡察整改通报问答记录")


def test_exports_in_the_same_second_never_overwrite_each_other(tmp_path):
    first = write_conversation([turn("第一个会话的问题", "答", [])], tmp_path, now=WHEN)
    second = write_conversation([turn("第二个会话的问题", "答", [])], tmp_path, now=WHEN)
    assert first != second
    assert "第一个会话的问题" in first.read_text(encoding="utf-8")
    assert "第二个会话的问题" in second.read_text(encoding="utf-8")
    assert first.stat().st_mode & 0o077 == 0  # only the server's user can read it
