"""A word with listed variants in notices (处分: 警告, 记过…) is stated only when one is written whole
(FICTIONAL sentences)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.asked_thing import states_the_asked_thing
from assistant.evidence import Evidence, Question
from assistant.question import profile_question

ASKED = "洛溪镇整改的时候处分了几个人?"


def _question() -> Question:
    weights = {"整改": 0.02, "处分": 3.2}
    return Question(profile_question(ASKED), (tuple(weights),), weights, (profile_question(ASKED),), {}, ASKED)


def _sentence(text: str) -> Evidence:
    return Evidence(Document(page_content=text, metadata={}), 0, len(text), text, 1.0, True)


def _states(text: str) -> bool:
    known = {"处分", "整改"}
    return states_the_asked_thing([_sentence(text)], _question(), lambda terms: set(terms) & known, lambda _: False, 0.5)


def test_a_sentence_sharing_one_character_of_a_variant_does_not_state_the_asked_thing():
    # 书记 shares 记 with 记过, 任职 shares 职 with 撤职: neither says anyone was disciplined.
    assert not _states("已清退6人多领的补贴,经镇党委书记签字后缴入财政,2名书记仍在岗任职。")


def test_a_sentence_writing_a_variant_whole_states_it():
    assert _states("对2名干部给予党内警告处理。")
    assert _states("给予党纪处分2人。")


def test_how_a_meeting_was_held_is_no_thing_asked():
    # "专门研究整改开了几次会" carried to another unit: the count of meetings is asked, not the word 专门.
    asked = "洛溪镇专门研究整改开了几次会?"
    weights = {"专门": 2.5, "研究": 0.8, "整改": 0.02, "会": 0.5}
    question = Question(profile_question(asked), (tuple(weights),), weights, (profile_question(asked),), {}, asked)
    known = set(weights)
    sentence = _sentence("反馈以来,镇党委先后召开党委会5次,研究部署整改工作。")
    assert states_the_asked_thing([sentence], question, lambda terms: set(terms) & known, lambda _: False, 0.5)
