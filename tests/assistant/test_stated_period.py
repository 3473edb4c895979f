"""How long a thing a unit did lasted, from the period one sentence of its notice states (fictional notice)."""

from __future__ import annotations

from assistant.stated_period import answer_stated_period
from assistant.verify import verify_answer

UNIT = "青禾市柳岸镇"
NOTICE = ("青禾市柳岸镇党委关于巡察整改情况的通报\n\n"
          "2023年5月8日至6月6日,以镇党委第三轮巡察“回头看”为契机,集中整治村级财务管理问题。\n\n"
          "6月20日,镇党委听取第三轮巡察“回头看”情况汇报。\n\n"
          "2023年9月1日至9月10日,开展安全生产大检查,排查隐患23处。\n")


def _ask(stored, question: str):
    notices, _, texts = stored({"liuan.txt": NOTICE})
    answer = answer_stated_period(question, question, UNIT, [(0, 3)], notices, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_the_period_of_the_thing_asked_counts_both_ends(stored):
    answer = _ask(stored, "柳岸镇第三轮回头看一共搞了多少天")
    assert answer is not None
    assert "共30天" in answer.text and "相隔29天" in answer.text
    assert "安全生产" not in answer.text


def test_another_things_period_is_read_by_its_own_words(stored):
    answer = _ask(stored, "柳岸镇安全生产大检查持续了多久")
    assert answer is not None and "共10天" in answer.text


def test_no_answer_when_no_period_is_stated_on_the_thing(stored):
    assert _ask(stored, "柳岸镇党风廉政教育一共搞了多少天") is None
