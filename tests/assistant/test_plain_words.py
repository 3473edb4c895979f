"""Plain words of a question also search as notices write them."""

from __future__ import annotations

from assistant.plain_words import official_terms, with_official_terms


def test_plain_phrases_bring_the_words_notices_use():
    assert "公务用车" in official_terms("城投和卫健委在管好公家的车上各做了啥?")
    assert "主要负责人" in official_terms("两个单位在盯住一把手这块是怎么整改的?")
    assert "财务管理" in official_terms("谁在花钱的规矩上下了功夫?")
    assert "营商环境" in official_terms("帮企业解决难题方面做了什么?")


def test_a_question_already_in_the_notices_words_is_left_as_it_is():
    question = "哪些单位清退了违规发放的津补贴?"
    assert with_official_terms(question) == question
    assert with_official_terms("公车私用怎么整改的?").startswith("公车私用怎么整改的?(")
