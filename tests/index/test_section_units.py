"""Notices reporting more than one unit: a section headed by another unit's name is that unit's."""

from index.metadata import extract_notice_metadata
from index.records import extract_notice_record
from index.section_units import section_units

# A bureau's notice on its own offices and a subordinate centre, each with its own figures.
JOINT = (
    "中共青禾市文化和旅游局党组关于局机关及下属市文物保护中心巡察整改情况的通报\n\n"
    "2024年4月1日至5月30日，市委第三巡察组对青禾市文化和旅游局党组开展了常规巡察，"
    "并对局属事业单位青禾市文物保护中心开展了延伸巡察，分别向局党组和市文物保护中心反馈了巡察意见。\n\n"
    "一、局机关整改情况\n\n"
    "巡察组向局机关反馈12个问题，截至2024年10月31日已完成整改11个，整改完成率91.7%。"
    "清退违规发放的节日补贴3.5万元。\n\n"
    "二、市文物保护中心整改情况\n\n"
    "巡察组向中心反馈6个问题，已完成整改4个，整改完成率66.7%。中心退还多收门票费用2.4万元。\n\n"
    "三、下一步工作\n\n局党组将继续督促整改。\n\n"
    "中共青禾市文化和旅游局党组\n2024年11月20日\n"
)

# A round's notice: three inspected units, each in its own section.
ROUND = (
    "中共白石县委巡察工作领导小组办公室关于县委第五轮巡察整改情况的通报\n\n"
    "根据县委统一部署，县委第五轮巡察对县交通运输局、县文化馆、柳岸镇3个单位开展了常规巡察。现将整改情况通报如下。\n\n"
    "一、县交通运输局\n巡察反馈问题12个，已完成整改11个，整改完成率91.7%。\n\n"
    "二、县文化馆\n巡察反馈问题8个，已完成整改8个，整改完成率100%。\n\n"
    "三、柳岸镇\n巡察反馈问题15个，已完成整改13个，整改完成率86.7%，收回集体资金12.5万元。\n\n"
    "白石县委巡察办\n2025年1月6日\n"
)

# One unit's notice whose headings are topics, not units ("服务大局" ends like a bureau's name).
ONE_UNIT = (
    "中共青禾市审计局党组关于巡察整改情况的通报\n\n市委第一巡察组向局党组反馈问题9个。\n\n"
    "一、坚持服务大局\n已完成整改8个，整改完成率88.9%。\n\n二、下一步工作\n继续整改。\n"
)


def test_a_subordinate_centre_in_its_own_section_is_a_unit_of_its_own():
    metadata = extract_notice_metadata(JOINT, "joint.txt")
    assert metadata.unit == "青禾市文化和旅游局"
    [centre] = section_units(JOINT, metadata.unit)
    assert centre.name == "青禾市文物保护中心"
    assert "二、市文物保护中心整改情况" in JOINT[centre.start : centre.end]
    assert "下一步工作" not in JOINT[centre.start : centre.end]
    assert "文物保护中心" in metadata.sub_units


def test_the_centres_figures_are_its_own_and_the_bureaus_stay_the_bureaus():
    record = extract_notice_record("n", JOINT, "青禾市文化和旅游局")
    rates = {f.value: f.scope for f in record.figures if f.field == "completion_rate"}
    assert rates == {91.7: "", 66.7: "青禾市文物保护中心"}
    found = {f.value: f.scope for f in record.figures if f.field == "problems_found"}
    assert found == {12: "", 6: "青禾市文物保护中心"}


def test_each_unit_of_a_rounds_notice_has_its_section():
    metadata = extract_notice_metadata(ROUND, "round.txt")
    names = [part.name for part in section_units(ROUND, metadata.unit)]
    assert names == ["白石县交通运输局", "白石县文化馆", "柳岸镇"]
    record = extract_notice_record("n", ROUND, metadata.unit)
    assert {f.value: f.scope for f in record.figures if f.field == "completion_rate"} == {
        91.7: "白石县交通运输局", 100: "白石县文化馆", 86.7: "柳岸镇"}


def test_topic_headings_and_the_notices_own_offices_are_no_other_unit():
    assert section_units(ONE_UNIT, "青禾市审计局") == []
    assert extract_notice_metadata(ONE_UNIT, "one.txt").sub_units == []


