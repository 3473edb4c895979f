"""A which-units topic of two whole clauses joined by 或者/或/还是 is two topics, either enough for a unit:
a unit whose meals went over the standard and a unit that booked meals under another heading both
answer "吃喝超标或者换个名目报餐费"; a notice writing 招待费 states hospitality spending (fictional notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.concepts import alternative_clauses
from assistant.retrieval_settings import RetrievalSettings
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "which_clauses"
TOURISM, WATER, COOP, ARCHIVE = "蔺川县文化旅游局", "蔺川县水利局", "蔺川县供销合作社联合社", "蔺川县档案馆"


@pytest.fixture
def chain(bundled_chain_over_folder) -> AnswerChain:
    return bundled_chain_over_folder(FIXTURES)


@pytest.mark.parametrize("question", ["有没有哪家吃喝超标或者换个名目报餐费的", "哪些单位吃喝超标还是换了名目报餐费"])
def test_each_whole_clause_is_enough_for_a_unit(chain, question):
    answer = chain.ask(question)

    assert not answer.not_found
    assert "超出标准" in line_of(answer.text, TOURISM)  # only the first clause
    assert "培训费名义报销餐费" in line_of(answer.text, WATER)  # only the second
    assert "招待费" in line_of(answer.text, COOP)  # the second, written 名义…招待费
    assert not line_of(answer.text, ARCHIVE)


def test_an_alternative_of_single_words_stays_one_topic():
    def tokenize(text: str) -> list[str]:
        return [piece for piece in ("拆", "退出", "养殖", "吃喝", "超标", "换个", "名目", "报", "餐费") if piece in text]

    settings = RetrievalSettings()
    knobs = (settings.min_clause_words, settings.clause_word_chars)
    assert alternative_clauses("哪些单位拆了或者退出了养殖", tokenize, *knobs) == ["哪些单位拆了或者退出了养殖"]
    assert len(alternative_clauses("哪家吃喝超标或者换个名目报餐费", tokenize, *knobs)) == 2
