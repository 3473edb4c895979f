"""Asked which firm did a work, a sentence about the work that names no firm does not answer (FICTIONAL)."""

from __future__ import annotations

from assistant.question import profile_question, satisfies


def test_a_sentence_on_the_works_without_a_firm_does_not_answer_which_contractor():
    profile = profile_question("青禾学院食堂改造是哪家施工单位干的")
    assert not satisfies(profile, "食堂改造工程签证变更金额占合同价的15%,核减工程款12万元。")
    assert satisfies(profile, "食堂改造工程由青禾建工有限公司承建,签证变更金额占合同价的15%。")


def test_the_firm_may_be_asked_after_its_role():
    profile = profile_question("蓼汀中学操场的监理单位是谁")
    assert not satisfies(profile, "操场工程监理单位未按规定旁站。")


def test_which_held_unit_is_no_firm_question():
    profile = profile_question("哪家单位清退了违规发放的补贴")
    assert satisfies(profile, "清退违规发放的补贴2.3万元。")


def test_the_firms_behind_a_count_are_answered_only_by_a_sentence_naming_them():
    profile = profile_question("那3宗地是哪几家企业")
    assert not satisfies(profile, "巡察指出,3宗商业用地受让企业逾期未缴清土地出让价款。")
    assert satisfies(profile, "3宗商业用地分别由青禾置业有限公司、蓼汀实业有限公司受让。")
    assert not satisfies(profile_question("那笔欠款归哪家公司"), "欠款已追回1.2万元。")
