"""HTML markup pasted into a text notice (<table>, <tr><td>, <br>, &nbsp;) is read as plain lines: a table row is one
line of cells joined by ｜, no tag or character reference reaches a quote (FICTIONAL notice)."""

from __future__ import annotations

from index.loaders import load_document
from index.markup_text import markup_to_plain_text

NOTICE = """中共榆岚县枫桥镇委员会关于巡察整改情况的通报
按照县委部署，县委第四巡察组对枫桥镇党委开展了常规巡察。<br/>现将整改情况通报如下：
<p>&nbsp;&nbsp;一、总体情况</p>
<table class="zg-table" border="1">
<tr><th>序号</th><th>巡察指出的问题</th><th>整改措施</th><th>完成情况</th></tr>
<tr>
  <td>1</td>
  <td>集体鱼塘发包未经&ldquo;四议两公开&rdquo;</td>
  <td>重新公开发包鱼塘3处，收回承包费2.4万元</td>
  <td><span style="color:red">已完成</span></td>
</tr>
<tr><td>2</td><td>农机补贴台账缺失</td><td>补建台账86份</td><td>推进中</td></tr>
</table>
中共榆岚县枫桥镇委员会
"""


def test_table_rows_become_lines_of_cells_and_other_markup_goes():
    text = markup_to_plain_text(NOTICE)

    assert "序号｜巡察指出的问题｜整改措施｜完成情况\n1｜集体鱼塘发包未经“四议两公开”｜重新公开发包鱼塘3处，收回承包费2.4万元｜已完成\n" in text
    assert "2｜农机补贴台账缺失｜补建台账86份｜推进中" in text
    assert "常规巡察。\n现将整改情况通报如下：" in text
    for markup in ("<", ">", "&nbsp;", "&ldquo;", "class="):
        assert markup not in text


def test_text_without_markup_is_kept_as_it_is():
    plain = "整改中，清退人数<5人的村2个，R&D投入增加。"
    assert markup_to_plain_text(plain) == plain


def test_a_loaded_text_notice_holds_no_markup(tmp_path):
    path = tmp_path / "fengqiao.txt"
    path.write_text(NOTICE, encoding="utf-8")

    text = load_document(path).text

    assert "<table" not in text and "<td>" not in text
    assert "2｜农机补贴台账缺失｜补建台账86份｜推进中" in text


def test_a_quoted_row_reads_as_its_fields(chain_over):
    answer = chain_over("fengqiao.txt", NOTICE).ask("枫桥镇农机补贴台账咋整改的")

    assert "补建台账86份" in answer.text
    assert "<td>" not in answer.text and "｜" not in answer.text
