"""One unit's counts a question lists, added up on a fictional notice: every listed item meets the count its
clause names in one sentence, each part is cited, and an item the notice lacks leaves the sum to other answers."""

from __future__ import annotations

import re

import pytest

from assistant.stated_sum import answer_stated_sum, listed_count_items
from assistant.verify import verify_answer

UNIT = "柏岭乡"
NOTICE = (
    "柏岭乡党委关于巡察整改情况的通报\n\n"
    "乡党委推行网格化管理,全乡划分为210个网格,确定村网格长18人,包村乡干部31名,包组村干部(组网格员)96人。"
    "另有驻村工作队员12人。\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"boling.txt": NOTICE})


def _ask(catalogue, question: str):
    notices, _, texts = catalogue
    spans = [(m.start(), m.end()) for m in re.finditer("柏岭乡?", question)]
    answer = answer_stated_sum(question, question, UNIT, spans, notices, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_counts_listed_by_spaces_are_added_from_one_sentence_with_each_part_cited(catalogue):
    answer = _ask(catalogue, "柏岭网格长 包村的 包组的 一共多少人")
    assert answer.text.splitlines()[0] == f"{UNIT}通报的网格长、包村、包组加起来共145人(按通报同一句中的数字相加):18人[1]+31名[2]+96人[3]。"
    assert "210个" not in answer.text and "12人" not in answer.text


def test_an_item_no_clause_of_the_sentence_names_leaves_the_sum_to_other_answers(catalogue):
    assert _ask(catalogue, "柏岭网格长和驻村工作队员一共多少人") is None  # two sentences: not one listing
    assert _ask(catalogue, "柏岭网格长和巡察干部一共多少人") is None


def test_only_a_listed_count_sum_is_read():
    assert listed_count_items("网格长、包村的一共多少人") == (["网格长", "包村"], "人")
    assert listed_count_items("网格长一共多少人") == ([], "")
    assert listed_count_items("网格长 包村的 一共多少钱") == ([], "")


def test_an_item_asked_with_a_de_between_its_words_meets_the_clause_writing_them_together(catalogue):
    answer = _ask(catalogue, "柏岭的网格长、包村的乡干部、包组村干部加起来多少人")
    assert "加起来共145人" in answer.text.splitlines()[0]
    assert _ask(catalogue, "柏岭的网格长、包村的巡察干部加起来多少人") is None
