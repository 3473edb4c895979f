"""Unit names as people type them: one homophone off a held name, a short name several units share, the place
before a name written out, a group company called a 公司."""

from __future__ import annotations

import pytest

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.chain import AnswerChain
from assistant.near_names import correct_misspelt_names, read_shared_names
from assistant.units import UnitDirectory
from assistant.unknown_units import read_bare_organs, unknown_unit_names

LIULIN = "青禾市云岭区柳林街道"


def directory(*units: tuple[str, list[str]]) -> UnitDirectory:
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit, aliases=aliases), 1, "ready", 0)
            for i, (unit, aliases) in enumerate(units)]
    return UnitDirectory(rows)


HELD = directory(("苇塘市松柏湖街道", ["松柏湖街道", "松柏湖"]), ("青禾市东湖区", ["东湖区"]), ("青禾市第一中学", []))


def test_a_homophone_slip_in_a_held_name_is_read_as_that_unit_and_said():
    question, note = correct_misspelt_names("松佰湖街道处分了几个人?", HELD, 3)
    assert question == "松柏湖街道处分了几个人?"
    assert "“松佰湖街道”按" in note and "苇塘市松柏湖街道" in note


@pytest.mark.parametrize("question", [
    "松桥湖街道处分了几个人?",  # 桥 does not sound like 柏: another name, not a slip
    "东河区处分了几个人?",  # 东河 is a real place the dictionary knows, though it is one character off
    "青禾市第二中学处分了几个人?",  # numbers tell schools apart
    "青禾市东湖县处分了几个人?",  # a county is not the district of the same name
    "松柏湖街到处分了几个人?",  # a slip in the kind of unit is never read through
])
def test_a_name_that_may_be_another_place_is_left_as_typed(question):
    assert correct_misspelt_names(question, HELD, 3) == (question, "")


def test_a_slip_in_a_short_form_of_a_held_unit_is_read_too():
    held = directory(("葭川县榆坞乡", []), ("抚川市东临新区", ["东临新区", "东临"]))
    assert correct_misspelt_names("那榆屋乡呢?", held, 3) == ("那榆坞乡呢?", "“榆屋乡”按葭川县榆坞乡理解。")
    # "为" is the question's own word, though "东临委" would read as the district's committee
    assert correct_misspelt_names("榆坞乡跟东临为整改各开了几次会?", held, 3)[1] == ""


def test_a_slip_two_held_units_are_equally_close_to_is_not_chosen():
    two = directory(("苇塘市松柏湖街道", ["松柏湖街道"]), ("苇塘市松百湖街道", ["松百湖街道"]))
    assert correct_misspelt_names("松佰湖街道处分了几个人?", two, 3) == ("松佰湖街道处分了几个人?", "")


def test_names_shorter_than_the_setting_are_never_read_through_a_slip():
    held = directory(("青禾市东湖区", ["东湖区"]))
    assert correct_misspelt_names("东沪区处分了几个人?", held, 3)[1]
    assert correct_misspelt_names("东沪区处分了几个人?", held, 4) == ("东沪区处分了几个人?", "")


def test_a_short_name_several_held_units_share_is_read_as_all_of_them():
    held = directory(("澜州电子职业学院", []), ("澜州大学电子信息学院", []), ("苇塘县交通运输局", []))
    question, left, note = read_shared_names("电子学院追回了多少钱?", ["电子学院"], held, 3)
    assert "澜州电子职业学院" in question and "澜州大学电子信息学院" in question and left == []
    assert "2个单位" in note and "“电子学院”" in note and "澜州电子职业学院" in note and "澜州大学电子信息学院" in note
    assert read_shared_names("电子学院追回了多少钱?", ["电子学院"], held, 1)[1] == ["电子学院"]
    assert read_shared_names("外语学院追回了多少钱?", ["外语学院"], held, 3)[1] == ["外语学院"]


