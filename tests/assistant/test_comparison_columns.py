"""Comparisons in plain words on fictional notices: each column quotes the problem's measures and its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "columns"


@pytest.fixture
def chain(bundled_chain_over_folder) -> AnswerChain:
    return bundled_chain_over_folder(FIXTURES)


@pytest.mark.integration
def test_each_column_quotes_what_the_unit_achieved_on_the_topic_in_figures(chain):
    answer = chain.ask("松林和白榆在拉项目、引企业这块差别大吗?")

    assert not answer.not_found
    assert "4.6亿元" in answer.text  # 松林镇's result under its 招商 problem
    assert "1.2亿元" in answer.text  # 白榆乡's
