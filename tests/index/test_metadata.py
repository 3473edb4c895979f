"""Rule-based notice metadata on fictional notices written in the styles real notices use."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.documents import SourcedValue
from index.inspecting_body import find_inspecting_body
from index.metadata import extract_notice_metadata, unit_aliases

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"
SOURCED_FIELDS = ("inspecting_body", "inspection_period", "feedback_date", "publish_date")


def notice(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def value(sourced: SourcedValue | None) -> str | None:
    return sourced.value if sourced else None


# file, unit, inspecting body, kind, period, feedback date, publish date
EXPECTED = [
    (
        "district_web_page.txt", "青禾市云岭区", "市委第二巡察组", "巡察",
        "2022年9月5日至11月20日", "2023年1月6日", "2023-05-08 09:30",
    ),
    (
        "county_bureau_no_title.txt", "柳溪县国资委", "县委第二巡察组", "巡察",
        "2023年3月1日至4月28日", "6月28日", None,
    ),
    ("park_source_line.txt", "东湖高新产业园", "巡察组", "巡察", None, None, None),
    (
        "central_inspection.txt", "青禾省", "中央第六巡视组", "巡视",
        "2019年3月10日至5月10日", "2019年7月12日", "2019年10月15日",
    ),
    (
        "street_missing_numeral.txt", "青禾市云岭区柳林街道", "区委第五巡察组", "巡察",
        "2022年4月6日至6月10日", "2022年7月15日", "2022年9月1日",
    ),
    ("unnamed_unit.txt", "", "巡察组", "巡察", None, None, None),
]


@pytest.mark.parametrize("file_name, unit, body, kind, period, feedback, published", EXPECTED)
def test_fields_read_from_fixture_notices(file_name, unit, body, kind, period, feedback, published):
    metadata = extract_notice_metadata(notice(file_name), file_name)
    assert metadata.unit == unit
    assert value(metadata.inspecting_body) == body
    assert metadata.inspection_kind == kind
    assert value(metadata.inspection_period) == period
    assert value(metadata.feedback_date) == feedback
    assert value(metadata.publish_date) == published


@pytest.mark.parametrize("file_name", [row[0] for row in EXPECTED])
def test_every_sourced_value_quotes_the_text_it_was_read_from(file_name):
    text = notice(file_name)
    metadata = extract_notice_metadata(text, file_name)
    for field in SOURCED_FIELDS:
        sourced = getattr(metadata, field)
        if sourced is None or field == "publish_date":
            continue
        assert sourced.quote(text) == sourced.value


def test_title_line_after_page_navigation_is_the_title():
    metadata = extract_notice_metadata(notice("district_web_page.txt"))
    assert metadata.title == "中共青禾市云岭区委关于市委巡察整改进展情况的通报"


def test_notice_starting_with_its_body_has_no_title():
    assert extract_notice_metadata(notice("street_missing_numeral.txt")).title == ""


def test_labelled_web_date_is_normalised_and_quotes_the_label():
    text = notice("district_web_page.txt")
    published = extract_notice_metadata(text).publish_date
    assert published.quote(text) == "发布时间:2023年05月08日 09:30"


def test_spaced_web_timestamp_is_normalised():
    text = "中共柳林街道工作委员会关于巡察整改情况的通报\n发布日期: 2021- 06- 08 16: 05 浏览次数:\n正文。"
    published = extract_notice_metadata(text).publish_date
    assert published.value == "2021-06-08 16:05"
    assert published.quote(text) == "发布日期: 2021- 06- 08 16: 05"


def test_signature_date_in_chinese_numerals_is_kept_as_written():
    text = notice("district_web_page.txt").replace("发布时间:2023年05月08日 09:30", "")
    assert value(extract_notice_metadata(text).publish_date) == "二〇二三年五月六日"


def test_group_written_without_its_number_is_completed_from_a_later_mention():
    text = notice("street_missing_numeral.txt")
    body = extract_notice_metadata(text).inspecting_body
    assert body.value == "区委第五巡察组"
    assert text[body.start : body.end] == "区委第五巡察组"


def test_the_group_that_inspected_wins_over_other_groups_mentioned_later():
    # central_inspection.txt also mentions 中央第三巡视组 further down
    assert value(extract_notice_metadata(notice("central_inspection.txt")).inspecting_body) == "中央第六巡视组"


def test_bare_group_is_not_completed_when_several_numbered_groups_exist():
    text = "巡察组对我单位进行了巡察。另,区委第一巡察组和区委第二巡察组曾到访。"
    assert value(extract_notice_metadata(text).inspecting_body) == "巡察组"


def test_reordered_group_name_is_read():
    text = "2021年3月1日至4月2日,区委巡察第三组对柳林街道进行了巡察。"
    assert value(extract_notice_metadata(text).inspecting_body) == "区委巡察第三组"


def test_meeting_about_feedback_is_not_the_feedback_date():
    # county_bureau_no_title.txt holds "2023年7月10日,召开巡察反馈意见整改工作部署会"
    assert value(extract_notice_metadata(notice("county_bureau_no_title.txt")).feedback_date) == "6月28日"


def test_feedback_date_after_yu_is_read():
    text = "省委第一巡视组于2020年5月6日至7月8日对青禾市进行了巡视,并于2020年9月1日反馈了巡视意见。"
    metadata = extract_notice_metadata(text)
    assert value(metadata.inspection_period) == "2020年5月6日至7月8日"
    assert value(metadata.feedback_date) == "2020年9月1日"


def test_dates_written_with_slashes_are_the_period_and_the_feedback_date():
    text = "市委第五巡察组于2024/3/18至2024/5/17对青禾水务公司党委开展了常规巡察,并于2024/6/21向公司党委反馈了巡察意见."
    metadata = extract_notice_metadata(text)
    assert value(metadata.inspection_period) == "2024/3/18至2024/5/17"
    assert value(metadata.feedback_date) == "2024/6/21"


def test_month_only_period_is_kept_as_written():
    text = "县委第三巡察组于2021年4月至6月对柳溪县国资委党委开展了巡察。"
    assert value(extract_notice_metadata(text).inspection_period) == "2021年4月至6月"


def test_date_range_outside_an_inspection_sentence_is_not_the_period():
    text = "2021年8月1日至8月31日,我单位开展了作风整顿。巡察组对我单位进行了巡察。"
    assert extract_notice_metadata(text).inspection_period is None


def test_unit_from_title_issuer_drops_organ_suffix():
    text = "东湖高新产业园党工委关于巡察整改情况的通报\n\n区委第一巡察组对我园区进行了巡察。"
    assert extract_notice_metadata(text).unit == "东湖高新产业园"


def test_unit_from_title_that_names_the_organ_after_guanyu():
    text = "关于中共柳林街道工作委员会巡察整改情况的通报\n\n巡察组对我街道进行了巡察。"
    assert extract_notice_metadata(text).unit == "柳林街道"


def test_unit_is_extended_with_the_place_prefix_the_text_writes():
    # the title says 云岭区; the body writes 《青禾市云岭区…》
    assert extract_notice_metadata(notice("district_web_page.txt")).unit == "青禾市云岭区"


def test_relative_name_is_completed_from_its_full_form():
    # the inspection sentence says 县国资委党委; a plan title writes 《柳溪县国资委关于…》
    assert extract_notice_metadata(notice("county_bureau_no_title.txt")).unit == "柳溪县国资委"


def test_a_publisher_label_line_names_the_unit_whole():
    text = (
        "发布单位：青禾区柳林街道社区卫生服务中心\n发布日期：2024年10月22日\n\n关于区委巡察反馈问题整改情况的报告\n\n"
        "2024年5月6日至6月14日，区委第四巡察组对本中心开展了专项巡察。"
    )
    assert extract_notice_metadata(text).unit == "青禾区柳林街道社区卫生服务中心"


def test_a_publisher_label_naming_the_discipline_body_is_not_the_unit():
    text = (
        "发布单位：青禾区纪委监委\n发布日期：2024年10月22日\n\n柳林街道：巡察整改见实效\n\n"
        "2024年5月6日至6月14日，区委第四巡察组对柳林街道党工委开展了巡察。"
    )
    # The discipline body is not the unit; the district it names is the street's own (青禾区柳林街道).
    assert extract_notice_metadata(text).unit == "青禾区柳林街道"


def test_a_reporters_source_in_a_news_lead_is_no_part_of_the_units_name():
    text = (
        "县文旅局：巡察反馈问题整改过半\n\n记者从县文化广电和旅游局获悉，针对县委巡察反馈的问题，该局立行立改。\n"
        "县委第三巡察组对县文化广电和旅游局党组开展了常规巡察。"
    )
    assert not extract_notice_metadata(text).unit.startswith("记者")


def test_source_line_naming_the_unit_office_gives_the_unit():
    assert extract_notice_metadata(notice("park_source_line.txt")).unit == "东湖高新产业园"


def test_source_line_naming_the_discipline_commission_is_not_the_unit():
    text = "关于巡察整改情况的通报\n来源:青禾市纪委监委\n巡察组对我单位进行了巡察。"
    assert extract_notice_metadata(text).unit == ""


def test_superior_party_committee_is_not_taken_for_a_district():
    # district_web_page.txt mentions 中共青禾市委巡察办; the notice says 我区
    text = notice("district_web_page.txt").split("\n", 3)[3]  # drop the title line
    assert extract_notice_metadata(text).unit == "青禾市云岭区"


def test_a_verb_before_the_unit_a_speaker_addresses_is_no_part_of_its_name():
    text = "县委巡察办副主任柯文涛出席会议并讲话,要求石桥镇党委切实扛起整改主体责任。"
    assert extract_notice_metadata(text).unit == "石桥镇"


def test_feedback_of_a_special_inspection_is_a_feedback_date():
    text = "2022年3月4日至4月30日,省委第三巡视组对青禾学院党委进行了专项巡视。2022年6月20日,省委第三巡视组向青禾学院党委反馈专项巡视情况。"
    assert extract_notice_metadata(text).feedback_date.value == "2022年6月20日"


def test_feedback_of_a_follow_up_inspection_or_of_a_round_is_a_feedback_date():
    text = ("2023年4月6日至6月6日,市委第二巡察组对苇塘经济开发区党工委进行了巡察“回头看”。"
            "2023年7月10日,市委第二巡察组向苇塘经济开发区党工委反馈巡察“回头看”情况。")
    assert extract_notice_metadata(text).feedback_date.value == "2023年7月10日"
    text = "2022年11月2日至11月9日,校党委对青禾学院开展了第二轮巡视。12月20日,校党委向青禾学院反馈第二轮巡视情况。"
    assert extract_notice_metadata(text).feedback_date.value == "12月20日"


def test_party_committee_of_the_inspecting_group_is_not_the_unit():
    text = "中共青禾市委第二巡察组于2021年4月至6月对我单位进行了巡察。中共青禾市委巡察办到场督导。"
    assert extract_notice_metadata(text).unit == ""


def test_unit_from_file_name_when_the_text_has_no_title():
    metadata = extract_notice_metadata(notice("unnamed_unit.txt"), "中共东湖高新产业园工作委员会关于巡察整改情况的通报.txt")
    assert metadata.title == "中共东湖高新产业园工作委员会关于巡察整改情况的通报"
    assert metadata.unit == "东湖高新产业园"


def test_plain_file_name_gives_no_title():
    assert extract_notice_metadata(notice("unnamed_unit.txt"), "notice-17.txt").title == ""


def test_notice_that_never_names_its_unit_has_no_unit_and_no_aliases():
    metadata = extract_notice_metadata(notice("unnamed_unit.txt"))
    assert metadata.unit == ""
    assert metadata.aliases == []


@pytest.mark.parametrize("self_reference", ["我厅", "我办", "本中心", "我集团", "我学院"])
def test_a_notice_calling_itself_by_its_kind_never_has_that_word_as_its_unit(self_reference):
    text = (
        "第五轮巡视整改进展情况公布\n"
        f"根据省委统一部署，2024年3月1日至4月30日，省委第三巡视组对{self_reference}开展了常规巡视。"
        f"2024年6月5日，巡视组向{self_reference}反馈了巡视意见。现将整改进展情况公布如下。"
    )

    metadata = extract_notice_metadata(text)

    assert metadata.unit != self_reference
    assert self_reference not in metadata.aliases


def test_empty_text_gives_empty_metadata():
    metadata = extract_notice_metadata("")
    assert metadata.unit == "" and metadata.inspecting_body is None and metadata.publish_date is None


def test_aliases_of_a_street_longest_first_with_type_words_last():
    text = notice("street_missing_numeral.txt")
    aliases = unit_aliases("青禾市云岭区柳林街道", text)
    assert aliases[:2] == ["中共青禾市云岭区柳林街道工作委员会", "青禾市云岭区柳林街道"]
    assert aliases[-2:] == ["街道党工委", "街道"]
    for name in ("柳林街道", "柳林街道党工委", "柳林街道办事处", "柳林"):
        assert name in aliases
    specific = aliases[: aliases.index("街道党工委")]
    assert [len(a) for a in specific] == sorted((len(a) for a in specific), reverse=True)


def test_aliases_never_include_self_references():
    aliases = unit_aliases("青禾市云岭区柳林街道", notice("street_missing_numeral.txt"))
    assert "我街道" not in aliases


def test_aliases_skip_fragments_only_seen_inside_the_full_name():
    aliases = unit_aliases("青禾市云岭区柳林街道", notice("street_missing_numeral.txt"))
    assert "云岭区柳林街道" not in aliases
    assert "林街道" not in aliases


def test_core_name_is_an_alias_even_when_only_written_inside_longer_forms():
    text = "青禾市云岭区关于巡察整改情况的通报。云岭区各部门认真整改。"
    assert "云岭" in unit_aliases("青禾市云岭区", text)


def test_abbreviated_zone_type_is_an_alias_when_written():
    text = "青禾石门经济开发区党委关于巡察整改情况的通报\n石门经济开发区、石门开发区和开发区各部门认真整改。区委巡察组提出意见。"
    aliases = unit_aliases("青禾石门经济开发区", text)
    assert aliases.index("石门开发区") < aliases.index("开发区")
    assert {"石门经济开发区", "石门", "青禾石门经济开发区党委"} <= set(aliases)
    # 区委 here is the district above the zone, not the zone's own committee
    assert "区委" not in aliases


def test_district_committee_is_an_alias_of_a_district():
    aliases = unit_aliases("青禾市云岭区", notice("district_web_page.txt"))
    assert {"云岭区委", "中共青禾市云岭区委", "区委", "云岭区", "云岭"} <= set(aliases)


def test_aliases_of_an_empty_unit_are_empty():
    assert unit_aliases("", "云岭区") == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["中共", "青禾市", "云岭区", "党工委", "委员会", "关于", "巡察", "巡视", "组", "区委第", "三", "对",
             "我区", "进行了", "反馈了", "意见", "2021年", "3月", "26日", "至", "5月", "来源:", "\n", "。",
             ",", "发布日期: ", "2022-03-29 10:01", "通报", "的"]
        ),
        max_size=40,
    )
)
def test_any_text_gives_spans_inside_it_that_hold_the_value(pieces):
    text = "".join(pieces)
    metadata = extract_notice_metadata(text)
    for field in SOURCED_FIELDS:
        sourced = getattr(metadata, field)
        if sourced is None:
            continue
        assert 0 <= sourced.start < sourced.end <= len(text)
        if field != "publish_date":
            assert sourced.quote(text) == sourced.value
    assert all(alias in text for alias in metadata.aliases)


# House styles that name the unit in one place only (fictional notices).
UNIT_ONLY_IN_ONE_PLACE = [
    ("label_line_town.txt", "石桥镇"),  # a short 纪委 line above the title
    ("title_only_town.txt", "石桥镇"),  # 关于石桥镇巡察整改进展情况的通报
    ("body_organ_subject.txt", "白沙乡"),  # 白沙乡党委高度重视… in the body
    ("self_reference_town.txt", "石桥镇"),  # 我镇/该镇 with one town named in the text
    ("signature_only.txt", "石桥镇"),  # 中共石桥镇委员会 above the closing date
    ("feedback_report.txt", "白沙乡"),  # a news report: 巡察组向白沙乡党委主要负责人反馈
]


@pytest.mark.parametrize("file_name, unit", UNIT_ONLY_IN_ONE_PLACE)
def test_unit_named_in_one_place_only_is_found(file_name, unit):
    assert extract_notice_metadata(notice(file_name), file_name).unit == unit


def test_bare_city_organ_is_qualified_with_the_city_the_text_names():
    metadata = extract_notice_metadata(notice("bare_city_organ.txt"))
    assert metadata.unit == "青禾市卫健委"
    assert "市卫健委" in metadata.aliases


def test_bare_organ_stays_bare_when_the_text_names_two_cities():
    text = notice("bare_city_organ.txt").replace("全市医疗机构", "并与石门市交流经验,全市医疗机构")
    assert extract_notice_metadata(text).unit == "市卫健委"


def test_city_discipline_commission_banner_is_not_the_unit():
    text = notice("label_line_town.txt").replace("石桥镇纪委", "青禾市纪委")
    assert extract_notice_metadata(text).unit == ""


def test_target_with_its_subordinates_names_the_unit_before_them():
    text = "2022年9月1日至10月30日,市委第一巡察组对白沙乡及所辖8个村党组织进行了巡察。"
    assert extract_notice_metadata(text).unit == "白沙乡"


def test_list_of_inspected_units_names_no_single_unit():
    text = "区委组建3个巡察组对区民政局、区财政局等3家单位开展常规巡察。现将整改进展情况向社会公开。"
    assert extract_notice_metadata(text).unit == ""


def test_group_named_with_the_unit_it_inspected_in_a_headline():
    text = "市委第二专项巡察组巡察青禾市第一人民医院党委情况反馈会召开\n会上,巡察组反馈了巡察意见。"
    assert extract_notice_metadata(text).unit == "青禾市第一人民医院"


def test_department_of_a_party_committee_is_a_unit():
    text = "根据区委统一安排,2021年8月2日,区委第三巡察组向区委办反馈巡察情况。"
    assert extract_notice_metadata(text).unit == "区委办"


def test_report_opening_with_its_subject_names_the_unit():
    text = "5月6日,白沙乡召开巡察整改推进会,听取市委第一巡察组反馈问题整改情况。\n会议要求压实责任。"
    assert extract_notice_metadata(text).unit == "白沙乡"


def test_group_visiting_a_company_names_the_company():
    text = "3月20日,市委第四巡察组到城投公司督查回访巡察反馈问题整改落实情况。"
    assert extract_notice_metadata(text).unit == "城投公司"


def test_discipline_commission_holding_a_meeting_is_not_the_unit():
    text = "3月20日,县纪委监委召开巡察整改推进会,听取被巡察单位整改情况汇报。\n会议要求压实责任。"
    assert extract_notice_metadata(text).unit == ""


def test_a_title_short_name_gives_way_to_the_full_name_its_signature_states():
    text = (FIXTURES.parent / "tables" / "chengtou_table.txt").read_text(encoding="utf-8")
    metadata = extract_notice_metadata(text, "chengtou_table.txt")
    assert metadata.unit == "青禾市城市建设投资集团有限公司"
    assert {"青禾城投集团", "青禾城投集团党委", "集团党委"} <= set(metadata.aliases)


def test_a_short_name_of_another_kind_of_unit_is_not_taken_for_the_full_name():
    text = (
        "青禾县委关于巡察整改情况的通报\n"
        "2023年3月1日至4月2日,市委第一巡察组对青禾县农业农村局党组进行了巡察。\n中共青禾县农业农村局党组\n"
    )
    assert extract_notice_metadata(text).unit == "青禾县"


def test_a_short_organ_name_of_the_inspected_unit_is_an_alias():
    text = (
        "中共青禾市住房和城乡建设局党组关于巡察整改情况的通报\n"
        "2023年3月1日至4月2日,市委第一巡察组对市住建局党组进行了巡察。\n中共青禾市住房和城乡建设局党组\n"
    )
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "青禾市住房和城乡建设局"
    assert "市住建局" in metadata.aliases


def test_news_report_headline_and_byline_date_are_read():
    text = notice("street_news_report.txt")
    metadata = extract_notice_metadata(text, "street_news_report.txt")
    assert metadata.title == "柳塘街道：以巡察整改推动为民办实事"
    assert metadata.unit == "云岭区柳塘街道"
    assert metadata.publish_date.value == "2023-11-06"
    assert metadata.publish_date.quote(text) == "发布时间：2023年11月6日"
    # dates without a year stay as written; the computed answers read their year from the publish date
    assert metadata.inspection_period.quote(text) == value(metadata.inspection_period) == "3月6日至4月28日"
    assert metadata.feedback_date.quote(text) == value(metadata.feedback_date) == "6月9日"


def test_a_line_above_a_byline_that_is_not_about_inspection_is_no_title():
    text = "工作动态\n来源：区融媒体中心　发布时间：2023年11月6日\n近日,区委召开会议。"
    assert extract_notice_metadata(text, "page.txt").title == ""


def test_full_width_punctuation_is_read_like_ascii():
    text = "近日，区委第三巡察组向柳林镇通报巡察整改情况\n发布日期：2024-12-18\n正文。"
    metadata = extract_notice_metadata(text)
    assert metadata.title == ""  # a sentence, not a title
    assert metadata.publish_date.quote(text) == "发布日期：2024-12-18"


def test_dates_written_with_dots_are_read_as_dates():
    text = (
        "青禾县农业农村局党组关于巡察整改情况的通报\n\n"
        "县委第二巡察组于2023.3.20—2023.5.19对县农业农村局党组开展了常规巡察,并于2023.6.28向局党组反馈了巡察意见。"
        "已追回补贴12.35万元。\n\n中共青禾县农业农村局党组\n2023.12.8\n"
    )
    metadata = extract_notice_metadata(text, "nongye.txt")
    assert metadata.inspection_period.value == "2023.3.20—2023.5.19"
    assert metadata.feedback_date.value == "2023.6.28"
    assert metadata.publish_date.value == "2023.12.8"


def test_a_closing_byline_ending_in_a_date_gives_the_publish_date():
    text = ("柳塘街道：巡察整改见成效\n\n去年9月3日至10月20日,区委第二巡察组对柳塘街道党工委开展了巡察。\n\n"
            "来源：云岭区融媒体中心　记者 方某　2024年3月18日\n")
    published = extract_notice_metadata(text).publish_date
    assert published.value == "2024年3月18日"
    assert published.quote(text) == "2024年3月18日"


def test_a_closing_line_ending_in_a_date_without_a_byline_word_is_no_publish_date():
    text = "柳塘街道巡察整改情况\n\n区委巡察组对柳塘街道开展了巡察。\n\n整改工作将持续到2024年3月18日\n"
    assert extract_notice_metadata(text).publish_date is None


def test_a_dated_byline_under_the_headline_gives_the_publish_date():
    text = ("柳塘街道：巡察整改见成效\n\n2024年3月18日 来源：云岭区纪委监委网站\n\n"
            "今年1月8日至2月20日,区委第二巡察组对柳塘街道党工委开展了巡察,3月1日反馈了巡察意见。\n")
    published = extract_notice_metadata(text).publish_date
    assert published.value == "2024-03-18"
    assert published.quote(text) == "2024年3月18日"


def test_a_feedback_date_written_in_traditional_characters_is_read():
    text = ("青禾縣農業農村局黨組關於巡察整改情況的通報\n\n根據縣委統一部署，2024年3月1日至4月20日，縣委第二巡察組對局黨組進行了巡察。"
            "2024年5月9日，縣委第二巡察組向局黨組反饋了巡察意見。\n\n青禾縣農業農村局黨組\n2024年8月16日\n")
    metadata = extract_notice_metadata(text)
    assert metadata.feedback_date is not None and metadata.feedback_date.quote(text) == "2024年5月9日"
    assert metadata.publish_date is not None and metadata.publish_date.quote(text) == "2024年8月16日"


def test_a_school_body_its_school_committee_inspected_is_named_with_its_school():
    # a university page's news: the body alone in the text, the school only in the page's header line
    text = ("> 校党委向研究生院反馈第二轮巡察情况-青禾大学党委巡察办\n发布日期: 2023-05-10\n"
            "根据校党委统一部署,2023年3月1日至3月20日,校党委对研究生院开展了第二轮巡察。"
            "5月8日,校党委向研究生院反馈第二轮巡察情况。")
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "青禾大学研究生院"
    assert "研究生院" in metadata.aliases
    # a college inspected by a provincial team is a school of its own, whatever other school it names
    text = "省委第三巡视组对苇塘学院党委进行了巡视。学校党委高度重视,与青禾大学签订对口帮扶协议。"
    assert extract_notice_metadata(text).unit == "苇塘学院"


def test_an_inspection_period_written_in_traditional_characters_is_read():
    text = ("青禾醫院黨委巡察整改情況\n2023年4月3日至5月12日,市委第二巡察組對青禾醫院進行了為期1個月的巡察。"
            "2023年6月20日,市委第二巡察組向醫院反饋了巡察意見。\n")
    metadata = extract_notice_metadata(text)
    assert metadata.inspection_period is not None
    assert metadata.inspection_period.quote(text) == "2023年4月3日至5月12日"
    assert metadata.inspecting_body is not None and metadata.inspecting_body.quote(text) == "市委第二巡察組"


def test_a_party_committees_inspecting_group_keeps_its_organisations_name():
    text = "2024年3月4日至4月26日，蘅川农商银行党委第二巡察组对棠溪支行进行了巡察。"
    assert find_inspecting_body(text).value == "蘅川农商银行党委第二巡察组"
    assert find_inspecting_body("2024年3月，区委第二巡察组对棠溪镇进行了巡察。").value == "区委第二巡察组"
