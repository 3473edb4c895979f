"""Short names written straight before the topic word are found as their unit, and only as far as the name goes."""

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.units import UnitDirectory


def row(notice_id: str, unit: str, aliases: list[str]) -> NoticeRow:
    return NoticeRow(notice_id, f"/x/{notice_id}.txt", f"{notice_id}.txt", "", unit,
                     NoticeMetadata(unit=unit, aliases=aliases), 3, "ready", 0.0)


DIRECTORY = UnitDirectory([
    row("n1", "岚溪师范大学", ["中共岚溪师范大学委员会", "岚溪师范大学"]),
    row("n2", "枫桥职业技术学院", ["枫桥职业技术学院"]),
    row("n3", "沄州能源集团热力有限公司", ["沄州能源集团热力有限公司", "公司"]),
    row("n4", "鹭汀市司法局", ["鹭汀市司法局", "市司法局"]),
    row("n5", "葭洲镇", ["葭洲镇党委", "葭洲镇", "葭洲"]),
    row("n6", "澜沧理工大学", ["澜沧理工大学"]),
])


def mention(question: str) -> list[tuple[str, str]]:
    return [(question[begin:end], unit) for begin, end, unit in DIRECTORY.mentions(question)]


def test_a_nickname_glued_to_the_topic_word_names_its_unit_and_stops_before_the_topic():
    assert mention("岚师大招生经费查出啥") == [("岚师大", "岚溪师范大学")]
    assert mention("枫桥职院处分了几个人") == [("枫桥职院", "枫桥职业技术学院")]
    assert mention("沄州热力清收欠费多少") == [("沄州热力", "沄州能源集团热力有限公司")]
    assert mention("鹭汀司法局社区矫正有啥问题") == [("鹭汀司法局", "鹭汀市司法局")]
    assert mention("葭洲镇工程上有啥问题") == [("葭洲镇", "葭洲镇")]
    assert mention("澜工大科研经费追回多少") == [("澜工大", "澜沧理工大学")]


def test_glued_nicknames_are_found_anywhere_in_the_question_and_beside_each_other():
    assert DIRECTORY.find_units("食堂这块岚师大跟沄州热力都有事吗") == ["岚溪师范大学", "沄州能源集团热力有限公司"]
    assert DIRECTORY.find_units("对枫桥职院处分了几人") == ["枫桥职业技术学院"]


def test_topic_words_and_other_units_after_a_nickname_name_no_held_unit():
    assert DIRECTORY.find_units("大学生资助资金查出啥") == []
    assert DIRECTORY.find_units("热力管网改造完成多少") == []
    assert DIRECTORY.find_units("市里处分了几个人") == []
    assert DIRECTORY.find_units("岚师大附属医院有啥问题") == []


def test_a_firm_named_by_the_middle_of_its_name_after_another_unit_is_found_before_a_reduplicated_topic():
    directory = UnitDirectory([
        row("m1", "蘅川农村商业银行股份有限公司棠溪支行", ["蘅川农村商业银行股份有限公司棠溪支行"]),
        row("m2", "蘅州江岸置业有限公司", ["蘅州江岸置业有限公司", "中共蘅州江岸置业有限公司委员会"]),
        row("m3", "棠溪县水务局", ["棠溪县水务局"]),
    ])
    assert directory.find_units("银行和江岸置业吃吃喝喝超标的事比一比") == [
        "蘅川农村商业银行股份有限公司棠溪支行", "蘅州江岸置业有限公司"]
    assert directory.find_units("水务局跟星河置业比一比") == ["棠溪县水务局"]  # not a held firm: no unit for it
