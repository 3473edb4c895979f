"""A notice naming its unit only in an attribution line (责任编辑, 供稿, 来源 with an office) is of that unit
(fictional pages)."""

from __future__ import annotations

from index.attribution_lines import attributed_units, is_attribution_line
from index.metadata import extract_notice_metadata

_BODY = (
    "关于县委巡察反馈问题整改情况的通报\n\n"
    "根据县委巡察工作安排,我镇接受了县委常规巡察。县委第二巡察组对镇党委开展了常规巡察,共指出问题9个。\n\n"
    "(一)低保对象认定把关不严。整改中,清退不符合条件低保对象5户。\n\n"
    "镇党委\n2024年9月12日\n\n"
)


def test_the_office_in_an_editors_line_names_its_unit():
    assert extract_notice_metadata(_BODY).unit == ""  # the body says only 我镇, 镇党委
    text = _BODY + "（责任编辑：苇岭县蒿口镇党政综合办公室）\n"
    assert extract_notice_metadata(text).unit == "苇岭县蒿口镇"


def test_a_supplier_or_source_office_names_its_unit():
    assert extract_notice_metadata(_BODY.replace("我镇", "我街道").replace("镇党委", "街道党工委")
                                   + "供稿：蓼湾街道办\n").unit == "蓼湾街道"
    assert attributed_units("来源：芷川县林业局办公室") == [("芷川县林业局", 3)]


def test_a_person_a_website_or_a_discipline_body_names_no_unit():
    for line in ("编辑：柯某某", "审核：柯某 编辑：蒲某", "来源：本网", "信息来源：芷川县纪委监委", "来源：芷川县融媒体中心"):
        assert attributed_units(line) == [], line


def test_attribution_lines_are_told_from_sentences():
    assert is_attribution_line("（责任编辑：苇岭县蒿口镇党政综合办公室）")
    assert is_attribution_line("审核：柯某　编辑：蒲某")
    assert not is_attribution_line("整改中,清退不符合条件低保对象5户。")
    assert not is_attribution_line("来源方面,资金由镇财政统筹。")
