"""An institution named after a held unit ("X大附属医院", "X镇中心小学") is another unit the library lacks."""

from __future__ import annotations

import pytest

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.sibling_organs import other_organs_at_held_places
from assistant.unit_names import kind_short_names
from assistant.units import UnitDirectory
from assistant.unknown_units import unknown_unit_names

# A FICTIONAL university notice that calls the university by its short name in the body.
UNIVERSITY = """中共沩川大学委员会关于巡视整改进展情况的通报

省委第二巡视组对沩大党委开展了常规巡视,反馈了巡视意见。
反馈意见一:后勤管理不规范,学生食堂承包经营饭菜价格偏高。
整改进展:沩大收回1个承包食堂自主经营,设立饭菜价格平抑基金80万元。
反馈意见二:资产管理底数不清,部分仪器设备闲置。
整改进展:沩大开展资产清查,盘活闲置设备56台。
"""


def directory() -> UnitDirectory:
    rows = [
        NoticeRow("u1", "/u.txt", "u.txt", "", "沩川大学", NoticeMetadata(unit="沩川大学"), 1, "ready", 0),
        NoticeRow("t1", "/t.txt", "t.txt", "", "溆川县桐坳镇", NoticeMetadata(unit="溆川县桐坳镇", aliases=["桐坳镇"]), 1,
                  "ready", 0),
        NoticeRow("d1", "/d.txt", "d.txt", "", "青禾市云岭区", NoticeMetadata(unit="青禾市云岭区", aliases=["云岭区"]), 1,
                  "ready", 0),
    ]
    return UnitDirectory(rows)


@pytest.mark.parametrize(("question", "unknown"), [
    ("沩大附属医院有啥问题", "沩大附属医院"),
    ("问一下沩大附属医院整改得怎么样", "沩大附属医院"),
    ("沩川大学附属中学处分了几个人", "沩川大学附属中学"),
    ("那沩大附中呢", "沩大附中"),
    ("桐坳镇中心小学有几个问题", "桐坳镇中心小学"),
    ("桐坳镇卫生院追回了多少钱", "桐坳镇卫生院"),
    ("云岭区卫健委清退了多少", "云岭区卫健委"),
])
def test_an_institution_after_a_held_units_name_is_an_unknown_unit(question, unknown):
    assert directory().find_units(question) == []
    assert unknown_unit_names(question, directory()) == [unknown]


@pytest.mark.parametrize(("question", "unknown"), [
    ("沩川大学的附属医院整改得咋样", "沩川大学的附属医院"),
    ("沩大的附中有啥问题", "沩大的附中"),
])
def test_an_affiliated_institution_written_with_的_is_still_an_unknown_unit(question, unknown):
    assert unknown_unit_names(question, directory()) == [unknown]


@pytest.mark.parametrize(("question", "unit"), [
    ("沩大党委书记是谁", "沩川大学"),
    ("沩大后勤处有啥问题", "沩川大学"),
    ("沩大食堂整改了啥", "沩川大学"),
    ("桐坳镇党委开了几次会", "溆川县桐坳镇"),
    ("云岭区纪委处分了几个人", "青禾市云岭区"),
])
def test_the_held_units_own_organs_and_departments_stay_that_unit(question, unit):
    assert directory().find_units(question) == [unit]
    assert unknown_unit_names(question, directory()) == []


def test_a_university_goes_by_its_places_first_character_and_da_unless_that_is_a_word():
    assert "沩大" in kind_short_names("沩川大学")
    assert kind_short_names("广川大学") == []  # 广大 is a word ("广大群众"), no short name


def test_the_institution_is_said_to_be_missing_and_the_parent_named_as_closest(chain_over):
    chain = chain_over("weichuan_daxue.txt", UNIVERSITY)

    missing = chain.ask("沩大附属医院有啥问题")
    missing_of = chain.ask("沩大的附属医院整改了哪些问题")  # with 的: the same institution
    held = chain.ask("沩大食堂有啥问题")

    assert missing.not_found and not missing.citations
    assert "沩大附属医院" in missing.text and "沩川大学" in missing.text
    assert missing_of.not_found and not missing_of.citations and "沩川大学" in missing_of.text
    assert not held.not_found and "食堂" in held.text


# A FICTIONAL district bureau's notice, named with its city and district.
DISTRICT_BUREAU = """中共青禾市云岭区人力资源和社会保障局党组关于巡察整改情况的通报

区委第三巡察组对区人力资源和社会保障局党组开展了巡察。
整改期间:追回冒领的城乡居民养老保险待遇21.4万元,对2名干部进行谈话提醒。
"""


@pytest.mark.parametrize("asked", ["青禾市人社局追回了多少冒领的养老金?", "青禾人社局追回了多少冒领的养老金"])
def test_the_citys_bureau_is_not_the_held_bureau_of_a_district_in_that_city(chain_over, asked):
    chain = chain_over("yunling_renshe.txt", DISTRICT_BUREAU)

    answer = chain.ask(asked)
    held = chain.ask("云岭区人社局追回了多少冒领的养老金")

    assert answer.not_found and "资料库中没有" in answer.text
    assert not held.not_found and "21.4万元" in held.text


def organs_directory() -> UnitDirectory:
    rows = [
        NoticeRow("r1", "/r.txt", "r.txt", "", "青禾市柘溪区人大常委会机关",
                  NoticeMetadata(unit="青禾市柘溪区人大常委会机关"), 1, "ready", 0),
        NoticeRow("j1", "/j.txt", "j.txt", "", "溆川县纪委监委机关", NoticeMetadata(unit="溆川县纪委监委机关"), 1, "ready", 0),
    ]
    return UnitDirectory(rows)


@pytest.mark.parametrize(("question", "unknown"), [
    ("柘溪区政协机关整改咋样了", "柘溪区政协机关"),
    ("柘溪政协有啥问题", "柘溪政协"),
    ("溆川县组织部整改了几个问题", "溆川县组织部"),
])
def test_another_organ_of_a_held_organs_place_is_an_unknown_unit(question, unknown):
    assert unknown_unit_names(question, organs_directory()) == [unknown]


@pytest.mark.parametrize("question", ["柘溪区人大整改咋样了", "溆川县纪委有啥问题", "溆川县监委处分了几人"])
def test_the_held_organ_of_a_place_is_not_read_as_another_organ(question):
    assert other_organs_at_held_places(question, organs_directory()) == []


# A FICTIONAL district congress office's notice.
DISTRICT_CONGRESS = """中共青禾市柘溪区人大常委会机关党组关于区委巡察整改情况的通报

区委第二巡察组对区人大常委会机关党组开展了巡察。
巡察指出，机关公务用车管理不规范。整改中，机关对3辆公务用车实行集中停放。
"""


def test_another_organ_of_the_place_is_said_not_held_instead_of_quoting_the_held_one(chain_over):
    chain = chain_over("zhexi_renda.txt", DISTRICT_CONGRESS)

    missing = chain.ask("柘溪区政协机关整改咋样了")
    held = chain.ask("柘溪区人大整改咋样了")

    assert missing.not_found and not missing.citations and "柘溪区政协机关" in missing.text
    assert not held.not_found and "公务用车" in held.text
