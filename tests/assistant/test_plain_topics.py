"""Which-units questions and comparisons asked in plain words, on fictional notices: every unit stating
the asked thing is listed with the sentence that states it; a unit whose notice lacks it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plain_topics"
QINGSHAN, BAIYU, ZHUYUAN = "岚溪县青杉镇", "岚溪县白榆乡", "岚溪县竹园街道"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_every_unit_stating_the_thing_in_its_own_words_is_listed_with_that_sentence(chain):
    answer = chain.ask("哪几家单位要求一把手在会上最后表态?")

    assert not answer.not_found
    # 青杉镇 writes 主要负责人…末位表态, 白榆乡 乡长…末位表态: both say what was asked, neither in its words.
    assert "末位表态" in line_of(answer.text, QINGSHAN)
    assert "末位表态" in line_of(answer.text, BAIYU)
    assert not line_of(answer.text, ZHUYUAN)


def test_a_unit_line_quotes_the_sentence_on_the_topic_not_the_notice_opening(chain):
    answer = chain.ask("哪几家在公车使用上被巡察指出了问题?")

    line = line_of(answer.text, QINGSHAN)
    assert "公车私用" in line or "公务用车" in line
    assert "开展了常规巡察" not in line  # the notice's first sentence shares only 巡察 and 指出
    assert not line_of(answer.text, BAIYU) and not line_of(answer.text, ZHUYUAN)


def test_a_comparison_column_holds_the_topic_or_says_the_notice_does_not_mention_it(chain):
    answer = chain.ask("青杉镇和竹园街道在给基层减负上各做了什么?")

    rows = [line for line in answer.text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    qingshan_cells = [row.split(" | ")[1] for row in rows]
    zhuyuan_cells = [row.split(" | ")[2] for row in rows]
    assert any("9种" in cell for cell in qingshan_cells)  # the measure, asked as 减负, written as 报表精简
    # 竹园街道's notice says nothing on it: its closing line shares 基层 but is no answer.
    assert all(cell.strip(" |") == "通报未提及" for cell in zhuyuan_cells)
    for citation in answer.citations:
        assert "提质增效" not in citation.quote


def test_a_column_holds_the_topic_in_the_notices_variant_of_the_word(chain):
    answer = chain.ask("白榆乡和竹园街道在乱发补贴上各退了多少钱?")

    rows = [line for line in answer.text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    baiyu_cells = [row.split(" | ")[1] for row in rows]
    # asked as 乱发补贴 (违规发放 津补贴), the sum is written as 补助
    assert any("3.6万元" in cell for cell in baiyu_cells)
