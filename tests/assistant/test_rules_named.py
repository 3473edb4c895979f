"""One reader of the rules a notice names as made or revised, shared by "修订了哪些制度?" and "这几项都是啥?"
(FICTIONAL text)."""

from __future__ import annotations

from assistant.rules_named import named_rule_clauses

TEXT = (
    "整改中,一是修订《车辆使用管理办法》和《会议费管理规定》,明确审批流程;"
    "二是建立派车、登记、归档“三单合一”制度。"
    "严格按照《差旅费管理办法》报销,对超标准部分予以退回。"
    "下一步将完善相关制度。"
)


def test_rules_made_are_named_by_title_and_by_a_quoted_system_name():
    clauses = named_rule_clauses(TEXT)
    names = [name for clause in clauses for name in clause.names]

    assert names == ["《车辆使用管理办法》", "《会议费管理规定》", "派车、登记、归档“三单合一”制度"]
    assert [TEXT[c.start:c.end] for c in clauses][:2] == [
        "一是修订《车辆使用管理办法》和《会议费管理规定》", "二是建立派车、登记、归档“三单合一”制度"]


def test_a_rule_only_applied_is_not_a_rule_made():
    text = "严格按照《差旅费管理办法》报销。落实市委《干部交流实施细则》要求,并建立干部交流台账制度。"
    clauses = named_rule_clauses(text)

    assert [text[c.start:c.end] for c in clauses] == ["并建立干部交流台账制度"]
    assert [name for c in clauses for name in c.names] == []
