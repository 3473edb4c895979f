"""News of a committee's own round of inspections is about the committee's place; feedback targets in
headlines and sentences (FICTIONAL notices in house styles seen on real pages)."""

from __future__ import annotations

from index.metadata import extract_notice_metadata
from index.places import committee_places
from index.unit_sources import choose_unit

ROUND_REPORT = (
    "根据柳河县委统一安排,2023年3月6日至2023年4月28日,十五届县委组织开展了第三轮巡察,县委派出3个巡察组,"
    "对县林业局等3个部门党组,青石乡党委及所辖5个党总支开展常规巡察。\n"
    "近日,县委各巡察组分别到被巡察党组织开展了巡察情况反馈工作。\n"
)
SPEECH_LEAD = (
    "“各乡镇党委要承担巡察整改主体责任……”,这是在云岭县委书记办公会上的一幕。\n"
    "根据县委统一部署,2022年5月7日至7月8日,县委第九轮巡察三个巡察组对石门镇、县财政局、县医疗保障局开展了常规巡察。\n"
)
CHECK_GROUPS = (
    "近日,芦溪县委巡察工作领导小组派出3个督查组,对前4轮巡察的12个党组织的巡察整改工作开展督促检查。\n"
    "督查组采取“听、看、查、访”等方式逐项督查整改情况。\n"
)
VILLAGE_FEATURE = (
    "巡察在身边\n\n"
    "  日前,在桐山县白沙镇北岗村,村民们开心地说。此前,桐山县委第七轮巡察期间,巡察组发现问题后,"
    "立即向白沙镇党委和北岗村进行了双向反馈,督促马上整改。\n"
    "  今年9月,桐山县委巡察组在青溪镇南岸村走访时了解到排水不畅问题,随即向青溪镇党委进行反馈。\n"
)
ONE_UNIT = (
    "根据青禾县委统一部署,2023年4月1日至5月30日,县委第二巡察组对柳林镇党委开展了常规巡察。"
    "6月20日,县委第二巡察组向柳林镇党委反馈了巡察意见。柳林镇党委高度重视整改工作。\n"
)


def test_a_countys_report_on_its_round_over_several_units_is_about_the_county():
    assert choose_unit(ROUND_REPORT) == "柳河县"


def test_the_place_of_a_round_named_only_in_a_quoted_meeting_is_its_committees():
    assert choose_unit(SPEECH_LEAD) == "云岭县"


def test_a_leading_group_sending_check_groups_over_earlier_rounds_reports_for_its_county():
    assert choose_unit(CHECK_GROUPS) == "芦溪县"


def test_a_feature_following_the_groups_from_town_to_town_is_about_the_county_not_a_town():
    assert choose_unit(VILLAGE_FEATURE) == "桐山县"


def test_a_notice_about_one_inspected_town_keeps_that_town_with_the_county_whose_committee_inspected_it():
    assert choose_unit(ONE_UNIT) == "青禾县柳林镇"


def test_a_town_story_takes_the_place_of_the_committee_that_sent_the_group():
    story = (
        "“渠道修通了!”近日,桐江市委第一巡察组到东岭镇安宁村对巡察交办问题整改情况进行“回头看”时,村民说道。\n"
        "今年4月4日,桐江市委第一巡察组正式进驻东岭镇开展巡镇带村常规巡察。\n"
    )
    assert choose_unit(story) == "桐江市东岭镇"
    two_counties = story.replace("今年4月4日,桐江市委", "今年4月4日,柳河县委、云岭县委")
    assert choose_unit(two_counties.replace("近日,桐江市委", "近日,柳河县委")) == "东岭镇"


def test_a_traditional_page_of_a_round_report_names_the_county_as_written():
    traditional = CHECK_GROUPS.replace("县委", "縣委").replace("领导小组", "領導小組").replace("党组织", "黨組織")
    assert extract_notice_metadata(traditional, "x.txt").unit == "芦溪縣"


def test_a_round_report_that_never_names_its_place_is_listed_under_the_round():
    text = (
        "根据区委统一安排部署,2022年11月8日至12月20日,区委组建4个巡察组对区民政局、区科信局等4家单位开展常规巡察。\n"
        "2023年1月17日,十三届区委常委会会议听取了十三届区委第二轮巡察的整改进展情况报告。\n"
    )
    metadata = extract_notice_metadata(text, "gongshi.txt")
    assert metadata.unit == "" and metadata.title == "十三届区委第二轮巡察"


def test_a_headline_naming_who_was_given_the_findings_names_the_unit():
    text = (
        "雁汀市国资委党委第一巡察组向青禾股份党委反馈专项巡察情况\n"
        "2024年3月1日至4月14日,市国资委党委第一巡察组对雁汀装备制造基地开展了专项巡察,并于5月30日反馈了巡察意见。\n"
        "巡察组建议青禾股份党委加强在建工程项目管理。\n"
    )
    metadata = extract_notice_metadata(text, "x.txt")
    assert metadata.unit == "青禾股份"
    assert "青禾" in metadata.aliases  # users call a listed company by its short name


def test_a_lead_after_the_arrangement_and_a_full_date_names_the_office_that_met():
    text = (
        "根据平湖县委巡察工作要求,2021年11月19日雁鸣湖湿地公园管理处召开了巡察整改督查情况汇报会。"
        "管理处党组副书记主持会议。\n"
    )
    assert choose_unit(text) == "雁鸣湖湿地公园管理处"


def test_a_place_written_with_a_conjunction_character_is_one_name_before_its_committee():
    assert committee_places("吉水市委、和丰县委两级巡察组", "县") == {"和丰县": 5}
    assert committee_places("会议传达县委巡察工作要求", "县") == {}
    assert committee_places("根据县委统一安排", "县") == {}
    assert committee_places("十二届县委第二轮巡察", "县") == {}


def test_a_county_written_before_its_committee_word_keeps_one_level_word():
    # "芦湾县县委": the county 芦湾县 and its 县委, not a place called 芦湾县县
    story = ("2023年5月8日,芦湾县县委第二巡察组正式进驻石渠镇,将开展为期2个月的巡察。"
             "我镇在10个村都张贴了巡察通告,设立了意见箱。")
    assert choose_unit(story) == "芦湾县石渠镇"
    assert "芦湾县" in committee_places(story, "县")


def test_a_clause_opening_with_a_time_word_before_the_bare_college_word_is_no_school():
    # "今后学院党委将…" refers back to the college itself; it is no second school to prefix
    text = ("学校党委于2022年10月对苇溪学院开展了巡察工作,苇溪学院对9个方面21个问题进行了整改。"
            "院长表示,今后学院党委将继续推进整改工作。")
    assert choose_unit(text) == "苇溪学院"


def test_a_citys_meeting_overseeing_the_rectification_of_its_rounds_is_about_the_city():
    # no round number and no group sent: the city's own body overseeing its inspected units' rectification
    story = ("“督促被巡察单位落实整改措施1200余项……”日前,苇城市召开市委巡察整改监督工作联席会议。"
             "苇城市制定出台《苇城市委巡察整改监督工作联席会议制度》,市委巡察办加大统筹协调力度。")
    assert choose_unit(story) == "苇城市"