def test_a_short_name_one_unit_holds_as_its_alias_still_covers_the_other_units_it_fits():
    held = directory(("澜州电子职业学院", []), ("澜州大学电子信息学院", ["电子学院"]))
    question, left, note = read_shared_names("电子学院追回了多少钱?", [], held, 3)
    assert "澜州电子职业学院" in question and "澜州大学电子信息学院" in question and left == []
    assert "“电子学院”" in note
    assert read_shared_names("澜州大学电子信息学院追回了多少钱?", [], held, 3)[2] == ""  # the full name is one unit


def test_the_chain_answers_a_misspelt_unit_about_the_held_unit_and_says_how_it_read_it(ingested):
    answer = AnswerChain(ingested).ask("柳淋街道信访件办结了多少件?")
    assert not answer.not_found and "已办结8件" in answer.text, answer.text
    assert answer.units == [LIULIN]
    assert "“柳淋街道”按" in answer.notice and LIULIN in answer.notice


def _notice(unit: str, money: str) -> str:
    return (f"中共{unit}委员会关于巡察整改情况的通报\n\n根据市委统一部署,2023年4月10日至5月26日,市委第二巡察组对{unit}"
            f"进行了巡察。\n\n一、整改落实情况\n\n针对科研经费报销不规范问题,追回违规报销资金{money},修订制度5项。\n")


def test_the_chain_answers_a_short_name_two_held_units_share_for_both_and_says_so(chain_over):
    chain_over("dianzi.txt", _notice("澜州电子职业学院", "12.5万元"))
    chain = chain_over("xinxi.txt", _notice("澜州大学电子信息学院", "3.4万元"))
    answer = chain.ask("电子学院追回了多少钱?")
    assert "12.5万元" in answer.text and "3.4万元" in answer.text, answer.text
    assert "“电子学院”" in answer.notice and "澜州电子职业学院" in answer.notice


def test_a_held_unit_named_with_the_place_its_notice_writes_before_it_is_that_unit():
    held = directory(("砚溪街道", []))
    texts = {"n0": "中共砚溪街道工作委员会关于巡察整改情况的通报。根据蓼汀区委统一部署……"}
    question, left, note = read_bare_organs("蓼汀区砚溪街道处分了几人?", ["蓼汀区砚溪街道"], held, texts.get)
    assert question == "砚溪街道处分了几人?" and left == [] and "蓼汀区" in note
    question, left, _ = read_bare_organs("葑陂县砚溪街道处分了几人?", ["葑陂县砚溪街道"], held, texts.get)
    assert left == ["葑陂县砚溪街道"]  # its notice never writes 葑陂县: another street of the same name


def test_a_group_company_is_named_as_a_company_too():
    held = directory(("檀溪县城市建设投资集团有限公司", []))
    assert held.find_units("檀溪城投公司处分了几人?") == ["檀溪县城市建设投资集团有限公司"]
    assert unknown_unit_names("檀溪交投公司处分了几人?", held) == ["檀溪交投公司"]


def test_a_unit_a_mirror_page_names_in_traditional_script_is_found_by_its_simplified_name():
    held = directory(("雁汀省衛生健康委", ["省衛生健康委"]), ("青禾市卫健委", ["市卫健委", "卫健委"]))
    assert held.find_units("雁汀省卫生健康委整改了什么?") == ["雁汀省衛生健康委"]


def test_a_traditional_character_of_a_held_name_is_not_a_slip_for_the_simplified_one_typed():
    held = directory(("雁汀省衛生健康委", ["省衛生健康委", "衛健委"]), ("青禾市卫健委", ["市卫健委"]))
    question, note = correct_misspelt_names("有哪几个卫健委?", held, 3)
    assert question == "有哪几个卫健委?" and note == ""


def test_the_kind_word_a_unit_also_goes_by_names_no_unit():
    held = directory(("青禾市卫健委", ["市卫健委", "卫健委"]), ("梧川县卫生健康局", ["县卫健局"]))
    assert held.find_units("有哪几个卫健委?") == []
    assert held.find_units("青禾市卫健委整改了什么?") == ["青禾市卫健委"]
