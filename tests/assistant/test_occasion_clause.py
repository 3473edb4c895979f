"""A clause naming the occasion ("…起冲突那回，") sets the scene; the asked thing is after it (FICTIONAL sentences)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.asked_thing import states_the_asked_thing
from assistant.evidence import Evidence, Question
from assistant.question import profile_question

KNOWN = {"冲突", "村民", "干部", "处分"}
WEIGHTS = {"冲突": 5.2, "村民": 4.4, "干部": 1.1, "处分": 3.2}


def _states(asked: str, text: str) -> bool:
    weights = {t: w for t, w in WEIGHTS.items() if t in asked}
    question = Question(profile_question(asked), (tuple(weights),), weights, (profile_question(asked),), {}, asked)
    sentence = Evidence(Document(page_content=text, metadata={}), 0, len(text), text, 1.0, True)
    return states_the_asked_thing([sentence], question, lambda terms: set(terms) & KNOWN, lambda _: False, 0.5)


CLASH = "2023年5月该镇在拆违工作中与村民发生冲突,引发舆情。"


def test_the_occasion_alone_does_not_answer_what_is_asked_about_it():
    assert not _states("洛溪镇跟村民起冲突那回，有干部挨处分吗", CLASH)
    assert _states("洛溪镇跟村民起冲突那回，有干部挨处分吗", "对2名干部给予党纪处分。")


def test_without_an_occasion_clause_the_heaviest_terms_stay_asked():
    assert _states("洛溪镇跟村民起冲突是怎么回事", CLASH)
    assert _states("洛溪镇跟村民起冲突那次呢?", CLASH)  # nothing asked after the occasion but the occasion
