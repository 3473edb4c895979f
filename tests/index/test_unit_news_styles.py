"""Units of notices written as news reports, self-reports and short pages, on fictional text in those styles."""

from __future__ import annotations

from assistant.units import UNRECOGNISED_UNIT, unit_label
from index.metadata import extract_notice_metadata


def unit_of(text: str) -> str:
    return extract_notice_metadata(text).unit


FEEDBACK_MEETING_REPORT = (
    "6月3日,区委第二巡察组在芦荻镇召开巡察情况反馈会议。区委巡察办主任王某,区委第二巡察组组长李某出席会议。"
    "芦荻镇党委书记赵某主持会议,全体班子成员参加会议。\n"
    "会上,区委第二巡察组组长李某反馈了对芦荻镇的巡察情况。他指出,党的建设方面存在短板。\n"
    "王某要求镇里对照问题清单逐条销号,按期报送整改报告。\n"
)


def test_a_report_of_the_feedback_meeting_held_in_a_town_names_the_town():
    assert unit_of(FEEDBACK_MEETING_REPORT) == "芦荻镇"


def test_the_feedback_about_a_unit_names_it_where_nothing_else_does():
    text = "会上,区委第一巡察组组长反馈了对苇塘街道的巡察情况,并提出三点整改意见。"
    assert unit_of(text) == "苇塘街道"


def test_a_meeting_held_in_a_hall_of_the_unit_names_the_unit_not_the_hall():
    text = "县委第三巡察组在梧川县第二中学三楼会议室召开巡察反馈会。学校党委书记周某主持会议。"
    assert unit_of(text) == "梧川县第二中学"


def test_a_report_opening_with_its_unit_after_a_byline_names_the_unit():
    assert unit_of("近日,芦荻镇召开巡察整改推进会,研究部署整改工作。") == "芦荻镇"
    assert unit_of("本报讯 日前,梧川县图书馆召开巡察整改专题民主生活会。") == "梧川县图书馆"


def test_the_units_secretary_chairing_its_meeting_names_the_unit():
    text = "5月6日,县委书记王某到芦荻镇调研巡察整改工作。芦荻镇党委书记李某汇报了整改进展。"
    assert unit_of(text) == "芦荻镇"


DISTRICT_SELF_REPORT = (
    "苇塘区委高度重视巡察整改工作,把整改情况纳入年度考核。今年前五轮巡察指出的612个问题中,598个已整改到位。\n"
    "建立整改台账。各被巡察单位每月报送进度,区委巡察办逐项核对并通报。\n"
)


def test_a_district_committee_reporting_on_its_own_rectification_names_the_district():
    assert unit_of(DISTRICT_SELF_REPORT) == "苇塘区"


def test_a_county_committee_acting_in_a_towns_notice_does_not_displace_the_town():
    text = "梧川县委高度重视巡察工作。县委第三巡察组对芦荻镇党委开展了巡察。芦荻镇党委召开专题会议部署整改。"
    assert unit_of(text) == "梧川县芦荻镇"  # the town, with the county whose committee inspected it


def test_a_website_banner_before_the_units_name_is_no_part_of_it():
    text = (
        "欢迎进入湖西省临川市中心医院官方网站!\n"
        "市委第二巡察组巡察市中心医院党委情况反馈会议召开\n"
        "市委第二巡察组对市中心医院党委开展了专项巡察。市中心医院党委书记王某主持会议并作表态发言。"
    )
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "临川市中心医院"
    assert "欢迎" not in "".join(metadata.aliases)


def test_a_title_without_guanyu_that_opens_with_the_unit_names_it():
    assert unit_of("芦荻镇党委巡察整改进展情况通报\n县委第三巡察组对我镇进行了巡察。") == "芦荻镇"
    assert unit_of("梧川县第二中学巡察整改情况的通报\n县委第三巡察组对我校进行了巡察。") == "梧川县第二中学"


def test_a_title_naming_the_round_before_the_inspected_unit_names_the_unit():
    text = "关于十五届县委第三轮巡察芦荻镇党委整改情况的通报\n根据县委统一部署,巡察组进行了巡察。"
    assert unit_of(text) == "芦荻镇"


def test_a_title_naming_the_inspecting_group_first_does_not_make_the_county_the_unit():
    text = "梧川县委第三巡察组向芦荻镇党委反馈巡察情况\n县委第三巡察组向芦荻镇党委反馈了巡察情况。"
    assert unit_of(text) == "梧川县芦荻镇"  # the town, with the county whose committee inspected it


def test_a_signature_with_its_date_on_the_same_line_names_the_unit():
    text = "根据县委统一部署,县委第三巡察组进行了巡察。现将整改情况通报如下。\n已完成整改。\n芦荻镇党委 2024年5月6日"
    assert unit_of(text) == "芦荻镇"


