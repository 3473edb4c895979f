"""A quoted table row reads as its problem and measure under the table's headers, never as pipes."""

from __future__ import annotations

from assistant.table_row_text import table_row_text

_NOTICE = (
    "中共青麓县水务局党组关于巡察整改情况的通报\n"
    "一、整改台账\n"
    "| 编号 | 存在问题 | 整改举措 | 进展 |\n"
    "|:---:|---|---|---|\n"
    "| 1 | 水费减免审批不严 | 追缴减免水费3.2万元 | 已完成 |\n"
    "| 2 | 泵站值守制度虚设 | 推行值守电子打卡 | 推进中 |\n"
    "二、下一步工作\n"
)


def _row(number: int) -> tuple[str, int]:
    line = _NOTICE.split("\n")[3 + number]
    return line, _NOTICE.index(line)


def test_a_row_reads_as_its_fields_under_the_tables_headers():
    row, start = _row(2)
    assert table_row_text(row, _NOTICE, start) == "存在问题：泵站值守制度虚设；整改举措：推行值守电子打卡；进展：推进中"


def test_a_row_without_a_header_row_above_reads_as_its_cells_without_the_number():
    text = "整改情况如下。\n| 3 | 公车加油卡混用 | 收回加油卡5张 |\n"
    row = "| 3 | 公车加油卡混用 | 收回加油卡5张 |"
    assert table_row_text(row, text, text.index(row)) == "公车加油卡混用；收回加油卡5张"


def test_a_sentence_is_shown_as_quoted():
    sentence = "二、下一步工作"
    assert table_row_text(sentence, _NOTICE, _NOTICE.index(sentence)) == sentence


def test_a_row_of_full_width_bars_reads_as_its_fields_under_its_header_line():
    text = "整改台账如下：\n序号｜问题｜整改措施｜完成情况\n1｜食堂账目不清｜聘请第三方审计｜已完成\n2｜公务接待无公函｜退赔接待费用0.5万元｜已完成\n"
    row = "2｜公务接待无公函｜退赔接待费用0.5万元｜已完成"
    assert table_row_text(row, text, text.index(row)) == "问题：公务接待无公函；整改措施：退赔接待费用0.5万元；完成情况：已完成"


def test_part_of_a_row_is_shown_as_quoted():
    text = "序号｜问题｜整改措施\n1｜食堂账目不清｜聘请第三方审计｜\n"
    part = "食堂账目不清｜聘请第三方审计"
    assert table_row_text(part, text, text.index(part)) == part
