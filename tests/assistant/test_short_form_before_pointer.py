"""A follow-up naming a unit by a short form its formal name does not hold, then a pointer ("信用社那个呢"), on
fictional notices: the last question is asked again of that unit, not of the unit asked before."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "short_form_pointer"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_a_short_form_then_那个_switches_to_that_unit(chain):
    history = [{"role": "user", "content": "水利局公车啥问题"},
               {"role": "assistant", "content": "局机关1辆公务用车存在私车公养问题。"}]
    answer = chain.ask("信用社那个呢", history=history)

    assert "澜沧县农村信用合作联社" in answer.standalone_question
    assert "定位装置" in answer.text
    assert "私车公养" not in answer.text