def test_several_or_unnamed_units_are_no_unit():
    assert unit_of("县委第三巡察组在各村召开巡察反馈会。") == ""
    assert unit_of("区委第一巡察组对各单位开展了巡察。组长反馈了对部分单位的巡察情况。") == ""


def test_the_notices_list_shows_the_unit_of_a_news_report_without_a_title(workspace, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "003.txt").write_text(FEEDBACK_MEETING_REPORT, encoding="utf-8")
    (folder / "004.txt").write_text(DISTRICT_SELF_REPORT, encoding="utf-8")
    assert workspace.ingestor.ingest_paths([folder]).ok
    labels = sorted(unit_label(row) for row in workspace.catalog.notices())
    assert labels == ["芦荻镇", "苇塘区"]
    assert not any(UNRECOGNISED_UNIT in label or ".txt" in label for label in labels)


THIRD_PERSON_SUMMARY = (
    "区委巡察办通报区园林绿化局巡察整改情况\n\n"
    "来源:芷溪区委巡察工作领导小组办公室    发布时间:2024-06-14\n\n"
    "根据区委统一部署,区委第二巡察组对区园林绿化局党组开展了常规巡察,向区园林绿化局党组反馈了巡察意见。\n"
    "据区委巡察办跟踪督导了解,区园林绿化局已完成整改10个问题,该局收回资金12万元。\n\n"
    "芷溪区委巡察工作领导小组办公室\n2024年6月12日\n"
)


def test_a_bare_organ_reported_on_by_the_district_takes_the_district_from_the_source_line_and_signature():
    assert unit_of(THIRD_PERSON_SUMMARY) == "芷溪区园林绿化局"


def test_a_verb_or_notice_word_before_a_bare_organ_is_no_place():
    text = "一是成立市文广局党组巡察整改工作领导小组。市委第三巡察组对市文广局党组开展了巡察。"
    assert unit_of(text) == "市文广局"
    assert unit_of(THIRD_PERSON_SUMMARY.replace("芷溪区委巡察工作领导小组办公室", "区委巡察办")) == "区园林绿化局"


def test_a_headline_after_a_column_tag_opening_with_the_unit_and_a_colon_names_the_unit():
    text = (
        "【整改进行时】芦荻镇:“三色清单”助推巡察反馈问题清零\n来源:芦荻镇 发布时间:2024-05-06 10:00\n"
        "“县委巡察组反馈的问题整改了多少?”这是镇纪委开展专项监督的场景。\n"
    )
    assert unit_of(text) == "芦荻镇"


def test_a_college_named_with_yu_inside_a_university_report_is_the_unit():
    text = (
        "根据党委巡察工作安排,第一巡察组第二巡察小组向文学与传媒学院党委反馈巡察情况,"
        "文学与传媒学院党委书记周某主持会议并作表态发言。\n"
    )
    assert unit_of(text) == "文学与传媒学院"


def test_a_supervision_group_visiting_a_college_names_the_college_not_its_members():
    text = "5月8日下午,学校巡视整改督查组张某、李某同志莅临化学与材料学院,对学院整改落实情况进行专项督查。"
    assert unit_of(text) == "化学与材料学院"


def test_a_feedback_document_naming_the_inspected_unit_names_it_with_its_other_names_as_aliases():
    text = (
        "[巡察整改]医院党委召开巡察整改工作领导小组会议\n发布时间:2024-05-20\n"
        "5月20日上午,医院党委召开会议,专题研究学校《关于巡察第二临床医学院(第二附属医院、梧川市中医院)党委的"
        "反馈意见》,安排部署整改工作。\n"
    )
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "第二临床医学院"
    assert {"梧川市中医院", "第二附属医院"} <= set(metadata.aliases)


def test_a_hospital_holding_its_party_committee_meeting_after_the_feedback_is_the_unit():
    text = (
        "3月18日上午,市委第二巡察组召开市属医院专项巡察反馈会。为落实整改要求,18日下午市第三人民医院"
        "立即召开了党委扩大会,研究部署整改工作。\n"
    )
    assert unit_of(text) == "市第三人民医院"


def test_a_district_written_as_the_subject_of_its_own_report_is_the_unit():
    text = "七届区委以来,苇塘区始终坚持把巡视巡察整改作为政治任务。区委召开专题会议研究整改。"
    assert unit_of(text) == "苇塘区"


def test_a_commission_whose_party_committee_titles_the_notice_keeps_weiyuanhui_in_its_name():
    text = (
        "【巡察整改】中共梧川市卫生健康委员会关于巡察整改进展情况的通报\n"
        "根据市委统一部署,市委第一巡察组对梧川市卫生健康委员会党组开展了巡察。\n"
    )
    assert unit_of(text) == "梧川市卫生健康委员会"


def test_a_time_after_the_group_arrives_is_no_unit():
    text = "巡察组进驻期间,共开展个别谈话30人次。芦荻镇党委书记李某主持会议并作表态发言。"
    assert unit_of(text) == "芦荻镇"
