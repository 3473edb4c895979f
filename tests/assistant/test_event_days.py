"""Days between two dated events one fictional notice states apart: the first event's date by the words after it,
the second's by its words following a later date at once; both readings said, both dates cited."""

from __future__ import annotations

import re

import pytest

from assistant.event_days import answer_event_days
from assistant.verify import verify_answer

UNIT = "桐溪镇"
NOTICE = (
    "桐溪镇党委关于巡察整改情况的通报\n\n"
    "2023年2月6日，镇农业服务中心与青苗绿化有限公司签订了河堤护岸苗木种植合同，合同约定种植完毕后验收合格再付款。"
    "3月10日验收合格，镇财政所于3月28日一次性付清全部款项。\n"
    "2023年4月3日，第21次镇党委会议研究整改方案；4月25日，第23次镇党委会议听取整改进展汇报。\n"
    "2023年6月1日至7月15日，县委第二巡察组对桐溪镇党委开展了常规巡察。\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"tongxi.txt": NOTICE})


def _ask(catalogue, question: str):
    notices, _, texts = catalogue
    spans = [(m.start(), m.end()) for m in re.finditer("桐溪镇?", question)]
    answer = answer_event_days(question, question, UNIT, spans, notices, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_days_from_a_signed_contract_to_its_acceptance_are_computed_both_ways(catalogue):
    answer = _ask(catalogue, "桐溪那苗木合同签完多久就验收了")
    head = answer.text.splitlines()[0]
    assert head.startswith("按桐溪镇通报写的日期推算:2023年2月6日[1]到2023年3月10日[2],相隔32天(首尾两天都算则为33天")
    assert "签订了河堤护岸苗木种植合同" in answer.citations[0].quote
    assert answer.citations[1].quote.startswith("3月10日验收合格")


def test_an_event_the_notice_dates_nowhere_is_left_to_other_answers(catalogue):
    assert _ask(catalogue, "桐溪那苗木合同签完多久就审计了") is None
    assert _ask(catalogue, "桐溪的苗木合同是啥时候签的") is None


def test_days_between_two_numbered_meetings_are_computed_from_the_dates_before_them(catalogue):
    answer = _ask(catalogue, "桐溪第23次和第21次党委会隔了几天")
    head = answer.text.splitlines()[0]
    assert head.startswith("按桐溪镇通报写的日期推算:2023年4月3日[1]到2023年4月25日[2],相隔22天")
    assert "第21次镇党委会议" in answer.citations[0].quote
    assert "第23次镇党委会议" in answer.citations[1].quote


def test_a_numbered_meeting_the_notice_does_not_date_gets_no_days(catalogue):
    assert _ask(catalogue, "桐溪第21次和第30次党委会隔了几天") is None
