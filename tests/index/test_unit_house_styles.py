"""Units of notices in the house styles found on real pages, on fictional text written in those styles."""

from __future__ import annotations

from index.metadata import extract_notice_metadata
from index.script_forms import simplified_reading, written_form


def unit_of(text: str) -> str:
    return extract_notice_metadata(text).unit


def test_branch_committee_in_the_title_names_its_school():
    text = (
        "中共青禾县柳湾中学支部委员会关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月30日,县委第三巡察组对柳湾中学党支部进行了巡察。"
    )
    assert unit_of(text) == "青禾县柳湾中学"


def test_a_person_named_in_the_feedback_target_is_no_part_of_the_unit():
    text = (
        "2025年3月6日,市委第二巡察组向市第三中学党委反馈巡察情况。组长分别向市第三中学党委书记周某和"
        "市第三中学领导班子反馈巡察情况。会议要求推动青禾市第三中学教育事业发展。"
    )
    assert unit_of(text) == "青禾市第三中学"


def test_a_colleague_addressed_before_the_unit_is_no_part_of_it():
    text = "区委第一巡察组向李某同志和区文化馆领导班子反馈了巡察情况。李某同志主持会议并表态。"
    assert unit_of(text) == "区文化馆"


def test_the_unit_answering_at_its_feedback_meeting_is_the_unit():
    text = (
        "9月2日,市委第三巡察组召开巡察市卫健委党委情况反馈会。会议认为市卫健委党委工作有成效。"
        "市卫健委党委书记王某主持并代表市卫健委党委作表态发言。"
    )
    assert unit_of(text) == "市卫健委"


def test_a_bare_organ_takes_the_city_written_before_its_economy():
    text = (
        "9月2日,市委第三巡察组召开巡察市卫健委党委情况反馈会。会议认为市卫健委党委为青禾经济社会发展"
        "提供了坚实保障。王某代表市卫健委党委作表态发言。"
    )
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "青禾市卫健委"
    assert "市卫健委" in metadata.aliases


def test_a_common_word_before_the_economy_names_no_city():
    text = "市委第三巡察组召开巡察市卫健委党委情况反馈会。会议认为市卫健委党委为地方经济社会发展作出贡献。"
    assert unit_of(text) == "市卫健委"


def test_a_bare_town_committee_with_one_town_named_is_that_town():
    text = (
        "3月23日下午,县委第二巡察组在石桥镇会议中心召开巡察“回头看”情况反馈大会,会议由镇党委副书记"
        "王某主持。会上,组长指出,被巡察的3个村在石桥镇党委的领导下积极整改。随后,镇党委书记李某作表态发言。"
    )
    assert unit_of(text) == "石桥镇"


def test_feedback_to_the_communities_of_a_street_names_the_street():
    text = "区委第一巡察组向柳林街道6个社区党委反馈巡察情况\n根据区委安排,区委第一巡察组向柳林街道6个社区党委反馈巡察情况。"
    assert unit_of(text) == "柳林街道"


def test_a_verb_before_a_bare_organ_is_no_place():
    text = "市委第三巡察组召开巡察市卫健委党委情况反馈会。组长认为市卫健委党委工作扎实。"
    assert unit_of(text) == "市卫健委"


TRADITIONAL_PAGE = (
    "市委第五巡察組巡察青禾市中心醫(yī)院黨委情況反饋會(huì)召開\n"
    "5月25日,市委第五巡察組巡察青禾市中心醫(yī)院黨委情況反饋會(huì)召開。院黨委書記王某作表態發言。"
)


def test_a_page_in_traditional_script_gets_its_unit_as_written():
    metadata = extract_notice_metadata(TRADITIONAL_PAGE)
    assert metadata.unit == "青禾市中心醫院"
    assert "青禾市中心医院" in metadata.aliases  # what a user types


def test_a_county_in_traditional_script_is_found_from_its_committee():
    text = "4月17日,市委第五巡察組對我縣醫療衛生領域專項巡察情況反饋會議召開。會議要求柳溪縣委抓好整改,柳溪縣誠懇接受。"
    metadata = extract_notice_metadata(text)
    assert metadata.unit == "柳溪縣"
    assert "柳溪县" in metadata.aliases


def test_simplified_reading_drops_readings_and_keeps_simplified_text():
    assert simplified_reading("中心醫(yī)院黨委") == "中心医院党委"
    plain = "石桥镇党委关于巡察整改进展情况的通报"
    assert simplified_reading(plain) == plain


def test_a_name_is_given_back_as_the_page_writes_it():
    assert written_form("青禾市中心医院", "巡察青禾市中心醫(yī)院黨委") == "青禾市中心醫院"
    assert written_form("湖西省卫生健康委", "湖西省委巡視組對省衛生健康委") == "湖西省衛生健康委"


def test_the_day_of_a_feedback_meeting_is_the_feedback_date():
    text = "9月2日,市委第三巡察组召开巡察市卫健委党委情况反馈会。王某代表市卫健委党委作表态发言。"
    assert extract_notice_metadata(text).feedback_date.value == "9月2日"
    text = "3月23日下午,县委第二巡察组在石桥镇会议中心召开巡察“回头看”情况反馈大会。"
    assert extract_notice_metadata(text).feedback_date.value == "3月23日"


def test_a_meeting_on_rectification_feedback_is_not_the_feedback_date():
    text = "5月6日,石桥镇召开巡察整改情况反馈会,听取整改进展。"
    assert extract_notice_metadata(text).feedback_date is None


def test_search_tokens_of_a_traditional_page_match_a_simplified_question():
    from index.lexical import ChineseTokenizer

    tokenizer = ChineseTokenizer()
    page = set(tokenizer.tokenize("市委第五巡察組組長張某宣讀了反饋意見"))
    assert {"宣读", "反馈", "意见"} <= page
    assert set(tokenizer.tokenize("反馈意见是谁宣读的")) & page >= {"宣读", "反馈", "意见"}
