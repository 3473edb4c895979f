"""When will it be finished: the deadline that closes the item asked about, on a fictional notice."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.deadline_answer import asks_for_deadline

NOTICE = """中共青禾市芦汀街道工作委员会关于巡察整改情况的通报

根据区委统一部署,2023年3月1日至4月20日,区委第一巡察组对芦汀街道党工委开展了常规巡察。现将整改情况公布如下。

(一)往来账款长期未清理。芦汀街道未对应当清理的往来款项进行清理核实,涉及其他应收款312.5万元,其中1998年以前的21笔共201.3万元。
整改情况:街道财政所已于2023年6月对其中3笔往来账款入账,其余往来账款正在清查。
目前,街道经管中心正在逐笔甄别,多年形成的须稳妥处理。要根据情况,能收回的尽力收回,实在无法收回或不需要偿还的,通过向街道党工委书面报告,提请党政联席会议集体讨论研究,然后按程序依法进行调账或直接作为坏账处理,力求在2024年6月底前完成。
(二)公务用车管理不规范。2022年公务用车加油卡未实行一车一卡。
整改情况:已于2023年7月完成一车一卡改造,确保2023年9月底前建立用车台账。

中共青禾市芦汀街道工作委员会
2023年10月8日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("luting.txt", NOTICE)


def test_when_will_it_be_finished_quotes_the_deadline_closing_the_item(chain):
    answer = chain.ask("芦汀街道那堆老的往来账款打算什么时候清完?")
    assert not answer.not_found, answer.text
    assert "2024年6月底前完成" in answer.text
    assert "2023年9月底前" not in answer.text  # the next item's deadline is another problem's


@pytest.mark.parametrize("question, asks", [
    ("往来账款打算什么时候清完?", True),
    ("公车台账何时建立到位?", True),
    ("整改完成时限是哪天?", True),
    ("第一个啥时候能完?", True),
    ("制度什么时候能完善?", False),
    ("往来账款涉及多少钱?", False),
    ("巡察是什么时候开始的?", False),
])
def test_a_deadline_is_asked_by_when_and_finishing(question, asks):
    assert asks_for_deadline(question) is asks
