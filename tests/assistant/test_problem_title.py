"""A comparison column quoting only the measures listed under a numbered problem also quotes that problem's line;
a ledger row naming the problem and its owner does not stand for it."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence
from assistant.problem_title import with_problem_title

_NOTICE = (
    "中共柘溪县桐坪乡委员会关于巡察整改情况的通报\n"
    "一、反馈问题及整改情况\n"
    "1.村级财务管理混乱，部分村存在白条入账现象。\n"
    "（1）聘请会计师事务所对全乡9个村账目进行审计；\n"
    "\n"
    "2.部分村以“加餐费”名义用村集体资金吃喝。\n"
    "（1）责令相关村干部退赔吃喝费用0.82万元；\n"
    "（2）对组织吃喝的1名村委会主任给予党内警告处分。\n"
    "\n"
    "二、整改台账\n"
    "2.村集体资金吃喝——责任人：乡纪委书记——整改状态：已完成\n"
)
_DOCUMENT = Document(page_content=_NOTICE, metadata={"notice_id": "n1", "unit": "柘溪县桐坪乡"})


def _quote(text: str, score: float) -> Evidence:
    start = _NOTICE.index(text)
    return Evidence(_DOCUMENT, start, start + len(text), text, score, True)


def test_listed_measures_come_with_the_numbered_problem_above_them():
    column = [_quote("（2）对组织吃喝的1名村委会主任给予党内警告处分。", 2.0),
              _quote("2.村集体资金吃喝——责任人：乡纪委书记——整改状态：已完成", 1.0)]

    quoted = [e.text for e in with_problem_title(column, lambda _: _NOTICE, 20)]

    assert quoted[0] == "2.部分村以“加餐费”名义用村集体资金吃喝。"
    assert len(quoted) == 3


def test_a_column_stating_its_problem_or_holding_only_a_ledger_row_gets_nothing_more():
    stated = [_quote("2.部分村以“加餐费”名义用村集体资金吃喝。", 1.0), _quote("（1）责令相关村干部退赔吃喝费用0.82万元；", 2.0)]
    assert len(with_problem_title(stated, lambda _: _NOTICE, 20)) == 2
    ledger_only = [_quote("2.村集体资金吃喝——责任人：乡纪委书记——整改状态：已完成", 1.0)]
    assert len(with_problem_title(ledger_only, lambda _: _NOTICE, 20)) == 1


_RUN_IN = (
    "中共蘅川县棠溪街道工作委员会关于巡察整改情况的通报\n"
    "(5)超标准购置纪念品、超范围发放。街道工会在迎新活动中购置纪念品12600元,人均210元。\n"
    "整改情况:已清退超标准部分4800元。\n"
)


def test_a_finding_quoted_after_its_numbered_title_on_one_line_brings_the_title():
    document = Document(page_content=_RUN_IN, metadata={"notice_id": "n2", "unit": "蘅川县棠溪街道"})
    text = "街道工会在迎新活动中购置纪念品12600元,人均210元。"
    start = _RUN_IN.index(text)
    column = [Evidence(document, start, start + len(text), text, 1.0, True)]

    quoted = [e.text for e in with_problem_title(column, lambda _: _RUN_IN, 20)]

    assert quoted == ["(5)超标准购置纪念品、超范围发放。", text]


def test_a_measure_heading_before_a_quote_is_no_problem_title():
    notice = "中共棠溪镇委员会关于巡察整改情况的通报\n(一)加强村级财务管理。聘请会计师事务所对全镇9个村账目进行审计。\n"
    document = Document(page_content=notice, metadata={"notice_id": "n3", "unit": "棠溪镇"})
    text = "聘请会计师事务所对全镇9个村账目进行审计。"
    start = notice.index(text)
    column = [Evidence(document, start, start + len(text), text, 1.0, True)]

    assert [e.text for e in with_problem_title(column, lambda _: notice, 20)] == [text]


_GROUPED = (
    "中共蘅川县委关于巡视整改进展情况的通报\n"
    "2.民生保障有短板。\n"
    "(6)乡村道路养护不到位。一是建立养护台账。二是落实养护资金300万元。\n"
    "(7)学校师资配备不足。一是补充教师42名。二是开展“棠溪好老师”评选。\n"
)


def test_a_measure_on_the_line_of_a_numbered_sub_problem_brings_that_problem_not_the_group_above():
    document = Document(page_content=_GROUPED, metadata={"notice_id": "n4", "unit": "蘅川县"})
    text = "二是开展“棠溪好老师”评选。"
    start = _GROUPED.index(text)
    column = [Evidence(document, start, start + len(text), text, 1.0, True)]

    quoted = [e.text for e in with_problem_title(column, lambda _: _GROUPED, 20)]

    assert quoted == ["(7)学校师资配备不足。", text]  # not "2.民生保障有短板。" above (6) and (7)
