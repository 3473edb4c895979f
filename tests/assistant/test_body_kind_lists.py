"""Which units a kind of inspecting body inspected, on fictional notices: "哪几家是省委巡视组来巡的" lists only the
units the notices say a 省委 team inspected; a clause saying what does not count ("…市委巡视组不算", "除了…以外")
removes that kind, or that unit, from the answer instead of becoming the unit asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.exclusions import asked_body_kinds, left_out_spans
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inspection_kinds"
HEXI, SHUIWU, BAITA, KANGNING = "澄水市河西区", "澄水市水务局", "澄水市白塔镇", "澄水市康宁医院"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_only_units_inspected_by_the_asked_kind_of_body_are_listed(chain):
    answer = chain.ask("哪几家是省委巡视组来巡的?")

    assert "省委第三巡视组" in line_of(answer.text, HEXI)
    assert not any(line_of(answer.text, unit) for unit in (SHUIWU, BAITA, KANGNING)), answer.text


def test_a_kind_said_not_to_count_is_left_out_and_its_example_unit_is_not_the_one_asked_about(chain):
    answer = chain.ask("哪些是巡视组巡的?水务局那种市委巡视组不算")

    assert line_of(answer.text, HEXI), answer.text
    assert not line_of(answer.text, SHUIWU), answer.text


def test_a_unit_said_not_to_count_is_out_of_the_list(chain):
    answer = chain.ask("除了康宁医院以外,哪些单位是区委巡察组巡的?")

    assert "区委第二巡察组" in line_of(answer.text, BAITA), answer.text
    assert not line_of(answer.text, KANGNING) and not line_of(answer.text, HEXI), answer.text


@pytest.mark.parametrize(("question", "wanted", "left_out"), [
    ("哪些是省委巡视组巡的?上海那种市委巡视组不算", {"省委"}, {"市委"}),
    ("哪些单位被区委巡察组巡过,县委的除外", {"区委"}, {"县委"}),
    ("哪些单位的食堂被点名?", set(), set()),
])
def test_the_kinds_asked_for_and_left_out_are_read_from_the_wording(question, wanted, left_out):
    assert asked_body_kinds(question) == (wanted, left_out)


def test_a_question_without_an_exclusion_has_no_left_out_clause():
    assert left_out_spans("哪几家算了整改完成率?") == []
