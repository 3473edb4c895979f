""""谁开了…会", "谁出台了…" ask which units did the act, not for a person's name (fictional notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.qualify import asks_which_units
from assistant.question import profile_question
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "who_did_act"
TOWN, BUREAU, SCHOOL = "蓼岗镇", "芸溪县水利局", "蕙田中学"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_who_held_a_meeting_lists_the_units_that_held_it(chain):
    answer = chain.ask("谁开了整改专题民主生活会")

    assert not answer.not_found
    assert "专题民主生活会" in line_of(answer.text, TOWN)
    assert "专题民主生活会" in line_of(answer.text, BUREAU)
    assert not line_of(answer.text, SCHOOL)


@pytest.mark.parametrize("question", ["谁开了专题民主生活会", "谁出台了采购办法", "谁也建了台账"])
def test_who_with_an_organisations_completed_act_asks_for_units(question):
    assert asks_which_units(question)
    assert not profile_question(question).wants_person


@pytest.mark.parametrize("question", ["专题民主生活会谁主持的", "谁开的会", "党组书记是谁"])
def test_who_presided_still_asks_for_a_person(question):
    assert profile_question(question).wants_person
