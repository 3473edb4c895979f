"""Which units had a finding asked in everyday words, on fictional notices: "哪些单位党费有问题" lists the units
whose notices report 党费 owed (the asked units are no part of the fee's name), and "哪几家档案管得乱" lists the unit
whose archives the notice calls 管理混乱, not every unit with something 管理不规范."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plain_findings"
LANXI, SHUIKOU, QINGMU = "澄水市兰溪镇", "澄水市水口街道", "澄水市青木林场"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_units_whose_party_dues_fell_short_are_listed(chain):
    answer = chain.ask("哪些单位党费有问题")

    assert "党费" in line_of(answer.text, LANXI) and "党费" in line_of(answer.text, SHUIKOU), answer.text
    assert not line_of(answer.text, QINGMU), answer.text


def test_archives_kept_in_disorder_asked_plainly_lists_the_unit_the_notice_says_so_of(chain):
    answer = chain.ask("哪几家档案管得乱")

    assert "档案管理混乱" in line_of(answer.text, LANXI), answer.text
    assert not line_of(answer.text, QINGMU), answer.text