def test_a_numbered_paragraph_opening_with_a_units_name_is_that_units_section():
    opening = ROUND.replace("一、县交通运输局\n", "一、县交通运输局：").replace("三、柳岸镇\n", "三、柳岸镇。")
    metadata = extract_notice_metadata(opening, "round.txt")
    names = [part.name for part in section_units(opening, metadata.unit)]
    assert names == ["白石县交通运输局", "白石县文化馆", "柳岸镇"]


def test_a_passage_in_the_centres_section_is_labelled_the_centres_and_the_rest_the_bureaus():
    from index.chunker import split_notice_into_chunks
    from index.section_units import with_section_units

    chunks = with_section_units(split_notice_into_chunks("n", JOINT, "青禾市文化和旅游局", max_tokens=60), JOINT, "青禾市文化和旅游局")
    units = {chunk.unit for chunk in chunks if "退还多收门票费用" in chunk.text}
    assert units == {"青禾市文物保护中心"}
    assert {chunk.unit for chunk in chunks if "节日补贴" in chunk.text} == {"青禾市文化和旅游局"}
    assert all(chunk.notice_id == "n" for chunk in chunks)


def test_each_unit_of_a_rounds_notice_labels_its_own_passages_and_the_publisher_none():
    from index.chunker import split_notice_into_chunks
    from index.section_units import with_section_units

    unit = extract_notice_metadata(ROUND, "round.txt").unit
    chunks = with_section_units(split_notice_into_chunks("n", ROUND, unit, max_tokens=40), ROUND, unit)
    assert {chunk.unit for chunk in chunks if "收回集体资金" in chunk.text} == {"柳岸镇"}
    assert {chunk.unit for chunk in chunks if "整改完成率100%" in chunk.text} == {"白石县文化馆"}


# A round office's notice whose headings name each unit in full while its opening names them without the
# place, read as the first unit's notice: the first unit is a section unit too, the totals are the round's.
ROUND_FULL_NAMES = (
    "关于县委第七轮巡察三个被巡察单位整改情况的通报\n\n"
    "县委第七轮巡察对县水利局、县机关事务服务中心、县档案馆3个单位党组织开展了常规巡察。现将整改情况通报如下。\n\n"
    "一、白石县水利局\n\n县委第一巡察组向县水利局党组反馈巡察意见，指出10个问题。已完成整改9个，整改完成率90%。\n\n"
    "二、白石县机关事务服务中心\n\n县委第二巡察组向中心党支部反馈巡察意见，指出8个问题。已完成整改6个，整改完成率75%。\n\n"
    "三、白石县档案馆\n\n县委第三巡察组向县档案馆党支部反馈巡察意见，指出5个问题。已完成整改5个，整改完成率100%。\n\n"
    "四、总体情况\n\n3个单位共反馈问题23个，已完成整改20个，整体完成率87%。\n\n"
    "中共白石县委巡察工作领导小组办公室\n2025年2月10日\n"
)


def test_every_unit_a_round_office_reports_is_a_section_unit_the_first_included():
    unit = extract_notice_metadata(ROUND_FULL_NAMES, "round.txt").unit
    names = [part.name for part in section_units(ROUND_FULL_NAMES, unit)]
    assert names == ["白石县水利局", "白石县机关事务服务中心", "白石县档案馆"]
    record = extract_notice_record("n", ROUND_FULL_NAMES, unit)
    assert {f.value: f.scope for f in record.figures if f.field == "completion_rate"} == {
        90: "白石县水利局", 75: "白石县机关事务服务中心", 100: "白石县档案馆", 87: ""}


def test_a_units_own_notice_with_one_section_keeps_its_unit():
    own = ROUND_FULL_NAMES.split("二、")[0] + "中共白石县委巡察工作领导小组办公室\n2025年2月10日\n"
    unit = extract_notice_metadata(own, "own.txt").unit
    assert [part.name for part in section_units(own, unit) if part.name == unit] == []


def test_a_market_regulation_bureaus_section_keeps_the_market_in_its_names():
    notice = (
        "中共白石县委巡察工作领导小组办公室关于县委第六轮巡察整改情况的通报\n\n"
        "县委第六轮巡察对县市场监督管理局、县档案馆2个单位开展了常规巡察。\n\n"
        "一、县市场监督管理局\n巡察反馈问题10个，已完成整改9个，整改完成率90%。\n\n"
        "二、县档案馆\n巡察反馈问题6个，已完成整改6个，整改完成率100%。\n\n"
        "白石县委巡察办\n2025年3月6日\n"
    )
    market = next(s for s in section_units(notice, "白石县") if "监督管理局" in s.name)
    assert "市场监督管理局" in market.names
    assert not any(name.startswith("场") for name in market.names)
