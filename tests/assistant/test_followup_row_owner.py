"""A follow-up asking who is in charge of the item just told: the owner cell of the table row stating it
(FICTIONAL notice)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共蘅川县林业局党组关于县委第三巡察组巡察反馈意见整改情况的通报

2024年3月4日至4月19日,县委第三巡察组对县林业局党组进行了常规巡察,指出问题4个。截至2024年10月31日,已完成整改3个。

巡察反馈问题整改情况表
序号	问题	整改措施	责任单位	完成时限	完成情况
1	生态护林员考核流于形式	修订考核办法,解聘不合格护林员11名	资源管理股	2024年8月	已完成
2	造林补助资金拨付滞后	拨付滞后补助资金84.6万元	计划财务股	2024年9月	已完成
3	林木采伐审批把关不严	复核采伐许可证27份,撤销违规许可2份	林政执法大队	2024年7月	已完成
4	棠溪林场防火通道建设滞后	倒排工期,加快施工	林场管理股	2025年5月	持续推进

中共蘅川县林业局党组
2024年11月8日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("linye.txt", NOTICE)


def _history(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_who_is_in_charge_of_a_figure_is_its_rows_owner_cell(chain):
    answer = chain.ask("这是哪个股室管的", history=_history("蘅川县林业局拨付了多少滞后补助",
                                                           "蘅川县林业局：拨付滞后补助资金84.6万元。"))

    assert "计划财务股" in answer.text
    assert "资源管理股" not in answer.text and "林政执法大队" not in answer.text
    assert any("84.6万元" in c.quote and "计划财务股" in c.quote for c in answer.citations)
    assert all(c.verified for c in answer.citations)


def test_who_is_in_charge_follows_the_clause_told(chain):
    answer = chain.ask("谁负责的", history=_history("林业局采伐审批有啥问题",
                                                    "蘅川县林业局：复核采伐许可证27份，撤销违规许可2份。"))

    assert "林政执法大队" in answer.text and "计划财务股" not in answer.text
