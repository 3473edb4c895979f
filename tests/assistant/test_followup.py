from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.units import UnitDirectory


def directory() -> UnitDirectory:
    rows = [
        NoticeRow("n1", "/a.txt", "a.txt", "", "青禾市云岭区", NoticeMetadata(unit="青禾市云岭区", aliases=["云岭区", "云岭"]), 1, "ready", 0),
        NoticeRow("n2", "/b.txt", "b.txt", "", "东湖高新产业园", NoticeMetadata(unit="东湖高新产业园", aliases=["东湖"]), 1, "ready", 0),
    ]
    return UnitDirectory(rows)


HISTORY = [
    {"role": "user", "content": "云岭区是被哪个巡察组巡察的?"},
    {"role": "assistant", "content": "是市委第二巡察组。"},
]


def test_pronoun_follow_up_carries_the_previous_unit():
    assert condense_with_rules(HISTORY, "那它挽回了多少经济损失?", directory()) == "青禾市云岭区:那它挽回了多少经济损失?"


def test_elliptical_follow_up_carries_the_previous_unit():
    assert condense_with_rules(HISTORY, "副组长有哪几位?", directory()).startswith("青禾市云岭区:")


def test_a_question_naming_its_own_unit_is_left_alone():
    assert condense_with_rules(HISTORY, "东湖挽回了多少经济损失?", directory()) == "东湖挽回了多少经济损失?"


def test_a_question_about_all_units_starts_a_new_scope():
    assert condense_with_rules(HISTORY, "那哪些单位清退了津补贴?", directory()) == "那哪些单位清退了津补贴?"


def test_the_users_question_defines_the_scope_over_the_reply():
    history = [
        {"role": "user", "content": "东湖的问题线索有多少?"},
        {"role": "assistant", "content": "东湖移交线索5件,云岭区另有9件。"},
    ]
    assert condense_with_rules(history, "办结了几件?", directory()) == "东湖高新产业园:办结了几件?"
