"""A question's name the word cutter reads differently from the notice is re-read as the notice's words inside it."""

from __future__ import annotations

from assistant.recut_terms import recut_unheld

# A FICTIONAL notice: the service hall's item count beside another sentence counting 事项.
NOTICE = """中共柳汀县青溪镇委员会关于巡察整改进展情况的通报

2023年4月至5月,县委第三巡察组对青溪镇开展了巡察。

一、政务服务“应进必进”落实不到位。
整改情况:进驻便民服务中心的审批事项达到应进事项的82%。优化“湘服通”青溪分厅功能,目前“湘服通”青溪分厅已上线事项96项。

二、村级财务公开不及时。
整改情况:建立村务公开月度检查制度,完成整改。
"""


def _held(words: set[str]):
    return lambda terms: {t for t in terms if t in words}


def test_unheld_tokens_are_read_as_the_held_words_written_inside_them():
    held = _held({"服通", "分厅", "事项"})
    assert recut_unheld("湘服通分厅上了多少事项", ["湘服", "通分", "通分厅", "事项"], held) == ["事项", "服通", "分厅"]


def test_a_run_holding_no_notice_word_keeps_its_tokens():
    held = _held({"事项"})
    assert recut_unheld("种牙收了多少钱", ["种牙", "收了"], held) == ["种牙", "收了"]  # two characters: no run
    assert recut_unheld("云端办分厅", ["云端办", "分厅"], _held(set())) == ["云端办", "分厅"]


def test_how_many_items_the_hall_put_online_quotes_the_hall(chain_over):
    answer = chain_over("qingxi.txt", NOTICE).ask("青溪镇湘服通分厅上了多少事项")

    assert not answer.not_found
    assert "96项" in answer.text
