"""The inspecting team asked in plain words ("是哪个组巡的", "是谁巡视的 啥时候"), also as a follow-up naming
another unit, on fictional notices: the answer names the team as the notice writes it, 联动 included."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "team_plain_words"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_which_group_inspected_in_plain_words_names_the_team(chain):
    answer = chain.ask("石桥镇是哪个组巡的")

    assert "区委第二巡察组" in answer.text
    assert not answer.not_found


def test_a_follow_up_naming_another_unit_names_its_team_with_its_qualifier(chain):
    history = [{"role": "user", "content": "石桥镇是谁巡视的 啥时候"},
               {"role": "assistant", "content": "区委第二巡察组,2023年5月8日至6月16日。"}]
    answer = chain.ask("青禾区呢", history=history)

    assert not answer.not_found
    assert "组：市委第三联动巡察组" in answer.text  # the team as written, not a bare 巡察组
    assert "2023年3月6日至4月28日" in answer.text
    assert "区委第二巡察组" not in answer.text
