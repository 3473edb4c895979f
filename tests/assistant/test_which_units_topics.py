"""Which-units questions whose topic the notices write in other words (信访 asked, 来信来访 or 投诉 written)
or frame with "挨批" (criticised by the inspection, not a person's sanction), on fictional notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "complaint_topics"
CONGRESS, BUS, TOWNSHIP = "桦川市兰溪区人大常委会机关", "桦川市三河公共交通有限公司", "桦川县樵山乡"
BUREAU, COLLEGE = "桦川县桐山医疗保障局", "桦川云河职业技术学院"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def unit_named(answer_text: str, unit: str) -> bool:
    return bool(line_of(answer_text, unit))


def test_petitions_or_complaints_find_units_writing_letters_visits_and_complaints(chain):
    answer = chain.ask("信访或者群众投诉被点到的有谁")

    assert "来信来访" in line_of(answer.text, CONGRESS)
    assert "乘客投诉" in line_of(answer.text, BUS)
    assert "信访积案" in line_of(answer.text, TOWNSHIP)
    assert not unit_named(answer.text, COLLEGE)


def test_a_topic_criticised_lists_the_units_criticised_on_it(chain):
    answer = chain.ask("营商环境挨批的是哪些")

    assert "营商环境" in line_of(answer.text, TOWNSHIP)
    assert "营商环境" in line_of(answer.text, BUREAU)
    assert not unit_named(answer.text, CONGRESS) and not unit_named(answer.text, COLLEGE)
