"""Computed comparisons over a notice written in traditional characters beside simplified ones (fictional
notices): its feedback date, rules and amounts are read (反饋, 修訂制度, 萬元) and compared with the others'."""

from __future__ import annotations

import pytest

from assistant.computed_answer import answer_computed
from assistant.records_answer import answer_from_records
from assistant.verify import verify_answer

NONGYE, LIUAN, SHIQIAO = "青禾縣農業農村局", "青禾市柳岸镇", "青禾市石桥镇"
NOTICES = {
    "nongye.txt": "青禾縣農業農村局黨組關於巡察整改情況的通報\n\n根據縣委統一部署，2024年3月1日至4月20日，縣委第二巡察組對局黨組"
                  "進行了巡察。2024年5月9日，縣委第二巡察組向局黨組反饋了巡察意見。\n\n局黨組新建和修訂制度8項，追回和退賠資金合計"
                  "41.09萬元。\n\n青禾縣農業農村局黨組\n2024年8月16日\n",
    "liuan.txt": "青禾市柳岸镇党委关于巡察整改情况的通报\n\n2024年3月4日至4月26日，区委第一巡察组对镇党委开展了巡察，"
                 "2024年6月3日反馈了巡察意见。\n\n镇党委新建和修订制度13项，追回资金合计18.6万元。全年共立案6件，"
                 "其中已结案5件。对巡察移交的问题线索，立案9人。\n\n青禾市柳岸镇党委\n2024年9月2日\n",
    "shiqiao.txt": "青禾市石桥镇党委关于巡察整改情况的通报\n\n镇纪委对违规违纪的，立案2件、了结2件。\n\n青禾市石桥镇党委\n"
                   "2024年9月9日\n",
}


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _ask(catalogue, question: str, units: list[str]):
    notices, records, texts = catalogue
    answer = answer_computed(question, question, units, notices, records, texts.get)
    assert answer is not None
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_a_feedback_date_written_in_traditional_characters_counts_to_its_signature(catalogue):
    answer = _ask(catalogue, "农业农村局和柳岸镇 反馈到发通报隔了多久", [NONGYE, LIUAN])
    assert answer.text.splitlines()[0].startswith(f"{NONGYE}从反馈意见到发布通报隔了99天"), answer.text


def test_rules_written_修訂_are_compared_with_rules_written_修订(catalogue):
    notices, records, texts = catalogue
    answer = answer_from_records("新定的制度 农业农村局 柳岸镇谁最多", "", [NONGYE, LIUAN], notices, records, texts.get)
    assert answer.text.splitlines()[0].startswith("按“新制定与修订合计”口径比较"), answer.text
    assert "参与比较的单位2个" in answer.text.splitlines()[0], answer.text


def test_amounts_in_萬元_are_compared_with_amounts_in_万元(catalogue):
    answer = _ask(catalogue, "追回的钱 农业农村局和柳岸镇谁多 多多少", [NONGYE, LIUAN])
    assert "41.09萬元" in answer.text and "少22.49万元" in answer.text.splitlines()[0], answer.text


def test_cases_filed_are_compared_in_cases_when_asked_how_many_件(catalogue):
    answer = _ask(catalogue, "立案 柳岸镇和石桥镇差多少件", [LIUAN, SHIQIAO])
    assert answer.text.splitlines()[0] == f"{LIUAN}立案6件,比{SHIQIAO}(2件)多4件。", answer.text
