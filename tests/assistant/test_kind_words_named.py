"""A kind word among the units a question names ("食堂 街道和中医院都咋回事", "交投 医院 镇上各查了多少") stands for
the held units of that kind: the one held is named, two held are both named and the answer says so (FICTIONAL units)."""

from __future__ import annotations

from assistant.kind_word_units import name_kinds
from assistant.units import UnitDirectory
from index.catalog import NoticeRow
from index.metadata import NoticeMetadata

AUDIT, STREET, HOSPITAL, TOWN = "菱川县审计局", "蒿溪区芦坪街道", "芷州市中医院", "苇岭县蒿口镇"
OTHER_STREET = "蒿溪区柳岸街道"


def _directory(*units: str) -> UnitDirectory:
    return UnitDirectory(
        NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
        for i, unit in enumerate(units)
    )


def _units_asked(question: str, directory: UnitDirectory) -> set[str]:
    return set(directory.find_units(name_kinds(question, directory, 3)[0]))


def test_a_kind_word_beside_named_units_names_the_one_held_unit_of_its_kind():
    held = _directory(AUDIT, STREET, HOSPITAL, TOWN)
    assert _units_asked("食堂 街道和中医院都咋回事", held) == {STREET, HOSPITAL}
    assert _units_asked("乱发补贴 审计局 街道 中医院各是啥名目", held) == {AUDIT, STREET, HOSPITAL}
    assert _units_asked("安全隐患 审计局 医院 镇上各查了多少", held) == {AUDIT, HOSPITAL, TOWN}
    assert _units_asked("审计局、镇、街道处分几人", held) == {AUDIT, TOWN, STREET}
    zoned = _directory(AUDIT, "芷州蒿山经济开发区")
    assert _units_asked("审计局和经开区 巡察组各待了多少天", zoned) == {AUDIT, "芷州蒿山经济开发区"}
    question, note = name_kinds("那街道呢", held, 3)
    assert STREET in question and f"“街道”按{STREET}理解" in note


def test_a_kind_word_asked_for_itself_or_alone_names_no_unit():
    held = _directory(AUDIT, STREET, HOSPITAL, TOWN)
    for question in ("哪些街道清退了补贴", "街道怎么整改的", "各街道的情况", "区和县咋样"):
        assert name_kinds(question, held, 3) == (question, ""), question


def test_two_held_units_of_the_kind_are_both_named_and_the_answer_says_which():
    held = _directory(AUDIT, STREET, OTHER_STREET, HOSPITAL)
    question, note = name_kinds("食堂 街道和中医院都咋回事", held, 3)
    assert set(held.find_units(question)) == {STREET, OTHER_STREET, HOSPITAL}
    assert STREET in note and OTHER_STREET in note and "2个" in note


def _notice(unit: str, organ: str, body: str) -> str:
    return f"中共{unit}{organ}关于巡察整改情况的通报\n\n根据区委统一部署,区委第三巡察组对{unit}进行了巡察。\n\n{body}\n"


def test_the_chain_answers_a_street_named_by_its_kind_beside_another_unit(chain_over):
    chain_over("street.txt", _notice(STREET, "工作委员会", "巡察指出,机关食堂食材采购未执行询价比价。整改中,建立询价比价制度。"))
    chain = chain_over("hospital.txt", _notice(HOSPITAL, "委员会", "巡察指出,职工食堂由个人承包后饭菜价格上涨。整改中,收回食堂经营权。"))
    answer = chain.ask("食堂 街道和中医院都咋回事")
    assert "询价比价" in answer.text and "个人承包" in answer.text
