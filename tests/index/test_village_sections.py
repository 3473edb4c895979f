"""A town's notice on several villages, each with a row of a figure table and a paragraph of its own (FICTIONAL)."""

from index.records import extract_notice_record
from index.section_units import section_units

TOWN = "蘅川县棠溪镇"
VILLAGES = (
    "蘅川县纪委监委通报棠溪镇村级集体资金专项巡察整改情况\n\n"
    "2025年3月，县委专项巡察组对棠溪镇柳湾村、石桥村、枫林村3个村开展了专项巡察，共指出问题15个。\n\n"
    "截至2025年6月30日，3个村共完成整改问题13个，追回集体资金8.40万元。\n\n"
    "各村整改情况如下：\n\n"
    "村名　发现问题（个）　已整改（个）　追回资金（万元）　处理人数（人）\n"
    "柳湾村　4　4　1.10　1\n"
    "石桥村　6　5　2.30　2\n"
    "枫林村　5　4　5.00　0\n"
    "合计　15　13　8.40　3\n\n"
    "（一）柳湾村。巡察发现，村集体山塘发包未经表决。整改措施：重新公开发包，收回承包费1.10万元。\n\n"
    "（二）石桥村。巡察发现，村干部补贴超标准发放。整改措施：清退补贴2.30万元。村级道路养护合同重新签订工作仍在推进。\n\n"
    "（三）枫林村。巡察发现，集体林地租金长期拖欠。整改措施：清收林地租金5.00万元。村部产权登记仍在推进。\n\n"
    "下一步，县纪委监委将对石桥村、枫林村未完成的2个问题跟踪督办。\n"
)


def test_each_village_with_its_own_paragraph_and_table_row_is_a_unit_named_with_its_town():
    names = [part.name for part in section_units(VILLAGES, TOWN)]
    assert names == [f"{TOWN}柳湾村", f"{TOWN}石桥村", f"{TOWN}枫林村"]


def test_the_closing_paragraph_on_all_villages_is_not_the_last_villages():
    last = section_units(VILLAGES, TOWN)[-1]
    assert "下一步" not in VILLAGES[last.start : last.end]


def test_a_villages_table_row_gives_its_problems_and_rectified_quoted_by_its_row():
    record = extract_notice_record("n1", VILLAGES, TOWN)
    stone = {f.field: f for f in record.figures if f.scope == f"{TOWN}石桥村" and f.quote.startswith("石桥村")}
    assert (stone["problems_found"].value, stone["problems_rectified"].value) == (6, 5)
    assert stone["problems_found"].quote == "石桥村　6　5　2.30　2"


def test_the_total_row_stays_the_towns_own():
    record = extract_notice_record("n1", VILLAGES, TOWN)
    assert not any(f.scope and f.quote.startswith("合计") for f in record.figures)
