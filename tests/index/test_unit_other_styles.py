"""Units of real-world house styles seen on public pages, on fictional text: an organ as the subject of a
lead sentence, a bureau written with its level only once, units merged before the notice, idioms before 区委."""

from __future__ import annotations

from index.metadata import extract_notice_metadata


def unit_and_aliases(text: str) -> tuple[str, list[str]]:
    metadata = extract_notice_metadata(text)
    return metadata.unit, metadata.aliases


def test_an_organ_following_the_inspection_rules_in_the_lead_names_its_unit():
    text = (
        "为扎实做好区党工委第二轮巡察反馈问题整改工作,青禾高新区财政局党委严格按照区巡察二组整改要求,"
        "于5月6日召开整改部署会议,局班子成员及全体工作人员参加。\n"
        "会上通报了整改方案,明确了整改时限。"
    )
    assert unit_and_aliases(text)[0] == "青禾高新区财政局"


def test_a_bureau_written_with_its_level_once_keeps_the_level():
    text = (
        "根据县委统一部署,县委第一巡察组对水务局党组进行了巡察。按照巡察工作有关要求,现将整改进展情况予以公布。\n"
        "水务局党组高度重视,制定了《县水务局关于落实县委巡察反馈意见的整改方案》,建立整改台账。\n"
        "截至目前,反馈的8个问题已完成6个。我县河道治理任务已完成。"
    )
    assert unit_and_aliases(text)[0] == "县水务局"


def test_a_bureau_written_after_two_levels_is_not_given_either():
    text = (
        "县委第一巡察组对水务局党组进行了巡察。水务局党组高度重视。\n"
        "市水务局督导组到县水务局检查整改情况。"
    )
    assert unit_and_aliases(text)[0] == "水务局"


def test_companies_merged_before_the_notice_are_named_by_the_merged_company_and_its_short_name():
    text = (
        "根据市委巡察工作统一部署,市委第二巡察组、第三巡察组分别对雁汀城建有限公司(以下简称“城建公司”)、"
        "雁汀水务有限公司(以下简称“水务公司”)(2家企业已于2023年1月重组整合为雁汀城市发展集团有限公司,"
        "以下简称“雁汀城发集团”)开展了政治巡察。现将巡察集中整改进展情况予以公布。\n"
        "集团党委成立巡察整改工作领导小组,党委书记负第一责任。"
    )
    unit, aliases = unit_and_aliases(text)
    assert unit == "雁汀城市发展集团有限公司"
    assert "雁汀城发集团" in aliases


def test_an_idiom_before_the_district_committee_is_no_district():
    text = (
        "2023年3月2日,区委第一巡察组向桐溪街道党工委反馈巡察情况。\n"
        "组长指出,桐溪街道党工委能够紧紧围绕区委区政府决策部署,各项工作取得一定成效。"
    )
    assert unit_and_aliases(text)[0] == "桐溪街道"


def test_a_town_in_a_county_news_item_gets_the_county_its_byline_names():
    text = (
        "芦溪镇：巡察整改见成效\n\n"
        "2024年11月26日 来源：青禾县纪委监委网站\n\n"
        "今年4月15日至5月31日，县委第三巡察组对芦溪镇党委开展巡察，6月25日反馈了巡察意见。"
        "镇党委对照问题逐项建立整改台账。\n"
    )
    assert unit_and_aliases(text)[0] == "青禾县芦溪镇"


def test_a_company_titled_by_its_short_name_is_named_in_full_as_its_body_writes_it():
    text = (
        "雁汀水务工程公司党委关于集团党委巡察反馈问题整改情况的通报\n\n"
        "按照雁汀水务集团有限公司党委统一部署，集团党委第二巡察组对雁汀水务集团工程有限公司党委开展了常规巡察，"
        "并于2023年8月3日反馈了巡察意见。公司党委坚持把巡察整改作为重要政治任务。\n\n"
        "中共雁汀水务集团工程有限公司委员会\n2023年11月20日\n"
    )
    unit, aliases = unit_and_aliases(text)
    assert unit == "雁汀水务集团工程有限公司"
    assert "雁汀水务工程公司" in aliases
