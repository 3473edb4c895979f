"""Follow-ups naming a section unit of a round notice (one notice reporting on several units) by its name or by a
word of it are asked of that unit, not of the unit the notice is filed under (FICTIONAL units)."""

from __future__ import annotations

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.units import UnitDirectory

FILED = "柏川县统计局"
VETERANS = "柏川县退役军人事务局"
OFFICES = "柏川县机关事务服务中心"
DATA = "云岭县数据局"


def directory() -> UnitDirectory:
    round_notice = NoticeMetadata(unit=FILED, aliases=[], sub_units=[VETERANS, "县退役军人事务局", OFFICES, "县机关事务服务中心"])
    rows = [NoticeRow("n0", "/0.txt", "0.txt", "", FILED, round_notice, 1, "ready", 0),
            NoticeRow("n1", "/1.txt", "1.txt", "", DATA, NoticeMetadata(unit=DATA), 1, "ready", 0)]
    return UnitDirectory(rows)


HISTORY = [{"role": "user", "content": f"{DATA}整改完成了几个问题?"}, {"role": "assistant", "content": "完成了10个。"}]


def test_a_section_unit_named_in_full_is_asked_the_last_question_itself():
    assert condense_with_rules(HISTORY, f"那{VETERANS}呢", directory()) == f"{VETERANS}整改完成了几个问题?"


def test_a_word_of_a_section_units_name_with_a_pointer_is_that_unit():
    assert condense_with_rules(HISTORY, "那退役军人那个呢", directory()) == f"{VETERANS}整改完成了几个问题?"
    assert condense_with_rules(HISTORY, "机关事务那个呢", directory()) == f"{OFFICES}整改完成了几个问题?"


def test_the_unit_a_round_notice_is_filed_under_is_still_itself():
    assert condense_with_rules(HISTORY, "那个统计的呢", directory()) == f"{FILED}整改完成了几个问题?"


def test_a_section_unit_by_its_kind_said_short_is_that_unit():
    assert condense_with_rules(HISTORY, "那退役军人局呢", directory()) == f"{VETERANS}整改完成了几个问题?"
    assert condense_with_rules(HISTORY, "那机关事务中心呢", directory()) == f"{OFFICES}整改完成了几个问题?"


def test_the_red_cross_said_short_and_a_unit_by_a_word_and_de_are_switched_to():
    red_cross, fire = "青禾市红十字会", "漱州市消防救援支队"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", u, NoticeMetadata(unit=u), 1, "ready", 0)
            for i, u in enumerate([DATA, red_cross, fire])]
    held = UnitDirectory(rows)
    assert condense_with_rules(HISTORY, "搞红会那家呢", held) == f"{red_cross}整改完成了几个问题?"
    assert condense_with_rules(HISTORY, "那个红会呢", held) == f"{red_cross}整改完成了几个问题?"
    assert condense_with_rules(HISTORY, "换成消防的", held) == f"{fire}整改完成了几个问题?"


def test_a_follow_up_naming_no_unit_after_a_section_units_turn_is_asked_of_that_section_unit():
    history = [{"role": "user", "content": f"{VETERANS}处理了几个人"},
               {"role": "assistant", "content": f"{VETERANS}：处理2人，一人党纪处分，一人诫勉谈话。"}]
    condensed = condense_with_rules(history, "挨处分那个是干啥的", directory())
    assert condensed.startswith(f"{VETERANS}:") and FILED not in condensed


def test_a_section_units_name_opening_with_its_filed_units_name_is_not_relabelled():
    from assistant.unit_display import name_units_as_asked

    village_notice = NoticeMetadata(unit="柏川县棠溪镇", aliases=[], sub_units=["柏川县棠溪镇石桥村", "石桥村"])
    towns = UnitDirectory([NoticeRow("n2", "/2.txt", "2.txt", "", "柏川县棠溪镇", village_notice, 1, "ready", 0)])
    text = "根据柏川县棠溪镇石桥村的通报：\n- 清退补贴2.30万元。[1]"
    assert name_units_as_asked(text, "石桥村补贴退了多少", towns) == text


def test_a_follow_up_asking_for_another_one_is_not_kept_to_the_section_unit_just_discussed():
    history = [{"role": "user", "content": f"{VETERANS}还有啥没改完"},
               {"role": "assistant", "content": f"{VETERANS}：光荣院改造项目仍在推进。"}]
    condensed = condense_with_rules(history, "另一个没弄完的单位呢", directory())
    assert not condensed.startswith(f"{VETERANS}:")
