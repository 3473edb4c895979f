"""A follow-up asking which rules a count of rules stands for: the rules the notice names, and that it does not
list them all (FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共漱州市芦湾区档案馆党支部关于巡察整改情况的通报

2024年3月4日至4月12日,区委第一巡察组对区档案馆进行了巡察,并于2024年5月8日反馈了巡察意见。

(一)关于档案借阅管理松散的问题
巡察指出,档案借阅登记不全,个别档案逾期未还。整改中,一是修订《档案借阅管理细则》,借阅实行双人签字;二是对逾期未还的14卷档案全部追回。

(二)关于经费支出不规范的问题
巡察指出,部分办公用品采购无验收记录。整改中,制定《办公用品采购验收办法》,建立采购、验收、入库“三联单”制度。

通过整改,馆党支部共新建和修订制度7项,追回逾期档案14卷。

中共漱州市芦湾区档案馆党支部
2024年8月30日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("dangan.txt", NOTICE)


def _history(answer: str) -> list[dict]:
    return [{"role": "user", "content": "芦湾区档案馆新建了几项制度"}, {"role": "assistant", "content": answer}]


def test_which_rules_a_count_stands_for_quotes_those_named_and_says_not_all_are(chain):
    answer = chain.ask("这几项都是啥", history=_history("馆党支部共新建和修订制度7项。"))

    assert "档案借阅管理细则" in answer.text and "办公用品采购验收办法" in answer.text
    assert "三联单" in answer.text and "列全" in answer.text
    assert all(c.verified for c in answer.citations)


def test_a_count_of_something_else_is_no_count_of_rules(chain):
    answer = chain.ask("这几卷都是啥", history=_history("追回逾期档案14卷。"))

    assert "列全" not in answer.text


def test_asking_what_the_counted_rules_are_called_names_them(chain):
    answer = chain.ask("都叫啥名", history=_history("馆党支部共新建和修订制度7项。"))

    assert "档案借阅管理细则" in answer.text and "办公用品采购验收办法" in answer.text
    assert all(c.verified for c in answer.citations)
