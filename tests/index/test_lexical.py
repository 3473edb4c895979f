"""The word cutter: each one keeps its own added words, though they share jieba's dictionary."""

from __future__ import annotations

from index.lexical import ChineseTokenizer

UNIT = "雁汀市鹭洲区"  # a fictional unit name jieba does not know as one word


def test_a_unit_name_added_to_one_word_cutter_is_one_token_there_and_not_in_another():
    knows_the_unit = ChineseTokenizer([UNIT])
    does_not = ChineseTokenizer()
    assert UNIT in knows_the_unit.tokenize(f"{UNIT}巡察整改情况")
    assert UNIT not in does_not.tokenize(f"{UNIT}巡察整改情况")
    assert "巡察" in does_not.tokenize(f"{UNIT}巡察整改情况")
