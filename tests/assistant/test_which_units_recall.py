"""Which-units questions list every unit on the topic, in the notices' own words: a hazard in something is
that thing's fault (安全隐患 ≈ 消防安全措施不到位), "…的都谁" and "谁在X上…" ask for units, and a unit whose
heading names the topic qualifies whatever words its body uses (fictional notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "which_recall"
GRAIN, SCHOOL, TAX, CLINIC = "槐川县粮油储备有限公司", "苎溪镇中心小学", "柃山区税务局", "蘅江街道社区卫生服务中心"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


@pytest.mark.parametrize("question", ["哪几家被查出安全隐患", "安全上有漏洞的都是谁", "哪些单位存在安全隐患?"])
def test_a_hazard_asked_for_finds_units_stating_the_things_fault_in_other_words(chain, question):
    answer = chain.ask(question)

    assert "消防安全措施不到位" in line_of(answer.text, GRAIN)  # no 隐患 in its notice
    assert "安全隐患" in line_of(answer.text, SCHOOL)
    assert not line_of(answer.text, TAX) and not line_of(answer.text, CLINIC)


@pytest.mark.parametrize("question", ["三会一课没搞好的都谁", "三会一课没搞好的都是谁"])
def test_dou_shui_asks_which_units_and_a_heading_on_the_topic_qualifies_its_unit(chain, question):
    answer = chain.ask(question)

    assert not answer.not_found
    assert line_of(answer.text, SCHOOL)
    assert "学习记录互相照抄" in line_of(answer.text, TAX)  # the heading says 三会一课, the body its own words
    assert not line_of(answer.text, GRAIN) and not line_of(answer.text, CLINIC)


def test_who_did_something_on_a_topic_asks_for_units(chain):
    answer = chain.ask("谁在政府采购上补了制度或者流程")

    assert not answer.not_found
    assert "审批流程" in line_of(answer.text, TAX)
    assert not line_of(answer.text, GRAIN) and not line_of(answer.text, CLINIC)
