"""A document asked for by its name ("整改方案都叫啥名"): the sentence naming its 《title》 answers (FICTIONAL sentences)."""

from __future__ import annotations

from assistant.asked_names import asked_name
from assistant.question import profile_question, satisfies

TITLED = "石门镇党委研究制定了《中共青川县石门镇委员会关于巡察反馈意见的整改落实方案》,明确整改时限。"
UNTITLED = "石门镇党委召开专题会议,研究制定整改方案,明确整改时限。"


def test_a_plan_asked_by_its_name_is_answered_by_the_sentence_holding_its_title_not_by_a_persons_name():
    profile = profile_question("整改方案都叫啥名 石门 云岭")
    assert not profile.wants_person  # 叫啥名 of a plan asks no person's name
    assert satisfies(profile, TITLED)
    assert not satisfies(profile, UNTITLED)


def test_a_title_of_another_kind_of_document_does_not_answer():
    assert not satisfies(profile_question("出台的整改方案叫什么"), "制定了《青川县石门镇财务报销管理办法》。")
    assert satisfies(profile_question("出台的办法的名称是啥"), "制定了《青川县石门镇财务报销管理办法》。")


def test_asking_what_a_plan_says_or_when_it_was_issued_asks_no_name():
    assert asked_name("整改方案是啥") == ""
    assert asked_name("方案是什么时候印发的") == ""
    assert asked_name("实施方案的名称是什么") == "document:方案"
