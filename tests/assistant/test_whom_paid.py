"""Asked whom money pointed back at went to, the answer quotes the measure and the problem it was paid back for."""

from __future__ import annotations

from assistant.problem_statement import asks_what_went_wrong

BANK_NOTICE = """中共蓼沅县农村商业银行委员会关于巡察整改情况的通报

2024年3月4日至4月19日,县委第二巡察组对县农商行党委开展了常规巡察,5月13日反馈了巡察意见。

一、主要问题整改情况

【问题1】违规向贷款客户收取咨询费,部分支行在放贷时捆绑收取“财务顾问费”。
整改措施:全面停止收费,逐笔核查2022年以来贷款,向87户客户退还违规收取的费用9.36万元。

【问题2】超标准发放绩效工资。
整改措施:追回超标准发放的绩效工资12.5万元。

二、整改成效

巡察以来,共追回、退还资金21.86万元,其中追回超标准绩效工资12.5万元、退还违规收费9.36万元。

中共蓼沅县农村商业银行委员会
2024年11月8日
"""


def test_whom_the_money_went_to_comes_with_the_problem_it_was_for(chain_over):
    chain = chain_over("liaoyuan_nongshang.txt", BANK_NOTICE)
    history = [{"role": "user", "content": "蓼沅农商行退了多少钱"},
               {"role": "assistant", "content": "共追回、退还资金21.86万元,其中追回超标准绩效工资12.5万元、退还违规收费9.36万元。[1]"}]
    answer = chain.ask("那9万多是退给谁的", history=history)
    assert not answer.not_found and "87户" in answer.text
    assert "捆绑收取" in answer.text  # the problem the money was paid back for


def test_whom_money_went_to_is_asked_by_giving_words_only():
    assert asks_what_went_wrong("那18万多是退给谁的")
    assert asks_what_went_wrong("这笔钱发给了哪些人")
    assert not asks_what_went_wrong("那笔钱退了吗")
