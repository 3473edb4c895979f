"""Page furniture of a notice saved from a web page (朗读, 打印, 关闭, 分享, 【字号：大 中 小】) is no part of the
notice: no heading, no unit name, no quote (FICTIONAL notice)."""

from __future__ import annotations

from index.page_furniture import drop_page_furniture, is_furniture_line

NOTICE = """朗读
【字号：大 中 小】
中共青梧县禾溪镇委员会关于巡察整改进展情况的通报
发布时间：2024-09-12 来源：青梧县纪委监委 【打印】【关闭】
根据县委统一部署，2024年3月1日至4月10日，县委第二巡察组对禾溪镇党委开展了常规巡察，并于2024年5月20日反馈了巡察意见。
一、关于财务管理不规范的问题
巡察指出，镇财政所存在白条入账、报销审批不严等问题。
分享到：微信 微博
整改中，镇党委清退违规报销款项3.2万元，调剂闲置电脑、打印机等设备6台，关闭2个违规账户。
打印 关闭
中共青梧县禾溪镇委员会
2024年9月10日
"""


def test_widget_lines_and_bracketed_widgets_are_dropped_and_the_text_kept():
    text = drop_page_furniture(NOTICE)

    for widget in ("朗读", "字号", "【打印】", "分享到", "打印 关闭"):
        assert widget not in text
    assert text.startswith("中共青梧县禾溪镇委员会关于巡察整改进展情况的通报")
    assert "来源：青梧县纪委监委\n" in text
    assert "调剂闲置电脑、打印机等设备6台，关闭2个违规账户。" in text


def test_a_line_of_text_using_a_widget_word_is_no_furniture():
    assert is_furniture_line("【打印】 【关闭】") and is_furniture_line("[大 中 小]")
    assert not is_furniture_line("关闭3家企业。") and not is_furniture_line("大")


def test_a_line_of_the_site_s_script_and_accessibility_modes_is_furniture():
    assert is_furniture_line("简体| 繁體| 无障碍服务| 长者模式") and is_furniture_line("繁体版 | 无障碍浏览")
    assert not is_furniture_line("推进无障碍设施建设12处。") and not is_furniture_line("简体字版本的宣传册")


def test_the_stored_notice_has_its_own_title_and_unit(workspace, tmp_path):
    (tmp_path / "hexi.txt").write_text(NOTICE, encoding="utf-8")
    assert workspace.ingestor.ingest_paths([tmp_path]).ok

    (row,) = workspace.catalog.notices()
    assert row.unit == "青梧县禾溪镇" and row.title.startswith("中共青梧县禾溪镇委员会")
    assert "朗读" not in (workspace.catalog.notice_text(row.notice_id) or "")
