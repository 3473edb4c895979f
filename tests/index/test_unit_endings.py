"""Units whose pages wrap or clip their names, on fictional text: a bullet before the title, a zone's party
working committee written 工委, a street written 街 in one sentence and 街道 in another."""

from __future__ import annotations

from index.metadata import extract_notice_metadata


def test_a_title_after_a_list_bullet_names_its_unit_over_the_bodys_short_form():
    text = (
        "  • 中共青禾市蓼汀区自然资源和规划局党组关于巡察整改情况的通报\n\n"
        "    日期:2024-03-02 来源:区资规局 浏览量:\n"
        "    根据区委统一部署,区委第一巡察组对区资规局党组进行了巡察。现将整改情况予以公布。\n"
        "    区资规局党组把巡察整改作为重大政治任务来抓。\n"
    )
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "青禾市蓼汀区自然资源和规划局"
    assert metadata.title == "中共青禾市蓼汀区自然资源和规划局党组关于巡察整改情况的通报"


def test_a_development_zone_written_with_its_work_committee_is_the_zone():
    text = (
        "中共青禾经济技术开发区工委关于巡察整改进展情况的通报\n"
        "根据省委统一部署,省委第二巡察组对青禾经济技术开发区工委进行了巡察。现将整改进展情况予以公布。\n"
    )
    assert extract_notice_metadata(text).unit == "青禾经济技术开发区"


def test_a_county_education_work_committee_keeps_its_name():
    text = "中共县委教育工委关于巡察整改进展情况的通报\n根据县委统一部署,县委第三巡察组对县委教育工委进行了巡察。\n"
    assert extract_notice_metadata(text).unit.endswith("教育工委")


def test_a_street_clipped_to_jie_is_named_in_full_when_the_notice_writes_it_whole():
    text = (
        "按照区委巡察工作统一部署,区委巡察二组对芦汀街及12个社区开展了常规巡察,并于5月3日反馈了巡察意见。\n"
        "一、组织落实巡察整改情况\n芦汀街道12个社区涉及整改问题40项,目前已经完成整改问题40项。\n"
    )
    assert extract_notice_metadata(text).unit == "芦汀街道"
