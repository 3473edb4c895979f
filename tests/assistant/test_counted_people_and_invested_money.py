"""A count of people asked with a staff word ("纪检力量配了多少人") is met by the people counted; money put into
projects ("项目投了多少钱") is not money recovered (FICTIONAL sentences)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.asked_thing import states_the_asked_thing
from assistant.evidence import Evidence, Question
from assistant.plain_words import with_official_terms
from assistant.question import profile_question, record_fields

KNOWN = {"纪检", "力量", "基层", "队伍", "处分"}
WEIGHTS = {"配": 5.0, "力量": 3.9, "队伍": 3.9, "纪检": 2.5, "基层": 1.2, "处分": 2.4}


def _states(asked: str, text: str) -> bool:
    weights = {t: w for t, w in WEIGHTS.items() if t in asked}
    question = Question(profile_question(asked), (tuple(weights),), weights, (profile_question(asked),), {}, asked)
    sentence = Evidence(Document(page_content=text, metadata={}), 0, len(text), text, 1.0, True)
    return states_the_asked_thing([sentence], question, lambda terms: set(terms) & KNOWN, lambda _: False, 0.7)


STAFFED = "向各乡镇派驻纪检监察员12名,配备专职纪检干部6名。"


def test_a_staff_word_asked_with_a_count_of_people_is_met_by_the_people_counted():
    assert _states("蘅川县基层纪检力量配了多少人", STAFFED)
    assert _states("蘅川县纪检队伍配了几名", STAFFED)


def test_the_staff_of_another_kind_still_does_not_answer():
    assert not _states("蘅川县基层纪检力量配了多少人", "聘请村级保洁员30名,新增停车位120个。")


def test_without_a_count_of_people_the_staff_word_stays_asked():
    assert not _states("蘅川县纪检力量怎么样", STAFFED)


def test_money_put_into_projects_is_not_the_recovered_money_record():
    assert "money" not in record_fields("棠溪镇重点项目投了多少钱")
    assert "money" not in record_fields("棠溪镇项目投资多少钱")
    assert "money" in record_fields("棠溪镇清退了多少钱")
    assert "投资" in with_official_terms("棠溪镇重点项目投了多少钱")
    assert "投资" in with_official_terms("项目投进去几个亿")


def test_how_it_was_mended_is_no_topic_word():
    from assistant.topic_words import without_asking_words

    assert "改" not in without_asking_words("蘅川县放管服咋改的").replace("放管服", "")
    assert "改" not in without_asking_words("棠溪镇食堂问题怎么整改的").replace("放管服", "")
    assert "改革" in without_asking_words("棠溪镇改革推进得怎么样")
