"""A bare organ ("县文化和旅游局") takes the one place the notice's byline, source, signature or headline states."""

from __future__ import annotations

from index.metadata import extract_notice_metadata


def unit_of(text: str) -> str:
    return extract_notice_metadata(text).unit


BODY = (
    "记者从县农业农村局获悉，针对县委巡察反馈的问题，该局坚持边查边改。\n\n"
    "去年9月，县委第二巡察组对县农业农村局党组开展了常规巡察。该局对照问题清单逐项整改，"
    "已将农机具购置补贴资金全部纳入县财政专户管理，相关档案移交县档案馆。\n\n"
)


def test_a_media_centres_source_line_with_reporter_and_date_gives_the_county():
    text = "县农业局：巡察整改取得阶段成效\n\n" + BODY + "来源：芩溪县融媒体中心　记者 柯某某　2025年5月6日\n"
    assert unit_of(text) == "芩溪县农业农村局"


def test_a_news_lead_of_the_media_centre_gives_the_county():
    text = "芩溪县融媒体中心讯（记者 柯某某）" + BODY
    assert unit_of(text) == "芩溪县农业农村局"


def test_a_headline_writing_the_short_name_with_its_place_gives_the_county():
    text = "芩溪县农业局：巡察整改取得阶段成效\n\n" + BODY + "责任编辑：柯某某\n"
    assert unit_of(text) == "芩溪县农业农村局"


def test_a_city_media_centre_names_no_county_for_a_county_bureau():
    text = "县农业局：巡察整改取得阶段成效\n\n" + BODY + "来源：荻城市广播电视台　2025年5月6日\n"
    assert unit_of(text) == "县农业农村局"


def test_two_counties_in_the_bylines_leave_the_bureau_bare():
    text = "芩溪县融媒体中心讯（记者 柯某某）" + BODY + "来源：蘅川县融媒体中心\n"
    assert unit_of(text) == "县农业农村局"


def test_a_unit_written_with_its_place_keeps_it_whatever_the_byline_says():
    body = BODY.replace("对县农业农村局党组", "对蘅川县农业农村局党组")
    text = "县农业局：巡察整改取得阶段成效\n\n" + body + "来源：芩溪县融媒体中心　记者 柯某某\n"
    assert unit_of(text) == "蘅川县农业农村局"


def test_a_city_government_source_line_gives_a_city_bureau_its_city():
    text = (
        "市卫生健康局巡察整改进展\n\n记者从市卫生健康局获悉，市委第一巡察组对市卫生健康局党组开展了巡察。"
        "该局已将问题全部纳入市整改台账。\n\n来源：荻城市人民政府网\n"
    )
    assert unit_of(text) == "荻城市卫生健康局"
