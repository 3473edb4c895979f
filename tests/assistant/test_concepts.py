"""A question's topic words and concepts: asking wording is no topic; a concept is met by any of its words."""

from __future__ import annotations

import numpy as np

from assistant.concepts import concept_coverage, question_concepts
from assistant.topic_words import topic_tokens, without_asking_words
from index.bm25 import empty_snapshot
from index.lexical import ChineseTokenizer

TOKENIZER = ChineseTokenizer()


def test_which_units_wording_and_that_the_inspection_raised_it_are_not_the_topic():
    assert "几家" not in without_asking_words("哪几家单位要求一把手在会上最后表态?")
    assert without_asking_words("哪些单位的食堂被巡察点了名?").strip(" 的?") == "食堂"
    assert "指出" in without_asking_words("巡察指出了哪些问题?")  # about one notice: kept
    assert topic_tokens(["给", "基层", "减负"]) == ["基层", "减负"]


def test_a_unit_stating_the_concept_in_the_notices_words_covers_as_much_as_in_the_users():
    rows = [
        ("a", "n1", TOKENIZER.tokenize("主要负责人在党委会上实行末位表态")),
        ("b", "n2", TOKENIZER.tokenize("一把手末位表态")),
        ("c", "n3", TOKENIZER.tokenize("清退误餐补助3.6万元")),
    ]
    snapshot = empty_snapshot().with_notices(rows)
    concepts = question_concepts("哪几家单位要求一把手最后表态?", TOKENIZER.tokenize)
    covered, holds_plain = concept_coverage(snapshot, concepts)
    assert covered[0] == covered[1] > 0  # 主要负责人 and 一把手 are one concept, counted once
    assert covered[2] == 0 and holds_plain.tolist() == [True, True, False]


def test_a_split_official_word_is_met_only_where_all_its_pieces_are():
    rows = [("a", "n1", TOKENIZER.tokenize("科室负责人主动报告")), ("b", "n2", TOKENIZER.tokenize("主要负责人末位表态"))]
    snapshot = empty_snapshot().with_notices(rows)
    covered, _ = concept_coverage(snapshot, question_concepts("一把手", TOKENIZER.tokenize))
    assert covered[0] == 0 and covered[1] == 1.0
    assert np.all(covered >= 0)


def test_asking_at_whose_place_and_that_it_was_found_are_not_the_topic():
    assert without_asking_words("谁那儿查出公车私用了").strip(" 了") == "公车私用"
    assert without_asking_words("哪里查出公车私用了").strip(" 了") == "公车私用"
    assert without_asking_words("食堂方面被点名的有哪些").strip(" ") == "食堂方面"
    assert without_asking_words("工程招标出问题的单位有谁").strip(" ") == "工程招标"


def test_a_reduplicated_word_is_met_where_the_notice_says_it_once():
    rows = [("a", "n1", TOKENIZER.tokenize("社区以开会名义聚餐，违规吃喝")), ("b", "n2", TOKENIZER.tokenize("清理门面房租金"))]
    snapshot = empty_snapshot().with_notices(rows)
    covered, _ = concept_coverage(snapshot, question_concepts("谁那儿吃吃喝喝了", TOKENIZER.tokenize))
    assert covered[0] == 1.0 and covered[1] == 0


def test_either_of_two_things_joined_by_or_is_one_concept():
    rows = [
        ("a", "n1", TOKENIZER.tokenize("禁养区6家养殖场均已拆除")),
        ("b", "n2", TOKENIZER.tokenize("累计退出养殖水面3000亩")),
        ("c", "n3", TOKENIZER.tokenize("推进养殖业转型升级")),
    ]
    snapshot = empty_snapshot().with_notices(rows)
    covered, _ = concept_coverage(snapshot, question_concepts("哪些单位拆了或者退出了养殖", TOKENIZER.tokenize))
    assert np.allclose(covered[:2], 1.0)  # 拆 (written 拆除) or 退出, and 养殖
    assert covered[2] < 0.7


def test_the_other_way_after_a_plain_phrases_money_joins_it():
    rows = [
        ("a", "n1", TOKENIZER.tokenize("违规发放加班补贴,清退1.2万元")),
        ("b", "n2", TOKENIZER.tokenize("超标准发放奖励性工资,追回8万元")),
        ("c", "n3", TOKENIZER.tokenize("推进食堂管理制度建设")),
    ]
    snapshot = empty_snapshot().with_notices(rows)
    covered, _ = concept_coverage(snapshot, question_concepts("哪些单位乱发津补贴或者工资", TOKENIZER.tokenize))
    assert np.allclose(covered[:2], 1.0)  # 乱发 (违规发放) 津补贴, or 工资
    assert covered[2] < 0.5
