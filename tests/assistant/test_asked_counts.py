"""Counts no record holds, found where a notice states them (FICTIONAL sentences)."""

from __future__ import annotations

from assistant.asked_counts import asked_count, count_spans
from assistant.plain_words import official_terms


def test_a_meeting_count_is_found_before_or_after_the_meeting_word_but_not_as_an_ordinal():
    asked = asked_count("石桥和桃源为整改各开了几次会")
    assert asked == ("次", "会")
    text = "先后召开3次会议研究整改。领导小组会议共4次。第5次党政联席会审议了方案。开展督查2次。"
    assert [text[a:b] for a, b in count_spans(text, asked)] == ["3次", "4次"]


def test_a_question_asking_no_count_reads_none():
    assert asked_count("两家的整改会议是怎么开的") is None


def test_rules_asked_in_plain_words_read_as_the_notices_rules():
    assert "制度" in official_terms("石桥和桃源各立了啥规矩")
