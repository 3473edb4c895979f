"""A page that writes its unit without the place ("市卫生健康委") saved under a file name that says whose it is."""

from __future__ import annotations

from index.metadata import extract_notice_metadata

PLACELESS_PAGE = (
    "- 信息来源:市卫生健康委\n- 发布日期:2025-03-02 09:10\n"
    "根据市委统一部署,市委第二巡察组于2024年5月6日至6月28日对市卫生健康委党组开展了巡察,"
    "并于2024年8月9日进行了反馈。现将巡察整改情况予以公布。\n"
    "委党组围绕巡察反馈的4个方面12个突出问题,研究制定58项整改措施。\n"
)


def test_the_place_in_the_file_name_completes_a_placeless_unit():
    meta = extract_notice_metadata(PLACELESS_PAGE, "n03_蘅川市卫生健康委巡察整改情况.txt")
    assert meta.unit == "蘅川市卫生健康委"
    assert "市卫生健康委" in meta.aliases  # the way the page itself writes it still finds it


def test_a_file_name_naming_another_organ_adds_no_place():
    meta = extract_notice_metadata(PLACELESS_PAGE, "蘅川市教育局巡察整改情况.txt")
    assert meta.unit == "市卫生健康委"


def test_a_file_name_naming_two_places_for_the_unit_adds_none():
    meta = extract_notice_metadata(PLACELESS_PAGE, "蘅川市卫生健康委_棠溪市卫生健康委.txt")
    assert meta.unit == "市卫生健康委"


def test_a_unit_the_page_names_with_its_place_keeps_it():
    text = PLACELESS_PAGE.replace("对市卫生健康委党组", "对棠溪市卫生健康委党组")
    assert extract_notice_metadata(text, "蘅川市卫生健康委.txt").unit == "棠溪市卫生健康委"
