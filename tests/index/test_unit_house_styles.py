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


def test_a_numbered_government_announcement_is_issued_by_its_unit():
    # The signature is followed by an attachment (so it is not the last line) and the body names a
    # neighbouring township too: the header line "X乡人民政府公告" says whose announcement it is.
    text = (
        "柳溪乡人民政府公告\n（2024年第3号）\n\n关于县委巡察反馈问题整改情况的公告\n\n"
        "根据中共青禾县委巡察工作统一安排，县委第二巡察组于2024年4月8日至5月20日开展了常规巡察，"
        "指出问题12个。现将有关情况公告如下：\n1.村级财务管理不规范。会同桃坪乡开展交叉检查。\n"
        "特此公告。\n\n柳溪乡人民政府\n2024年11月8日\n\n附件\n\n整改台账\n\n"
        "1.村级财务管理不规范——责任人：乡党委副书记——整改状态：已完成\n"
        "2.信访积案化解不力——责任人：乡党委书记——整改状态：推进中\n"
        "3.公务车辆私用——责任人：乡党政办主任——整改状态：已完成\n"
        "4.营商环境不优——责任人：分管副乡长——整改状态：已完成\n"
        "5.农村自建房安全隐患——责任人：分管副乡长——整改状态：推进中\n"
        "6.“四议两公开”执行不到位——责任人：乡党委组织委员——整改状态：已完成\n"
        "7—12.党建工作、意识形态、耕地保护等其他6个问题——整改状态：已完成\n"
    )
    assert unit_of(text).endswith("柳溪乡")


def test_a_school_named_by_its_nickname_takes_the_full_name_of_its_publisher_line():
    # The title and body say only 柘职院; the page's 发布机构 label shares its line with other labels.
    text = (
        "柘职院党委关于巡察整改进展情况的通报\n"
        "发布机构：中共柘州职业技术学院委员会　　来源：学院纪委办公室　　发布时间：2024-09-10\n\n"
        "2024年4月至5月，省委教育工委第二巡察组对柘职院党委开展了巡察。柘职院党委高度重视，逐项整改。\n"
    )
    assert unit_of(text) == "柘州职业技术学院"
